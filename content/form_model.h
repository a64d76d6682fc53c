// The referral form's one model: form.json parsed into typed steps and fields, for the pack builder and the kiosk.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/sources.h"

namespace lantern::content::form {

// Every field type, known here once: the builder refuses a form.json naming any other, and so does the kiosk,
// which reads the same model. `note` is words shown to the visitor (never answered, never sent), e.g. the
// team's number once she says she will contact them herself.
enum class FieldType { text, multiline, phone, email, postcode, date, choice, choices, yesno, note };
std::vector<FieldType> field_types();  // every one, in form.json's documented order
const char* to_string(FieldType t);
std::optional<FieldType> field_type_from_string(std::string_view s);
// "text, multiline, ..., note": for messages that say what a type may be.
std::string known_field_types();
// Text fields are typed on the keyboard; the others are answered with big toggle buttons (or, notes, not at all).
bool is_typed(FieldType t);
// choice and choices list their options in form.json; yesno has its own two; the rest have none.
bool lists_options(FieldType t);

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
    std::optional<Form> form;         // only when there is no error
    std::vector<SourceIssue> issues;  // errors and warnings, each on "form.json" with its line when known
    std::string error;                // the first error as one line, e.g. for the kiosk's staff log; empty if none
};

// The one parser of form.json:
//   {version, steps: [{id, title: {lang: text}, fields: [{id, type, required, sensitive, label: {lang: text},
//    help: {lang: text}, options: [{id, label: {lang: text}}], show_if: CONDITION}],
//    require_one_of: [field] | {fields: [field], message: {lang: text}}}],
//    required_consent: field, sensitive_consent: field, safeguarding: [CONDITION],
//    helplines: {title, lines: [{name, number}]}, team: {phone, contact, contact_unset},
//    done: {routes: [{if: CONDITION, next}], timescale, withdraw}}
// where CONDITION is {field, equals | not_empty} or {all: [CONDITION]}, {any: [CONDITION]}, {not: CONDITION},
// and a {lang: text} may be a plain string, which is English. Every problem is named with its line, e.g.
// `form.json:14: error: field "phone": unknown type "fone" (use one of text, ...)`. Never throws.
FormParseResult parse_form(std::string_view text);

// The default pack's stand-in for the family support team's phone number, which FACTS.md does not give:
// a form whose team phone is empty or starts with this is warned about, and the kiosk never shows it.
inline constexpr std::string_view k_placeholder_phone = "PLACEHOLDER";
bool is_placeholder_phone(std::string_view phone);
// The team's contact sentence in `lang`: the number when one is set, else where to ask for it.
std::string team_contact(const Form& form, std::string_view lang);

}  // namespace lantern::content::form
