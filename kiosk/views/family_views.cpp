// Builds the family services' view models from the App: the centre's list, the request being written, its reference.
#include "kiosk/views/family_views.h"

#include <algorithm>

#include "kiosk/views/strings.h"

namespace lantern::kiosk {

std::string family_services_entry(const App& app) {
    return app.family_services().empty() ? std::string() : tr("topics.family_services", app.visit().lang);
}

FamilyServicesView build_family_services(const App& app) {
    const std::string& lang = app.visit().lang;
    FamilyServicesView v;
    v.title = tr("family.title", lang);
    v.intro = tr("family.intro", lang);
    v.when_label = tr("family.when", lang);
    v.join_label = tr("family.how_to_join", lang);
    v.interested = tr("family.interested", lang);
    for (const auto& s : app.family_services())
        v.services.push_back({s.id, s.name, s.description, s.when, s.how_to_join});
    return v;
}

InterestView build_interest(const App& app) {
    const Visit& visit = app.visit();
    const std::string& lang = visit.lang;
    const InterestSession& is = visit.interest;
    InterestView v;
    auto services = app.family_services();
    auto it = std::find_if(services.begin(), services.end(), [&](const auto& s) { return s.id == is.service; });
    if (it == services.end()) return v;
    v.available = true;
    std::string title = tr("interest.title", lang);
    if (auto at = title.find("{name}"); at != std::string::npos) title.replace(at, 6, it->name);
    v.title = std::move(title);
    v.intro = tr("interest.intro", lang);
    v.tap_to_type = tr("form.tap_to_type", lang);
    v.name_label = tr("interest.first_name", lang);
    v.first_name.append(is.first_name.view());
    v.name_focused = is.focus == "first_name";
    v.contact_label = tr("interest.contact", lang);
    v.phone_choice = tr("interest.contact.phone", lang);
    v.desk_choice = tr("interest.contact.desk", lang);
    v.contact = is.contact;
    v.phone_label = tr("interest.phone", lang);
    v.phone.append(is.phone.view());
    v.phone_focused = is.focus == "phone" && is.contact == InterestContact::phone;
    if (!is.error.empty()) v.error = tr(is.error, lang);
    v.send = tr("interest.send", lang);
    v.keyboard = v.name_focused || v.phone_focused;
    if (v.keyboard) v.keys = keyboard_keys(is.layer, false, lang);
    return v;
}

InterestDoneView build_interest_done(const App& app) {
    const std::string& lang = app.visit().lang;
    const InterestSession& is = app.visit().interest;
    InterestDoneView v;
    v.title = tr("interest.done.title", lang);
    v.reference_label = tr("form.done.reference", lang);
    v.reference = is.reference;
    v.next = tr(is.contact == InterestContact::phone ? "interest.done.phone" : "interest.done.desk", lang);
    v.finish = tr("form.done.finish", lang);
    return v;
}

}  // namespace lantern::kiosk
