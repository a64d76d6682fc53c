// The adult-only rule, decided here once for the pack reader, the builder's lint and the kiosk's screens.
#include "content/audience_policy.h"

#include <algorithm>

#include "content/pack_reader.h"
#include "content/service_fields.h"

namespace lantern::content {

bool is_adult_only_subject(std::string_view id) {
    return std::find(std::begin(k_adult_only_subjects), std::end(k_adult_only_subjects), id) !=
           std::end(k_adult_only_subjects);
}

bool may_see_topic(Audience a, std::string_view topic_id, bool flagged_adult_only) {
    return a == Audience::adult || !(flagged_adult_only || is_adult_only_subject(topic_id));
}

bool may_see(Audience a, const Topic& t) { return may_see_topic(a, t.id, t.adult_only); }

bool may_see_page(Audience a, const std::vector<Audience>& page_audiences, std::string_view topic,
                  bool topic_adult_only) {
    return std::find(page_audiences.begin(), page_audiences.end(), a) != page_audiences.end() &&
           may_see_topic(a, topic, topic_adult_only);
}

bool may_see(Audience a, const Page& p) { return may_see_page(a, p.audiences, p.topic, p.topic_adult_only); }

bool may_see_need(Audience a, std::string_view need) { return a == Audience::adult || !is_adult_only_subject(need); }

bool may_see_family_services(Audience a) { return a == Audience::adult; }

bool may_see(Audience a, const Service& s) {
    if (is_family_service(s)) return may_see_family_services(a);
    if (a == Audience::adult) return true;
    if (s.age_range == "18+") return false;
    return s.needs.empty() ||
           std::any_of(s.needs.begin(), s.needs.end(), [&](const std::string& n) { return may_see_need(a, n); });
}

}  // namespace lantern::content
