// The kiosk's background sync thread: drains the outbox, fetches content packs, sends heartbeats.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "sync/hub_client.h"
#include "sync/notices.h"
#include "sync/outbox_store.h"
#include "sync/pack_update.h"
#include "sync/usage_store.h"

namespace lantern::sync {

// A kept-aside referral goes back to the queue by itself at most this many times, each after a hub answer
// proved the path (a receipt for another referral, or a verified heartbeat): enough to undo a hub hiccup,
// bounded so one the hub truly refuses does not loop. Staff can always try again.
inline constexpr int k_max_auto_requeues = 3;

struct SyncWorkerOptions {
    HubClientOptions hub;
    std::string kiosk_name;
    std::string app_version = "0.1.0";
    // Content updates: new packs are written here. Empty packs_dir or key: content sync is off.
    std::filesystem::path packs_dir;
    Bytes content_public_key;
    std::string installed_pack_version;  // the pack shipped with / first opened by the kiosk
    // Notices from the hub are checked with content_public_key too (empty: none are taken); the kiosk keeps
    // those for "all" and for this centre ([kiosk] centre).
    std::string centre;

    std::chrono::milliseconds backoff_initial{2'000};
    std::chrono::milliseconds backoff_max{300'000};
    std::chrono::milliseconds manifest_interval{300'000};
    std::chrono::milliseconds heartbeat_interval{300'000};
    std::chrono::milliseconds idle_interval{60'000};  // re-check the outbox even without wake()
    int batch = 25;
    // Usage figures sent with each heartbeat, days the hub stored acknowledged there; null: none. Must outlive
    // the worker. `today` is the kiosk's local date (tests set it).
    UsageStore* usage = nullptr;
    std::function<std::string()> today = [] { return local_date(); };
    // Called on the worker thread after the status changed (e.g. glfwPostEmptyEvent). Must not throw.
    std::function<void()> on_change;
};

// A copy the UI thread can read at any time.
struct SyncStatus {
    std::int64_t outbox_depth = 0;  // queued, not yet delivered
    std::int64_t refused = 0;       // kept aside for staff
    std::int64_t delivered = 0;
    std::string last_success;  // UTC ISO of the last answer from the hub, or empty
    std::string last_error;    // empty after a success; never personal data
    std::string pack_version;  // the pack in use
    std::string pending_pack_version;
    std::string pack_fault;            // the kiosk fell back from a pack it could not use, and why
    std::int64_t notices_version = 0;  // the hub's notices document held (0: none yet)
    std::int64_t notices_count = 0;    // how many of its notices are for this centre
    std::string notices_fault;         // why the last document offered was refused (the old one stays), or empty
    int consecutive_failures = 0;
    bool running = false;
};

class SyncWorker {
   public:
    // `outbox` must outlive the worker.
    SyncWorker(OutboxStore& outbox, SyncWorkerOptions options);
    ~SyncWorker();  // stop()s
    SyncWorker(const SyncWorker&) = delete;
    SyncWorker& operator=(const SyncWorker&) = delete;

    void start();
    // Ask for a pass now (after a submission).
    void wake();
    // Staff's "sync now": a pass now with a heartbeat, so "Last reached the hub" says whether it can.
    void sync_now();
    // Stops and joins; an in-flight transfer is aborted within about a second.
    void stop();

    SyncStatus status() const;
    // The hub's notices for this centre (every date: the kiosk picks the day's), from the newest good document.
    std::vector<HubNotice> hub_notices() const;

    // At a session start: the new pack (now current), or nullopt to keep the one in use.
    std::optional<PackInfo> take_pending_pack();
    // Staff import from a USB stick (see import_signed_pack): empty on success, else why not.
    std::string import_pack(const std::filesystem::path& pack, const ImportProgress& progress = {});
    // The kiosk could not use its newest pack and fell back (why, for staff and the hub); empty: all well.
    void set_pack_fault(const std::string& fault);
    // The settings the kiosk now runs with, for the heartbeat (sent at the next pass when they change).
    void set_settings(const KioskSettings& settings);
    // Staff: every kept-aside referral back to the queue, and a pass now. Returns how many.
    int retry_kept_aside();

   private:
    void run();
    void pass(bool& failed);
    bool drain_outbox();  // false on a retryable failure
    void check_content();
    void check_notices();
    void load_notices();
    void refuse_notices(const std::string& why, const std::string& etag);
    void send_heartbeat();
    void note_success();
    void path_proven();  // a hub answer bound to this kiosk: give kept-aside referrals another go
    void note_error(const std::string& error);
    void refresh_depth();
    void changed();
    std::string current_version_locked() const;

    OutboxStore& outbox_;
    SyncWorkerOptions options_;
    std::unique_ptr<HubClient> client_;

    mutable std::mutex mutex_;  // guards status_, settings_, woken_
    std::condition_variable cv_;
    SyncStatus status_;
    std::optional<KioskSettings> settings_;  // reported once the kiosk has set them
    bool woken_ = false;
    std::atomic<bool> stopping_{false};
    std::atomic<bool> heartbeat_soon_{false};
    std::atomic<bool> content_soon_{false};  // staff's "sync now": packs and notices too, not in five minutes
    std::vector<HubNotice> notices_;         // guarded by mutex_
    std::string refused_notices_etag_;       // the worker thread's: the document it refused, not fetched again
    std::mutex pack_mutex_;                  // serialises installing a pending pack and taking it
    std::thread thread_;

    std::chrono::steady_clock::time_point next_manifest_{};
    std::chrono::steady_clock::time_point next_heartbeat_{};
};

}  // namespace lantern::sync
