// Services directory entries: field checks, reading one in a language, and which centres' areas it serves.
#include "content/service_fields.h"

#include "common/place_name.h"
#include "content/form_model.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace lantern::content {

using nlohmann::json;

namespace {

const char* const k_text_fields[] = {"id",          "organisation",  "name",       "description", "phone",
                                     "website",     "opening_times", "area",       "age_range",   "kind",
                                     "family_type", "when",          "how_to_join"};

bool is_family_type(const std::string& t) {
    return std::any_of(std::begin(k_family_types), std::end(k_family_types), [&](const char* k) { return t == k; });
}

std::string family_types_list() {
    std::string out;
    for (const char* k : k_family_types) out += std::string(out.empty() ? "" : ", ") + k;
    return out;
}

bool non_empty_text(const json& s, const char* key) {
    return s.contains(key) && s[key].is_string() && !area_key(s[key].get<std::string>()).empty();
}

// A family service names where it runs, which kind it is, and when and how to join, in English at least;
// a directory service names none of those, so a slip in "kind" cannot hide a service or show it at every centre.
void check_family_fields(const json& s, std::vector<std::string>& out) {
    bool family = false;
    if (s.contains("kind") && s["kind"].is_string()) {
        std::string kind = s["kind"].get<std::string>();
        family = kind == k_family_service_kind;
        if (!family)
            out.push_back("\"kind\": \"" + kind +
                          "\" is not a kind of service (leave it out for the directory, or use \"" +
                          k_family_service_kind + "\")");
    }
    if (!family) {
        for (const char* key : {"centres", "family_type", "when", "how_to_join"})
            if (s.contains(key))
                out.push_back("\"" + std::string(key) + "\" is only for a family service (\"kind\": \"" +
                              k_family_service_kind + "\")");
        return;
    }
    // Its id travels in an interest request's summary, which takes only this shape (sync::is_valid_service_id).
    if (s.contains("id") && s["id"].is_string()) {
        const std::string id = s["id"].get<std::string>();
        bool ok = !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](unsigned char c) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        });
        if (!ok) out.push_back("\"id\" of a family service must be small letters, digits and - (at most 64)");
    }
    const json* centres = s.contains("centres") ? &s["centres"] : nullptr;
    if (!centres || !centres->is_array() || centres->empty() ||
        !std::all_of(centres->begin(), centres->end(),
                     [](const json& c) { return c.is_string() && !area_key(c.get<std::string>()).empty(); }))
        out.push_back(
            "\"centres\" must list the visitor centres that run it, as kiosk.toml's [kiosk] centre names them, like "
            "[\"HMP Example visitor centre\"]");
    if (!s.contains("family_type") || !s["family_type"].is_string() ||
        !is_family_type(s["family_type"].get<std::string>()))
        out.push_back("\"family_type\" must be one of " + family_types_list());
    for (const char* key : {"when", "how_to_join"})
        if (!non_empty_text(s, key))
            out.push_back("\"" + std::string(key) + "\" must say " +
                          (std::string(key) == "when" ? "when it runs, like \"Every second Saturday, 10am to 3pm\""
                                                      : "how a family joins, like \"Ask at the visitor centre desk\""));
    if (s.contains("needs") || s.contains("areas"))
        out.push_back("a family service is found by its centre, so it has no \"needs\" or \"areas\"");
}

bool is_language_code(const std::string& s) {
    // ISO 639-1 ("cy") or 639-3 ("cym"): what Open Referral UK feeds give, and what the pack's languages are.
    return (s.size() == 2 || s.size() == 3) &&
           std::all_of(s.begin(), s.end(), [](unsigned char c) { return c >= 'a' && c <= 'z'; });
}

std::string in_quotes(const std::string& s) { return "\"" + s + "\""; }

}  // namespace

std::string area_key(const std::string& name) { return place_key(name); }

std::vector<std::string> check_service_fields(const json& s) {
    std::vector<std::string> out;
    if (!s.is_object()) return {"must be an object"};
    for (const char* key : k_text_fields)
        if (s.contains(key) && !s[key].is_string()) out.push_back(in_quotes(key) + " must be text");
    check_family_fields(s, out);
    if (s.contains("needs")) {
        const auto& needs = s["needs"];
        if (!needs.is_array() || !std::all_of(needs.begin(), needs.end(), [](const json& n) {
                return n.is_string() && !n.get<std::string>().empty();
            }))
            out.push_back("\"needs\" must be a list of need ids, like [\"money-debt\"]");
    }
    if (s.contains("areas")) {
        const auto& areas = s["areas"];
        bool names = areas.is_array() && !areas.empty() && std::all_of(areas.begin(), areas.end(), [](const json& a) {
                         return a.is_string() && !area_key(a.get<std::string>()).empty();
                     });
        if (!names) {
            out.push_back(
                "\"areas\" must be a list of the places it serves (local authorities, \"Wales\") or "
                "[\"national\"]");
        } else if (areas.size() > 1) {
            for (const auto& a : areas)
                if (area_key(a.get<std::string>()) == k_national_area)
                    out.push_back("\"areas\": \"national\" serves everyone, so it stands alone");
        }
    }
    if (s.contains("languages")) {
        const auto& langs = s["languages"];
        if (!langs.is_array()) {
            out.push_back("\"languages\" must be a list of language codes, like [\"en\", \"cy\"]");
        } else {
            for (const auto& l : langs)
                if (!l.is_string() || !is_language_code(l.get<std::string>()))
                    out.push_back("\"languages\": " + (l.is_string() ? in_quotes(l.get<std::string>()) : l.dump()) +
                                  " is not a language code (two or three small letters, like \"cy\")");
        }
    }
    return out;
}

