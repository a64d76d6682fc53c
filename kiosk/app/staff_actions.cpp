// The App's staff mode: the PIN pad, then sync status, today's notices and USB packs, and the kiosk settings. Part of
// the state machine; what it does outside the App goes through the StaffDesk.
#include <algorithm>
#include <iostream>

#include "kiosk/app/app.h"

namespace lantern::kiosk {

namespace {

// The lockout fails closed: a count of wrong PINs that cannot be read or kept would let a visitor guess for
// ever (by restarting the kiosk), so the pad then refuses every PIN. Staff read why in the log.
template <class T>
bool lock_store_failed(const Result<T>& r) {
    if (r) return false;
    std::cerr << "lantern-kiosk: staff PIN pad locked: " << r.error().message << "\n";
    return true;
}

}  // namespace

void App::set_staff(std::shared_ptr<StaffDesk> desk, const std::string& pin_hash, double now) {
    Result<int> wrong = desk ? desk->wrong_pins() : Result<int>(0);
    staff_lock_failed_ = lock_store_failed(wrong);
    staff_lock_ = StaffLock(pin_hash, wrong ? wrong.value() : 0, now);
    staff_desk_ = std::move(desk);
}

void App::on(const StaffOpen&, double) {
    if (!staff_enabled() || screen() != Screen::attract) return;  // only from the attract screen, between visitors
    visit_.staff = StaffSession{};
    go({Screen::staff_pin, "", ""});
}

void App::on(const PinKey& a, double now) {
    if (!staff_enabled() || screen() != Screen::staff_pin) return;
    ++revision_;
    StaffSession& st = visit_.staff;
    switch (a.kind) {
        case PinKey::Kind::erase: st.pin.pop_code_point(); break;
        case PinKey::Kind::digit:
            if (a.digit < '0' || a.digit > '9' || st.pin.size() >= 12) break;
            st.pin.append(a.digit);
            st.message.clear();  // a new try: the last one's answer no longer applies
            break;
        case PinKey::Kind::ok: {
            // Read again at every try: the store is the lock's memory, and a store that fails keeps the pad shut.
            Result<int> stored = staff_desk_->wrong_pins();
            staff_lock_failed_ = lock_store_failed(stored);
            if (staff_lock_failed_) {
                st.pin.clear();
                st.message.clear();  // the pad view says why (staff.lock_failed)
                return;
            }
            int wrong_before = staff_lock_.wrong_so_far();
            // The lock takes a std::string: a copy no longer than a PIN (held inside the string, never
            // reallocated), wiped at once; the PIN itself is wiped with the StaffSession.
            std::string pin(st.pin.view());
            PinCheck check = staff_lock_.check(pin, now);
            form::wipe_string(pin);
            st.pin.clear();
            if (staff_lock_.wrong_so_far() != wrong_before &&
                lock_store_failed(staff_desk_->set_wrong_pins(staff_lock_.wrong_so_far())) &&
                check.result != PinCheck::Result::accepted) {
                staff_lock_failed_ = true;  // this wrong guess was not kept: no more guesses
                st.message.clear();
                return;
            }
            if (check.result == PinCheck::Result::accepted) {
                st = StaffSession{};
                st.usb_packs = staff_desk_->usb_packs();
                // Back from staff mode leaves it (to attract), never back to the PIN pad.
                navigate({Screen::staff, "", ""}, Trail::restart, {Place{}});
                return;
            }
            st.message_is_problem = true;
            st.message = check.result == PinCheck::Result::locked ? "Too many wrong PINs." : "That PIN is not right.";
            if (check.seconds_locked > 0)
                st.message += " Try again in " + std::to_string(check.seconds_locked) + " seconds.";
            break;
        }
    }
}

StaffDesk* App::staff_action(Screen on) {
    if (!staff_enabled() || screen() != on) return nullptr;  // never from a visitor's screen
    ++revision_;
    return staff_desk_.get();
}

void App::say(std::string message, bool problem) {
    visit_.staff.message = std::move(message);
    visit_.staff.message_is_problem = problem;
}

void App::on(const StaffSyncNow&, double) {
    if (StaffDesk* desk = staff_action()) {
        desk->sync_now();
        say("The kiosk is trying to reach the hub now.", false);
    }
}

void App::on(const StaffRetryKeptAside&, double) {
    if (StaffDesk* desk = staff_action()) {
        Result<std::int64_t> n = desk->retry_kept_aside();
        if (!n) say(n.error().message, true);
        else
            say(n.value() > 0 ? std::to_string(n.value()) + " kept-aside referral(s) will be sent to the hub again now."
                              : "No referral is kept aside.",
                false);
    }
}

void App::on(const StaffPostNotice&, double) {
    StaffDesk* desk = staff_action();
    if (!desk) return;
    StaffSession& st = visit_.staff;
    // Posted, the notice is public (every visitor reads it on the banner): the copy the desk keeps is meant.
    BannerNotice notice{std::string(st.notice.view()), std::string(st.notice_cy.view()), {}};
    if (st.notice_adults_only) notice.audiences = {"adult"};
    if (Result<> posted = desk->post_notice(notice)) {
        st.notice.clear();
        st.notice_cy.clear();
        st.notice_focused = st.notice_cy_focused = false;
        st.notice_adults_only = false;
        say("Notice posted. Visitors see it on the home screens today.", false);
    } else {
        say(posted.error().message, true);
    }
}

void App::on(const StaffClearNotices&, double) {
    if (StaffDesk* desk = staff_action()) {
        if (Result<> cleared = desk->clear_notices_today()) say("Today's notices are removed.", false);
        else say(cleared.error().message, true);
    }
}

void App::on(const StaffNoticeAudience& a, double) {
    if (staff_action()) visit_.staff.notice_adults_only = a.adults_only;
}

void App::on(const StaffLookForPacks&, double) {
    if (StaffDesk* desk = staff_action()) {
        StaffSession& st = visit_.staff;
        st.usb_packs = desk->usb_packs();
        say(st.usb_packs.empty() ? "No signed content pack found on a USB stick."
                                 : std::to_string(st.usb_packs.size()) + " signed content pack(s) found.",
            st.usb_packs.empty());
    }
}

void App::on(const StaffImportPack& a, double) {
    StaffDesk* desk = staff_action();
    if (!desk) return;
    const auto& found = visit_.staff.usb_packs;
    // Only a pack the desk itself found: an action cannot name any file on the kiosk.
    if (std::find(found.begin(), found.end(), a.path) == found.end()) return;
    // Started in the background: the USB section shows how far it is, then how it ended.
    if (Result<> started = desk->import_pack(a.path)) say("", false);
    else say(started.error().message, true);
}

void App::on(const StaffOpenSettings&, double) {
    if (!staff_action()) return;
    say("", false);
    go({Screen::staff_settings, "", ""});
}

void App::on(const StaffStepSetting& a, double) {
    if (!staff_action(Screen::staff_settings)) return;
    sync::KioskSettings wanted = settings_;
    using Which = StaffStepSetting::Which;
    int sign = a.direction < 0 ? -1 : 1;
    switch (a.which) {
        case Which::idle_seconds:
            wanted.idle_seconds = sync::step_setting(sync::k_staff_idle_seconds, wanted.idle_seconds, sign);
            break;
        case Which::countdown_seconds:
            wanted.countdown_seconds =
                sync::step_setting(sync::k_staff_countdown_seconds, wanted.countdown_seconds, sign);
            break;
        case Which::read_aloud_volume:
            wanted.read_aloud_volume = sync::step_setting(sync::k_staff_volume_percent, wanted.read_aloud_volume, sign);
            break;
    }
    change_settings(wanted);
}

void App::on(const StaffToggleLanguage& a, double) {
    if (!staff_action(Screen::staff_settings) || !pack_) return;
    // From then on the list is explicit, in the pack's order: every language offered now, one more or one fewer.
    std::vector<std::string> offered = languages_offered();
    bool on = std::find(offered.begin(), offered.end(), a.lang) != offered.end();
    sync::KioskSettings wanted = settings_;
    wanted.languages.clear();
    for (const auto& lang : pack_->languages())
        if (lang == a.lang ? !on : std::find(offered.begin(), offered.end(), lang) != offered.end())
            wanted.languages.push_back(lang);
    // An empty list would mean "every language": turning the last one off must not turn them all on.
    if (wanted.languages.empty()) return say(sync::k_own_language_kept, true);
    change_settings(wanted);
}

void App::change_settings(const sync::KioskSettings& wanted) {
    if (wanted == settings_) return say("", false);  // at a bound already: nothing to save
    if (std::string why = sync::check_staff_settings(wanted, default_lang_); !why.empty()) return say(why, true);
    if (Result<> saved = staff_desk_->save_settings(wanted); !saved) return say(saved.error().message, true);
    set_settings(wanted);
    say("Saved. The kiosk uses these settings from now on.", false);
}

}  // namespace lantern::kiosk
