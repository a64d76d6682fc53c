// A visit is one thing and ends as one: Home, leaving the form or search, and wipes, through the App.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <random>

#include "kiosk/app/app.h"
#include "kiosk/views/family_views.h"
#include "kiosk/views/form_views.h"
#include "kiosk/views/search_views.h"
#include "kiosk/views/staff_views.h"
#include "kiosk/views/view_models.h"
#include "tests/fixture_pack.h"

using namespace lantern::kiosk;
using lantern::content::Audience;

namespace {

struct CountingSink : ReferralSink {
    int sent = 0;
    SubmitResult submit(const std::string&, const std::string&, const ReferralSummary&) override {
        ++sent;
        return {"ABCD-EFGH", ""};
    }
};

// What the test's visitor types: nothing a random walk can type by chance (it types only "ab1 ").
const std::string k_name = "Zephyrine Quistcanary";
const std::string k_phone = "07700 900456";
const std::string k_need = "domestic-abuse";  // the random walk never ticks it

bool contains(std::string_view haystack, std::string_view needle) { return haystack.find(needle) != std::string::npos; }

bool is_form_screen(Screen s) { return s == Screen::form_step || s == Screen::form_review || s == Screen::form_done; }

struct Fixture {
    lantern::test::TempDir dir;
    std::shared_ptr<const lantern::content::PackReader> pack = lantern::test::build_fixture_pack(dir);
    App app{pack, "en", IdleSettings{90, 30}};
    std::shared_ptr<CountingSink> sink = std::make_shared<CountingSink>();
    double t = 0;

    Fixture() {
        app.set_referral_sink(sink, "HMP Test");  // the fixture pack runs family days here
        begin();
    }
    void begin() { do_({Start{}, ChooseAudience{Audience::adult}}); }
    void do_(Actions a) { app.apply(a, t += 1); }
    void act(Action a) { do_({std::move(a)}); }
    void type(const std::string& field, const std::string& text) {
        act(Focus{field});
        act(Type{text});
        act(Key{KeyKind::done});
    }
    void pick(const std::string& field, const std::string& option) { act(FormPick{field, option}); }
    // From the adult home screen to step 5 ("What help would be useful?") with domestic abuse ticked.
    void fill_to_needs() {
        act(OpenForm{});
        type("call_me", k_name);
        pick("relationship", "partner");
        pick("interpreter", "no");
        act(FormNext{});
        type("phone", k_phone);
        pick("safe_to_call", "yes");
        pick("safe_message", "no");
        act(FormNext{});
        type("prison", "HMP Cardiff");
        act(FormNext{});
        pick("has_children", "no");
        act(FormNext{});
        pick("needs", k_need);
    }
    const Visit& s() const { return app.visit(); }
};

// Every word and value the current screen's view models hold (the chrome, the screen, the overlays), with a
// ticked option written as "ticked:ID" and an option not ticked left out (its label is the pack's, not hers).
std::string shown_text(const App& app, double now) {
    std::string out;
    auto add = [&out](const std::string& s) { out += s + "\n"; };
    ChromeView c = build_chrome(app);
    add(c.back), add(c.home), add(c.quick_exit);
    LeaveView l = build_leave(app);
    add(l.title), add(l.body), add(l.leave), add(l.stay);
    IdleView i = build_idle(app, now);
    add(i.title), add(i.body);
    switch (app.screen()) {
        case Screen::attract:
            for (const auto& n : build_attract(app).notices) add(n);
            break;
        case Screen::audience: add(build_audience(app).title); break;
        case Screen::topics: {
            TopicsView v = build_topics(app);
            for (const auto& tile : v.tiles) add(tile.title);
            for (const auto& n : v.notices) add(n);
            break;
        }
        case Screen::topic_pages:
            for (const auto& p : build_page_list(app).pages) add(p.title), add(p.summary);
            break;
        case Screen::page: add(build_page(app).title); break;
        case Screen::services:
            for (const auto& card : build_services(app).services) add(card.name), add(card.phone);
            break;
        case Screen::form_step: {
            FormStepView v = build_form_step(app);
            add(v.title), add(v.progress), add(v.notice), add(v.step_error);
            for (const FieldView& f : v.fields) {
                add(f.label), add(std::string(f.value.view())), add(f.error);
                for (const OptionView& o : f.options)
                    if (o.selected) add("ticked:" + o.id + " " + o.label);
            }
            break;
        }
        case Screen::form_review:
            for (const ReviewStep& step : build_form_review(app).steps)
                for (const ReviewAnswer& a : step.answers) {
                    add(a.label + ": " + std::string(a.value.view()));
                    if (contains(a.value.view(), "Domestic abuse")) add("ticked:" + k_need);
                }
            break;
        case Screen::form_done: {
            FormDoneView v = build_form_done(app);
            add(v.title), add(v.reference), add(v.next_steps);
            break;
        }
        case Screen::search: {
            SearchView v = build_search(app);
            add(std::string(v.query.view())), add(v.status);
            for (const auto& r : v.results) add(r.title);
            break;
        }
        case Screen::family_services:
            for (const auto& card : build_family_services(app).services) add(card.name), add(card.when);
            break;
        case Screen::interest: {
            InterestView v = build_interest(app);
            add(v.title), add(std::string(v.first_name.view())), add(std::string(v.phone.view())), add(v.error);
            break;
        }
        case Screen::interest_done: {
            InterestDoneView v = build_interest_done(app);
            add(v.title), add(v.reference), add(v.next);
            break;
        }
        case Screen::staff_pin: add(build_staff_pin(app, now).message); break;
        case Screen::staff: add(std::string(build_staff(app).notice.view())); break;
        case Screen::staff_settings: add(build_staff_settings(app).message); break;
    }
    return out;
}

// Whether the Visit still holds any of the canary answers, anywhere.
bool session_holds_canary(const Visit& s) {
    for (const auto& [id, a] : s.form.draft.answers()) {
        if (contains(a.text.view(), "Quistcanary") || contains(a.text.view(), "900456")) return true;
        if (std::find(a.picks.begin(), a.picks.end(), k_need) != a.picks.end()) return true;
    }
    return contains(s.search.query.view(), "Quistcanary") || contains(s.staff.notice.view(), "Quistcanary");
}

bool view_holds_canary(const std::string& text) {
    return contains(text, "Quistcanary") || contains(text, "900456") || contains(text, "ticked:" + k_need);
}

bool history_has_form(const Visit& s) {
    return std::any_of(s.history.begin(), s.history.end(), [](const Place& p) { return is_form_screen(p.screen); });
}

}  // namespace

