// Structural checks of form.json: steps, fields, types, labels, options, conditions, helplines and contact routes.
#include "content/form_schema.h"

#include <algorithm>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace lantern::content {
namespace {

using json = nlohmann::json;

constexpr const char* k_file = "form.json";

int line_at(const std::string& text, std::size_t offset) {
    offset = std::min(offset, text.size());
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
}

struct Checker {
    const std::string& text;
    std::vector<SourceIssue> issues;

    void error(int line, const std::string& msg) {
        issues.push_back({SourceIssue::Severity::error, k_file, line, msg});
    }
    void warning(int line, const std::string& msg) {
        issues.push_back({SourceIssue::Severity::warning, k_file, line, msg});
    }

    // Line of each object by its JSON pointer ("/steps/0/fields/2"); nlohmann::json keeps no positions.
    std::map<std::string, int> object_lines;

    int line_of(const std::string& pointer) const {
        auto it = object_lines.find(pointer);
        return it == object_lines.end() ? 0 : it->second;
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

    // A {lang: text} object with at least English; `what` names the owner in messages.
    void check_texts(const json& parent, const char* key, bool required, const std::string& what, int line) {
        if (!parent.contains(key)) {
            if (required) error(line, what + ": missing \"" + key + "\" (e.g. \"" + key + "\": {\"en\": \"...\"})");
            return;
        }
        const json& t = parent[key];
        if (!t.is_object()) {
            error(line, what + ": \"" + key + "\" must be an object of language: text");
            return;
        }
        for (const auto& [lang, value] : t.items())
            if (!value.is_string() || value.get<std::string>().empty())
                error(line, what + ": \"" + key + "\" in \"" + lang + "\" must be non-empty text");
        if (!t.contains("en")) error(line, what + ": \"" + key + "\" has no English (\"en\") text");
    }

    static bool is_known_type(const std::string& type) {
        return std::any_of(std::begin(k_form_field_types), std::end(k_form_field_types),
                           [&](const char* t) { return type == t; });
    }

    struct FieldRef {
        std::string id;
        std::string type;
        std::set<std::string> options;
        int line = 0;
        std::string pointer;
    };
    std::map<std::string, std::set<std::string>> show_if_targets;  // field -> fields its show_if names

    void run() {
        json root;
        try {
            root = json::parse(text);
        } catch (const json::parse_error& e) {
            error(line_at(text, e.byte > 0 ? e.byte - 1 : 0), std::string("not valid JSON: ") + e.what());
            return;
        } catch (const std::exception& e) {
            error(0, std::string("not valid JSON: ") + e.what());
            return;
        }
        if (!root.is_object()) {
            error(1, "must be a JSON object with \"version\" and \"steps\"");
            return;
        }
        if (!root.contains("version") || !root["version"].is_string() || root["version"].get<std::string>().empty())
            error(1, "needs a \"version\" string");
        if (!root.contains("steps") || !root["steps"].is_array() || root["steps"].empty()) {
            error(1, "needs a non-empty \"steps\" list");
            return;
        }

        map_object_lines();
        std::set<std::string> step_ids;
        std::map<std::string, FieldRef> fields;
        std::vector<std::pair<FieldRef, json>> conditions;  // field, its show_if
        int step_number = 0;
        for (const json& step : root["steps"]) {
            std::string step_pointer = "/steps/" + std::to_string(step_number);
            ++step_number;
            std::string where = "step " + std::to_string(step_number);
            int line = line_of(step_pointer);
            if (!step.is_object()) {
                error(line, where + ": must be an object");
                continue;
            }
            if (!step.contains("id") || !step["id"].is_string() || step["id"].get<std::string>().empty()) {
                error(line, where + ": missing \"id\"");
            } else {
                std::string id = step["id"].get<std::string>();
                where = "step \"" + id + "\"";
                if (!step_ids.insert(id).second) error(line, where + ": duplicate step id");
            }
            check_texts(step, "title", true, where, line);
            if (!step.contains("fields") || !step["fields"].is_array()) {
                error(line, where + ": needs a \"fields\" list");
                continue;
            }
            int field_number = 0;
            for (const json& field : step["fields"]) {
                std::string field_pointer = step_pointer + "/fields/" + std::to_string(field_number);
                int field_line = line_of(field_pointer);
                ++field_number;
                std::string fwhere = where + ", field " + std::to_string(field_number);
                if (!field.is_object()) {
                    error(field_line ? field_line : line, fwhere + ": must be an object");
                    continue;
                }
                if (!field.contains("id") || !field["id"].is_string() || field["id"].get<std::string>().empty()) {
                    error(field_line, fwhere + ": missing \"id\"");
                    continue;
                }
                FieldRef ref;
                ref.id = field["id"].get<std::string>();
                ref.line = field_line;
                ref.pointer = field_pointer;
                fwhere = "field \"" + ref.id + "\"";
                check_field(field, ref, fwhere);
                if (!fields.emplace(ref.id, ref).second)
                    error(ref.line, fwhere + ": duplicate field id (show_if and answers name fields by id)");
                if (field.contains("show_if")) conditions.emplace_back(ref, field["show_if"]);
            }
        }
        // Conditions may name a field of any step, so they are checked once every field is known.
        for (const auto& [ref, cond] : conditions) {
            std::string where = "field \"" + ref.id + "\": show_if";
            check_condition(cond, ref.pointer + "/show_if", ref.line, where, fields, &ref.id);
            collect_leaves(cond, show_if_targets[ref.id]);
        }
        check_loops(fields);
        check_safeguarding(root, fields);
        check_helplines(root);
        check_team(root);
        check_done(root, fields);
    }

    void check_field(const json& field, FieldRef& ref, const std::string& where) {
        int line = ref.line;
        if (!field.contains("type") || !field["type"].is_string()) {
            error(line, where + ": missing \"type\"");
        } else {
            ref.type = field["type"].get<std::string>();
            if (!is_known_type(ref.type)) {
                std::string known;
                for (const char* t : k_form_field_types) known += std::string(known.empty() ? "" : ", ") + t;
                error(line, where + ": unknown type \"" + ref.type + "\" (use one of " + known + ")");
            }
        }
        if (field.contains("required") && !field["required"].is_boolean())
            error(line, where + ": \"required\" must be true or false");
        if (ref.type == "note" && field.contains("required") && field["required"] == true)
            error(line, where + ": a note is never answered, so it cannot be required");
        check_texts(field, "label", true, where, line);
        check_texts(field, "help", false, where, line);
        bool takes_options = ref.type == "choice" || ref.type == "choices";
        if (field.contains("options")) {
            const json& options = field["options"];
            if (!options.is_array()) {
                error(line, where + ": \"options\" must be a list");
                return;
            }
            if (!takes_options && !ref.type.empty() && is_known_type(ref.type))
                warning(line, where + ": \"options\" are only used by choice and choices fields");
            int n = 0;
            for (const json& o : options) {
                ++n;
                std::string owhere = where + ", option " + std::to_string(n);
                if (!o.is_object() || !o.contains("id") || !o["id"].is_string() || o["id"].get<std::string>().empty()) {
                    error(line, owhere + ": needs an \"id\"");
                    continue;
                }
                std::string oid = o["id"].get<std::string>();
                owhere = where + ", option \"" + oid + "\"";
                if (!ref.options.insert(oid).second) error(line, owhere + ": duplicate option id");
                check_texts(o, "label", true, owhere, line);
            }
            if (takes_options && options.empty()) error(line, where + ": a " + ref.type + " field needs options");
        } else if (takes_options) {
            error(line, where + ": a " + ref.type + " field needs \"options\"");
        }
    }

    int line_or(const std::string& pointer, int fallback) const {
        int l = line_of(pointer);
        return l ? l : fallback;
    }

    // A condition at `pointer` (a JSON pointer, for its line); `self` is the field that owns it, if any.
    void check_condition(const json& cond, const std::string& pointer, int fallback_line, const std::string& where,
                         const std::map<std::string, FieldRef>& fields, const std::string* self, int depth = 0) {
        int line = line_or(pointer, fallback_line);
        const char* shape =
            " needs {\"field\": ..., \"equals\": ...}, {\"field\": ..., \"not_empty\": true}, {\"all\": [...]}, "
            "{\"any\": [...]} or {\"not\": {...}}";
        if (!cond.is_object()) {
            error(line, where + shape);
            return;
        }
        if (depth > 16) {
            error(line, where + " is nested too deeply");
            return;
        }
        for (const char* key : {"all", "any"}) {
            if (!cond.contains(key)) continue;
            const json& list = cond[key];
            if (cond.size() != 1) error(line, where + ": \"" + key + "\" stands alone in its object");
            if (!list.is_array() || list.empty()) {
                error(line, where + ": \"" + key + "\" needs a non-empty list of conditions");
                return;
            }
            for (std::size_t i = 0; i < list.size(); ++i)
                check_condition(list[i], pointer + "/" + key + "/" + std::to_string(i), line,
                                where + "." + key + "[" + std::to_string(i + 1) + "]", fields, self, depth + 1);
            return;
        }
        if (cond.contains("not")) {
            if (cond.size() != 1) error(line, where + ": \"not\" stands alone in its object");
            if (!cond["not"].is_object()) {
                error(line, where + ": \"not\" needs one condition object");
                return;
            }
            check_condition(cond["not"], pointer + "/not", line, where + ".not", fields, self, depth + 1);
            return;
        }
        if (!cond.contains("field") || !cond["field"].is_string()) {
            error(line, where + shape);
            return;
        }
        for (const auto& [key, value] : cond.items())
            if (key != "field" && key != "equals" && key != "not_empty")
                error(line, where + ": unknown key \"" + key + "\"");
        std::string target = cond["field"].get<std::string>();
        auto it = fields.find(target);
        if (it == fields.end()) {
            error(line, where + " names unknown field \"" + target + "\"");
            return;
        }
        if (self && target == *self) error(line, where + " names the field itself");
        bool equals = cond.contains("equals");
        bool not_empty = cond.contains("not_empty");
        if (equals == not_empty) {
            error(line, where + " needs exactly one of \"equals\" or \"not_empty\"");
            return;
        }
        if (not_empty && !(cond["not_empty"].is_boolean() && cond["not_empty"].get<bool>()))
            error(line, where + ": \"not_empty\" must be true (for an empty field use {\"not\": ...})");
        if (equals) {
            const json& v = cond["equals"];
            const FieldRef& t = it->second;
            if ((t.type == "choice" || t.type == "choices") && v.is_string() && !t.options.count(v.get<std::string>()))
                error(line, where + ": field \"" + target + "\" has no option \"" + v.get<std::string>() + "\"");
            if (t.type == "yesno" && !(v.is_string() && (v == "yes" || v == "no")))
                error(line, where + ": a yesno field equals \"yes\" or \"no\"");
            if (!v.is_string()) error(line, where + ": \"equals\" must be text");
        }
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
    void check_loops(const std::map<std::string, FieldRef>& fields) {
        std::set<std::string> reported;
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
        for (const auto& [id, targets] : show_if_targets) {
            std::set<std::string> path;
            if (loops(id, path) && reported.insert(id).second)
                error(fields.at(id).line, "field \"" + id + "\": show_if depends on itself through other fields");
        }
    }

    void check_safeguarding(const json& root, const std::map<std::string, FieldRef>& fields) {
        if (!root.contains("safeguarding")) return;
        const json& sg = root["safeguarding"];
        if (!sg.is_array()) {
            error(1, "\"safeguarding\" must be a list of conditions");
            return;
        }
        for (std::size_t i = 0; i < sg.size(); ++i)
            check_condition(sg[i], "/safeguarding/" + std::to_string(i), 1, "safeguarding " + std::to_string(i + 1),
                            fields, nullptr);
        if (!sg.empty() && !root.contains("helplines"))
            error(1, "\"safeguarding\" shows the helplines, but there is no \"helplines\" list");
    }

    void check_helplines(const json& root) {
        if (!root.contains("helplines")) return;
        const json& h = root["helplines"];
        int line = line_or("/helplines", 1);
        if (!h.is_object() || !h.contains("lines") || !h["lines"].is_array() || h["lines"].empty()) {
            error(line, "helplines: needs {\"title\": {...}, \"lines\": [{\"name\": {...}, \"number\": \"...\"}]}");
            return;
        }
        check_texts(h, "title", true, "helplines", line);
        for (std::size_t i = 0; i < h["lines"].size(); ++i) {
            const json& l = h["lines"][i];
            int lline = line_or("/helplines/lines/" + std::to_string(i), line);
            std::string where = "helplines: line " + std::to_string(i + 1);
            if (!l.is_object()) {
                error(lline, where + ": must be an object");
                continue;
            }
            check_texts(l, "name", true, where, lline);
            if (!l.contains("number") || !l["number"].is_string() || l["number"].get<std::string>().empty())
                error(lline, where + ": needs a \"number\"");
        }
    }

    void check_team(const json& root) {
        if (!root.contains("team")) {
            if (root.contains("done")) error(1, "\"done\" needs a \"team\" with the family support team's contact");
            return;
        }
        const json& t = root["team"];
        int line = line_or("/team", 1);
        if (!t.is_object()) {
            error(line, "team: must be an object");
            return;
        }
        if (t.contains("phone") && !t["phone"].is_string()) error(line, "team: \"phone\" must be text");
        check_texts(t, "contact", true, "team", line);
        check_texts(t, "contact_unset", true, "team", line);
        if (t.contains("contact") && t["contact"].is_object())
            for (const auto& [lang, v] : t["contact"].items())
                if (v.is_string() && v.get<std::string>().find("{phone}") == std::string::npos)
                    error(line, "team: \"contact\" in \"" + lang + "\" must say {phone}");
        std::string phone = t.contains("phone") && t["phone"].is_string() ? t["phone"].get<std::string>() : "";
        if (is_placeholder_phone(phone))
            warning(line_of_key("/team", "phone", line),
                    "team: \"phone\" is a placeholder: set the family support team's phone number before real use "
                    "(until then the kiosk tells visitors to ask the visitor centre staff for it)");
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

    void check_done(const json& root, const std::map<std::string, FieldRef>& fields) {
        if (!root.contains("done")) return;
        const json& d = root["done"];
        int line = line_or("/done", 1);
        if (!d.is_object()) {
            error(line, "done: must be an object");
            return;
        }
        if (!d.contains("routes") || !d["routes"].is_array() || d["routes"].empty()) {
            error(line, "done: needs a non-empty \"routes\" list of {\"if\": CONDITION, \"next\": {...}}");
        } else {
            for (std::size_t i = 0; i < d["routes"].size(); ++i) {
                const json& r = d["routes"][i];
                std::string pointer = "/done/routes/" + std::to_string(i);
                int rline = line_or(pointer, line);
                std::string where = "done: route " + std::to_string(i + 1);
                if (!r.is_object() || !r.contains("if")) {
                    error(rline, where + ": needs \"if\" and \"next\"");
                    continue;
                }
                check_condition(r["if"], pointer + "/if", rline, where + ": if", fields, nullptr);
                check_texts(r, "next", true, where, rline);
            }
        }
        check_texts(d, "timescale", false, "done", line);
        check_texts(d, "withdraw", true, "done", line);
    }
};

}  // namespace

bool is_placeholder_phone(std::string_view phone) {
    while (!phone.empty() && phone.front() == ' ') phone.remove_prefix(1);
    return phone.empty() || phone.substr(0, k_placeholder_phone.size()) == k_placeholder_phone;
}

std::vector<SourceIssue> validate_form_json(const std::string& text) {
    Checker c{text, {}, {}, {}};
    c.run();
    return std::move(c.issues);
}

}  // namespace lantern::content
