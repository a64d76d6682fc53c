// What staff mode can do outside the App (sync, notices, USB packs, settings), behind an interface so the App and its
// tests need no hub, disk or USB stick. kiosk_staff_desk.h is the real one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "sync/kiosk_settings.h"

namespace lantern::kiosk {

// A notice is one or two lines on the banner.
inline constexpr std::size_t k_max_notice_chars = 160;

// A notice for the home screens: its words in English and, if written, Welsh, and who may see it.
struct BannerNotice {
    std::string en, cy;
    std::vector<std::string> audiences;  // little | child | teen | adult; empty: everyone
    bool operator==(const BannerNotice&) const = default;
};

struct StaffStatusLine {
    std::string label;
    std::string value;
    bool problem = false;  // shown so staff notice it (an error, referrals kept aside)
};

// A USB import runs in the background; the staff screen shows how far it is, then how it ended.
struct StaffImportStatus {
    bool running = false;
    int percent = 0;
    std::string message;  // the outcome once finished: empty before the first import
    bool problem = false;
    int revision = 0;  // changes whenever anything above does
};

class StaffDesk {
   public:
    virtual ~StaffDesk() = default;
    // Is the kiosk syncing: hub, last success and error, outbox counts, content versions. Never personal data.
    virtual std::vector<StaffStatusLine> status() const = 0;
    // Changes whenever status() or import_status() would answer differently, whichever thread changed them
    // (the sync worker, a USB import): the staff screen is rebuilt when it does (view_inputs.h).
    virtual std::uint64_t status_revision() const = 0;
    virtual void sync_now() = 0;
    // Referrals the hub refused, kept aside; staff can send them all again (after the cause is fixed).
    virtual std::int64_t kept_aside() const = 0;
    // How many went back to the queue, or why none could.
    virtual Result<std::int64_t> retry_kept_aside() = 0;
    // Notices staff posted today, shown on the home screens by the same audience rule as the hub's.
    virtual std::vector<BannerNotice> notices_today() const = 0;
    // The hub's notices for this centre showing today (start <= today <= end, on the kiosk's own date).
    virtual std::vector<BannerNotice> hub_notices_today() const = 0;
    // Changes when hub_notices_today() may answer differently (a new document, a new day): the home screens
    // are rebuilt when it does (view_inputs.h).
    virtual std::uint64_t notices_revision() const = 0;
    // Posted, or why not.
    virtual Result<> post_notice(const BannerNotice& notice) = 0;
    virtual Result<> clear_notices_today() = 0;
    // Signed packs (a pack with its .sig beside it) on any USB stick the kiosk can see.
    virtual std::vector<std::string> usb_packs() const = 0;
    // Starts checking and copying the pack in the background: started, or why not.
    virtual Result<> import_pack(const std::string& path) = 0;
    virtual StaffImportStatus import_status() const = 0;
    // Wrong PINs since the last right one, kept across restarts. An Error when the count cannot be read or
    // kept: the App then keeps the PIN pad locked (a lockout that cannot be checked fails closed).
    virtual Result<int> wrong_pins() const = 0;
    virtual Result<> set_wrong_pins(int count) = 0;
    // The settings staff saved on this kiosk (nullopt: never, so kiosk.toml's apply), or why they cannot be read.
    virtual Result<std::optional<sync::KioskSettings>> saved_settings() const = 0;
    // Keeps them across restarts and reports them to the hub, or says why not. The App checks them first.
    virtual Result<> save_settings(const sync::KioskSettings& settings) = 0;
};

}  // namespace lantern::kiosk
