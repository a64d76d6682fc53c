// The kiosk's link to the hub: the sealed referral outbox, the sink the form submits to, and the
// background sync worker, all made from the kiosk config.
#pragma once

#include <atomic>
#include <functional>
#include <mutex>
#include <thread>
#include <memory>
#include <optional>
#include <string>

#include "kiosk/parts/config.h"
#include "kiosk/parts/referral_sink.h"
#include "kiosk/staff/staff_desk.h"
#include "sync/outbox_store.h"
#include "sync/sync_worker.h"
#include "sync/usage_store.h"

namespace lantern::kiosk {

// Seals each referral to the hub's referral public key and commits it to the outbox before returning.
// The kiosk holds only the public key, so it can never read what it has stored.
class OutboxReferralSink : public ReferralSink {
   public:
    OutboxReferralSink(sync::OutboxStore& outbox, sync::Bytes referral_public_key, std::function<void()> on_submitted);
    SubmitResult submit(const std::string& form_version, const std::string& answers_json,
                        const ReferralSummary& summary) override;
    // Referrals that could not be stored (a full or read-only disk), and the last error: for staff.
    int failures() const { return failures_; }
    std::string last_failure() const;

   private:
    std::atomic<int> failures_{0};
    mutable std::mutex failure_mutex_;
    std::string last_failure_;
    sync::OutboxStore& outbox_;
    sync::Bytes public_key_;
    std::function<void()> on_submitted_;
};

using ImportStatus = StaffImportStatus;

// Everything made from the config. `sink` is null when the config names no referral key (referrals
// then cannot be taken, and the form says so); `worker` is null when no hub is configured, and the
// outbox simply waits.
class KioskSync {
   public:
    // Throws std::runtime_error with a clear message (naming the file or key) when the config points at
    // a missing or bad key file or an outbox that cannot be opened.
    KioskSync(const KioskConfig& config, const std::string& installed_pack_version, std::function<void()> on_change);
    ~KioskSync();  // stop()s
    // Joins a running USB import and stops the worker: afterwards no thread of this object runs or calls
    // on_change. Idempotent.
    void stop();

    std::shared_ptr<ReferralSink> sink() const { return sink_; }
    // Referrals the visitor was told could not be saved since start, with the last error (staff screen).
    int referral_failures() const { return sink_ ? sink_->failures() : 0; }
    std::string last_referral_failure() const { return sink_ ? sink_->last_failure() : ""; }
    // For the staff screen and logs: never personal data.
    std::optional<sync::SyncStatus> status() const;
    // The usage figures' store in the data folder (sent with each heartbeat), or null if it could not open.
    std::shared_ptr<sync::UsageStore> usage_store() const { return usage_; }
    // A verified newer pack to open at the next session start, if one arrived.
    std::optional<sync::PackInfo> take_pending_pack();
    // The pack last switched to (after a restart, open this rather than the bundled one).
    std::optional<sync::PackInfo> current_pack() const;
    // The pack in use before that one: the last good pack to fall back to.
    std::optional<sync::PackInfo> previous_pack() const;
    // The hub's notices for this centre, every date (none without a hub or a content-signing key).
    std::vector<sync::HubNotice> hub_notices() const;
    // Staff: ask the worker for a pass now (no-op without a hub).
    void sync_now();
    // Staff: every kept-aside referral back to the queue (sent at the next pass). Returns how many.
    int retry_kept_aside();
    // Staff: a signed pack from a USB stick becomes the pending pack, shown from the next visitor on.
    // Imported, or why not (nothing changes). Runs on the caller's thread: see start_import.
    Result<> import_pack(const std::filesystem::path& pack, const sync::ImportProgress& progress = {});
    // Staff: the same on a background thread, so neither the staff screen nor a visitor's ever waits for a
    // stick (a big or slow one took seconds). Started, or why not (one is running already).
    Result<> start_import(const std::filesystem::path& pack);
    // The running or last import, for the staff screen; `revision` changes whenever anything else does.
    ImportStatus import_status() const;
    // Tests: runs on the import thread before the import itself.
    void set_import_gate(std::function<void()> gate) { import_gate_ = std::move(gate); }
    // The kiosk could not use its newest pack and fell back (why): shown to staff, sent in the heartbeat.
    void set_pack_fault(const std::string& fault);
    // The settings the kiosk runs with, for the heartbeat (no-op without a hub).
    void set_settings(const sync::KioskSettings& settings);
    std::string pack_fault() const;
    // The status snapshot's revision: changes (on whichever thread) after anything status(), import_status()
    // or pack_fault() report changed, before `on_change` is called. Read it before the status, so a change
    // between the two is never missed (at worst the screen is rebuilt once more).
    std::uint64_t revision() const { return revision_.load(); }

   private:
    void changed();  // bumps the revision, then calls on_change
    std::unique_ptr<sync::OutboxStore> outbox_;
    std::shared_ptr<sync::UsageStore> usage_;
    std::unique_ptr<sync::SyncWorker> worker_;
    std::shared_ptr<OutboxReferralSink> sink_;
    sync::Bytes content_key_;
    std::filesystem::path packs_dir_;
    std::string installed_version_;
    std::atomic<bool> pending_offline_{false};  // no hub: a USB import is waiting for the next session
    std::function<void()> on_change_;
    std::atomic<std::uint64_t> revision_{0};
    std::function<void()> import_gate_;
    mutable std::mutex import_mutex_;  // guards import_, pack_fault_
    ImportStatus import_;
    std::string pack_fault_;
    std::thread importer_;
};

}  // namespace lantern::kiosk
