// JSON (de)serialisation of the admin routes, strict about presence, types and shapes; errors name route and field.
#include "hub/shared/admin_api.h"

#include <set>

#include "sync/json_reader.h"
#include "sync/notices.h"
#include "sync/sealing.h"
#include "sync/usage.h"

namespace lantern::hub::api {

using nlohmann::json;

namespace {

bool is_month(std::string_view m) {
    return m.size() == 7 && m[4] == '-' && sync::is_valid_date(std::string(m) + "-01");
}

// The wire's one field reader (sync/json_reader.h), its error as "ROUTE: WHERE: what" in this API's Error.
class Reader : public sync::JsonReader {
   public:
    Reader(const json& j, const std::string& route, const std::string& where = "")
        : JsonReader(j, where.empty() ? route : route + ": " + where) {}
    Error error() const { return Error{JsonReader::error()}; }
};

std::optional<json> parse_body(std::string_view body, const char* route, std::string& error) {
    json j = json::parse(body.begin(), body.end(), nullptr, false);
    if (j.is_discarded()) {
        error = std::string(route) + ": the body is not JSON";
        return std::nullopt;
    }
    return j;
}

std::string entry(const char* list, std::size_t i) { return std::string(list) + "[" + std::to_string(i) + "]"; }

// Big enough for any page the hub sends (1000 referrals of at most 256 KiB sealed), small enough to bound a lie.
constexpr std::size_t k_max_list = 100000;

}  // namespace

// ---- POST /api/v1/content ----

std::map<std::string, std::string> to_headers(const PublishHeaders& h) {
    return {{"X-Lantern-Version", h.version}, {"X-Lantern-Signature", sync::to_base64(h.signature)}};
}

Result<PublishHeaders> parse_publish_headers(std::string_view version, std::string_view signature_b64) {
    std::string prefix = std::string(k_publish_route) + ": ";
    if (version.empty()) return Error{prefix + "missing the X-Lantern-Version header"};
    if (!sync::is_printable_text(version, 1, 64) || version.find('"') != std::string_view::npos)
        return Error{prefix + "the X-Lantern-Version header must be 1 to 64 printable characters, no quote"};
    if (signature_b64.empty()) return Error{prefix + "missing the X-Lantern-Signature header"};
    auto sig = sync::from_base64(signature_b64);
    if (!sig || sig->size() != sync::k_signature_bytes)
        return Error{prefix + "the X-Lantern-Signature header must be a base64 Ed25519 signature"};
    return PublishHeaders{std::string(version), std::move(*sig)};
}

Result<sync::Manifest> parse_publish_answer(std::string_view body) {
    auto m = sync::parse_manifest(body);
    if (!m) return Error{std::string(k_publish_route) + ": " + m.error};
    return std::move(*m.value);
}

// ---- GET /api/v1/referrals ----

std::string to_query(const ReferralsQuery& q) {
    std::string s = "after=" + std::to_string(q.after) + "&limit=" + std::to_string(q.limit);
    if (q.include_exported) s += "&include_exported=1";
    return s;
}

Result<ReferralsQuery> parse_referrals_query(const std::multimap<std::string, std::string>& params) {
    std::string prefix = std::string(k_referrals_route) + ": ";
    ReferralsQuery q;
    for (const auto& [name, value] : params) {
        if (name != "after" && name != "limit" && name != "include_exported")
            return Error{prefix + "unknown parameter (it takes after, limit and include_exported)"};
        if (params.count(name) > 1) return Error{prefix + "\"" + name + "\" given more than once"};
        if (name == "include_exported") {
            if (value != "0" && value != "1") return Error{prefix + "\"include_exported\" must be 0 or 1"};
            q.include_exported = value == "1";
            continue;
        }
        bool digits =
            !value.empty() && value.size() <= 18 && value.find_first_not_of("0123456789") == std::string::npos;
        if (!digits) return Error{prefix + "\"" + name + "\" must be a non-negative integer"};
        std::int64_t n = std::stoll(value);
        if (name == "after") {
            q.after = n;
        } else {
            if (n < 1 || n > k_max_referrals_limit)
                return Error{prefix + "\"limit\" must be 1 to " + std::to_string(k_max_referrals_limit)};
            q.limit = static_cast<int>(n);
        }
    }
    return q;
}

json to_json(const ReferralsPage& page) {
    json list = json::array();
    for (const auto& r : page.referrals)
        list.push_back({{"seq", r.seq},
                        {"id", r.id},
                        {"kiosk", r.kiosk},
                        {"reference", r.reference},
                        {"created", r.created},
                        {"form_version", r.form_version},
                        {"sealed", sync::to_base64(r.sealed)},
                        {"summary", sync::to_json(r.summary)},
                        {"received_at", r.received_at},
                        {"exported_at", r.exported_at}});
    return json{{"referrals", list}, {"next_after", page.next_after}};
}

Result<ReferralsPage> parse_referrals_page(std::string_view body) {
    std::string error;
    auto j = parse_body(body, k_referrals_route, error);
    if (!j) return Error{error};
    Reader top(*j, k_referrals_route);
    ReferralsPage page;
    const json* list = top.array("referrals", k_max_list);
    top.integer("next_after", page.next_after);
    if (!top.ok()) return top.error();
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& item = (*list)[i];
        Reader rd(item, k_referrals_route, entry("referrals", i));
        ReferralRow r;
        std::string sealed;
        rd.integer("seq", r.seq, 1);
        rd.str("id", r.id) && rd.check(sync::is_uuid(r.id), "id", "must be a lower-case UUID");
        rd.str("kiosk", r.kiosk) && rd.check(sync::is_valid_kiosk_name(r.kiosk), "kiosk", "is not a kiosk name");
        rd.str("reference", r.reference) &&
            rd.check(sync::is_reference_code(r.reference), "reference", "is not a reference code");
        rd.str("created", r.created) && rd.check(sync::is_utc_iso(r.created), "created", "must be a UTC time");
        rd.str("form_version", r.form_version, 64) &&
            rd.check(sync::is_printable_text(r.form_version, 1, 64), "form_version", "must be printable text");
        if (rd.str("sealed", sealed, sync::k_max_sealed_bytes * 4 / 3 + 8)) {
            auto bytes = sync::from_base64(sealed);
            if (rd.check(bytes.has_value(), "sealed", "is not base64")) r.sealed = std::move(*bytes);
        }
        if (const json* s = rd.field("summary")) {
            auto summary = sync::parse_summary(*s);
            if (summary) r.summary = std::move(*summary.value);
            else rd.fail(summary.error);
        }
        rd.str("received_at", r.received_at) &&
            rd.check(sync::is_utc_iso(r.received_at), "received_at", "must be a UTC time");
        rd.str("exported_at", r.exported_at) && rd.check(r.exported_at.empty() || sync::is_utc_iso(r.exported_at),
                                                         "exported_at", "must be a UTC time or empty");
        if (!rd.ok()) return rd.error();
        if (!page.referrals.empty() && r.seq <= page.referrals.back().seq)
            return Error{std::string(k_referrals_route) + ": " + entry("referrals", i) + ": \"seq\" is out of order"};
        page.referrals.push_back(std::move(r));
    }
    return page;
}

