// Fingerprints English pages so a translation can say which English it was made from.
#include "content/translation.h"

#include <sodium.h>

#include <array>
#include <stdexcept>

namespace lantern::content {

std::string english_fingerprint(const std::string& title, const std::string& body) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
    std::string text = title + "\n" + body.substr(0, body.find_last_not_of(" \t\r\n") + 1);
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(text.data()), text.size());
    static const char* const hex = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; out.size() < k_english_hash_length; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 0xf];
    }
    return out;
}

}  // namespace lantern::content
