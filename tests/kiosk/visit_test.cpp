// A visit is one thing and ends as one: Home, leaving the form or search, and wipes, through the App.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <random>

#include "kiosk/app.h"
#include "kiosk/form_views.h"
#include "kiosk/search_views.h"
#include "kiosk/staff_views.h"
#include "kiosk/view_models.h"
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

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

bool is_form_screen(Screen s) { return s == Screen::form_step || s == Screen::form_review || s == Screen::form_done; }

struct Fixture {
    lantern::test::TempDir dir;
    std::shared_ptr<const lantern::content::PackReader> pack = lantern::test::build_fixture_pack(dir);
    App app{pack, "en", IdleSettings{90, 30}};
    std::shared_ptr<CountingSink> sink = std::make_shared<CountingSink>();
    double t = 0;

    Fixture() {
        app.set_referral_sink(sink, "HMP Test visitor centre");
        begin();
    }
    void begin() { do_({{ActionKind::start}, {ActionKind::choose_audience, "", Audience::adult}}); }
    void do_(Actions a) { app.apply(a, t += 1); }
    void act(ActionKind k, std::string arg = "", std::string arg2 = "") {
        Action a{k, std::move(arg)};
        a.arg2 = std::move(arg2);
        do_({a});
    }
    void type(const std::string& field, const std::string& text) {
        act(ActionKind::form_focus, field);
        act(ActionKind::form_type, "", text);
        act(ActionKind::form_key, "done");
    }
    void pick(const std::string& field, const std::string& option) { act(ActionKind::form_pick, field, option); }
    // From the adult home screen to step 5 ("What help would be useful?") with domestic abuse ticked.
    void fill_to_needs() {
        act(ActionKind::open_form);
        type("call_me", k_name);
        pick("relationship", "partner");
        pick("interpreter", "no");
        act(ActionKind::form_next);
        type("phone", k_phone);
        pick("safe_to_call", "yes");
        pick("safe_message", "no");
        act(ActionKind::form_next);
        type("prison", "HMP Cardiff");
        act(ActionKind::form_next);
        pick("has_children", "no");
        act(ActionKind::form_next);
        pick("needs", k_need);
    }
    const Session& s() const { return app.session(); }
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
                add(f.label), add(f.value), add(f.error);
                for (const OptionView& o : f.options)
                    if (o.selected) add("ticked:" + o.id + " " + o.label);
            }
            break;
        }
        case Screen::form_review:
            for (const ReviewStep& step : build_form_review(app).steps)
                for (const ReviewAnswer& a : step.answers) {
                    add(a.label + ": " + a.value);
                    if (contains(a.value, "Domestic abuse")) add("ticked:" + k_need);
                }
            break;
        case Screen::form_done: {
            FormDoneView v = build_form_done(app);
            add(v.title), add(v.reference), add(v.next_steps);
            break;
        }
        case Screen::search: {
            SearchView v = build_search(app);
            add(v.query), add(v.status);
            for (const auto& r : v.results) add(r.title);
            break;
        }
        case Screen::staff_pin: add(build_staff_pin(app, now).message); break;
        case Screen::staff: add(build_staff(app).notice); break;
    }
    return out;
}

// Whether the Session still holds any of the canary answers, anywhere.
bool session_holds_canary(const Session& s) {
    for (const auto& [id, a] : s.form.draft.answers()) {
        if (contains(a.text, "Quistcanary") || contains(a.text, "900456")) return true;
        if (std::find(a.picks.begin(), a.picks.end(), k_need) != a.picks.end()) return true;
    }
    return contains(s.search.query, "Quistcanary") || contains(s.staff.notice, "Quistcanary");
}

bool view_holds_canary(const std::string& text) {
    return contains(text, "Quistcanary") || contains(text, "900456") || contains(text, "ticked:" + k_need);
}

bool history_has_form(const Session& s) {
    return std::any_of(s.history.begin(), s.history.end(), [](const Place& p) { return is_form_screen(p.screen); });
}

}  // namespace

