// "Find local help": what each service card is called.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "content/pack_builder.h"
#include "content/sources.h"
#include "kiosk/app.h"
#include "kiosk/view_models.h"
#include "tests/temp_dir.h"

using namespace lantern;
using namespace lantern::kiosk;

TEST_CASE("a service card names its organisation once: not when the service's name already starts with it") {
    test::TempDir dir;
    auto src = dir / "src";
    std::filesystem::copy(std::filesystem::path(LANTERN_SOURCE_DIR) / "tests/fixtures/content", src,
                          std::filesystem::copy_options::recursive);
    dir.write_file("src/services.json",
                   R"([{"id": "refuge", "organisation": "Refuge", "name": "National Domestic Abuse Helpline",
                        "phone": "0808 2000 247", "needs": ["domestic-abuse"]},
                       {"id": "karma", "organisation": "Karma Nirvana", "name": "Karma Nirvana Helpline",
                        "phone": "0800 5999 247", "needs": ["domestic-abuse"]},
                       {"id": "samaritans", "name": "Samaritans", "phone": "116 123", "needs": ["mental-health"]}])");
    content::Sources s = content::read_sources(src);
    for (auto& i : s.issues) MESSAGE(i.to_string());
    REQUIRE_FALSE(s.has_errors());
    REQUIRE(content::write_pack(s, dir / "pack.sqlite", {"1"}));
    auto pack = std::make_shared<content::PackReader>((dir / "pack.sqlite").string());
    App app(pack, "en", IdleSettings{90, 30});
    app.apply(
        {{ActionKind::start}, {ActionKind::choose_audience, "", content::Audience::adult}, {ActionKind::open_services}},
        1);
    std::vector<std::string> names;
    for (const auto& c : build_services(app).services) names.push_back(c.name);
    CHECK(std::find(names.begin(), names.end(), "Refuge: National Domestic Abuse Helpline") != names.end());
    CHECK(std::find(names.begin(), names.end(), "Karma Nirvana Helpline") != names.end());
    CHECK(std::find(names.begin(), names.end(), "Samaritans") != names.end());
}
