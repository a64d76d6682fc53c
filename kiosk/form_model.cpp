// Parses form.json into the typed form model; keeps and wipes the visitor's draft answers.
#include "kiosk/form_model.h"

#include <sodium.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <functional>
#include <set>

#include "content/form_schema.h"

namespace lantern::kiosk::form {
namespace {

using nlohmann::json;

struct ShapeError {
    std::string where, what;
};

constexpr const char* k_type_names[] = {"text", "multiline", "phone",   "email", "postcode",
                                        "date", "choice",    "choices", "yesno", "note"};

LocalText local_text(const json& j, const std::string& where, bool required) {
    LocalText t;
    if (j.is_null()) {
        if (required) throw ShapeError{where, "is missing"};
        return t;
    }
    if (j.is_string()) {  // a plain string is English
        t.by_lang["en"] = j.get<std::string>();
        return t;
    }
    if (!j.is_object()) throw ShapeError{where, "must be an object of language: text"};
    for (const auto& [lang, text] : j.items()) {
        if (!text.is_string()) throw ShapeError{where + "." + lang, "must be a string"};
        t.by_lang[lang] = text.get<std::string>();
    }
    if (required && t.by_lang.find("en") == t.by_lang.end()) throw ShapeError{where, "needs English (\"en\")"};
    return t;
}

const json& member(const json& j, const char* key) {
    static const json null_json;
    auto it = j.find(key);
    return it == j.end() ? null_json : *it;
}

std::string id_of(const json& j, const std::string& where) {
    const json& id = member(j, "id");
    if (!id.is_string() || id.get<std::string>().empty()) throw ShapeError{where, "needs an \"id\" string"};
    std::string s = id.get<std::string>();
    for (char c : s)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'))
            throw ShapeError{where, "id \"" + s + "\" may only hold letters, digits, - and _"};
    return s;
}

Condition condition(const json& j, const std::string& where, int depth = 0) {
    if (!j.is_object()) throw ShapeError{where, "must be an object"};
    if (depth > 16) throw ShapeError{where, "is nested too deeply"};
    Condition c;
    for (auto [key, kind] : {std::pair{"all", Condition::Kind::all}, std::pair{"any", Condition::Kind::any}}) {
        const json& list = member(j, key);
        if (list.is_null()) continue;
        if (j.size() != 1) throw ShapeError{where, std::string("\"") + key + "\" stands alone in its object"};
        if (!list.is_array() || list.empty()) throw ShapeError{where, std::string("\"") + key + "\" needs a list"};
        c.kind = kind;
        for (std::size_t i = 0; i < list.size(); ++i)
            c.parts.push_back(condition(list[i], where + "." + key + " " + std::to_string(i + 1), depth + 1));
        return c;
    }
    if (const json& inner = member(j, "not"); !inner.is_null()) {
        if (j.size() != 1) throw ShapeError{where, "\"not\" stands alone in its object"};
        c.kind = Condition::Kind::negate;
        c.parts.push_back(condition(inner, where + ".not", depth + 1));
        return c;
    }
    const json& f = member(j, "field");
    if (!f.is_string()) throw ShapeError{where, "needs a \"field\" (or \"all\", \"any\", \"not\")"};
    c.field = f.get<std::string>();
    const json& eq = member(j, "equals");
    if (eq.is_string()) c.equals = eq.get<std::string>();
    else if (member(j, "not_empty").is_boolean() && member(j, "not_empty").get<bool>()) c.not_empty = true;
    else throw ShapeError{where, "needs \"equals\" (a string) or \"not_empty\": true"};
    return c;
}

void each_leaf(const Condition& c, const std::function<void(const Condition&)>& fn) {
    if (c.kind == Condition::Kind::field) fn(c);
    for (const auto& p : c.parts) each_leaf(p, fn);
}

bool flag(const json& j, const char* key, const std::string& where) {
    const json& v = member(j, key);
    if (v.is_null()) return false;
    if (!v.is_boolean()) throw ShapeError{where + "." + key, "must be true or false"};
    return v.get<bool>();
}

Field field(const json& j, const std::string& step_where, std::size_t index) {
    std::string where = step_where + ": field " + std::to_string(index + 1);
    if (!j.is_object()) throw ShapeError{where, "must be an object"};
    Field f;
    f.id = id_of(j, where);
    where = step_where + ": field \"" + f.id + "\"";
    const json& type = member(j, "type");
    if (!type.is_string()) throw ShapeError{where, "needs a \"type\""};
    auto t = field_type_from_string(type.get<std::string>());
    if (!t) throw ShapeError{where, "unknown type \"" + type.get<std::string>() + "\""};
    f.type = *t;
    f.required = flag(j, "required", where);
    f.sensitive = flag(j, "sensitive", where);
    f.label = local_text(member(j, "label"), where + ": label", true);
    f.help = local_text(member(j, "help"), where + ": help", false);
    const json& opts = member(j, "options");
    if (f.type == FieldType::choice || f.type == FieldType::choices) {
        if (!opts.is_array() || opts.empty()) throw ShapeError{where, "needs \"options\""};
        std::set<std::string> seen;
        for (std::size_t i = 0; i < opts.size(); ++i) {
            std::string ow = where + ": option " + std::to_string(i + 1);
            if (!opts[i].is_object()) throw ShapeError{ow, "must be an object"};
            Option o{id_of(opts[i], ow), local_text(member(opts[i], "label"), ow + ": label", true)};
            if (!seen.insert(o.id).second) throw ShapeError{ow, "duplicate option id \"" + o.id + "\""};
            f.options.push_back(std::move(o));
        }
    } else if (f.type == FieldType::yesno) {
        f.options = {{"yes", {{{"en", "Yes"}, {"cy", "Ydw"}}}}, {"no", {{{"en", "No"}, {"cy", "Na"}}}}};
    } else if (!opts.is_null()) {
        throw ShapeError{where, "a " + std::string(to_string(f.type)) + " field has no options"};
    }
    if (f.type == FieldType::note && f.required) throw ShapeError{where, "a note is never answered: not required"};
    if (!member(j, "show_if").is_null()) f.show_if = condition(member(j, "show_if"), where + ": show_if");
    return f;
}

Form form_from(const json& j) {
    if (!j.is_object()) throw ShapeError{"form.json", "must be a JSON object"};
    Form form;
    const json& v = member(j, "version");
    if (!v.is_string()) throw ShapeError{"form.json", "needs a \"version\" string"};
    form.version = v.get<std::string>();
    const json& steps = member(j, "steps");
    if (!steps.is_array() || steps.empty()) throw ShapeError{"form.json", "needs a non-empty \"steps\" list"};
    std::set<std::string> ids;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        std::string where = "form.json: step " + std::to_string(i + 1);
        const json& s = steps[i];
        if (!s.is_object()) throw ShapeError{where, "must be an object"};
        Step step;
        step.id = id_of(s, where);
        where += " \"" + step.id + "\"";
        step.title = local_text(member(s, "title"), where + ": title", true);
        const json& fields = member(s, "fields");
        if (!fields.is_array() || fields.empty()) throw ShapeError{where, "needs a non-empty \"fields\" list"};
        for (std::size_t k = 0; k < fields.size(); ++k) {
            Field f = field(fields[k], where, k);
            if (!ids.insert(f.id).second) throw ShapeError{where, "duplicate field id \"" + f.id + "\""};
            step.fields.push_back(std::move(f));
        }
        if (const json& one = member(s, "require_one_of"); !one.is_null()) {
            const json& list = one.is_object() ? member(one, "fields") : one;
            if (!list.is_array()) throw ShapeError{where + ": require_one_of", "needs a \"fields\" list"};
            for (const auto& id : list) {
                if (!id.is_string()) throw ShapeError{where + ": require_one_of", "fields must be strings"};
                step.require_one_of.push_back(id.get<std::string>());
            }
            if (one.is_object())
                step.one_of_message = local_text(member(one, "message"), where + ": require_one_of.message", false);
        }
        form.steps.push_back(std::move(step));
    }
    auto named_field = [&](const char* key) {
        const json& f = member(j, key);
        if (f.is_null()) return std::string();
        if (!f.is_string() || !ids.count(f.get<std::string>()))
            throw ShapeError{std::string("form.json: ") + key, "must name a field of the form"};
        return f.get<std::string>();
    };
    form.required_consent = named_field("required_consent");
    form.sensitive_consent = named_field("sensitive_consent");
    if (const json& sg = member(j, "safeguarding"); !sg.is_null()) {
        if (!sg.is_array()) throw ShapeError{"form.json: safeguarding", "must be a list"};
        for (std::size_t i = 0; i < sg.size(); ++i)
            form.safeguarding.push_back(condition(sg[i], "form.json: safeguarding " + std::to_string(i + 1)));
    } else {
        // A form without its own triggers still shows the helplines when domestic abuse is ticked.
        if (form.field("needs")) {
            Condition abuse;
            abuse.field = "needs";
            abuse.equals = "domestic-abuse";
            form.safeguarding.push_back(abuse);
        }
    }
    if (const json& h = member(j, "helplines"); !h.is_null()) {
        const json& lines = member(h, "lines");
        if (!h.is_object() || !lines.is_array()) throw ShapeError{"form.json: helplines", "needs a \"lines\" list"};
        form.helplines_title = local_text(member(h, "title"), "form.json: helplines: title", true);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            std::string where = "form.json: helplines: line " + std::to_string(i + 1);
            const json& number = member(lines[i], "number");
            if (!lines[i].is_object() || !number.is_string() || number.get<std::string>().empty())
                throw ShapeError{where, "needs a \"number\""};
            form.helplines.push_back({local_text(member(lines[i], "name"), where + ": name", true), number});
        }
    }
    if (const json& t = member(j, "team"); !t.is_null()) {
        if (!t.is_object()) throw ShapeError{"form.json: team", "must be an object"};
        const json& phone = member(t, "phone");
        if (!phone.is_null() && !phone.is_string()) throw ShapeError{"form.json: team: phone", "must be a string"};
        form.team.phone = phone.is_string() ? phone.get<std::string>() : std::string();
        form.team.contact = local_text(member(t, "contact"), "form.json: team: contact", true);
        form.team.contact_unset = local_text(member(t, "contact_unset"), "form.json: team: contact_unset", true);
    }
    if (const json& done = member(j, "done"); !done.is_null()) {
        if (!done.is_object()) throw ShapeError{"form.json: done", "must be an object"};
        const json& routes = member(done, "routes");
        if (!routes.is_null() && (!routes.is_array() || routes.empty()))
            throw ShapeError{"form.json: done: routes", "must be a non-empty list"};
        if (routes.is_array())
            for (std::size_t i = 0; i < routes.size(); ++i) {
                std::string where = "form.json: done: route " + std::to_string(i + 1);
                if (!routes[i].is_object()) throw ShapeError{where, "must be an object"};
                form.routes.push_back({condition(member(routes[i], "if"), where + ": if"),
                                       local_text(member(routes[i], "next"), where + ": next", true)});
            }
        form.timescale = local_text(member(done, "timescale"), "form.json: done: timescale", false);
        form.withdraw = local_text(member(done, "withdraw"), "form.json: done: withdraw", false);
    }
    // Every condition must point at a field that exists, or it could never be true.
    auto check = [&](const Condition& c, const std::string& where) {
        each_leaf(c, [&](const Condition& leaf) {
            if (!ids.count(leaf.field)) throw ShapeError{where, "refers to unknown field \"" + leaf.field + "\""};
        });
    };
    for (const auto& s : form.steps) {
        for (const auto& f : s.fields)
            if (f.show_if) check(*f.show_if, "form.json: field \"" + f.id + "\": show_if");
        for (const auto& id : s.require_one_of)
            if (!ids.count(id))
                throw ShapeError{"form.json: step \"" + s.id + "\": require_one_of", "unknown field \"" + id + "\""};
    }
    for (const auto& c : form.safeguarding) check(c, "form.json: safeguarding");
    for (const auto& r : form.routes) check(r.when, "form.json: done: route");
    // A field shown only when it is itself shown (directly or round a loop) could never be decided.
    std::map<std::string, const Field*> by_id;
    for (const auto& s : form.steps)
        for (const auto& f : s.fields) by_id[f.id] = &f;
    std::function<bool(const Field&, std::set<std::string>&)> loops = [&](const Field& f, std::set<std::string>& path) {
        if (!f.show_if) return false;
        if (!path.insert(f.id).second) return true;
        bool found = false;
        each_leaf(*f.show_if, [&](const Condition& leaf) { found = found || loops(*by_id.at(leaf.field), path); });
        path.erase(f.id);
        return found;
    };
    for (const auto& [id, f] : by_id) {
        std::set<std::string> path;
        if (loops(*f, path)) throw ShapeError{"form.json: field \"" + id + "\": show_if", "depends on itself"};
    }
    return form;
}

}  // namespace