TEST_CASE("after step 5 with domestic abuse ticked, Home asks, clears, and four Backs never reach the form") {
    Fixture f;
    f.fill_to_needs();
    REQUIRE(build_form_step(f.app).show_helplines);
    f.act(Home{});
    // She is asked first, and nothing is lost yet.
    CHECK(f.app.screen() == Screen::form_step);
    LeaveView ask = build_leave(f.app);
    CHECK(ask.showing);
    CHECK(ask.title == "Leave and clear your answers?");
    CHECK(ask.leave == "Leave and clear");
    CHECK(ask.stay == "Stay on the form");
    CHECK(session_holds_canary(f.s()));
    f.act(LeaveConfirm{});
    CHECK(f.app.screen() == Screen::topics);
    CHECK_FALSE(build_leave(f.app).showing);
    CHECK_FALSE(session_holds_canary(f.s()));
    CHECK(f.s().form.draft.answers().empty());
    CHECK(f.s().form.step == 0);
    // The next person taps Back four times: "Who is reading?", then the attract screen, and nothing else.
    std::vector<Screen> seen;
    for (int i = 0; i < 4; ++i) {
        f.act(Back{});
        seen.push_back(f.app.screen());
        CHECK_FALSE(is_form_screen(f.app.screen()));
        CHECK_FALSE(view_holds_canary(shown_text(f.app, f.t)));
        CHECK_FALSE(session_holds_canary(f.s()));
    }
    CHECK(seen == std::vector<Screen>{Screen::audience, Screen::attract, Screen::attract, Screen::attract});
}

TEST_CASE("Home then Ask for support opens a blank form at its first step") {
    Fixture f;
    f.fill_to_needs();
    f.do_({Home{}, LeaveConfirm{}, OpenForm{}});
    CHECK(f.app.screen() == Screen::form_step);
    FormStepView v = build_form_step(f.app);
    CHECK(v.progress == "Step 1 of 7");
    for (const FieldView& field : v.fields) {
        CHECK(field.value.empty());
        for (const OptionView& o : field.options) CHECK_FALSE(o.selected);
    }
    CHECK_FALSE(view_holds_canary(shown_text(f.app, f.t)));
}

