// Parses form.json into the form model, naming every problem with its line: the one reader of the form.
#include "content/form_model.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>

namespace lantern::content::form {
namespace {

using json = nlohmann::json;

constexpr const char* k_file = "form.json";

// The one list of field types, in FieldType's order.
struct TypeInfo {
    FieldType type;
    const char* name;
    bool typed;          // answered on the keyboard
    bool lists_options;  // its options come from form.json
};
constexpr TypeInfo k_types[] = {
    {FieldType::text, "text", true, false},         {FieldType::multiline, "multiline", true, false},
    {FieldType::phone, "phone", true, false},       {FieldType::email, "email", true, false},
    {FieldType::postcode, "postcode", true, false}, {FieldType::date, "date", true, false},
    {FieldType::choice, "choice", false, true},     {FieldType::choices, "choices", false, true},
    {FieldType::yesno, "yesno", false, false},      {FieldType::note, "note", false, false},
};

const TypeInfo& info(FieldType t) {
    for (const auto& i : k_types)
        if (i.type == t) return i;
    return k_types[0];
}

const json& member(const json& j, const char* key) {
    static const json null_json;
    if (!j.is_object()) return null_json;
    auto it = j.find(key);
    return it == j.end() ? null_json : *it;
}

bool is_text(const json& j) { return j.is_string() && !j.get_ref<const std::string&>().empty(); }

int line_at(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
}

struct Parser {
    std::string_view text;
    std::vector<SourceIssue> issues;
    bool failed = false;
    // Line of each object by its JSON pointer ("/steps/0/fields/2"); nlohmann::json keeps no positions.
    std::map<std::string, int> object_lines;
    std::map<std::string, std::set<std::string>> show_if_targets;  // field -> fields its show_if names
    std::map<std::string, int> field_lines, step_lines;            // by id, for issues found later

    void error(int line, const std::string& msg) {
        issues.push_back({SourceIssue::Severity::error, k_file, line, msg});
        failed = true;
    }
    void warning(int line, const std::string& msg) {
        issues.push_back({SourceIssue::Severity::warning, k_file, line, msg});
    }

    int line_of(const std::string& pointer) const {
        auto it = object_lines.find(pointer);
        return it == object_lines.end() ? 0 : it->second;
    }
    int line_or(const std::string& pointer, int fallback) const {
        int l = line_of(pointer);
        return l ? l : fallback;
    }

    // The line of `key` inside the object at `pointer`, or `fallback`.
    int line_of_key(const std::string& pointer, const std::string& key, int fallback) const {
        int from = line_of(pointer);
        if (!from) return fallback;
        std::size_t offset = 0;
        for (int l = 1; l < from && offset != std::string::npos; ++l) offset = text.find('\n', offset) + 1;
        auto at = text.find("\"" + key + "\"", offset);
        return at == std::string::npos ? fallback : line_at(text, at);
    }

    // A small scan over text nlohmann::json has already accepted: tracks keys and indices to name each
    // object's place, and counts lines. Strings are skipped with their escapes.
    void map_object_lines() {
        struct Frame {
            bool array = false;
            int index = 0;
            std::string key;
            std::string pointer;
        };
        std::vector<Frame> stack;
        int line = 1;
        bool expect_key = false;
        auto child_pointer = [&]() -> std::string {
            if (stack.empty()) return "";
            const Frame& f = stack.back();
            return f.pointer + "/" + (f.array ? std::to_string(f.index) : f.key);
        };
        for (std::size_t i = 0; i < text.size(); ++i) {
            char c = text[i];
            if (c == '\n') {
                ++line;
            } else if (c == '"') {
                std::string str;
                for (++i; i < text.size() && text[i] != '"'; ++i) {
                    if (text[i] == '\\' && i + 1 < text.size()) ++i;
                    if (text[i] == '\n') ++line;
                    str.push_back(text[i]);
                }
                if (expect_key && !stack.empty()) stack.back().key = str;
                expect_key = false;
            } else if (c == '{' || c == '[') {
                std::string pointer = child_pointer();
                if (c == '{') object_lines.emplace(pointer, line);
                stack.push_back({c == '[', 0, "", pointer});
                expect_key = c == '{';
            } else if (c == '}' || c == ']') {
                if (!stack.empty()) stack.pop_back();
                expect_key = false;
            } else if (c == ',' && !stack.empty()) {
                if (stack.back().array) ++stack.back().index;
                else expect_key = true;
            }
        }
    }

