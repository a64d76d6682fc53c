// The staff settings' bounds and the languages a visitor is offered: one rule, used by kiosk and hub.
#include "sync/kiosk_settings.h"

#include <algorithm>

namespace lantern::sync {

bool within(SettingBound bound, int value) { return value >= bound.min && value <= bound.max; }

int step_setting(SettingBound bound, int value, int direction) {
    if (value < bound.min) return bound.min;
    if (value > bound.max) return bound.max;
    // Onto the grid of steps from the minimum, then one step: 95 with steps of 15 from 30 goes to 105 or 90.
    int offset = value - bound.min;
    int below = bound.min + offset / bound.step * bound.step;
    int next = direction > 0 ? below + bound.step : (below == value ? value - bound.step : below);
    return std::clamp(next, bound.min, bound.max);
}

namespace {
bool has(const std::vector<std::string>& list, const std::string& s) {
    return std::find(list.begin(), list.end(), s) != list.end();
}
std::string range_text(SettingBound b, const char* unit) {
    return "from " + std::to_string(b.min) + " to " + std::to_string(b.max) + unit;
}
}  // namespace

std::string check_staff_settings(const KioskSettings& s, const std::string& default_language) {
    if (!within(k_staff_idle_seconds, s.idle_seconds))
        return "The time before the question must be " + range_text(k_staff_idle_seconds, " seconds") + ".";
    if (!within(k_staff_countdown_seconds, s.countdown_seconds))
        return "The countdown must be " + range_text(k_staff_countdown_seconds, " seconds") + ".";
    if (!within(k_staff_volume_percent, s.read_aloud_volume))
        return "The read-aloud volume must be " + range_text(k_staff_volume_percent, "%") + ".";
    if (s.languages.size() > k_max_languages) return "Too many languages.";
    for (const auto& lang : s.languages)
        if (!is_language_code(lang)) return "A language is not a code such as en or cy.";
    if (!s.languages.empty() && !has(s.languages, default_language)) return k_own_language_kept;
    return "";
}

bool is_language_code(const std::string& s) {
    return s.size() >= 2 && s.size() <= 3 &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

std::vector<std::string> offered_languages(const std::vector<std::string>& pack_languages, const KioskSettings& s,
                                           const std::string& default_language) {
    std::vector<std::string> out;
    for (const auto& lang : pack_languages)
        if (s.languages.empty() || has(s.languages, lang) || lang == default_language) out.push_back(lang);
    return out;
}

}  // namespace lantern::sync
