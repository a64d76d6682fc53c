// View models of staff mode: the PIN pad, the staff screen and the kiosk settings. Staff-facing words are English only.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/app/app.h"
#include "kiosk/views/form_views.h"
#include "kiosk/staff/staff_desk.h"

namespace lantern::kiosk {

struct StaffPinView {
    std::string title = "Staff: enter your PIN";
    int digits = 0;  // how many digits are typed: shown as dots, never the digits themselves
    std::string message;
    bool problem = false;
    std::vector<std::string> keys = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "Delete", "0", "OK"};
};

struct StaffPackView {
    std::string path;   // for the import action
    std::string label;  // the file's name and the folder it is in
};

// One line of the usage figures: what was counted, today and over the last 7 days (today included).
struct StaffUsageLine {
    std::string label;
    std::int64_t today = 0;
    std::int64_t week = 0;
};

struct StaffView {
    std::string title = "Staff";
    std::vector<StaffStatusLine> status;
    bool can_retry_kept_aside = false;       // referrals are kept aside: offer to send them again
    std::vector<std::string> notices_today;  // as staff read them: "English / Welsh (adults only)"
    SecretText notice;                       // being written: wiped with the view
    SecretText notice_cy;
    bool notice_focused = false;
    bool notice_cy_focused = false;
    bool notice_adults_only = false;
    // The words of the notice boxes and the audience choice (strings table, in the screen's language).
    std::string notice_en_label, notice_cy_label, notice_cy_hint, notice_for, notice_everyone, notice_adults;
    std::vector<std::vector<KeyView>> keys;
    std::vector<StaffPackView> packs;
    std::string import_line;  // "Checking and copying the pack: 40%", then how the import ended
    bool import_problem = false;
    std::string message;
    bool problem = false;
    std::string usage_title, usage_today, usage_week;  // the heading and the two columns' names
    std::vector<StaffUsageLine> usage;
};

// One setting with a number: what it is, its value, and its "-" and "+" buttons (labelled with the step,
// "-15 s", so each button on the screen has its own words).
struct StaffSettingRow {
    StaffStepSetting::Which which = StaffStepSetting::Which::idle_seconds;
    std::string label;
    std::string value;  // "90 seconds"
    std::string range;  // "30 to 600 seconds"
    std::string lower, raise;
    bool can_lower = true, can_raise = true;  // false at the bound
};

struct StaffLanguageChoice {
    std::string code;
    std::string label;  // "Cymraeg: offered"
    bool offered = false;
    bool fixed = false;  // the kiosk's own language: always offered, so no button
};

struct StaffSettingsView {
    std::string title = "Kiosk settings";
    std::string intro = "Each change is saved at once, kept after a restart and reported to the hub.";
    std::vector<StaffSettingRow> rows;
    std::string languages_title = "Languages visitors can choose";
    std::vector<StaffLanguageChoice> languages;
    std::string message;
    bool problem = false;
};

StaffPinView build_staff_pin(const App& app, double now);
StaffView build_staff(const App& app);
StaffSettingsView build_staff_settings(const App& app);

}  // namespace lantern::kiosk
