// Key logic of the kiosk's text fields and keyboard layouts.
#include <doctest/doctest.h>

#include "kiosk/keyboard_model.h"
#include "kiosk/text_edit.h"

using namespace lantern::kiosk;

TEST_CASE("backspace removes a whole character, however many bytes it takes") {
    std::string s = "Siân ŵ";
    backspace_utf8(s);
    CHECK(s == "Siân ");
    backspace_utf8(s);
    backspace_utf8(s);
    CHECK(s == "Siâ");
    backspace_utf8(s);
    CHECK(s == "Si");
    std::string emoji = "a\U0001F600";
    backspace_utf8(emoji);
    CHECK(emoji == "a");
    std::string empty;
    backspace_utf8(empty);
    CHECK(empty.empty());
}

TEST_CASE("insert refuses control characters, invalid UTF-8 and text past the cap, and never half-inserts") {
    std::string s;
    CHECK(insert_text(s, "Łódź", 10, false) == InsertResult::inserted);
    CHECK(s == "Łódź");
    CHECK(insert_text(s, "\t", 10, false) == InsertResult::refused_characters);
    CHECK(insert_text(s, "\n", 10, false) == InsertResult::refused_characters);
    CHECK(insert_text(s, "\xFF", 10, false) == InsertResult::refused_characters);
    CHECK(insert_text(s, "1234567", 10, false) == InsertResult::refused_too_long);
    CHECK(s == "Łódź");
    CHECK(insert_text(s, "\n", 10, true) == InsertResult::inserted);
    std::string big;
    for (int i = 0; i < 600; ++i) insert_text(big, "x", 500, false);
    CHECK(count_code_points(big) == 500);
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
