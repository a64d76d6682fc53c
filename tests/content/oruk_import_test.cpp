// Open Referral UK import: the fixture feed (tests/content/fixtures/oruk_feed.json, in the shape of the
// OpenReferralUK/uk-profile examples and HSDS 3.0 schemas; see its "_about") becomes services.json entries
// mapped to the form's needs and kept by area, with every malformed entry named and skipped.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "content/oruk_import.h"
#include "content/pack_builder.h"
#include "content/pack_reader.h"
#include "content/service_fields.h"
#include "content/sources.h"
#include "tests/content/sample_sources.h"
#include "tests/read_file.h"

using namespace lantern::content;
using lantern::test::read_file;
using lantern::test::TempDir;
using nlohmann::json;

namespace {

const std::filesystem::path source_dir = LANTERN_SOURCE_DIR;

std::vector<json> fixture_feed() {
    return oruk_feed_services(read_file(source_dir / "tests/content/fixtures/oruk_feed.json"));
}

TaxonomyMap shipped_map() { return parse_taxonomy_map(read_file(source_dir / "assets/oruk/taxonomy-needs.json")); }

std::vector<std::string> names_of(const OrukImport& r) {
    std::vector<std::string> out;
    for (const auto& s : r.services) out.push_back(s.value("name", ""));
    return out;
}

const json* find_named(const OrukImport& r, const std::string& name) {
    for (const auto& s : r.services)
        if (s.value("name", "") == name) return &s;
    return nullptr;
}

bool has_problem(const OrukImport& r, const std::string& text) {
    return std::any_of(r.problems.begin(), r.problems.end(),
                       [&](const std::string& p) { return p.find(text) != std::string::npos; });
}

}  // namespace

TEST_CASE("the fixture feed imports its Cardiff and national services and names every malformed entry") {
    auto r = import_oruk_services(fixture_feed(), shipped_map(), {"Cardiff"});
    CHECK(r.read == 12);
    CHECK(names_of(r) == std::vector<std::string>{"Families First Cardiff", "Cardiff Money Drop-in",
                                                  "Example Prisoners' Families Line"});
    CHECK(r.local == 2);
    CHECK(r.national == 1);
    CHECK(r.not_active == 1);
    CHECK(r.no_need == 1);
    CHECK(r.outside_area == 3);  // Swansea, Barry, and one that says nowhere
    CHECK(r.malformed == 4);

    CHECK(has_problem(r, R"(service 7 (id "6a1f0c2e-0007-4c11-8a01-000000000007"): malformed: no "name"; left out)"));
    CHECK(has_problem(r, R"(service 8 (id "6a1f0c2e-0008-4c11-8a01-000000000008", "Broken Phones Service"): )"
                         R"(malformed: "phones" is not a list; left out)"));
    CHECK(has_problem(r, "service 9: malformed: not an object; left out"));
    CHECK(has_problem(r,
                      R"x(service 10 (id "6a1f0c2e-0001-4c11-8a01-000000000001", "Families First Cardiff (copy)"): )x"
                      "malformed: the feed gives this id twice"));
    CHECK(has_problem(r, R"("Closed Cardiff Group"): status "defunct"; left out)"));
    CHECK(has_problem(r, R"("Cardiff Allotments"): no taxonomy term maps to a need the kiosk offers)"));
    CHECK(has_problem(r, R"("Nowhere Service"): gives no service area or address)"));
}

TEST_CASE("an imported service carries its phone, hours, languages, area, ages and plain description") {
    auto r = import_oruk_services(fixture_feed(), shipped_map(), {"Cardiff"});
    const json* first = find_named(r, "Families First Cardiff");
    REQUIRE(first);
    CHECK((*first)["id"] == "oruk-6a1f0c2e-0001-4c11-8a01-000000000001");
    CHECK((*first)["organisation"] == "Example Families Trust");
    CHECK((*first)["phone"] == "01632 960001");  // "+44 (0)1632 960001" in the house style
    CHECK((*first)["website"] == "https://families-first.example.org");
    CHECK((*first)["opening_times"] == "Monday, Tuesday and Wednesday, 09:30 to 16:00");
    CHECK((*first)["languages"] == json::array({"pl", "en", "cy"}));  // the phone's, then the service's
    CHECK((*first)["areas"] == json::array({"Cardiff"}));             // area and address say it once
    CHECK((*first)["area"] == "Cardiff");
    CHECK((*first)["age_range"] == "18+");
    CHECK((*first)["needs"] == json::array({"parenting", "children"}));
    CHECK((*first)["source"]["id"] == "6a1f0c2e-0001-4c11-8a01-000000000001");

    const json* money = find_named(r, "Cardiff Money Drop-in");
    REQUIRE(money);
    CHECK((*money)["description"] == "Free, confidential debt & benefits advice.");
    CHECK((*money)["phone"] == "01632 960002");  // from its contact
    CHECK((*money)["opening_times"] == "Thursdays, 10am to 1pm, no appointment needed");
    CHECK((*money)["needs"] == json::array({"money-debt"}));  // older ORUK service_taxonomys

    const json* line = find_named(r, "Example Prisoners' Families Line");
    REQUIRE(line);
    CHECK((*line)["areas"] == json::array({"national"}));
    CHECK((*line)["area"] == "England and Wales");
    CHECK((*line)["needs"] == json::array({"visits-travel", "staying-in-touch", "feeling-alone"}));
}

