// Referral serialisation and the non-identifying summary.
#include "kiosk/form/referral.h"

#include <sodium.h>

#include <algorithm>

#include "sync/encoding.h"

namespace lantern::kiosk {
namespace {

std::string_view trimmed(std::string_view s) {
    std::size_t b = s.find_first_not_of(" \n"), e = s.find_last_not_of(" \n");
    return b == std::string_view::npos ? std::string_view() : s.substr(b, e - b + 1);
}

}  // namespace

void append_json_string(SecretText& out, std::string_view s) {
    out.append('"');
    for (char c : s) {
        auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out.append('\\');
            out.append(c);
        } else if (c == '\n') {
            out.append("\\n");
        } else if (u < 0x20 || u == 0x7f) {
            const char* hex = "0123456789abcdef";
            char esc[] = {'\\', 'u', '0', '0', hex[u >> 4], hex[u & 15]};
            out.append(std::string_view(esc, sizeof esc));
        } else {
            out.append(c);  // answers are checked as clean UTF-8 before they get here
        }
    }
    out.append('"');
}

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

SecretText referral_json(const form::Form& f, const form::Draft& d, const std::string& lang) {
    // Written straight into a SecretText, never through a JSON tree or a growing std::string: each of those
    // would leave copies of the answers in freed memory.
    SecretText out;
    auto text = [&out](std::string_view s) { append_json_string(out, s); };
    bool sensitive_ok = sensitive_consent_given(f, d);
    // Keys in order, as a JSON object the hub reads by name.
    out.append("{\"answers\":{");
    bool first = true;
    for (const auto& step : f.steps)
        for (const auto& field : step.fields) {
            const form::Answer* a = d.find(field.id);
            if (!a || a->empty() || field.type == form::FieldType::note || !form::is_visible(f, field, d) ||
                (field.sensitive && !sensitive_ok))
                continue;
            if (!first) out.append(',');
            first = false;
            text(field.id);
            out.append(':');
            if (field.type == form::FieldType::choices) {
                out.append('[');
                for (std::size_t i = 0; i < a->picks.size(); ++i) {
                    if (i > 0) out.append(',');
                    text(a->picks[i]);
                }
                out.append(']');
            } else {
                text(trimmed(a->text.view()));
            }
        }
    out.append("},\"form_version\":");
    text(f.version);
    out.append(",\"lang\":");
    text(lang);
    out.append(sensitive_ok ? ",\"sensitive_consent\":true}" : ",\"sensitive_consent\":false}");
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

SubmitResult submit_sealed(ReferralSink& sink, const std::string& form_version, const SecretText& sealed_json,
                           const ReferralSummary& summary) {
    std::string copy;
    copy.reserve(sealed_json.size());
    copy.append(sealed_json.view());
    SubmitResult r;
    try {
        r = sink.submit(form_version, copy, summary);
    } catch (const std::exception& e) {
        r = {"", e.what()};
    }
    form::wipe_string(copy);
    return r;
}

}  // namespace lantern::kiosk
