// The referral form: form.json parsed into typed steps and fields, and the visitor's draft answers.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lantern::kiosk::form {

enum class FieldType { text, multiline, phone, email, postcode, date, choice, choices, yesno };
const char* to_string(FieldType t);
std::optional<FieldType> field_type_from_string(std::string_view s);
// Text fields are typed on the keyboard; the others are answered with big toggle buttons.
bool is_typed(FieldType t);

// Words in several languages; `in(lang)` falls back to English, then to any language.
struct LocalText {
    std::map<std::string, std::string, std::less<>> by_lang;
    const std::string& in(std::string_view lang) const;
    bool empty() const { return by_lang.empty(); }
};

struct Option {
    std::string id;
    LocalText label;
};

// show_if and safeguarding triggers: the field is not empty, or equals (for choices: includes) a value.
struct Condition {
    std::string field;
    bool not_empty = false;
    std::string equals;
};

struct Field {
    std::string id;
    FieldType type = FieldType::text;
    bool required = false;
    bool sensitive = false;  // health, abuse, offending: sent only with the separate sensitive consent
    LocalText label, help;
    std::vector<Option> options;  // choice, choices; yesno gets "yes" and "no"
    std::optional<Condition> show_if;
};

struct Step {
    std::string id;
    LocalText title;
    std::vector<Field> fields;
    std::vector<std::string> require_one_of;  // at least one of these fields must be answered
    LocalText one_of_message;
};

struct Form {
    std::string version;
    std::vector<Step> steps;
    std::string required_consent;         // field that must be answered before submit
    std::string sensitive_consent;        // yesno field: "yes" lets sensitive fields be sent
    std::vector<Condition> safeguarding;  // any true: show the helplines at once

    const Field* field(std::string_view id) const;
};

struct FormParseResult {
    std::optional<Form> form;
    std::string error;  // "form.json: step 2 \"contact\": field \"phone\": unknown type \"fone\""
};

// Never throws: bad JSON or a bad shape is an error naming where and what.
FormParseResult parse_form(std::string_view json_text);

// One answer: text fields, choice and yesno use `text` (an option id for choices); choices use `picks`.
struct Answer {
    std::string text;
    std::vector<std::string> picks;
    bool empty() const;
};

// The visitor's answers. Everything is overwritten with zeros before it is freed, so answers do not
// linger in freed memory after quick exit, idle wipe or submission (best effort: std::string may have
// moved its buffer while growing; text is capped so growth is short-lived).
class Draft {
   public:
    Draft() = default;
    Draft(const Draft&) = delete;
    Draft& operator=(const Draft&) = delete;
    Draft(Draft&& o) noexcept;
    Draft& operator=(Draft&& o) noexcept;
    ~Draft();

    const Answer* find(std::string_view field) const;
    Answer& at(const std::string& field) { return answers_[field]; }
    const std::map<std::string, Answer, std::less<>>& answers() const { return answers_; }
    void wipe();

   private:
    std::map<std::string, Answer, std::less<>> answers_;
};

// Overwrites the string's bytes (its whole capacity) with zeros and empties it.
void wipe_string(std::string& s);

bool condition_true(const Condition& c, const Draft& d);
bool is_visible(const Field& f, const Draft& d);
// True when any safeguarding trigger is answered: the helplines show at once.
bool shows_helplines(const Form& form, const Draft& d);

}  // namespace lantern::kiosk::form
