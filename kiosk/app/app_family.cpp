// The App's family services: the centre's list (adults only), "I'm interested", and its Send through the same
// sealed outbox as a referral. Part of the state machine; typing is the text box's (app.cpp).
#include <algorithm>
#include <iostream>

#include "content/audience_policy.h"
#include "content/service_fields.h"
#include "kiosk/app/app.h"
#include "kiosk/form/form_answers.h"
#include "kiosk/form/referral.h"

namespace lantern::kiosk {
namespace {

std::optional<content::Service> find_service(const std::vector<content::Service>& list, const std::string& id) {
    auto it = std::find_if(list.begin(), list.end(), [&](const content::Service& s) { return s.id == id; });
    if (it == list.end()) return std::nullopt;
    return *it;
}

}  // namespace

std::vector<content::Service> App::family_services() const {
    if (!pack_ || !content::may_see_family_services(visit_.audience)) return {};
    return content::family_services_at(pack_->services("", visit_.lang), centre_);
}

void App::on(const OpenFamilyServices&, double) {
    // Only from an adult's home screen: before an audience is chosen the visit's audience is only a default.
    if (screen() != Screen::topics || family_services().empty()) return;  // a teen's or child's visit, or none run here
    if (!visit_.counted.family_services) usage_.family_services_opened();
    visit_.counted.family_services = true;
    go({Screen::family_services, "", ""});
}

void App::on(const InterestOpen& a, double) {
    if (screen() != Screen::family_services || !find_service(family_services(), a.service)) return;
    visit_.interest = InterestSession{};
    visit_.interest.service = a.service;
    visit_.interest.focus = "first_name";  // the first thing to do is type: the keyboard is up
    visit_.interest.layer = default_layer(form::FieldType::text);
    usage_.interest_started();
    go({Screen::interest, "", ""});
}

void App::on(const InterestContactPick& a, double) {
    if (screen() != Screen::interest) return;
    InterestSession& is = visit_.interest;
    is.contact = a.desk ? InterestContact::desk : InterestContact::phone;
    is.error.clear();
    if (a.desk) {
        is.phone = SecretText{};  // a number she typed and then chose not to give is not kept
        is.focus.clear();
    } else {
        is.focus = "phone";
        is.layer = default_layer(form::FieldType::phone);
    }
    ++revision_;
}

void App::on(const InterestSend&, double) {
    if (screen() != Screen::interest) return;
    InterestSession& is = visit_.interest;
    ++revision_;
    if (auto problem = check_interest(is)) {
        is.error = *problem;
        return;
    }
    // Staff read the service's English name in the export, whatever language she used.
    std::optional<content::Service> service =
        pack_ ? find_service(content::family_services_at(pack_->services("", "en"), centre_), is.service)
              : std::nullopt;
    if (!sink_ || !service) {
        is.error = "interest.error.not_saved";
        return;
    }
    SubmitResult r =
        submit_sealed(*sink_, k_interest_form_version, interest_json(is, *service, visit_.lang),
                      interest_summary(service->id, content::to_string(visit_.audience), centre_, today_utc()));
    if (r.reference.empty()) {
        // What she typed stays on screen so nothing is lost; the log names no answer.
        std::cerr << "lantern-kiosk: interest request not saved: " << r.error << "\n";
        is.error = "interest.error.not_saved";
        return;
    }
    usage_.interest_sent();
    std::string id = is.service;
    InterestContact contact = is.contact;
    visit_.interest = InterestSession{};  // her name and number are wiped as the old session goes
    visit_.interest.service = std::move(id);
    visit_.interest.contact = contact;  // which words the reference comes with
    visit_.interest.reference = r.reference;
    navigate({Screen::interest_done, "", ""}, Trail::restart,
             {Place{Screen::attract, "", ""}, Place{Screen::audience, "", ""}, Place{Screen::topics, "", ""}});
}

void App::on(const InterestFinish&, double) {
    if (screen() == Screen::interest_done) wipe();
}

}  // namespace lantern::kiosk
