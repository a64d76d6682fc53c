// libFuzzer: an Open Referral UK feed as `lantern services import` reads it (a file, or one page of an API),
// through the import and the merge into services.json; whatever the feed, every entry written must pass the
// services.json checks the pack builder applies.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "content/oruk_import.h"
#include "content/service_fields.h"
#include "tests/fuzz/fuzz_common.h"

namespace {

const lantern::content::TaxonomyMap& shipped_map() {
    static const lantern::content::TaxonomyMap map = [] {
        std::ifstream in(std::filesystem::path(LANTERN_SOURCE_DIR) / "assets/oruk/taxonomy-needs.json");
        std::stringstream ss;
        ss << in.rdbuf();
        return lantern::content::parse_taxonomy_map(ss.str());
    }();
    return map;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace lantern::content;
    std::vector<nlohmann::json> feed;
    try {
        feed = oruk_feed_services(std::string(lantern::fuzz::as_text(data, size)));
    } catch (const OrukError&) {
        return 0;
    }
    auto result = import_oruk_services(feed, shipped_map(), {"Cardiff", "Vale of Glamorgan"});
    if (result.read != static_cast<int>(feed.size())) __builtin_trap();
    std::vector<std::string> problems;
    std::string text = merge_imported_services(
        R"([{"id": "samaritans", "name": "Samaritans", "areas": ["national"], "needs": ["mental-health"]}])",
        result.services, problems);
    auto written = nlohmann::json::parse(text, nullptr, false);
    if (!written.is_array()) __builtin_trap();
    for (const auto& s : written)
        if (!check_service_fields(s).empty()) __builtin_trap();
    return 0;
}
