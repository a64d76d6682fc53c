// The kiosk's link to the hub: the sealed referral outbox, the sink the form submits to, and the
// background sync worker, all made from the kiosk config.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "kiosk/config.h"
#include "kiosk/referral_sink.h"
#include "sync/outbox_store.h"
#include "sync/sync_worker.h"

namespace lantern::kiosk {

// Seals each referral to the hub's referral public key and commits it to the outbox before returning.
// The kiosk holds only the public key, so it can never read what it has stored.
class OutboxReferralSink : public ReferralSink {
   public:
    OutboxReferralSink(sync::OutboxStore& outbox, sync::Bytes referral_public_key, std::function<void()> on_submitted);
    SubmitResult submit(const std::string& form_version, const std::string& answers_json,
                        const ReferralSummary& summary) override;

   private:
    sync::OutboxStore& outbox_;
    sync::Bytes public_key_;
    std::function<void()> on_submitted_;
};

// Everything made from the config. `sink` is null when the config names no referral key (referrals
// then cannot be taken, and the form says so); `worker` is null when no hub is configured, and the
// outbox simply waits.
class KioskSync {
   public:
    // Throws std::runtime_error with a clear message (naming the file or key) when the config points at
    // a missing or bad key file or an outbox that cannot be opened.
    KioskSync(const KioskConfig& config, const std::string& installed_pack_version, std::function<void()> on_change);
    ~KioskSync();

    std::shared_ptr<ReferralSink> sink() const { return sink_; }
    // For the staff screen and logs: never personal data.
    std::optional<sync::SyncStatus> status() const;
    // Anonymous counters for the next heartbeat.
    void set_usage_counts(const std::map<std::string, std::int64_t>& counts);
    // A verified newer pack to open at the next session start, if one arrived.
    std::optional<sync::PackInfo> take_pending_pack();
    // The pack last switched to (after a restart, open this rather than the bundled one).
    std::optional<sync::PackInfo> current_pack() const;
    // Staff: ask the worker for a pass now (no-op without a hub).
    void sync_now();
    // Staff: a signed pack from a USB stick becomes the pending pack, shown from the next visitor on.
    // Empty on success, else why not (nothing changes).
    std::string import_pack(const std::filesystem::path& pack);

   private:
    std::unique_ptr<sync::OutboxStore> outbox_;
    std::unique_ptr<sync::SyncWorker> worker_;
    std::shared_ptr<ReferralSink> sink_;
    sync::Bytes content_key_;
    std::filesystem::path packs_dir_;
    std::string installed_version_;
    bool pending_offline_ = false;  // no hub: a USB import is waiting for the next session
};

}  // namespace lantern::kiosk
