// libFuzzer: what comes back to the kiosk from "the hub" (or anything in the path): a referral POST's answer
// (status, content type, body), the content manifest, a receipt.
#include <cstddef>
#include <cstdint>
#include <string>

#include "sync/hub_client.h"
#include "sync/protocol.h"
#include "tests/fuzz/fuzz_common.h"

using namespace lantern;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    static const long statuses[] = {200, 201, 400, 401, 403, 404, 408, 409, 413, 422, 429, 500, 502, 503, 302, 0};
    static const char* const types[] = {"application/json", "application/json; charset=utf-8", "text/html", ""};
    long status = statuses[data[0] % 16];
    const char* type = types[data[1] % 4];
    std::string body(fuzz::as_text(data + 2, size - 2));
    auto outcome = sync::classify_post_response("6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f", status, type, body);
    (void)outcome;
    (void)sync::parse_manifest(body);
    (void)sync::parse_receipt(body);
    return 0;
}
