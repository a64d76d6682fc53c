// Checks the visitor's answers per field type and per step; errors are keys into the strings table.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/form/form_answers.h"

namespace lantern::kiosk::form {

// Longest answer per type, in characters (code points).
std::size_t max_chars(FieldType t);

// The key of the message for what is wrong with one answer ("form.error.phone"), or nullopt if it is fine.
// Hidden fields are not checked. Text that looks like SQL or a format string is just text.
std::optional<std::string> check_answer(const Field& f, const Answer* a);

// Field id -> error key for every visible field of the step; the key "" holds a step-level error
// (require_one_of), whose text is the step's own message.
std::map<std::string, std::string> check_step(const Form& form, const Step& step, const Draft& d);

// Whether text is valid UTF-8 with no control characters (newlines allowed when `multiline`).
bool is_clean_text(std::string_view text, bool multiline);

// Individual format checks, exposed for tests.
bool is_uk_phone(std::string_view s);
bool is_email(std::string_view s);
bool is_uk_postcode(std::string_view s);
bool is_date(std::string_view s);  // DD/MM/YYYY, a real day

}  // namespace lantern::kiosk::form
