// libFuzzer: what comes back to the staff command from "the hub" on each admin route, through the admin API's
// parsers (hub/shared/admin_api.h): whatever parses must write back to JSON that parses to the same value, and
// a report that parses never shows a count under its suppression threshold.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "hub/shared/admin_api.h"
#include "tests/fuzz/fuzz_common.h"

using namespace lantern::hub;

namespace {

template <class Parse>
void round_trip(const std::string& body, Parse parse) {
    auto parsed = parse(body);
    if (!parsed) {
        if (parsed.error().message.empty()) std::abort();  // an error always says what is wrong
        return;
    }
    auto again = parse(api::to_json(parsed.value()).dump());
    if (!again || !(again.value() == parsed.value())) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string body(lantern::fuzz::as_text(data, size));
    round_trip(body, api::parse_referrals_page);
    round_trip(body, api::parse_kiosks_answer);
    round_trip(body, api::parse_exported_answer);
    round_trip(body, api::parse_exported_request);
    round_trip(body, api::parse_report);
    if (auto report = api::parse_report(body))
        for (const auto& row : report.value().rows)
            if (row.count && *row.count < report.value().suppressed_below) std::abort();
    (void)api::parse_publish_answer(body);
    (void)api::parse_error_answer(body);
    return 0;
}