    // A {lang: text} object with at least English, or a plain string (English); `what` names the owner.
    LocalText texts(const json& parent, const char* key, bool required, const std::string& what, int line) {
        LocalText out;
        const json& t = member(parent, key);
        if (t.is_null()) {
            if (required) error(line, what + ": missing \"" + key + "\" (e.g. \"" + key + "\": {\"en\": \"...\"})");
            return out;
        }
        if (t.is_string()) {
            if (!is_text(t)) error(line, what + ": \"" + key + "\" must be non-empty text");
            out.by_lang["en"] = t.get<std::string>();
            return out;
        }
        if (!t.is_object()) {
            error(line, what + ": \"" + key + "\" must be an object of language: text");
            return out;
        }
        for (const auto& [lang, value] : t.items()) {
            if (!is_text(value)) error(line, what + ": \"" + key + "\" in \"" + lang + "\" must be non-empty text");
            else out.by_lang[lang] = value.get<std::string>();
        }
        if (!t.contains("en")) error(line, what + ": \"" + key + "\" has no English (\"en\") text");
        return out;
    }

    // Ids name answers in the sealed referral and in show_if: plain letters, digits, - and _.
    std::optional<std::string> id_of(const json& j, const std::string& where, int line) {
        const json& id = member(j, "id");
        if (!is_text(id)) {
            error(line, where + ": missing \"id\"");
            return std::nullopt;
        }
        std::string s = id.get<std::string>();
        for (char c : s)
            if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')) {
                error(line, where + ": id \"" + s + "\" may only hold letters, digits, - and _");
                break;
            }
        return s;
    }

    bool flag(const json& field, const char* key, const std::string& where, int line) {
        const json& v = member(field, key);
        if (v.is_null()) return false;
        if (!v.is_boolean()) {
            error(line, where + ": \"" + key + "\" must be true or false");
            return false;
        }
        return v.get<bool>();
    }

    struct Pending {  // a field's show_if, read once every field is known
        std::size_t step, field;
        const json* show_if;
        std::string pointer;
    };

