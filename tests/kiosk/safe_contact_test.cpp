// Safe contact: the pack's rule that asks how the team can reach her when no safe way was given, the contact
// routes the done screen reads out, and the helplines (999 first) from the pack.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <sstream>

#include "content/form_model.h"
#include "content/pack_builder.h"
#include "content/pack_reader.h"
#include "content/sources.h"
#include "kiosk/app/app.h"
#include "kiosk/form/form_validation.h"
#include "kiosk/views/form_views.h"
#include "kiosk/views/strings.h"
#include "tests/temp_dir.h"

using namespace lantern::kiosk;
using lantern::content::Audience;

namespace {

std::string read(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string default_form_text() { return read(std::filesystem::path(LANTERN_SOURCE_DIR) / "assets/content/form.json"); }

form::Form default_form() {
    form::FormParseResult r = form::parse_form(default_form_text());
    INFO(r.error);
    REQUIRE(r.form);
    return std::move(*r.form);
}

const form::Step& contact_step(const form::Form& f) {
    for (const auto& s : f.steps)
        if (s.id == "contact") return s;
    FAIL("no contact step");
    return f.steps.front();
}

bool visible(const form::Form& f, const form::Draft& d, const char* id) {
    const form::Field* field = f.field(id);
    REQUIRE(field);
    return form::is_visible(f, *field, d);
}

std::string route_words(const form::Form& f, const form::Draft& d) {
    const form::ContactRoute* r = form::contact_route(f, d);
    return r ? r->next.in("en") : std::string();
}

// The default content with form.json changed by `edit`, built into a pack, in an App with a recording sink.
struct PackFixture {
    struct Sink : ReferralSink {
        std::vector<std::string> answers;
        SubmitResult submit(const std::string&, const std::string& json, const ReferralSummary&) override {
            answers.push_back(json);
            return {"ABCD-EFGH", ""};
        }
    };
    lantern::test::TempDir dir;
    std::shared_ptr<const lantern::content::PackReader> pack;
    std::unique_ptr<App> app;
    std::shared_ptr<Sink> sink = std::make_shared<Sink>();
    double t = 0;

    explicit PackFixture(const std::function<void(nlohmann::json&)>& edit = {}, const std::string& lang = "en") {
        std::filesystem::path fixture = std::filesystem::path(LANTERN_SOURCE_DIR) / "tests/fixtures/content";
        std::filesystem::copy(fixture, dir / "src", std::filesystem::copy_options::recursive);
        nlohmann::json form = nlohmann::json::parse(read(dir / "src/form.json"));
        if (edit) edit(form);
        dir.write_file("src/form.json", form.dump(2));
        lantern::content::Sources s = lantern::content::read_sources(dir / "src");
        for (auto& i : s.issues)
            if (i.severity == lantern::content::SourceIssue::Severity::error) MESSAGE(i.to_string());
        REQUIRE_FALSE(s.has_errors());
        REQUIRE(lantern::content::write_pack(s, dir / "pack.sqlite", {"1"}));
        pack = std::make_shared<lantern::content::PackReader>((dir / "pack.sqlite").string());
        app = std::make_unique<App>(pack, lang, IdleSettings{90, 30});
        app->set_referral_sink(sink, "HMP Test visitor centre");
        do_({Start{}, ChooseAudience{Audience::adult}});
    }
    void do_(Actions a) { app->apply(a, t += 1); }
    void act(Action a) { do_({std::move(a)}); }
    void type(const std::string& field, const std::string& text) {
        act(Focus{field});
        act(Type{text});
        act(Key{KeyKind::done});
    }
    void pick(const std::string& field, const std::string& option) { act(FormPick{field, option}); }
    const FieldView* field(const std::string& id) {
        static FormStepView v;
        v = build_form_step(*app);
        for (const auto& f : v.fields)
            if (f.id == id) return &f;
        return nullptr;
    }
    // Step 1 answered; on the contact step.
    void to_contact() {
        act(OpenForm{});
        type("call_me", "Sam");
        pick("relationship", "partner");
        pick("interpreter", "no");
        act(FormNext{});
        REQUIRE(app->visit().form.step == 1);
    }
    // From a finished contact step to the review, with or without a safeguarding tick.
    void rest_and_review(bool abuse) {
        act(FormNext{});
        REQUIRE(app->visit().form.step == 2);
        type("prison", "HMP Cardiff");
        act(FormNext{});
        pick("has_children", "no");
        act(FormNext{});
        pick("needs", abuse ? "domestic-abuse" : "housing");
        act(FormNext{});
        act(FormNext{});
        pick("consent_contact", "agree");
        pick("consent_sensitive", "yes");
        act(FormNext{});
        REQUIRE(app->screen() == Screen::form_review);
    }
};

}  // namespace

TEST_CASE("a phone that is safe to call is a safe way: no question, and the team will phone") {
    form::Form f = default_form();
    form::Draft d;
    d.at("phone").text = "07700 900123";
    d.at("safe_to_call").text = "yes";
    d.at("safe_message").text = "no";
    CHECK_FALSE(visible(f, d, "safe_route"));
    CHECK(form::check_step(f, contact_step(f), d).empty());
    CHECK(route_words(f, d) == "The team will phone you on the number you gave.");
}

TEST_CASE("not safe to call but safe to leave a message is a safe way: the team will leave a message") {
    form::Form f = default_form();
    form::Draft d;
    d.at("phone").text = "07700 900123";
    d.at("safe_to_call").text = "no";
    d.at("safe_message").text = "yes";
    CHECK_FALSE(visible(f, d, "safe_route"));
    CHECK(form::check_step(f, contact_step(f), d).empty());
    CHECK(route_words(f, d).find("leave a message on the number you gave") != std::string::npos);
}

TEST_CASE("a phone neither safe to call nor to message, and no email: the safe way question is required") {
    form::Form f = default_form();
    form::Draft d;
    d.at("phone").text = "07700 900123";
    d.at("safe_to_call").text = "no";
    CHECK_FALSE(visible(f, d, "safe_route"));  // not before both phone questions are answered
    d.at("safe_message").text = "no";
    CHECK(visible(f, d, "safe_route"));
    auto errors = form::check_step(f, contact_step(f), d);
    REQUIRE(errors.count("safe_route"));
    CHECK(errors["safe_route"] == "form.error.required");
    CHECK(form::contact_route(f, d) == nullptr);  // nothing the team could use yet
    d.at("safe_route").text = "staff";
    CHECK(form::check_step(f, contact_step(f), d).empty());
    CHECK(route_words(f, d) == "The team will speak to you through the visitor centre staff on your next visit.");
}

TEST_CASE("an email alone is a safe way: no question, and the team will email") {
    form::Form f = default_form();
    form::Draft d;
    d.at("email").text = "sam@example.co.uk";
    CHECK_FALSE(visible(f, d, "safe_route"));
    CHECK(form::check_step(f, contact_step(f), d).empty());
    CHECK(route_words(f, d) == "The team will email you.");
}

TEST_CASE("no phone and no email: the safe way question is required, and each choice asks what it needs") {
    form::Form f = default_form();
    form::Draft d;
    CHECK(visible(f, d, "safe_route"));
    CHECK(form::check_step(f, contact_step(f), d).at("safe_route") == "form.error.required");

    d.at("safe_route").text = "safe_time";
    auto errors = form::check_step(f, contact_step(f), d);
    CHECK(errors.count("safe_time"));
    CHECK(errors.count("safe_time_phone"));  // no number given above: which one to call
    d.at("safe_time").text = "Tuesdays after 10am";
    d.at("safe_time_phone").text = "07700 900456";
    CHECK(form::check_step(f, contact_step(f), d).empty());
    CHECK(route_words(f, d) == "The team will phone you at the time you gave.");

    d.at("safe_route").text = "trusted";
    errors = form::check_step(f, contact_step(f), d);
    CHECK(errors.count("trusted_name"));
    CHECK(errors.count("trusted_phone"));
    CHECK_FALSE(errors.count("safe_time"));  // hidden now: never asked for
    d.at("trusted_name").text = "Jo";
    d.at("trusted_phone").text = "07700 900789";
    CHECK(form::check_step(f, contact_step(f), d).empty());
    CHECK(route_words(f, d).find("person you trust") != std::string::npos);

    d.at("safe_route").text = "email";
    CHECK(form::check_step(f, contact_step(f), d).count("safe_email"));
    d.at("safe_email").text = "not an email";
    CHECK(form::check_step(f, contact_step(f), d).at("safe_email") == "form.error.email");
    d.at("safe_email").text = "sam@example.co.uk";
    CHECK(form::check_step(f, contact_step(f), d).empty());
    CHECK(route_words(f, d) == "The team will email you.");

    d.at("safe_route").text = "myself";
    CHECK(visible(f, d, "team_note"));
    CHECK(form::check_step(f, contact_step(f), d).empty());
    CHECK(route_words(f, d).find("contact the team yourself") != std::string::npos);
}

TEST_CASE("an answer to a question that is hidden again decides nothing") {
    form::Form f = default_form();
    form::Draft d;
    d.at("safe_route").text = "staff";  // chosen while nothing was given...
    d.at("phone").text = "07700 900123";
    d.at("safe_to_call").text = "yes";  // ...then a safe phone: the question hides, and the phone decides
    CHECK_FALSE(visible(f, d, "safe_route"));
    CHECK(route_words(f, d) == "The team will phone you on the number you gave.");
    d.at("phone").text = "";  // the phone removed: its safety answers are hidden and count for nothing
    CHECK(visible(f, d, "safe_route"));
    CHECK(route_words(f, d) == "The team will speak to you through the visitor centre staff on your next visit.");
}

TEST_CASE("all, any and not conditions parse and combine; bad ones are errors naming where") {
    const char* form_text = R"({"version":"1","steps":[{"id":"a","title":"A","fields":[
        {"id":"x","type":"yesno","label":"X"},
        {"id":"y","type":"text","label":"Y"},
        {"id":"z","type":"text","label":"Z","show_if":{"any":[{"all":[{"field":"x","equals":"yes"},{"field":"y","not_empty":true}]},
                                                              {"not":{"field":"x","not_empty":true}}]}}]}]})";
    form::FormParseResult r = form::parse_form(form_text);
    INFO(r.error);
    REQUIRE(r.form);
    const form::Form& f = *r.form;
    form::Draft d;
    CHECK(visible(f, d, "z"));  // x unanswered: not(x) holds
    d.at("x").text = "yes";
    CHECK_FALSE(visible(f, d, "z"));
    d.at("y").text = "hello";
    CHECK(visible(f, d, "z"));
    d.at("x").text = "no";
    CHECK_FALSE(visible(f, d, "z"));

    auto bad = [](const std::string& show_if) {
        return form::parse_form(R"({"version":"1","steps":[{"id":"a","title":"A","fields":[
            {"id":"x","type":"yesno","label":"X"},{"id":"z","type":"text","label":"Z","show_if":)" +
                                show_if + "}]}]}")
            .error;
    };
    CHECK(bad(R"({"all":[]})").find("field \"z\": show_if: \"all\" needs a non-empty list") != std::string::npos);
    CHECK(bad(R"({"any":"x"})").find("\"any\" needs a non-empty list") != std::string::npos);
    CHECK(bad(R"({"not":{"field":"x"}})").find("show_if.not needs exactly one of \"equals\" or \"not_empty\"") !=
          std::string::npos);
    CHECK(bad(R"({"all":[{"field":"x","equals":"yes"}],"field":"x"})").find("stands alone") != std::string::npos);
    CHECK(bad(R"({"any":[{"field":"nope","equals":"yes"}]})").find("unknown field \"nope\"") != std::string::npos);
    CHECK(bad(R"({"not":{"field":"z","not_empty":true}})").find("show_if.not names the field itself") !=
          std::string::npos);
}

