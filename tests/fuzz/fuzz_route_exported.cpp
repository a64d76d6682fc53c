// libFuzzer: POST /api/v1/referrals/exported's body (the admin route), through the route's own parser.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "hub/shared/admin_api.h"
#include "sync/encoding.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto request = lantern::hub::api::parse_exported_request(lantern::fuzz::as_text(data, size));
    if (!request) {
        if (request.error().message.empty()) std::abort();
        return 0;
    }
    if (request.value().ids.size() > lantern::hub::api::k_max_exported_ids) std::abort();
    for (const auto& id : request.value().ids)
        if (!lantern::sync::is_uuid(id)) std::abort();
    return 0;
}
