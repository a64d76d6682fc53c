// libFuzzer: form.json, as `lantern content build` checks it and as the kiosk's form model parses it from a pack.
#include <cstddef>
#include <cstdint>
#include <string>

#include "content/form_schema.h"
#include "kiosk/form_model.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(lantern::fuzz::as_text(data, size));
    for (const auto& issue : lantern::content::validate_form_json(text)) (void)issue.to_string();
    auto parsed = lantern::kiosk::form::parse_form(text);
    (void)parsed;
    return 0;
}
