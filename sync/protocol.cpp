// JSON (de)serialisation of the wire protocol, strict about types, sizes and unknown fields.
#include "sync/protocol.h"

#include <set>
#include <stdexcept>

#include "sync/json_reader.h"

namespace lantern::sync {

using nlohmann::json;

namespace {

std::optional<json> parse_json(std::string_view body, std::string& error) {
    json j = json::parse(body.begin(), body.end(), nullptr, false);
    if (j.is_discarded()) {
        error = "body is not valid JSON";
        return std::nullopt;
    }
    return j;
}

}  // namespace

bool is_valid_kiosk_name(std::string_view name) {
    if (name.empty() || name.size() > 64) return false;
    for (char c : name) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                  c == '.';
        if (!ok) return false;
    }
    return true;
}

bool is_valid_need(std::string_view need) {
    if (need.empty() || need.size() > 40) return false;
    for (char c : need)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
    return true;
}

bool is_valid_service_id(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
    return true;
}

bool is_valid_audience(std::string_view a) { return a == "little" || a == "child" || a == "teen" || a == "adult"; }

bool is_valid_date(std::string_view d) { return parse_date(d).has_value(); }

bool is_sha256_hex(std::string_view s) {
    if (s.size() != 64) return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

std::string error_body(std::string_view message) { return json{{"error", std::string(message)}}.dump(); }

std::string error_body(std::string_view message, std::string_view referral_id) {
    return json{{"error", std::string(message)}, {"id", std::string(referral_id)}}.dump();
}

// ---- ReferralSummary ----

json to_json(const ReferralSummary& s) {
    json j{{"needs", s.needs}, {"audience", s.audience}, {"centre", s.centre}, {"date", s.date}};
    if (s.kind != k_kind_referral) {
        j["kind"] = s.kind;
        j["service"] = s.service;
    }
    return j;
}

Parsed<ReferralSummary> parse_summary(const json& j) {
    Parsed<ReferralSummary> r;
    JsonReader rd{j, "summary", &r.error};
    ReferralSummary s;
    if (!rd.only({"needs", "audience", "centre", "date", "kind", "service"})) return r;
    auto it = j.find("needs");
    if (it == j.end() || !it->is_array()) {
        rd.fail("\"needs\" must be an array");
        return r;
    }
    if (it->size() > 32) {
        rd.fail("too many needs");
        return r;
    }
    for (const auto& n : *it) {
        if (!n.is_string() || !is_valid_need(n.get_ref<const std::string&>())) {
            rd.fail("a need is not a category id");
            return r;
        }
        s.needs.push_back(n.get<std::string>());
    }
    if (!rd.str("audience", s.audience) || !rd.str("centre", s.centre) || !rd.str("date", s.date)) return r;
    if (!is_valid_audience(s.audience)) return rd.fail("unknown audience"), r;
    if (!is_printable_text(s.centre, 1, 100)) return rd.fail("bad centre"), r;
    if (!is_valid_date(s.date)) return rd.fail("\"date\" must be a real calendar date as YYYY-MM-DD"), r;
    if (!rd.optional_str("kind", s.kind) || !rd.optional_str("service", s.service)) return r;
    if (s.kind == k_kind_interest) {
        if (!is_valid_service_id(s.service)) return rd.fail("an interest request's \"service\" is not a service id"), r;
        if (!s.needs.empty()) return rd.fail("an interest request carries no needs"), r;
    } else if (s.kind == k_kind_referral) {
        if (j.contains("service")) return rd.fail("only an interest request names a \"service\""), r;
    } else {
        return rd.fail("\"kind\" must be \"referral\" or \"interest\""), r;
    }
    r.value = std::move(s);
    return r;
}

void validate_summary(const ReferralSummary& s) {
    auto parsed = parse_summary(to_json(s));
    if (!parsed) throw std::invalid_argument(parsed.error);
}

// ---- ReferralPost ----

json to_json(const ReferralPost& p) {
    return json{{"id", p.id},
                {"kiosk", p.kiosk},
                {"reference", p.reference},
                {"created", p.created},
                {"form_version", p.form_version},
                {"sealed", to_base64(p.sealed)},
                {"summary", to_json(p.summary)}};
}

Parsed<ReferralPost> parse_referral_post(std::string_view body) {
    Parsed<ReferralPost> r;
    auto j = parse_json(body, r.error);
    if (!j) return r;
    JsonReader rd{*j, "referral", &r.error};
    if (!rd.only({"id", "kiosk", "reference", "created", "form_version", "sealed", "summary"})) return r;
    ReferralPost p;
    std::string sealed_b64;
    if (!rd.str("id", p.id) || !rd.str("kiosk", p.kiosk) || !rd.str("reference", p.reference) ||
        !rd.str("created", p.created) || !rd.str("form_version", p.form_version) ||
        !rd.str("sealed", sealed_b64, k_max_sealed_bytes * 4 / 3 + 8))
        return r;
    if (!is_uuid(p.id)) return rd.fail("\"id\" must be a lower-case UUID"), r;
    if (!is_valid_kiosk_name(p.kiosk)) return rd.fail("bad \"kiosk\""), r;
    if (!is_reference_code(p.reference)) return rd.fail("bad \"reference\""), r;
    if (!is_utc_iso(p.created)) return rd.fail("\"created\" must be a real UTC time as YYYY-MM-DDTHH:MM:SSZ"), r;
    if (!is_printable_text(p.form_version, 1, 64)) return rd.fail("bad \"form_version\""), r;
    auto sealed = from_base64(sealed_b64);
    if (!sealed) return rd.fail("\"sealed\" is not base64"), r;
    if (sealed->size() < 48 || sealed->size() > k_max_sealed_bytes) return rd.fail("\"sealed\" has a bad size"), r;
    p.sealed = std::move(*sealed);
    auto summary = parse_summary(j->contains("summary") ? (*j)["summary"] : json());
    if (!summary) {
        r.error = "referral: " + summary.error;
        return r;
    }
    p.summary = std::move(*summary.value);
    r.value = std::move(p);
    return r;
}

// ---- Receipt ----

json to_json(const Receipt& rc) { return json{{"id", rc.id}, {"received_at", rc.received_at}, {"status", rc.status}}; }

Parsed<Receipt> parse_receipt(std::string_view body) {
    Parsed<Receipt> r;
    auto j = parse_json(body, r.error);
    if (!j) return r;
    JsonReader rd{*j, "receipt", &r.error};
    if (!j->is_object()) return rd.fail("expected a JSON object"), r;
    Receipt rc;
    if (!rd.str("id", rc.id) || !rd.str("received_at", rc.received_at) || !rd.str("status", rc.status)) return r;
    if (!is_uuid(rc.id)) return rd.fail("bad \"id\""), r;
    if (!is_utc_iso(rc.received_at)) return rd.fail("bad \"received_at\""), r;
    if (rc.status != "stored") return rd.fail("status is not \"stored\""), r;
    r.value = std::move(rc);
    return r;
}

// ---- Manifest ----

json to_json(const Manifest& m) {
    return json{
        {"version", m.version}, {"sha256", m.sha256}, {"size", m.size}, {"signature", m.signature}, {"url", m.url}};
}

Parsed<Manifest> parse_manifest(std::string_view body) {
    Parsed<Manifest> r;
    auto j = parse_json(body, r.error);
    if (!j) return r;
    JsonReader rd{*j, "manifest", &r.error};
    if (!j->is_object()) return rd.fail("expected a JSON object"), r;
    Manifest m;
    if (!rd.str("version", m.version, 64) || !rd.str("sha256", m.sha256) || !rd.integer("size", m.size) ||
        !rd.str("signature", m.signature) || !rd.str("url", m.url, 512))
        return r;
    if (!is_printable_text(m.version, 1, 64)) return rd.fail("bad \"version\""), r;
    if (!is_sha256_hex(m.sha256)) return rd.fail("bad \"sha256\""), r;
    if (m.size <= 0) return rd.fail("bad \"size\""), r;
    auto sig = from_base64(m.signature);
    if (!sig || sig->size() != 64) return rd.fail("bad \"signature\""), r;
    if (m.url.empty() || m.url[0] != '/' || !is_printable_text(m.url, 1, 512)) return rd.fail("bad \"url\""), r;
    r.value = std::move(m);
    return r;
}

// ---- Heartbeat ----

json to_json(const Heartbeat& h) {
    json j{{"app_version", h.app_version},
           {"pack_version", h.pack_version},
           {"outbox_depth", h.outbox_depth},
           {"refused", h.refused},
           {"last_success", h.last_success},
           {"last_error", h.last_error},
           {"usage", h.usage}};
    if (!h.pack_fault.empty()) j["pack_fault"] = h.pack_fault;
    if (!h.nonce.empty()) j["nonce"] = h.nonce;
    if (!h.usage_days.empty()) {
        j["usage_days"] = json::array();
        for (const auto& d : h.usage_days) j["usage_days"].push_back(to_json(d));
    }
    if (h.settings)
        j["settings"] = json{{"idle_seconds", h.settings->idle_seconds},
                             {"countdown_seconds", h.settings->countdown_seconds},
                             {"languages", h.settings->languages},
                             {"read_aloud_volume", h.settings->read_aloud_volume}};
    if (h.notices_version > 0) j["notices_version"] = h.notices_version;
    return j;
}

namespace {
// The heartbeat's "settings": every field required, each within what a kiosk can run with.
std::string parse_settings(const json& j, KioskSettings& out) {
    std::string error;
    JsonReader rd{j, "heartbeat: settings", &error};
    if (!rd.only({"idle_seconds", "countdown_seconds", "languages", "read_aloud_volume"})) return error;
    std::int64_t idle = 0, countdown = 0, volume = 0;
    if (!rd.integer("idle_seconds", idle) || !rd.integer("countdown_seconds", countdown) ||
        !rd.integer("read_aloud_volume", volume))
        return error;
    auto in = [](SettingBound b, std::int64_t v) { return v >= b.min && v <= b.max; };
    if (!in(k_idle_seconds_range, idle)) return rd.fail("\"idle_seconds\" is out of range"), error;
    if (!in(k_countdown_seconds_range, countdown)) return rd.fail("\"countdown_seconds\" is out of range"), error;
    if (!in(k_volume_percent_range, volume)) return rd.fail("\"read_aloud_volume\" is out of range"), error;
    auto langs = j.find("languages");
    if (langs == j.end() || !langs->is_array() || langs->size() > k_max_languages)
        return rd.fail("\"languages\" must be an array of at most " + std::to_string(k_max_languages) + " codes"),
               error;
    for (const auto& l : *langs) {
        if (!l.is_string() || !is_language_code(l.get_ref<const std::string&>()))
            return rd.fail("\"languages\" must hold language codes such as \"en\""), error;
        out.languages.push_back(l.get<std::string>());
    }
    out.idle_seconds = static_cast<int>(idle);
    out.countdown_seconds = static_cast<int>(countdown);
    out.read_aloud_volume = static_cast<int>(volume);
    return "";
}
}  // namespace

Parsed<Heartbeat> parse_heartbeat(std::string_view body) {
    Parsed<Heartbeat> r;
    auto j = parse_json(body, r.error);
    if (!j) return r;
    JsonReader rd{*j, "heartbeat", &r.error};
    if (!rd.only({"app_version", "pack_version", "outbox_depth", "refused", "last_success", "last_error", "usage",
                  "pack_fault", "nonce", "usage_days", "settings", "notices_version"}))
        return r;
    Heartbeat h;
    if (!rd.str("app_version", h.app_version, 64) || !rd.optional_str("pack_version", h.pack_version, 64) ||
        !rd.integer("outbox_depth", h.outbox_depth) || !rd.optional_integer("refused", h.refused) ||
        !rd.optional_str("last_success", h.last_success, 32) || !rd.optional_str("last_error", h.last_error, 200) ||
        !rd.optional_str("pack_fault", h.pack_fault, 200) || !rd.optional_str("nonce", h.nonce, 64) ||
        !rd.optional_integer("notices_version", h.notices_version))
        return r;
    if (!is_printable_text(h.app_version, 1, 64) || !is_printable_text(h.last_error, 0, 200) ||
        !is_printable_text(h.pack_fault, 0, 200))
        return rd.fail("bad text field"), r;
    if (!h.nonce.empty() && !is_sha256_hex(h.nonce)) return rd.fail("bad \"nonce\""), r;
    if (!h.last_success.empty() && !is_utc_iso(h.last_success))
        return rd.fail("\"last_success\" must be a real UTC time as YYYY-MM-DDTHH:MM:SSZ"), r;
    if (auto it = j->find("usage"); it != j->end()) {
        if (!it->is_object() || it->size() > 64) return rd.fail("\"usage\" must be an object of counters"), r;
        for (auto u = it->begin(); u != it->end(); ++u) {
            if (!is_valid_need(u.key()) || !u->is_number_integer() || u->get<std::int64_t>() < 0)
                return rd.fail("\"usage\" must map ids to counts"), r;
            h.usage[u.key()] = u->get<std::int64_t>();
        }
    }
    if (auto it = j->find("usage_days"); it != j->end()) {
        if (!it->is_array() || it->size() > k_max_usage_days_per_heartbeat)
            return rd.fail("\"usage_days\" must be an array of at most " +
                           std::to_string(k_max_usage_days_per_heartbeat) + " days"),
                   r;
        std::set<std::string> seen;
        for (const auto& d : *it) {
            UsageDay day;
            if (std::string why = parse_usage_day(d, day); !why.empty()) return rd.fail(why), r;
            if (!seen.insert(day.day).second) return rd.fail("\"usage_days\" names a day twice"), r;
            h.usage_days.push_back(std::move(day));
        }
    }
    if (auto it = j->find("settings"); it != j->end()) {
        KioskSettings settings;
        if (std::string why = parse_settings(*it, settings); !why.empty()) return r.error = why, r;
        h.settings = std::move(settings);
    }
    r.value = std::move(h);
    return r;
}

bool is_printable_text(std::string_view s, std::size_t min, std::size_t max) {
    if (s.size() < min || s.size() > max) return false;
    for (unsigned char c : s)
        if (c < 0x20 || c == 0x7f) return false;
    return true;
}

}  // namespace lantern::sync