std::vector<SourceIssue> check_service_needs(const Sources& sources) {
    std::vector<SourceIssue> out;
    // The form's needs as the one form parser reads them (content/form_model.h); a form that does not parse
    // is reported by its own checks.
    form::FormParseResult parsed = form::parse_form(sources.form_json);
    if (!parsed.form) return out;
    std::set<std::string> offered;
    bool found = false;
    for (const auto& step : parsed.form->steps)
        for (const auto& field : step.fields) {
            if (field.id != "needs") continue;
            found = true;
            for (const auto& o : field.options) offered.insert(o.id);
        }
    if (!found) return out;  // a form with no needs question has nothing to check against
    auto services = json::parse(sources.services_json, nullptr, false);
    if (!services.is_array()) return out;
    for (const auto& s : services) {
        if (!s.is_object() || !s.contains("needs") || !s["needs"].is_array()) continue;
        std::string id = s.contains("id") && s["id"].is_string() ? s["id"].get<std::string>() : "?";
        for (const auto& n : s["needs"])
            if (n.is_string() && !offered.count(n.get<std::string>()))
                out.push_back({SourceIssue::Severity::warning, "services.json", 0,
                               "service " + in_quotes(id) + ": need " + in_quotes(n.get<std::string>()) +
                                   " is not one of the form's needs (form.json, field \"needs\")"});
    }
    return out;
}

Service service_from_json(const json& j, const std::string& lang) {
    Service s;
    if (!j.is_object()) return s;
    const json* words = nullptr;
    if (lang != "en" && j.contains("translations") && j["translations"].is_object() &&
        j["translations"].contains(lang) && j["translations"][lang].is_object())
        words = &j["translations"][lang];
    auto plain = [&](const char* key) {
        return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
    };
    // A half-written translation leaves the visitor with English, never with a blank.
    auto text = [&](const char* key) {
        if (words && words->contains(key) && (*words)[key].is_string() && !(*words)[key].get<std::string>().empty())
            return (*words)[key].get<std::string>();
        return plain(key);
    };
    auto strings = [&](const char* key) {
        std::vector<std::string> out;
        if (j.contains(key) && j[key].is_array())
            for (const auto& v : j[key])
                if (v.is_string()) out.push_back(v.get<std::string>());
        return out;
    };
    s.id = plain("id");
    s.organisation = text("organisation");
    s.name = text("name");
    s.description = text("description");
    s.phone = plain("phone");
    s.website = plain("website");
    s.opening_times = text("opening_times");
    s.area = text("area");
    s.age_range = plain("age_range");
    s.needs = strings("needs");
    s.areas = strings("areas");
    s.languages = strings("languages");
    s.kind = plain("kind");
    s.centres = strings("centres");
    s.family_type = plain("family_type");
    s.when = text("when");
    s.how_to_join = text("how_to_join");
    return s;
}

std::vector<Service> services_from_json_text(const std::string& text, const std::string& lang) {
    std::vector<Service> out;
    auto j = json::parse(text, nullptr, false);
    if (!j.is_array()) return out;
    for (const auto& e : j)
        if (e.is_object()) out.push_back(service_from_json(e, lang));
    return out;
}

bool is_family_service(const Service& s) { return s.kind == k_family_service_kind; }

std::vector<Service> family_services_at(const std::vector<Service>& directory, const std::string& centre) {
    std::vector<Service> out;
    if (area_key(centre).empty()) return out;
    for (const auto& s : directory)
        if (is_family_service(s) && std::any_of(s.centres.begin(), s.centres.end(),
                                                [&](const std::string& c) { return area_key(c) == area_key(centre); }))
            out.push_back(s);
    return out;
}

bool is_national(const Service& s) {
    if (s.areas.empty()) return true;
    return std::any_of(s.areas.begin(), s.areas.end(),
                       [](const std::string& a) { return area_key(a) == k_national_area; });
}

bool serves_area(const Service& s, const std::vector<std::string>& centre_areas) {
    if (is_national(s)) return true;
    for (const auto& a : s.areas)
        for (const auto& c : centre_areas)
            if (!area_key(c).empty() && area_key(a) == area_key(c)) return true;
    return false;
}

}  // namespace lantern::content