TEST_CASE("Stay keeps every answer and the step; while asked, other taps wait and Quick exit still works") {
    Fixture f;
    f.fill_to_needs();
    f.act(Home{});
    // Taps meant for the screen under the question do nothing until she answers it.
    f.do_({FormNext{}, Back{}, OpenServices{}, Type{"xyz"}});
    CHECK(f.app.screen() == Screen::form_step);
    CHECK(build_leave(f.app).showing);
    // She can read the question in Welsh: the language changes, the answers stay.
    f.act(SetLanguage{"cy"});
    CHECK(build_leave(f.app).title == "Gadael a chlirio eich atebion?");
    CHECK(build_leave(f.app).stay == "Aros ar y ffurflen");
    f.act(LeaveStay{});
    CHECK_FALSE(build_leave(f.app).showing);
    CHECK(f.app.screen() == Screen::form_step);
    CHECK(f.s().form.step == 4);
    CHECK(session_holds_canary(f.s()));
    f.act(SetLanguage{"en"});
    // Quick exit during the question: gone at once, no second question.
    f.act(Home{});
    REQUIRE(build_leave(f.app).showing);
    f.act(QuickExit{});
    CHECK(f.app.screen() == Screen::attract);
    CHECK_FALSE(build_leave(f.app).showing);
    CHECK_FALSE(session_holds_canary(f.s()));
}

TEST_CASE("the idle wipe during the question clears at once") {
    Fixture f;
    f.fill_to_needs();
    f.act(Home{});
    REQUIRE(build_leave(f.app).showing);
    f.app.tick(f.t + 121);
    CHECK(f.app.screen() == Screen::attract);
    CHECK_FALSE(build_leave(f.app).showing);
    CHECK_FALSE(session_holds_canary(f.s()));
}

TEST_CASE("Back off the first step asks, then lands where she came from with the form blank") {
    Fixture f;
    f.act(OpenForm{});
    f.type("call_me", k_name);
    f.act(Back{});
    CHECK(build_leave(f.app).showing);
    CHECK(f.app.screen() == Screen::form_step);
    f.act(LeaveConfirm{});
    CHECK(f.app.screen() == Screen::topics);
    CHECK_FALSE(session_holds_canary(f.s()));
    CHECK_FALSE(history_has_form(f.s()));
    // Back within the form goes a step back and keeps everything, without asking.
    f.fill_to_needs();
    f.act(Back{});
    CHECK_FALSE(build_leave(f.app).showing);
    CHECK(build_form_step(f.app).progress == "Step 4 of 7");
    CHECK(session_holds_canary(f.s()));
}

TEST_CASE("a form left before anything was answered closes without a question") {
    Fixture f;
    f.act(OpenForm{});
    f.act(Back{});
    CHECK(f.app.screen() == Screen::topics);
    CHECK_FALSE(build_leave(f.app).showing);
    f.act(OpenForm{});
    f.act(Home{});
    CHECK(f.app.screen() == Screen::topics);
    CHECK_FALSE(build_leave(f.app).showing);
}

TEST_CASE("Find local help or search from the form asks too, and after Leave goes where she asked") {
    Fixture f;
    f.fill_to_needs();
    f.act(OpenServices{"housing"});
    CHECK(f.app.screen() == Screen::form_step);
    CHECK(build_leave(f.app).showing);
    f.act(LeaveConfirm{});
    CHECK(f.app.screen() == Screen::services);
    CHECK(f.s().place.need == "housing");
    CHECK_FALSE(session_holds_canary(f.s()));
    CHECK_FALSE(history_has_form(f.s()));
    f.act(Back{});
    CHECK(f.app.screen() == Screen::topics);
}

TEST_CASE("from the review, Home asks; after leaving, no Back reaches the review, a step or an answer") {
    Fixture f;
    f.fill_to_needs();
    f.act(FormNext{});
    f.act(FormNext{});
    f.pick("consent_contact", "agree");
    f.pick("consent_sensitive", "yes");
    f.act(FormNext{});
    REQUIRE(f.app.screen() == Screen::form_review);
    CHECK(view_holds_canary(shown_text(f.app, f.t)));  // the check can see the canary where it is shown
    f.do_({Home{}, LeaveConfirm{}});
    CHECK(f.app.screen() == Screen::topics);
    for (int i = 0; i < 3; ++i) {
        f.act(Back{});
        CHECK_FALSE(is_form_screen(f.app.screen()));
        CHECK_FALSE(view_holds_canary(shown_text(f.app, f.t)));
    }
}

