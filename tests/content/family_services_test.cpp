// A centre's own family services in services.json: checked by the builder with errors naming the entry and
// field, carried through the pack in each language, kept out of "Find local help" and routing, adults only.
#include <doctest/doctest.h>

#include <filesystem>

#include "content/audience_policy.h"
#include "content/lint.h"
#include "content/pack_builder.h"
#include "content/pack_reader.h"
#include "content/service_fields.h"
#include "content/service_listing.h"
#include "content/service_routing.h"
#include "content/sources.h"
#include "tests/content/sample_sources.h"

using namespace lantern::content;
using lantern::test::errors_of;
using lantern::test::read_with_services;
using lantern::test::TempDir;

namespace {

const char* const k_services = R"([
  {"id": "family-days", "kind": "family-service", "family_type": "whole-family",
   "centres": ["HMP Example visitor centre", "HMP Other"], "name": "Family days",
   "description": "A longer visit with your children.", "when": "Every second Saturday, 10am to 3pm",
   "how_to_join": "Ask at the desk",
   "translations": {"cy": {"name": "Diwrnodau teulu", "when": "Pob yn ail ddydd Sadwrn, 10am tan 3pm"}}},
  {"id": "homework-club", "kind": "family-service", "family_type": "family-ties", "centres": ["HMP Other"],
   "name": "Homework club", "when": "After school", "how_to_join": "Ask at the desk"},
  {"id": "samaritans", "name": "Samaritans", "phone": "116 123", "needs": ["mental-health", "parenting"],
   "areas": ["national"]}
])";

}  // namespace

TEST_CASE("family services go through the pack with when and how to join in each language, at their centres") {
    TempDir dir;
    Sources s = read_with_services(dir, k_services);
    REQUIRE_MESSAGE(errors_of(s).empty(), errors_of(s));
    REQUIRE(write_pack(s, dir / "pack.sqlite", {"1"}));
    PackReader pack((dir / "pack.sqlite").string());

    auto here = family_services_at(pack.services("", "cy"), "  hmp example   VISITOR centre ");
    REQUIRE(here.size() == 1);
    CHECK(here[0].id == "family-days");
    CHECK(is_family_service(here[0]));
    CHECK(here[0].family_type == "whole-family");
    CHECK(here[0].name == "Diwrnodau teulu");
    CHECK(here[0].when == "Pob yn ail ddydd Sadwrn, 10am tan 3pm");
    CHECK(here[0].how_to_join == "Ask at the desk");  // no Welsh yet: English, never a blank
    CHECK(family_services_at(pack.services(), "HMP Other").size() == 2);
    CHECK(family_services_at(pack.services(), "HMP Elsewhere").empty());
    CHECK(family_services_at(pack.services(), "").empty());

    // Not a directory service: never in "Find local help" nor an export's suggestions.
    for (auto a : {Audience::adult, Audience::teen, Audience::child})
        for (const auto& svc : services_for_visitor(pack.services(), a, {}))
            CHECK_MESSAGE(!is_family_service(svc), svc.id);
    for (const auto& sug : suggest_services(pack.services(), {"parenting"}, {}))
        CHECK_MESSAGE(!is_family_service(sug.service), sug.service.id);

    // Lint names what is missing in Welsh.
    std::string warnings;
    for (const auto& i : lint_translations(s)) warnings += i.to_string() + "\n";
    CHECK_MESSAGE(warnings.find(R"(family service "family-days" has no cy "how_to_join")") != std::string::npos,
                  warnings);
    CHECK(warnings.find(R"(family service "family-days" has no cy "when")") == std::string::npos);
}

