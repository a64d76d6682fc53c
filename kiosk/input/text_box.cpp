// Key handling for every text box the kiosk types into.
#include "kiosk/input/text_box.h"

#include "content/utf8.h"
#include "kiosk/form/form_validation.h"

namespace lantern::kiosk {
namespace {

KeyResult insert(TextBox& box, std::string_view text) {
    if (!form::is_clean_text(text, box.rules.multiline)) return KeyResult::refused_characters;
    if (count_code_points(box.text.view()) + count_code_points(text) > box.rules.max_chars)
        return KeyResult::refused_too_long;
    box.text.append(text);
    return KeyResult::typed;
}

}  // namespace

std::size_t count_code_points(std::string_view s) {
    std::size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

KeyResult press_key(TextBox box, KeyKind kind, std::string_view text) {
    KeyResult result = KeyResult::unchanged;
    switch (kind) {
        case KeyKind::insert: result = insert(box, text); break;
        case KeyKind::space: result = insert(box, " "); break;
        case KeyKind::newline:
            if (box.rules.multiline) result = insert(box, "\n");
            break;
        case KeyKind::backspace:
            box.text.pop_code_point();
            result = KeyResult::typed;
            break;
        case KeyKind::done: result = KeyResult::done; break;
        case KeyKind::shift:
        case KeyKind::symbols:
        case KeyKind::letters:
        case KeyKind::accents: break;
    }
    box.layer = next_layer(box.layer, kind, box.rules.type);
    return result;
}

KeyResult type_into(TextBox box, std::string_view typed) {
    KeyResult result = KeyResult::typed;
    std::size_t i = 0;
    while (i < typed.size()) {
        std::size_t start = i;
        content::next_code_point(typed, i);
        KeyResult one = insert(box, typed.substr(start, i - start));
        if (one != KeyResult::typed) result = one;
    }
    return result;
}

}  // namespace lantern::kiosk
