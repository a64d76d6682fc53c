// The family-service interest request: checked, written as sealed JSON, summarised for the hub.
#include "kiosk/form/interest.h"

#include "kiosk/form/form_validation.h"
#include "kiosk/form/referral.h"
#include "kiosk/input/text_box.h"

namespace lantern::kiosk {
namespace {

std::string_view trimmed(std::string_view s) {
    std::size_t b = s.find_first_not_of(' '), e = s.find_last_not_of(' ');
    return b == std::string_view::npos ? std::string_view() : s.substr(b, e - b + 1);
}

}  // namespace

std::optional<std::string> check_interest(const InterestSession& s) {
    std::string_view name = trimmed(s.first_name.view());
    if (name.empty()) return "interest.error.name";
    if (count_code_points(name) > k_interest_name_chars || !form::is_clean_text(name, false))
        return "interest.error.name";
    if (s.contact == InterestContact::none) return "interest.error.contact";
    if (s.contact == InterestContact::phone && !form::is_uk_phone(trimmed(s.phone.view()))) return "form.error.phone";
    return std::nullopt;
}

SecretText interest_json(const InterestSession& s, const content::Service& service, const std::string& lang) {
    SecretText out;
    out.append("{\"contact\":");
    append_json_string(out, s.contact == InterestContact::phone ? "phone" : "desk");
    out.append(",\"first_name\":");
    append_json_string(out, trimmed(s.first_name.view()));
    out.append(",\"kind\":\"interest\",\"lang\":");
    append_json_string(out, lang);
    if (s.contact == InterestContact::phone) {
        out.append(",\"phone\":");
        append_json_string(out, trimmed(s.phone.view()));
    }
    out.append(",\"service\":");
    append_json_string(out, service.id);
    out.append(",\"service_name\":");
    append_json_string(out, service.name);
    out.append('}');
    return out;
}

ReferralSummary interest_summary(const std::string& service_id, const std::string& audience, const std::string& centre,
                                 const std::string& date) {
    return {{}, audience, centre, date, sync::k_kind_interest, service_id};
}

}  // namespace lantern::kiosk
