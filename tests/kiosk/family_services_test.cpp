// "Family services here" and "I'm interested": who sees them, what is sealed and summarised, and that what she
// typed is checked, kept on a failure and gone after Send, Back or Quick exit.
#include <doctest/doctest.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "content/pack_builder.h"
#include "content/sources.h"
#include "kiosk/app/app.h"
#include "kiosk/views/family_views.h"
#include "kiosk/views/view_models.h"
#include "tests/temp_dir.h"

using namespace lantern;
using namespace lantern::kiosk;
using nlohmann::json;

namespace {

const char* const k_services = R"([
  {"id": "family-days", "kind": "family-service", "family_type": "whole-family", "centres": ["HMP Example"],
   "name": "Family days", "description": "A longer visit.", "when": "Saturdays, 10am to 3pm",
   "how_to_join": "Ask at the desk",
   "translations": {"cy": {"name": "Diwrnodau teulu", "when": "Dydd Sadwrn, 10am tan 3pm",
                           "how_to_join": "Gofynnwch wrth y ddesg"}}},
  {"id": "homework-club", "kind": "family-service", "family_type": "family-ties", "centres": ["HMP Example"],
   "name": "Homework club", "when": "After school", "how_to_join": "Ask at the desk"},
  {"id": "elsewhere", "kind": "family-service", "family_type": "parenting", "centres": ["HMP Other"],
   "name": "Parenting group", "when": "Mondays", "how_to_join": "Ask"},
  {"id": "samaritans", "name": "Samaritans", "phone": "116 123", "needs": ["mental-health"]}
])";

std::shared_ptr<content::PackReader> family_pack(test::TempDir& dir) {
    auto src = dir / "src";
    std::filesystem::copy(std::filesystem::path(LANTERN_SOURCE_DIR) / "tests/fixtures/content", src,
                          std::filesystem::copy_options::recursive);
    dir.write_file("src/services.json", k_services);
    content::Sources s = content::read_sources(src);
    for (auto& i : s.issues)
        if (i.severity == content::SourceIssue::Severity::error) MESSAGE(i.to_string());
    REQUIRE_FALSE(s.has_errors());
    REQUIRE(content::write_pack(s, dir / "pack.sqlite", {"1"}));
    return std::make_shared<content::PackReader>((dir / "pack.sqlite").string());
}

// Keeps what it was given, as the outbox would seal it.
struct RecordingSink : ReferralSink {
    SubmitResult submit(const std::string& form_version, const std::string& answers_json,
                        const ReferralSummary& summary) override {
        versions.push_back(form_version);
        bodies.push_back(json::parse(answers_json));
        summaries.push_back(summary);
        if (fail) return {"", "disk full"};
        return {"ACDE-FHJK", ""};
    }
    bool fail = false;
    std::vector<std::string> versions;
    std::vector<json> bodies;
    std::vector<ReferralSummary> summaries;
};

struct Kiosk {
    test::TempDir dir;
    std::shared_ptr<RecordingSink> sink = std::make_shared<RecordingSink>();
    App app;
    explicit Kiosk(const std::string& lang = "en") : app(family_pack(dir), lang, IdleSettings{90, 30}) {
        app.set_referral_sink(sink, "HMP Example");
    }
    void visit_as(content::Audience a) { app.apply({Start{}, ChooseAudience{a}}, 1); }
};

std::vector<std::string> ids(const FamilyServicesView& v) {
    std::vector<std::string> out;
    for (const auto& c : v.services) out.push_back(c.id);
    return out;
}

}  // namespace

TEST_CASE("an adult sees this centre's family services from the home screen, with when and how to join") {
    Kiosk k;
    k.visit_as(content::Audience::adult);
    CHECK(build_topics(k.app).family_services == "Family services here");
    k.app.apply({OpenFamilyServices{}}, 2);
    REQUIRE(k.app.screen() == Screen::family_services);
    auto v = build_family_services(k.app);
    CHECK(ids(v) == std::vector<std::string>{"family-days", "homework-club"});  // not another centre's
    CHECK(v.services[0].when == "Saturdays, 10am to 3pm");
    CHECK(v.services[0].how_to_join == "Ask at the desk");
    CHECK(v.interested == "I'm interested");
    // Not a directory service: "Find local help" does not list them.
    k.app.apply({Home{}, OpenServices{}}, 3);
    for (const auto& c : build_services(k.app).services) CHECK(c.name != "Family days");
}

