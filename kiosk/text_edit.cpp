// Text field editing core, shared by the on-screen keyboard and a physical keyboard.
#include "kiosk/text_edit.h"

#include "kiosk/form_validation.h"

namespace lantern::kiosk {

void backspace_utf8(std::string& s) {
    if (s.empty()) return;
    std::size_t i = s.size() - 1;
    // Step back over continuation bytes (10xxxxxx) to the lead byte of the last code point.
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    // Overwrite before shrinking so the removed character does not stay in the buffer.
    for (std::size_t k = i; k < s.size(); ++k) s[k] = '\0';
    s.resize(i);
}

std::size_t count_code_points(std::string_view s) {
    std::size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

InsertResult insert_text(std::string& s, std::string_view text, std::size_t max_chars, bool multiline) {
    if (!form::is_clean_text(text, multiline)) return InsertResult::refused_characters;
    if (count_code_points(s) + count_code_points(text) > max_chars) return InsertResult::refused_too_long;
    // Reserve up front so the buffer holding earlier answers is not copied and left behind by growth.
    if (s.capacity() < s.size() + text.size()) {
        std::string bigger;
        bigger.reserve(std::max(s.capacity() * 2, s.size() + text.size() + 32));
        bigger = s;
        for (char& c : s) c = '\0';
        s.swap(bigger);
    }
    s.append(text);
    return InsertResult::inserted;
}

}  // namespace lantern::kiosk
