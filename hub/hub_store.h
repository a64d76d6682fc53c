// The hub's SQLite store (WAL): kiosks and admin tokens (hashed), referrals, packs, heartbeats.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "sync/protocol.h"

namespace lantern::hub {

// 32 random bytes as URL-safe base64 with a prefix saying what the token is for.
std::string new_token(const std::string& prefix);

enum class StoreOutcome { created, duplicate, conflict };

struct StoredReferral {
    StoreOutcome outcome = StoreOutcome::created;
    sync::Receipt receipt;  // for created and duplicate
};

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

struct ReportCount {
    std::string centre, month, need;
    std::int64_t count = 0;
};

struct HeartbeatRecord {
    std::string kiosk, received_at, json;
};

class HubStore {
   public:
    explicit HubStore(const std::filesystem::path& db_path);
    // The schema (PRAGMA user_version) this code writes: the number of its migrations.
    static int schema_version();

    // Creates the kiosk, or gives an existing one a new token (the old one stops working). Returns the
    // token; only its SHA-256 is stored.
    std::string enrol_kiosk(const std::string& name);
    std::string create_admin_token(const std::string& label);
    // The kiosk name for a valid kiosk token.
    std::optional<std::string> kiosk_for_token(const std::string& token) const;
    bool is_admin_token(const std::string& token) const;

    // Idempotent on id: the same id and body hash gives the stored receipt again, a different body
    // (or kiosk) gives conflict. `body_hash` is a hash of the canonical body. Returns only once the row is
    // durable (synchronous=FULL). Concurrent callers share one commit (group commit): whoever finds no
    // commit under way writes every waiting referral in one transaction, so 20 kiosks posting at once cost
    // one fsync, not 20 in a row.
    StoredReferral store_referral(const sync::ReferralPost& post, const std::string& body_hash);
    std::vector<ReferralRecord> referrals_after(std::int64_t after, int limit, bool include_exported) const;
    int mark_exported(const std::vector<std::string>& ids);
    // Deletes the sealed answers of referrals exported before `cutoff` (UTC ISO, as exported_at). The row
    // stays: its id and body hash keep a late retry safe, its summary keeps the anonymised report whole.
    // secure_delete overwrites the freed pages. Returns how many were purged. Exported referrals only.
    int purge_exported_before(const std::string& cutoff);
    std::int64_t referral_count() const;
    std::vector<ReportCount> need_counts() const;

    // Fails (false) if the version is not newer than every published pack.
    bool add_pack(const PackRecord& pack);
    std::optional<PackRecord> latest_pack() const;
    std::optional<PackRecord> find_pack(const std::string& sha256) const;

    void record_heartbeat(const std::string& kiosk, const std::string& json);
    std::vector<HeartbeatRecord> heartbeats() const;

   private:
    struct PendingReferral;
    void commit_referrals(const std::vector<PendingReferral*>& batch);
    StoredReferral store_one_locked(const sync::ReferralPost& post, const std::string& body_hash);
    void migrate();
    std::optional<std::string> name_for_hash(const char* sql, const std::string& token) const;
    mutable std::mutex mutex_;
    mutable SQLite::Database db_;
    // Group commit of referrals: guarded by group_mutex_, never held while waiting on mutex_'s work.
    std::mutex group_mutex_;
    std::condition_variable group_done_;
    std::vector<PendingReferral*> group_queue_;
    bool group_committing_ = false;
};

}  // namespace lantern::hub
