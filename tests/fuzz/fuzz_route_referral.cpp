// libFuzzer: POST /api/v1/referrals's body, through the hub route's own parser and on into a real HubStore.
// A body that parses must survive the round trip the route makes (it hashes the re-serialised form).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>

#include "hub/store/hub_store.h"
#include "sync/encoding.h"
#include "sync/protocol.h"
#include "tests/fuzz/fuzz_common.h"

using namespace lantern;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static auto store = hub::open_store("", fuzz::scratch_dir());
    auto parsed = sync::parse_referral_post(fuzz::as_text(data, size));
    if (!parsed) return 0;
    std::string canonical = sync::to_json(*parsed.value).dump();
    auto again = sync::parse_referral_post(canonical);
    if (!again || !(*again.value == *parsed.value)) std::abort();  // the route's hash would not be stable
    auto stored = store->store_referral(*parsed.value, sync::sha256_hex(canonical));
    (void)stored;
    return 0;
}
