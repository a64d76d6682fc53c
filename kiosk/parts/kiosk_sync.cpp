// Builds the outbox, sink and sync worker from the kiosk config.
#include "kiosk/parts/kiosk_sync.h"

#include <filesystem>
#include <iostream>
#include <stdexcept>

#include "sync/durable_db.h"
#include "sync/encoding.h"
#include "sync/pack_update.h"
#include "sync/sealing.h"

namespace lantern::kiosk {

OutboxReferralSink::OutboxReferralSink(sync::OutboxStore& outbox, sync::Bytes referral_public_key,
                                       std::function<void()> on_submitted)
    : outbox_(outbox), public_key_(std::move(referral_public_key)), on_submitted_(std::move(on_submitted)) {}

SubmitResult OutboxReferralSink::submit(const std::string& form_version, const std::string& answers_json,
                                        const ReferralSummary& summary) {
    try {
        sync::SealedReferral r{form_version, sync::seal(answers_json, public_key_), summary};
        auto stored = outbox_.submit(r);  // durable (synchronous=FULL) before it returns
        if (on_submitted_) on_submitted_();
        return {sync::format_reference_code(stored.reference_code), ""};
    } catch (const std::exception& e) {
        // Errors from sealing or SQLite name no answer: only the summary's shape or the disk's state.
        {
            std::lock_guard lock(failure_mutex_);
            last_failure_ = e.what();
        }
        ++failures_;
        return {"", e.what()};
    }
}

std::string OutboxReferralSink::last_failure() const {
    std::lock_guard lock(failure_mutex_);
    return last_failure_;
}

KioskSync::KioskSync(const KioskConfig& config, const std::string& installed_pack_version,
                     std::function<void()> on_change)
    : on_change_(on_change) {
    if (config.referral_public_key.empty()) return;  // no key: this kiosk cannot take referrals
    if (config.data_dir.empty())
        throw std::runtime_error("paths.data: needed to keep referrals safe until they reach the hub");
    auto key = sync::read_key_file(config.referral_public_key, sync::k_referral_public_key_bytes);
    sync::create_private_dir(config.data_dir);  // referrals and packs: this kiosk's alone, whatever the umask
    outbox_ = std::make_unique<sync::OutboxStore>(std::filesystem::path(config.data_dir) / "outbox.sqlite");
    try {
        usage_ = std::make_shared<sync::UsageStore>(std::filesystem::path(config.data_dir) / "usage.sqlite");
    } catch (const std::exception& e) {
        // Figures are worth less than referrals: the kiosk goes on without them, and says why.
        std::cerr << "lantern: usage figures will not be kept: " << e.what() << "\n";
    }

    installed_version_ = installed_pack_version;
    if (!config.content_public_key.empty()) {
        content_key_ = sync::read_key_file(config.content_public_key, sync::k_signing_public_key_bytes);
        packs_dir_ = std::filesystem::path(config.data_dir) / "packs";
    }
    pending_offline_ = config.hub_url.empty() && sync::pending_pack(*outbox_).has_value();
    if (!config.hub_url.empty()) {
        sync::SyncWorkerOptions o;
        o.hub.base_url = config.hub_url;
        o.hub.token = config.hub_token;
        o.hub.ca_file = config.ca_file;
        o.hub.pinned_public_key = config.pinned_public_key;
        o.kiosk_name = config.name;
        o.centre = config.centre;
        o.installed_pack_version = installed_pack_version;
        o.content_public_key = content_key_;
        o.packs_dir = content_key_.empty() ? std::filesystem::path() : packs_dir_;
        o.on_change = [this] { changed(); };
        o.usage = usage_.get();
        worker_ = std::make_unique<sync::SyncWorker>(*outbox_, std::move(o));
    }
    sync::SyncWorker* worker = worker_.get();
    sink_ = std::make_shared<OutboxReferralSink>(*outbox_, std::move(key), [worker] {
        if (worker) worker->wake();
    });
    if (worker_) worker_->start();
}

KioskSync::~KioskSync() { stop(); }

void KioskSync::stop() {
    if (importer_.joinable()) importer_.join();
    if (worker_) worker_->stop();
}

std::optional<sync::SyncStatus> KioskSync::status() const {
    if (!worker_) return std::nullopt;
    return worker_->status();
}

std::optional<sync::PackInfo> KioskSync::take_pending_pack() {
    if (worker_) return worker_->take_pending_pack();
    // No hub: only a USB import makes a pack pending; a flag, so the attract screen reads no SQLite per frame.
    if (!pending_offline_ || !outbox_) return std::nullopt;
    pending_offline_ = false;
    return sync::take_pending_pack(*outbox_);
}

std::vector<sync::HubNotice> KioskSync::hub_notices() const {
    if (!worker_) return {};
    return worker_->hub_notices();
}

void KioskSync::sync_now() {
    if (worker_) worker_->sync_now();
}

int KioskSync::retry_kept_aside() {
    if (worker_) return worker_->retry_kept_aside();
    return outbox_ ? outbox_->requeue_refused(-1) : 0;
}

Result<> KioskSync::import_pack(const std::filesystem::path& pack, const sync::ImportProgress& progress) {
    if (!outbox_) return Error{"Not imported: this kiosk has no data folder (paths.data) to keep a pack in."};
    if (content_key_.empty())
        return Error{
            "Not imported: this kiosk has no content-signing key (hub.content_public_key) to check packs with."};
    // The sync library's import says "" for done (it is shared with the hub's tools): turned into a Result here.
    auto result = [](std::string why) -> Result<> {
        if (why.empty()) return {};
        return Error{std::move(why)};
    };
    if (worker_) return result(worker_->import_pack(pack, progress));
    std::string current = installed_version_;
    for (auto p : {sync::current_pack(*outbox_), sync::pending_pack(*outbox_)})
        if (p && (current.empty() || sync::compare_versions(p->version, current) > 0)) current = p->version;
    std::string version;
    std::string why = sync::import_signed_pack(*outbox_, pack, packs_dir_, content_key_, current, version, progress);
    if (why.empty()) pending_offline_ = true;
    return result(std::move(why));
}

Result<> KioskSync::start_import(const std::filesystem::path& pack) {
    {
        std::lock_guard lock(import_mutex_);
        if (import_.running) return Error{"A pack is being checked already. Wait for it to finish."};
        import_.running = true;
        import_.percent = 0;
        import_.message.clear();
        import_.problem = false;
        ++import_.revision;
    }
    changed();
    if (importer_.joinable()) importer_.join();  // the last one has finished: running was false
    importer_ = std::thread([this, pack] {
        if (import_gate_) import_gate_();
        int last_percent = -1;
        auto progress = [&](std::int64_t done, std::int64_t total) {
            int percent = total > 0 ? static_cast<int>(done * 100 / total) : 0;
            if (percent == last_percent) return;  // at most 100 redraws
            last_percent = percent;
            {
                std::lock_guard lock(import_mutex_);
                import_.percent = percent;
                ++import_.revision;
            }
            changed();
        };
        std::string why;
        try {
            if (Result<> done = import_pack(pack, progress); !done) why = done.error().message;
        } catch (const std::exception& e) {
            why = std::string("Not imported: ") + e.what();
        }
        {
            std::lock_guard lock(import_mutex_);
            import_.running = false;
            import_.percent = 100;
            import_.problem = !why.empty();
            import_.message = why.empty() ? "Content imported. The next visitor sees it." : why;
            ++import_.revision;
        }
        changed();
    });
    return {};
}

ImportStatus KioskSync::import_status() const {
    std::lock_guard lock(import_mutex_);
    return import_;
}

void KioskSync::set_pack_fault(const std::string& fault) {
    {
        std::lock_guard lock(import_mutex_);
        pack_fault_ = fault;
    }
    if (worker_) worker_->set_pack_fault(fault);
    changed();
}

void KioskSync::set_settings(const sync::KioskSettings& settings) {
    if (worker_) worker_->set_settings(settings);
}

void KioskSync::changed() {
    ++revision_;
    if (on_change_) on_change_();
}

std::string KioskSync::pack_fault() const {
    std::lock_guard lock(import_mutex_);
    return pack_fault_;
}

std::optional<sync::PackInfo> KioskSync::previous_pack() const {
    if (!outbox_) return std::nullopt;
    return sync::previous_pack(*outbox_);
}

std::optional<sync::PackInfo> KioskSync::current_pack() const {
    if (!outbox_) return std::nullopt;
    return sync::current_pack(*outbox_);
}

}  // namespace lantern::kiosk
