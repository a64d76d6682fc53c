// The kiosk's referral outbox and sync state (SQLite, WAL, synchronous=FULL); safe to share across threads.
#pragma once

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "sync/protocol.h"

namespace lantern::sync {

// What the kiosk hands over on submit: the answers already sealed to the hub's key, plus the
// non-identifying summary. The outbox never sees plaintext.
struct SealedReferral {
    std::string form_version;
    Bytes sealed;
    ReferralSummary summary;
};

// What the visitor is shown after submitting.
struct SubmittedReferral {
    std::string id;
    std::string reference_code;  // 8 characters; show with format_reference_code() as "ABCD-EFGH"
    std::string created;
};

enum class OutboxState { queued, delivered, refused };
const char* to_string(OutboxState s);

struct OutboxRow {
    std::int64_t seq = 0;
    std::string id;
    std::string reference_code;
    std::string created;
    std::string form_version;
    Bytes sealed;  // empty once delivered
    ReferralSummary summary;
    OutboxState state = OutboxState::queued;
    int attempts = 0;
    std::string last_error;
    std::string delivered_at;
};

struct OutboxDepth {
    std::int64_t queued = 0;
    std::int64_t refused = 0;
    std::int64_t delivered = 0;
};

class OutboxStore {
   public:
    // Creates or migrates the file; throws std::runtime_error (SQLite::Exception) if it cannot.
    explicit OutboxStore(const std::filesystem::path& path);

    // Validates the summary (std::invalid_argument if bad), commits one queued row and returns only after
    // the commit is durable.
    SubmittedReferral submit(const SealedReferral& referral);

    // Queued rows, oldest first; refused and delivered rows are never returned.
    std::vector<OutboxRow> next_queued(int limit) const;
    std::optional<OutboxRow> find(const std::string& id) const;
    // Refused rows for staff to see (without ciphertext).
    std::vector<OutboxRow> refused() const;

    // Drops the ciphertext and keeps id, reference and delivered time. False if not queued.
    bool mark_delivered(const std::string& id, const std::string& delivered_at);
    // Kept aside (ciphertext kept) for staff; the queue skips it from now on.
    bool mark_refused(const std::string& id, const std::string& error);
    // Counts an attempt that will be retried.
    void note_attempt_failed(const std::string& id, const std::string& error);
    // Puts a refused row back in the queue (staff action after fixing the cause).
    bool requeue(const std::string& id);
    // Puts kept-aside rows back in the queue; returns how many. With max_auto_requeues >= 0 (the worker,
    // after a hub answer proved the path) only rows requeued that way fewer times than that, each counted;
    // with -1 (staff's "Try kept-aside referrals again") every kept-aside row, and the counts start again.
    int requeue_refused(int max_auto_requeues);

    OutboxDepth depth() const;
    // PRAGMA quick_check answered "ok".
    bool integrity_ok() const;

    // Small key/value state of the sync worker (pack versions, manifest ETag, last success).
    std::optional<std::string> get_state(const std::string& key) const;
    void set_state(const std::string& key, const std::string& value);
    void erase_state(const std::string& key);
    // Several keys set (a value) or erased (nullopt) in one transaction: a power cut leaves all or none, so a
    // pack switch can never leave the current pack's path beside another pack's version.
    void update_state(const std::vector<std::pair<std::string, std::optional<std::string>>>& changes);

   private:
    void migrate();
    mutable std::mutex mutex_;
    mutable SQLite::Database db_;
};

}  // namespace lantern::sync