TEST_CASE("only services serving the centre's areas are kept, national ones always") {
    auto feed = fixture_feed();
    auto map = shipped_map();
    auto both = import_oruk_services(feed, map, {"Cardiff", "vale of glamorgan"});
    CHECK(names_of(both) == std::vector<std::string>{"Families First Cardiff", "Cardiff Money Drop-in",
                                                     "Example Prisoners' Families Line", "Barry Young Carers"});
    const json* barry = find_named(both, "Barry Young Carers");
    REQUIRE(barry);
    CHECK((*barry)["areas"] == json::array({"Barry", "Vale of Glamorgan"}));  // from its location's address
    CHECK((*barry)["age_range"] == "8 to 17");

    auto swansea = import_oruk_services(feed, map, {"Swansea"});
    CHECK(names_of(swansea) == std::vector<std::string>{"Swansea Housing Help", "Example Prisoners' Families Line"});

    auto nowhere = import_oruk_services(feed, map, {});
    CHECK(names_of(nowhere) == std::vector<std::string>{"Example Prisoners' Families Line"});
}

TEST_CASE("taxonomy terms map to the form's needs by name (any case) or by code, and nothing else") {
    TaxonomyMap map = parse_taxonomy_map(R"({"terms": [{"name": "Debt Advice", "needs": ["money-debt"]},
        {"code": "X-1", "needs": ["housing", "money-debt"]}]})");
    CHECK(map.needs_of("", "debt  advice") == std::vector<std::string>{"money-debt"});
    CHECK(map.needs_of("X-1", "Debt advice") == std::vector<std::string>{"housing", "money-debt"});
    CHECK(map.needs_of("x-1", "").empty());  // codes are exact
    CHECK(map.needs_of("", "Allotments").empty());

    CHECK_THROWS_WITH_AS(parse_taxonomy_map("{"), "taxonomy map: not valid JSON", OrukError);
    CHECK_THROWS_WITH_AS(parse_taxonomy_map(R"({"terms": [{"name": "A", "needs": []}]})"),
                         "taxonomy map: term 1 (A): needs a list of need ids", OrukError);
    CHECK_THROWS_WITH_AS(parse_taxonomy_map(R"({"terms": [{"needs": ["x"]}]})"),
                         "taxonomy map: term 1: needs a \"name\" or a \"code\"", OrukError);
}

TEST_CASE("every need in the shipped taxonomy map is one the kiosk's form offers") {
    auto form = json::parse(read_file(source_dir / "assets/content/form.json"));
    std::set<std::string> offered;
    for (const auto& step : form["steps"])
        for (const auto& field : step["fields"])
            if (field["id"] == "needs")
                for (const auto& o : field["options"]) offered.insert(o["id"].get<std::string>());
    REQUIRE_FALSE(offered.empty());
    TaxonomyMap map = shipped_map();
    REQUIRE_FALSE(map.by_name.empty());
    for (const auto& [name, needs] : map.by_name)
        for (const auto& n : needs) CHECK_MESSAGE(offered.count(n), (name + " -> " + n));
}

TEST_CASE("a feed is a paginated list, a list or one service; anything else is refused") {
    CHECK(oruk_feed_services(R"({"total_items": 1, "contents": [{"id": "a", "name": "A"}]})").size() == 1);
    CHECK(oruk_feed_services(R"([{"id": "a", "name": "A"}, {"id": "b", "name": "B"}])").size() == 2);
    CHECK(oruk_feed_services(R"({"id": "a", "name": "A"})").size() == 1);
    CHECK_THROWS_WITH_AS(oruk_feed_services("<html>Sign in</html>"), "the feed is not valid JSON", OrukError);
    CHECK_THROWS_AS(oruk_feed_services(R"({"contents": 5})"), OrukError);
    CHECK_THROWS_AS(oruk_feed_services(R"({"error": "not found"})"), OrukError);
}

