// Navigation, idle timing and wiping. All session state changes happen here.
#include "kiosk/app.h"

#include <algorithm>
#include <cmath>
#include <iterator>

#include "kiosk/strings.h"
#include "kiosk/view_models.h"

namespace lantern::kiosk {
namespace {
bool is_pack_language(const content::PackReader& pack, const std::string& lang) {
    auto langs = pack.languages();
    return std::find(langs.begin(), langs.end(), lang) != langs.end();
}
}  // namespace

App::App(std::shared_ptr<const content::PackReader> pack, std::string default_lang, IdleSettings idle)
    : pack_(std::move(pack)), default_lang_(std::move(default_lang)), idle_(idle) {
    session_.lang = default_lang_;
    load_form();
    set_content_strings(pack_ ? pack_->ui_strings() : decltype(pack_->ui_strings()){});
}

void App::go(Place place) {
    if (place == session_.place) return;
    ++revision_;
    stop_reading();  // the voice belongs to the page it was reading
    session_.history.push_back(session_.place);
    session_.place = std::move(place);
}

void App::stop_reading() {
    if (speaker_) speaker_->stop();
    session_.reading_aloud = false;
}

void App::wipe() {
    stop_reading();
    form::wipe_string(session_.staff.pin);
    form::wipe_string(session_.staff.notice);
    form::wipe_string(session_.search.query);
    // Assigning a fresh Session drops every answer and step of the visitor; there is no way back.
    session_ = Session{};
    ++revision_;
    session_.lang = default_lang_;
    ++wipes_;
    ++arrivals_;
}

namespace {

bool is_form_screen(Screen s) { return s == Screen::form_step || s == Screen::form_review || s == Screen::form_done; }
bool is_staff_screen(Screen s) { return s == Screen::staff_pin || s == Screen::staff; }

// While "Leave and clear your answers?" shows: her answer to it, Quick exit (always), the timer, and the
// settings that help her read the question. Everything else waits for her answer.
bool allowed_while_asking(ActionKind k) {
    switch (k) {
        case ActionKind::leave_confirm:
        case ActionKind::leave_stay:
        case ActionKind::quick_exit:
        case ActionKind::still_here:
        case ActionKind::reading_finished:
        case ActionKind::set_language:
        case ActionKind::cycle_text_size:
        case ActionKind::toggle_contrast: return true;
        default: return false;
    }
}

}  // namespace

void App::apply(const Actions& actions, double now) {
    for (const Action& a : actions) {
        if (a.kind != ActionKind::reading_finished) note_activity(now);  // the voice ending is not the visitor
        if (session_.leaving && !allowed_while_asking(a.kind)) continue;
        if (!session_.leaving && leaves_form_with_answers(a)) {
            session_.leaving = a;
            ++revision_;
            continue;
        }
        Whereabouts before = whereabouts();
        switch (a.kind) {
            case ActionKind::start:
                if (screen() != Screen::attract) break;  // a visit starts once, from the attract screen
                ++usage_["sessions"];
                // "Cyffyrddwch i ddechrau" starts the visit in Welsh: the words tapped choose the language.
                if (!a.arg.empty() && pack_ && is_pack_language(*pack_, a.arg)) session_.lang = a.arg;
                go({Screen::audience, "", ""});
                break;
            case ActionKind::choose_audience:
                if (screen() != Screen::audience) break;
                ++usage_[std::string("audience_") + content::to_string(a.audience)];
                session_.audience = a.audience;
                go({Screen::topics, "", ""});
                break;
            case ActionKind::set_language:
                stop_reading();  // a voice in the old language over words in the new one helps nobody
                session_.lang = a.arg;
                ++revision_;
                break;
            case ActionKind::open_topic: {
                // A topic with one page for this audience opens that page directly: one tap fewer.
                auto pages = pack_ ? pack_->pages_in_topic(a.arg, session_.audience, session_.lang)
                                   : std::vector<content::PageSummary>{};
                if (pages.size() == 1) go({Screen::page, a.arg, pages[0].id});
                else go({Screen::topic_pages, a.arg, ""});
                break;
            }
            case ActionKind::open_page:
                ++usage_["page_views"];
                go({Screen::page, session_.place.topic, a.arg});
                break;
            case ActionKind::back:
                if (screen() == Screen::form_step || screen() == Screen::form_review || screen() == Screen::form_done) {
                    apply_form(a);
                    break;
                }
                if (!session_.history.empty()) {
                    stop_reading();
                    session_.place = session_.history.back();
                    session_.history.pop_back();
                    ++revision_;
                }
                // Back from the first screen of a visit ends it the way Home would.
                if (session_.place.screen == Screen::attract) wipe();
                break;
            case ActionKind::home:
                // Home is the audience's home screen: there is none before she chooses, and none in staff mode.
                if (screen() == Screen::attract || screen() == Screen::audience || is_staff_screen(screen())) break;
                go_home();
                break;
            case ActionKind::quick_exit:
                ++usage_["quick_exits"];
                wipe();
                break;
            case ActionKind::leave_confirm: {
                if (!session_.leaving) break;
                Action way = *session_.leaving;
                session_.leaving.reset();
                leave_form();
                // Back is done by leaving; any other way (Home, Find local help...) is now taken from outside.
                if (way.kind != ActionKind::back) apply({way}, now);
                break;
            }
            case ActionKind::leave_stay:
                session_.leaving.reset();
                ++revision_;
                break;
            case ActionKind::still_here: break;
            case ActionKind::open_services:
                if (session_.place.screen == Screen::services) {
                    session_.place.need = a.arg;  // choosing a need filters in place; Back leaves the screen
                    ++revision_;
                } else {
                    go({Screen::services, "", "", a.arg});
                }
                break;
            case ActionKind::cycle_text_size:
                session_.text_size = (session_.text_size + 1) % static_cast<int>(std::size(k_text_scales));
                ++revision_;
                break;
            case ActionKind::toggle_contrast:
                session_.high_contrast = !session_.high_contrast;
                ++revision_;
                break;
            case ActionKind::read_aloud: {
                bool start = !session_.reading_aloud && session_.place.screen == Screen::page && has_voice();
                stop_reading();
                if (start) {
                    // The page's own language: an English fallback page is read in English.
                    ReadAloudText text = build_read_aloud(*this);
                    if (!text.text.empty()) {
                        speaker_->speak(text.text, text.lang);
                        session_.reading_aloud = true;
                    }
                }
                ++revision_;
                break;
            }
            case ActionKind::reading_finished:
                session_.reading_aloud = false;
                ++revision_;
                break;
            case ActionKind::open_form:
            case ActionKind::form_focus:
            case ActionKind::form_pick:
            case ActionKind::form_key:
            case ActionKind::form_type:
            case ActionKind::form_next:
            case ActionKind::form_edit_step:
            case ActionKind::form_submit:
            case ActionKind::form_finish: apply_form(a); break;
            case ActionKind::open_search:
            case ActionKind::search_focus:
            case ActionKind::search_key:
            case ActionKind::search_type: apply_search(a); break;
            case ActionKind::staff_open:
            case ActionKind::staff_pin_key:
            case ActionKind::staff_sync_now:
            case ActionKind::staff_retry_kept_aside:
            case ActionKind::staff_notice_focus:
            case ActionKind::staff_notice_key:
            case ActionKind::staff_notice_type:
            case ActionKind::staff_post_notice:
            case ActionKind::staff_clear_notices:
            case ActionKind::staff_look_for_packs:
            case ActionKind::staff_import_pack: apply_staff(a, now); break;
        }
        settle(before);
    }
}

bool App::leaves_form_with_answers(const Action& a) const {
    if (screen() != Screen::form_step && screen() != Screen::form_review) return false;
    const auto& answers = session_.form.draft.answers();
    if (std::none_of(answers.begin(), answers.end(), [](const auto& kv) { return !kv.second.empty(); })) return false;
    switch (a.kind) {
        // Back leaves only from the first step; from the others it goes a step back, answers kept.
        case ActionKind::back: return screen() == Screen::form_step && session_.form.step == 0;
        case ActionKind::home:
        case ActionKind::open_services:
        case ActionKind::open_search:
        case ActionKind::open_topic:
        case ActionKind::open_page: return true;
        default: return false;
    }
}

void App::leave_form() {
    stop_reading();
    session_.form = FormSession{};  // Draft's move assignment overwrites the answers before freeing them
    std::erase_if(session_.history, [](const Place& p) { return is_form_screen(p.screen); });
    if (session_.history.empty()) {
        session_.place = {Screen::topics, "", ""};
    } else {
        session_.place = session_.history.back();
        session_.history.pop_back();
    }
    ++revision_;
}

void App::go_home() {
    stop_reading();
    session_.history = {Place{Screen::attract, "", ""}, Place{Screen::audience, "", ""}};
    session_.place = {Screen::topics, "", ""};
    ++revision_;
}

void App::settle(const Whereabouts& before) {
    Screen now_on = screen();
    if (!is_form_screen(now_on)) {
        // Whatever way she left the form (Send, a confirmed leave, or a way not foreseen), it is blank now,
        // and no entry of the history leads back into it.
        session_.form = FormSession{};
        std::erase_if(session_.history, [](const Place& p) { return is_form_screen(p.screen); });
        session_.leaving.reset();
    }
    if (now_on != Screen::search && !session_.search.query.empty()) {
        form::wipe_string(session_.search.query);
        session_.search = SearchSession{};
    }
    if (!is_staff_screen(now_on) && (!session_.staff.pin.empty() || !session_.staff.notice.empty())) {
        form::wipe_string(session_.staff.pin);
        form::wipe_string(session_.staff.notice);
        session_.staff = StaffSession{};
    }
    if (whereabouts() != before) {
        ++arrivals_;
        ++revision_;
        if (session_.reading_aloud && session_.place != before.place) stop_reading();
    }
}

void App::apply_search(const Action& a) {
    // A search query is short: enough for a few words, never a place to paste a letter.
    constexpr std::size_t k_max_query = 80;
    SearchSession& ss = session_.search;
    if (a.kind != ActionKind::open_search && screen() != Screen::search) return;  // no typing into a box not shown
    ++revision_;
    switch (a.kind) {
        case ActionKind::open_search:
            if (screen() != Screen::search) {
                ss = SearchSession{};
                go({Screen::search, "", ""});
            }
            break;
        case ActionKind::search_focus: ss.focused = true; break;
        case ActionKind::search_key: press_key({ss.query, ss.layer, ss.focused, k_max_query}, a.arg, a.arg2); break;
        case ActionKind::search_type: type_into({ss.query, ss.layer, ss.focused, k_max_query}, a.arg2); break;
        default: break;
    }
}

bool App::replace_pack(std::shared_ptr<const content::PackReader> pack) {
    if (screen() != Screen::attract || !pack) return false;
    pack_ = std::move(pack);
    load_form();
    set_content_strings(pack_->ui_strings());
    ++revision_;
    return true;
}

void App::note_activity(double now) { last_activity_ = now; }

void App::tick(double now) {
    if (screen() == Screen::attract) return;
    if (now - last_activity_ >= idle_.idle_seconds + idle_.countdown_seconds) {
        ++usage_["idle_wipes"];
        wipe();
    }
}

bool App::idle_countdown_showing(double now) const {
    return screen() != Screen::attract && now - last_activity_ >= idle_.idle_seconds;
}

int App::idle_seconds_left(double now) const {
    double left = idle_.idle_seconds + idle_.countdown_seconds - (now - last_activity_);
    return left <= 0 ? 0 : static_cast<int>(std::ceil(left));
}

std::optional<double> App::seconds_until_next_timer(double now) const {
    if (screen() == Screen::attract) return std::nullopt;
    double since = now - last_activity_;
    // The PIN pad's lockout counts down on screen (its view is rebuilt as the second changes: view_inputs.h).
    if (screen() == Screen::staff_pin && staff_lock_.seconds_locked(now) > 0 && since < idle_.idle_seconds)
        return std::min(0.5, idle_.idle_seconds - since);
    if (since < idle_.idle_seconds) return idle_.idle_seconds - since;
    // During the countdown the number on screen changes every second.
    return std::max(0.0, 1.0 - std::fmod(since - idle_.idle_seconds, 1.0));
}

}  // namespace lantern::kiosk
