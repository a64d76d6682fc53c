// Staff mode's link to the sync worker, the staff store (notices, PIN count, settings) and USB sticks.
#include "kiosk/staff/kiosk_staff_desk.h"

#include <algorithm>
#include <ctime>
#include <filesystem>

#include "kiosk/views/human_time.h"

namespace lantern::kiosk {

namespace fs = std::filesystem;

std::vector<std::string> find_signed_packs(const std::vector<std::string>& roots) {
    std::vector<std::string> found;
    for (const auto& root : roots) {
        std::error_code ec;
        // Unreadable folders (another user's mount) are skipped, never an error.
        fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
        for (; !ec && it != end; it.increment(ec)) {
            if (it.depth() >= 3) it.disable_recursion_pending();
            const fs::path& p = it->path();
            // Links are never followed or offered: one on a stick could point at any file on the kiosk.
            // (The iterator does not descend into linked folders either.)
            if (p.extension() == ".sig" || !fs::is_regular_file(it->symlink_status(ec))) continue;
            if (fs::is_regular_file(fs::symlink_status(p.string() + ".sig", ec))) found.push_back(p.string());
        }
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    if (found.size() > 20) found.resize(20);
    return found;
}

bool is_on_a_stick(const std::string& path, const std::vector<std::string>& roots) {
    fs::path p = fs::path(path).lexically_normal();
    for (const auto& r : roots) {
        fs::path root = fs::path(r).lexically_normal();
        auto rel = p.lexically_relative(root);
        if (rel.empty() || *rel.begin() == ".." || rel.is_absolute()) continue;
        // Every folder below the root, and the file, must be itself: no link anywhere on the way.
        fs::path at = root;
        bool linked = false;
        std::error_code ec;
        for (const auto& part : rel) {
            at /= part;
            if (fs::is_symlink(fs::symlink_status(at, ec))) linked = true;
        }
        if (!linked) return true;
    }
    return false;
}

KioskStaffDesk::KioskStaffDesk(KioskSync* sync, std::unique_ptr<StaffStore> store, std::vector<std::string> usb_roots,
                               std::string hub_url, std::function<std::string()> pack_version)
    : sync_(sync),
      store_(std::move(store)),
      usb_roots_(std::move(usb_roots)),
      hub_url_(std::move(hub_url)),
      pack_version_(std::move(pack_version)) {}

std::vector<StaffStatusLine> KioskStaffDesk::status() const {
    std::vector<StaffStatusLine> lines;
    std::string version = pack_version_ ? pack_version_() : "";
    lines.push_back({"Content in use", version.empty() ? "none: information cannot be shown" : "version " + version,
                     version.empty()});
    if (!pack_fault_.empty()) lines.push_back({"Content problem", pack_fault_, true});
    // A visitor was told her form could not be saved: staff must know at once (a full or read-only disk).
    if (!referral_fault_.empty()) {
        lines.push_back({"Referrals not saved", "none can be saved: " + referral_fault_, true});
        return lines;
    }
    if (sync_ && sync_->referral_failures() > 0)
        lines.push_back({"Referrals not saved",
                         std::to_string(sync_->referral_failures()) +
                             " since the kiosk started, the last: " + sync_->last_referral_failure(),
                         true});
    if (!sync_ || !sync_->sink()) {
        lines.push_back({"Referrals", "cannot be taken: the config names no referral key", true});
        return lines;
    }
    if (hub_url_.empty()) {
        lines.push_back({"Hub", "none set: referrals wait safely on this kiosk", true});
        return lines;
    }
    lines.push_back({"Hub", hub_url_, false});
    auto s = sync_->status();
    if (!s) return lines;
    // Staff read the kiosk's own clock: "today at 14:28", not the UTC the worker keeps.
    lines.push_back({"Last reached the hub",
                     s->last_success.empty() ? "not yet" : human_time(s->last_success, std::time(nullptr), "en"),
                     s->last_success.empty()});
    lines.push_back({"Last problem", s->last_error.empty() ? "none" : s->last_error, !s->last_error.empty()});
    lines.push_back({"Referrals waiting to send", std::to_string(s->outbox_depth), false});
    lines.push_back({"Referrals sent", std::to_string(s->delivered), false});
    lines.push_back({"Kept aside (the hub refused them)", std::to_string(s->refused), s->refused > 0});
    lines.push_back({"New content waiting",
                     s->pending_pack_version.empty() ? "none" : "version " + s->pending_pack_version, false});
    lines.push_back({"Notices from the hub",
                     s->notices_version == 0 ? "none yet"
                                             : "version " + std::to_string(s->notices_version) + ", " +
                                                   std::to_string(s->notices_count) + " for this centre",
                     false});
    if (!s->notices_fault.empty()) lines.push_back({"Notices refused", s->notices_fault, true});
    return lines;
}

std::uint64_t KioskStaffDesk::status_revision() const {
    // Both only grow, so their sum changes whenever either does.
    return (sync_ ? sync_->revision() : 0) + pack_fault_revision_;
}

void KioskStaffDesk::sync_now() {
    if (sync_) sync_->sync_now();
}

std::int64_t KioskStaffDesk::kept_aside() const {
    if (!sync_) return 0;
    auto s = sync_->status();
    return s ? s->refused : 0;
}

Result<std::int64_t> KioskStaffDesk::retry_kept_aside() {
    if (!sync_) return std::int64_t{0};
    try {
        return std::int64_t{sync_->retry_kept_aside()};
    } catch (const std::exception& e) {
        // The outbox could not be written: they stay kept aside, nothing is lost.
        return Error{std::string("The kept-aside referrals could not be queued again: ") + e.what()};
    }
}

std::vector<BannerNotice> KioskStaffDesk::notices_today() const {
    if (!store_) return {};
    try {
        return store_->for_day(today_());
    } catch (const std::exception&) {
        return {};  // shown to everyone: a broken notices file shows none rather than stop the home screens
    }
}

std::vector<BannerNotice> KioskStaffDesk::hub_notices_today() const {
    if (!sync_) return {};
    std::string today = today_();
    std::vector<BannerNotice> out;
    for (const auto& n : sync_->hub_notices())
        if (sync::is_showing_on(n, today)) out.push_back({n.text_en, n.text_cy, n.audiences});
    return out;
}

std::uint64_t KioskStaffDesk::notices_revision() const {
    // The sync side's revision moves whenever a new document is taken; the date moves at midnight.
    std::string today = today_();
    return (sync_ ? sync_->revision() : 0) * 100'000'000ULL + std::hash<std::string>{}(today) % 100'000'000ULL;
}

Result<> KioskStaffDesk::post_notice(const BannerNotice& notice) {
    if (!store_) return Error{"Notices need a data folder (paths.data in the kiosk config)."};
    try {
        return store_->post(notice, today_());
    } catch (const std::exception& e) {
        return Error{std::string("The notice could not be saved: ") + e.what()};
    }
}

Result<> KioskStaffDesk::clear_notices_today() {
    if (!store_) return {};
    try {
        store_->clear_day(today_());
        return {};
    } catch (const std::exception& e) {
        return Error{std::string("Today's notices could not be removed: ") + e.what()};
    }
}

std::vector<std::string> KioskStaffDesk::usb_packs() const { return find_signed_packs(usb_roots_); }

Result<> KioskStaffDesk::import_pack(const std::string& path) {
    if (!sync_) return Error{"Content cannot be imported: the config names no referral key or data folder."};
    // Listed from a stick, then checked again now: no folder on the way to it may have become a link.
    if (!is_on_a_stick(path, usb_roots_))
        return Error{"Not imported: the pack is no longer on the stick (or is a link)."};
    return sync_->start_import(path);
}

StaffImportStatus KioskStaffDesk::import_status() const { return sync_ ? sync_->import_status() : StaffImportStatus{}; }

Result<int> KioskStaffDesk::wrong_pins() const {
    if (!store_failure_.empty()) return Error{store_failure_};
    if (!store_) return 0;  // the config names no data folder: the lockout then lasts until a restart
    try {
        return store_->wrong_pins();
    } catch (const std::exception& e) {
        return Error{std::string("the staff lock could not be read: ") + e.what()};
    }
}

Result<> KioskStaffDesk::set_wrong_pins(int count) {
    if (!store_failure_.empty()) return Error{store_failure_};
    if (!store_) return {};
    try {
        store_->set_wrong_pins(count);
        return {};
    } catch (const std::exception& e) {
        return Error{std::string("the staff lock could not be saved: ") + e.what()};
    }
}

Result<std::optional<sync::KioskSettings>> KioskStaffDesk::saved_settings() const {
    if (!store_) return std::optional<sync::KioskSettings>{};
    try {
        return store_->settings();
    } catch (const std::exception& e) {
        return Error{std::string("the kiosk settings could not be read: ") + e.what()};
    }
}

Result<> KioskStaffDesk::save_settings(const sync::KioskSettings& settings) {
    if (!store_) return Error{"Settings need a data folder (paths.data in the kiosk config)."};
    try {
        store_->save_settings(settings);
    } catch (const std::exception& e) {
        return Error{std::string("The settings could not be saved: ") + e.what()};
    }
    if (sync_) sync_->set_settings(settings);
    return {};
}

}  // namespace lantern::kiosk