TEST_CASE("fields that show each other round a loop are refused") {
    auto r = form::parse_form(R"({"version":"1","steps":[{"id":"a","title":"A","fields":[
        {"id":"p","type":"text","label":"P","show_if":{"field":"q","not_empty":true}},
        {"id":"q","type":"text","label":"Q","show_if":{"not":{"field":"p","not_empty":true}}}]}]})");
    CHECK_FALSE(r.form);
    CHECK(r.error.find("depends on itself") != std::string::npos);
}

TEST_CASE("the team's number is never a placeholder on screen: until it is set, staff are named instead") {
    form::Form f = default_form();
    CHECK(lantern::content::form::is_placeholder_phone(f.team.phone));
    CHECK(form::team_contact(f, "en") ==
          "To contact the family support team, ask the visitor centre staff for their phone number.");
    CHECK(form::team_contact(f, "cy").find("staff y ganolfan ymwelwyr") != std::string::npos);
    f.team.phone = "01632 960001";
    CHECK(form::team_contact(f, "en") == "The family support team's phone number is 01632 960001.");
    CHECK(form::team_contact(f, "cy") == "Rhif ffôn y tîm cymorth i deuluoedd yw 01632 960001.");
}

TEST_CASE("the helplines come from the pack in its order, 999 and the silent call first") {
    form::Form f = default_form();
    auto pack = nlohmann::json::parse(default_form_text());
    const auto& lines = pack["helplines"]["lines"];
    REQUIRE(f.helplines.size() == lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) CHECK(f.helplines[i].number == lines[i]["number"]);
    REQUIRE_FALSE(f.helplines.empty());
    CHECK(f.helplines[0].number == "999");
    CHECK(f.helplines[0].name.in("en").find("999, then press 55") != std::string::npos);
    CHECK(f.helplines[0].name.in("cy").find("999, yna pwyswch 55") != std::string::npos);

    // The form's panel shows exactly what the pack says: a changed pack changes the panel.
    PackFixture p([](nlohmann::json& form) {
        form["helplines"]["lines"] = nlohmann::json::array(
            {{{"name", {{"en", "In danger now? Call 999."}}}, {"number", "999"}},
             {{"name", {{"en", "A test line"}, {"cy", "Llinell brawf"}}}, {"number", "0808 000 0000"}}});
    });
    p.act(OpenForm{});
    for (int i = 0; i < 4; ++i) p.act(FormEditStep{4});
    p.pick("needs", "domestic-abuse");
    FormStepView v = build_form_step(*p.app);
    REQUIRE(v.show_helplines);
    REQUIRE(v.helplines.size() == 2);
    CHECK(v.helplines[0].number == "999");
    CHECK(v.helplines[1].name == "A test line");
    CHECK(v.helplines[1].number == "0808 000 0000");
}

