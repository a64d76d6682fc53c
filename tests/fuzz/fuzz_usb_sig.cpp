// libFuzzer: the .sig file beside a pack on a USB stick, through the kiosk's own import (sync/pack_update).
// The pack beside it is signed but is not a pack, so no input may ever install it: whatever the .sig says,
// the import ends with a reason and leaves nothing in the kiosk's packs folder.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "sync/outbox_store.h"
#include "sync/pack_update.h"
#include "tests/fuzz/fuzz_common.h"
#include "tests/fuzz/fuzz_usb_stick.h"

namespace fs = std::filesystem;
using namespace lantern;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const fuzz::UsbStick stick;
    static const fs::path dir = fuzz::scratch_dir();
    static const fs::path pack = dir / "lantern-2.sqlite";
    static const fs::path packs = dir / "packs";
    static const auto store = [] {
        fuzz::write_bytes(pack, reinterpret_cast<const std::uint8_t*>(stick.pack_bytes.data()),
                          stick.pack_bytes.size());
        return std::make_unique<sync::OutboxStore>(dir / "outbox.sqlite");
    }();
    fuzz::write_bytes(pack.string() + ".sig", data, size);
    std::string version;
    std::string why = sync::import_signed_pack(*store, pack, packs, stick.public_key, "1", version, {});
    if (why.empty() || !version.empty()) std::abort();  // a non-pack was installed
    std::error_code ec;
    if (fs::exists(packs, ec) && !fs::is_empty(packs, ec)) std::abort();  // a copy was left behind
    return 0;
}
