// Open Referral UK feeds to services.json: field by field from HSDS 3.0 (and the older ORUK names), never
// trusting a type, so one bad service is named and skipped while the rest are imported.
#include "content/oruk_import.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <map>
#include <optional>
#include <set>

#include "content/service_fields.h"

namespace lantern::content {

using nlohmann::json;

std::vector<std::string> TaxonomyMap::needs_of(const std::string& code, const std::string& name) const {
    std::vector<std::string> out;
    auto add = [&](const std::vector<std::string>& needs) {
        for (const auto& n : needs)
            if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
    };
    if (!code.empty())
        if (auto it = by_code.find(code); it != by_code.end()) add(it->second);
    if (!name.empty())
        if (auto it = by_name.find(area_key(name)); it != by_name.end()) add(it->second);
    return out;
}

TaxonomyMap parse_taxonomy_map(const std::string& text) {
    auto j = json::parse(text, nullptr, false);
    if (j.is_discarded()) throw OrukError("taxonomy map: not valid JSON");
    if (!j.is_object() || !j.contains("terms") || !j["terms"].is_array())
        throw OrukError("taxonomy map: must be {\"terms\": [{\"name\": ..., \"needs\": [...]}]}");
    TaxonomyMap map;
    int n = 0;
    for (const auto& t : j["terms"]) {
        std::string where = "taxonomy map: term " + std::to_string(++n);
        if (!t.is_object()) throw OrukError(where + ": must be an object");
        std::string name = t.contains("name") && t["name"].is_string() ? t["name"].get<std::string>() : "";
        std::string code = t.contains("code") && t["code"].is_string() ? t["code"].get<std::string>() : "";
        if (name.empty() && code.empty()) throw OrukError(where + ": needs a \"name\" or a \"code\"");
        if (!t.contains("needs") || !t["needs"].is_array() || t["needs"].empty())
            throw OrukError(where + " (" + (name.empty() ? code : name) + "): needs a list of need ids");
        std::vector<std::string> needs;
        for (const auto& need : t["needs"]) {
            if (!need.is_string() || need.get<std::string>().empty())
                throw OrukError(where + " (" + (name.empty() ? code : name) + "): needs must be need ids");
            needs.push_back(need.get<std::string>());
        }
        if (!name.empty()) map.by_name[area_key(name)] = needs;
        if (!code.empty()) map.by_code[code] = needs;
    }
    return map;
}

std::vector<json> oruk_feed_services(const std::string& feed_text) {
    auto j = json::parse(feed_text, nullptr, false);
    if (j.is_discarded()) throw OrukError("the feed is not valid JSON");
    if (j.is_object() && j.contains("contents")) {
        if (!j["contents"].is_array()) throw OrukError("the feed's \"contents\" is not a list of services");
        return {j["contents"].begin(), j["contents"].end()};
    }
    if (j.is_array()) return {j.begin(), j.end()};
    if (j.is_object() && j.contains("id") && j.contains("name")) return {j};
    throw OrukError(
        "the feed is not an Open Referral services list: expected {\"contents\": [...]}, a list of services or one "
        "service");
}

namespace {

// One service read defensively: a field of the wrong type makes the service malformed, with the reason.
class Reader {
   public:
    explicit Reader(const json& s) : s_(s) {}
    std::string problem;

    std::string text(const json& obj, const char* key, const char* where) {
        if (!obj.is_object() || !obj.contains(key) || obj[key].is_null()) return "";
        if (!obj[key].is_string()) {
            fail(std::string(where) + "\"" + key + "\" is not text");
            return "";
        }
        return obj[key].get<std::string>();
    }
    std::vector<json> list(const json& obj, const char* key, const char* where) {
        if (!obj.is_object() || !obj.contains(key) || obj[key].is_null()) return {};
        if (!obj[key].is_array()) {
            fail(std::string(where) + "\"" + key + "\" is not a list");
            return {};
        }
        for (const auto& e : obj[key])
            if (!e.is_object()) {
                fail(std::string(where) + "\"" + key + "\" holds something that is not an object");
                return {};
            }
        return {obj[key].begin(), obj[key].end()};
    }
    const json& object(const json& obj, const char* key, const char* where) {
        static const json none = json::object();
        if (!obj.is_object() || !obj.contains(key) || obj[key].is_null()) return none;
        if (!obj[key].is_object()) {
            fail(std::string(where) + "\"" + key + "\" is not an object");
            return none;
        }
        return obj[key];
    }
    std::optional<double> number(const json& obj, const char* key) {
        if (!obj.is_object() || !obj.contains(key) || obj[key].is_null()) return std::nullopt;
        if (!obj[key].is_number()) {
            fail(std::string("\"") + key + "\" is not a number");
            return std::nullopt;
        }
        return obj[key].get<double>();
    }