// ---- POST /api/v1/referrals/exported ----

json to_json(const ExportedRequest& r) { return json{{"ids", r.ids}}; }

Result<ExportedRequest> parse_exported_request(std::string_view body) {
    std::string error;
    auto j = parse_body(body, k_exported_route, error);
    if (!j) return Error{error};
    Reader rd(*j, k_exported_route);
    rd.only({"ids"});
    const json* ids = rd.array("ids", k_max_exported_ids);
    if (!rd.ok()) return rd.error();
    ExportedRequest r;
    for (std::size_t i = 0; i < ids->size(); ++i) {
        const json& id = (*ids)[i];
        if (!id.is_string() || !sync::is_uuid(id.get_ref<const std::string&>()))
            return Error{std::string(k_exported_route) + ": " + entry("ids", i) + " must be a referral UUID"};
        r.ids.push_back(id.get<std::string>());
    }
    return r;
}

json to_json(const ExportedAnswer& a) { return json{{"marked", a.marked}}; }

Result<ExportedAnswer> parse_exported_answer(std::string_view body) {
    std::string error;
    auto j = parse_body(body, k_exported_route, error);
    if (!j) return Error{error};
    Reader rd(*j, k_exported_route);
    ExportedAnswer a;
    rd.integer("marked", a.marked) &&
        rd.check(a.marked <= static_cast<std::int64_t>(k_max_exported_ids), "marked", "is more than a call may mark");
    if (!rd.ok()) return rd.error();
    return a;
}

