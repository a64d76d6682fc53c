// The referral form through the App without a window: steps, Back, typing, review, submit and wipes.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "kiosk/app/app.h"
#include "kiosk/views/form_views.h"
#include "kiosk/form/referral.h"
#include "kiosk/views/view_models.h"
#include "tests/fixture_pack.h"

using namespace lantern::kiosk;
using lantern::content::Audience;

namespace {

// Keeps what it was given, so tests can check what would have been sealed.
struct RecordingSink : ReferralSink {
    std::vector<std::string> answers;
    std::vector<ReferralSummary> summaries;
    bool fail = false;
    SubmitResult submit(const std::string&, const std::string& json, const ReferralSummary& s) override {
        if (fail) return {"", "disk full"};
        answers.push_back(json);
        summaries.push_back(s);
        return {"ABCD-EFGH", ""};
    }
};

struct Fixture {
    lantern::test::TempDir dir;
    std::shared_ptr<const lantern::content::PackReader> pack = lantern::test::build_fixture_pack(dir);
    App app{pack, "en", IdleSettings{90, 30}};
    std::shared_ptr<RecordingSink> sink = std::make_shared<RecordingSink>();
    double t = 0;

    Fixture() {
        app.set_referral_sink(sink, "HMP Test visitor centre");
        do_({Start{}, ChooseAudience{Audience::adult}});
    }
    void do_(Actions a) { app.apply(a, t += 1); }
    void act(Action a) { do_({std::move(a)}); }
    void type(const std::string& field, const std::string& text) {
        act(Focus{field});
        act(Type{text});
        act(Key{KeyKind::done});
    }
    void pick(const std::string& field, const std::string& option) { act(FormPick{field, option}); }
    const FieldView* field(const FormStepView& v, const std::string& id) {
        for (const auto& f : v.fields)
            if (f.id == id) return &f;
        return nullptr;
    }
    // Fills every step with valid answers, ending on the review.
    void fill_all(bool sensitive_consent = true) {
        act(OpenForm{});
        type("call_me", "Sam");
        pick("relationship", "partner");
        pick("interpreter", "no");
        act(FormNext{});
        type("phone", "07700 900123");
        pick("safe_to_call", "yes");
        pick("safe_message", "no");
        act(FormNext{});
        type("prison", "HMP Cardiff");
        act(FormNext{});
        pick("has_children", "no");
        act(FormNext{});
        pick("needs", "housing");
        pick("needs", "domestic-abuse");
        act(FormNext{});
        type("anything_else", "Robert'); DROP TABLE outbox;-- %s%n");
        act(FormNext{});
        pick("consent_contact", "agree");
        pick("consent_sensitive", sensitive_consent ? "yes" : "no");
        act(FormNext{});
    }
};

}  // namespace

TEST_CASE("an adult sees the way into the form; a child does not") {
    Fixture f;
    CHECK(form_entry_shown(f.app));
    f.do_({QuickExit{}, Start{}, ChooseAudience{Audience::child}});
    CHECK_FALSE(form_entry_shown(f.app));
}

TEST_CASE("each step shows its progress, the 999 line, and Next refuses a step with missing answers") {
    Fixture f;
    f.act(OpenForm{});
    CHECK(f.app.screen() == Screen::form_step);
    FormStepView v = build_form_step(f.app);
    REQUIRE(v.available);
    CHECK(v.progress == "Step 1 of 7");
    CHECK(v.title == "About you");
    CHECK(v.danger == "If you or someone else is in danger now, call 999.");
    CHECK_FALSE(f.field(v, "language"));  // only when an interpreter is wanted
    f.act(FormNext{});
    v = build_form_step(f.app);
    CHECK(v.progress == "Step 1 of 7");
    CHECK(f.field(v, "call_me")->error == "Please answer this question.");
    f.pick("interpreter", "yes");
    v = build_form_step(f.app);
    REQUIRE(f.field(v, "language"));
    CHECK(f.field(v, "interpreter")->error.empty());
}

TEST_CASE("the phone questions appear only with a phone number, and a safe way to contact is required") {
    Fixture f;
    f.act(OpenForm{});
    f.type("call_me", "Sam");
    f.pick("relationship", "parent");
    f.pick("interpreter", "no");
    f.act(FormNext{});
    FormStepView v = build_form_step(f.app);
    CHECK(v.progress == "Step 2 of 7");
    CHECK_FALSE(f.field(v, "safe_message"));
    f.act(FormNext{});
    v = build_form_step(f.app);
    CHECK(v.progress == "Step 2 of 7");
    REQUIRE(f.field(v, "safe_route"));
    CHECK(f.field(v, "safe_route")->error == "Please answer this question.");
    f.type("phone", "12345");
    v = build_form_step(f.app);
    REQUIRE(f.field(v, "safe_message"));
    REQUIRE(f.field(v, "safe_to_call"));
    f.act(FormNext{});
    v = build_form_step(f.app);
    CHECK(f.field(v, "phone")->error.find("UK phone number") != std::string::npos);
    CHECK(f.field(v, "safe_to_call")->error == "Please answer this question.");
}

