// The one text-box model (keys, typing, caps) on its wiping buffer, and the keyboard layouts.
#include <doctest/doctest.h>

#include "kiosk/input/keyboard_model.h"
#include "kiosk/input/text_box.h"

using namespace lantern::kiosk;

namespace {

// A box of its own for each test: its text, the layer showing, and what it accepts.
struct Box {
    SecretText text;
    KeyboardLayer layer = KeyboardLayer::letters;
    TextRules rules;
    TextBox box() { return {text, layer, rules}; }
};

}  // namespace

TEST_CASE("Delete removes a whole character, however many bytes it takes") {
    Box b;
    b.text.assign("Siân ŵ");
    CHECK(press_key(b.box(), KeyKind::backspace, "") == KeyResult::typed);
    CHECK(b.text == "Siân ");
    press_key(b.box(), KeyKind::backspace, "");
    press_key(b.box(), KeyKind::backspace, "");
    CHECK(b.text == "Siâ");
    press_key(b.box(), KeyKind::backspace, "");
    CHECK(b.text == "Si");
    b.text.assign("a\U0001F600");
    press_key(b.box(), KeyKind::backspace, "");
    CHECK(b.text == "a");
    b.text.clear();
    press_key(b.box(), KeyKind::backspace, "");
    CHECK(b.text.empty());
}

TEST_CASE("a key refuses control characters, invalid UTF-8 and text past the cap, and never half-inserts") {
    Box b;
    b.rules.max_chars = 10;
    CHECK(press_key(b.box(), KeyKind::insert, "Łódź") == KeyResult::typed);
    CHECK(b.text == "Łódź");
    CHECK(press_key(b.box(), KeyKind::insert, "\t") == KeyResult::refused_characters);
    CHECK(press_key(b.box(), KeyKind::insert, "\n") == KeyResult::refused_characters);
    CHECK(press_key(b.box(), KeyKind::insert, "\xFF") == KeyResult::refused_characters);
    CHECK(press_key(b.box(), KeyKind::insert, "1234567") == KeyResult::refused_too_long);
    CHECK(b.text == "Łódź");
    // A new line only where the box takes one; elsewhere the key does nothing.
    CHECK(press_key(b.box(), KeyKind::newline, "") == KeyResult::unchanged);
    b.rules.multiline = true;
    CHECK(press_key(b.box(), KeyKind::newline, "") == KeyResult::typed);
    CHECK(b.text == "Łódź\n");
    Box big;
    big.rules.max_chars = 500;
    for (int i = 0; i < 600; ++i) press_key(big.box(), KeyKind::insert, "x");
    CHECK(count_code_points(big.text.view()) == 500);
}

TEST_CASE("a physical keyboard types code point by code point: one bad character does not drop the rest") {
    Box b;
    CHECK(type_into(b.box(), "Dŵr\x01 glân") == KeyResult::refused_characters);
    CHECK(b.text == "Dŵr glân");
    CHECK(type_into(b.box(), "!") == KeyResult::typed);
    CHECK(b.text == "Dŵr glân!");
}

TEST_CASE("shift is for one letter; layer keys type nothing; Done asks for the keyboard to go") {
    Box b;
    CHECK(press_key(b.box(), KeyKind::shift, "") == KeyResult::unchanged);
    CHECK(b.layer == KeyboardLayer::shifted);
    press_key(b.box(), KeyKind::insert, "S");
    CHECK(b.layer == KeyboardLayer::letters);
    press_key(b.box(), KeyKind::symbols, "");
    CHECK(b.layer == KeyboardLayer::symbols);
    CHECK(b.text == "S");
    // In an email box, "letters" goes back to the email layout.
    b.rules.type = lantern::kiosk::form::FieldType::email;
    press_key(b.box(), KeyKind::letters, "");
    CHECK(b.layer == KeyboardLayer::email);
    CHECK(press_key(b.box(), KeyKind::done, "") == KeyResult::done);
    CHECK(b.text == "S");
}

TEST_CASE("a SecretText grows without losing text, copies and moves whole, and clears to empty") {
    SecretText s;
    std::string expect;
    for (int i = 0; i < 300; ++i) {
        s.append("ab");
        expect += "ab";
    }
    CHECK(s.view() == expect);
    SecretText copy = s;
    SecretText moved = std::move(s);
    CHECK(copy.view() == expect);
    CHECK(moved.view() == expect);
    CHECK(s.empty());  // NOLINT(bugprone-use-after-move): a moved-from SecretText holds nothing
    moved.clear();
    CHECK(moved.empty());
    CHECK(copy.size() == expect.size());
}

TEST_CASE("the keyboard has the accents Welsh and Polish need, a phone keypad and an email layout") {
    auto has = [](const KeyRows& rows, const std::string& text) {
        for (const auto& r : rows)
            for (const auto& k : r)
                if (k.kind == KeyKind::insert && k.text == text) return true;
        return false;
    };
    KeyRows accents = keyboard_rows(KeyboardLayer::accents, false);
    for (const char* c :
         {"ŵ", "ŷ", "â", "ê", "î", "ô", "û", "ẁ", "ẃ", "ỳ", "ą", "ć", "ę", "ł", "ń", "ó", "ś", "ź", "ż"})
        CHECK_MESSAGE(has(accents, c), c);
    // Shift on the accents gives every one as a capital, for one letter.
    using lantern::kiosk::form::FieldType;
    auto up = next_layer(KeyboardLayer::accents, KeyKind::shift, FieldType::text);
    CHECK(up == KeyboardLayer::accents_shifted);
    KeyRows capitals = keyboard_rows(up, false);
    for (const char* c :
         {"Ŵ", "Ŷ", "Â", "Ê", "Î", "Ô", "Û", "Ẁ", "Ẃ", "Ỳ", "Ą", "Ć", "Ę", "Ł", "Ń", "Ó", "Ś", "Ź", "Ż"})
        CHECK_MESSAGE(has(capitals, c), c);
    CHECK(next_layer(up, KeyKind::insert, FieldType::text) == KeyboardLayer::accents);
    CHECK(next_layer(up, KeyKind::shift, FieldType::text) == KeyboardLayer::accents);
    KeyRows phone = keyboard_rows(default_layer(lantern::kiosk::form::FieldType::phone), false);
    CHECK(has(phone, "0"));
    CHECK(has(phone, "+"));
    CHECK_FALSE(has(phone, "a"));
    KeyRows email = keyboard_rows(default_layer(lantern::kiosk::form::FieldType::email), false);
    CHECK(has(email, "@"));
    CHECK(has(email, ".co.uk"));
    CHECK(next_layer(KeyboardLayer::letters, KeyKind::shift, lantern::kiosk::form::FieldType::text) ==
          KeyboardLayer::shifted);
    CHECK(next_layer(KeyboardLayer::shifted, KeyKind::insert, lantern::kiosk::form::FieldType::text) ==
          KeyboardLayer::letters);
    // Every layer ends in a Done key, so the keyboard can always be put away.
    for (auto layer : {KeyboardLayer::letters, KeyboardLayer::shifted, KeyboardLayer::symbols, KeyboardLayer::accents,
                       KeyboardLayer::phone, KeyboardLayer::email}) {
        bool done = false;
        for (const auto& r : keyboard_rows(layer, false))
            for (const auto& k : r) done |= k.kind == KeyKind::done;
        CHECK(done);
    }
}
