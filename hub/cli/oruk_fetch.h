// Reads every service from an Open Referral UK API (HSDS 3.0): the paginated /services list, then each
// service in full from /services/{id}, over libcurl.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace lantern::hub {

// `api_url` is the API's root ("https://api.example.org/api/v3"; a trailing "/services" is allowed).
// A service whose details cannot be fetched keeps the list's summary and is named in `notes`. Throws
// content::OrukError when a list page cannot be read (the import then writes nothing).
std::vector<nlohmann::json> fetch_oruk_services(const std::string& api_url, const std::string& ca_file,
                                                std::vector<std::string>& notes);

}  // namespace lantern::hub
