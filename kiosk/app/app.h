// The kiosk's state machine: which screen, the visitor's Visit, idle and quick-exit wipes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "content/pack_reader.h"
#include "kiosk/app/actions.h"
#include "kiosk/form/form_session.h"
#include "kiosk/form/interest.h"
#include "kiosk/parts/referral_sink.h"
#include "kiosk/input/secret_text.h"
#include "kiosk/parts/speaker.h"
#include "kiosk/staff/staff_desk.h"
#include "kiosk/staff/staff_lock.h"
#include "kiosk/input/text_box.h"
#include "kiosk/usage/usage_counter.h"
#include "sync/kiosk_settings.h"

namespace lantern::kiosk {

enum class Screen {
    attract,
    audience,
    topics,
    topic_pages,
    page,
    services,
    form_step,
    form_review,
    form_done,
    search,
    family_services,
    interest,
    interest_done,
    staff_pin,
    staff,
    staff_settings  // keep last: k_screen_count counts to it
};
inline constexpr int k_screen_count = static_cast<int>(Screen::staff_settings) + 1;
inline bool is_staff_screen(Screen s) {
    return s == Screen::staff_pin || s == Screen::staff || s == Screen::staff_settings;
}

struct Place {
    Screen screen = Screen::attract;
    std::string topic;
    std::string page;
    std::string need;  // services screen: the need chosen, empty for all
    bool operator==(const Place&) const = default;
};

// The search screen's box: what was typed and the keyboard's state.
struct SearchSession {
    SecretText query;
    bool focused = true;  // the keyboard shows; Done hides it to see more results
    KeyboardLayer layer = KeyboardLayer::letters;
};

// Staff mode: the PIN being typed, the notice being written, what the last action said.
struct StaffSession {
    SecretText pin;       // digits typed so far
    std::string message;  // "Wrong PIN", "Notice posted", an import's result
    bool message_is_problem = false;
    SecretText notice;               // the notice being written
    SecretText notice_cy;            // its Welsh, if staff write one
    bool notice_focused = false;     // the keyboard shows, on the English box
    bool notice_cy_focused = false;  // the keyboard shows, on the Welsh box
    bool notice_adults_only = false;
    KeyboardLayer layer = KeyboardLayer::letters;
    std::vector<std::string> usb_packs;  // found when staff mode opened or staff looked again
};

// Everything one visitor did, in one value created and destroyed whole: idle timeout, quick exit and
// submission end it with `visit_ = Visit{}`, so nothing of one visitor can reach the next (what she typed is
// in SecretTexts, which wipe themselves as they go). Parts of it go sooner, when she leaves the place they
// belong to: the form's answers when she leaves the form (after "Leave and clear your answers?"), the search
// text when she leaves search, everything before Home when she taps Home. No entry in `history` leads into a
// form screen or to a search with text once she has left them. What outlives visits (the pack, settings,
// staff desk, usage counters) is the App's own, beside it.
struct Visit {
    content::Audience audience = content::Audience::adult;
    std::string lang;
    Place place;
    std::vector<Place> history;
    int text_size = 0;           // 0, 1, 2: normal, larger, largest
    bool high_contrast = false;  // the visitor's choice, on top of the kiosk's setting
    bool reading_aloud = false;
    FormSession form;          // the referral draft
    SearchSession search;      // what was searched for
    InterestSession interest;  // "I'm interested" in a family service: her first name and phone
    StaffSession staff;        // staff mode ends with the visit too
    // The way out of the form she tapped while it has answers: "Leave and clear your answers?" shows until
    // she chooses, and nothing but that choice, Quick exit and the display settings does anything meanwhile.
    std::optional<Action> leaving;
    // What the usage figures have counted of this visit already, so each is counted once a visit (or a form).
    struct Counted {
        bool audience = false;
        std::size_t form_steps = 0;  // the furthest step of the form reached, from 1
        bool form_review = false;
        bool family_services = false;
    } counted;
};

// Text size steps a visitor can choose; the third is 150%.
inline constexpr float k_text_scales[] = {1.0f, 1.25f, 1.5f};

// Children read bigger type: early readers need it, and their pages have few words.
inline float audience_text_scale(content::Audience a) {
    switch (a) {
        case content::Audience::little: return 1.25f;
        case content::Audience::child: return 1.2f;
        default: return 1.0f;
    }
}

struct IdleSettings {
    double idle_seconds = 90;       // no input for this long shows "Are you still there?"
    double countdown_seconds = 30;  // then this long before the session is wiped
};

class App {
   public:
    App(std::shared_ptr<const content::PackReader> pack, std::string default_lang, IdleSettings idle = {});

