// Builds staff mode's view models from the App's StaffSession and the StaffDesk.
#include "kiosk/views/staff_views.h"

#include <algorithm>
#include <filesystem>

#include "kiosk/views/strings.h"

namespace lantern::kiosk {

StaffPinView build_staff_pin(const App& app, double now) {
    const StaffSession& st = app.visit().staff;
    StaffPinView v;
    v.digits = static_cast<int>(st.pin.size());
    v.message = st.message;
    v.problem = st.message_is_problem;
    if (int locked = app.staff_seconds_locked(now); locked > 0) {
        v.message = "Too many wrong PINs. Try again in " + std::to_string(locked) + " seconds.";
        v.problem = true;
    }
    if (app.staff_lock_failed()) {
        v.message = tr("staff.lock_failed", app.visit().lang);
        v.problem = true;
    }
    return v;
}

StaffView build_staff(const App& app) {
    const StaffSession& st = app.visit().staff;
    StaffView v;
    if (const StaffDesk* desk = app.staff_desk()) {
        v.status = desk->status();
        v.can_retry_kept_aside = desk->kept_aside() > 0;
        for (const auto& n : desk->notices_today()) {
            std::string line = n.en;
            if (!n.cy.empty()) line += " / " + n.cy;
            if (!n.audiences.empty()) line += " (" + tr("staff.notice.adults_tag", app.visit().lang) + ")";
            v.notices_today.push_back(line);
        }
        StaffImportStatus imp = desk->import_status();
        if (imp.running) v.import_line = "Checking and copying the pack: " + std::to_string(imp.percent) + "%";
        else v.import_line = imp.message;
        v.import_problem = !imp.running && imp.problem;
    }
    v.notice = st.notice;
    v.notice_cy = st.notice_cy;
    v.notice_focused = st.notice_focused;
    v.notice_cy_focused = st.notice_cy_focused;
    v.notice_adults_only = st.notice_adults_only;
    if (v.notice_focused || v.notice_cy_focused) v.keys = keyboard_keys(st.layer, false, "en");
    {
        const std::string& lang = app.visit().lang;
        v.notice_en_label = tr("staff.notice.en", lang);
        v.notice_cy_label = tr("staff.notice.cy", lang);
        v.notice_cy_hint = tr("staff.notice.cy_hint", lang);
        v.notice_for = tr("staff.notice.for", lang);
        v.notice_everyone = tr("staff.notice.everyone", lang);
        v.notice_adults = tr("staff.notice.adults", lang);
    }
    for (const auto& path : st.usb_packs) {
        std::filesystem::path p(path);
        // The file and the folder it is in: enough to tell two sticks apart, short enough for a button.
        v.packs.push_back({path, p.filename().string() + "  (" + p.parent_path().filename().string() + ")"});
    }
    v.message = st.message;
    v.problem = st.message_is_problem;
    const std::string& lang = app.visit().lang;
    v.usage_title = tr("staff.usage.title", lang);
    v.usage_today = tr("staff.usage.today", lang);
    v.usage_week = tr("staff.usage.week", lang);
    auto today = app.usage().totals(1);
    auto week = app.usage().totals(sync::k_usage_week_days);
    for (const char* name : {"visits", "pages", "searches_nothing", "form_started", "form_sent", "interest_sent",
                             "quick_exits", "read_aloud", "text_size"}) {
        auto at = [&](const std::map<std::string, std::int64_t>& m) {
            auto it = m.find(name);
            return it == m.end() ? std::int64_t{0} : it->second;
        };
        v.usage.push_back({tr(std::string("staff.usage.") + name, lang), at(today), at(week)});
    }
    return v;
}

StaffSettingsView build_staff_settings(const App& app) {
    const sync::KioskSettings& s = app.settings();
    StaffSettingsView v;
    using Which = StaffStepSetting::Which;
    auto row = [&](Which which, std::string label, sync::SettingBound b, int value, const std::string& unit) {
        std::string step = std::to_string(b.step) + unit;
        v.rows.push_back({which, std::move(label), std::to_string(value) + unit,
                          std::to_string(b.min) + " to " + std::to_string(b.max) + unit, "-" + step, "+" + step,
                          sync::step_setting(b, value, -1) != value, sync::step_setting(b, value, 1) != value});
    };
    row(Which::idle_seconds, "Time with no touch before \"Are you still there?\"", sync::k_staff_idle_seconds,
        s.idle_seconds, " s");
    row(Which::countdown_seconds, "Then the countdown before the visit is cleared", sync::k_staff_countdown_seconds,
        s.countdown_seconds, " s");
    row(Which::read_aloud_volume, "Read-aloud volume", sync::k_staff_volume_percent, s.read_aloud_volume, "%");
    std::vector<std::string> offered = app.languages_offered();
    if (app.pack())
        for (const auto& code : app.pack()->languages()) {
            bool on = std::find(offered.begin(), offered.end(), code) != offered.end();
            bool fixed = code == app.default_lang();
            v.languages.push_back({code,
                                   language_name(code) + (fixed ? ": always offered"
                                                          : on  ? ": offered"
                                                                : ": not offered"),
                                   on, fixed});
        }
    const StaffSession& st = app.visit().staff;
    v.message = st.message;
    v.problem = st.message_is_problem;
    return v;
}

}  // namespace lantern::kiosk