// ---- POST /api/v1/notices ----

json to_json(const NoticesAnswer& a) { return json{{"version", a.version}, {"notices", a.notices}}; }

Result<NoticesAnswer> parse_notices_answer(std::string_view body) {
    std::string error;
    auto j = parse_body(body, k_notices_route, error);
    if (!j) return Error{error};
    Reader rd(*j, k_notices_route);
    NoticesAnswer a;
    rd.integer("version", a.version) && rd.check(a.version >= 1, "version", "must be 1 or more") &&
        rd.integer("notices", a.notices) &&
        rd.check(a.notices <= static_cast<std::int64_t>(sync::k_max_hub_notices), "notices",
                 "is more than a document may hold");
    if (!rd.ok()) return rd.error();
    return a;
}

// ---- GET /api/v1/report ----

namespace {

json report_row(const std::string& centre, const std::string& month, const char* key, const std::string& value,
                const std::optional<std::int64_t>& count) {
    json j{{"centre", centre}, {"month", month}, {key, value}};
    j["count"] = count ? json(*count) : json(nullptr);
    j["suppressed"] = !count.has_value();
    return j;
}

// A report row's centre, month and count (`key` and its check are the caller's): a count under the threshold that
// is not suppressed could point at a family, so it is never taken.
void read_report_row(Reader& rd, std::int64_t suppressed_below, std::string& centre, std::string& month,
                     std::optional<std::int64_t>& count) {
    bool suppressed = false;
    rd.str("centre", centre) &&
        rd.check(sync::is_printable_text(centre, 1, 100), "centre", "must be 1 to 100 characters");
    rd.str("month", month) && rd.check(is_month(month), "month", "must be YYYY-MM");
    rd.boolean("suppressed", suppressed);
    if (const json* c = rd.field("count")) {
        if (suppressed) {
            rd.check(c->is_null(), "count", "must be null when \"suppressed\" is true");
        } else {
            std::int64_t n = 0;
            rd.integer("count", n) &&
                rd.check(n >= suppressed_below, "count", "is under \"suppressed_below\" but not suppressed");
            count = n;
        }
    }
}

}  // namespace

json to_json(const Report& r) {
    json rows = json::array();
    for (const auto& row : r.rows) rows.push_back(report_row(row.centre, row.month, "need", row.need, row.count));
    json usage = json::array();
    for (const auto& u : r.usage) usage.push_back(report_row(u.centre, u.month, "name", u.name, u.count));
    json interest = json::array();
    for (const auto& i : r.interest) interest.push_back(report_row(i.centre, i.month, "service", i.service, i.count));
    return json{{"suppressed_below", r.suppressed_below}, {"rows", rows}, {"usage", usage}, {"interest", interest}};
}