TEST_CASE("after Send, neither Home nor Back reaches the done screen, and Ask for support is blank") {
    Fixture f;
    f.fill_to_needs();
    f.act(FormNext{});
    f.act(FormNext{});
    f.pick("consent_contact", "agree");
    f.pick("consent_sensitive", "yes");
    f.act(FormNext{});
    f.act(FormSubmit{});
    REQUIRE(f.app.screen() == Screen::form_done);
    CHECK(f.sink->sent == 1);
    f.act(Home{});  // no question: the answers are sent and gone
    CHECK(f.app.screen() == Screen::topics);
    CHECK(f.s().form.reference.empty());
    CHECK_FALSE(history_has_form(f.s()));
    f.act(OpenForm{});
    CHECK(build_form_step(f.app).progress == "Step 1 of 7");
    for (const FieldView& field : build_form_step(f.app).fields) CHECK(field.value.empty());
}

TEST_CASE("leaving search clears its text: Back onto search shows an empty box") {
    Fixture f;
    f.act(OpenSearch{});
    f.act(Type{"travel"});
    SearchView v = build_search(f.app);
    REQUIRE_FALSE(v.results.empty());
    f.act(OpenPage{v.results[0].id});
    CHECK(f.app.screen() == Screen::page);
    CHECK(f.s().search.query.empty());
    f.act(Back{});
    CHECK(f.app.screen() == Screen::search);
    CHECK(build_search(f.app).query.empty());
    CHECK(build_search(f.app).results.empty());
    // Home from search: the same.
    f.act(Type{"visit"});
    f.act(Home{});
    CHECK(f.s().search.query.empty());
    // Typing reaches no search box that is not on screen.
    f.act(Type{"travel"});
    CHECK(f.s().search.query.empty());
}

TEST_CASE("pages read are not reachable by Back after Home") {
    Fixture f;
    f.act(OpenTopic{"visits"});
    REQUIRE(f.app.screen() == Screen::page);
    f.act(OpenTopic{"travel-costs"});
    f.act(Home{});
    CHECK(f.app.screen() == Screen::topics);
    CHECK(f.s().history.size() == 2);
    f.act(Back{});
    CHECK(f.app.screen() == Screen::audience);
    f.act(Back{});
    CHECK(f.app.screen() == Screen::attract);
    CHECK(f.app.visit().history.empty());
}

TEST_CASE("each arrival somewhere new is counted, so screens start at their top; typing or a language is not one") {
    Fixture f;
    int a = f.app.arrivals();
    f.act(OpenForm{});
    CHECK(f.app.arrivals() > a);
    a = f.app.arrivals();
    f.type("call_me", "Sam");
    f.act(SetLanguage{"cy"});
    f.act(CycleTextSize{});
    CHECK(f.app.arrivals() == a);
    f.pick("relationship", "partner");
    f.pick("interpreter", "no");
    f.act(FormNext{});  // a new step in the same screen
    CHECK(f.app.arrivals() > a);
    a = f.app.arrivals();
    f.act(QuickExit{});
    CHECK(f.app.arrivals() > a);
    a = f.app.arrivals();
    f.begin();
    f.act(OpenTopic{"visits"});
    a = f.app.arrivals();
    f.app.tick(f.t + 121);  // the idle wipe: the next visitor's first screen is an arrival too
    CHECK(f.app.arrivals() > a);
}