    // Applies actions from the screens; `now` is seconds on a monotonic clock.
    void apply(const Actions& actions, double now);
    // Any touch, drag or key counts as the visitor being there.
    void note_activity(double now);
    // Advances timers; wipes the session when the idle countdown runs out.
    void tick(double now);

    const Visit& visit() const { return visit_; }
    Screen screen() const { return visit_.place.screen; }
    const content::PackReader* pack() const { return pack_.get(); }
    // A newer content pack arrived: switch to it, only between visitors (on the attract screen), so
    // nobody's page changes under them. Returns false (and keeps the old pack) during a session.
    bool replace_pack(std::shared_ptr<const content::PackReader> pack);
    const std::string& default_lang() const { return default_lang_; }
    // The areas the centre serves (config [kiosk] areas), for "Find local help"; empty: every service.
    void set_service_areas(std::vector<std::string> areas) { service_areas_ = std::move(areas); }
    const std::vector<std::string>& service_areas() const { return service_areas_; }

    // The settings staff may change (idle and countdown times, languages, read-aloud volume). Until set, the
    // times given to the constructor, every language of the pack and full volume.
    void set_settings(const sync::KioskSettings& settings);
    const sync::KioskSettings& settings() const { return settings_; }
    // The languages a visitor may choose now (sync::offered_languages): the pack's, as the settings allow.
    std::vector<std::string> languages_offered() const;

    bool idle_countdown_showing(double now) const;
    int idle_seconds_left(double now) const;
    // Seconds until tick() next has something to do (countdown or wipe), for the frame loop's sleep.
    std::optional<double> seconds_until_next_timer(double now) const;
    int wipes() const { return wipes_; }
    // Changes whenever the visitor arrives somewhere new (another screen, page or form step, or a fresh
    // visit): each arrival starts scrolled to the top, so no screen opens where the last visitor left it.
    int arrivals() const { return arrivals_; }
    // Changes whenever what the screens show may change, so view models are rebuilt only then.
    int revision() const { return revision_; }
    // Anonymous usage figures per day (usage_counter.h): never a visit's own record, never what she typed.
    // Written to the store at the end of each visit.
    UsageCounter& usage() { return usage_; }
    const UsageCounter& usage() const { return usage_; }

    // Read-aloud: without a speaker, or with one that has no voice or sound device, there is no button.
    void set_speaker(std::shared_ptr<Speaker> speaker);
    bool has_voice() const { return speaker_ && speaker_->available(); }

    // The visitor centre this kiosk stands in (kiosk.toml [kiosk] centre): whose family services it lists.
    void set_centre(std::string centre) {
        if (!centre.empty()) centre_ = std::move(centre);
    }
    const std::string& centre() const { return centre_; }
    // The family services run here that this visit's audience may see (audience_policy.h: adults only), in the
    // visit's language (app_family.cpp).
    std::vector<content::Service> family_services() const;

    // The referral form (see app_form.cpp). Without a sink, submit says the form could not be sent.
    void set_referral_sink(std::shared_ptr<ReferralSink> sink, std::string centre);
    // Staff mode (staff_actions.cpp): without a desk or a PIN hash, holding the corner does nothing.
    // `now`: the clock at start, for a lock carried over from before a restart.
    void set_staff(std::shared_ptr<StaffDesk> desk, const std::string& pin_hash, double now = 0);
    bool staff_enabled() const { return staff_desk_ && staff_lock_.enabled(); }
    const StaffDesk* staff_desk() const { return staff_desk_.get(); }
    int staff_seconds_locked(double now) const { return staff_lock_.seconds_locked(now); }
    // The desk could not read or keep the count of wrong PINs: the pad refuses every PIN until it can.
    bool staff_lock_failed() const { return staff_lock_failed_; }

    // The pack's form, parsed on first use; nullptr with form_error() set when it is missing or bad.
    const form::Form* form() const;
    const std::string& form_error() const { return form_error_; }

   private:
    // What an arrival is: the place, the form step and the visit.
    struct Whereabouts {
        Place place;
        std::size_t step = 0;
        int visit = 0;
        bool operator==(const Whereabouts&) const = default;
    };
    Whereabouts whereabouts() const { return {visit_.place, visit_.form.step, wipes_}; }

