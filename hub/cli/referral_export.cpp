// Opens exported referrals with the private key and formats them; plaintext never touches the hub.
#include "hub/cli/referral_export.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sodium.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

#include "content/pack_reader.h"
#include "content/service_fields.h"

namespace lantern::hub {

using nlohmann::json;

ExportResult fetch_and_open(AdminClient& client, const sync::SecretBytes& secret_key, bool include_exported) {
    ExportResult out;
    auto public_key = sync::referral_public_key_of(secret_key);
    std::int64_t after = 0;
    for (;;) {
        api::ReferralsPage page = client.referrals(after, 500, include_exported);
        if (page.referrals.empty()) break;
        for (auto& r : page.referrals) {
            std::string plain;
            try {
                plain = sync::open_sealed(r.sealed, public_key, secret_key);
            } catch (const sync::CryptoError&) {
                out.failed_ids.push_back(r.id);
                continue;
            }
            json answers = json::parse(plain, nullptr, false);
            sync::wipe(plain);
            if (answers.is_discarded()) {
                out.failed_ids.push_back(r.id);
                continue;
            }
            out.referrals.push_back({r.id, r.reference, r.kiosk, r.created, r.received_at, r.form_version,
                                     std::move(r.summary), std::move(answers)});
        }
        if (page.next_after <= after) break;
        after = page.next_after;
    }
    return out;
}

namespace {

std::string text_of(const json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_null()) return "";
    if (v.is_array()) {
        std::string s;
        for (const auto& e : v) s += (s.empty() ? "" : "; ") + text_of(e);
        return s;
    }
    return v.dump();
}

// Quotes a CSV cell; a leading = + - @ is defused so a spreadsheet does not run it as a formula.
std::string cell(std::string s) {
    if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r'))
        s.insert(s.begin(), '\'');
    std::string q = "\"";
    for (char c : s) {
        if (c == '"') q += '"';
        q += c;
    }
    return q + "\"";
}

// The kiosk seals {"form_version", "lang", ..., "answers": {field: value}}: one column per field, so staff
// read answers, not JSON. Top-level values other than "answers" get a column each too.
std::map<std::string, json> flat_fields(const json& sealed) {
    std::map<std::string, json> out;
    if (!sealed.is_object()) return out;
    for (auto it = sealed.begin(); it != sealed.end(); ++it)
        if (it.key() != "answers" || !it.value().is_object()) out[it.key()] = it.value();
    if (sealed.contains("answers") && sealed["answers"].is_object())
        for (auto it = sealed["answers"].begin(); it != sealed["answers"].end(); ++it) out[it.key()] = it.value();
    return out;
}

}  // namespace

std::vector<content::Service> read_service_directory(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read the services directory " + path);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    if (text.rfind(std::string("SQLite format 3\0", 16), 0) == 0) return content::PackReader(path).services();
    if (!json::parse(text, nullptr, false).is_array())
        throw std::runtime_error(path + " is neither a services.json list nor a content pack");
    return content::services_from_json_text(text);
}

void add_suggestions(std::vector<ExportedReferral>& referrals, const std::vector<content::Service>& directory,
                     const content::CentreAreas& areas) {
    // An interest request is for the family service it names: there is nothing to route.
    for (auto& r : referrals)
        if (r.summary.kind != sync::k_kind_interest)
            r.suggested = content::suggest_services(directory, r.summary.needs, areas.of(r.summary.centre));
}

namespace {

std::string suggestions_text(const std::vector<content::Suggestion>& suggested) {
    if (suggested.empty()) return "none in the directory for these needs and area";
    std::string out;
    for (const auto& s : suggested) {
        std::string how = s.service.phone.empty() ? s.service.website : s.service.phone;
        out += (out.empty() ? "" : "; ") + s.service.name + (how.empty() ? "" : " (" + how + ")");
    }
    return out;
}

json suggestions_json(const std::vector<content::Suggestion>& suggested) {
    json out = json::array();
    for (const auto& s : suggested)
        out.push_back({{"id", s.service.id},
                       {"name", s.service.name},
                       {"organisation", s.service.organisation},
                       {"phone", s.service.phone},
                       {"website", s.service.website},
                       {"opening_times", s.service.opening_times},
                       {"area", s.service.area},
                       {"for", s.needs}});
    return out;
}

}  // namespace

std::string to_csv(const std::vector<ExportedReferral>& referrals) {
    // A sealed field with the name of a column of the hub's own (an interest request's "kind", a form's "needs")
    // gets a column of its own, "answers.NAME": a spreadsheet keyed by column name must never find two.
    static const std::set<std::string> fixed = {"id",          "reference",    "kiosk",   "created",
                                                "received_at", "form_version", "centre",  "date",
                                                "needs",       "kind",         "service", "suggested"};
    std::set<std::string> keys;
    std::vector<std::map<std::string, json>> fields;
    for (const auto& r : referrals) {
        std::map<std::string, json> named;
        for (auto& [k, v] : flat_fields(r.answers)) named[fixed.count(k) ? "answers." + k : k] = std::move(v);
        fields.push_back(std::move(named));
        for (const auto& [k, v] : fields.back()) keys.insert(k);
    }
    bool routed =
        std::any_of(referrals.begin(), referrals.end(), [](const auto& r) { return r.suggested.has_value(); });
    // kind ("referral" or "interest") and, for an interest request, the family service's id come before the
    // sealed fields, so the two kinds sort apart in a spreadsheet; the service's name is among the sealed fields.
    std::string out = "id,reference,kiosk,created,received_at,form_version,centre,date,needs,kind,service";
    if (routed) out += ",suggested";
    for (const auto& k : keys) out += "," + cell(k);
    out += "\r\n";
    for (std::size_t i = 0; i < referrals.size(); ++i) {
        const auto& r = referrals[i];
        out += cell(r.id) + "," + cell(sync::format_reference_code(r.reference)) + "," + cell(r.kiosk) + "," +
               cell(r.created) + "," + cell(r.received_at) + "," + cell(r.form_version) + "," + cell(r.summary.centre) +
               "," + cell(r.summary.date) + "," + cell(text_of(json(r.summary.needs))) + "," + cell(r.summary.kind) +
               "," + cell(r.summary.service);
        if (routed) out += "," + cell(r.suggested ? suggestions_text(*r.suggested) : "");
        for (const auto& k : keys) {
            auto found = fields[i].find(k);
            out += "," + cell(found == fields[i].end() ? "" : text_of(found->second));
        }
        out += "\r\n";
    }
    return out;
}

std::string to_json_text(const std::vector<ExportedReferral>& referrals) {
    json list = json::array();
    for (const auto& r : referrals)
        list.push_back({{"id", r.id},
                        {"reference", sync::format_reference_code(r.reference)},
                        {"kiosk", r.kiosk},
                        {"created", r.created},
                        {"received_at", r.received_at},
                        {"form_version", r.form_version},
                        {"summary", sync::to_json(r.summary)},
                        {"answers", r.answers}});
    for (std::size_t i = 0; i < referrals.size(); ++i)
        if (referrals[i].suggested) list[i]["suggested"] = suggestions_json(*referrals[i].suggested);
    return list.dump(2) + "\n";
}

void write_private_file(const std::string& path, const std::string& text) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) throw std::runtime_error("cannot write " + path);
    ::fchmod(fd, 0600);
    bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    ok = ::fsync(fd) == 0 && ok;
    ::close(fd);
    if (!ok) throw std::runtime_error("cannot write " + path);
}

}  // namespace lantern::hub
