// Which services a visitor's "Find local help" list shows, and in what order: one rule, read by the kiosk.
#pragma once

#include <string>
#include <vector>

#include "content/pack_reader.h"
#include "content/types.h"

namespace lantern::content {

// True for a service made for children and young people ("under 19", as Childline is).
bool is_for_young_people(const Service& s);

// The services `audience` may see that serve one of `centre_areas` (every service when the kiosk names no
// area), ordered for that audience: a child's or teen's list opens with help made for young people; an
// adult's ends with it. Within each, local services come before national helplines, then directory order.
std::vector<Service> services_for_visitor(std::vector<Service> directory, Audience audience,
                                          const std::vector<std::string>& centre_areas);

}  // namespace lantern::content