TEST_CASE("the form shows the safe way question, refuses Next until a choice, and the note gives the team") {
    PackFixture p;
    p.to_contact();
    p.type("phone", "07700 900123");
    p.pick("safe_to_call", "no");
    CHECK_FALSE(p.field("safe_route"));
    p.pick("safe_message", "no");
    REQUIRE(p.field("safe_route"));
    CHECK(p.field("safe_route")->label == "How can the team reach you safely?");
    CHECK(p.field("safe_route")->options.size() == 5);
    p.act(FormNext{});
    CHECK(build_form_step(*p.app).progress == "Step 2 of 7");
    CHECK(p.field("safe_route")->error == "Please answer this question.");
    p.pick("safe_route", "myself");
    REQUIRE(p.field("team_note"));
    CHECK(p.field("team_note")->label.find("ask the visitor centre staff for their phone number") != std::string::npos);
    CHECK(p.field("team_note")->label.find("{team_contact}") == std::string::npos);
    CHECK(p.field("team_note")->label.find("optional") == std::string::npos);
    p.act(FormNext{});
    CHECK(build_form_step(*p.app).progress == "Step 3 of 7");
}

TEST_CASE(
    "the done screen says what happens next for each way, the team, how to withdraw, and no promise it "
    "cannot keep") {
    struct Case {
        std::function<void(PackFixture&)> contact;
        std::string next;
    };
    std::vector<Case> cases = {
        {[](PackFixture& p) {
             p.type("phone", "07700 900123");
             p.pick("safe_to_call", "yes");
             p.pick("safe_message", "no");
         },
         "The team will phone you on the number you gave."},
        {[](PackFixture& p) { p.type("email", "sam@example.co.uk"); }, "The team will email you."},
        {[](PackFixture& p) {
             p.type("phone", "07700 900123");
             p.pick("safe_to_call", "no");
             p.pick("safe_message", "no");
             p.pick("safe_route", "staff");
         },
         "The team will speak to you through the visitor centre staff on your next visit."},
        {[](PackFixture& p) {
             p.pick("safe_route", "safe_time");
             p.type("safe_time", "Tuesdays after 10am");
             p.type("safe_time_phone", "07700 900456");
         },
         "The team will phone you at the time you gave."},
        {[](PackFixture& p) {
             p.pick("safe_route", "trusted");
             p.type("trusted_name", "Jo");
             p.type("trusted_phone", "07700 900789");
         },
         "The team will phone the person you trust, to arrange how to talk to you."},
        {[](PackFixture& p) {
             p.pick("safe_route", "email");
             p.type("safe_email", "sam@example.co.uk");
         },
         "The team will email you."},
        {[](PackFixture& p) { p.pick("safe_route", "myself"); },
         "You said you will contact the team yourself. Give them your reference."},
    };
    for (std::size_t i = 0; i < cases.size(); ++i) {
        for (bool abuse : {false, true}) {
            CAPTURE(i);
            CAPTURE(abuse);
            PackFixture p;
            p.to_contact();
            cases[i].contact(p);
            p.rest_and_review(abuse);
            p.act(FormSubmit{});
            REQUIRE(p.app->screen() == Screen::form_done);
            FormDoneView v = build_form_done(*p.app);
            CHECK(v.reference == "ABCD-EFGH");
            CHECK(v.next_steps == cases[i].next);
            CHECK(v.next_steps.find("way you chose") == std::string::npos);
            CHECK(v.team_contact ==
                  "To contact the family support team, ask the visitor centre staff for their phone number.");
            CHECK(v.withdraw.find("take back your permission") != std::string::npos);
            CHECK(v.timescale.empty());  // neither FACTS.md nor the pack gives one: none is invented
            CHECK(v.show_helplines == abuse);
            if (abuse) {
                REQUIRE_FALSE(v.helplines.empty());
                CHECK(v.helplines[0].number == "999");
            } else {
                CHECK(v.helplines.empty());
            }
            CHECK(p.app->visit().form.draft.answers().empty());
        }
    }
}

