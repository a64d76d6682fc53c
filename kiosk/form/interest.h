// "I'm interested" in a centre's family service: the visitor's short request, its checks, and what is sealed.
#pragma once

#include <optional>
#include <string>

#include "content/pack_reader.h"
#include "kiosk/input/keyboard_model.h"
#include "kiosk/input/secret_text.h"
#include "kiosk/parts/referral_sink.h"

namespace lantern::kiosk {

// How the family team may reach her: a phone number she types, or she asks at the visitor centre's desk.
enum class InterestContact { none, phone, desk };

// The request being written, part of the Visit: wiped with it (Quick exit, idle) and after Send.
struct InterestSession {
    std::string service;  // the family service's id in the pack
    SecretText first_name;
    SecretText phone;
    InterestContact contact = InterestContact::none;
    std::string focus;  // "first_name" or "phone" while the keyboard types there; empty: keyboard hidden
    KeyboardLayer layer = KeyboardLayer::letters;
    std::string error;      // strings key of what stops Send, shown under the boxes
    std::string reference;  // after Send: the code to quote at the desk
};

inline constexpr std::size_t k_interest_name_chars = 40;
inline constexpr const char* k_interest_form_version = "interest-1";

// The strings key of what is missing or wrong (no first name, no way to reach her, a phone number that is not
// one), or nullopt when the request can go.
std::optional<std::string> check_interest(const InterestSession& s);

// {"kind":"interest","service":id,"service_name":name (give the English entry: staff read
// it),"lang":lang,"first_name":...,"contact":"phone"|"desk"
// [,"phone":...]}, written straight into a SecretText like a referral's answers.
SecretText interest_json(const InterestSession& s, const content::Service& service, const std::string& lang);

// What the hub may read: kind "interest", the service's id, audience, centre and date; no needs, no text.
ReferralSummary interest_summary(const std::string& service_id, const std::string& audience, const std::string& centre,
                                 const std::string& date);

}  // namespace lantern::kiosk
