// What staff mode can do outside the App (sync, notices, USB packs), behind an interface so the App and its
// tests need no hub, disk or USB stick. kiosk_staff_desk.h is the real one.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace lantern::kiosk {

// A notice is one or two lines on the banner.
inline constexpr std::size_t k_max_notice_chars = 160;

struct StaffStatusLine {
    std::string label;
    std::string value;
    bool problem = false;  // shown so staff notice it (an error, referrals kept aside)
};

class StaffDesk {
   public:
    virtual ~StaffDesk() = default;
    // Is the kiosk syncing: hub, last success and error, outbox counts, content versions. Never personal data.
    virtual std::vector<StaffStatusLine> status() const = 0;
    virtual void sync_now() = 0;
    // Notices staff posted today, shown to everyone on the home screens.
    virtual std::vector<std::string> notices_today() const = 0;
    // Empty when posted, else why not.
    virtual std::string post_notice(const std::string& text) = 0;
    virtual void clear_notices_today() = 0;
    // Signed packs (a pack with its .sig beside it) on any USB stick the kiosk can see.
    virtual std::vector<std::string> usb_packs() const = 0;
    // Empty when the pack will be shown from the next visitor on, else why not.
    virtual std::string import_pack(const std::string& path) = 0;
    // Wrong PINs since the last right one, kept across restarts.
    virtual int wrong_pins() const = 0;
    virtual void set_wrong_pins(int count) = 0;
};

}  // namespace lantern::kiosk
