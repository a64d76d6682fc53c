// The settings staff may change on the kiosk itself (idle and countdown times, the languages offered, the
// read-aloud volume): their one set of safe bounds, shared by the kiosk, its config and the hub's heartbeat check.
#pragma once

#include <string>
#include <vector>

namespace lantern::sync {

struct KioskSettings {
    int idle_seconds = 90;       // no touch for this long shows "Are you still there?"
    int countdown_seconds = 30;  // then this long before the visit is wiped
    // The languages visitors may choose, in the pack's order; empty: every language the pack has.
    std::vector<std::string> languages;
    int read_aloud_volume = 100;  // percent of the voice's normal loudness
    bool operator==(const KioskSettings&) const = default;
};

// A range and the size of one tap of "+" or "-".
struct SettingBound {
    int min;
    int max;
    int step;
};

// What staff may set from the touch screen. Long enough for a slow reader (30 s before the question, 10 s
// to answer it), short enough that a visitor who walks away is wiped within 12 minutes; a voice never so
// quiet that read-aloud seems broken.
inline constexpr SettingBound k_staff_idle_seconds{30, 600, 15};
inline constexpr SettingBound k_staff_countdown_seconds{10, 120, 5};
inline constexpr SettingBound k_staff_volume_percent{10, 100, 10};
// What the kiosk runs with at all: kiosk.toml's range (IT and tests may go outside the staff bounds), and
// what the hub accepts in a heartbeat.
inline constexpr SettingBound k_idle_seconds_range{5, 3600, 1};
inline constexpr SettingBound k_countdown_seconds_range{5, 600, 1};
inline constexpr SettingBound k_volume_percent_range{0, 100, 1};
inline constexpr std::size_t k_max_languages = 8;

// One tap of "+" (direction 1) or "-" (-1) from `value`: the next step inside the bound, so a value set
// outside it (by kiosk.toml) comes inside on the first tap.
int step_setting(SettingBound bound, int value, int direction);
bool within(SettingBound bound, int value);

// Why staff may not turn the kiosk's default language off (or the last language: an empty list means all).
inline constexpr const char* k_own_language_kept = "The kiosk's own language is always offered: visits start in it.";

// Why these settings may not be used (a time or volume outside the staff bounds, no language code, too many,
// the kiosk's default language left out), or empty when they may. Checked when staff save them and when the
// kiosk reads them back. A language the pack lacks is no error: it is simply not offered (a newer pack may
// have dropped it).
std::string check_staff_settings(const KioskSettings& s, const std::string& default_language);

// Two or three lower-case letters, as the pack names its languages ("en", "cy").
bool is_language_code(const std::string& s);

// The languages a visitor may choose: the pack's, in its order, that the settings offer (all when they name
// none), always with the kiosk's default language, which the attract screen starts in.
std::vector<std::string> offered_languages(const std::vector<std::string>& pack_languages, const KioskSettings& s,
                                           const std::string& default_language);

}  // namespace lantern::sync
