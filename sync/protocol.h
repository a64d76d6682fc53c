// Wire protocol types between kiosk and hub, with strict JSON parsing that names what is wrong.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "sync/encoding.h"
#include "sync/kiosk_settings.h"
#include "sync/usage.h"

namespace lantern::sync {

// Parsed value or an error saying which field is wrong (never echoing the field's content).
template <class T>
struct Parsed {
    std::optional<T> value;
    std::string error;
    explicit operator bool() const { return value.has_value(); }
};

// What a sealed request is: the support form's referral, or "I'm interested" in one of the centre's family
// services (a first name and a way to reach her, sealed like a referral).
inline constexpr const char* k_kind_referral = "referral";
inline constexpr const char* k_kind_interest = "interest";

// The non-identifying part of a referral, readable by the hub for reports. Only constrained values:
// need category ids, an audience, the centre name and a date, and for an interest request the family
// service's id from the pack. No free text from a visitor.
struct ReferralSummary {
    std::vector<std::string> needs;  // [a-z0-9_-]{1,40}, at most 32; none for an interest request
    std::string audience;            // little | child | teen | adult
    std::string centre;              // 1..100 printable characters
    std::string date;                // YYYY-MM-DD
    // "referral" or "interest". On the wire "kind" and "service" are sent only for an interest request, so
    // a referral's body is what kiosks sent before interest requests, and an older hub still takes it; a body
    // without "kind" is a referral.
    std::string kind = k_kind_referral;
    std::string service;  // an interest request's family service id ([a-z0-9_-]{1,64}); empty for a referral
    bool operator==(const ReferralSummary&) const = default;
};
nlohmann::json to_json(const ReferralSummary& s);
Parsed<ReferralSummary> parse_summary(const nlohmann::json& j);
// Throws std::invalid_argument naming the bad field; used before anything is stored.
void validate_summary(const ReferralSummary& s);

inline constexpr std::size_t k_max_sealed_bytes = 256 * 1024;

// POST /api/v1/referrals body. `reference` (the code the visitor was shown) is not in DESIGN.md's
// list; it is not personal data and lets staff match an export row to a visitor's slip.
struct ReferralPost {
    std::string id;  // UUID v4, also the Idempotency-Key
    std::string kiosk;
    std::string reference;
    std::string created;  // UTC ISO
    std::string form_version;
    Bytes sealed;
    ReferralSummary summary;
    bool operator==(const ReferralPost&) const = default;
};
nlohmann::json to_json(const ReferralPost& p);
Parsed<ReferralPost> parse_referral_post(std::string_view body);

struct Receipt {
    std::string id;
    std::string received_at;
    std::string status = "stored";
    bool operator==(const Receipt&) const = default;
};
nlohmann::json to_json(const Receipt& r);
Parsed<Receipt> parse_receipt(std::string_view body);

struct Manifest {
    std::string version;
    std::string sha256;  // lower-case hex
    std::int64_t size = 0;
    std::string signature;  // base64 Ed25519 over pack_signing_message(version, sha256)
    std::string url;        // path on the hub, e.g. /api/v1/content/packs/<sha256>
    bool operator==(const Manifest&) const = default;
};
nlohmann::json to_json(const Manifest& m);
Parsed<Manifest> parse_manifest(std::string_view body);

struct Heartbeat {
    std::string app_version;
    std::string pack_version;
    std::int64_t outbox_depth = 0;
    std::int64_t refused = 0;
    std::string last_success;                   // UTC ISO or empty
    std::string last_error;                     // our own error text, never personal data
    std::map<std::string, std::int64_t> usage;  // older kiosks' counters since start, e.g. "page_views": 12
    std::string pack_fault;                     // why the kiosk is not on its newest pack (it fell back), or empty
    std::string nonce;  // 64 hex, fresh each time: the hub answers heartbeat_proof(token, nonce)
    // Days of anonymous usage figures the hub has not yet acknowledged (sync/usage.h), oldest first; the hub
    // answers with the days it stored ("usage_stored").
    std::vector<UsageDay> usage_days;
    // The settings the kiosk runs with (staff may change them on the kiosk); absent from older kiosks.
    std::optional<KioskSettings> settings;
    // The version of the hub's notices document the kiosk holds (sync/notices.h), 0 for none; absent (0) from
    // older kiosks. The support team sees from it that a notice they published has arrived.
    std::int64_t notices_version = 0;
    bool operator==(const Heartbeat&) const = default;
};
nlohmann::json to_json(const Heartbeat& h);
Parsed<Heartbeat> parse_heartbeat(std::string_view body);

// {"error": "..."} as every 4xx/5xx body from the hub.
std::string error_body(std::string_view message);
// {"error": "...", "id": "<referral id>"}: the hub's verdict on that one referral (referral routes).
std::string error_body(std::string_view message, std::string_view referral_id);

bool is_valid_kiosk_name(std::string_view name);
bool is_valid_need(std::string_view need);
// A services.json id as a summary carries it: lower-case letters, digits, - and _, 1 to 64 of them.
bool is_valid_service_id(std::string_view id);
bool is_valid_audience(std::string_view audience);
bool is_valid_date(std::string_view date);  // YYYY-MM-DD
// min..max bytes with no control characters: a name or text the hub shows and stores as it is.
bool is_printable_text(std::string_view s, std::size_t min, std::size_t max);
bool is_sha256_hex(std::string_view s);

}  // namespace lantern::sync
