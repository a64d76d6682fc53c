// Argon2id through libsodium's crypto_pwhash_str.
#include "common/pin_hash.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <stdexcept>

namespace lantern::pin {

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

bool staff_pin_matches(const std::string& hash, const std::string& pin) {
    return !hash.empty() && is_valid_staff_pin(pin) && sodium_init() >= 0 &&
           crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

}  // namespace lantern::pin
