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
    std::size_t search_from = 0;  // ids are looked up in order, so a repeated id finds its own line

    void error(int line, const std::string& msg) {
        issues.push_back({SourceIssue::Severity::error, k_file, line, msg});
    }
    void warning(int line, const std::string& msg) {
        issues.push_back({SourceIssue::Severity::warning, k_file, line, msg});
    }

    // nlohmann::json keeps no positions, so the line of `"id": "<id>"` is found in the text instead.
    int line_of_id(const std::string& id) {
        if (int line = find_id_from(id, search_from)) return line;
        return find_id_from(id, 0);  // keys written in an unusual order: any occurrence will do
    }

    int find_id_from(const std::string& id, std::size_t from) {
        std::string needle = json(id).dump();
        for (std::size_t at = text.find(needle, from); at != std::string::npos;
             at = text.find(needle, at + 1)) {
            // Accept only when the string is the value of an "id" key: "id" then ':' then the value.
            std::size_t k = text.rfind("\"id\"", at);
            if (k == std::string::npos) break;
            std::string_view between(text.data() + k + 4, at - k - 4);
            if (between.find_first_not_of(" \t\r\n:") == std::string_view::npos &&
                between.find(':') != std::string_view::npos) {
                search_from = at + needle.size();
                return line_at(text, at);
            }
        }
        return 0;
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

        std::set<std::string> step_ids;
        std::map<std::string, FieldRef> fields;
        std::vector<std::pair<FieldRef, json>> conditions;  // field, its show_if
        int step_number = 0;
        for (const json& step : root["steps"]) {
            ++step_number;
            std::string where = "step " + std::to_string(step_number);
            if (!step.is_object()) {
                error(0, where + ": must be an object");
                continue;
            }
            int line = 0;
            if (!step.contains("id") || !step["id"].is_string() || step["id"].get<std::string>().empty()) {
                error(0, where + ": missing \"id\"");
            } else {
                std::string id = step["id"].get<std::string>();
                line = line_of_id(id);
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
                ++field_number;
                std::string fwhere = where + ", field " + std::to_string(field_number);
                if (!field.is_object()) {
                    error(line, fwhere + ": must be an object");
                    continue;
                }
                if (!field.contains("id") || !field["id"].is_string() || field["id"].get<std::string>().empty()) {
                    error(line, fwhere + ": missing \"id\"");
                    continue;
                }
                FieldRef ref;
                ref.id = field["id"].get<std::string>();
                ref.line = line_of_id(ref.id);
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
            error(ref.line, where + " needs {\"field\": ..., \"equals\": ...} or {\"field\": ..., \"not_empty\": true}");
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
    Checker c{text, {}};
    c.run();
    return std::move(c.issues);
}

}  // namespace lantern::content
