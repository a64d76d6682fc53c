// Translation tracking: the fingerprint of the English a translation was made from, and review states.
#pragma once

#include <cstddef>
#include <string>

namespace lantern::content {

// A translated page's front matter carries `english_hash:`, this fingerprint of the English page it was
// translated from, so lint can tell when the English has changed since.
inline constexpr std::size_t k_english_hash_length = 12;

// The first 12 hex digits of the SHA-256 of the title, a newline, and the body without its trailing
// blank lines and spaces (an editor adding a final newline is not a change of meaning).
std::string english_fingerprint(const std::string& title, const std::string& body);

// `translation:` values: "unreviewed" until a fluent speaker has checked it, then "reviewed".
inline constexpr const char* k_translation_unreviewed = "unreviewed";
inline constexpr const char* k_translation_reviewed = "reviewed";

}  // namespace lantern::content
