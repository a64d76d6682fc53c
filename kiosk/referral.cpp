// Referral serialisation and the non-identifying summary.
#include "kiosk/referral.h"

#include <sodium.h>

#include <algorithm>

#include "sync/encoding.h"

namespace lantern::kiosk {
namespace {

std::string trimmed(const std::string& s) {
    std::size_t b = s.find_first_not_of(" \n"), e = s.find_last_not_of(" \n");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

}  // namespace

std::string make_reference_code() { return sync::format_reference_code(sync::new_reference_code()); }

SubmitResult DiscardingReferralSink::submit(const std::string&, const std::string&, const ReferralSummary&) {
    ++submitted;
    return {make_reference_code(), ""};
}

bool sensitive_consent_given(const form::Form& f, const form::Draft& d) {
    if (f.sensitive_consent.empty()) return true;  // a form that asks nothing sensitive needs no second consent
    const form::Answer* a = d.find(f.sensitive_consent);
    return a && a->text == "yes";
}

std::string referral_json(const form::Form& f, const form::Draft& d, const std::string& lang) {
    bool sensitive_ok = sensitive_consent_given(f, d);
    nlohmann::json answers = nlohmann::json::object();
    for (const auto& step : f.steps)
        for (const auto& field : step.fields) {
            const form::Answer* a = d.find(field.id);
            if (!a || a->empty() || field.type == form::FieldType::note || !form::is_visible(f, field, d) ||
                (field.sensitive && !sensitive_ok))
                continue;
            if (field.type == form::FieldType::choices) answers[field.id] = a->picks;
            else answers[field.id] = trimmed(a->text);
        }
    nlohmann::json j = {{"form_version", f.version},
                        {"lang", lang},
                        {"sensitive_consent", sensitive_ok},
                        {"answers", std::move(answers)}};
    // Answers are checked as clean UTF-8 before they get here; replace, never throw, if one slipped by.
    std::string out = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    // The JSON tree held copies of every answer: overwrite them before they are freed.
    for (auto& [id, v] : j["answers"].items()) {
        if (v.is_string()) form::wipe_string(v.get_ref<std::string&>());
        else
            for (auto& p : v) form::wipe_string(p.get_ref<std::string&>());
    }
    return out;
}

ReferralSummary referral_summary(const form::Form& f, const form::Draft& d, const std::string& audience,
                                 const std::string& centre, const std::string& date) {
    ReferralSummary s{{}, audience, centre, date};
    const form::Field* needs = f.field("needs");
    const form::Answer* a = d.find("needs");
    if (needs && a && sensitive_consent_given(f, d))
        for (const auto& o : needs->options)  // in the form's order, only ids the form knows
            if (std::find(a->picks.begin(), a->picks.end(), o.id) != a->picks.end()) s.needs.push_back(o.id);
    return s;
}

std::string today_utc() { return sync::utc_now_iso().substr(0, 10); }

}  // namespace lantern::kiosk