    // How a move treats the history: `push` keeps the place left so Back returns to it; `keep` moves within
    // one place (form steps, the review, a services filter) and leaves the history as it is; `restart`
    // replaces the whole history (Home, staff mode, the reference after Send).
    enum class Trail { push, keep, restart };
    // Every screen change goes through here: the revision moves on, the voice stops (it belongs to the place
    // it was reading) and the history follows `trail`. Nothing else assigns the place.
    void navigate(Place to, Trail trail, std::vector<Place> restart_history = {});
    void go(Place place) { navigate(std::move(place), Trail::push); }
    // Back, written once: to the last place in the history (never into the form), or the audience's home
    // when there is none; Back off the first screen of a visit ends it the way Home would.
    void go_back();
    void wipe();
    // Home: the audience's home screen with a fresh history, whose only way back is "Who is reading?".
    void go_home();
    // True when `a` would take her out of a form that holds answers: it must ask first.
    bool leaves_form_with_answers(const Action& a) const;
    // Out of the form to the place she came from, its answers cleared.
    void leave_form();
    // After every action: what belongs to a place she has left goes with it, and an arrival is counted.
    void settle(const Whereabouts& before);
    // Every way off a page (another screen, Home, Back, Quick exit, idle wipe, a language switch) stops the
    // voice, so it never reads on to the next visitor or over another page.
    void stop_reading();
    // A search she leaves (any way) that found nothing is counted, with its words only if all are the pack's.
    void count_search_left();
    void apply_one(const Action& a, double now);
    bool offers_language(const std::string& lang) const;

    // One handler per action (std::visit picks it): app.cpp, app_form.cpp, app_family.cpp, staff_actions.cpp.
    void on(const Start& a, double now);
    void on(const ChooseAudience& a, double now);
    void on(const SetLanguage& a, double now);
    void on(const OpenTopic& a, double now);
    void on(const OpenPage& a, double now);
    void on(const Back& a, double now);
    void on(const Home& a, double now);
    void on(const QuickExit& a, double now);
    void on(const StillHere& a, double now);
    void on(const OpenServices& a, double now);
    void on(const CycleTextSize& a, double now);
    void on(const ToggleContrast& a, double now);
    void on(const ReadAloud& a, double now);
    void on(const ReadingFinished& a, double now);
    void on(const Focus& a, double now);
    void on(const Key& a, double now);
    void on(const Type& a, double now);
    void on(const OpenForm& a, double now);
    void on(const FormPick& a, double now);
    void on(const FormNext& a, double now);
    void on(const FormEditStep& a, double now);
    void on(const FormSubmit& a, double now);
    void on(const FormFinish& a, double now);
    void on(const LeaveConfirm& a, double now);
    void on(const LeaveStay& a, double now);
    void on(const OpenSearch& a, double now);
    void on(const OpenFamilyServices& a, double now);
    void on(const InterestOpen& a, double now);
    void on(const InterestContactPick& a, double now);
    void on(const InterestSend& a, double now);
    void on(const InterestFinish& a, double now);
    void on(const StaffOpen& a, double now);
    void on(const PinKey& a, double now);
    void on(const StaffSyncNow& a, double now);
    void on(const StaffRetryKeptAside& a, double now);
    void on(const StaffPostNotice& a, double now);
    void on(const StaffClearNotices& a, double now);
    void on(const StaffNoticeAudience& a, double now);
    void on(const StaffLookForPacks& a, double now);
    void on(const StaffImportPack& a, double now);
    void on(const StaffOpenSettings& a, double now);
    void on(const StaffStepSetting& a, double now);
    void on(const StaffToggleLanguage& a, double now);
    // Checks, saves through the desk and applies new settings; says why not when they cannot be.
    void change_settings(const sync::KioskSettings& wanted);

    // The box the keyboard types into on this screen, if one has focus: a form field, the search box or the
    // staff notice. Key and Type go there, and nowhere else.
    std::optional<TextBox> focused_box();
    // What the box's owner does after a key: the form says why a key was refused; Done puts the keyboard away.
    void after_key(KeyResult result, bool changed);
    // The form's actions start here: the revision moves on and the last key's notice goes. Null without a
    // usable form.
    const form::Form* form_action();
    void form_back();
    // Staff actions past the PIN pad: the desk, only on the staff screen `on`, with the revision moved on.
    StaffDesk* staff_action(Screen on = Screen::staff);
    void say(std::string message, bool problem);
    void load_form();

    std::shared_ptr<const content::PackReader> pack_;
    std::string default_lang_;
    IdleSettings idle_;
    sync::KioskSettings settings_;
    Visit visit_;
    double last_activity_ = 0;
    int wipes_ = 0;
    int revision_ = 0;
    int arrivals_ = 0;
    UsageCounter usage_;
    std::optional<form::Form> form_;
    std::string form_error_;
    bool form_loaded_ = false;
    std::shared_ptr<ReferralSink> sink_;
    std::shared_ptr<Speaker> speaker_;
    std::string centre_ = "unknown";
    std::vector<std::string> service_areas_;
    std::shared_ptr<StaffDesk> staff_desk_;
    StaffLock staff_lock_{""};
    bool staff_lock_failed_ = false;
};

}  // namespace lantern::kiosk