TEST_CASE("only adults see family services, a homework club too") {
    TempDir dir;
    Sources s = read_with_services(dir, k_services);
    REQUIRE(write_pack(s, dir / "pack.sqlite", {"1"}));
    PackReader pack((dir / "pack.sqlite").string());
    auto here = family_services_at(pack.services(), "HMP Other");
    REQUIRE(here.size() == 2);
    CHECK(may_see_family_services(Audience::adult));
    for (auto a : {Audience::teen, Audience::child, Audience::little}) {
        CHECK_FALSE(may_see_family_services(a));
        for (const auto& svc : here) CHECK_FALSE(may_see(a, svc));
    }
    for (const auto& svc : here) CHECK(may_see(Audience::adult, svc));
}

TEST_CASE("a malformed family service is an error naming the entry and the field, and no pack is built") {
    struct Case {
        const char* entry;
        const char* expected;
    };
    const Case cases[] = {
        {R"({"id": "a", "name": "A", "kind": "family"})", R"(service 1 ("a"): "kind": "family" is not a kind)"},
        {R"({"id": "b", "name": "B", "kind": "family-service", "family_type": "parenting", "when": "W",
             "how_to_join": "H"})",
         R"(service 1 ("b"): "centres" must list the visitor centres)"},
        {R"({"id": "c", "name": "C", "kind": "family-service", "family_type": "parenting", "centres": [],
             "when": "W", "how_to_join": "H"})",
         R"(service 1 ("c"): "centres" must list)"},
        {R"({"id": "d", "name": "D", "kind": "family-service", "family_type": "days out", "centres": ["X"],
             "when": "W", "how_to_join": "H"})",
         R"(service 1 ("d"): "family_type" must be one of family-ties, parenting, whole-family, casework)"},
        {R"({"id": "e", "name": "E", "kind": "family-service", "family_type": "parenting", "centres": ["X"],
             "how_to_join": "H"})",
         R"(service 1 ("e"): "when" must say when it runs)"},
        {R"({"id": "f", "name": "F", "kind": "family-service", "family_type": "parenting", "centres": ["X"],
             "when": "W", "how_to_join": " "})",
         R"(service 1 ("f"): "how_to_join" must say how a family joins)"},
        {R"({"id": "g", "name": "G", "kind": "family-service", "family_type": "parenting", "centres": ["X"],
             "when": 7, "how_to_join": "H"})",
         R"(service 1 ("g"): "when" must be text)"},
        {R"({"id": "h", "name": "H", "centres": ["X"]})", R"(service 1 ("h"): "centres" is only for a family service)"},
        {R"({"id": "i", "name": "I", "kind": "family-service", "family_type": "parenting", "centres": ["X"],
             "when": "W", "how_to_join": "H", "needs": ["parenting"]})",
         R"(service 1 ("i"): a family service is found by its centre)"},
        {R"({"id": "Family Days", "name": "J", "kind": "family-service", "family_type": "parenting",
             "centres": ["X"], "when": "W", "how_to_join": "H"})",
         R"(service 1 ("Family Days"): "id" of a family service must be small letters)"},
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

TEST_CASE("the shipped example family services are valid, in English and Welsh, at the packaged centre") {
    Sources s = read_sources(std::filesystem::path(LANTERN_SOURCE_DIR) / "assets/content");
    REQUIRE_MESSAGE(errors_of(s).empty(), errors_of(s));
    // packaging/etc/kiosk.toml's centre: a new kiosk shows the examples until the centre names itself.
    auto en = family_services_at(services_from_json_text(s.services_json, "en"), "Visitor centre");
    auto cy = family_services_at(services_from_json_text(s.services_json, "cy"), "Visitor centre");
    REQUIRE(en.size() >= 4);
    REQUIRE(cy.size() == en.size());
    for (std::size_t i = 0; i < en.size(); ++i) {
        INFO(en[i].id);
        CHECK(en[i].phone.empty());  // no invented numbers: a centre adds its own
        CHECK(cy[i].name != en[i].name);
        CHECK(cy[i].when != en[i].when);
        CHECK(cy[i].how_to_join != en[i].how_to_join);
        CHECK(cy[i].description != en[i].description);
    }
    for (const auto& i : lint_translations(s))
        CHECK_MESSAGE(i.message.find("family service") == std::string::npos, i.to_string());
}