TEST_CASE("the done screen in Welsh, with the pack's timescale and the team's number once they are set") {
    PackFixture p(
        [](nlohmann::json& form) {
            form["team"]["phone"] = "01632 960001";
            form["done"]["timescale"] = {{"en", "They aim to contact you within 5 working days."},
                                         {"cy", "Maen nhw'n anelu at gysylltu â chi o fewn 5 diwrnod gwaith."}};
        },
        "cy");
    p.to_contact();
    p.pick("safe_route", "myself");
    CHECK(p.field("team_note")->label.find("01632 960001") != std::string::npos);
    p.rest_and_review(true);
    p.act(FormSubmit{});
    FormDoneView v = build_form_done(*p.app);
    CHECK(v.next_steps.find("cysylltu â'r tîm eich hun") != std::string::npos);
    CHECK(v.timescale == "Maen nhw'n anelu at gysylltu â chi o fewn 5 diwrnod gwaith.");
    CHECK(v.team_contact == "Rhif ffôn y tîm cymorth i deuluoedd yw 01632 960001.");
    CHECK(v.withdraw.find("dynnu eich caniatâd yn ôl") != std::string::npos);
    REQUIRE(v.show_helplines);
    CHECK(v.helplines[0].name.find("pwyswch 55") != std::string::npos);
}

