// Builds the form screens' view models from the App's form and the visitor's draft.
#include "kiosk/views/form_views.h"

#include <algorithm>

#include "kiosk/form/referral.h"
#include "kiosk/views/strings.h"

namespace lantern::kiosk {
namespace {

std::string fill(std::string text, const std::string& key, const std::string& value) {
    if (auto at = text.find(key); at != std::string::npos) text.replace(at, key.size(), value);
    return text;
}

std::string key_label(KeyKind k, const std::string& text, const std::string& lang) {
    switch (k) {
        case KeyKind::insert: return text;
        case KeyKind::backspace: return tr("osk.delete", lang);
        case KeyKind::shift: return tr("osk.shift", lang);
        case KeyKind::symbols: return tr("osk.symbols", lang);
        case KeyKind::letters: return tr("osk.letters", lang);
        case KeyKind::accents: return tr("osk.accents", lang);
        case KeyKind::space: return tr("osk.space", lang);
        case KeyKind::newline: return tr("osk.newline", lang);
        case KeyKind::done: return tr("osk.done", lang);
    }
    return text;
}

SecretText answer_text(const form::Field& f, const form::Answer& a, const std::string& lang) {
    if (form::is_typed(f.type)) return a.text;
    SecretText out;
    for (const auto& o : f.options) {
        bool on = f.type == form::FieldType::choices ? std::find(a.picks.begin(), a.picks.end(), o.id) != a.picks.end()
                                                     : a.text == o.id;
        if (!on) continue;
        if (!out.empty()) out.append(", ");
        out.append(o.label.in(lang));
    }
    return out;
}

// The helplines are the pack's (form.json), in its order: 999 and the silent 999-then-55 call first.
void fill_helplines(const form::Form& f, const std::string& lang, std::string& title, std::vector<Helpline>& out) {
    title = f.helplines_title.in(lang);
    for (const auto& h : f.helplines) out.push_back({h.name.in(lang), h.number});
}

// Pack words may say {team_contact}: the team's number, or where to ask for it while none is set.
std::string with_team(std::string text, const form::Form& f, const std::string& lang) {
    return fill(std::move(text), "{team_contact}", form::team_contact(f, lang));
}

}  // namespace

bool form_entry_shown(const App& app) {
    return app.form() != nullptr && app.visit().audience == content::Audience::adult;
}

FormStepView build_form_step(const App& app) {
    const Visit& s = app.visit();
    const std::string& lang = s.lang;
    const FormSession& fs = s.form;
    FormStepView v;
    v.danger = tr("form.danger", lang);
    v.back = tr("nav.back", lang);
    v.tap_to_type = tr("form.tap_to_type", lang);
    const form::Form* f = app.form();
    if (!f) {
        v.unavailable = tr("form.unavailable", lang);
        return v;
    }
    v.available = true;
    std::size_t index = std::min(fs.step, f->steps.size() - 1);
    const form::Step& step = f->steps[index];
    v.progress = fill(fill(tr("form.progress", lang), "{n}", std::to_string(index + 1)), "{total}",
                      std::to_string(f->steps.size()));
    v.title = step.title.in(lang);
    v.next = tr(fs.return_to_review || index + 1 == f->steps.size() ? "form.to_review" : "form.next", lang);
    for (const form::Field& field : step.fields) {
        if (!form::is_visible(*f, field, fs.draft)) continue;
        FieldView fv;
        fv.id = field.id;
        fv.type = field.type;
        fv.label = with_team(field.label.in(lang), *f, lang);
        if (!field.required && field.type != form::FieldType::note) fv.label += " " + tr("form.optional", lang);
        fv.help = with_team(field.help.in(lang), *f, lang);
        fv.focused = fs.focus == field.id;
        fv.multiline = field.type == form::FieldType::multiline;
        const form::Answer* a = fs.draft.find(field.id);
        if (a && form::is_typed(field.type)) fv.value = a->text;
        for (const auto& o : field.options) {
            bool on = a && (field.type == form::FieldType::choices
                                ? std::find(a->picks.begin(), a->picks.end(), o.id) != a->picks.end()
                                : a->text == o.id);
            fv.options.push_back({o.id, o.label.in(lang), on});
        }
        if (auto e = fs.errors.find(field.id); e != fs.errors.end()) fv.error = tr(e->second, lang);
        v.fields.push_back(std::move(fv));
    }
    if (auto e = fs.errors.find(""); e != fs.errors.end())
        v.step_error = step.one_of_message.empty() ? tr(e->second, lang) : step.one_of_message.in(lang);
    if (!fs.notice.empty()) v.notice = tr(fs.notice, lang);
    v.show_helplines = form::shows_helplines(*f, fs.draft) && !f->helplines.empty();
    if (v.show_helplines) fill_helplines(*f, lang, v.helplines_title, v.helplines);
    const form::Field* focused = fs.focus.empty() ? nullptr : f->field(fs.focus);
    if (focused && form::is_visible(*f, *focused, fs.draft)) {
        v.keyboard = true;
        v.keys = keyboard_keys(fs.layer, focused->type == form::FieldType::multiline, lang);
    }
    return v;
}

std::vector<std::vector<KeyView>> keyboard_keys(KeyboardLayer layer, bool multiline, const std::string& lang) {
    std::vector<std::vector<KeyView>> keys;
    for (const auto& row : keyboard_rows(layer, multiline)) {
        std::vector<KeyView> r;
        for (const KeyCap& k : row)
            r.push_back({k.kind, key_label(k.kind, k.text, lang), k.text, k.width,
                         k.kind == KeyKind::shift &&
                             (layer == KeyboardLayer::shifted || layer == KeyboardLayer::accents_shifted)});
        keys.push_back(std::move(r));
    }
    return keys;
}

FormReviewView build_form_review(const App& app) {
    const Visit& s = app.visit();
    const std::string& lang = s.lang;
    FormReviewView v;
    v.title = tr("form.review.title", lang);
    v.intro = tr("form.review.intro", lang);
    v.danger = tr("form.danger", lang);
    v.submit = tr("form.submit", lang);
    v.back = tr("nav.back", lang);
    if (!s.form.submit_error.empty()) v.submit_error = tr(s.form.submit_error, lang);
    const form::Form* f = app.form();
    if (!f) return v;
    // Her form could not be saved (a full or broken disk): whatever happens to it, she may need help now.
    if (s.form.submit_error == "form.submit_failed" && !f->helplines.empty()) {
        std::string title;
        std::vector<Helpline> lines;
        fill_helplines(*f, lang, title, lines);
        v.submit_error += "\n\n" + title;
        for (const auto& h : lines) v.submit_error += "\n" + h.name + (h.number.empty() ? "" : "  " + h.number);
    }
    bool sensitive_ok = sensitive_consent_given(*f, s.form.draft);
    if (!sensitive_ok) v.not_sent = tr("form.review.not_sent", lang);
    for (std::size_t i = 0; i < f->steps.size(); ++i) {
        const form::Step& step = f->steps[i];
        ReviewStep rs;
        rs.title = step.title.in(lang);
        rs.index = i;
        rs.change = tr("form.change", lang) + "##" + std::to_string(i);
        for (const auto& field : step.fields) {
            const form::Answer* a = s.form.draft.find(field.id);
            if (field.type == form::FieldType::note || !form::is_visible(*f, field, s.form.draft)) continue;
            SecretText value =
                a && !a->empty() ? answer_text(field, *a, lang) : SecretText(tr("form.review.empty", lang));
            rs.answers.push_back({field.label.in(lang), std::move(value)});
        }
        v.steps.push_back(std::move(rs));
    }
    return v;
}

FormDoneView build_form_done(const App& app) {
    const std::string& lang = app.visit().lang;
    const FormSession& fs = app.visit().form;
    FormDoneView v;
    v.title = tr("form.done.title", lang);
    v.reference_label = tr("form.done.reference", lang);
    v.reference = fs.reference;
    v.keep_reference = tr("form.done.keep_reference", lang);
    v.finish = tr("form.done.finish", lang);
    const form::Form* f = app.form();
    // Without a route (a pack that declares none) the done screen promises nothing about how or when.
    if (f && fs.done_route && *fs.done_route < f->routes.size())
        v.next_steps = with_team(f->routes[*fs.done_route].next.in(lang), *f, lang);
    else v.next_steps = tr("form.done.next", lang);
    if (!f) return v;
    v.timescale = f->timescale.in(lang);
    v.team_contact = form::team_contact(*f, lang);
    v.withdraw = with_team(f->withdraw.in(lang), *f, lang);
    v.show_helplines = fs.done_helplines && !f->helplines.empty();
    if (v.show_helplines) fill_helplines(*f, lang, v.helplines_title, v.helplines);
    return v;
}

}  // namespace lantern::kiosk