    std::optional<Form> run() {
        json root;
        try {
            root = json::parse(text.begin(), text.end());
        } catch (const json::parse_error& e) {
            error(line_at(text, e.byte > 0 ? e.byte - 1 : 0), std::string("not valid JSON: ") + e.what());
            return std::nullopt;
        } catch (const std::exception& e) {
            error(0, std::string("not valid JSON: ") + e.what());
            return std::nullopt;
        }
        if (!root.is_object()) {
            error(1, "must be a JSON object with \"version\" and \"steps\"");
            return std::nullopt;
        }
        Form form;
        if (!is_text(member(root, "version"))) error(1, "needs a \"version\" string");
        else form.version = root["version"].get<std::string>();
        const json& steps = member(root, "steps");
        if (!steps.is_array() || steps.empty()) {
            error(1, "needs a non-empty \"steps\" list");
            return std::nullopt;
        }

        map_object_lines();
        std::set<std::string> step_ids;
        std::vector<Pending> pending;
        for (std::size_t si = 0; si < steps.size(); ++si) {
            const json& sj = steps[si];
            std::string step_pointer = "/steps/" + std::to_string(si);
            std::string where = "step " + std::to_string(si + 1);
            int line = line_of(step_pointer);
            if (!sj.is_object()) {
                error(line, where + ": must be an object");
                continue;
            }
            Step step;
            if (auto id = id_of(sj, where, line)) {
                step.id = *id;
                step_lines.emplace(step.id, line);
                where = "step \"" + step.id + "\"";
                if (!step_ids.insert(step.id).second) error(line, where + ": duplicate step id");
            }
            step.title = texts(sj, "title", true, where, line);
            const json& fields = member(sj, "fields");
            if (!fields.is_array()) {
                error(line, where + ": needs a \"fields\" list");
                continue;
            }
            if (fields.empty()) error(line, where + ": needs at least one field");
            for (std::size_t fi = 0; fi < fields.size(); ++fi) {
                std::string pointer = step_pointer + "/fields/" + std::to_string(fi);
                int field_line = line_or(pointer, line);
                std::string fwhere = where + ", field " + std::to_string(fi + 1);
                if (!fields[fi].is_object()) {
                    error(field_line, fwhere + ": must be an object");
                    continue;
                }
                auto id = id_of(fields[fi], fwhere, field_line);
                if (!id) continue;
                Field f = field(fields[fi], *id, field_line);
                field_lines.emplace(f.id, field_line);
                if (form.field(f.id) ||
                    std::any_of(step.fields.begin(), step.fields.end(), [&](const Field& o) { return o.id == f.id; }))
                    error(field_line,
                          "field \"" + f.id + "\": duplicate field id (show_if and answers name fields by id)");
                if (const json& c = member(fields[fi], "show_if"); !c.is_null())
                    pending.push_back({form.steps.size(), step.fields.size(), &c, pointer});
                step.fields.push_back(std::move(f));
            }
            form.steps.push_back(std::move(step));
            read_require_one_of(sj, form.steps.back(), where, line);
        }
        // Conditions may name a field of any step, so they are read once every field is known.
        for (const auto& p : pending) {
            Field& f = form.steps[p.step].fields[p.field];
            int line = line_of(p.pointer);
            f.show_if =
                condition(form, *p.show_if, p.pointer + "/show_if", line, "field \"" + f.id + "\": show_if", &f.id);
            collect_leaves(*p.show_if, show_if_targets[f.id]);
        }
        for (const auto& s : form.steps)
            for (const auto& id : s.require_one_of)
                if (!form.field(id))
                    error(step_lines[s.id], "step \"" + s.id + "\": require_one_of names unknown field \"" + id + "\"");
        check_loops(form);
        form.required_consent = consent_field(root, form, "required_consent");
        form.sensitive_consent = consent_field(root, form, "sensitive_consent");
        read_safeguarding(root, form);
        read_helplines(root, form);
        read_team(root, form);
        read_done(root, form);
        if (failed) return std::nullopt;
        return form;
    }

    Field field(const json& j, const std::string& id, int line) {
        Field f;
        f.id = id;
        std::string where = "field \"" + id + "\"";
        const json& type = member(j, "type");
        bool known = false;
        if (!type.is_string()) {
            error(line, where + ": missing \"type\"");
        } else if (auto t = field_type_from_string(type.get<std::string>())) {
            f.type = *t;
            known = true;
        } else {
            error(line, where + ": unknown type \"" + type.get<std::string>() + "\" (use one of " +
                            known_field_types() + ")");
        }
        f.required = flag(j, "required", where, line);
        f.sensitive = flag(j, "sensitive", where, line);
        if (known && f.type == FieldType::note && f.required)
            error(line, where + ": a note is never answered, so it cannot be required");
        f.label = texts(j, "label", true, where, line);
        f.help = texts(j, "help", false, where, line);
        const json& options = member(j, "options");
        if (known && f.type == FieldType::yesno)
            f.options = {{"yes", {{{"en", "Yes"}, {"cy", "Ydw"}}}}, {"no", {{{"en", "No"}, {"cy", "Na"}}}}};
        if (options.is_null()) {
            if (known && lists_options(f.type))
                error(line, where + ": a " + std::string(to_string(f.type)) + " field needs \"options\"");
            return f;
        }
        if (!options.is_array()) {
            error(line, where + ": \"options\" must be a list");
            return f;
        }
        if (known && !lists_options(f.type)) {
            error(line, where + ": \"options\" are only for choice and choices fields");
            return f;
        }
        for (std::size_t i = 0; i < options.size(); ++i) {
            std::string owhere = where + ", option " + std::to_string(i + 1);
            if (!options[i].is_object()) {
                error(line, owhere + ": needs an \"id\"");
                continue;
            }
            auto oid = id_of(options[i], owhere, line);
            if (!oid) continue;
            owhere = where + ", option \"" + *oid + "\"";
            if (std::any_of(f.options.begin(), f.options.end(), [&](const Option& o) { return o.id == *oid; }))
                error(line, owhere + ": duplicate option id");
            f.options.push_back({*oid, texts(options[i], "label", true, owhere, line)});
        }
        if (known && options.empty())
            error(line, where + ": a " + std::string(to_string(f.type)) + " field needs options");
        return f;
    }

