// What staff mode keeps in the kiosk's data folder: the notices staff post on the kiosk itself ("The play
// area is closed today"), shown on the home screens on the day they were posted; the count of wrong
// PINs, so switching the kiosk off and on does not undo a lockout; and the settings staff chose.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "kiosk/staff/staff_desk.h"
#include "sync/kiosk_settings.h"

namespace lantern::kiosk {

class StaffStore {
   public:
    // Opens (or creates) the store; throws std::runtime_error naming the file if it cannot.
    explicit StaffStore(const std::filesystem::path& file);

    // Posted, or why not (no English, blank, too long, control characters, not UTF-8, an unknown audience),
    // and nothing changes. The Welsh is optional. `day` is the local date, "2026-11-30". Throws only when the
    // store itself fails.
    Result<> post(const BannerNotice& notice, const std::string& day);
    std::vector<BannerNotice> for_day(const std::string& day) const;
    void clear_day(const std::string& day);

    int wrong_pins() const;
    void set_wrong_pins(int count);

    // The settings staff saved, or nullopt when they never have (kiosk.toml's then apply). Saved as given:
    // the caller checks them (sync::check_staff_settings).
    std::optional<sync::KioskSettings> settings() const;
    void save_settings(const sync::KioskSettings& s);

   private:
    SQLite::Database db_;
};

// Today's date on the kiosk's own clock, as the notices are keyed.
std::string local_day_today();

}  // namespace lantern::kiosk