   private:
    void fail(std::string why) {
        if (problem.empty()) problem = std::move(why);
    }
    const json& s_;
};

std::string trim_spaces(const std::string& s) {
    std::string out;
    bool space = false;
    for (unsigned char c : s) {
        if (std::isspace(c)) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += static_cast<char>(c);
    }
    return out;
}

// Descriptions may hold HTML or Markdown-ish markup: the kiosk shows plain words.
std::string plain_words(const std::string& s) {
    std::string out;
    bool in_tag = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '<') {
            in_tag = true;
            out += ' ';
            continue;
        }
        if (in_tag) {
            if (c == '>') in_tag = false;
            continue;
        }
        if (c == '&') {
            static const std::pair<const char*, const char*> entities[] = {
                {"&amp;", "&"},  {"&nbsp;", " "}, {"&quot;", "\""}, {"&#39;", "'"},
                {"&apos;", "'"}, {"&lt;", "<"},   {"&gt;", ">"}};
            bool done = false;
            for (const auto& [from, to] : entities)
                if (s.compare(i, std::strlen(from), from) == 0) {
                    out += to;
                    i += std::strlen(from) - 1;
                    done = true;
                    break;
                }
            if (done) continue;
        }
        out += c;
    }
    return trim_spaces(out);
}

// "+44 (0)1234 567890" -> "01234 567890": the house style lint checks.
std::string uk_phone(std::string n) {
    n = trim_spaces(n);
    if (n.rfind("+44", 0) == 0) {
        n = n.substr(3);
        n.erase(0, n.find_first_not_of(' '));
        if (n.rfind("(0)", 0) == 0) n = n.substr(3);
        n.erase(0, n.find_first_not_of(' '));
        n = "0" + n;
    }
    return n;
}

std::string time_of(const std::string& t) {
    // "10:00:00" or "10:00Z" -> "10:00"
    return t.size() >= 5 && t[2] == ':' ? t.substr(0, 5) : t;
}