    // [field, ...] or {"fields": [field, ...], "message": {lang: text}}: at least one must be answered.
    void read_require_one_of(const json& sj, Step& step, const std::string& where, int line) {
        const json& one = member(sj, "require_one_of");
        if (one.is_null()) return;
        const json& list = one.is_object() ? member(one, "fields") : one;
        if (!list.is_array() || list.empty()) {
            error(line, where + ": require_one_of needs a \"fields\" list");
            return;
        }
        for (const auto& id : list) {
            if (!is_text(id)) error(line, where + ": require_one_of: fields must be field ids");
            else step.require_one_of.push_back(id.get<std::string>());
        }
        if (one.is_object()) step.one_of_message = texts(one, "message", false, where + ": require_one_of", line);
    }

    std::string consent_field(const json& root, const Form& form, const char* key) {
        const json& f = member(root, key);
        if (f.is_null()) return {};
        if (!f.is_string() || !form.field(f.get<std::string>())) {
            error(line_of_key("", key, 1), std::string("\"") + key + "\" must name a field of the form");
            return {};
        }
        return f.get<std::string>();
    }

    // A condition at `pointer` (a JSON pointer, for its line); `self` is the field that owns it, if any.
    Condition condition(const Form& form, const json& cond, const std::string& pointer, int fallback_line,
                        const std::string& where, const std::string* self, int depth = 0) {
        Condition c;
        int line = line_or(pointer, fallback_line);
        const char* shape =
            " needs {\"field\": ..., \"equals\": ...}, {\"field\": ..., \"not_empty\": true}, {\"all\": [...]}, "
            "{\"any\": [...]} or {\"not\": {...}}";
        if (!cond.is_object()) {
            error(line, where + shape);
            return c;
        }
        if (depth > 16) {
            error(line, where + " is nested too deeply");
            return c;
        }
        for (auto [key, kind] : {std::pair{"all", Condition::Kind::all}, std::pair{"any", Condition::Kind::any}}) {
            if (!cond.contains(key)) continue;
            const json& list = cond[key];
            c.kind = kind;
            if (cond.size() != 1) error(line, where + ": \"" + key + "\" stands alone in its object");
            if (!list.is_array() || list.empty()) {
                error(line, where + ": \"" + key + "\" needs a non-empty list of conditions");
                return c;
            }
            for (std::size_t i = 0; i < list.size(); ++i)
                c.parts.push_back(condition(form, list[i], pointer + "/" + key + "/" + std::to_string(i), line,
                                            where + "." + key + "[" + std::to_string(i + 1) + "]", self, depth + 1));
            return c;
        }
        if (cond.contains("not")) {
            c.kind = Condition::Kind::negate;
            if (cond.size() != 1) error(line, where + ": \"not\" stands alone in its object");
            if (!cond["not"].is_object()) {
                error(line, where + ": \"not\" needs one condition object");
                return c;
            }
            c.parts.push_back(condition(form, cond["not"], pointer + "/not", line, where + ".not", self, depth + 1));
            return c;
        }
        if (!cond.contains("field") || !cond["field"].is_string()) {
            error(line, where + shape);
            return c;
        }
        for (const auto& [key, value] : cond.items())
            if (key != "field" && key != "equals" && key != "not_empty")
                error(line, where + ": unknown key \"" + key + "\"");
        c.field = cond["field"].get<std::string>();
        const Field* target = form.field(c.field);
        if (!target) {
            error(line, where + " names unknown field \"" + c.field + "\"");
            return c;
        }
        if (self && c.field == *self) error(line, where + " names the field itself");
        bool equals = cond.contains("equals");
        bool not_empty = cond.contains("not_empty");
        if (equals == not_empty) {
            error(line, where + " needs exactly one of \"equals\" or \"not_empty\"");
            return c;
        }
        if (not_empty) {
            c.not_empty = true;
            if (!(cond["not_empty"].is_boolean() && cond["not_empty"].get<bool>()))
                error(line, where + ": \"not_empty\" must be true (for an empty field use {\"not\": ...})");
            return c;
        }
        const json& v = cond["equals"];
        if (!v.is_string()) {
            error(line, where + ": \"equals\" must be text");
            return c;
        }
        c.equals = v.get<std::string>();
        if (target->type == FieldType::yesno && c.equals != "yes" && c.equals != "no")
            error(line, where + ": a yesno field equals \"yes\" or \"no\"");
        else if (lists_options(target->type) && std::none_of(target->options.begin(), target->options.end(),
                                                             [&](const Option& o) { return o.id == c.equals; }))
            error(line, where + ": field \"" + c.field + "\" has no option \"" + c.equals + "\"");
        return c;
    }

