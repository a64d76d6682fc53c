// The App's referral form: steps, choices, review and submit (typing is the text box's, app.cpp). Part of
// the state machine.
#include <algorithm>
#include <iostream>

#include "kiosk/app/app.h"
#include "kiosk/form/form_validation.h"
#include "kiosk/form/referral.h"

namespace lantern::kiosk {
namespace {

bool is_form_screen(Screen s) { return s == Screen::form_step || s == Screen::form_review || s == Screen::form_done; }

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

const form::Form* App::form_action() {
    ++revision_;  // every form action changes what the form screens show
    if (!form_) return nullptr;
    FormSession& fs = visit_.form;
    if (fs.step >= form_->steps.size()) fs.step = form_->steps.size() - 1;
    fs.notice.clear();
    return &*form_;
}

void App::on(const OpenForm&, double) {
    // Always a blank form: answers never outlive leaving it (Home and the rest ask first, then clear).
    if (is_form_screen(screen())) return;
    ++revision_;
    visit_.form = FormSession{};
    usage_.form_started();
    visit_.counted.form_steps = 1;
    visit_.counted.form_review = false;
    go({Screen::form_step, "", ""});
}

void App::on(const FormPick& a, double) {
    if (screen() != Screen::form_step) return;
    const form::Form* f = form_action();
    const form::Field* field = f ? f->field(a.field) : nullptr;
    if (!field || form::is_typed(field->type)) return;
    bool known = std::any_of(field->options.begin(), field->options.end(),
                             [&](const form::Option& o) { return o.id == a.option; });
    if (!known) return;
    FormSession& fs = visit_.form;
    form::Answer& ans = fs.draft.at(field->id);
    if (field->type == form::FieldType::choices) {
        auto it = std::find(ans.picks.begin(), ans.picks.end(), a.option);
        if (it == ans.picks.end()) {
            ans.picks.push_back(a.option);
        } else {
            form::wipe_string(*it);
            ans.picks.erase(it);
        }
    } else {
        ans.text.assign(a.option);
    }
    fs.errors.erase(field->id);
    fs.errors.erase("");
    fs.focus.clear();
}

void App::on(const FormNext&, double) {
    if (screen() != Screen::form_step) return;
    const form::Form* f = form_action();
    if (!f) return;
    FormSession& fs = visit_.form;
    fs.focus.clear();
    fs.errors = form::check_step(*f, f->steps[fs.step], fs.draft);
    if (!fs.errors.empty()) return;
    if (fs.return_to_review || fs.step + 1 >= f->steps.size()) {
        fs.return_to_review = false;
        // The history keeps only the place before the form, so Back from the first step (or a confirmed
        // leave) lands there, never on another form screen.
        navigate({Screen::form_review, "", ""}, Trail::keep);
    } else {
        ++fs.step;
    }
}

void App::form_back() {
    const form::Form* f = form_action();
    if (!f) return leave_form();
    FormSession& fs = visit_.form;
    fs.focus.clear();
    fs.errors.clear();
    if (screen() == Screen::form_done) {
        wipe();
    } else if (screen() == Screen::form_review) {
        fs.step = f->steps.size() - 1;
        navigate({Screen::form_step, "", ""}, Trail::keep);
    } else if (fs.step > 0) {
        --fs.step;  // answers stay: Back within the form never loses anything
    } else {
        leave_form();  // with answers, she has already said "Leave and clear"
    }
}

void App::on(const FormEditStep& a, double) {
    if (screen() != Screen::form_review && screen() != Screen::form_step) return;
    const form::Form* f = form_action();
    if (!f || a.index >= f->steps.size()) return;
    FormSession& fs = visit_.form;
    fs.step = a.index;
    fs.return_to_review = true;
    fs.errors.clear();
    navigate({Screen::form_step, "", ""}, Trail::keep);
}

void App::on(const FormSubmit&, double) {
    if (screen() != Screen::form_review) return;
    const form::Form* f = form_action();
    if (!f) return;
    FormSession& fs = visit_.form;
    fs.submit_error.clear();
    // Everything is checked again: an answer can have been hidden or changed since its step.
    for (std::size_t i = 0; i < f->steps.size(); ++i) {
        auto errors = form::check_step(*f, f->steps[i], fs.draft);
        if (!errors.empty()) {
            fs.step = i;
            fs.errors = std::move(errors);
            fs.return_to_review = true;
            navigate({Screen::form_step, "", ""}, Trail::keep);
            return;
        }
    }
    // The form's own rule (form.json "done.routes"): no referral leaves without a safe way to reach her.
    const form::ContactRoute* route = form::contact_route(*f, fs.draft);
    if (!f->routes.empty() && !route) {
        fs.submit_error = "form.error.no_route";
        return;
    }
    if (!sink_) {
        fs.submit_error = "form.submit_failed";
        return;
    }
    ReferralSummary summary = referral_summary(*f, fs.draft, content::to_string(visit_.audience), centre_, today_utc());
    SubmitResult r = submit_sealed(*sink_, f->version, referral_json(*f, fs.draft, visit_.lang), summary);
    if (r.reference.empty()) {
        // The answers stay in the draft so nothing is lost; staff can help. The log names no answer.
        std::cerr << "lantern-kiosk: referral not saved: " << r.error << "\n";
        fs.submit_error = "form.submit_failed";
        return;
    }
    usage_.form_sent();
    if (route) fs.done_route = static_cast<std::size_t>(route - f->routes.data());
    fs.done_helplines = form::shows_helplines(*f, fs.draft);
    fs.draft.wipe();
    fs.errors.clear();
    fs.focus.clear();
    fs.reference = r.reference;
    navigate({Screen::form_done, "", ""}, Trail::restart);
}

void App::on(const FormFinish&, double) {
    if (screen() == Screen::form_done) wipe();
}

}  // namespace lantern::kiosk
