// Structural checks of form.json: steps, fields, types, labels, options and show_if references.
#include "content/form_schema.h"

#include <algorithm>
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
    };

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
                fwhere = "field \"" + ref.id + "\"";
                check_field(field, ref, fwhere);
                if (!fields.emplace(ref.id, ref).second)
                    error(ref.line, fwhere + ": duplicate field id (show_if and answers name fields by id)");
                if (field.contains("show_if")) conditions.emplace_back(ref, field["show_if"]);
            }
        }
        // show_if may name a field of any step, so it is checked once every field is known.
        for (const auto& [ref, cond] : conditions) check_show_if(ref, cond, fields);
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

    void check_show_if(const FieldRef& ref, const json& cond, const std::map<std::string, FieldRef>& fields) {
        std::string where = "field \"" + ref.id + "\": show_if";
        if (!cond.is_object() || !cond.contains("field") || !cond["field"].is_string()) {
            error(ref.line,
                  where + " needs {\"field\": ..., \"equals\": ...} or {\"field\": ..., \"not_empty\": true}");
            return;
        }
        std::string target = cond["field"].get<std::string>();
        auto it = fields.find(target);
        if (it == fields.end()) {
            error(ref.line, where + " names unknown field \"" + target + "\"");
            return;
        }
        if (target == ref.id) error(ref.line, where + " names the field itself");
        bool equals = cond.contains("equals");
        bool not_empty = cond.contains("not_empty");
        if (equals == not_empty) {
            error(ref.line, where + " needs exactly one of \"equals\" or \"not_empty\"");
            return;
        }
        if (not_empty && !cond["not_empty"].is_boolean())
            error(ref.line, where + ": \"not_empty\" must be true or false");
        if (equals) {
            const json& v = cond["equals"];
            const FieldRef& t = it->second;
            if ((t.type == "choice" || t.type == "choices") && v.is_string() && !t.options.count(v.get<std::string>()))
                error(ref.line, where + ": field \"" + target + "\" has no option \"" + v.get<std::string>() + "\"");
            if (t.type == "yesno" && !v.is_boolean() && !(v.is_string() && (v == "yes" || v == "no")))
                error(ref.line, where + ": a yesno field equals true, false, \"yes\" or \"no\"");
            if (!(v.is_string() || v.is_boolean() || v.is_number()))
                error(ref.line, where + ": \"equals\" must be text, a number or true/false");
        }
    }
};

}  // namespace

std::vector<SourceIssue> validate_form_json(const std::string& text) {
    Checker c{text, {}, {}};
    c.run();
    return std::move(c.issues);
}

}  // namespace lantern::content
