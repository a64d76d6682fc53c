// Who may see what: the one rule that keeps adult-only subjects from under-5s, children and teens.
#pragma once

#include <string_view>
#include <vector>

#include "content/types.h"

namespace lantern::content {

struct Service;

// Subjects only adults may see, whatever a source file or a pack says: topic ids, and the same ids where
// a service or the form names a need. A young person must never be offered any of them.
inline constexpr std::string_view k_adult_only_subjects[] = {"domestic-abuse", "money-debt", "drugs-alcohol",
                                                             "offending"};
bool is_adult_only_subject(std::string_view id);

// A topic: adult-only by the subject list above or by its own adult_only flag (topics.yaml, the pack).
bool may_see_topic(Audience a, std::string_view topic_id, bool flagged_adult_only);
bool may_see(Audience a, const Topic& t);
// A page: written for `a`, in a topic `a` may see (`topic_adult_only`: that topic's own flag).
bool may_see_page(Audience a, const std::vector<Audience>& page_audiences, std::string_view topic,
                  bool topic_adult_only);
bool may_see(Audience a, const Page& p);
// A need, as a filter on the services screen.
bool may_see_need(Audience a, std::string_view need);
// A service: not for young people when it is for over-18s, or when every need it meets is adult-only.
// A centre's family services (a homework club too) are for adults only: the parent or carer who brings the
// family arranges them and asks for a place, so "Family services here" is on an adult's home alone.
bool may_see(Audience a, const Service& s);
bool may_see_family_services(Audience a);

}  // namespace lantern::content
