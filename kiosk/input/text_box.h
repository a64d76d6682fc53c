// The one text-box model: what a key or a physical keyboard's characters do to the box that has focus, for
// every place that types (the form's fields, the search box, the staff notice). No UI here.
#pragma once

#include <cstddef>
#include <string_view>

#include "kiosk/form/form_answers.h"
#include "kiosk/input/keyboard_model.h"
#include "kiosk/input/secret_text.h"

namespace lantern::kiosk {

// What a box accepts: how many characters, whether Enter starts a new line, and what kind of text it is (the
// keyboard layer a layer key goes back to, e.g. the email layout for an email field).
struct TextRules {
    std::size_t max_chars = 80;
    bool multiline = false;
    form::FieldType type = form::FieldType::text;
};

// The box with focus: its text, and the keyboard's layer. The caret is always at the end: the kiosk's boxes
// are short, and typing on a touchscreen goes forward (Delete takes the last character back).
struct TextBox {
    SecretText& text;
    KeyboardLayer& layer;
    TextRules rules;
};

// Characters (code points) in UTF-8 text: what a box's cap counts.
std::size_t count_code_points(std::string_view s);

// What a key did, so the box's owner can put the keyboard away or say why nothing was typed.
enum class KeyResult { typed, unchanged, done, refused_too_long, refused_characters };

// One on-screen key: letters (and ".co.uk"), space, a new line (in a multiline box), Delete, Done, and the
// layer keys. Text is never partly inserted: invalid UTF-8, a control character or too many characters
// refuses the whole key.
KeyResult press_key(TextBox box, KeyKind kind, std::string_view text);
// A physical keyboard's characters, one code point at a time, so one control character does not drop the
// rest. Returns the last refusal, or typed.
KeyResult type_into(TextBox box, std::string_view typed);

}  // namespace lantern::kiosk
