// UTF-8 checks shared by the source reader, the form validator and the markdown layout.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace lantern::content {

// Byte offset of the first invalid UTF-8 sequence, or nullopt when the text is valid.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

inline bool is_valid_utf8(std::string_view text) { return !first_invalid_utf8(text).has_value(); }

// Decodes one code point at `i`, advancing `i`; returns U+FFFD for a bad sequence.
char32_t next_code_point(std::string_view text, std::size_t& i);

}  // namespace lantern::content