TEST_CASE(
    "a form whose routes cannot all be met is never sent without a safe way, and never says 'the way you "
    "chose'") {
    // A pack whose safe way question is optional: the routes rule still stops the referral at Send.
    PackFixture p([](nlohmann::json& form) {
        for (auto& step : form["steps"])
            for (auto& field : step["fields"])
                if (field["id"] == "safe_route") field["required"] = false;
    });
    p.to_contact();
    p.type("phone", "07700 900123");
    p.pick("safe_to_call", "no");
    p.pick("safe_message", "no");
    p.rest_and_review(false);
    p.act(FormSubmit{});
    CHECK(p.app->screen() == Screen::form_review);
    CHECK(p.sink->answers.empty());
    CHECK(build_form_review(*p.app).submit_error.find("safe way for the team to reach you") != std::string::npos);
    CHECK_FALSE(p.app->visit().form.draft.answers().empty());  // nothing lost
    // Choosing a way then sends it.
    p.act(FormEditStep{1});
    p.pick("safe_route", "staff");
    p.act(FormNext{});
    p.act(FormSubmit{});
    REQUIRE(p.app->screen() == Screen::form_done);
    REQUIRE(p.sink->answers.size() == 1);
    auto j = nlohmann::json::parse(p.sink->answers[0]);
    CHECK(j["answers"]["safe_route"] == "staff");
    CHECK_FALSE(j["answers"].contains("team_note"));
}

TEST_CASE("the thank-you in the kiosk's own words promises no way of contact") {
    for (const char* lang : {"en", "cy"}) {
        std::string words = tr("form.done.next", lang);
        CHECK(words.find("way you chose") == std::string::npos);
        CHECK(words.find("ffordd a ddewisoch") == std::string::npos);
    }
}
