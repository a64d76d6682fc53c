// libFuzzer: form.json through its one parser (content/form_model.h), as `lantern content build` checks it and
// as the kiosk reads it from a pack.
#include <cstddef>
#include <cstdint>
#include <string>

#include "content/form_model.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(lantern::fuzz::as_text(data, size));
    auto parsed = lantern::content::form::parse_form(text);
    for (const auto& issue : parsed.issues) (void)issue.to_string();
    return 0;
}
