// Keeps and wipes the visitor's draft answers, and decides the form's conditions from them.
#include "kiosk/form/form_answers.h"

#include <sodium.h>

#include <algorithm>

namespace lantern::kiosk::form {

bool Answer::empty() const {
    std::string_view t = text.view();
    return picks.empty() && std::all_of(t.begin(), t.end(), [](char c) { return c == ' ' || c == '\n' || c == '\t'; });
}

void wipe_string(std::string& s) {
    if (s.capacity() > 0) sodium_memzero(s.data(), s.capacity());
    s.clear();
}

Draft::Draft(Draft&& o) noexcept : answers_(std::move(o.answers_)) {}

Draft& Draft::operator=(Draft&& o) noexcept {
    if (this != &o) {
        wipe();
        answers_ = std::move(o.answers_);
    }
    return *this;
}

Draft::~Draft() { wipe(); }

const Answer* Draft::find(std::string_view field) const {
    auto it = answers_.find(field);
    return it == answers_.end() ? nullptr : &it->second;
}

void Draft::wipe() {
    for (auto& [id, a] : answers_) {
        a.text.clear();
        for (auto& p : a.picks) wipe_string(p);
    }
    answers_.clear();
}

namespace {

// Depth-limited although parse_form refuses loops: a Form built by hand in a test must not recurse forever.
bool holds(const Form& form, const Condition& c, const Draft& d, int depth) {
    if (depth > 32) return false;
    switch (c.kind) {
        case Condition::Kind::all:
            return std::all_of(c.parts.begin(), c.parts.end(),
                               [&](const Condition& p) { return holds(form, p, d, depth + 1); });
        case Condition::Kind::any:
            return std::any_of(c.parts.begin(), c.parts.end(),
                               [&](const Condition& p) { return holds(form, p, d, depth + 1); });
        case Condition::Kind::negate: return !c.parts.empty() && !holds(form, c.parts.front(), d, depth + 1);
        case Condition::Kind::field: break;
    }
    const Answer* a = d.find(c.field);
    if (!a || a->empty()) return false;
    const Field* f = form.field(c.field);
    if (f && f->show_if && !holds(form, *f->show_if, d, depth + 1)) return false;  // hidden: unanswered
    if (c.not_empty) return true;
    return a->text == c.equals || std::find(a->picks.begin(), a->picks.end(), c.equals) != a->picks.end();
}

}  // namespace

bool condition_true(const Form& form, const Condition& c, const Draft& d) { return holds(form, c, d, 0); }

bool is_visible(const Form& form, const Field& f, const Draft& d) {
    return !f.show_if || condition_true(form, *f.show_if, d);
}

bool shows_helplines(const Form& form, const Draft& d) {
    return std::any_of(form.safeguarding.begin(), form.safeguarding.end(),
                       [&](const Condition& c) { return condition_true(form, c, d); });
}

const ContactRoute* contact_route(const Form& form, const Draft& d) {
    for (const auto& r : form.routes)
        if (condition_true(form, r.when, d)) return &r;
    return nullptr;
}

}  // namespace lantern::kiosk::form
