// The referral form: form.json parsed into typed steps and fields, and the visitor's draft answers.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/secret_text.h"

namespace lantern::kiosk::form {

// `note` is words shown to the visitor (never answered, never sent), e.g. the team's number once she says
// she will contact them herself.
enum class FieldType { text, multiline, phone, email, postcode, date, choice, choices, yesno, note };
const char* to_string(FieldType t);
std::optional<FieldType> field_type_from_string(std::string_view s);
// Text fields are typed on the keyboard; the others are answered with big toggle buttons (or, notes, not at all).
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

// show_if, safeguarding triggers and contact routes. A leaf: the field is not empty, or equals (for choices:
// includes) a value; or all / any / not of other conditions. A hidden field counts as unanswered, so an
// answer left behind by a changed earlier answer never decides anything.
struct Condition {
    enum class Kind { field, all, any, negate };
    Kind kind = Kind::field;
    std::string field;
    bool not_empty = false;
    std::string equals;
    std::vector<Condition> parts;  // all, any: one or more; negate: exactly one
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

struct Helpline {
    LocalText name;
    std::string number;
};

// One way the team will reach her, and what the done screen then says will happen.
struct ContactRoute {
    Condition when;
    LocalText next;
};

// The family support team's contact, a pack setting (FACTS.md has no number for it). A phone number that
// is empty or still the pack's placeholder is never shown: `contact_unset` is, instead.
struct Team {
    std::string phone;
    LocalText contact;        // "{phone}" is replaced by the number
    LocalText contact_unset;  // when no number is set
};

struct Form {
    std::string version;
    std::vector<Step> steps;
    std::string required_consent;         // field that must be answered before submit
    std::string sensitive_consent;        // yesno field: "yes" lets sensitive fields be sent
    std::vector<Condition> safeguarding;  // any true: show the helplines at once
    LocalText helplines_title;
    std::vector<Helpline> helplines;  // in the pack's order: 999 first
    Team team;
    // The first route whose condition holds is how the team will reach her. When the form declares routes,
    // one must hold before it can be sent: a referral the team could not answer safely is never sent.
    std::vector<ContactRoute> routes;
    LocalText timescale;  // when the team will be in touch; empty: the done screen promises no time
    LocalText withdraw;   // how to withdraw consent or have the answers deleted

    const Field* field(std::string_view id) const;
};

struct FormParseResult {
    std::optional<Form> form;
    std::string error;  // "form.json: step 2 \"contact\": field \"phone\": unknown type \"fone\""
};

// Never throws: bad JSON or a bad shape is an error naming where and what.
FormParseResult parse_form(std::string_view json_text);

// One answer: text fields, choice and yesno use `text` (an option id for choices); choices use `picks`.
// What she typed is a SecretText: it wipes itself, and growing never leaves a copy behind.
struct Answer {
    SecretText text;
    std::vector<std::string> picks;
    bool empty() const;
};

// The visitor's answers. Everything is overwritten with zeros before it is freed, so answers do not
// linger in freed memory after quick exit, idle wipe or submission.
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

bool condition_true(const Form& form, const Condition& c, const Draft& d);
bool is_visible(const Form& form, const Field& f, const Draft& d);
// True when any safeguarding trigger is answered: the helplines show at once.
bool shows_helplines(const Form& form, const Draft& d);
// The first contact route that holds, or nullptr.
const ContactRoute* contact_route(const Form& form, const Draft& d);
// The team's contact sentence in `lang`: the number when one is set, else where to ask for it.
std::string team_contact(const Form& form, std::string_view lang);

}  // namespace lantern::kiosk::form
