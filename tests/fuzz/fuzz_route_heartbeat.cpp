// libFuzzer: POST /api/v1/heartbeat's body, through the hub route's parser and into a real HubStore as the
// route records it, usage figures included.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>

#include "hub/store/hub_store.h"
#include "sync/protocol.h"
#include "tests/fuzz/fuzz_common.h"

using namespace lantern;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static auto store = hub::open_store("", fuzz::scratch_dir());
    auto hb = sync::parse_heartbeat(fuzz::as_text(data, size));
    if (!hb) return 0;
    auto again = sync::parse_heartbeat(sync::to_json(*hb.value).dump());
    if (!again || !(*again.value == *hb.value)) std::abort();
    hb.value->nonce.clear();
    // As the route does: the usage days per (kiosk, day), then the heartbeat without them. Every count the
    // parser let through is a usage name within its limits, and the sums read back.
    for (const auto& d : hb.value->usage_days)
        for (const auto& [name, n] : d.counts)
            if (!sync::is_valid_usage_key(name) || n < 0 || n > sync::k_max_usage_count) std::abort();
    store->record_usage("kiosk-1", hb.value->usage_days);
    hb.value->usage_days.clear();
    store->record_heartbeat("kiosk-1", sync::to_json(*hb.value).dump());
    store->usage_counts();
    return 0;
}