std::string days_of(const std::string& byday) {
    static const std::map<std::string, std::string> names = {{"MO", "Monday"},   {"TU", "Tuesday"}, {"WE", "Wednesday"},
                                                             {"TH", "Thursday"}, {"FR", "Friday"},  {"SA", "Saturday"},
                                                             {"SU", "Sunday"}};
    std::vector<std::string> days;
    std::string part;
    auto flush = [&] {
        auto it = names.find(trim_spaces(part));
        if (it != names.end()) days.push_back(it->second);
        part.clear();
    };
    for (char c : byday) {
        if (c == ',') flush();
        else part += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    flush();
    std::string out;
    for (std::size_t i = 0; i < days.size(); ++i)
        out += (i == 0 ? "" : i + 1 == days.size() ? " and " : ", ") + days[i];
    return out;
}

std::string age_range_of(std::optional<double> min, std::optional<double> max) {
    // Clamped before the cast: a feed's 1e300 must not become undefined behaviour.
    int lo = min ? static_cast<int>(std::clamp(*min, 0.0, 150.0)) : 0;
    bool has_max = max && *max < 120;
    int hi = has_max ? static_cast<int>(std::clamp(*max, 0.0, 150.0)) : 0;
    if (has_max && hi < lo) has_max = false;  // a maximum below the minimum says nothing
    if (lo <= 0 && !has_max) return "all ages";
    if (lo >= 18 && !has_max) return std::to_string(lo) + "+";
    if (lo <= 0) return "under " + std::to_string(hi + 1);
    if (!has_max) return std::to_string(lo) + "+";
    return std::to_string(lo) + " to " + std::to_string(hi);
}

std::string language_code(const std::string& code, const std::string& name) {
    std::string c;
    for (char ch : code) {
        if (ch == '-' || ch == '_') break;
        c += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
    if (!c.empty()) return c;
    // Feeds that give only a name: the languages families at a visitor centre most often speak.
    static const std::map<std::string, std::string> by_name = {
        {"english", "en"},    {"welsh", "cy"},   {"polish", "pl"},   {"urdu", "ur"},       {"punjabi", "pa"},
        {"arabic", "ar"},     {"bengali", "bn"}, {"romanian", "ro"}, {"gujarati", "gu"},   {"somali", "so"},
        {"portuguese", "pt"}, {"spanish", "es"}, {"french", "fr"},   {"lithuanian", "lt"}, {"turkish", "tr"}};
    auto it = by_name.find(area_key(name));
    return it == by_name.end() ? "" : it->second;
}

// Free-text service-area descriptions ("available to all residents of ...") are not place names.
bool looks_like_place(const std::string& s) { return !s.empty() && s.size() <= 60 && s.find('.') == std::string::npos; }

bool national_name(const std::string& s) {
    static const std::set<std::string> national = {"national",      "united kingdom",    "uk",
                                                   "great britain", "england and wales", "nationwide"};
    return national.count(area_key(s)) > 0;
}

std::string slug(const std::string& id) {
    std::string out;
    for (unsigned char c : id) {
        if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
        else if (!out.empty() && out.back() != '-') out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

void add_unique(std::vector<std::string>& v, const std::string& s) {
    if (s.empty()) return;
    for (const auto& e : v)
        if (area_key(e) == area_key(s)) return;
    v.push_back(s);
}

}  // namespace

OrukImport import_oruk_services(const std::vector<json>& feed, const TaxonomyMap& map,
                                const std::vector<std::string>& centre_areas) {
    OrukImport out;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < feed.size(); ++i) {
        ++out.read;
        const json& s = feed[i];
        std::string where = "service " + std::to_string(i + 1);
        auto skip = [&](int& counter, const std::string& why) {
            ++counter;
            out.problems.push_back(where + ": " + why);
        };
        if (!s.is_object()) {
            skip(out.malformed, "malformed: not an object; left out");
            continue;
        }
        Reader r(s);
        std::string feed_id = r.text(s, "id", "");
        std::string name = trim_spaces(r.text(s, "name", ""));
        if (!feed_id.empty()) where += " (id \"" + feed_id + "\"" + (name.empty() ? "" : ", \"" + name + "\"") + ")";
        if (feed_id.empty() || slug(feed_id).empty()) {
            skip(out.malformed, "malformed: no \"id\"; left out");
            continue;
        }
        if (name.empty()) {
            skip(out.malformed, "malformed: no \"name\"; left out");
            continue;
        }
        if (!seen.insert(feed_id).second) {
            skip(out.malformed, "malformed: the feed gives this id twice; the second is left out");
            continue;
        }

        std::string description = plain_words(r.text(s, "description", ""));
        std::string url = r.text(s, "url", "");
        std::string status = area_key(r.text(s, "status", ""));
        auto min_age = r.number(s, "minimum_age");
        auto max_age = r.number(s, "maximum_age");
        const json& org = r.object(s, "organization", "");
        std::string organisation = trim_spaces(r.text(org, "name", "organization's "));
        std::string org_website = r.text(org, "website", "organization's ");

        // Phones: the service's own first, then its contacts', its locations', its organisation's.
        std::vector<std::string> phones;
        std::vector<std::string> languages;
        auto take_phones = [&](const json& owner, const char* where_text) {
            for (const auto& p : r.list(owner, "phones", where_text)) {
                std::string number = r.text(p, "number", "phone's ");
                if (!number.empty()) phones.push_back(uk_phone(number));
                for (const auto& l : r.list(p, "languages", "phone's "))
                    add_unique(languages,
                               language_code(r.text(l, "code", "language's "), r.text(l, "name", "language's ")));
            }
        };
        take_phones(s, "");
        for (const auto& c : r.list(s, "contacts", "")) take_phones(c, "contact's ");

        for (const auto& l : r.list(s, "languages", ""))
            add_unique(languages, language_code(r.text(l, "code", "language's "), r.text(l, "name", "language's ")));

        // Where it serves: named service areas, then the places of its locations' addresses.
        std::vector<std::string> areas;
        bool national = false;
        std::string area_words;
        for (const auto& a : r.list(s, "service_areas", "")) {
            for (const char* key : {"name", "service_area"}) {
                std::string place = trim_spaces(r.text(a, key, "service area's "));
                if (national_name(place)) {
                    national = true;
                    if (area_words.empty()) area_words = place;
                } else if (looks_like_place(place)) {
                    add_unique(areas, place);
                }
            }
        }
        std::vector<json> schedules = r.list(s, "schedules", "");
        for (const auto& sch : r.list(s, "regular_schedules", "")) schedules.push_back(sch);
        for (const auto& sal : r.list(s, "service_at_locations", "")) {
            const json& loc = r.object(sal, "location", "service_at_location's ");
            for (const auto& sch : r.list(sal, "schedules", "service_at_location's ")) schedules.push_back(sch);
            take_phones(loc, "location's ");
            for (const auto& l : r.list(loc, "languages", "location's "))
                add_unique(languages,
                           language_code(r.text(l, "code", "language's "), r.text(l, "name", "language's ")));
            std::vector<json> addresses = r.list(loc, "addresses", "location's ");
            for (const auto& a : r.list(loc, "physical_addresses", "location's ")) addresses.push_back(a);
            for (const auto& a : addresses)
                for (const char* key : {"city", "region", "state_province"})
                    add_unique(areas, trim_spaces(r.text(a, key, "address's ")));
        }
        take_phones(org, "organization's ");

        std::vector<std::string> opening;
        for (const auto& sch : schedules) {
            std::string d = trim_spaces(r.text(sch, "description", "schedule's "));
            if (d.empty()) {
                std::string days = days_of(r.text(sch, "byday", "schedule's "));
                std::string opens = time_of(r.text(sch, "opens_at", "schedule's "));
                std::string closes = time_of(r.text(sch, "closes_at", "schedule's "));
                if (!opens.empty() && !closes.empty()) d = (days.empty() ? "" : days + ", ") + opens + " to " + closes;
            }
            if (!d.empty() && std::find(opening.begin(), opening.end(), d) == opening.end()) opening.push_back(d);
        }

        std::vector<std::string> needs;
        auto add_needs = [&](const std::string& code, const std::string& term) {
            for (const auto& n : map.needs_of(code, term))
                if (std::find(needs.begin(), needs.end(), n) == needs.end()) needs.push_back(n);
        };
        for (const auto& a : r.list(s, "attributes", "")) {
            const json& term = r.object(a, "taxonomy_term", "attribute's ");
            add_needs(r.text(term, "code", "taxonomy term's "), r.text(term, "name", "taxonomy term's "));
        }
        for (const auto& t : r.list(s, "service_taxonomys", "")) {
            const json& term = r.object(t, "taxonomy", "service_taxonomy's ");
            add_needs(r.text(term, "id", "taxonomy's "), r.text(term, "name", "taxonomy's "));
        }

        if (!r.problem.empty()) {
            skip(out.malformed, "malformed: " + r.problem + "; left out");
            continue;
        }
        if (!status.empty() && status != "active") {
            skip(out.not_active, "status \"" + status + "\"; left out");
            continue;
        }
        if (needs.empty()) {
            skip(out.no_need, "no taxonomy term maps to a need the kiosk offers; left out");
            continue;
        }
        if (national) areas = {k_national_area};
        if (areas.empty()) {
            skip(out.outside_area, "gives no service area or address, so where it serves is unknown; left out");
            continue;
        }

        json entry = {{"id", "oruk-" + slug(feed_id)},
                      {"name", name},
                      {"needs", needs},
                      {"areas", areas},
                      {"age_range", age_range_of(min_age, max_age)},
                      {"source", {{"feed", "oruk"}, {"id", feed_id}}}};
        if (!organisation.empty()) entry["organisation"] = organisation;
        if (!description.empty()) entry["description"] = description;
        if (!phones.empty()) entry["phone"] = phones.front();
        if (!url.empty() || !org_website.empty()) entry["website"] = url.empty() ? org_website : url;
        std::string opening_text;
        for (const auto& o : opening) opening_text += (opening_text.empty() ? "" : "; ") + o;
        if (!opening_text.empty()) entry["opening_times"] = opening_text;
        if (!languages.empty()) entry["languages"] = languages;
        if (national) {
            entry["area"] = area_words;
        } else {
            std::string words;
            for (const auto& a : areas) words += (words.empty() ? "" : ", ") + a;
            entry["area"] = words;
        }

        Service service = service_from_json(entry, "en");
        if (!serves_area(service, centre_areas)) {
            ++out.outside_area;  // the usual case in a regional feed: counted, not named one by one
            continue;
        }
        auto problems = check_service_fields(entry);
        if (!problems.empty()) {
            skip(out.malformed, "malformed: " + problems.front() + "; left out");
            continue;
        }
        (national ? out.national : out.local)++;
        out.services.push_back(std::move(entry));
    }
    return out;
}

namespace {

bool imported_from_oruk(const json& e) {
    return e.is_object() && e.contains("source") && e["source"].is_object() && e["source"].contains("feed") &&
           e["source"]["feed"] == "oruk";
}

}  // namespace

std::string merge_imported_services(const std::string& existing_text, const json& imported,
                                    std::vector<std::string>& problems) {
    json existing = existing_text.empty() ? json::array() : json::parse(existing_text, nullptr, false);
    if (!existing.is_array())
        throw OrukError("the services file is not a JSON list of services; fix it first (it was left as it was)");
    json out = json::array();
    std::set<std::string> hand_ids;
    std::map<std::string, json> old_translations;
    for (const auto& e : existing) {
        if (imported_from_oruk(e)) {
            if (e.contains("id") && e["id"].is_string() && e.contains("translations"))
                old_translations[e["id"].get<std::string>()] = e["translations"];
            continue;
        }
        if (e.is_object() && e.contains("id") && e["id"].is_string()) hand_ids.insert(e["id"].get<std::string>());
        out.push_back(e);
    }
    for (auto e : imported) {
        std::string id = e.value("id", "");
        if (hand_ids.count(id)) {
            problems.push_back("service \"" + id + "\": a service written by hand already has this id; left out");
            continue;
        }
        // A writer's Welsh for an imported service survives the next import of the same service.
        if (auto it = old_translations.find(id); it != old_translations.end()) e["translations"] = it->second;
        out.push_back(std::move(e));
    }
    return out.dump(2) + "\n";
}

void replace_file_atomically(const std::filesystem::path& path, const std::string& text) {
    std::string tmp = (path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path()) /
                      ("." + path.filename().string() + ".XXXXXX");
    std::vector<char> name(tmp.begin(), tmp.end());
    name.push_back('\0');
    int fd = ::mkstemp(name.data());
    if (fd < 0) throw OrukError("cannot write beside " + path.string() + ": " + std::strerror(errno));
    struct stat st {};
    ::fchmod(fd, ::stat(path.c_str(), &st) == 0 ? (st.st_mode & 07777) : 0644);
    bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    ok = ::fsync(fd) == 0 && ok;
    ok = ::close(fd) == 0 && ok;
    if (!ok || ::rename(name.data(), path.c_str()) != 0) {
        int err = errno;
        ::unlink(name.data());
        throw OrukError("cannot write " + path.string() + ": " + std::strerror(err) + " (it was left as it was)");
    }
    int dir = ::open(path.parent_path().empty() ? "." : path.parent_path().c_str(), O_RDONLY | O_DIRECTORY);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

}  // namespace lantern::content
