// The on-screen keyboard's layouts (letters, shifted, numbers and symbols, accents, phone keypad, email).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kiosk/form_answers.h"

namespace lantern::kiosk {

enum class KeyboardLayer { letters, shifted, symbols, accents, accents_shifted, phone, email };

enum class KeyKind { insert, backspace, shift, symbols, letters, accents, space, newline, done };

struct Key {
    KeyKind kind = KeyKind::insert;
    std::string text;  // what `insert` types; for other kinds, empty
    float width = 1;   // in key units
};

using KeyRows = std::vector<std::vector<Key>>;

// The name a key kind travels under in an action's `arg` ("insert", "backspace", "shift", ...), and back;
// nullopt for a name that is no key.
const char* key_kind_name(KeyKind kind);
std::optional<KeyKind> key_kind_from_name(const std::string& name);

// The keys of a layer, row by row. Labels of function keys come from the strings table ("osk.*").
KeyRows keyboard_rows(KeyboardLayer layer, bool multiline);

// The layer a field opens with: a keypad for phone numbers, @ and .co.uk for email, letters otherwise.
KeyboardLayer default_layer(form::FieldType type);

// The layer after a layer-switching key; shift goes back to letters after one letter is typed.
KeyboardLayer next_layer(KeyboardLayer current, KeyKind pressed, form::FieldType type);

// A one-line box the kiosk's keyboard types into (search, a staff notice): its text, the layer showing,
// and whether the keyboard is up.
struct LineBox {
    std::string& text;
    KeyboardLayer& layer;
    bool& keyboard_up;
    std::size_t max_chars;
};
// One on-screen key, by the kind name and text its action carries: letters, space, delete, Done (which
// puts the keyboard away), and layer changes. An unknown kind name does nothing.
void press_key(LineBox box, const std::string& kind_name, const std::string& typed);
// A physical keyboard's characters, one code point at a time, so one control character does not drop the rest.
void type_into(LineBox box, const std::string& typed);

}  // namespace lantern::kiosk
