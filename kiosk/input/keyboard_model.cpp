// Keyboard layouts. Accents cover Welsh (ŵ ŷ â ê î ô û, ẁ ẃ ỳ, á à ë ï ö ü ÿ) and Polish (ą ć ę ł ń ó ś ź ż),
// small and, with Shift, capital: a name or a town starts with a capital in either language.
#include "kiosk/input/keyboard_model.h"

#include <sstream>
#include <utility>

namespace lantern::kiosk {
namespace {

std::vector<KeyCap> keys_of(const std::string& spaced) {
    std::vector<KeyCap> row;
    std::istringstream in(spaced);
    std::string k;
    while (in >> k) row.push_back({KeyKind::insert, k, 1});
    return row;
}

KeyCap fn(KeyKind k, float w) { return {k, "", w}; }

void add_bottom(KeyRows& rows, KeyboardLayer layer, bool multiline) {
    std::vector<KeyCap> bottom;
    bool accents = layer == KeyboardLayer::accents || layer == KeyboardLayer::accents_shifted;
    if (layer == KeyboardLayer::symbols || accents) bottom.push_back(fn(KeyKind::letters, 1.5f));
    else bottom.push_back(fn(KeyKind::symbols, 1.5f));
    if (!accents) bottom.push_back(fn(KeyKind::accents, 1.5f));
    bottom.push_back(fn(KeyKind::space, 4.5f));
    if (multiline) bottom.push_back(fn(KeyKind::newline, 1.5f));
    bottom.push_back(fn(KeyKind::done, 2));
    rows.push_back(bottom);
}

}  // namespace

KeyRows keyboard_rows(KeyboardLayer layer, bool multiline) {
    KeyRows rows;
    switch (layer) {
        case KeyboardLayer::letters:
        case KeyboardLayer::shifted: {
            bool up = layer == KeyboardLayer::shifted;
            rows.push_back(keys_of(up ? "Q W E R T Y U I O P" : "q w e r t y u i o p"));
            rows.push_back(keys_of(up ? "A S D F G H J K L '" : "a s d f g h j k l '"));
            rows.push_back(keys_of(up ? "Z X C V B N M , . -" : "z x c v b n m , . -"));
            rows.back().insert(rows.back().begin(), fn(KeyKind::shift, 1.5f));
            rows.back().push_back(fn(KeyKind::backspace, 1.5f));
            add_bottom(rows, layer, multiline);
            break;
        }
        case KeyboardLayer::symbols:
            rows.push_back(keys_of("1 2 3 4 5 6 7 8 9 0"));
            rows.push_back(keys_of("@ # £ & ( ) / : ; ?"));
            rows.push_back(keys_of("! \" % + = _ * €"));
            rows.back().push_back(fn(KeyKind::backspace, 1.5f));
            add_bottom(rows, layer, multiline);
            break;
        case KeyboardLayer::accents:
        case KeyboardLayer::accents_shifted: {
            bool up = layer == KeyboardLayer::accents_shifted;
            rows.push_back(keys_of(up ? "Ŵ Ŷ Â Ê Î Ô Û Ẁ Ẃ Ỳ" : "ŵ ŷ â ê î ô û ẁ ẃ ỳ"));
            rows.push_back(keys_of(up ? "Ą Ć Ę Ł Ń Ó Ś Ź Ż É" : "ą ć ę ł ń ó ś ź ż é"));
            rows.push_back(keys_of(up ? "Á À Ë Ï Ö Ü Ÿ" : "á à ë ï ö ü ÿ"));
            rows.back().insert(rows.back().begin(), fn(KeyKind::shift, 1.5f));
            rows.back().push_back(fn(KeyKind::backspace, 1.5f));
            add_bottom(rows, layer, multiline);
            break;
        }
        case KeyboardLayer::phone:
            rows.push_back(keys_of("1 2 3"));
            rows.push_back(keys_of("4 5 6"));
            rows.push_back(keys_of("7 8 9"));
            rows.push_back({{KeyKind::insert, "+", 1}, {KeyKind::insert, "0", 1}, fn(KeyKind::backspace, 1)});
            rows.push_back({fn(KeyKind::space, 1.5f), fn(KeyKind::done, 1.5f)});
            break;
        case KeyboardLayer::email:
            rows.push_back(keys_of("1 2 3 4 5 6 7 8 9 0"));
            rows.push_back(keys_of("q w e r t y u i o p"));
            rows.push_back(keys_of("a s d f g h j k l _"));
            rows.push_back(keys_of("z x c v b n m . -"));
            rows.back().push_back(fn(KeyKind::backspace, 1.5f));
            rows.push_back({{KeyKind::insert, "@", 1.5f},
                            {KeyKind::insert, ".co.uk", 2},
                            {KeyKind::insert, ".com", 2},
                            fn(KeyKind::symbols, 1.5f),
                            fn(KeyKind::done, 2)});
            break;
    }
    return rows;
}

KeyboardLayer default_layer(form::FieldType type) {
    if (type == form::FieldType::phone) return KeyboardLayer::phone;
    if (type == form::FieldType::email) return KeyboardLayer::email;
    if (type == form::FieldType::date) return KeyboardLayer::symbols;
    return KeyboardLayer::letters;
}

KeyboardLayer next_layer(KeyboardLayer current, KeyKind pressed, form::FieldType type) {
    switch (pressed) {
        case KeyKind::shift:
            if (current == KeyboardLayer::accents) return KeyboardLayer::accents_shifted;
            if (current == KeyboardLayer::accents_shifted) return KeyboardLayer::accents;
            return current == KeyboardLayer::shifted ? KeyboardLayer::letters : KeyboardLayer::shifted;
        case KeyKind::symbols: return KeyboardLayer::symbols;
        case KeyKind::accents: return KeyboardLayer::accents;
        case KeyKind::letters: return type == form::FieldType::email ? KeyboardLayer::email : KeyboardLayer::letters;
        case KeyKind::insert:
            // Shift is for one letter, as on a phone.
            if (current == KeyboardLayer::shifted) return KeyboardLayer::letters;
            return current == KeyboardLayer::accents_shifted ? KeyboardLayer::accents : current;
        default: return current;
    }
}

}  // namespace lantern::kiosk
