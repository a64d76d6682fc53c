// Per-type answer checks, including hostile input: huge strings, invalid UTF-8, control characters.
#include <doctest/doctest.h>

#include "kiosk/form/form_validation.h"

using namespace lantern::kiosk::form;

namespace {
Field field_of(FieldType t, bool required = false) {
    Field f;
    f.id = "x";
    f.type = t;
    f.required = required;
    if (t == FieldType::choice || t == FieldType::choices) f.options = {{"a", {}}, {"b", {}}};
    if (t == FieldType::yesno) f.options = {{"yes", {}}, {"no", {}}};
    return f;
}
std::optional<std::string> check(FieldType t, const std::string& text, bool required = false) {
    Answer a{text, {}};
    return check_answer(field_of(t, required), &a);
}
}  // namespace

TEST_CASE("UK phone numbers are accepted with spaces or +44 and anything else is refused") {
    for (const char* ok : {"07700 900123", "07700900123", "+44 7700 900123", "+447700900123", "020 7946 0000",
                           "01632 960001", "+44 07700 900123", "0300 063 2100"})
        CHECK_MESSAGE(is_uk_phone(ok), ok);
    for (const char* bad : {"", "12345", "0770090012345", "+1 202 555 0100", "07700-900123", "phone", "++447700900123",
                            "00447700900123", "0 7700 900 123 4"})
        CHECK_MESSAGE(!is_uk_phone(bad), bad);
    CHECK(check(FieldType::phone, "07700 900123") == std::nullopt);
    CHECK(check(FieldType::phone, "call me") == "form.error.phone");
}

TEST_CASE("emails, postcodes and dates are checked for shape") {
    CHECK(is_email("sam@example.co.uk"));
    CHECK(is_email("first.last+tag@mail.example.com"));
    CHECK_FALSE(is_email("sam@"));
    CHECK_FALSE(is_email("@example.com"));
    CHECK_FALSE(is_email("sam@example"));
    CHECK_FALSE(is_email("sam @example.com"));
    CHECK_FALSE(is_email("a@b@c.com"));
    CHECK_FALSE(is_email("sam@example..com"));
    CHECK(is_uk_postcode("CF10 1AA"));
    CHECK(is_uk_postcode("sw1a1aa"));
    CHECK(is_uk_postcode("M1 1AE"));
    CHECK(is_uk_postcode("B33 8TH"));
    CHECK(is_uk_postcode("EC1A 1BB"));
    CHECK_FALSE(is_uk_postcode("12345"));
    CHECK_FALSE(is_uk_postcode("CF10"));
    CHECK_FALSE(is_uk_postcode("CF10 AAA"));
    CHECK(is_date("29/02/2024"));
    CHECK(is_date("31/12/1999"));
    CHECK_FALSE(is_date("29/02/2023"));
    CHECK_FALSE(is_date("31/04/2024"));
    CHECK_FALSE(is_date("1/2/2024"));
    CHECK_FALSE(is_date("00/01/2024"));
    CHECK(check(FieldType::email, "nope") == "form.error.email");
    CHECK(check(FieldType::postcode, "nope") == "form.error.postcode");
    CHECK(check(FieldType::date, "32/01/2024") == "form.error.date");
}

TEST_CASE("required fields must be answered and optional ones may be empty") {
    CHECK(check(FieldType::text, "", true) == "form.error.required");
    CHECK(check(FieldType::text, "   ", true) == "form.error.required");
    CHECK(check(FieldType::text, "") == std::nullopt);
    CHECK(check_answer(field_of(FieldType::choices, true), nullptr) == "form.error.pick");
    CHECK(check_answer(field_of(FieldType::yesno, true), nullptr) == "form.error.required");
}

TEST_CASE("choices only accept the form's own option ids, once each") {
    Answer ok{"", {"a", "b"}}, unknown{"", {"a", "z"}}, twice{"", {"a", "a"}};
    CHECK(check_answer(field_of(FieldType::choices), &ok) == std::nullopt);
    CHECK(check_answer(field_of(FieldType::choices), &unknown) == "form.error.option");
    CHECK(check_answer(field_of(FieldType::choices), &twice) == "form.error.option");
    Answer yes{"yes", {}}, maybe{"maybe", {}};
    CHECK(check_answer(field_of(FieldType::yesno), &yes) == std::nullopt);
    CHECK(check_answer(field_of(FieldType::yesno), &maybe) == "form.error.option");
}

TEST_CASE("hostile text: 10 KB strings, invalid UTF-8 and control characters are refused with a message") {
    CHECK(check(FieldType::text, std::string(10 * 1024, 'a')) == "form.error.too_long");
    CHECK(check(FieldType::multiline, std::string(10 * 1024, 'a')) == "form.error.too_long");
    CHECK(check(FieldType::text, std::string(500, 'a')) == std::nullopt);
    std::string welsh;
    for (int i = 0; i < 500; ++i) welsh += "ŵ";  // 500 characters, 1000 bytes: within the cap
    CHECK(check(FieldType::text, welsh) == std::nullopt);
    CHECK(check(FieldType::multiline, std::string(2000, 'b')) == std::nullopt);
    CHECK(check(FieldType::multiline, std::string(2001, 'b')) == "form.error.too_long");
    CHECK(check(FieldType::text, "bad \xC3\x28 utf8") == "form.error.characters");
    CHECK(check(FieldType::text, "\xED\xA0\x80") == "form.error.characters");  // a UTF-16 surrogate
    CHECK(check(FieldType::text, std::string("nul\0inside", 10)) == "form.error.characters");
    CHECK(check(FieldType::text, "bell\a") == "form.error.characters");
    CHECK(check(FieldType::text, "esc\x1b[2J") == "form.error.characters");
    CHECK(check(FieldType::text, "line\nbreak") == "form.error.characters");
    CHECK(check(FieldType::multiline, "line\nbreak") == std::nullopt);
    CHECK(check(FieldType::text, "rtl \u202E override") == "form.error.characters");
    CHECK(check(FieldType::phone, std::string(10 * 1024, '0')) == "form.error.too_long");
}

TEST_CASE("SQL and format-string text is just text") {
    CHECK(check(FieldType::text, "Robert'); DROP TABLE outbox;--") == std::nullopt);
    CHECK(check(FieldType::multiline, "%s%s%s%n %x {0} ${HOME} $(rm -rf /)") == std::nullopt);
    CHECK(check(FieldType::text, "Siân Ŵyn, Łódź, Zażółć") == std::nullopt);
}
