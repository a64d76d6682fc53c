// Navigation, idle timing and wiping, and the visitor's actions outside the form and staff mode. Every state
// change of a visit happens in the App; every screen change passes through navigate().
#include "kiosk/app/app.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <iterator>

#include "kiosk/form/form_answers.h"
#include "kiosk/form/form_validation.h"
#include "kiosk/views/strings.h"

namespace lantern::kiosk {
namespace {
bool is_form_screen(Screen s) { return s == Screen::form_step || s == Screen::form_review || s == Screen::form_done; }

// While "Leave and clear your answers?" shows: her answer to it, Quick exit (always), the timer, and the
// settings that help her read the question. Everything else waits for her answer.
bool allowed_while_asking(const Action& a) {
    return is<LeaveConfirm>(a) || is<LeaveStay>(a) || is<QuickExit>(a) || is<StillHere>(a) || is<ReadingFinished>(a) ||
           is<SetLanguage>(a) || is<CycleTextSize>(a) || is<ToggleContrast>(a);
}

// A search query is short: enough for a few words, never a place to paste a letter.
constexpr std::size_t k_max_query = 80;
}  // namespace

App::App(std::shared_ptr<const content::PackReader> pack, std::string default_lang, IdleSettings idle)
    : pack_(std::move(pack)), default_lang_(std::move(default_lang)), idle_(idle) {
    settings_.idle_seconds = static_cast<int>(std::lround(idle.idle_seconds));
    settings_.countdown_seconds = static_cast<int>(std::lround(idle.countdown_seconds));
    visit_.lang = default_lang_;
    load_form();
    set_content_strings(pack_ ? pack_->ui_strings() : decltype(pack_->ui_strings()){});
}

void App::navigate(Place to, Trail trail, std::vector<Place> restart_history) {
    if (trail != Trail::restart && to == visit_.place) return;
    if (trail == Trail::push) visit_.history.push_back(visit_.place);
    if (trail == Trail::restart) visit_.history = std::move(restart_history);
    stop_reading();
    visit_.place = std::move(to);
    ++revision_;
}

void App::go_back() {
    std::erase_if(visit_.history, [](const Place& p) { return is_form_screen(p.screen); });
    if (!visit_.history.empty()) {
        Place to = std::move(visit_.history.back());
        visit_.history.pop_back();
        navigate(std::move(to), Trail::keep);
    } else if (is_form_screen(screen())) {
        navigate({Screen::topics, "", ""}, Trail::keep);  // a form opened with no history: her home screen
    }
    if (screen() == Screen::attract) wipe();
}

void App::stop_reading() {
    if (speaker_) speaker_->stop();
    visit_.reading_aloud = false;
}

void App::count_search_left() {
    std::string_view typed = visit_.search.query.view();
    // Only a search with something to find: a box of spaces or signs searched for nothing.
    if (std::none_of(typed.begin(), typed.end(), [](char c) {
            auto u = static_cast<unsigned char>(c);
            return u >= 0x80 || std::isalnum(u);
        }))
        return;
    std::string query(typed);
    bool found = pack_ && !pack_->search(query, visit_.audience, visit_.lang, 1).empty();
    if (!found) usage_.search_found_nothing(pack_ ? pack_->vocabulary_words(query) : "");
    form::wipe_string(query);
}

void App::wipe() {
    stop_reading();
    if (screen() == Screen::search) count_search_left();
    // A fresh Visit: every answer, search and PIN of the visitor is wiped as the old one goes; no way back.
    visit_ = Visit{};
    visit_.lang = default_lang_;
    ++revision_;
    ++wipes_;
    ++arrivals_;
    usage_.flush();  // between visits: the day's figures are on disk before the next visitor
}

void App::apply(const Actions& actions, double now) {
    for (const Action& a : actions) apply_one(a, now);
}

void App::apply_one(const Action& a, double now) {
    if (!is<ReadingFinished>(a)) note_activity(now);  // the voice ending is not the visitor
    if (visit_.leaving && !allowed_while_asking(a)) return;
    if (!visit_.leaving && leaves_form_with_answers(a)) {
        visit_.leaving = a;
        ++revision_;
        return;
    }
    Whereabouts before = whereabouts();
    std::visit([&](const auto& action) { on(action, now); }, a);
    settle(before);
}

void App::on(const Start& a, double) {
    if (screen() != Screen::attract) return;  // a visit starts once, from the attract screen
    usage_.visit_started();
    // "Cyffyrddwch i ddechrau" starts the visit in Welsh: the words tapped choose the language.
    if (!a.lang.empty() && offers_language(a.lang)) visit_.lang = a.lang;
    go({Screen::audience, "", ""});
}

void App::on(const ChooseAudience& a, double) {
    if (screen() != Screen::audience) return;
    if (!visit_.counted.audience) usage_.visit_for(a.audience, visit_.lang);
    visit_.counted.audience = true;
    visit_.audience = a.audience;
    go({Screen::topics, "", ""});
}

void App::on(const SetLanguage& a, double) {
    if (!offers_language(a.lang)) return;  // staff turned it off, or the pack has no pages in it
    stop_reading();                        // a voice in the old language over words in the new one helps nobody
    visit_.lang = a.lang;
    ++revision_;
}

void App::on(const OpenTopic& a, double) {
    // A topic with one page for this audience opens that page directly: one tap fewer.
    auto pages =
        pack_ ? pack_->pages_in_topic(a.id, visit_.audience, visit_.lang) : std::vector<content::PageSummary>{};
    if (pages.size() == 1) {
        usage_.page_read(pages[0].id);
        go({Screen::page, a.id, pages[0].id});
    } else go({Screen::topic_pages, a.id, ""});
}

void App::on(const OpenPage& a, double) {
    usage_.page_read(a.id);
    go({Screen::page, visit_.place.topic, a.id});
}

void App::on(const Back&, double) {
    if (is_form_screen(screen())) form_back();
    else go_back();
}

void App::on(const Home&, double) {
    // Home is the audience's home screen: there is none before she chooses, and none in staff mode.
    if (screen() == Screen::attract || screen() == Screen::audience || is_staff_screen(screen())) return;
    go_home();
}

void App::on(const QuickExit&, double) {
    if (!is_staff_screen(screen())) usage_.quick_exit();  // staff leaving staff mode is not a visitor's exit
    wipe();
}

void App::on(const StillHere&, double) {}

void App::on(const OpenServices& a, double) {
    // Choosing a need filters in place; Back leaves the screen.
    navigate({Screen::services, "", "", a.need}, screen() == Screen::services ? Trail::keep : Trail::push);
}

void App::on(const CycleTextSize&, double) {
    visit_.text_size = (visit_.text_size + 1) % static_cast<int>(std::size(k_text_scales));
    usage_.text_size_changed(visit_.text_size);
    ++revision_;
}

void App::on(const ToggleContrast&, double) {
    visit_.high_contrast = !visit_.high_contrast;
    ++revision_;
}

void App::on(const ReadAloud& a, double) {
    bool start = !visit_.reading_aloud && screen() == Screen::page && has_voice() && !a.text.empty();
    stop_reading();
    if (start) {
        speaker_->speak(a.text, a.lang);
        visit_.reading_aloud = true;
        usage_.read_aloud();
    }
    ++revision_;
}

void App::on(const ReadingFinished&, double) {
    visit_.reading_aloud = false;
    ++revision_;
}

void App::on(const LeaveConfirm&, double now) {
    if (!visit_.leaving) return;
    Action way = *visit_.leaving;
    visit_.leaving.reset();
    leave_form();
    // Back is done by leaving; any other way (Home, Find local help...) is now taken from outside.
    if (!is<Back>(way)) apply_one(way, now);
}

void App::on(const LeaveStay&, double) {
    visit_.leaving.reset();
    ++revision_;
}

void App::on(const OpenSearch&, double) {
    if (screen() == Screen::search) return;
    visit_.search = SearchSession{};
    go({Screen::search, "", ""});
}

void App::on(const Focus& a, double) {
    switch (screen()) {
        case Screen::form_step: {
            const form::Form* f = form_action();
            const form::Field* field = f ? f->field(a.field) : nullptr;
            if (!field || !form::is_typed(field->type)) return;
            FormSession& fs = visit_.form;
            if (fs.focus != field->id) fs.layer = default_layer(field->type);
            fs.focus = field->id;
            return;
        }
        case Screen::search: visit_.search.focused = true; break;
        case Screen::staff:
            visit_.staff.notice_cy_focused = a.field == k_staff_notice_cy;
            visit_.staff.notice_focused = !visit_.staff.notice_cy_focused;
            break;
        case Screen::interest: {
            InterestSession& is = visit_.interest;
            if (a.field != "first_name" && !(a.field == "phone" && is.contact == InterestContact::phone)) return;
            if (is.focus != a.field)
                is.layer = default_layer(a.field == "phone" ? form::FieldType::phone : form::FieldType::text);
            is.focus = a.field;
            break;
        }
        default: return;
    }
    ++revision_;
}

std::optional<TextBox> App::focused_box() {
    switch (screen()) {
        case Screen::form_step: {
            FormSession& fs = visit_.form;
            const form::Field* f = form_ && !fs.focus.empty() ? form_->field(fs.focus) : nullptr;
            if (!f || !form::is_typed(f->type)) return std::nullopt;
            return TextBox{fs.draft.at(f->id).text,
                           fs.layer,
                           {form::max_chars(f->type), f->type == form::FieldType::multiline, f->type}};
        }
        case Screen::search:
            if (!visit_.search.focused) return std::nullopt;
            return TextBox{visit_.search.query, visit_.search.layer, {k_max_query}};
        case Screen::staff:
            if (visit_.staff.notice_cy_focused)
                return TextBox{visit_.staff.notice_cy, visit_.staff.layer, {k_max_notice_chars}};
            if (!visit_.staff.notice_focused) return std::nullopt;
            return TextBox{visit_.staff.notice, visit_.staff.layer, {k_max_notice_chars}};
        case Screen::interest: {
            InterestSession& is = visit_.interest;
            if (is.focus == "first_name") return TextBox{is.first_name, is.layer, {k_interest_name_chars}};
            if (is.focus == "phone" && is.contact == InterestContact::phone)
                return TextBox{
                    is.phone, is.layer, {form::max_chars(form::FieldType::phone), false, form::FieldType::phone}};
            return std::nullopt;
        }
        default: return std::nullopt;
    }
}

void App::on(const Key& a, double) {
    auto box = focused_box();
    if (!box) return;
    std::size_t before = box->text.size();
    KeyResult r = press_key(*box, a.kind, a.text);
    after_key(r, box->text.size() != before);
}

void App::on(const Type& a, double) {
    auto box = focused_box();
    if (!box) return;
    std::size_t before = box->text.size();
    KeyResult r = type_into(*box, a.text);
    after_key(r, box->text.size() != before);
}

void App::after_key(KeyResult result, bool changed) {
    ++revision_;
    bool refused = result == KeyResult::refused_too_long || result == KeyResult::refused_characters;
    switch (screen()) {
        case Screen::form_step: {
            FormSession& fs = visit_.form;
            fs.notice.clear();
            if (result == KeyResult::refused_too_long) fs.notice = "form.error.too_long";
            if (result == KeyResult::refused_characters) fs.notice = "form.error.characters";
            if (!refused || changed) fs.errors.erase(fs.focus);
            if (result == KeyResult::done) fs.focus.clear();
            break;
        }
        case Screen::search:
            if (result == KeyResult::done) visit_.search.focused = false;
            break;
        case Screen::staff:
            if (result == KeyResult::done) visit_.staff.notice_focused = visit_.staff.notice_cy_focused = false;
            break;
        case Screen::interest:
            visit_.interest.error.clear();
            if (result == KeyResult::refused_too_long) visit_.interest.error = "form.error.too_long";
            if (result == KeyResult::refused_characters) visit_.interest.error = "form.error.characters";
            if (result == KeyResult::done) visit_.interest.focus.clear();
            break;
        default: break;
    }
}

bool App::leaves_form_with_answers(const Action& a) const {
    if (screen() != Screen::form_step && screen() != Screen::form_review) return false;
    const auto& answers = visit_.form.draft.answers();
    if (std::none_of(answers.begin(), answers.end(), [](const auto& kv) { return !kv.second.empty(); })) return false;
    // Back leaves only from the first step; from the others it goes a step back, answers kept.
    if (is<Back>(a)) return screen() == Screen::form_step && visit_.form.step == 0;
    return is<Home>(a) || is<OpenServices>(a) || is<OpenSearch>(a) || is<OpenTopic>(a) || is<OpenPage>(a);
}

void App::leave_form() {
    visit_.form = FormSession{};  // the Draft's and SecretTexts' move assignment wipes the answers
    go_back();
}

void App::go_home() {
    navigate({Screen::topics, "", ""}, Trail::restart,
             {Place{Screen::attract, "", ""}, Place{Screen::audience, "", ""}});
}

void App::settle(const Whereabouts& before) {
    Screen now_on = screen();
    if (!is_form_screen(now_on)) {
        // Whatever way she left the form (Send, a confirmed leave, or a way not foreseen), it is blank now,
        // and no entry of the history leads back into it.
        visit_.form = FormSession{};
        std::erase_if(visit_.history, [](const Place& p) { return is_form_screen(p.screen); });
        visit_.leaving.reset();
    }
    if (now_on != Screen::interest && now_on != Screen::interest_done) {
        // Her name and number go the moment she leaves the request, whichever way; the list is one Back away.
        if (!visit_.interest.service.empty()) visit_.interest = InterestSession{};
        std::erase_if(visit_.history,
                      [](const Place& p) { return p.screen == Screen::interest || p.screen == Screen::interest_done; });
    }
    if (now_on != Screen::search && !visit_.search.query.empty()) {
        count_search_left();
        visit_.search = SearchSession{};
    }
    // The form's funnel: each step (and the review) counted the first time this form reaches it.
    Visit::Counted& counted = visit_.counted;
    if (now_on == Screen::form_step)
        for (; counted.form_steps < visit_.form.step + 1; ++counted.form_steps)
            usage_.form_step_reached(counted.form_steps + 1);
    if (now_on == Screen::form_review && !counted.form_review) {
        usage_.form_review_reached();
        counted.form_review = true;
    }
    if (!is_staff_screen(now_on) &&
        (!visit_.staff.pin.empty() || !visit_.staff.notice.empty() || !visit_.staff.notice_cy.empty()))
        visit_.staff = StaffSession{};
    if (whereabouts() != before) {
        ++arrivals_;
        ++revision_;
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
        if (!is_staff_screen(screen())) usage_.idle_end();
        wipe();
    }
}

void App::set_settings(const sync::KioskSettings& settings) {
    settings_ = settings;
    idle_ = {static_cast<double>(settings.idle_seconds), static_cast<double>(settings.countdown_seconds)};
    if (speaker_) speaker_->set_volume(settings.read_aloud_volume);
    ++revision_;
}

void App::set_speaker(std::shared_ptr<Speaker> speaker) {
    speaker_ = std::move(speaker);
    if (speaker_) speaker_->set_volume(settings_.read_aloud_volume);
}

std::vector<std::string> App::languages_offered() const {
    return pack_ ? sync::offered_languages(pack_->languages(), settings_, default_lang_) : std::vector<std::string>{};
}

bool App::offers_language(const std::string& lang) const {
    auto langs = languages_offered();
    return std::find(langs.begin(), langs.end(), lang) != langs.end();
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
