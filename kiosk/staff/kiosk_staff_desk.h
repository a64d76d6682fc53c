// The real StaffDesk: sync status and "sync now" from KioskSync, notices in StaffStore, packs from the
// folders where USB sticks are mounted.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/parts/kiosk_sync.h"
#include "kiosk/staff/staff_store.h"
#include "kiosk/staff/staff_desk.h"

namespace lantern::kiosk {

// Files with a `.sig` beside them, up to three folders deep under each root; sorted, at most 20.
// Links are neither followed nor offered.
std::vector<std::string> find_signed_packs(const std::vector<std::string>& roots);
// True when `path` lies under one of `roots` with no link in any folder between them, nor the file itself.
bool is_on_a_stick(const std::string& path, const std::vector<std::string>& roots);

class KioskStaffDesk : public StaffDesk {
   public:
    // `sync` and `notices` may be null (no referral key; no data folder): the desk says what is missing.
    // `pack_version` gives the version of the pack on screen.
    KioskStaffDesk(KioskSync* sync, std::unique_ptr<StaffStore> store, std::vector<std::string> usb_roots,
                   std::string hub_url, std::function<std::string()> pack_version);

    std::vector<StaffStatusLine> status() const override;
    std::uint64_t status_revision() const override;
    void sync_now() override;
    std::int64_t kept_aside() const override;
    Result<std::int64_t> retry_kept_aside() override;
    std::vector<BannerNotice> notices_today() const override;
    std::vector<BannerNotice> hub_notices_today() const override;
    std::uint64_t notices_revision() const override;
    Result<> post_notice(const BannerNotice& notice) override;
    Result<> clear_notices_today() override;
    std::vector<std::string> usb_packs() const override;
    Result<> import_pack(const std::string& path) override;
    StaffImportStatus import_status() const override;
    Result<int> wrong_pins() const override;
    Result<> set_wrong_pins(int count) override;
    Result<std::optional<sync::KioskSettings>> saved_settings() const override;
    Result<> save_settings(const sync::KioskSettings& settings) override;
    // The config names a data folder but the staff store in it could not be opened (why): the PIN lockout
    // cannot be kept, so wrong_pins() fails and the pad stays locked until the store is fixed.
    void set_store_failure(std::string why) { store_failure_ = std::move(why); }
    // The kiosk could not use its newest pack and fell back: why (shown in the status until a restart).
    void set_pack_fault(std::string fault) {
        if (fault != pack_fault_) ++pack_fault_revision_;
        pack_fault_ = std::move(fault);
    }
    // The kiosk's date, YYYY-MM-DD (local_day_today() unless a test sets another).
    void set_today(std::function<std::string()> today) { today_ = std::move(today); }
    // Why referrals cannot be stored at all (the outbox did not open at start: a full or read-only disk).
    void set_referral_fault(std::string fault) { referral_fault_ = std::move(fault); }

   private:
    KioskSync* sync_;
    std::unique_ptr<StaffStore> store_;
    std::vector<std::string> usb_roots_;
    std::string hub_url_;
    std::function<std::string()> pack_version_;
    std::string pack_fault_;
    std::uint64_t pack_fault_revision_ = 0;  // set on the UI thread only
    std::string store_failure_;
    std::string referral_fault_;
    std::function<std::string()> today_ = local_day_today;
};

}  // namespace lantern::kiosk
