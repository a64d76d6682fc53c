// Routing a referral: the directory's services that match its needs and serve its centre's area.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "content/pack_reader.h"

namespace lantern::content {

struct Suggestion {
    Service service;
    std::vector<std::string> needs;  // the referral's needs this service helps with, in the referral's order
};

// Services helping with at least one of `needs` and serving one of `centre_areas` (or national), at most
// `max`: local services before national ones, then those meeting more of the needs, then directory order.
// Services for under-18s only ("under 19") are left out: a referral comes from an adult.
std::vector<Suggestion> suggest_services(const std::vector<Service>& directory, const std::vector<std::string>& needs,
                                         const std::vector<std::string>& centre_areas, std::size_t max = 5);

// The areas each centre serves, from "--area" values: "Cardiff" applies to every centre without its own,
// "HMP Example=Cardiff" to that centre alone; repeat either for more areas.
class CentreAreas {
   public:
    explicit CentreAreas(const std::vector<std::string>& specs = {});
    const std::vector<std::string>& of(const std::string& centre) const;

   private:
    std::vector<std::string> everywhere_;
    std::map<std::string, std::vector<std::string>> by_centre_;
};

}  // namespace lantern::content
