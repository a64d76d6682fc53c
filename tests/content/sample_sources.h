// A small, valid content source folder written into a TempDir, for tests to build on or break.
#pragma once

#include "tests/temp_dir.h"

namespace lantern::test {

inline void write_sample_sources(const TempDir& dir) {
    dir.write_file("topics.yaml", R"(topics:
  - id: visits
    audience: [adult]
    title: {en: "Visiting", cy: "Ymweld"}
  - id: travel-costs
    audience: [adult]
    title: {en: "Help with travel costs"}
  - id: feelings
    audience: [child, teen]
    title: {en: "Feelings"}
  - id: domestic-abuse
    audience: [adult, child]
    title: {en: "Domestic abuse"}
)");
    dir.write_file("pages/en/first-visit.md", R"(---
id: first-visit
lang: en
title: Your first visit
summary: What happens on your first visit.
topic: visits
audience: [adult]
reviewed: 2026-11-24
---
## Before you go

Book your visit **early**. Read about [travel costs](page:travel-costs).

- Bring photo ID.
- Bring a little money.
)");
    dir.write_file("pages/cy/first-visit.md", R"(---
id: first-visit
lang: cy
title: Eich ymweliad cyntaf
topic: visits
audience: [adult]
reviewed: 2026-11-24
---
Archebwch eich ymweliad yn gynnar.
)");
    dir.write_file("pages/en/travel-costs.md", R"(---
id: travel-costs
lang: en
title: Help with travel costs
summary: You may get help paying for travel to a visit.
topic: travel-costs
audience: [adult]
reviewed: 2026-11-24
---
You can claim help with travel costs on GOV.UK.
)");
    dir.write_file("pages/en/feelings.md", R"(---
id: feelings
lang: en
title: All feelings are OK
topic: feelings
audience: [child, teen]
reviewed: 2026-11-24
---
It is OK to feel sad. It is OK to feel cross.
)");
    dir.write_file("pages/en/abuse.md", R"(---
id: abuse-help
lang: en
title: Domestic abuse
topic: domestic-abuse
audience: [adult, child]
reviewed: 2026-11-24
---
Call 0808 2000 247.
)");
    dir.write_file("services.json",
                   R"([{"id": "samaritans", "name": "Samaritans", "phone": "116 123", "needs": ["mental-health"]}])");
}

}  // namespace lantern::test
