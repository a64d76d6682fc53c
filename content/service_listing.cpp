// The order of "Find local help": what a visitor is most likely to need first, for who she is and where.
#include "content/service_listing.h"

#include <algorithm>

#include "content/audience_policy.h"
#include "content/service_fields.h"

namespace lantern::content {

bool is_for_young_people(const Service& s) { return s.age_range.rfind("under ", 0) == 0; }

std::vector<Service> services_for_visitor(std::vector<Service> directory, Audience audience,
                                          const std::vector<std::string>& centre_areas) {
    std::vector<Service> out;
    for (auto& s : directory)
        if (!is_family_service(s) && may_see(audience, s) && (centre_areas.empty() || serves_area(s, centre_areas)))
            out.push_back(std::move(s));
    const bool young = audience != Audience::adult;
    // Lower ranks first: for young people their own services, for adults everyone else's; then local.
    auto rank = [young](const Service& s) { return (is_for_young_people(s) != young) * 2 + is_national(s); };
    std::stable_sort(out.begin(), out.end(), [&](const Service& a, const Service& b) { return rank(a) < rank(b); });
    return out;
}

}  // namespace lantern::content
