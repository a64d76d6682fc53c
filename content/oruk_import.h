// Open Referral UK (HSDS 3.0 UK profile) services read into the kiosk's services.json: taxonomy terms mapped
// to the form's needs, kept only where they serve the centre's area, bad entries named and left out.
#pragma once

#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace lantern::content {

class OrukError : public std::runtime_error {
   public:
    using std::runtime_error::runtime_error;
};

// Taxonomy terms to the form's need ids, from a small JSON file a centre can edit:
// {"terms": [{"name": "Debt advice", "needs": ["money-debt"]}, {"code": "LGA-123", "needs": [...]}]}.
// Names match whatever their case and spacing; codes match exactly.
struct TaxonomyMap {
    std::map<std::string, std::vector<std::string>> by_name;  // keyed by area_key(name)
    std::map<std::string, std::vector<std::string>> by_code;
    std::vector<std::string> needs_of(const std::string& code, const std::string& name) const;
};

// Throws OrukError naming the bad entry.
TaxonomyMap parse_taxonomy_map(const std::string& json_text);

// The service objects in a feed document: an HSDS paginated list ({"contents": [...]}), a bare list of
// services, or one service. Throws OrukError when the text is not JSON or none of these.
std::vector<nlohmann::json> oruk_feed_services(const std::string& feed_text);

struct OrukImport {
    nlohmann::json services = nlohmann::json::array();  // services.json entries, in feed order
    std::vector<std::string> problems;                  // one line per entry left out, naming it and why
    int read = 0, local = 0, national = 0;
    int outside_area = 0, not_active = 0, no_need = 0, malformed = 0;
};

// Turns feed services into services.json entries ("id": "oruk-<feed id>", "source": {"feed": "oruk", ...}).
// Kept: active services with at least one mapped need that are national or serve one of `centre_areas`.
// Never throws on an entry: a malformed one is counted, named in `problems` and left out.
OrukImport import_oruk_services(const std::vector<nlohmann::json>& feed, const TaxonomyMap& map,
                                const std::vector<std::string>& centre_areas);

// The new services.json text: every entry not imported from Open Referral kept as it was, the imported ones
// replaced by `imported` (keeping the translations a writer added to an entry of the same id). An imported
// entry whose id a hand-written one already uses is left out and named in `problems`. Throws OrukError when
// `existing_text` is not a JSON list.
std::string merge_imported_services(const std::string& existing_text, const nlohmann::json& imported,
                                    std::vector<std::string>& problems);

// Writes beside `path` and renames over it only once the whole text is on disk: a failed write leaves the old
// file as it was. Throws OrukError.
void replace_file_atomically(const std::filesystem::path& path, const std::string& text);

}  // namespace lantern::content
