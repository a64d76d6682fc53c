// The admin API's types: each admin route's request and answer as a struct, written by to_json and read by a
// strict parser, shared by the hub (which answers through them) and the staff command (which reads through them).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "sync/encoding.h"
#include "sync/protocol.h"

namespace lantern::hub::api {

// The same discipline as the kiosk routes (sync/protocol.h): every field is required and typed, and a parse
// error names the route and the field (never the field's content). A request refuses fields it does not know;
// an answer ignores them, so a newer hub can add one without breaking an older `lantern`.

// ---- POST /api/v1/content: publish a signed pack (the body), the answer its manifest ----

inline constexpr const char* k_publish_route = "POST /api/v1/content";
struct PublishHeaders {
    std::string version;    // X-Lantern-Version: 1-64 printable characters, no quote
    sync::Bytes signature;  // X-Lantern-Signature: base64 of an Ed25519 signature
    bool operator==(const PublishHeaders&) const = default;
};
// The two headers by name and value, as they go on the request.
std::map<std::string, std::string> to_headers(const PublishHeaders& h);
Result<PublishHeaders> parse_publish_headers(std::string_view version, std::string_view signature_b64);
// The 201 answer: the manifest kiosks will be offered.
Result<sync::Manifest> parse_publish_answer(std::string_view body);

// ---- GET /api/v1/referrals?after=&limit=&include_exported=1: sealed referrals for export ----

inline constexpr const char* k_referrals_route = "GET /api/v1/referrals";
inline constexpr int k_max_referrals_limit = 1000;
struct ReferralsQuery {
    std::int64_t after = 0;  // seq: referrals after this one
    int limit = 500;         // 1-1000
    bool include_exported = false;
    bool operator==(const ReferralsQuery&) const = default;
};
// "after=0&limit=500" (and "&include_exported=1"): every parameter the route takes.
std::string to_query(const ReferralsQuery& q);
// From the request's parameters. One left out takes the default above (the route's documented defaults, for
// a hand-made curl); an unknown, repeated or malformed one is an error.
Result<ReferralsQuery> parse_referrals_query(const std::multimap<std::string, std::string>& params);

struct ReferralRow {
    std::int64_t seq = 0;
    std::string id;  // the referral's UUID
    std::string kiosk;
    std::string reference;
    std::string created;  // UTC ISO
    std::string form_version;
    sync::Bytes sealed;  // the sealed answers; only referral.key opens them
    sync::ReferralSummary summary;
    std::string received_at;  // UTC ISO
    std::string exported_at;  // UTC ISO, or empty: not exported yet
    bool operator==(const ReferralRow&) const = default;
};
struct ReferralsPage {
    std::vector<ReferralRow> referrals;  // in seq order
    std::int64_t next_after = 0;         // the next page's `after`; the query's own when the page is empty
    bool operator==(const ReferralsPage&) const = default;
};
nlohmann::json to_json(const ReferralsPage& page);
Result<ReferralsPage> parse_referrals_page(std::string_view body);

// ---- POST /api/v1/referrals/exported: mark referrals exported (starts their retention clock) ----

inline constexpr const char* k_exported_route = "POST /api/v1/referrals/exported";
inline constexpr std::size_t k_max_exported_ids = 1000;
struct ExportedRequest {
    std::vector<std::string> ids;  // up to 1000 referral UUIDs
    bool operator==(const ExportedRequest&) const = default;
};
nlohmann::json to_json(const ExportedRequest& r);
Result<ExportedRequest> parse_exported_request(std::string_view body);
struct ExportedAnswer {
    std::int64_t marked = 0;  // how many this call marked (not those marked before)
    bool operator==(const ExportedAnswer&) const = default;
};
nlohmann::json to_json(const ExportedAnswer& a);
Result<ExportedAnswer> parse_exported_answer(std::string_view body);

// ---- GET /api/v1/report: needs and usage figures by centre and month, small counts suppressed ----

inline constexpr const char* k_report_route = "GET /api/v1/report";
struct ReportRow {
    std::string centre;
    std::string month;                  // YYYY-MM
    std::string need;                   // a need's category id
    std::optional<std::int64_t> count;  // nullopt: suppressed (fewer than suppressed_below); on the wire,
                                        // "count": null with "suppressed": true
    bool operator==(const ReportRow&) const = default;
};
// One anonymous usage figure (sync/usage.h names it, e.g. "visit:adult:cy") summed by centre and month, suppressed
// by the same rule as the needs.
struct UsageRow {
    std::string centre;
    std::string month;  // YYYY-MM
    std::string name;
    std::optional<std::int64_t> count;
    bool operator==(const UsageRow&) const = default;
};
// Interest requests in one of a centre's family services ("I'm interested"), suppressed by the same rule.
struct InterestRow {
    std::string centre;
    std::string month;    // YYYY-MM
    std::string service;  // the family service's id in the pack
    std::optional<std::int64_t> count;
    bool operator==(const InterestRow&) const = default;
};
struct Report {
    std::int64_t suppressed_below = 5;
    std::vector<ReportRow> rows;
    std::vector<UsageRow> usage;
    std::vector<InterestRow> interest;
    bool operator==(const Report&) const = default;
};
nlohmann::json to_json(const Report& r);
Result<Report> parse_report(std::string_view body);

// ---- GET /api/v1/kiosks: every kiosk's last heartbeat ----

inline constexpr const char* k_kiosks_route = "GET /api/v1/kiosks";
struct KioskRow {
    std::string kiosk;
    std::string received_at;  // UTC ISO: when the hub got the heartbeat
    sync::Heartbeat heartbeat;
    bool operator==(const KioskRow&) const = default;
};
struct KiosksAnswer {
    std::vector<KioskRow> kiosks;  // by kiosk name
    bool operator==(const KiosksAnswer&) const = default;
};
nlohmann::json to_json(const KiosksAnswer& a);
Result<KiosksAnswer> parse_kiosks_answer(std::string_view body);

// ---- POST /api/v1/notices: publish the signed notices document (sync/notices.h's SignedNotices is the body,
// parsed by parse_signed_notices; the hub checks its signature and every notice) ----

inline constexpr const char* k_notices_route = "POST /api/v1/notices";
struct NoticesAnswer {
    std::int64_t version = 0;  // the version now served to kiosks
    std::int64_t notices = 0;  // how many notices it holds
    bool operator==(const NoticesAnswer&) const = default;
};
nlohmann::json to_json(const NoticesAnswer& a);
Result<NoticesAnswer> parse_notices_answer(std::string_view body);

// ---- every route's failure: {"error": "..."} ----

// The error text of a 4xx/5xx answer; an error if the body is not that shape (a proxy's HTML page, say).
Result<std::string> parse_error_answer(std::string_view body);

}  // namespace lantern::hub::api
