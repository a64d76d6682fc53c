// The App's staff mode: the PIN pad, then sync status, today's notices and USB packs. Part of the state
// machine; what it does outside the App goes through the StaffDesk.
#include <algorithm>
#include <iostream>

#include "kiosk/app.h"

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

void App::apply_staff(const Action& a, double now) {
    StaffSession& st = session_.staff;
    if (!staff_enabled()) return;
    if (a.kind == ActionKind::staff_open) {
        if (screen() != Screen::attract) return;  // only from the attract screen, between visitors
        st = StaffSession{};
        go({Screen::staff_pin, "", ""});
        return;
    }
    if (a.kind == ActionKind::staff_pin_key) {
        if (screen() != Screen::staff_pin) return;
        ++revision_;
        if (a.arg == "delete") {
            if (!st.pin.empty()) st.pin.pop_back();
        } else if (a.arg == "ok") {
            // Read again at every try: the store is the lock's memory, and a store that fails keeps the pad shut.
            Result<int> stored = staff_desk_->wrong_pins();
            staff_lock_failed_ = lock_store_failed(stored);
            if (staff_lock_failed_) {
                form::wipe_string(st.pin);
                st.pin.clear();
                st.message.clear();  // the pad view says why (staff.lock_failed)
                return;
            }
            int wrong_before = staff_lock_.wrong_so_far();
            PinCheck check = staff_lock_.check(st.pin, now);
            form::wipe_string(st.pin);
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
                stop_reading();
                // Back from staff mode leaves it (to attract), never back to the PIN pad.
                session_.history = {Place{}};
                session_.place = {Screen::staff, "", ""};
                return;
            }
            st.message_is_problem = true;
            st.message = check.result == PinCheck::Result::locked ? "Too many wrong PINs." : "That PIN is not right.";
            if (check.seconds_locked > 0)
                st.message += " Try again in " + std::to_string(check.seconds_locked) + " seconds.";
        } else if (a.arg.size() == 1 && a.arg[0] >= '0' && a.arg[0] <= '9' && st.pin.size() < 12) {
            st.pin += a.arg;
            st.message.clear();  // a new try: the last one's answer no longer applies
        }
        return;
    }
    if (screen() != Screen::staff) return;  // nothing below may happen from a visitor's screen
    ++revision_;
    auto say = [&st](std::string message, bool problem) {
        st.message = std::move(message);
        st.message_is_problem = problem;
    };
    switch (a.kind) {
        case ActionKind::staff_sync_now:
            staff_desk_->sync_now();
            say("The kiosk is trying to reach the hub now.", false);
            break;
        case ActionKind::staff_retry_kept_aside: {
            Result<std::int64_t> n = staff_desk_->retry_kept_aside();
            if (!n) say(n.error().message, true);
            else
                say(n.value() > 0
                        ? std::to_string(n.value()) + " kept-aside referral(s) will be sent to the hub again now."
                        : "No referral is kept aside.",
                    false);
            break;
        }
        case ActionKind::staff_notice_focus: st.notice_focused = true; break;
        case ActionKind::staff_notice_key:
            press_key({st.notice, st.layer, st.notice_focused, k_max_notice_chars}, a.arg, a.arg2);
            break;
        case ActionKind::staff_notice_type:
            type_into({st.notice, st.layer, st.notice_focused, k_max_notice_chars}, a.arg2);
            break;
        case ActionKind::staff_post_notice:
            if (Result<> posted = staff_desk_->post_notice(st.notice)) {
                st.notice.clear();
                st.notice_focused = false;
                say("Notice posted. Visitors see it on the home screens today.", false);
            } else {
                say(posted.error().message, true);
            }
            break;
        case ActionKind::staff_clear_notices:
            if (Result<> cleared = staff_desk_->clear_notices_today()) say("Today's notices are removed.", false);
            else say(cleared.error().message, true);
            break;
        case ActionKind::staff_look_for_packs:
            st.usb_packs = staff_desk_->usb_packs();
            say(st.usb_packs.empty() ? "No signed content pack found on a USB stick."
                                     : std::to_string(st.usb_packs.size()) + " signed content pack(s) found.",
                st.usb_packs.empty());
            break;
        case ActionKind::staff_import_pack:
            // Only a pack the desk itself found: an action cannot name any file on the kiosk.
            if (std::find(st.usb_packs.begin(), st.usb_packs.end(), a.arg) == st.usb_packs.end()) break;
            // Started in the background: the USB section shows how far it is, then how it ended.
            if (Result<> started = staff_desk_->import_pack(a.arg)) say("", false);
            else say(started.error().message, true);
            break;
        default: break;
    }
}

}  // namespace lantern::kiosk