    static void collect_leaves(const json& cond, std::set<std::string>& out) {
        if (!cond.is_object()) return;
        if (cond.contains("field") && cond["field"].is_string()) out.insert(cond["field"].get<std::string>());
        for (const char* key : {"all", "any"})
            if (cond.contains(key) && cond[key].is_array())
                for (const json& c : cond[key]) collect_leaves(c, out);
        if (cond.contains("not")) collect_leaves(cond["not"], out);
    }

    // A field shown only when it is itself shown, round a loop of show_ifs, could never be decided.
    void check_loops(const Form& form) {
        std::function<bool(const std::string&, std::set<std::string>&)> loops = [&](const std::string& id,
                                                                                    std::set<std::string>& path) {
            auto it = show_if_targets.find(id);
            if (it == show_if_targets.end()) return false;
            if (!path.insert(id).second) return true;
            bool found = false;
            for (const auto& t : it->second)
                if (t != id && (found = loops(t, path))) break;
            path.erase(id);
            return found;
        };
        for (const auto& s : form.steps)
            for (const auto& f : s.fields) {
                std::set<std::string> path;
                if (loops(f.id, path))
                    error(field_lines[f.id], "field \"" + f.id + "\": show_if depends on itself through other fields");
            }
    }

    void read_safeguarding(const json& root, Form& form) {
        const json& sg = member(root, "safeguarding");
        if (sg.is_null()) {
            // A form without its own triggers still shows the helplines when domestic abuse is ticked.
            if (form.field("needs")) {
                Condition abuse;
                abuse.field = "needs";
                abuse.equals = "domestic-abuse";
                form.safeguarding.push_back(abuse);
            }
            return;
        }
        if (!sg.is_array()) {
            error(1, "\"safeguarding\" must be a list of conditions");
            return;
        }
        for (std::size_t i = 0; i < sg.size(); ++i)
            form.safeguarding.push_back(condition(form, sg[i], "/safeguarding/" + std::to_string(i), 1,
                                                  "safeguarding " + std::to_string(i + 1), nullptr));
        if (!sg.empty() && !root.contains("helplines"))
            error(1, "\"safeguarding\" shows the helplines, but there is no \"helplines\" list");
    }

    void read_helplines(const json& root, Form& form) {
        const json& h = member(root, "helplines");
        if (h.is_null()) return;
        int line = line_or("/helplines", 1);
        const json& lines = member(h, "lines");
        if (!lines.is_array() || lines.empty()) {
            error(line, "helplines: needs {\"title\": {...}, \"lines\": [{\"name\": {...}, \"number\": \"...\"}]}");
            return;
        }
        form.helplines_title = texts(h, "title", true, "helplines", line);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const json& l = lines[i];
            int lline = line_or("/helplines/lines/" + std::to_string(i), line);
            std::string where = "helplines: line " + std::to_string(i + 1);
            if (!l.is_object()) {
                error(lline, where + ": must be an object");
                continue;
            }
            Helpline out{texts(l, "name", true, where, lline), ""};
            if (!is_text(member(l, "number"))) error(lline, where + ": needs a \"number\"");
            else out.number = l["number"].get<std::string>();
            form.helplines.push_back(std::move(out));
        }
    }

