// The staff PIN's Argon2id hash: made by `lantern kiosk pin`, checked by the kiosk. One implementation for both.
#pragma once

#include <string>

namespace lantern::pin {

// 4 to 12 digits.
bool is_valid_staff_pin(const std::string& pin);
// The hash for kiosk.toml's [staff] pin_hash (libsodium's crypto_pwhash_str). Throws std::invalid_argument for
// a PIN that is not 4 to 12 digits.
std::string hash_staff_pin(const std::string& pin);
// True when `pin` is valid and matches `hash`; false for an empty or malformed hash.
bool staff_pin_matches(const std::string& hash, const std::string& pin);

}  // namespace lantern::pin
