// The sync loop: outbox oldest first with capped, jittered exponential backoff; content; heartbeat.
#include "sync/sync_worker.h"

#include <algorithm>
#include <random>

#include "sync/durable_db.h"

namespace lantern::sync {

using Clock = std::chrono::steady_clock;

namespace {
// A few days a heartbeat: a kiosk back after a long time away catches up at one heartbeat a day's worth.
constexpr std::size_t k_usage_days_per_heartbeat = 3;
constexpr std::size_t k_usage_body_budget = 48 * 1024;  // the hub takes 64 KiB (max_json_bytes) by default
}  // namespace

SyncWorker::SyncWorker(OutboxStore& outbox, SyncWorkerOptions options) : outbox_(outbox), options_(std::move(options)) {
    client_ = std::make_unique<HubClient>(options_.hub);
    client_->set_cancel_flag(&stopping_);
    auto current = outbox_.get_state(state_key::current_pack_version);
    status_.pack_version = options_.installed_pack_version;
    if (current && compare_versions(*current, status_.pack_version) > 0) status_.pack_version = *current;
    if (auto p = pending_pack(outbox_)) status_.pending_pack_version = p->version;
    status_.last_success = outbox_.get_state(state_key::last_success).value_or("");
    load_notices();
    auto d = outbox_.depth();
    status_.outbox_depth = d.queued;
    status_.refused = d.refused;
    status_.delivered = d.delivered;
}

SyncWorker::~SyncWorker() { stop(); }

void SyncWorker::start() {
    if (thread_.joinable()) return;
    stopping_ = false;
    {
        std::lock_guard lock(mutex_);
        status_.running = true;
    }
    thread_ = std::thread([this] { run(); });
}

void SyncWorker::wake() {
    {
        std::lock_guard lock(mutex_);
        woken_ = true;
    }
    cv_.notify_all();
}

void SyncWorker::sync_now() {
    heartbeat_soon_ = true;
    content_soon_ = true;
    wake();
}

void SyncWorker::stop() {
    stopping_ = true;
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
    std::lock_guard lock(mutex_);
    status_.running = false;
}

SyncStatus SyncWorker::status() const {
    std::lock_guard lock(mutex_);
    return status_;
}

std::vector<HubNotice> SyncWorker::hub_notices() const {
    std::lock_guard lock(mutex_);
    return notices_;
}

void SyncWorker::load_notices() {
    if (options_.content_public_key.empty()) return;
    auto document = outbox_.get_state(state_key::notices_document);
    auto signature = outbox_.get_state(state_key::notices_signature);
    if (!document || !signature) return;
    // Checked again as it is read back: a file changed on the disk is no more trusted than the network.
    SignedNotices kept{*document, from_base64(*signature).value_or(Bytes{})};
    auto doc = open_signed_notices(kept, options_.content_public_key);
    if (!doc) {
        status_.notices_fault = "the kept notices no longer check (" + doc.error + "); none are shown";
        outbox_.set_state(state_key::notices_etag, "");  // fetch the hub's document afresh, not "not modified"
        return;
    }
    notices_ = notices_for_centre(*doc.value, options_.centre);
    status_.notices_version = doc.value->version;
    status_.notices_count = static_cast<std::int64_t>(notices_.size());
}

void SyncWorker::refuse_notices(const std::string& why, const std::string& etag) {
    // Not fetched again while this kiosk runs, but remembered in memory only: once the key is put right or the
    // kiosk is updated, a restart looks at the same document again instead of being told "not modified".
    refused_notices_etag_ = etag;
    note_error(why);
    {
        std::lock_guard lock(mutex_);
        status_.notices_fault = why;
    }
    changed();
}

void SyncWorker::check_notices() {
    if (options_.content_public_key.empty()) return;
    std::string etag = !refused_notices_etag_.empty() ? refused_notices_etag_
                                                      : outbox_.get_state(state_key::notices_etag).value_or("");
    auto out = client_->get_notices(etag);
    if (out.kind == NoticesOutcome::Kind::error) {
        note_error(out.error);
        return;
    }
    if (out.kind != NoticesOutcome::Kind::updated) return;  // unchanged, or none published: keep what we hold
    auto doc = open_signed_notices(out.notices, options_.content_public_key);
    if (!doc) return refuse_notices(doc.error, out.etag);
    std::int64_t held = 0;
    {
        std::lock_guard lock(mutex_);
        held = status_.notices_version;
    }
    if (doc.value->version <= held) {
        if (doc.value->version == held && outbox_.get_state(state_key::notices_document) == out.notices.document) {
            outbox_.set_state(state_key::notices_etag, out.etag);  // the same document again
            return;
        }
        return refuse_notices("notices: version " + std::to_string(doc.value->version) +
                                  " is not newer than the version " + std::to_string(held) + " this kiosk holds",
                              out.etag);
    }
    // One transaction: after a power cut the kiosk holds the old document or the new one, never half of each.
    outbox_.update_state({{state_key::notices_document, out.notices.document},
                          {state_key::notices_signature, to_base64(out.notices.signature)},
                          {state_key::notices_etag, out.etag}});
    {
        std::lock_guard lock(mutex_);
        notices_ = notices_for_centre(*doc.value, options_.centre);
        status_.notices_version = doc.value->version;
        status_.notices_count = static_cast<std::int64_t>(notices_.size());
        status_.notices_fault.clear();
    }
    heartbeat_soon_ = true;  // the support team sees the new version arrive at the next pass, not in five minutes
    wake();
    changed();
}

std::optional<PackInfo> SyncWorker::take_pending_pack() {
    {
        // The kiosk asks between visitors, frame by frame: answer from memory unless a pack is waiting.
        std::lock_guard lock(mutex_);
        if (status_.pending_pack_version.empty()) return std::nullopt;
    }
    std::optional<PackInfo> p;
    {
        // Never wait here: a USB import holds the lock for as long as the stick takes, and the kiosk asks
        // from its drawing thread. Busy now: the kiosk asks again next frame.
        std::unique_lock pack_lock(pack_mutex_, std::try_to_lock);
        if (!pack_lock.owns_lock()) return std::nullopt;
        p = sync::take_pending_pack(outbox_);
    }
    if (p) {
        std::lock_guard lock(mutex_);
        status_.pack_version = p->version;
        status_.pending_pack_version.clear();
    }
    return p;
}

void SyncWorker::set_pack_fault(const std::string& fault) {
    {
        std::lock_guard lock(mutex_);
        status_.pack_fault = fault;
    }
    heartbeat_soon_ = true;  // tell the hub at the next pass, not in five minutes
    wake();
}

void SyncWorker::set_settings(const KioskSettings& settings) {
    {
        std::lock_guard lock(mutex_);
        if (settings_ == settings) return;
        settings_ = settings;
    }
    heartbeat_soon_ = true;
    wake();
}

void SyncWorker::changed() {
    if (options_.on_change) options_.on_change();
}

void SyncWorker::note_success() {
    std::string now = utc_now_iso();
    outbox_.set_state(state_key::last_success, now);
    std::lock_guard lock(mutex_);
    status_.last_success = now;
    status_.last_error.clear();
    status_.consecutive_failures = 0;
}

void SyncWorker::path_proven() {
    {
        std::lock_guard lock(mutex_);
        if (status_.refused == 0) return;  // the common case: no SQLite write per delivery
    }
    if (outbox_.requeue_refused(k_max_auto_requeues) > 0) {
        refresh_depth();
        std::lock_guard lock(mutex_);
        woken_ = true;  // send them in the next pass, not after the idle wait
    }
}

int SyncWorker::retry_kept_aside() {
    int n = outbox_.requeue_refused(-1);
    refresh_depth();
    wake();
    changed();
    return n;
}

void SyncWorker::note_error(const std::string& error) {
    // A transfer cut short by stop() did not fail: keep the last real state for staff to read.
    if (stopping_) return;
    std::lock_guard lock(mutex_);
    status_.last_error = error;
}

void SyncWorker::refresh_depth() {
    auto d = outbox_.depth();
    std::lock_guard lock(mutex_);
    status_.outbox_depth = d.queued;
    status_.refused = d.refused;
    status_.delivered = d.delivered;
}

std::string SyncWorker::import_pack(const std::filesystem::path& pack, const ImportProgress& progress) {
    std::string version;
    std::string why;
    {
        std::lock_guard pack_lock(pack_mutex_);
        why = import_signed_pack(outbox_, pack, options_.packs_dir, options_.content_public_key,
                                 current_version_locked(), version, progress);
    }
    if (why.empty()) {
        std::lock_guard lock(mutex_);
        status_.pending_pack_version = version;
    }
    changed();
    return why;
}

std::string SyncWorker::current_version_locked() const {
    std::lock_guard lock(mutex_);
    std::string v = status_.pack_version;
    if (!status_.pending_pack_version.empty() && compare_versions(status_.pending_pack_version, v) > 0)
        v = status_.pending_pack_version;
    return v;
}

bool SyncWorker::drain_outbox() {
    while (!stopping_) {
        auto rows = outbox_.next_queued(options_.batch);
        if (rows.empty()) return true;
        for (const auto& row : rows) {
            if (stopping_) return true;
            ReferralPost post{row.id,           options_.kiosk_name, row.reference_code, row.created,
                              row.form_version, row.sealed,          row.summary};
            PostOutcome out = client_->post_referral(post);
            switch (out.delivery) {
                case Delivery::delivered:
                    outbox_.mark_delivered(row.id, out.receipt->received_at);
                    note_success();
                    path_proven();
                    break;
                case Delivery::refused:
                    // One bad referral must not block the queue: set it aside for staff and go on.
                    outbox_.mark_refused(row.id, out.error);
                    note_success();  // the hub answered
                    note_error(out.error);
                    break;
                case Delivery::retry:
                    outbox_.note_attempt_failed(row.id, out.error);
                    note_error(out.error);
                    refresh_depth();
                    changed();
                    return false;
            }
        }
        refresh_depth();
        changed();
    }
    return true;
}

void SyncWorker::check_content() {
    if (options_.packs_dir.empty() || options_.content_public_key.empty()) return;
    auto etag = outbox_.get_state(state_key::manifest_etag).value_or("");
    auto m = client_->get_manifest(etag);
    if (m.kind == ManifestOutcome::Kind::error) {
        note_error(m.error);
        return;
    }
    {
        // A manifest answer is no proof it came from the hub (a proxy can answer 304 or a JSON 404), so it
        // never counts as "last reached the hub"; it only clears its own earlier error.
        std::lock_guard lock(mutex_);
        if (status_.last_error.rfind("manifest:", 0) == 0) status_.last_error.clear();
    }
    if (m.kind != ManifestOutcome::Kind::updated) return;
    const Manifest& manifest = m.manifest;
    std::string current = current_version_locked();
    if (!current.empty() && compare_versions(manifest.version, current) <= 0) {
        // Not newer (the same pack, or a rollback): nothing to fetch, remember the ETag.
        outbox_.set_state(state_key::manifest_etag, m.etag);
        return;
    }
    if (manifest.size > k_max_pack_bytes) {
        outbox_.set_state(state_key::manifest_etag, m.etag);  // do not ask for it again
        note_error("pack rejected: " + std::to_string(manifest.size) + " bytes is more than a pack may be");
        return;
    }
    std::error_code ec;
    try {
        create_private_dir(options_.packs_dir);
    } catch (const std::exception& e) {
        note_error(std::string("pack: ") + e.what());
        return;
    }
    auto part = options_.packs_dir / (manifest.sha256 + ".part");
    auto dl = client_->download_pack(manifest, part);
    if (!dl.complete) {
        note_error(dl.error);  // keep the .part to resume next time
        return;
    }
    std::string why = verify_pack_file(part, manifest, options_.content_public_key, current);
    if (!why.empty()) {
        std::filesystem::remove(part, ec);
        outbox_.set_state(state_key::manifest_etag, m.etag);  // do not fetch this bad pack again
        note_error(why);
        changed();
        return;
    }
    auto final_path = options_.packs_dir / ("pack-" + manifest.sha256 + ".sqlite");
    std::filesystem::rename(part, final_path, ec);
    if (ec) {
        note_error("pack: cannot move the verified pack into place");
        return;
    }
    {
        std::lock_guard pack_lock(pack_mutex_);
        // A staff import from a USB stick during the download may already have brought this or a newer one.
        if (auto old = pending_pack(outbox_); old && compare_versions(old->version, manifest.version) >= 0) {
            if (old->path != final_path) std::filesystem::remove(final_path, ec);
            outbox_.set_state(state_key::manifest_etag, m.etag);
            return;
        }
        if (auto old = pending_pack(outbox_); old && old->path != final_path) std::filesystem::remove(old->path, ec);
        outbox_.update_state(
            {{state_key::pending_pack_path, final_path.string()}, {state_key::pending_pack_version, manifest.version}});
    }
    outbox_.set_state(state_key::manifest_etag, m.etag);
    {
        std::lock_guard lock(mutex_);
        status_.pending_pack_version = manifest.version;
    }
    changed();
}

void SyncWorker::send_heartbeat() {
    Heartbeat hb;
    {
        std::lock_guard lock(mutex_);
        hb.app_version = options_.app_version;
        hb.pack_version = status_.pack_version;
        hb.outbox_depth = status_.outbox_depth;
        hb.refused = status_.refused;
        hb.last_success = status_.last_success;
        hb.last_error = status_.last_error.substr(0, 200);
        hb.pack_fault = status_.pack_fault.substr(0, 200);
        hb.settings = settings_;
        hb.notices_version = status_.notices_version;
    }
    std::vector<PendingUsageDay> days;
    if (options_.usage) {
        days = options_.usage->pending(k_usage_days_per_heartbeat);
        for (const auto& d : days) hb.usage_days.push_back(d.day);
        // Within the hub's body limit with room to spare; the days left out go with the next heartbeat.
        while (hb.usage_days.size() > 1 && to_json(hb).dump().size() > k_usage_body_budget) hb.usage_days.pop_back();
    }
    std::string error;
    std::vector<std::string> stored;
    if (client_->post_heartbeat(hb, error, &stored)) {
        note_success();
        path_proven();
        std::string today = options_.today();
        for (const auto& day : stored)
            for (const auto& d : days)
                if (d.day.day == day) options_.usage->acknowledge(day, d.revision, today);
    } else {
        note_error(error);
    }
}

void SyncWorker::pass(bool& failed) {
    failed = !drain_outbox();
    if (stopping_) return;
    auto now = Clock::now();
    // The heartbeat goes before the content check: its success clears last_error, and after the check it
    // wiped a rejected pack's reason ("SHA-256 ...", "bad signature") a millisecond after it was set, so
    // staff would never see it. (Hidden until the hub stopped answering 40 ms late; bench/RESULTS.md.)
    if (now >= next_heartbeat_ || heartbeat_soon_.exchange(false)) {
        send_heartbeat();
        next_heartbeat_ = Clock::now() + options_.heartbeat_interval;
    }
    if (stopping_) return;
    if (!failed && (now >= next_manifest_ || content_soon_.exchange(false))) {
        check_content();
        if (stopping_) return;
        check_notices();
        next_manifest_ = Clock::now() + options_.manifest_interval;
    }
    refresh_depth();
}

void SyncWorker::run() {
    std::mt19937_64 rng(std::random_device{}());
    auto backoff = options_.backoff_initial;
    while (!stopping_) {
        bool failed = false;
        try {
            pass(failed);
        } catch (const std::exception& e) {
            // Nothing leaves this thread; the message is SQLite's or ours, never form answers.
            note_error(std::string("internal: ") + e.what());
            failed = true;
        } catch (...) {
            note_error("internal: unknown error");
            failed = true;
        }
        changed();

        std::chrono::milliseconds wait;
        if (failed) {
            // "Equal jitter": half fixed, half random, so many kiosks do not retry in lockstep.
            auto half = std::max<std::int64_t>(1, backoff.count() / 2);
            wait =
                std::chrono::milliseconds(half + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(half)));
            backoff = std::min(options_.backoff_max, backoff * 2);
            std::lock_guard lock(mutex_);
            ++status_.consecutive_failures;
        } else {
            backoff = options_.backoff_initial;
            auto now = Clock::now();
            auto until = std::min({next_manifest_, next_heartbeat_, now + options_.idle_interval});
            wait = std::max(std::chrono::milliseconds(1),
                            std::chrono::duration_cast<std::chrono::milliseconds>(until - now));
        }
        std::unique_lock lock(mutex_);
        cv_.wait_for(lock, wait, [this] { return woken_ || stopping_.load(); });
        woken_ = false;
    }
}

}  // namespace lantern::sync
