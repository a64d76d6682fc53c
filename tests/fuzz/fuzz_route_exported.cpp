// libFuzzer: POST /api/v1/referrals/exported's body (the admin route), through the route's own parser.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "hub/server/hub_server.h"
#include "sync/encoding.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::vector<std::string> ids;
    std::string error = lantern::hub::parse_exported_ids(lantern::fuzz::as_text(data, size), ids);
    if (error.empty() && ids.size() > 1000) std::abort();
    for (const auto& id : ids)
        if (!lantern::sync::is_uuid(id)) std::abort();
    return 0;
}
