// The App's referral form: step navigation, typing, choices, review and submit. Part of the state machine.
#include <algorithm>
#include <iostream>

#include "content/utf8.h"

#include "kiosk/app.h"
#include "kiosk/form_validation.h"
#include "kiosk/referral.h"
#include "kiosk/text_edit.h"

namespace lantern::kiosk {
namespace {

bool is_multiline(const form::Field* f) { return f && f->type == form::FieldType::multiline; }

}  // namespace

void App::set_referral_sink(std::shared_ptr<ReferralSink> sink, std::string centre) {
    sink_ = std::move(sink);
    if (!centre.empty()) centre_ = std::move(centre);
}

const form::Form* App::form() const { return form_ ? &*form_ : nullptr; }

void App::load_form() {
    form_.reset();
    form_error_.clear();
    std::string text;
    try {
        text = pack_ ? pack_->form_json() : std::string();
    } catch (const std::exception& e) {
        form_error_ = e.what();
    }
    if (text.empty()) {
        if (form_error_.empty()) form_error_ = "the content pack has no form";
    } else {
        form::FormParseResult r = form::parse_form(text);
        if (r.form) form_ = std::move(r.form);
        else form_error_ = r.error;
    }
    // Staff see why the form is unavailable; the text names the pack's form, never an answer.
    if (!form_error_.empty() && pack_) std::cerr << "lantern-kiosk: referral form unavailable: " << form_error_ << "\n";
}

void App::apply_form(const Action& a) {
    FormSession& fs = session_.form;
    ++revision_;  // every form action changes what the form screens show
    if (a.kind == ActionKind::open_form) {
        // Always a blank form: answers never outlive leaving it (Home and the rest ask first, then clear).
        if (screen() == Screen::form_step || screen() == Screen::form_review || screen() == Screen::form_done) return;
        fs = FormSession{};
        go({Screen::form_step, "", ""});
        return;
    }
    if (!form_) {
        if (a.kind == ActionKind::back) leave_form();
        return;
    }
    const form::Form& f = *form_;
    if (fs.step >= f.steps.size()) fs.step = f.steps.size() - 1;
    const form::Step& step = f.steps[fs.step];
    const form::Field* focused = fs.focus.empty() ? nullptr : f.field(fs.focus);
    fs.notice.clear();

    auto insert = [&](const std::string& text) {
        if (!focused || !form::is_typed(focused->type)) return;
        std::string& value = fs.draft.at(focused->id).text;
        switch (insert_text(value, text, form::max_chars(focused->type), is_multiline(focused))) {
            case InsertResult::inserted: fs.errors.erase(focused->id); break;
            case InsertResult::refused_too_long: fs.notice = "form.error.too_long"; break;
            case InsertResult::refused_characters: fs.notice = "form.error.characters"; break;
        }
    };

    switch (a.kind) {
        case ActionKind::form_focus:
            if (const form::Field* field = f.field(a.arg); field && form::is_typed(field->type)) {
                if (fs.focus != field->id) fs.layer = default_layer(field->type);
                fs.focus = field->id;
            }
            break;
        case ActionKind::form_pick: {
            const form::Field* field = f.field(a.arg);
            if (!field || form::is_typed(field->type)) break;
            bool known = std::any_of(field->options.begin(), field->options.end(),
                                     [&](const form::Option& o) { return o.id == a.arg2; });
            if (!known) break;
            form::Answer& ans = fs.draft.at(field->id);
            if (field->type == form::FieldType::choices) {
                auto it = std::find(ans.picks.begin(), ans.picks.end(), a.arg2);
                if (it == ans.picks.end()) ans.picks.push_back(a.arg2);
                else ans.picks.erase(it);
            } else {
                ans.text = a.arg2;
            }
            fs.errors.erase(field->id);
            fs.errors.erase("");
            fs.focus.clear();
            break;
        }
        case ActionKind::form_key: {
            if (!focused) break;
            const std::string& k = a.arg;
            if (k == "insert") insert(a.arg2);
            else if (k == "space") insert(" ");
            else if (k == "newline") insert(is_multiline(focused) ? "\n" : "");
            else if (k == "backspace") backspace_utf8(fs.draft.at(focused->id).text);
            else if (k == "done") fs.focus.clear();
            KeyKind kind = k == "shift"     ? KeyKind::shift
                           : k == "symbols" ? KeyKind::symbols
                           : k == "accents" ? KeyKind::accents
                           : k == "letters" ? KeyKind::letters
                           : k == "insert"  ? KeyKind::insert
                                            : KeyKind::space;
            fs.layer = next_layer(fs.layer, kind, focused->type);
            if (k != "insert" && k != "space") fs.errors.erase(focused->id);
            break;
        }
        case ActionKind::form_type:
            // A physical keyboard types into the focused field: character by character, so one stray
            // control character does not drop the rest.
            if (focused) {
                std::size_t i = 0;
                while (i < a.arg2.size()) {
                    std::size_t start = i;
                    content::next_code_point(a.arg2, i);
                    insert(a.arg2.substr(start, i - start));
                }
            }
            break;
        case ActionKind::form_next: {
            fs.focus.clear();
            fs.errors = form::check_step(f, step, fs.draft);
            if (!fs.errors.empty()) break;
            if (fs.return_to_review || fs.step + 1 >= f.steps.size()) {
                fs.return_to_review = false;
                // Not through go(): the history keeps only the place before the form, so Back from the
                // first step (or a confirmed leave) lands there, never on another form screen.
                session_.place = {Screen::form_review, "", ""};
            } else {
                ++fs.step;
            }
            break;
        }
        case ActionKind::back:
            fs.focus.clear();
            fs.errors.clear();
            if (screen() == Screen::form_done) {
                wipe();
            } else if (screen() == Screen::form_review) {
                fs.step = f.steps.size() - 1;
                session_.place = {Screen::form_step, "", ""};
            } else if (fs.step > 0) {
                --fs.step;  // answers stay: Back within the form never loses anything
            } else {
                leave_form();  // with answers, she has already said "Leave and clear"
            }
            break;
        case ActionKind::form_edit_step: {
            std::size_t i = 0;
            try {
                i = std::stoul(a.arg);
            } catch (const std::exception&) {
                break;
            }
            if (i >= f.steps.size()) break;
            fs.step = i;
            fs.return_to_review = true;
            fs.errors.clear();
            session_.place = {Screen::form_step, "", ""};
            break;
        }
        case ActionKind::form_submit: {
            fs.submit_error.clear();
            // Everything is checked again: an answer can have been hidden or changed since its step.
            for (std::size_t i = 0; i < f.steps.size(); ++i) {
                auto errors = form::check_step(f, f.steps[i], fs.draft);
                if (!errors.empty()) {
                    fs.step = i;
                    fs.errors = std::move(errors);
                    fs.return_to_review = true;
                    session_.place = {Screen::form_step, "", ""};
                    return;
                }
            }
            // The form's own rule (form.json "done.routes"): no referral leaves without a safe way to reach her.
            const form::ContactRoute* route = form::contact_route(f, fs.draft);
            if (!f.routes.empty() && !route) {
                fs.submit_error = "form.error.no_route";
                break;
            }
            if (!sink_) {
                fs.submit_error = "form.submit_failed";
                break;
            }
            std::string answers = referral_json(f, fs.draft, session_.lang);
            ReferralSummary summary =
                referral_summary(f, fs.draft, content::to_string(session_.audience), centre_, today_utc());
            SubmitResult r;
            try {
                r = sink_->submit(f.version, answers, summary);
            } catch (const std::exception& e) {
                r.error = e.what();
            }
            form::wipe_string(answers);
            if (r.reference.empty()) {
                // The answers stay in the draft so nothing is lost; staff can help. The log names no answer.
                std::cerr << "lantern-kiosk: referral not saved: " << r.error << "\n";
                fs.submit_error = "form.submit_failed";
                break;
            }
            ++usage_["referrals"];
            if (route) fs.done_route = static_cast<std::size_t>(route - f.routes.data());
            fs.done_helplines = form::shows_helplines(f, fs.draft);
            fs.draft.wipe();
            fs.errors.clear();
            fs.focus.clear();
            fs.reference = r.reference;
            session_.history.clear();
            session_.place = {Screen::form_done, "", ""};
            break;
        }
        case ActionKind::form_finish: wipe(); break;
        default: break;
    }
}

}  // namespace lantern::kiosk