TEST_CASE("a merge keeps hand-written services, replaces the last import and keeps a writer's Welsh") {
    auto r = import_oruk_services(fixture_feed(), shipped_map(), {"Cardiff"});
    std::string existing = R"([
      {"id": "samaritans", "name": "Samaritans", "phone": "116 123", "needs": ["mental-health"], "areas": ["national"]},
      {"id": "oruk-gone", "name": "Gone from the feed", "source": {"feed": "oruk", "id": "gone"}},
      {"id": "oruk-6a1f0c2e-0002-4c11-8a01-000000000002", "name": "Old name", "source": {"feed": "oruk", "id": "x"},
       "translations": {"cy": {"description": "Cyngor am ddim."}}},
      {"id": "oruk-6a1f0c2e-0004-4c11-8a01-000000000004", "name": "Written by hand with a clashing id"}
    ])";
    std::vector<std::string> problems;
    auto merged = json::parse(merge_imported_services(existing, r.services, problems));
    std::vector<std::string> ids;
    for (const auto& s : merged) ids.push_back(s["id"]);
    CHECK(ids == std::vector<std::string>{"samaritans", "oruk-6a1f0c2e-0004-4c11-8a01-000000000004",
                                          "oruk-6a1f0c2e-0001-4c11-8a01-000000000001",
                                          "oruk-6a1f0c2e-0002-4c11-8a01-000000000002"});
    CHECK(merged[3]["name"] == "Cardiff Money Drop-in");
    CHECK(merged[3]["translations"]["cy"]["description"] == "Cyngor am ddim.");
    CHECK(merged[1]["name"] == "Written by hand with a clashing id");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0] ==
          "service \"oruk-6a1f0c2e-0004-4c11-8a01-000000000004\": a service written by hand already has this id; "
          "left out");

    CHECK_THROWS_AS(merge_imported_services("{\"not\": \"a list\"}", r.services, problems), OrukError);
}

TEST_CASE("imported services build into a pack and read back by need and area") {
    TempDir dir;
    lantern::test::write_sample_sources(dir);
    auto r = import_oruk_services(fixture_feed(), shipped_map(), {"Cardiff"});
    std::vector<std::string> problems;
    dir.write_file("services.json", merge_imported_services(read_file(dir / "services.json"), r.services, problems));
    Sources s = read_sources(dir.path());
    for (const auto& i : s.issues) MESSAGE(i.to_string());
    REQUIRE_FALSE(s.has_errors());
    REQUIRE(write_pack(s, dir / "pack.sqlite", {"1"}));
    PackReader pack((dir / "pack.sqlite").string());
    auto parenting = pack.services("parenting");
    REQUIRE(parenting.size() == 1);
    CHECK(parenting[0].name == "Families First Cardiff");
    CHECK(serves_area(parenting[0], {"Cardiff"}));
    CHECK_FALSE(serves_area(parenting[0], {"Swansea"}));
    CHECK(pack.services().size() == 4);  // the sample's Samaritans and the three imported
}

TEST_CASE("replacing a file writes all of it, keeps its mode, and leaves no temporary file") {
    TempDir dir;
    auto path = dir.write_file("services.json", "[]");
    std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    replace_file_atomically(path, "[{\"id\": \"a\", \"name\": \"A\"}]\n");
    CHECK(read_file(path) == "[{\"id\": \"a\", \"name\": \"A\"}]\n");
    CHECK((std::filesystem::status(path).permissions() & std::filesystem::perms::all) ==
          (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
    int files = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path())) ++files;
    CHECK(files == 1);
    CHECK_THROWS_AS(replace_file_atomically(dir / "no-such-folder/services.json", "[]"), OrukError);
}

TEST_CASE("ages from a feed become the kiosk's age range, however large the numbers") {
    auto age = [](const std::string& ages) {
        auto r =
            import_oruk_services(oruk_feed_services(R"({"id": "a", "name": "A", "service_areas": [{"name": "National"}],
                "attributes": [{"taxonomy_term": {"name": "Debt"}}])" +
                                                    ages + "}"),
                                 shipped_map(), {});
        REQUIRE(r.services.size() == 1);
        return r.services[0]["age_range"].get<std::string>();
    };
    CHECK(age("") == "all ages");
    CHECK(age(R"(, "minimum_age": 18)") == "18+");
    CHECK(age(R"(, "maximum_age": 18)") == "under 19");
    CHECK(age(R"(, "minimum_age": 16, "maximum_age": 25)") == "16 to 25");
    CHECK(age(R"(, "minimum_age": 1e300, "maximum_age": -1e300)") == "150+");
}