    void read_team(const json& root, Form& form) {
        const json& t = member(root, "team");
        if (t.is_null()) {
            if (root.contains("done")) error(1, "\"done\" needs a \"team\" with the family support team's contact");
            return;
        }
        int line = line_or("/team", 1);
        if (!t.is_object()) {
            error(line, "team: must be an object");
            return;
        }
        const json& phone = member(t, "phone");
        if (!phone.is_null() && !phone.is_string()) error(line, "team: \"phone\" must be text");
        else if (phone.is_string()) form.team.phone = phone.get<std::string>();
        form.team.contact = texts(t, "contact", true, "team", line);
        form.team.contact_unset = texts(t, "contact_unset", true, "team", line);
        for (const auto& [lang, words] : form.team.contact.by_lang)
            if (words.find("{phone}") == std::string::npos)
                error(line, "team: \"contact\" in \"" + lang + "\" must say {phone}");
        if (is_placeholder_phone(form.team.phone))
            warning(line_of_key("/team", "phone", line),
                    "team: \"phone\" is a placeholder: set the family support team's phone number before real use "
                    "(until then the kiosk tells visitors to ask the visitor centre staff for it)");
    }

    void read_done(const json& root, Form& form) {
        const json& d = member(root, "done");
        if (d.is_null()) return;
        int line = line_or("/done", 1);
        if (!d.is_object()) {
            error(line, "done: must be an object");
            return;
        }
        const json& routes = member(d, "routes");
        if (!routes.is_array() || routes.empty()) {
            error(line, "done: needs a non-empty \"routes\" list of {\"if\": CONDITION, \"next\": {...}}");
        } else {
            for (std::size_t i = 0; i < routes.size(); ++i) {
                const json& r = routes[i];
                std::string pointer = "/done/routes/" + std::to_string(i);
                int rline = line_or(pointer, line);
                std::string where = "done: route " + std::to_string(i + 1);
                if (!r.is_object() || !r.contains("if")) {
                    error(rline, where + ": needs \"if\" and \"next\"");
                    continue;
                }
                Condition when = condition(form, r["if"], pointer + "/if", rline, where + ": if", nullptr);
                form.routes.push_back({std::move(when), texts(r, "next", true, where, rline)});
            }
        }
        form.timescale = texts(d, "timescale", false, "done", line);
        form.withdraw = texts(d, "withdraw", true, "done", line);
    }
};

}  // namespace

std::vector<FieldType> field_types() {
    std::vector<FieldType> out;
    for (const auto& i : k_types) out.push_back(i.type);
    return out;
}

const char* to_string(FieldType t) { return info(t).name; }

std::optional<FieldType> field_type_from_string(std::string_view s) {
    for (const auto& i : k_types)
        if (s == i.name) return i.type;
    return std::nullopt;
}

std::string known_field_types() {
    std::string out;
    for (const auto& i : k_types) out += std::string(out.empty() ? "" : ", ") + i.name;
    return out;
}

bool is_typed(FieldType t) { return info(t).typed; }

bool lists_options(FieldType t) { return info(t).lists_options; }

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

FormParseResult parse_form(std::string_view text) {
    Parser p;
    p.text = text;
    FormParseResult r;
    try {
        r.form = p.run();
    } catch (const std::exception& e) {  // a shape the checks above missed: refused, never a crash
        p.error(0, std::string("cannot be read: ") + e.what());
        r.form.reset();
    }
    if (p.failed) r.form.reset();
    r.issues = std::move(p.issues);
    for (const auto& i : r.issues)
        if (i.severity == SourceIssue::Severity::error) {
            r.error = i.to_string();
            break;
        }
    return r;
}

bool is_placeholder_phone(std::string_view phone) {
    while (!phone.empty() && phone.front() == ' ') phone.remove_prefix(1);
    return phone.empty() || phone.substr(0, k_placeholder_phone.size()) == k_placeholder_phone;
}

std::string team_contact(const Form& form, std::string_view lang) {
    if (is_placeholder_phone(form.team.phone)) return form.team.contact_unset.in(lang);
    std::string text = form.team.contact.in(lang);
    if (auto at = text.find("{phone}"); at != std::string::npos) text.replace(at, 7, form.team.phone);
    return text;
}

}  // namespace lantern::content::form
