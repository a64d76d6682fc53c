// libFuzzer: GET /api/v1/notices's body as a kiosk reads it (the envelope, then the signed document's text) and
// POST /api/v1/notices's as the hub does: one strict parser; whatever it takes must write back to the same value.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "sync/notices.h"
#include "tests/fuzz/fuzz_common.h"

using namespace lantern;

namespace {

void check_document(std::string_view text) {
    auto doc = sync::parse_notices_document(text);
    if (!doc) return;
    auto again = sync::parse_notices_document(sync::to_json(*doc.value).dump());
    if (!again || !(*again.value == *doc.value)) std::abort();
    for (const auto& n : doc.value->notices) {
        // What the parser let through is what the kiosk relies on: dates in order, English present.
        if (n.end < n.start || n.text_en.empty() || n.centres.empty()) std::abort();
        (void)sync::is_showing_on(n, "2026-12-01");
    }
    (void)sync::notices_for_centre(*doc.value, "HMP Example");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text = fuzz::as_text(data, size);
    check_document(text);
    auto envelope = sync::parse_signed_notices(text);
    if (!envelope) return 0;
    auto again = sync::parse_signed_notices(sync::to_json(*envelope.value).dump());
    if (!again || !(*again.value == *envelope.value)) std::abort();
    static const sync::Bytes key = sync::generate_signing_keys().public_key;
    if (sync::open_signed_notices(*envelope.value, key)) std::abort();  // nobody else holds this key's half
    check_document(envelope.value->document);
    return 0;
}