Result<Report> parse_report(std::string_view body) {
    std::string error;
    auto j = parse_body(body, k_report_route, error);
    if (!j) return Error{error};
    Reader top(*j, k_report_route);
    Report report;
    top.integer("suppressed_below", report.suppressed_below, 1);
    const json* rows = top.array("rows", k_max_list);
    const json* usage = top.array("usage", k_max_list);
    const json* interest = top.array("interest", k_max_list);
    if (!top.ok()) return top.error();
    for (std::size_t i = 0; i < rows->size(); ++i) {
        Reader rd((*rows)[i], k_report_route, entry("rows", i));
        ReportRow row;
        read_report_row(rd, report.suppressed_below, row.centre, row.month, row.count);
        rd.str("need", row.need) && rd.check(sync::is_valid_need(row.need), "need", "is not a need's id");
        if (!rd.ok()) return rd.error();
        report.rows.push_back(std::move(row));
    }
    for (std::size_t i = 0; i < usage->size(); ++i) {
        Reader rd((*usage)[i], k_report_route, entry("usage", i));
        UsageRow row;
        read_report_row(rd, report.suppressed_below, row.centre, row.month, row.count);
        rd.str("name", row.name) &&
            rd.check(sync::is_valid_usage_key(row.name), "name", "is not a usage figure's name");
        if (!rd.ok()) return rd.error();
        report.usage.push_back(std::move(row));
    }
    for (std::size_t i = 0; i < interest->size(); ++i) {
        Reader rd((*interest)[i], k_report_route, entry("interest", i));
        InterestRow row;
        read_report_row(rd, report.suppressed_below, row.centre, row.month, row.count);
        rd.str("service", row.service) &&
            rd.check(sync::is_valid_service_id(row.service), "service", "is not a family service's id");
        if (!rd.ok()) return rd.error();
        report.interest.push_back(std::move(row));
    }
    return report;
}

// ---- GET /api/v1/kiosks ----

json to_json(const KiosksAnswer& a) {
    json list = json::array();
    for (const auto& k : a.kiosks)
        list.push_back({{"kiosk", k.kiosk}, {"received_at", k.received_at}, {"heartbeat", sync::to_json(k.heartbeat)}});
    return json{{"kiosks", list}};
}

Result<KiosksAnswer> parse_kiosks_answer(std::string_view body) {
    std::string error;
    auto j = parse_body(body, k_kiosks_route, error);
    if (!j) return Error{error};
    Reader top(*j, k_kiosks_route);
    const json* list = top.array("kiosks", k_max_list);
    if (!top.ok()) return top.error();
    KiosksAnswer a;
    for (std::size_t i = 0; i < list->size(); ++i) {
        Reader rd((*list)[i], k_kiosks_route, entry("kiosks", i));
        KioskRow k;
        rd.str("kiosk", k.kiosk) && rd.check(sync::is_valid_kiosk_name(k.kiosk), "kiosk", "is not a kiosk name");
        rd.str("received_at", k.received_at) &&
            rd.check(sync::is_utc_iso(k.received_at), "received_at", "must be a UTC time");
        if (const json* hb = rd.field("heartbeat")) {
            // The kiosk's own heartbeat, read by the kiosk route's parser ("heartbeat: missing ...").
            auto parsed = hb->is_object() ? sync::parse_heartbeat(hb->dump()) : sync::Parsed<sync::Heartbeat>{};
            if (parsed) k.heartbeat = std::move(*parsed.value);
            else rd.fail(parsed.error.empty() ? "\"heartbeat\" must be an object" : parsed.error);
        }
        if (!rd.ok()) return rd.error();
        a.kiosks.push_back(std::move(k));
    }
    return a;
}

// ---- errors ----

Result<std::string> parse_error_answer(std::string_view body) {
    json j = json::parse(body.begin(), body.end(), nullptr, false);
    if (!j.is_object() || !j.contains("error") || !j["error"].is_string())
        return Error{"the answer is not the hub's {\"error\": ...}"};
    return j["error"].get<std::string>();
}

}  // namespace lantern::hub::api