TEST_CASE("in Welsh the cards and buttons are Welsh, and English fills what the pack has not translated") {
    Kiosk k("cy");
    k.visit_as(content::Audience::adult);
    CHECK(build_topics(k.app).family_services == "Gwasanaethau teulu yma");
    k.app.apply({OpenFamilyServices{}}, 2);
    auto v = build_family_services(k.app);
    REQUIRE(v.services.size() == 2);
    CHECK(v.services[0].name == "Diwrnodau teulu");
    CHECK(v.services[0].when == "Dydd Sadwrn, 10am tan 3pm");
    CHECK(v.services[1].when == "After school");
    CHECK(v.interested == "Mae gen i ddiddordeb");
}

TEST_CASE("a child or teen never sees family services, a homework club included, by any way in") {
    for (auto a : {content::Audience::teen, content::Audience::child, content::Audience::little}) {
        INFO(content::to_string(a));
        Kiosk k;
        k.visit_as(a);
        CHECK(build_topics(k.app).family_services.empty());
        k.app.apply({OpenFamilyServices{}}, 2);
        CHECK(k.app.screen() == Screen::topics);
        CHECK(build_family_services(k.app).services.empty());
        k.app.apply({InterestOpen{"homework-club"}}, 3);
        CHECK(k.app.screen() != Screen::interest);
        CHECK_FALSE(build_interest(k.app).available);
    }
}

TEST_CASE("family services open only from an adult's home screen, never before an audience is chosen") {
    Kiosk k;
    k.app.apply({OpenFamilyServices{}}, 1);  // the attract screen: the visit's audience is only its default
    CHECK(k.app.screen() == Screen::attract);
    k.app.apply({Start{}, OpenFamilyServices{}}, 2);  // the audience question
    CHECK(k.app.screen() == Screen::audience);
    k.app.apply({ChooseAudience{content::Audience::adult}, OpenFamilyServices{}}, 3);
    CHECK(k.app.screen() == Screen::family_services);
}

TEST_CASE("a kiosk at a centre with none, or another centre's service asked for, shows nothing to ask about") {
    Kiosk k;
    k.app.set_centre("HMP Nowhere");
    k.visit_as(content::Audience::adult);
    CHECK(build_topics(k.app).family_services.empty());
    k.app.set_centre("HMP Example");
    k.app.apply({OpenFamilyServices{}, InterestOpen{"elsewhere"}}, 2);
    CHECK(k.app.screen() == Screen::family_services);
}

TEST_CASE("I'm interested: her first name and phone are sealed, the hub reads only the service, then they are wiped") {
    Kiosk k("cy");
    k.visit_as(content::Audience::adult);
    k.app.apply({OpenFamilyServices{}, InterestOpen{"family-days"}}, 2);
    REQUIRE(k.app.screen() == Screen::interest);
    CHECK(build_interest(k.app).keyboard);  // the name box has the keyboard at once
    k.app.apply({Type{"Siân"}, Key{KeyKind::done, ""}, InterestContactPick{false}, Type{"07700 900123"}}, 3);
    CHECK(build_interest(k.app).phone.view() == "07700 900123");
    k.app.apply({InterestSend{}}, 4);
    REQUIRE(k.sink->bodies.size() == 1);
    CHECK(k.sink->versions[0] == k_interest_form_version);
    const json& body = k.sink->bodies[0];
    CHECK(body["kind"] == "interest");
    CHECK(body["first_name"] == "Siân");
    CHECK(body["contact"] == "phone");
    CHECK(body["phone"] == "07700 900123");
    CHECK(body["service"] == "family-days");
    CHECK(body["service_name"] == "Family days");  // staff read English, whatever she read
    CHECK(body["lang"] == "cy");
    const ReferralSummary& sum = k.sink->summaries[0];
    CHECK(sum.kind == "interest");
    CHECK(sum.service == "family-days");
    CHECK(sum.needs.empty());
    CHECK(sum.audience == "adult");
    CHECK(sum.centre == "HMP Example");

    REQUIRE(k.app.screen() == Screen::interest_done);
    auto done = build_interest_done(k.app);
    CHECK(done.reference == "ACDE-FHJK");
    CHECK(done.next ==
          "Bydd y tîm teulu yn eich ffonio chi amdano. Cadwch y cyfeirnod hwn rhag ofn eich bod eisiau holi.");
    CHECK(k.app.visit().interest.first_name.empty());
    CHECK(k.app.visit().interest.phone.empty());
    // Back never leads into the request again.
    k.app.apply({Back{}}, 5);
    CHECK(k.app.screen() == Screen::topics);
    CHECK(k.app.visit().interest.reference.empty());
}

