// The growing lockout in front of the PIN's Argon2id check (common/pin_hash.cpp).
#include "kiosk/staff/staff_lock.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>

namespace lantern::kiosk {

StaffLock::StaffLock(std::string pin_hash, int wrong_so_far, double now)
    : hash_(std::move(pin_hash)), failures_(std::max(0, wrong_so_far)) {
    if (failures_ >= k_free_tries) locked_until_ = now + lock_seconds(failures_);
}

double StaffLock::lock_seconds(int failures) {
    return std::min(k_max_lock_seconds, k_first_lock_seconds * std::pow(2.0, std::min(30, failures - k_free_tries)));
}

int StaffLock::seconds_locked(double now) const {
    return now >= locked_until_ ? 0 : static_cast<int>(std::ceil(locked_until_ - now));
}

PinCheck StaffLock::check(const std::string& pin, double now) {
    if (int left = seconds_locked(now); left > 0) return {PinCheck::Result::locked, left};
    bool right = pin::staff_pin_matches(hash_, pin);
    if (right) {
        failures_ = 0;
        return {PinCheck::Result::accepted, 0};
    }
    ++failures_;
    if (failures_ >= k_free_tries) locked_until_ = now + lock_seconds(failures_);
    return {PinCheck::Result::wrong, seconds_locked(now)};
}

}  // namespace lantern::kiosk
