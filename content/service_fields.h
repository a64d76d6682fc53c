// One entry of the services directory (services.json): its fields checked, read in a language, and the area it serves.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "content/pack_reader.h"
#include "content/sources.h"

namespace lantern::content {

// The "areas" entry of a service that serves everyone, wherever they live (the national helplines).
inline constexpr const char* k_national_area = "national";

// "kind" of a family service a visitor centre runs itself (family days, parenting courses, homework clubs,
// storybook recording, casework): shown under "Family services here" at the centres it names, never in
// "Find local help" or an export's suggestions. An entry without "kind" is a directory service.
inline constexpr const char* k_family_service_kind = "family-service";

// The four kinds of family service the research names, as "family_type" gives them.
inline constexpr const char* k_family_types[] = {"family-ties", "parenting", "whole-family", "casework"};

// What is wrong with one services.json entry, each message naming the field ("\"areas\" must be ..."). Only
// the shape is judged here (types, area names, language codes); read_services adds the entry's number and id.
// Fields this version does not know are allowed, so an older kiosk reads a newer file.
std::vector<std::string> check_service_fields(const nlohmann::json& service);

// Needs a service lists that the form's needs question does not offer: a typo there would hide the service
// from "Find local help" and from routing. Lint warnings on services.json, naming the service and the need.
std::vector<SourceIssue> check_service_needs(const Sources& sources);

// One entry in `lang` (a translated field replaces the English one only when it is a non-empty string).
Service service_from_json(const nlohmann::json& entry, const std::string& lang);

// Every entry of a services.json text in `lang`; entries that are not objects are left out.
std::vector<Service> services_from_json_text(const std::string& text, const std::string& lang = "en");

// A centre's own family service rather than a directory entry.
bool is_family_service(const Service& s);

// The family services run at `centre` (compared as area names are), in directory order. The audience rule
// (audience_policy.h) is the caller's: a kiosk shows them to adults only.
std::vector<Service> family_services_at(const std::vector<Service>& directory, const std::string& centre);

// A service with no "areas" predates them: every such service was a national helpline.
bool is_national(const Service& s);

// True when the service is national or one of its areas is one of the centre's (case and spacing aside).
bool serves_area(const Service& s, const std::vector<std::string>& centre_areas);

// Lower-cased with runs of spaces made one and the ends trimmed: how area names are compared (common/place_name.h).
std::string area_key(const std::string& name);

}  // namespace lantern::content
