// libFuzzer: the scripted-input format (--script), parsed as the kiosk does before playing it.
#include <cstddef>
#include <cstdint>
#include <string>

#include "kiosk/input/script.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto r = lantern::kiosk::parse_script(std::string(lantern::fuzz::as_text(data, size)), "fuzz.txt");
    (void)r;
    return 0;
}
