// Notices from the hub: the signed document the support team publishes, its one strict parser, and which
// notices a kiosk shows on a day. Shared by the hub, the `lantern` command and the kiosk.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "sync/encoding.h"
#include "sync/protocol.h"
#include "sync/sealing.h"

namespace lantern::sync {

// A notice is one or two lines on the banner (as a staff notice is).
inline constexpr std::size_t k_max_hub_notice_chars = 160;
inline constexpr std::size_t k_max_hub_notices = 100;
// The document's own JSON text: inside the envelope (escaped as a JSON string) it stays within the hub's
// default body limit for JSON (max_json_bytes, 64 KiB).
inline constexpr std::size_t k_max_notices_document_bytes = 30 * 1024;

// One notice: the same dates, centres and audience for each of its languages, so a Welsh version can never
// run on other days than its English one. English is required; Welsh is optional (the kiosk then shows the
// English to a Welsh reader, as with the pack's notices).
struct HubNotice {
    std::string id;                      // [a-z0-9_-]{1,40}, unique in the document
    std::vector<std::string> centres;    // ["all"], or centre names as the kiosks' [kiosk] centre says them
    std::vector<std::string> audiences;  // little | child | teen | adult; empty: everyone
    std::string start, end;              // YYYY-MM-DD, the kiosk's local date, start <= end, both shown
    std::string text_en, text_cy;        // 1..160 letters, no control characters; text_cy may be empty
    bool operator==(const HubNotice&) const = default;
};

struct NoticesDocument {
    std::int64_t version = 0;  // 1 or more; a kiosk takes only a higher one than it holds
    std::vector<HubNotice> notices;
    bool operator==(const NoticesDocument&) const = default;
};
nlohmann::json to_json(const NoticesDocument& d);
// Strict: every field typed, checked and known; a notice's error names its place and id, never its text.
Parsed<NoticesDocument> parse_notices_document(std::string_view text);

// The document as it travels and is kept: its exact JSON text and an Ed25519 signature over
// notices_signing_message(document), by the content-signing key that signs packs.
//   POST /api/v1/notices (admin) and GET /api/v1/notices (kiosk): {"document": "<JSON text>", "signature": "<base64>"}
struct SignedNotices {
    std::string document;
    Bytes signature;
    bool operator==(const SignedNotices&) const = default;
};
nlohmann::json to_json(const SignedNotices& s);
Parsed<SignedNotices> parse_signed_notices(std::string_view body);

// "lantern-notices-v1\n" + document: never the same bytes as a pack's signed message ("lantern-pack-v1\n"...).
std::string notices_signing_message(std::string_view document);
SignedNotices sign_notices(const NoticesDocument& d, const SecretBytes& signing_key);
// The document, if `s` is signed by `signing_public_key` and its document parses; else why not (in words
// for staff and the hub's log: no notice's text).
Parsed<NoticesDocument> open_signed_notices(const SignedNotices& s, const Bytes& signing_public_key);

// The notices for one centre: those naming "all" or `centre` (case and spacing aside, as family services'
// centres are matched: common/place_name.h).
std::vector<HubNotice> notices_for_centre(const NoticesDocument& d, std::string_view centre);
// Shown on `day` (YYYY-MM-DD): start <= day <= end.
bool is_showing_on(const HubNotice& n, std::string_view day);

}  // namespace lantern::sync
