// Services carry where they serve, the languages spoken, opening times and descriptions per language; a bad
// field is an error naming the entry, and services written before these fields stay valid.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "content/lint.h"
#include "content/pack_builder.h"
#include "content/pack_reader.h"
#include "content/service_fields.h"
#include "content/sources.h"
#include "tests/content/sample_sources.h"
#include "tests/read_file.h"

using namespace lantern::content;
using lantern::test::errors_of;
using lantern::test::read_with_services;
using lantern::test::TempDir;

namespace {

const char* const k_local_service = R"([
  {"id": "cardiff-family-hub", "name": "Cardiff Family Hub", "organisation": "Cardiff Council",
   "description": "Help for families.", "phone": "01632 960001", "opening_times": "Monday to Friday, 9am to 5pm",
   "needs": ["parenting", "children"], "areas": ["Cardiff", "Vale of Glamorgan"], "languages": ["en", "cy"],
   "area": "Cardiff",
   "translations": {"cy": {"description": "Help i deuluoedd.", "opening_times": "Dydd Llun i ddydd Gwener, 9am i 5pm",
                           "area": "Caerdydd"}}},
  {"id": "samaritans", "name": "Samaritans", "phone": "116 123", "needs": ["mental-health"], "areas": ["national"]},
  {"id": "old-style", "name": "Written before areas", "phone": "116 123", "needs": ["mental-health"]}
])";

}  // namespace

TEST_CASE("a service's areas, languages, opening times and descriptions per language go through the pack") {
    TempDir dir;
    Sources s = read_with_services(dir, k_local_service);
    REQUIRE_MESSAGE(errors_of(s).empty(), errors_of(s));
    REQUIRE(write_pack(s, dir / "pack.sqlite", {"1"}));
    PackReader pack((dir / "pack.sqlite").string());

    auto en = pack.services("parenting", "en");
    REQUIRE(en.size() == 1);
    CHECK(en[0].areas == std::vector<std::string>{"Cardiff", "Vale of Glamorgan"});
    CHECK(en[0].languages == std::vector<std::string>{"en", "cy"});
    CHECK(en[0].opening_times == "Monday to Friday, 9am to 5pm");
    CHECK(en[0].description == "Help for families.");

    auto cy = pack.services("parenting", "cy");
    REQUIRE(cy.size() == 1);
    CHECK(cy[0].opening_times == "Dydd Llun i ddydd Gwener, 9am i 5pm");
    CHECK(cy[0].description == "Help i deuluoedd.");
    CHECK(cy[0].area == "Caerdydd");
    CHECK(cy[0].areas == en[0].areas);  // area names are for matching, never translated
}

TEST_CASE("a service serves its own areas and national ones serve everyone; old services count as national") {
    auto services = services_from_json_text(k_local_service);
    REQUIRE(services.size() == 3);
    const Service& local = services[0];
    const Service& national = services[1];
    const Service& old_style = services[2];

    CHECK(serves_area(local, {"Cardiff"}));
    CHECK(serves_area(local, {"  vale of   GLAMORGAN "}));  // case and spacing as typed on a command line
    CHECK_FALSE(serves_area(local, {"Swansea", "Wales"}));
    CHECK_FALSE(serves_area(local, {}));
    CHECK_FALSE(is_national(local));

    CHECK(is_national(national));
    CHECK(serves_area(national, {"Swansea"}));
    CHECK(is_national(old_style));
    CHECK(serves_area(old_style, {"Swansea"}));
}

TEST_CASE("the shipped services are all valid and every helpline says where it serves") {
    Sources s = read_sources(std::filesystem::path(LANTERN_SOURCE_DIR) / "assets/content");
    CHECK_MESSAGE(errors_of(s).empty(), errors_of(s));
    auto services = services_from_json_text(s.services_json);
    REQUIRE_FALSE(services.empty());
    // A family service says where it runs by its centres instead.
    for (const auto& service : services)
        CHECK_MESSAGE(!(is_family_service(service) ? service.centres : service.areas).empty(), service.id);
}

TEST_CASE("a bad area, language or field is an error naming the service, and no pack is built") {
    struct Case {
        const char* entry;
        const char* expected;
    };
    const Case cases[] = {
        {R"({"id": "a", "name": "A", "areas": "Cardiff"})", R"(service 1 ("a"): "areas" must be a list)"},
        {R"({"id": "b", "name": "B", "areas": []})", R"(service 1 ("b"): "areas" must be a list)"},
        {R"({"id": "c", "name": "C", "areas": ["Cardiff", " "]})", R"(service 1 ("c"): "areas" must be a list)"},
        {R"({"id": "d", "name": "D", "areas": ["national", "Cardiff"]})",
         R"(service 1 ("d"): "areas": "national" serves everyone)"},
        {R"({"id": "e", "name": "E", "languages": ["Welsh"]})",
         R"(service 1 ("e"): "languages": "Welsh" is not a language code)"},
        {R"({"id": "f", "name": "F", "languages": "cy"})", R"(service 1 ("f"): "languages" must be a list)"},
        {R"({"id": "g", "name": "G", "opening_times": {"mon": "9-5"}})",
         R"(service 1 ("g"): "opening_times" must be text)"},
        {R"({"id": "h", "name": "H", "needs": "money-debt"})", R"(service 1 ("h"): "needs" must be a list)"},
    };
    for (const auto& c : cases) {
        INFO(c.entry);
        TempDir dir;
        Sources s = read_with_services(dir, std::string("[") + c.entry + "]");
        CHECK_MESSAGE(errors_of(s).find(std::string("services.json: error: ") + c.expected) != std::string::npos,
                      errors_of(s));
        CHECK_FALSE(write_pack(s, dir / "pack.sqlite", {"1"}));
        CHECK_FALSE(std::filesystem::exists(dir / "pack.sqlite"));
    }
}

TEST_CASE("lint warns of a need the form does not offer, naming the service and the need") {
    TempDir dir;
    lantern::test::write_sample_sources(dir);
    dir.write_file("form.json", lantern::test::read_file(std::filesystem::path(LANTERN_SOURCE_DIR) /
                                                         "tests/fixtures/content/form.json"));
    dir.write_file("services.json",
                   R"([{"id": "ok", "name": "OK", "needs": ["money-debt"]},
                       {"id": "typo", "name": "Typo", "needs": ["mony-debt"]}])");
    Sources s = read_sources(dir.path());
    std::string warnings;
    for (const auto& i : lint_sources(s, {"2026-12-01"})) warnings += i.to_string() + "\n";
    CHECK_MESSAGE(
        warnings.find(R"(services.json: warning: service "typo": need "mony-debt" is not one of the form's needs)") !=
            std::string::npos,
        warnings);
    CHECK(warnings.find("service \"ok\"") == std::string::npos);
}
