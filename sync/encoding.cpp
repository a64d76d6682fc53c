// Byte helpers: base64, hex, SHA-256, UUIDs, reference codes, UTC timestamps, version order.
#include "sync/encoding.h"

#include <sodium.h>

#include <array>
#include <cstring>
#include <ctime>
#include <fstream>
#include <mutex>
#include <stdexcept>

namespace lantern::sync {

void ensure_sodium() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
    });
}

std::string to_base64(const unsigned char* data, std::size_t size) {
    ensure_sodium();
    std::string out(sodium_base64_encoded_len(size, sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), data, size, sodium_base64_VARIANT_ORIGINAL);
    out.resize(std::strlen(out.c_str()));
    return out;
}

std::optional<Bytes> from_base64(std::string_view text) {
    ensure_sodium();
    Bytes out(text.size() / 4 * 3 + 3);
    std::size_t len = 0;
    const char* end = nullptr;
    if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &len, &end,
                          sodium_base64_VARIANT_ORIGINAL) != 0)
        return std::nullopt;
    if (end != text.data() + text.size()) return std::nullopt;
    out.resize(len);
    return out;
}

std::string to_hex(const unsigned char* data, std::size_t size) {
    ensure_sodium();
    std::string out(size * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), data, size);
    out.resize(size * 2);
    return out;
}

std::optional<Bytes> from_hex(std::string_view text) {
    ensure_sodium();
    if (text.size() % 2 != 0) return std::nullopt;
    Bytes out(text.size() / 2);
    std::size_t len = 0;
    const char* end = nullptr;
    if (sodium_hex2bin(out.data(), out.size(), text.data(), text.size(), nullptr, &len, &end) != 0) return std::nullopt;
    if (end != text.data() + text.size() || len != out.size()) return std::nullopt;
    return out;
}

Bytes sha256(std::string_view data) {
    ensure_sodium();
    Bytes out(crypto_hash_sha256_BYTES);
    crypto_hash_sha256(out.data(), reinterpret_cast<const unsigned char*>(data.data()), data.size());
    return out;
}

std::string sha256_hex(std::string_view data) { return to_hex(sha256(data)); }

std::string sha256_file_hex(const std::filesystem::path& path) {
    ensure_sodium();
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    std::array<char, 64 * 1024> buf{};
    while (in) {
        in.read(buf.data(), buf.size());
        auto n = in.gcount();
        if (n > 0) crypto_hash_sha256_update(&state, reinterpret_cast<unsigned char*>(buf.data()), n);
    }
    if (in.bad()) throw std::runtime_error("cannot read " + path.string());
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256_final(&state, digest.data());
    return to_hex(digest.data(), digest.size());
}

std::string new_uuid_v4() {
    ensure_sodium();
    std::array<unsigned char, 16> b{};
    randombytes_buf(b.data(), b.size());
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    std::string hex = to_hex(b.data(), b.size());
    return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" +
           hex.substr(20);
}

bool is_uuid(std::string_view t) {
    if (t.size() != 36) return false;
    for (std::size_t i = 0; i < t.size(); ++i) {
        char c = t[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-') return false;
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    return true;
}

std::string new_reference_code() {
    ensure_sodium();
    std::string code;
    for (int i = 0; i < 8; ++i)
        code += k_reference_alphabet[randombytes_uniform(static_cast<uint32_t>(k_reference_alphabet.size()))];
    return code;
}

std::string format_reference_code(std::string_view code) {
    if (code.size() != 8) return std::string(code);
    return std::string(code.substr(0, 4)) + "-" + std::string(code.substr(4));
}

bool is_reference_code(std::string_view code) {
    if (code.size() != 8) return false;
    for (char c : code)
        if (k_reference_alphabet.find(c) == std::string_view::npos) return false;
    return true;
}

std::string utc_now_iso() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

namespace {
// The number in text[at, at + len), all digits, or -1.
int digits_at(std::string_view text, std::size_t at, std::size_t len) {
    int v = 0;
    for (std::size_t i = at; i < at + len; ++i) {
        if (text[i] < '0' || text[i] > '9') return -1;
        v = v * 10 + (text[i] - '0');
    }
    return v;
}
}  // namespace

std::optional<CivilDate> parse_date(std::string_view d) {
    if (d.size() != 10 || d[4] != '-' || d[7] != '-') return std::nullopt;
    CivilDate c{digits_at(d, 0, 4), digits_at(d, 5, 2), digits_at(d, 8, 2)};
    if (c.year < 1970 || c.month < 1 || c.month > 12 || c.day < 1) return std::nullopt;
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (c.year % 4 == 0 && c.year % 100 != 0) || c.year % 400 == 0;
    int last = days[c.month - 1] + (c.month == 2 && leap ? 1 : 0);
    if (c.day > last) return std::nullopt;
    return c;
}

bool is_utc_iso(std::string_view t) {
    // YYYY-MM-DDTHH:MM:SSZ
    if (t.size() != 20 || t[10] != 'T' || t[13] != ':' || t[16] != ':' || t[19] != 'Z') return false;
    if (!parse_date(t.substr(0, 10))) return false;
    int h = digits_at(t, 11, 2), m = digits_at(t, 14, 2), s = digits_at(t, 17, 2);
    return h >= 0 && h <= 23 && m >= 0 && m <= 59 && s >= 0 && s <= 59;
}

namespace {
bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}
int compare_part(std::string_view a, std::string_view b) {
    if (all_digits(a) && all_digits(b)) {
        while (a.size() > 1 && a[0] == '0') a.remove_prefix(1);
        while (b.size() > 1 && b[0] == '0') b.remove_prefix(1);
        if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
    }
    int c = a.compare(b);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
}
}  // namespace

int compare_versions(std::string_view a, std::string_view b) {
    while (!a.empty() || !b.empty()) {
        auto pa = a.find('.');
        auto pb = b.find('.');
        std::string_view ha = a.substr(0, pa), hb = b.substr(0, pb);
        if (int c = compare_part(ha, hb); c != 0) return c;
        a = pa == std::string_view::npos ? std::string_view{} : a.substr(pa + 1);
        b = pb == std::string_view::npos ? std::string_view{} : b.substr(pb + 1);
    }
    return 0;
}

}  // namespace lantern::sync
