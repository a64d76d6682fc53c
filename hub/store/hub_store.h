// The hub's store as an interface: what the server and the staff CLI need, whatever engine keeps the rows.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sync/protocol.h"

namespace lantern::hub {

// 32 random bytes as URL-safe base64 with a prefix saying what the token is for.
std::string new_token(const std::string& prefix);

enum class StoreOutcome { created, duplicate, conflict };

struct StoredReferral {
    StoreOutcome outcome = StoreOutcome::created;
    sync::Receipt receipt;  // for created and duplicate
};

// Times are UTC ISO 8601 to the second ("2024-05-01T09:30:00Z"), whatever the engine keeps.
struct ReferralRecord {
    std::int64_t seq = 0;
    std::string id, kiosk, reference, created, form_version, summary_json, received_at, exported_at;
    sync::Bytes sealed;
};

struct PackRecord {
    std::string sha256, version, signature;
    std::int64_t size = 0;
    std::string published_at;
};

// The hub's notices document as `lantern notices publish` signed it (sync/notices.h); the hub checked it.
struct NoticesRecord {
    std::int64_t version = 0;
    std::string document;   // its exact JSON text
    std::string signature;  // base64
    std::string published_at;
};

struct ReportCount {
    std::string centre, month, need;
    std::int64_t count = 0;
};

// Interest requests in one family service (the summary's "service") at one centre in one month.
struct InterestCount {
    std::string centre, month, service;
    std::int64_t count = 0;
};

// Usage figures summed over a centre's kiosks for one month and name (sync/usage.h).
struct UsageCount {
    std::string centre, month, name;
    std::int64_t count = 0;
};

struct HeartbeatRecord {
    std::string kiosk, received_at, json;
};

// Every implementation passes tests/store/store_contract_test.cpp. Methods are safe to call from many
// threads at once, and from several store objects (or hub processes) on the same data at once. They throw
// std::runtime_error when the engine fails (a lost connection, a full disk); nothing half-written stays.
class HubStore {
   public:
    virtual ~HubStore() = default;

    // Creates the kiosk, or gives an existing one a new token (the old one stops working). Returns the
    // token; only its SHA-256 is stored. Throws std::invalid_argument for a name that is not a kiosk name.
    virtual std::string enrol_kiosk(const std::string& name) = 0;
    virtual std::string create_admin_token(const std::string& label) = 0;
    // The kiosk name for a valid kiosk token.
    virtual std::optional<std::string> kiosk_for_token(const std::string& token) const = 0;
    virtual bool is_admin_token(const std::string& token) const = 0;

    // Idempotent on id, decided by the store (not by the caller's process): the same id and body hash gives
    // the stored receipt again, a different body (or kiosk) gives conflict. `body_hash` is a hash of the
    // canonical body. Returns only once the row is durable.
    virtual StoredReferral store_referral(const sync::ReferralPost& post, const std::string& body_hash) = 0;
    // Referrals with seq > after, in seq order, whose sealed answers are still held; exported ones only if
    // asked. A seq is unique and only grows, but with concurrent writers a lower seq may become visible after a
    // higher one: an export run starts again from 0 and so still finds it (unexported) next time.
    virtual std::vector<ReferralRecord> referrals_after(std::int64_t after, int limit, bool include_exported) const = 0;
    // Marks the not-yet-exported referrals among `ids` exported now; returns how many this call marked. Two
    // calls at once on the same ids mark each referral once between them.
    virtual int mark_exported(const std::vector<std::string>& ids) = 0;
    // Deletes the sealed answers of referrals exported at or before `cutoff` (UTC ISO). The row stays: its id
    // and body hash keep a late retry safe, its summary keeps the anonymised report whole. Returns how many
    // were purged. Exported referrals only. What "deleted" means on disk depends on the engine: see
    // docs/OPERATIONS.md, Retention.
    virtual int purge_exported_before(const std::string& cutoff) = 0;
    virtual std::int64_t referral_count() const = 0;
    // Referrals per centre, month (YYYY-MM) and need, ordered by those three compared byte by byte.
    virtual std::vector<ReportCount> need_counts() const = 0;
    // Interest requests (summaries of kind "interest") per centre, month and family service, ordered by those
    // three compared byte by byte.
    virtual std::vector<InterestCount> interest_counts() const = 0;

    // Fails (false) if the version is not newer than every published pack.
    virtual bool add_pack(const PackRecord& pack) = 0;
    virtual std::optional<PackRecord> latest_pack() const = 0;
    virtual std::optional<PackRecord> find_pack(const std::string& sha256) const = 0;

    // Fails (false) if the version is not higher than every published notices document's.
    virtual bool add_notices(const NoticesRecord& notices) = 0;
    virtual std::optional<NoticesRecord> latest_notices() const = 0;

    // Keeps each kiosk's latest heartbeat (a JSON object).
    virtual void record_heartbeat(const std::string& kiosk, const std::string& json) = 0;
    // Ordered by kiosk name, byte by byte.
    virtual std::vector<HeartbeatRecord> heartbeats() const = 0;

    // Keeps each day's usage figures per (kiosk, day), all days of one call in one transaction: a day sent
    // again replaces what was stored for it (a resend never doubles a count).
    virtual void record_usage(const std::string& kiosk, const std::vector<sync::UsageDay>& days) = 0;
    // Usage figures summed over kiosks per centre, month (YYYY-MM) and name, ordered by those three compared
    // byte by byte.
    virtual std::vector<UsageCount> usage_counts() const = 0;
};

// True for a PostgreSQL connection URI ("postgresql://..." or "postgres://...").
bool is_postgres_store(const std::string& setting);
// The hub's store as its config names it: `setting` empty means the SQLite file in `data_dir` (which must
// exist); a PostgreSQL URI means that database. Creates or migrates the schema. Throws std::runtime_error
// saying what failed (an unreachable database, a store written by a newer Lantern, a setting it does not
// know).
std::unique_ptr<HubStore> open_store(const std::string& setting, const std::filesystem::path& data_dir);

}  // namespace lantern::hub