TEST_CASE("after step 5 with domestic abuse ticked, Home asks, clears, and four Backs never reach the form") {
    Fixture f;
    f.fill_to_needs();
    REQUIRE(build_form_step(f.app).show_helplines);
    f.act(ActionKind::home);
    // She is asked first, and nothing is lost yet.
    CHECK(f.app.screen() == Screen::form_step);
    LeaveView ask = build_leave(f.app);
    CHECK(ask.showing);
    CHECK(ask.title == "Leave and clear your answers?");
    CHECK(ask.leave == "Leave and clear");
    CHECK(ask.stay == "Stay on the form");
    CHECK(session_holds_canary(f.s()));
    f.act(ActionKind::leave_confirm);
    CHECK(f.app.screen() == Screen::topics);
    CHECK_FALSE(build_leave(f.app).showing);
    CHECK_FALSE(session_holds_canary(f.s()));
    CHECK(f.s().form.draft.answers().empty());
    CHECK(f.s().form.step == 0);
    // The next person taps Back four times: "Who is reading?", then the attract screen, and nothing else.
    std::vector<Screen> seen;
    for (int i = 0; i < 4; ++i) {
        f.act(ActionKind::back);
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
    f.do_({{ActionKind::home}, {ActionKind::leave_confirm}, {ActionKind::open_form}});
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
    f.act(ActionKind::home);
    // Taps meant for the screen under the question do nothing until she answers it.
    Action typing{ActionKind::form_type};
    typing.arg2 = "xyz";
    f.do_({{ActionKind::form_next}, {ActionKind::back}, {ActionKind::open_services}, typing});
    CHECK(f.app.screen() == Screen::form_step);
    CHECK(build_leave(f.app).showing);
    // She can read the question in Welsh: the language changes, the answers stay.
    f.act(ActionKind::set_language, "cy");
    CHECK(build_leave(f.app).title == "Gadael a chlirio eich atebion?");
    CHECK(build_leave(f.app).stay == "Aros ar y ffurflen");
    f.act(ActionKind::leave_stay);
    CHECK_FALSE(build_leave(f.app).showing);
    CHECK(f.app.screen() == Screen::form_step);
    CHECK(f.s().form.step == 4);
    CHECK(session_holds_canary(f.s()));
    f.act(ActionKind::set_language, "en");
    // Quick exit during the question: gone at once, no second question.
    f.act(ActionKind::home);
    REQUIRE(build_leave(f.app).showing);
    f.act(ActionKind::quick_exit);
    CHECK(f.app.screen() == Screen::attract);
    CHECK_FALSE(build_leave(f.app).showing);
    CHECK_FALSE(session_holds_canary(f.s()));
}

TEST_CASE("the idle wipe during the question clears at once") {
    Fixture f;
    f.fill_to_needs();
    f.act(ActionKind::home);
    REQUIRE(build_leave(f.app).showing);
    f.app.tick(f.t + 121);
    CHECK(f.app.screen() == Screen::attract);
    CHECK_FALSE(build_leave(f.app).showing);
    CHECK_FALSE(session_holds_canary(f.s()));
}

TEST_CASE("Back off the first step asks, then lands where she came from with the form blank") {
    Fixture f;
    f.act(ActionKind::open_form);
    f.type("call_me", k_name);
    f.act(ActionKind::back);
    CHECK(build_leave(f.app).showing);
    CHECK(f.app.screen() == Screen::form_step);
    f.act(ActionKind::leave_confirm);
    CHECK(f.app.screen() == Screen::topics);
    CHECK_FALSE(session_holds_canary(f.s()));
    CHECK_FALSE(history_has_form(f.s()));
    // Back within the form goes a step back and keeps everything, without asking.
    f.fill_to_needs();
    f.act(ActionKind::back);
    CHECK_FALSE(build_leave(f.app).showing);
    CHECK(build_form_step(f.app).progress == "Step 4 of 7");
    CHECK(session_holds_canary(f.s()));
}

TEST_CASE("a form left before anything was answered closes without a question") {
    Fixture f;
    f.act(ActionKind::open_form);
    f.act(ActionKind::back);
    CHECK(f.app.screen() == Screen::topics);
    CHECK_FALSE(build_leave(f.app).showing);
    f.act(ActionKind::open_form);
    f.act(ActionKind::home);
    CHECK(f.app.screen() == Screen::topics);
    CHECK_FALSE(build_leave(f.app).showing);
}

TEST_CASE("Find local help or search from the form asks too, and after Leave goes where she asked") {
    Fixture f;
    f.fill_to_needs();
    f.act(ActionKind::open_services, "housing");
    CHECK(f.app.screen() == Screen::form_step);
    CHECK(build_leave(f.app).showing);
    f.act(ActionKind::leave_confirm);
    CHECK(f.app.screen() == Screen::services);
    CHECK(f.s().place.need == "housing");
    CHECK_FALSE(session_holds_canary(f.s()));
    CHECK_FALSE(history_has_form(f.s()));
    f.act(ActionKind::back);
    CHECK(f.app.screen() == Screen::topics);
}

TEST_CASE("from the review, Home asks; after leaving, no Back reaches the review, a step or an answer") {
    Fixture f;
    f.fill_to_needs();
    f.act(ActionKind::form_next);
    f.act(ActionKind::form_next);
    f.pick("consent_contact", "agree");
    f.pick("consent_sensitive", "yes");
    f.act(ActionKind::form_next);
    REQUIRE(f.app.screen() == Screen::form_review);
    CHECK(view_holds_canary(shown_text(f.app, f.t)));  // the check can see the canary where it is shown
    f.do_({{ActionKind::home}, {ActionKind::leave_confirm}});
    CHECK(f.app.screen() == Screen::topics);
    for (int i = 0; i < 3; ++i) {
        f.act(ActionKind::back);
        CHECK_FALSE(is_form_screen(f.app.screen()));
        CHECK_FALSE(view_holds_canary(shown_text(f.app, f.t)));
    }
}

TEST_CASE("after Send, neither Home nor Back reaches the done screen, and Ask for support is blank") {
    Fixture f;
    f.fill_to_needs();
    f.act(ActionKind::form_next);
    f.act(ActionKind::form_next);
    f.pick("consent_contact", "agree");
    f.pick("consent_sensitive", "yes");
    f.act(ActionKind::form_next);
    f.act(ActionKind::form_submit);
    REQUIRE(f.app.screen() == Screen::form_done);
    CHECK(f.sink->sent == 1);
    f.act(ActionKind::home);  // no question: the answers are sent and gone
    CHECK(f.app.screen() == Screen::topics);
    CHECK(f.s().form.reference.empty());
    CHECK_FALSE(history_has_form(f.s()));
    f.act(ActionKind::open_form);
    CHECK(build_form_step(f.app).progress == "Step 1 of 7");
    for (const FieldView& field : build_form_step(f.app).fields) CHECK(field.value.empty());
}

TEST_CASE("leaving search clears its text: Back onto search shows an empty box") {
    Fixture f;
    f.act(ActionKind::open_search);
    f.act(ActionKind::search_type, "", "travel");
    SearchView v = build_search(f.app);
    REQUIRE_FALSE(v.results.empty());
    f.act(ActionKind::open_page, v.results[0].id);
    CHECK(f.app.screen() == Screen::page);
    CHECK(f.s().search.query.empty());
    f.act(ActionKind::back);
    CHECK(f.app.screen() == Screen::search);
    CHECK(build_search(f.app).query.empty());
    CHECK(build_search(f.app).results.empty());
    // Home from search: the same.
    f.act(ActionKind::search_type, "", "visit");
    f.act(ActionKind::home);
    CHECK(f.s().search.query.empty());
    // Typing reaches no search box that is not on screen.
    f.act(ActionKind::search_type, "", "travel");
    CHECK(f.s().search.query.empty());
}

TEST_CASE("pages read are not reachable by Back after Home") {
    Fixture f;
    f.act(ActionKind::open_topic, "visits");
    REQUIRE(f.app.screen() == Screen::page);
    f.act(ActionKind::open_topic, "travel-costs");
    f.act(ActionKind::home);
    CHECK(f.app.screen() == Screen::topics);
    CHECK(f.s().history.size() == 2);
    f.act(ActionKind::back);
    CHECK(f.app.screen() == Screen::audience);
    f.act(ActionKind::back);
    CHECK(f.app.screen() == Screen::attract);
    CHECK(f.app.session().history.empty());
}

TEST_CASE("each arrival somewhere new is counted, so screens start at their top; typing or a language is not one") {
    Fixture f;
    int a = f.app.arrivals();
    f.act(ActionKind::open_form);
    CHECK(f.app.arrivals() > a);
    a = f.app.arrivals();
    f.type("call_me", "Sam");
    f.act(ActionKind::set_language, "cy");
    f.act(ActionKind::cycle_text_size);
    CHECK(f.app.arrivals() == a);
    f.pick("relationship", "partner");
    f.pick("interpreter", "no");
    f.act(ActionKind::form_next);  // a new step in the same screen
    CHECK(f.app.arrivals() > a);
    a = f.app.arrivals();
    f.act(ActionKind::quick_exit);
    CHECK(f.app.arrivals() > a);
    a = f.app.arrivals();
    f.begin();
    f.act(ActionKind::open_topic, "visits");
    a = f.app.arrivals();
    f.app.tick(f.t + 121);  // the idle wipe: the next visitor's first screen is an arrival too
    CHECK(f.app.arrivals() > a);
}

// A property: whatever a visitor taps after the canary form, once it is cleared (quick exit, the idle wipe, a
// confirmed leave, or Send) no screen shows it and the Session holds none of it. Seeded, so a failure replays.
namespace {

std::vector<Action> offered(const App& app, double now, std::mt19937& rng) {
    std::vector<Action> out;
    auto add = [&out](ActionKind k, std::string arg = "", std::string arg2 = "") {
        Action a{k, std::move(arg)};
        a.arg2 = std::move(arg2);
        out.push_back(std::move(a));
    };
    ChromeView c = build_chrome(app);
    if (c.show_nav) {
        add(ActionKind::back);
        if (c.show_home) add(ActionKind::home);
        add(ActionKind::quick_exit);
        for (const auto& l : c.languages) add(ActionKind::set_language, l.code);
        add(ActionKind::cycle_text_size);
        add(ActionKind::toggle_contrast);
    }
    if (build_leave(app).showing) {
        add(ActionKind::leave_confirm);
        add(ActionKind::leave_stay);
        return out;
    }
    switch (app.screen()) {
        case Screen::attract: add(ActionKind::start); break;
        case Screen::audience:
            for (const auto& choice : build_audience(app).choices) {
                Action a{ActionKind::choose_audience};
                a.audience = choice.audience;
                out.push_back(a);
            }
            break;
        case Screen::topics: {
            TopicsView v = build_topics(app);
            for (const auto& tile : v.tiles) add(ActionKind::open_topic, tile.id);
            if (!v.search.empty()) add(ActionKind::open_search);
            if (!v.ask_support.empty()) add(ActionKind::open_form);
            if (!v.find_help.empty()) add(ActionKind::open_services);
            break;
        }
        case Screen::topic_pages:
            for (const auto& p : build_page_list(app).pages) add(ActionKind::open_page, p.id);
            break;
        case Screen::page: break;
        case Screen::services:
            for (const auto& n : build_services(app).needs) add(ActionKind::open_services, n.id);
            break;
        case Screen::form_step: {
            FormStepView v = build_form_step(app);
            if (!v.available) break;
            for (const FieldView& f : v.fields) {
                if (f.typed()) add(ActionKind::form_focus, f.id);
                for (const OptionView& o : f.options)
                    if (o.id != k_need) add(ActionKind::form_pick, f.id, o.id);
            }
            if (v.keyboard) {
                for (const auto& row : v.keys)
                    for (const KeyView& k : row)
                        if (k.kind != KeyKind::insert || rng() % 4 == 0)  // not every letter: keep the walk moving
                            add(ActionKind::form_key, key_kind_name(k.kind), k.text);
                add(ActionKind::form_type, "", "ab1 ");
            }
            add(ActionKind::form_next);
            break;
        }
        case Screen::form_review: {
            FormReviewView v = build_form_review(app);
            for (const ReviewStep& s : v.steps) add(ActionKind::form_edit_step, std::to_string(s.index));
            add(ActionKind::form_submit);
            break;
        }
        case Screen::form_done: add(ActionKind::form_finish); break;
        case Screen::search: {
            SearchView v = build_search(app);
            add(ActionKind::search_focus);
            if (v.focused)
                for (const auto& row : v.keys)
                    for (const KeyView& k : row) add(ActionKind::search_key, key_kind_name(k.kind), k.text);
            add(ActionKind::search_type, "", "ab1 ");
            for (const auto& r : v.results) add(ActionKind::open_page, r.id);
            break;
        }
        case Screen::staff_pin:
        case Screen::staff: break;
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
                what = std::to_string(static_cast<int>(a.kind)) + " " + a.arg + " " + a.arg2;
                f.do_({a});
                if (a.kind == ActionKind::leave_confirm && was_asking) cleared("leave and clear");
                if (a.kind == ActionKind::quick_exit) cleared("quick exit");
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
