// What a key does to a field's text: insert (filtered, capped) and UTF-8 aware backspace. No UI here.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace lantern::kiosk {

// Removes the last code point (not just the last byte), so "ŵ" goes in one press.
void backspace_utf8(std::string& s);

enum class InsertResult { inserted, refused_too_long, refused_characters };

// Appends `text` unless it would exceed `max_chars` code points or holds invalid UTF-8 or control
// characters (a newline is allowed when `multiline`). The text is never partly inserted.
InsertResult insert_text(std::string& s, std::string_view text, std::size_t max_chars, bool multiline);

std::size_t count_code_points(std::string_view s);

}  // namespace lantern::kiosk
