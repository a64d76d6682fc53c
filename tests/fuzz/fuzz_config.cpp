// libFuzzer: the kiosk's TOML config (kiosk.toml), parsed as at start-up.
#include <cstddef>
#include <cstdint>
#include <string>

#include "kiosk/parts/config.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto r = lantern::kiosk::parse_kiosk_config(std::string(lantern::fuzz::as_text(data, size)), "kiosk.toml");
    (void)r;
    return 0;
}
