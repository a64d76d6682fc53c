// The real StaffDesk: sync status and "sync now" from KioskSync, notices in StaffStore, packs from the
// folders where USB sticks are mounted.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/kiosk_sync.h"
#include "kiosk/staff_store.h"
#include "kiosk/staff_desk.h"

namespace lantern::kiosk {

// Files with a `.sig` beside them, up to three folders deep under each root; sorted, at most 20.
std::vector<std::string> find_signed_packs(const std::vector<std::string>& roots);

class KioskStaffDesk : public StaffDesk {
   public:
    // `sync` and `notices` may be null (no referral key; no data folder): the desk says what is missing.
    // `pack_version` gives the version of the pack on screen.
    KioskStaffDesk(KioskSync* sync, std::unique_ptr<StaffStore> store, std::vector<std::string> usb_roots,
                   std::string hub_url, std::function<std::string()> pack_version);

    std::vector<StaffStatusLine> status() const override;
    void sync_now() override;
    std::vector<std::string> notices_today() const override;
    std::string post_notice(const std::string& text) override;
    void clear_notices_today() override;
    std::vector<std::string> usb_packs() const override;
    std::string import_pack(const std::string& path) override;
    int wrong_pins() const override;
    void set_wrong_pins(int count) override;

   private:
    KioskSync* sync_;
    std::unique_ptr<StaffStore> store_;
    std::vector<std::string> usb_roots_;
    std::string hub_url_;
    std::function<std::string()> pack_version_;
};

}  // namespace lantern::kiosk
