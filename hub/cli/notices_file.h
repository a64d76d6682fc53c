// The support team's notices file (YAML) read into the signed document's shape, through its one strict parser.
#pragma once

#include <cstdint>
#include <string>

#include "common/result.h"
#include "sync/notices.h"

namespace lantern::hub {

// `text` is a notices.yaml:
//   version: 7            # optional: by default the time of publishing, YYYYMMDDHHMMSS (UTC), so it only goes up
//   notices:
//     - id: play-area
//       centres: [all]    # or centre names, as each kiosk's [kiosk] centre says them
//       audiences: [adult]  # optional: everyone
//       start: 2026-12-01
//       end: 2026-12-24
//       text: {en: "...", cy: "..."}
// The document, or what is wrong (naming the notice by place and id, as sync::parse_notices_document says it).
Result<sync::NoticesDocument> read_notices_yaml(const std::string& text, std::int64_t default_version);
// Now (UTC) as YYYYMMDDHHMMSS: the default version.
std::int64_t notices_version_now();

}  // namespace lantern::hub
