// Argon2id (libsodium's crypto_pwhash_str) and the growing lockout.
#include "kiosk/staff_lock.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>

namespace lantern::kiosk {

bool is_valid_staff_pin(const std::string& pin) {
    return pin.size() >= 4 && pin.size() <= 12 &&
           std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string hash_staff_pin(const std::string& pin) {
    if (!is_valid_staff_pin(pin)) throw std::invalid_argument("a staff PIN is 4 to 12 digits");
    if (sodium_init() < 0) throw std::runtime_error("libsodium cannot start");
    std::array<char, crypto_pwhash_STRBYTES> out{};
    // Interactive limits: about a tenth of a second on a small PC, which the lockout makes plenty.
    if (crypto_pwhash_str(out.data(), pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        throw std::runtime_error("not enough memory to hash the PIN");
    return out.data();
}

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
    bool right = enabled() && is_valid_staff_pin(pin) && sodium_init() >= 0 &&
                 crypto_pwhash_str_verify(hash_.c_str(), pin.data(), pin.size()) == 0;
    if (right) {
        failures_ = 0;
        return {PinCheck::Result::accepted, 0};
    }
    ++failures_;
    if (failures_ >= k_free_tries) locked_until_ = now + lock_seconds(failures_);
    return {PinCheck::Result::wrong, seconds_locked(now)};
}

}  // namespace lantern::kiosk