const char* to_string(FieldType t) { return k_type_names[static_cast<int>(t)]; }

std::optional<FieldType> field_type_from_string(std::string_view s) {
    for (int i = 0; i < static_cast<int>(std::size(k_type_names)); ++i)
        if (s == k_type_names[i]) return static_cast<FieldType>(i);
    return std::nullopt;
}

bool is_typed(FieldType t) {
    return t != FieldType::choice && t != FieldType::choices && t != FieldType::yesno && t != FieldType::note;
}

const std::string& LocalText::in(std::string_view lang) const {
    static const std::string empty;
    if (auto it = by_lang.find(lang); it != by_lang.end() && !it->second.empty()) return it->second;
    if (auto it = by_lang.find("en"); it != by_lang.end()) return it->second;
    return by_lang.empty() ? empty : by_lang.begin()->second;
}

const Field* Form::field(std::string_view id) const {
    for (const auto& s : steps)
        for (const auto& f : s.fields)
            if (f.id == id) return &f;
    return nullptr;
}

FormParseResult parse_form(std::string_view json_text) {
    FormParseResult r;
    json j = json::parse(json_text.begin(), json_text.end(), nullptr, false);
    if (j.is_discarded()) {
        r.error = "form.json: not valid JSON";
        return r;
    }
    try {
        r.form = form_from(j);
    } catch (const ShapeError& e) {
        r.error = e.where + ": " + e.what;
    } catch (const std::exception& e) {
        r.error = std::string("form.json: ") + e.what();
    }
    return r;
}

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

// Depth-limited although form_from refuses loops: a Form built by hand in a test must not recurse forever.
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

std::string team_contact(const Form& form, std::string_view lang) {
    if (content::is_placeholder_phone(form.team.phone)) return form.team.contact_unset.in(lang);
    std::string text = form.team.contact.in(lang);
    if (auto at = text.find("{phone}"); at != std::string::npos) text.replace(at, 7, form.team.phone);
    return text;
}

}  // namespace lantern::kiosk::form
