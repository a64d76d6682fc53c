// Turns a finished draft into what is sealed (answers JSON) and what travels in the clear (the summary).
#pragma once

#include <string>
#include <string_view>

#include "kiosk/form/form_answers.h"
#include "kiosk/parts/referral_sink.h"

namespace lantern::kiosk {

// `s` as a JSON string (quoted and escaped) appended to `out`, with no copy of it anywhere else.
void append_json_string(SecretText& out, std::string_view s);

// Whether the visitor agreed to share sensitive answers (the form's sensitive_consent field is "yes").
bool sensitive_consent_given(const form::Form& f, const form::Draft& d);

// Visible, answered fields only; sensitive fields only with sensitive consent; text trimmed.
// {"form_version", "lang", "sensitive_consent", "answers": {field: "text" | [picks]}}
SecretText referral_json(const form::Form& f, const form::Draft& d, const std::string& lang);

// Need categories (only with sensitive consent), audience, centre, date.
ReferralSummary referral_summary(const form::Form& f, const form::Draft& d, const std::string& audience,
                                 const std::string& centre, const std::string& date);

// Today as YYYY-MM-DD in UTC.
std::string today_utc();

// Gives sealed JSON (a referral's or an interest request's) to the sink in the one form it takes: a std::string
// of the exact size (it never grows), wiped once sealed. A sink that throws gives an error, never a reference.
SubmitResult submit_sealed(ReferralSink& sink, const std::string& form_version, const SecretText& sealed_json,
                           const ReferralSummary& summary);

}  // namespace lantern::kiosk
