// Suggested services for a referral, so the support team can pass it on the day it arrives.
#include "content/service_routing.h"

#include <algorithm>

#include "content/service_fields.h"
#include "content/service_listing.h"

namespace lantern::content {

std::vector<Suggestion> suggest_services(const std::vector<Service>& directory, const std::vector<std::string>& needs,
                                         const std::vector<std::string>& centre_areas, std::size_t max) {
    std::vector<Suggestion> out;
    for (const auto& s : directory) {
        if (is_for_young_people(s) || is_family_service(s)) continue;  // a family service is asked for at its centre
        if (!serves_area(s, centre_areas)) continue;
        Suggestion sug{s, {}};
        for (const auto& n : needs)
            if (std::find(s.needs.begin(), s.needs.end(), n) != s.needs.end() &&
                std::find(sug.needs.begin(), sug.needs.end(), n) == sug.needs.end())
                sug.needs.push_back(n);
        if (!sug.needs.empty()) out.push_back(std::move(sug));
    }
    std::stable_sort(out.begin(), out.end(), [](const Suggestion& a, const Suggestion& b) {
        bool a_local = !is_national(a.service), b_local = !is_national(b.service);
        if (a_local != b_local) return a_local;
        return a.needs.size() > b.needs.size();
    });
    if (out.size() > max) out.resize(max);
    return out;
}

CentreAreas::CentreAreas(const std::vector<std::string>& specs) {
    for (const auto& spec : specs) {
        auto eq = spec.find('=');
        if (eq == std::string::npos) {
            everywhere_.push_back(spec);
        } else {
            by_centre_[area_key(spec.substr(0, eq))].push_back(spec.substr(eq + 1));
        }
    }
}

const std::vector<std::string>& CentreAreas::of(const std::string& centre) const {
    auto it = by_centre_.find(area_key(centre));
    return it == by_centre_.end() ? everywhere_ : it->second;
}

}  // namespace lantern::content
