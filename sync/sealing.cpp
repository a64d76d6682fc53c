// Sealed boxes for referrals, Ed25519 signatures for content packs, key files.
#include "sync/sealing.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

namespace lantern::sync {

SecretBytes& SecretBytes::operator=(SecretBytes&& o) noexcept {
    if (this != &o) {
        if (!bytes_.empty()) sodium_memzero(bytes_.data(), bytes_.size());
        bytes_ = std::move(o.bytes_);
    }
    return *this;
}

SecretBytes::~SecretBytes() {
    if (!bytes_.empty()) sodium_memzero(bytes_.data(), bytes_.size());
}

KeyPair generate_referral_keys() {
    ensure_sodium();
    Bytes pk(crypto_box_PUBLICKEYBYTES), sk(crypto_box_SECRETKEYBYTES);
    crypto_box_keypair(pk.data(), sk.data());
    return {std::move(pk), SecretBytes(std::move(sk))};
}

KeyPair generate_signing_keys() {
    ensure_sodium();
    Bytes pk(crypto_sign_PUBLICKEYBYTES), sk(crypto_sign_SECRETKEYBYTES);
    crypto_sign_keypair(pk.data(), sk.data());
    return {std::move(pk), SecretBytes(std::move(sk))};
}

void write_key_file(const std::filesystem::path& path, const Bytes& key) {
    std::string text = to_base64(key) + "\n";
    std::string tmp = path.string() + ".tmp";
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) throw CryptoError("cannot write key file " + path.string());
    ::fchmod(fd, 0600);  // O_CREAT's mode is masked by umask and ignored for an existing file
    bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
    ::close(fd);
    sodium_memzero(text.data(), text.size());
    if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::filesystem::remove(tmp);
        throw CryptoError("cannot write key file " + path.string());
    }
}

Bytes read_key_file(const std::filesystem::path& path, std::size_t expected_size) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw CryptoError("cannot read key file " + path.string());
    std::string raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (raw.size() == expected_size) {
        Bytes b(raw.begin(), raw.end());
        sodium_memzero(raw.data(), raw.size());
        return b;
    }
    std::string text = raw;
    sodium_memzero(raw.data(), raw.size());
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
    auto decoded = from_base64(text);
    sodium_memzero(text.data(), text.size());
    if (!decoded || decoded->size() != expected_size)
        throw CryptoError("key file " + path.string() + ": expected " + std::to_string(expected_size) +
                          " bytes as base64 or raw");
    return *decoded;
}

SecretBytes read_secret_key_file(const std::filesystem::path& path, std::size_t expected_size) {
    return SecretBytes(read_key_file(path, expected_size));
}

Bytes referral_public_key_of(const SecretBytes& secret_key) {
    ensure_sodium();
    if (secret_key.size() != crypto_box_SECRETKEYBYTES) throw CryptoError("referral secret key has the wrong size");
    Bytes pk(crypto_box_PUBLICKEYBYTES);
    crypto_scalarmult_base(pk.data(), secret_key.data());
    return pk;
}

Bytes seal(std::string_view plaintext, const Bytes& public_key) {
    ensure_sodium();
    if (public_key.size() != crypto_box_PUBLICKEYBYTES) throw CryptoError("referral public key has the wrong size");
    Bytes out(plaintext.size() + crypto_box_SEALBYTES);
    if (crypto_box_seal(out.data(), reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
                        public_key.data()) != 0)
        throw CryptoError("sealing failed");
    return out;
}

std::string open_sealed(const Bytes& sealed, const Bytes& public_key, const SecretBytes& secret_key) {
    ensure_sodium();
    if (public_key.size() != crypto_box_PUBLICKEYBYTES || secret_key.size() != crypto_box_SECRETKEYBYTES)
        throw CryptoError("referral key has the wrong size");
    if (sealed.size() < crypto_box_SEALBYTES) throw CryptoError("sealed payload is too short");
    std::string out(sealed.size() - crypto_box_SEALBYTES, '\0');
    if (crypto_box_seal_open(reinterpret_cast<unsigned char*>(out.data()), sealed.data(), sealed.size(),
                             public_key.data(), secret_key.data()) != 0) {
        sodium_memzero(out.data(), out.size());
        throw CryptoError("sealed payload does not open with this key (wrong key or altered)");
    }
    return out;
}

std::string pack_signing_message(std::string_view version, std::string_view sha256_hex) {
    return "lantern-pack-v1\n" + std::string(version) + "\n" + std::string(sha256_hex) + "\n";
}

std::string heartbeat_proof(std::string_view token, std::string_view nonce) {
    ensure_sodium();
    Bytes key = sha256(token);
    std::string message = "lantern-heartbeat-v1\n" + std::string(nonce);
    crypto_auth_hmacsha256_state state;
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_init(&state, key.data(), key.size());
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()), message.size());
    crypto_auth_hmacsha256_final(&state, mac);
    return to_hex(mac, sizeof mac);
}

std::string new_heartbeat_nonce() {
    ensure_sodium();
    unsigned char buf[32];
    randombytes_buf(buf, sizeof buf);
    return to_hex(buf, sizeof buf);
}

bool same_proof(std::string_view a, std::string_view b) {
    return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

Bytes sign_pack(std::string_view version, std::string_view sha256_hex, const SecretBytes& signing_key) {
    ensure_sodium();
    if (signing_key.size() != crypto_sign_SECRETKEYBYTES) throw CryptoError("signing key has the wrong size");
    std::string msg = pack_signing_message(version, sha256_hex);
    Bytes sig(crypto_sign_BYTES);
    crypto_sign_detached(sig.data(), nullptr, reinterpret_cast<const unsigned char*>(msg.data()), msg.size(),
                         signing_key.data());
    return sig;
}

bool verify_pack_signature(std::string_view version, std::string_view sha256_hex, const Bytes& signature,
                           const Bytes& signing_public_key) {
    ensure_sodium();
    if (signature.size() != crypto_sign_BYTES || signing_public_key.size() != crypto_sign_PUBLICKEYBYTES) return false;
    std::string msg = pack_signing_message(version, sha256_hex);
    return crypto_sign_verify_detached(signature.data(), reinterpret_cast<const unsigned char*>(msg.data()), msg.size(),
                                       signing_public_key.data()) == 0;
}

void wipe(std::string& s) {
    if (!s.empty()) sodium_memzero(s.data(), s.size());
    s.clear();
}

}  // namespace lantern::sync
