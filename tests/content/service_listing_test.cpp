// "Find local help": which services each visitor sees, and in what order.
#include <doctest/doctest.h>

#include "content/service_fields.h"
#include "content/service_listing.h"

using namespace lantern::content;

namespace {

const auto k_directory = services_from_json_text(R"([
  {"id": "childline", "name": "Childline", "needs": ["children"], "areas": ["national"], "age_range": "under 19"},
  {"id": "samaritans", "name": "Samaritans", "needs": ["mental-health"], "areas": ["national"], "age_range": "all ages"},
  {"id": "refuge", "name": "Refuge", "needs": ["domestic-abuse"], "areas": ["national"], "age_range": "18+"},
  {"id": "cardiff-money", "name": "Cardiff Money", "needs": ["money-debt"], "areas": ["Cardiff"], "age_range": "18+"},
  {"id": "swansea-money", "name": "Swansea Money", "needs": ["money-debt"], "areas": ["Swansea"], "age_range": "18+"},
  {"id": "live-fear-free", "name": "Live Fear Free", "needs": ["domestic-abuse"], "areas": ["Wales"], "age_range": "18+"},
  {"id": "cardiff-youth", "name": "Cardiff Young Carers", "needs": ["children"], "areas": ["Cardiff"], "age_range": "under 18"}
])");

std::vector<std::string> ids(const std::vector<Service>& list) {
    std::vector<std::string> out;
    for (const auto& s : list) out.push_back(s.id);
    return out;
}

}  // namespace

TEST_CASE("an adult's list: local help first, national helplines next, services for young people last") {
    CHECK(ids(services_for_visitor(k_directory, Audience::adult, {"Cardiff", "Wales"})) ==
          std::vector<std::string>{"cardiff-money", "live-fear-free", "samaritans", "refuge", "cardiff-youth",
                                   "childline"});
}

TEST_CASE("a teen's or child's list opens with help made for young people, and never shows adult-only help") {
    for (Audience a : {Audience::teen, Audience::child, Audience::little}) {
        CAPTURE(to_string(a));
        CHECK(ids(services_for_visitor(k_directory, a, {"Cardiff"})) ==
              std::vector<std::string>{"cardiff-youth", "childline", "samaritans"});
    }
}

TEST_CASE("another area's services are left out; a kiosk that names no area lists every service") {
    auto swansea = ids(services_for_visitor(k_directory, Audience::adult, {" swansea "}));
    CHECK(swansea == std::vector<std::string>{"swansea-money", "samaritans", "refuge", "childline"});
    CHECK(services_for_visitor(k_directory, Audience::adult, {}).size() == k_directory.size());
}