TEST_CASE("Send says what is missing and sends nothing until a name and a safe way to reach her are given") {
    Kiosk k;
    k.visit_as(content::Audience::adult);
    k.app.apply({OpenFamilyServices{}, InterestOpen{"homework-club"}, Key{KeyKind::done, ""}, InterestSend{}}, 2);
    CHECK(build_interest(k.app).error == "Please tell us your first name.");
    k.app.apply({Focus{"first_name"}, Type{"   "}, InterestSend{}}, 3);
    CHECK(build_interest(k.app).error == "Please tell us your first name.");
    k.app.apply({Focus{"first_name"}, Type{"Sam"}, Key{KeyKind::done, ""}, InterestSend{}}, 4);
    CHECK(build_interest(k.app).error == "Please choose how we can reach you.");
    k.app.apply({InterestContactPick{false}, Type{"12"}, Key{KeyKind::done, ""}, InterestSend{}}, 5);
    CHECK(build_interest(k.app).error == "Please enter a UK phone number, like 07700 900123.");
    CHECK(k.sink->bodies.empty());
    // Choosing the desk instead drops the number she typed, and sends.
    k.app.apply({InterestContactPick{true}}, 6);
    CHECK(k.app.visit().interest.phone.empty());
    k.app.apply({InterestSend{}}, 7);
    REQUIRE(k.sink->bodies.size() == 1);
    CHECK(k.sink->bodies[0]["contact"] == "desk");
    CHECK_FALSE(k.sink->bodies[0].contains("phone"));
    CHECK(build_interest_done(k.app).next == "Ask at the visitor centre desk and give them this reference.");
    k.app.apply({InterestFinish{}}, 8);
    CHECK(k.app.screen() == Screen::attract);
}

TEST_CASE("when the request cannot be saved she keeps what she typed and is told, with no reference") {
    Kiosk k;
    k.sink->fail = true;
    k.visit_as(content::Audience::adult);
    k.app.apply(
        {OpenFamilyServices{}, InterestOpen{"family-days"}, Type{"Sam"}, InterestContactPick{true}, InterestSend{}}, 2);
    CHECK(k.app.screen() == Screen::interest);
    CHECK(build_interest(k.app).error ==
          "Sorry, this could not be saved. What you typed is still here. Please ask at the desk.");
    CHECK(k.app.visit().interest.first_name.view() == "Sam");
}

TEST_CASE("Back and Quick exit take what she typed with them") {
    Kiosk k;
    k.visit_as(content::Audience::adult);
    k.app.apply({OpenFamilyServices{}, InterestOpen{"family-days"}, Type{"Sam"}}, 2);
    k.app.apply({Back{}}, 3);
    CHECK(k.app.screen() == Screen::family_services);
    CHECK(k.app.visit().interest.first_name.empty());
    k.app.apply({InterestOpen{"family-days"}}, 4);
    CHECK(build_interest(k.app).first_name.empty());  // a fresh request, not the last one
    k.app.apply({Type{"Sam"}, QuickExit{}}, 5);
    CHECK(k.app.screen() == Screen::attract);
    CHECK(k.app.visit().interest.first_name.empty());
    CHECK(k.sink->bodies.empty());
}