TEST_CASE("Back never loses answers within the form, and Home asks before it clears them") {
    Fixture f;
    f.act(OpenForm{});
    f.type("call_me", "Sam");
    f.pick("relationship", "friend");
    f.pick("interpreter", "no");
    f.act(FormNext{});
    f.type("email", "sam@example.co.uk");
    f.act(Back{});
    FormStepView v = build_form_step(f.app);
    CHECK(v.progress == "Step 1 of 7");
    CHECK(f.field(v, "call_me")->value == "Sam");
    f.act(FormNext{});
    CHECK(f.field(build_form_step(f.app), "email")->value == "sam@example.co.uk");
    f.act(Home{});
    CHECK(build_leave(f.app).showing);  // the rest of leaving is in visit_test.cpp
    f.act(LeaveStay{});
    CHECK(f.field(build_form_step(f.app), "email")->value == "sam@example.co.uk");
}

TEST_CASE("ticking domestic abuse shows the helplines at once without blocking the form") {
    Fixture f;
    f.act(OpenForm{});
    for (int i = 0; i < 4; ++i) f.act(FormEditStep{4});
    FormStepView v = build_form_step(f.app);
    CHECK(v.title == "What help would be useful?");
    CHECK_FALSE(v.show_helplines);
    f.pick("needs", "domestic-abuse");
    v = build_form_step(f.app);
    CHECK(v.show_helplines);
    bool refuge = false;
    for (const auto& h : v.helplines) refuge |= h.number == "0808 2000 247";
    CHECK(refuge);
    REQUIRE(v.helplines.size() == 8);
    CHECK(v.helplines[0].number == "999");  // first: danger now, and the silent call
    bool samaritans = false, childline = false;
    for (const auto& h : v.helplines) {
        samaritans |= h.number == "116 123";
        childline |= h.number == "0800 1111";
    }
    CHECK(samaritans);
    CHECK(childline);
}

TEST_CASE("the on-screen keyboard types into the focused field, with shift, accents and a keypad for phones") {
    Fixture f;
    f.act(OpenForm{});
    f.act(Focus{"call_me"});
    FormStepView v = build_form_step(f.app);
    CHECK(v.keyboard);
    f.act(Key{KeyKind::shift});
    f.act(Key{KeyKind::insert, "S"});
    f.act(Key{KeyKind::insert, "i"});
    f.act(Key{KeyKind::accents});
    f.act(Key{KeyKind::insert, "â"});
    f.act(Key{KeyKind::letters});
    f.act(Key{KeyKind::insert, "n"});
    f.act(Key{KeyKind::insert, "x"});
    f.act(Key{KeyKind::backspace});
    CHECK(f.field(build_form_step(f.app), "call_me")->value == "Siân");
    f.act(Key{KeyKind::done});
    CHECK_FALSE(build_form_step(f.app).keyboard);
    // A physical keyboard's control characters are dropped, the rest typed.
    f.act(Focus{"call_me"});
    f.act(Type{"\t!\x1b"});
    CHECK(f.field(build_form_step(f.app), "call_me")->value == "Siân!");
    CHECK(build_form_step(f.app).notice.find("cannot be used") != std::string::npos);
    // 10 KB pasted at once is refused whole, with a message.
    f.act(Key{KeyKind::insert, std::string(10 * 1024, 'a')});
    CHECK(f.field(build_form_step(f.app), "call_me")->value == "Siân!");
    CHECK_FALSE(build_form_step(f.app).notice.empty());
}

