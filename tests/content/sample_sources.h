// A small, valid content source folder written into a TempDir, for tests to build on or break.
#pragma once

#include <string>

#include "content/sources.h"
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

// A valid 1x1 PNG, so image files pass the reader's checks and decode in a pack.
inline const std::string k_tiny_png(
    "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x01\x00\x00\x00\x01"
    "\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\x0d\x49\x44\x41\x54\x78\xda\x63\x64\x60\xf8\x5f"
    "\x0f\x00\x02\x87\x01\x80\xeb\x47\xba\x92\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82",
    70);

// One page's source text: front matter (id, lang, title, topic, audience, reviewed) then `body`,
// which starts on line 9 of the file.
inline std::string page_source(const std::string& id, const std::string& lang, const std::string& audience,
                               const std::string& topic, const std::string& body,
                               const std::string& reviewed = "2026-11-24") {
    return "---\nid: " + id + "\nlang: " + lang + "\ntitle: Title of " + id + "\ntopic: " + topic + "\naudience: [" +
           audience + "]\nreviewed: " + reviewed + "\n---\n" + body;
}

// topics.yaml with one ordinary topic per audience group and the adult-only ones.
inline void write_topics(const TempDir& dir) {
    dir.write_file("topics.yaml", R"(topics:
  - id: visits
    audience: [adult, teen, child, little]
    title: {en: "Visiting", cy: "Ymweld"}
  - id: money-debt
    audience: [adult]
    title: {en: "Money and debt", cy: "Arian a dyled"}
)");
}

// Every error the folder's sources were read with, a line each (warnings left out).
inline std::string errors_of(const content::Sources& s) {
    std::string out;
    for (const auto& i : s.issues)
        if (i.severity == content::SourceIssue::Severity::error) out += i.to_string() + "\n";
    return out;
}

// The sample sources with `services_json` as their services.json, read.
inline content::Sources read_with_services(const TempDir& dir, const std::string& services_json) {
    write_sample_sources(dir);
    dir.write_file("services.json", services_json);
    return content::read_sources(dir.path());
}

}  // namespace lantern::test
