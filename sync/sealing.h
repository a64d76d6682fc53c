// Referral sealing (libsodium sealed boxes to the hub's X25519 key) and content signing (Ed25519).
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

#include "sync/encoding.h"

namespace lantern::sync {

class CryptoError : public std::runtime_error {
   public:
    using std::runtime_error::runtime_error;
};

// Secret key bytes, wiped (sodium_memzero) when destroyed.
class SecretBytes {
   public:
    SecretBytes() = default;
    explicit SecretBytes(Bytes b) : bytes_(std::move(b)) {}
    SecretBytes(const SecretBytes&) = delete;
    SecretBytes& operator=(const SecretBytes&) = delete;
    SecretBytes(SecretBytes&& o) noexcept : bytes_(std::move(o.bytes_)) {}
    SecretBytes& operator=(SecretBytes&& o) noexcept;
    ~SecretBytes();
    const Bytes& bytes() const { return bytes_; }
    std::size_t size() const { return bytes_.size(); }
    const unsigned char* data() const { return bytes_.data(); }

   private:
    Bytes bytes_;
};

struct KeyPair {
    Bytes public_key;
    SecretBytes secret_key;
};

// X25519 key pair for sealing referrals (crypto_box).
KeyPair generate_referral_keys();
// Ed25519 key pair for signing content packs (crypto_sign).
KeyPair generate_signing_keys();

inline constexpr std::size_t k_referral_public_key_bytes = 32;
inline constexpr std::size_t k_referral_secret_key_bytes = 32;
inline constexpr std::size_t k_signing_public_key_bytes = 32;
inline constexpr std::size_t k_signing_secret_key_bytes = 64;
inline constexpr std::size_t k_signature_bytes = 64;

// Key files hold base64 text (one line). Files are created with mode 0600 (public ones too: they are
// harmless but a stray 0644 private key is not, so one rule for all). Throws CryptoError on failure.
void write_key_file(const std::filesystem::path& path, const Bytes& key);
// Reads base64 text or exactly `expected_size` raw bytes; throws CryptoError naming the file on any
// other content.
Bytes read_key_file(const std::filesystem::path& path, std::size_t expected_size);
SecretBytes read_secret_key_file(const std::filesystem::path& path, std::size_t expected_size);

// The X25519 public key belonging to a referral secret key (crypto_scalarmult_base).
Bytes referral_public_key_of(const SecretBytes& secret_key);

// Seals plaintext to the hub's referral public key. Only the holder of the secret key can open it;
// the sealing side (the kiosk) cannot.
Bytes seal(std::string_view plaintext, const Bytes& public_key);
// Opens a sealed box; throws CryptoError if the keys do not match or the box was altered. The caller
// owns the plaintext and should wipe it (sodium_memzero) when done.
std::string open_sealed(const Bytes& sealed, const Bytes& public_key, const SecretBytes& secret_key);

// Content packs are signed over a short text binding the version to the pack's SHA-256, so a signed
// old pack cannot be replayed under a newer version number:
//   "lantern-pack-v1\n" + version + "\n" + sha256 (lower-case hex) + "\n"
std::string pack_signing_message(std::string_view version, std::string_view sha256_hex);
Bytes sign_pack(std::string_view version, std::string_view sha256_hex, const SecretBytes& signing_key);
bool verify_pack_signature(std::string_view version, std::string_view sha256_hex, const Bytes& signature,
                           const Bytes& signing_public_key);

// The hub's answer to a heartbeat, bound to the kiosk's token so a captive portal or proxy cannot fake it:
//   hex(HMAC-SHA256(key = SHA-256(token), "lantern-heartbeat-v1\n" + nonce))
// The kiosk sends a fresh random nonce each time, so an old answer cannot be replayed either.
std::string heartbeat_proof(std::string_view token, std::string_view nonce);
// 32 random bytes as lower-case hex: a heartbeat's nonce.
std::string new_heartbeat_nonce();
// Constant-time comparison of two proofs.
bool same_proof(std::string_view a, std::string_view b);

// Wipes a string holding plaintext (answers) before it is freed.
void wipe(std::string& s);

}  // namespace lantern::sync
