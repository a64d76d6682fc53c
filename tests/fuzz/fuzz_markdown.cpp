// libFuzzer: a page's Markdown body, as the kiosk lays it out and search and read-aloud flatten it.
#include <cstddef>
#include <cstdint>
#include <string>

#include "content/markdown.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(lantern::fuzz::as_text(data, size));
    auto doc = lantern::content::parse_markdown(text);
    (void)lantern::content::plain_text(doc);
    return 0;
}
