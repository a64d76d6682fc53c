// libFuzzer: POST /api/v1/heartbeat's body, through the hub route's parser and into a real HubStore as the
// route records it.
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
    store->record_heartbeat("kiosk-1", sync::to_json(*hb.value).dump());
    return 0;
}
