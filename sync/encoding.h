// Byte helpers shared by sync and hub: base64, hex, SHA-256, ids, reference codes and UTC times.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lantern::sync {

using Bytes = std::vector<unsigned char>;

// Calls sodium_init() once; every function here and in sealing.h calls it, so callers need not.
void ensure_sodium();

std::string to_base64(const unsigned char* data, std::size_t size);
inline std::string to_base64(const Bytes& b) { return to_base64(b.data(), b.size()); }
// Standard alphabet with padding; nullopt on anything else (whitespace included).
std::optional<Bytes> from_base64(std::string_view text);

std::string to_hex(const unsigned char* data, std::size_t size);
inline std::string to_hex(const Bytes& b) { return to_hex(b.data(), b.size()); }
std::optional<Bytes> from_hex(std::string_view text);

// SHA-256 (libsodium crypto_hash_sha256).
Bytes sha256(std::string_view data);
std::string sha256_hex(std::string_view data);
// Streams the file; throws std::runtime_error if it cannot be read.
std::string sha256_file_hex(const std::filesystem::path& path);

// A random RFC 4122 version-4 UUID, lower case.
std::string new_uuid_v4();
bool is_uuid(std::string_view text);

// Reference codes use letters and digits nobody confuses when reading them aloud or off a screen.
inline constexpr std::string_view k_reference_alphabet = "ACDEFHJKMNPQRTUVWXY3479";
// Eight characters from k_reference_alphabet, stored without the dash.
std::string new_reference_code();
// "ABCDEFGH" -> "ABCD-EFGH" as shown to a visitor.
std::string format_reference_code(std::string_view code);
bool is_reference_code(std::string_view code);

// Now in UTC as "2024-05-01T12:34:56Z".
std::string utc_now_iso();
// "YYYY-MM-DDTHH:MM:SSZ" naming a real moment: a real calendar day (see parse_date), 00-23, 00-59, 00-59.
bool is_utc_iso(std::string_view text);

struct CivilDate {
    int year, month, day;
};
// "YYYY-MM-DD" naming a day that exists (2024-02-29 yes, 2026-02-31 and 2023-02-29 no), years 1970-9999;
// nothing else: no spaces, signs or other lengths.
std::optional<CivilDate> parse_date(std::string_view text);

// Version order for content packs: dot-separated parts, numeric parts compared as numbers, others as
// text; "20240501120000" > "20240430000000", "1.10" > "1.9". Returns <0, 0, >0.
int compare_versions(std::string_view a, std::string_view b);

}  // namespace lantern::sync