// A property: whatever a visitor taps after the canary form, once it is cleared (quick exit, the idle wipe, a
// confirmed leave, or Send) no screen shows it and the Visit holds none of it. Seeded, so a failure replays.
namespace {

std::vector<Action> offered(const App& app, double now, std::mt19937& rng) {
    std::vector<Action> out;
    auto add = [&out](Action a) { out.push_back(std::move(a)); };
    ChromeView c = build_chrome(app);
    if (c.show_nav) {
        add(Back{});
        if (c.show_home) add(Home{});
        add(QuickExit{});
        for (const auto& l : c.languages) add(SetLanguage{l.code});
        add(CycleTextSize{});
        add(ToggleContrast{});
    }
    if (build_leave(app).showing) {
        add(LeaveConfirm{});
        add(LeaveStay{});
        return out;
    }
    switch (app.screen()) {
        case Screen::attract: add(Start{}); break;
        case Screen::audience:
            for (const auto& choice : build_audience(app).choices) add(ChooseAudience{choice.audience});
            break;
        case Screen::topics: {
            TopicsView v = build_topics(app);
            for (const auto& tile : v.tiles) add(OpenTopic{tile.id});
            if (!v.search.empty()) add(OpenSearch{});
            if (!v.ask_support.empty()) add(OpenForm{});
            if (!v.find_help.empty()) add(OpenServices{});
            if (!v.family_services.empty()) add(OpenFamilyServices{});
            break;
        }
        case Screen::topic_pages:
            for (const auto& p : build_page_list(app).pages) add(OpenPage{p.id});
            break;
        case Screen::page: break;
        case Screen::services:
            for (const auto& n : build_services(app).needs) add(OpenServices{n.id});
            break;
        case Screen::form_step: {
            FormStepView v = build_form_step(app);
            if (!v.available) break;
            for (const FieldView& f : v.fields) {
                if (f.typed()) add(Focus{f.id});
                for (const OptionView& o : f.options)
                    if (o.id != k_need) add(FormPick{f.id, o.id});
            }
            if (v.keyboard) {
                for (const auto& row : v.keys)
                    for (const KeyView& k : row)
                        if (k.kind != KeyKind::insert || rng() % 4 == 0)  // not every letter: keep the walk moving
                            add(Key{k.kind, k.text});
                add(Type{"ab1 "});
            }
            add(FormNext{});
            break;
        }
        case Screen::form_review: {
            FormReviewView v = build_form_review(app);
            for (const ReviewStep& s : v.steps) add(FormEditStep{s.index});
            add(FormSubmit{});
            break;
        }
        case Screen::form_done: add(FormFinish{}); break;
        case Screen::search: {
            SearchView v = build_search(app);
            add(Focus{});
            if (v.focused)
                for (const auto& row : v.keys)
                    for (const KeyView& k : row) add(Key{k.kind, k.text});
            add(Type{"ab1 "});
            for (const auto& r : v.results) add(OpenPage{r.id});
            break;
        }
        case Screen::family_services:
            for (const auto& card : build_family_services(app).services) add(InterestOpen{card.id});
            break;
        case Screen::interest: {
            InterestView v = build_interest(app);
            add(Focus{"first_name"});
            add(InterestContactPick{rng() % 2 == 0});
            if (v.contact == InterestContact::phone) add(Focus{"phone"});
            if (v.keyboard)
                for (const auto& row : v.keys)
                    for (const KeyView& k : row)
                        if (k.kind != KeyKind::insert || rng() % 4 == 0) add(Key{k.kind, k.text});
            add(Type{"ab1 "});
            add(InterestSend{});
            break;
        }
        case Screen::interest_done: add(InterestFinish{}); break;
        case Screen::staff_pin:
        case Screen::staff:
        case Screen::staff_settings: break;
    }
    (void)now;
    return out;
}

}  // namespace

TEST_CASE("thousands of random taps after a filled form never show its answers once the visit let them go") {
    std::map<std::string, int> cleared_by;  // over all seeds: each way a visit lets the answers go was taken
    for (unsigned seed : {1u, 2u, 3u, 4u, 5u}) {
        Fixture f;
        std::mt19937 rng(seed);
        bool live = false;  // the canary answers are in the form and may be shown
        int fills = 0, clears = 0;
        auto cleared = [&](const std::string& how) {
            if (!live) return;
            live = false;
            ++clears;
            ++cleared_by[how];
        };
        auto fill = [&] {
            f.fill_to_needs();
            REQUIRE(session_holds_canary(f.s()));
            REQUIRE(view_holds_canary(shown_text(f.app, f.t)));  // the check sees them while they are there
            live = true;
            ++fills;
        };
        fill();
        for (int i = 0; i < 2000; ++i) {
            int wipes = f.app.wipes();
            bool was_asking = build_leave(f.app).showing;
            std::string what;
            // Now and then she walks away: the idle wipe. Otherwise one of the taps the screen offers.
            if (rng() % 60 == 0) {
                what = "walk away";
                f.app.tick(f.t += 121);
            } else if (!live && f.app.screen() == Screen::topics && f.s().audience == Audience::adult &&
                       rng() % 8 == 0) {
                what = "fill the canary form";
                fill();
                continue;
            } else {
                std::vector<Action> options = offered(f.app, f.t, rng);
                REQUIRE_FALSE(options.empty());
                Action a = options[rng() % options.size()];
                what = "action " + std::to_string(a.index());
                f.do_({a});
                if (is<LeaveConfirm>(a) && was_asking) cleared("leave and clear");
                if (is<QuickExit>(a)) cleared("quick exit");
            }
            if (f.app.wipes() != wipes) cleared(what == "walk away" ? "idle wipe" : "back off the first screen");
            if (f.app.screen() == Screen::form_done) cleared("send");
            INFO("seed ", seed, ", step ", i, ": ", what, " on screen ", static_cast<int>(f.app.screen()));
            // What the visit holds, whatever happened: no form place in the history unless in the form, and
            // search text only on the search screen.
            if (!is_form_screen(f.app.screen())) {
                CHECK_FALSE(history_has_form(f.s()));
                CHECK(f.s().form.draft.answers().empty());
            }
            if (f.app.screen() != Screen::search) CHECK(f.s().search.query.empty());
            if (f.app.screen() != Screen::interest) {  // "I'm interested": her name and number go as she leaves
                CHECK(f.s().interest.first_name.empty());
                CHECK(f.s().interest.phone.empty());
            }
            if (!live) {
                CHECK_FALSE(session_holds_canary(f.s()));
                CHECK_FALSE(view_holds_canary(shown_text(f.app, f.t)));
            }
        }
        INFO("seed ", seed);
        CHECK(fills >= 3);  // the walk really went round: filled, cleared and filled again
        CHECK(clears >= fills - 1);
    }
    CHECK(cleared_by["leave and clear"] > 0);
    CHECK(cleared_by["quick exit"] > 0);
    CHECK(cleared_by["idle wipe"] > 0);
}

