// Routing suggestions: services matching a referral's needs and its centre's area, local ones first.
#include <doctest/doctest.h>

#include "content/service_fields.h"
#include "content/service_routing.h"

using namespace lantern::content;

namespace {

const auto k_directory = services_from_json_text(R"([
  {"id": "national-money", "name": "National Money Line", "needs": ["money-debt"], "areas": ["national"], "age_range": "18+"},
  {"id": "cardiff-money", "name": "Cardiff Money", "needs": ["money-debt", "housing"], "areas": ["Cardiff"]},
  {"id": "swansea-money", "name": "Swansea Money", "needs": ["money-debt"], "areas": ["Swansea"]},
  {"id": "cardiff-housing", "name": "Cardiff Housing", "needs": ["housing"], "areas": ["Cardiff"]},
  {"id": "childline", "name": "Childline", "needs": ["children"], "age_range": "under 19"},
  {"id": "old-style", "name": "Old helpline", "needs": ["parenting"]}
])");

std::vector<std::string> ids(const std::vector<Suggestion>& s) {
    std::vector<std::string> out;
    for (const auto& x : s) out.push_back(x.service.id);
    return out;
}

}  // namespace

TEST_CASE("suggestions match the needs and the centre's area, local before national, more needs first") {
    auto s = suggest_services(k_directory, {"money-debt", "housing"}, {"Cardiff"});
    CHECK(ids(s) == std::vector<std::string>{"cardiff-money", "cardiff-housing", "national-money"});
    CHECK(s[0].needs == std::vector<std::string>{"money-debt", "housing"});
    CHECK(s[1].needs == std::vector<std::string>{"housing"});

    CHECK(ids(suggest_services(k_directory, {"money-debt"}, {"Swansea"})) ==
          std::vector<std::string>{"swansea-money", "national-money"});
    CHECK(ids(suggest_services(k_directory, {"money-debt"}, {})) == std::vector<std::string>{"national-money"});
    CHECK(ids(suggest_services(k_directory, {"parenting"}, {"Cardiff"})) == std::vector<std::string>{"old-style"});
    CHECK(suggest_services(k_directory, {"drugs-alcohol"}, {"Cardiff"}).empty());
    CHECK(suggest_services(k_directory, {}, {"Cardiff"}).empty());
    CHECK(suggest_services(k_directory, {"money-debt", "housing"}, {"Cardiff"}, 1).size() == 1);
}

TEST_CASE("a service only for under-18s is never suggested for an adult's referral") {
    CHECK(suggest_services(k_directory, {"children"}, {"Cardiff"}).empty());
}

TEST_CASE("--area values give every centre an area, or one centre its own") {
    CentreAreas areas({"Cardiff", "HMP Swansea=Swansea", "HMP Swansea=Neath Port Talbot"});
    CHECK(areas.of("HMP Example") == std::vector<std::string>{"Cardiff"});
    CHECK(areas.of("hmp  swansea") == std::vector<std::string>{"Swansea", "Neath Port Talbot"});
    CHECK(CentreAreas().of("HMP Example").empty());
}
