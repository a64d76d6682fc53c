// "Find local help": what each service card is called.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "content/pack_builder.h"
#include "content/sources.h"
#include "kiosk/app/app.h"
#include "kiosk/views/view_models.h"
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
    app.apply({Start{}, ChooseAudience{content::Audience::adult}, OpenServices{}}, 1);
    std::vector<std::string> names;
    for (const auto& c : build_services(app).services) names.push_back(c.name);
    CHECK(std::find(names.begin(), names.end(), "Refuge: National Domestic Abuse Helpline") != names.end());
    CHECK(std::find(names.begin(), names.end(), "Karma Nirvana Helpline") != names.end());
    CHECK(std::find(names.begin(), names.end(), "Samaritans") != names.end());
}

namespace {

// A pack from the fixture content with these services.
std::shared_ptr<content::PackReader> pack_with_services(test::TempDir& dir, const std::string& services_json) {
    auto src = dir / "src";
    std::filesystem::copy(std::filesystem::path(LANTERN_SOURCE_DIR) / "tests/fixtures/content", src,
                          std::filesystem::copy_options::recursive);
    dir.write_file("src/services.json", services_json);
    content::Sources s = content::read_sources(src);
    REQUIRE_FALSE(s.has_errors());
    REQUIRE(content::write_pack(s, dir / "pack.sqlite", {"1"}));
    return std::make_shared<content::PackReader>((dir / "pack.sqlite").string());
}

ServicesView services_as(const std::shared_ptr<content::PackReader>& pack, content::Audience audience,
                         const std::string& need = "") {
    App app(pack, "en", IdleSettings{90, 30});
    app.apply({Start{}, ChooseAudience{audience}, OpenServices{need}}, 1);
    return build_services(app);
}

std::vector<std::string> need_ids(const ServicesView& v) {
    std::vector<std::string> ids;
    for (const auto& n : v.needs) ids.push_back(n.id);
    return ids;
}

}  // namespace

TEST_CASE("a child's Find local help offers only filters that have services for children, each finding some") {
    test::TempDir dir;
    // The default pack's shape: adult-only helplines, Samaritans for all ages, Childline for under 19s.
    auto pack = pack_with_services(dir, R"([
        {"id": "pact", "name": "Pact", "phone": "0808 808 2003", "age_range": "18+",
         "needs": ["visits-travel", "staying-in-touch", "feeling-alone", "children", "mental-health"]},
        {"id": "refuge", "name": "Refuge", "phone": "0808 2000 247", "age_range": "18+", "needs": ["domestic-abuse"]},
        {"id": "samaritans", "name": "Samaritans", "phone": "116 123", "age_range": "all ages",
         "needs": ["mental-health", "feeling-alone"]},
        {"id": "childline", "name": "Childline", "phone": "0800 1111", "age_range": "under 19",
         "needs": ["children", "mental-health", "feeling-alone"]}])");
    for (content::Audience a : {content::Audience::child, content::Audience::teen}) {
        ServicesView all = services_as(pack, a);
        CHECK(need_ids(all) == std::vector<std::string>{"", "mental-health", "feeling-alone", "children"});
        CHECK(all.services.size() == 2);
        for (const auto& n : all.needs) {
            ServicesView one = services_as(pack, a, n.id);
            CHECK_MESSAGE(!one.services.empty(), "the filter " << n.label << " finds nothing");
            for (const auto& card : one.services) CHECK(card.name != "Pact");
        }
    }
    // Adults keep every need a service of theirs meets, and no empty ones (nothing here is about housing).
    ServicesView adult = services_as(pack, content::Audience::adult);
    auto ids = need_ids(adult);
    CHECK(std::find(ids.begin(), ids.end(), "domestic-abuse") != ids.end());
    CHECK(std::find(ids.begin(), ids.end(), "visits-travel") != ids.end());
    CHECK(std::find(ids.begin(), ids.end(), "housing") == ids.end());
    CHECK(adult.services.size() == 4);
}

TEST_CASE("with no service for a child's age there is no filter row, only the way to ask staff") {
    test::TempDir dir;
    auto pack = pack_with_services(dir, R"([
        {"id": "pact", "name": "Pact", "phone": "0808 808 2003", "age_range": "18+", "needs": ["children"]}])");
    ServicesView v = services_as(pack, content::Audience::child);
    CHECK(v.needs.empty());
    CHECK(v.services.empty());
    CHECK(v.none.find("ask a member of staff") != std::string::npos);
}

TEST_CASE("Find local help lists the centre's own area first for adults, and Childline first only for young people") {
    test::TempDir dir;
    auto pack = pack_with_services(dir, R"([
        {"id": "childline", "name": "Childline", "phone": "0800 1111", "age_range": "under 19",
         "areas": ["national"], "needs": ["children", "feeling-alone"]},
        {"id": "samaritans", "name": "Samaritans", "phone": "116 123", "age_range": "all ages",
         "areas": ["national"], "needs": ["feeling-alone"]},
        {"id": "leeds", "name": "Leeds Families Group", "age_range": "all ages", "areas": ["Leeds"],
         "needs": ["feeling-alone"]},
        {"id": "cardiff", "name": "Cardiff Families Group", "age_range": "all ages", "areas": ["Cardiff"],
         "needs": ["feeling-alone"]}])");
    auto names_as = [&](content::Audience audience) {
        App app(pack, "en", IdleSettings{90, 30});
        app.set_service_areas({"Cardiff"});
        app.apply({Start{}, ChooseAudience{audience}, OpenServices{}}, 1);
        std::vector<std::string> names;
        for (const auto& c : build_services(app).services) names.push_back(c.name);
        return names;
    };
    CHECK(names_as(content::Audience::adult) ==
          std::vector<std::string>{"Cardiff Families Group", "Samaritans", "Childline"});
    CHECK(names_as(content::Audience::teen) ==
          std::vector<std::string>{"Childline", "Cardiff Families Group", "Samaritans"});
}
