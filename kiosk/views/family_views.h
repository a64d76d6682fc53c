// View models of the centre's family services, the "I'm interested" request and its reference.
#pragma once

#include <string>
#include <vector>

#include "kiosk/app/app.h"
#include "kiosk/views/form_views.h"

namespace lantern::kiosk {

struct FamilyServiceCard {
    std::string id, name, description, when, how_to_join;
};

struct FamilyServicesView {
    std::string title, intro, when_label, join_label, interested;
    std::vector<FamilyServiceCard> services;  // empty for anyone but an adult (audience_policy.h)
};

struct InterestView {
    bool available = false;  // the service is one run here and the visitor may see it
    std::string title, intro, tap_to_type;
    std::string name_label;
    SecretText first_name;  // what she typed: wiped with the view
    bool name_focused = false;
    std::string contact_label, phone_choice, desk_choice;
    InterestContact contact = InterestContact::none;
    std::string phone_label;
    SecretText phone;
    bool phone_focused = false;
    std::string error;  // in words
    std::string send;
    bool keyboard = false;
    std::vector<std::vector<KeyView>> keys;
};

struct InterestDoneView {
    std::string title, reference_label, reference, next, finish;
};

// The "Family services here" button on the home screen: empty unless an adult's kiosk has some here.
std::string family_services_entry(const App& app);

FamilyServicesView build_family_services(const App& app);
InterestView build_interest(const App& app);
InterestDoneView build_interest_done(const App& app);

}  // namespace lantern::kiosk
