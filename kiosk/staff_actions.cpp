// The App's staff mode: the PIN pad, then sync status, today's notices and USB packs. Part of the state
// machine; what it does outside the App goes through the StaffDesk.
#include <algorithm>

#include "kiosk/app.h"

namespace lantern::kiosk {

void App::set_staff(std::shared_ptr<StaffDesk> desk, const std::string& pin_hash, double now) {
    staff_lock_ = StaffLock(pin_hash, desk ? desk->wrong_pins() : 0, now);
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
            int wrong_before = staff_lock_.wrong_so_far();
            // The lock takes a std::string: a copy no longer than a PIN (held inside the string, never
            // reallocated), wiped at once; the PIN itself is wiped with the StaffSession.
            std::string pin(st.pin.view());
            PinCheck check = staff_lock_.check(pin, now);
            form::wipe_string(pin);
            st.pin.clear();
            if (staff_lock_.wrong_so_far() != wrong_before) staff_desk_->set_wrong_pins(staff_lock_.wrong_so_far());
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

StaffDesk* App::staff_action() {
    if (!staff_enabled() || screen() != Screen::staff) return nullptr;  // never from a visitor's screen
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
        std::int64_t n = desk->retry_kept_aside();
        say(n > 0 ? std::to_string(n) + " kept-aside referral(s) will be sent to the hub again now."
                  : "No referral is kept aside.",
            false);
    }
}

void App::on(const StaffPostNotice&, double) {
    StaffDesk* desk = staff_action();
    if (!desk) return;
    StaffSession& st = visit_.staff;
    // Posted, the notice is public (every visitor reads it on the banner): the copy the desk keeps is meant.
    if (std::string why = desk->post_notice(std::string(st.notice.view())); why.empty()) {
        st.notice.clear();
        st.notice_focused = false;
        say("Notice posted. Visitors see it on the home screens today.", false);
    } else {
        say(why, true);
    }
}

void App::on(const StaffClearNotices&, double) {
    if (StaffDesk* desk = staff_action()) {
        desk->clear_notices_today();
        say("Today's notices are removed.", false);
    }
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
    if (std::string why = desk->import_pack(a.path); why.empty()) say("", false);
    else say(why, true);
}

}  // namespace lantern::kiosk
