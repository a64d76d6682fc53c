// Checks form.json, the referral form's questions, against the structure the kiosk's form screens read.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "content/sources.h"

namespace lantern::content {

// Field types the kiosk knows how to draw.
inline constexpr const char* k_form_field_types[] = {"text", "multiline", "phone",   "email", "postcode",
                                                     "date", "choice",    "choices", "yesno", "note"};

// The default pack's stand-in for the family support team's phone number, which FACTS.md does not give:
// a form whose team phone is empty or starts with this is warned about, and the kiosk never shows it.
inline constexpr std::string_view k_placeholder_phone = "PLACEHOLDER";
bool is_placeholder_phone(std::string_view phone);

// Validates the text of form.json:
//   {version, steps: [{id, title: {lang: text}, fields: [{id, type, required, label: {lang: text},
//    help: {lang: text}, options: [{id, label: {lang: text}}], show_if: CONDITION}]}],
//    safeguarding: [CONDITION], helplines: {title, lines: [{name, number}]},
//    team: {phone, contact, contact_unset}, done: {routes: [{if: CONDITION, next}], timescale, withdraw}}
// where CONDITION is {field, equals | not_empty} or {all: [CONDITION]}, {any: [CONDITION]}, {not: CONDITION}.
// Every problem is an issue on "form.json", with the line of the step or field when it can be found,
// e.g. `form.json:14: error: field "phone": unknown type "fone"`. The referral form work extends this
// (per-type limits, consent wording); read_sources calls it so a bad form never reaches a pack.
std::vector<SourceIssue> validate_form_json(const std::string& text);

}  // namespace lantern::content