TEST_CASE("review lists the answers, submit seals only what was agreed, shows a reference, and wipes") {
    Fixture f;
    f.fill_all();
    CHECK(f.app.screen() == Screen::form_review);
    FormReviewView r = build_form_review(f.app);
    REQUIRE(r.steps.size() == 7);
    CHECK(r.steps[0].answers[0].value == "Sam");
    CHECK(r.steps[4].answers[0].value == "Housing, Domestic abuse");
    CHECK(r.not_sent.empty());
    f.act(FormEditStep{0});
    CHECK(f.app.screen() == Screen::form_step);
    CHECK(build_form_step(f.app).next == "Check your answers");
    f.act(FormNext{});
    CHECK(f.app.screen() == Screen::form_review);

    f.act(FormSubmit{});
    CHECK(f.app.screen() == Screen::form_done);
    CHECK(build_form_done(f.app).reference == "ABCD-EFGH");
    REQUIRE(f.sink->answers.size() == 1);
    auto j = nlohmann::json::parse(f.sink->answers[0]);
    CHECK(j["answers"]["call_me"] == "Sam");
    CHECK(j["answers"]["prison"] == "HMP Cardiff");
    CHECK(j["answers"]["anything_else"] == "Robert'); DROP TABLE outbox;-- %s%n");
    CHECK(j["answers"]["needs"] == nlohmann::json{"housing", "domestic-abuse"});
    CHECK_FALSE(j["answers"].contains("language"));  // hidden: no interpreter wanted
    const ReferralSummary& s = f.sink->summaries[0];
    CHECK(s.needs == std::vector<std::string>{"housing", "domestic-abuse"});
    CHECK(s.audience == "adult");
    CHECK(s.centre == "HMP Test visitor centre");
    CHECK(s.date.size() == 10);
    // The summary carries nothing the visitor typed.
    std::string summary = to_json(s).dump();
    for (const char* personal : {"Sam", "07700", "Cardiff", "DROP"}) CHECK(summary.find(personal) == std::string::npos);
    // The answers are gone as soon as the referral is stored.
    CHECK(f.app.visit().form.draft.answers().empty());
    f.act(FormFinish{});
    CHECK(f.app.screen() == Screen::attract);
    CHECK(f.app.visit().form.reference.empty());
}

TEST_CASE("without sensitive consent, sensitive answers and need categories are not sent") {
    Fixture f;
    f.fill_all(false);
    CHECK_FALSE(build_form_review(f.app).not_sent.empty());
    f.act(FormSubmit{});
    REQUIRE(f.sink->answers.size() == 1);
    auto j = nlohmann::json::parse(f.sink->answers[0]);
    CHECK(j["sensitive_consent"] == false);
    CHECK(j["answers"]["call_me"] == "Sam");
    CHECK(j["answers"]["phone"] == "07700 900123");
    for (const char* id : {"prison", "needs", "anything_else"}) CHECK_FALSE(j["answers"].contains(id));
    CHECK(f.sink->summaries[0].needs.empty());
}

TEST_CASE("a failed save keeps the answers and says so") {
    Fixture f;
    f.sink->fail = true;
    f.fill_all();
    f.act(FormSubmit{});
    CHECK(f.app.screen() == Screen::form_review);
    CHECK(build_form_review(f.app).submit_error.find("could not be saved") != std::string::npos);
    // With the pack's helplines, 999 first: she may need help now, whatever happened to the form.
    CHECK(build_form_review(f.app).submit_error.find("999") != std::string::npos);
    CHECK(build_form_review(f.app).steps[0].answers[0].value == "Sam");
}

TEST_CASE("quick exit and the idle timeout wipe the draft; the next visitor starts empty") {
    Fixture f;
    f.act(OpenForm{});
    f.type("call_me", "Sam");
    f.act(QuickExit{});
    CHECK(f.app.screen() == Screen::attract);
    CHECK(f.app.visit().form.draft.answers().empty());
    f.do_({Start{}, ChooseAudience{Audience::adult}, OpenForm{}});
    CHECK(f.field(build_form_step(f.app), "call_me")->value.empty());
    CHECK(build_form_step(f.app).progress == "Step 1 of 7");
    f.type("call_me", "Alex");
    f.app.tick(f.t + 121);
    CHECK(f.app.screen() == Screen::attract);
    CHECK(f.app.visit().form.draft.answers().empty());
}

TEST_CASE("a pack without a form, or with a broken one, says the form is unavailable") {
    App app(nullptr, "en");
    app.apply({Start{}, ChooseAudience{Audience::adult}, OpenForm{}}, 1);
    FormStepView v = build_form_step(app);
    CHECK_FALSE(v.available);
    CHECK(v.unavailable.find("not available") != std::string::npos);
    CHECK_FALSE(form_entry_shown(app));
}

TEST_CASE("submit_sealed hands the sink exactly the sealed JSON, and a sink that throws gives an error, no reference") {
    RecordingSink recording;
    SubmitResult ok = submit_sealed(recording, "3", SecretText(R"({"answers":{}})"), ReferralSummary{});
    CHECK(ok.reference == "ABCD-EFGH");
    REQUIRE(recording.answers.size() == 1);
    CHECK(recording.answers[0] == R"({"answers":{}})");

    struct ThrowingSink : ReferralSink {
        SubmitResult submit(const std::string&, const std::string&, const ReferralSummary&) override {
            throw std::runtime_error("database or disk is full");
        }
    } throwing;
    SubmitResult failed = submit_sealed(throwing, "3", SecretText("{}"), ReferralSummary{});
    CHECK(failed.reference.empty());
    CHECK(failed.error == "database or disk is full");
}
