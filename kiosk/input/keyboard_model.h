// The on-screen keyboard's layouts (letters, shifted, numbers and symbols, accents, phone keypad, email).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kiosk/form/form_answers.h"

namespace lantern::kiosk {

enum class KeyboardLayer { letters, shifted, symbols, accents, accents_shifted, phone, email };

enum class KeyKind { insert, backspace, shift, symbols, letters, accents, space, newline, done };

struct KeyCap {  // one key of a layout: what it is, what it types, how wide
    KeyKind kind = KeyKind::insert;
    std::string text;  // what `insert` types; for other kinds, empty
    float width = 1;   // in key units
};

using KeyRows = std::vector<std::vector<KeyCap>>;

// The keys of a layer, row by row. Labels of function keys come from the strings table ("osk.*").
KeyRows keyboard_rows(KeyboardLayer layer, bool multiline);

// The layer a field opens with: a keypad for phone numbers, @ and .co.uk for email, letters otherwise.
KeyboardLayer default_layer(form::FieldType type);

// The layer after a layer-switching key; shift goes back to letters after one letter is typed.
KeyboardLayer next_layer(KeyboardLayer current, KeyKind pressed, form::FieldType type);

}  // namespace lantern::kiosk