// Every screen change goes through the App's one navigation path: whatever was tapped, arriving somewhere new
// moves the revision on (so every view is rebuilt) and silences the voice, and Back returns to exactly the place
// the history holds. A random walk over every tap the screens offer, with read-aloud started wherever it can be.
namespace {

// The Read aloud button's action, with the words the chrome's view gives it.
Action read_aloud(const App& app) {
    ChromeView c = build_chrome(app, true);
    return ReadAloud{c.words.text, c.words.lang};
}

class CountingSpeaker final : public Speaker {
   public:
    bool available() const override { return true; }
    void speak(const std::string&, const std::string&) override { speaking = true; }
    void stop() override { speaking = false; }
    bool poll_finished() override { return false; }
    void set_volume(int) override {}
    bool speaking = false;
};

}  // namespace

TEST_CASE("every screen change moves the revision on, stops the voice and keeps the history's rule") {
    std::map<Screen, int> reached;
    int backs_checked = 0;
    for (unsigned seed : {11u, 12u, 13u}) {
        Fixture f;
        auto speaker = std::make_shared<CountingSpeaker>();
        f.app.set_speaker(speaker);
        std::mt19937 rng(seed);
        for (int i = 0; i < 1500; ++i) {
            std::vector<Action> options = offered(f.app, f.t, rng);
            if (f.app.screen() == Screen::page) options.push_back(read_aloud(f.app));
            if (f.app.screen() == Screen::topics && f.s().audience == Audience::adult && rng() % 10 == 0)
                f.fill_to_needs();  // answers in the form, so leaving it asks first
            if (f.app.screen() == Screen::page && rng() % 3 == 0) {
                f.act(read_aloud(f.app));  // a voice running when the next tap comes
                options = offered(f.app, f.t, rng);
            }
            Action a = options[rng() % options.size()];
            Place before = f.s().place;
            std::vector<Place> history = f.s().history;
            int revision = f.app.revision(), wipes = f.app.wipes();
            bool asking = build_leave(f.app).showing;
            f.do_({a});
            INFO("seed ", seed, ", step ", i, ": action ", a.index(), " from screen ", static_cast<int>(before.screen));
            if (f.s().place != before) {
                ++reached[f.app.screen()];
                CHECK(f.app.revision() != revision);
                CHECK_FALSE(speaker->speaking);
                CHECK_FALSE(f.s().reading_aloud);
            }
            CHECK(f.s().reading_aloud == speaker->speaking);
            // Back outside the form (which steps back within itself first) goes to the last place in the
            // history, or ends the visit when that is the attract screen.
            if (is<Back>(a) && !asking && !is_form_screen(before.screen) && !history.empty() &&
                f.app.wipes() == wipes) {
                CHECK(f.s().place == history.back());
                CHECK(f.s().history.size() == history.size() - 1);
                ++backs_checked;
            }
        }
    }
    CHECK(backs_checked > 50);
    // The screens a random walk reaches (the review needs a valid form, which random taps rarely give).
    for (Screen s : {Screen::audience, Screen::topics, Screen::page, Screen::services, Screen::form_step,
                     Screen::search, Screen::family_services, Screen::interest}) {
        INFO("screen ", static_cast<int>(s));
        CHECK(reached[s] > 0);
    }
}
