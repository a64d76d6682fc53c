// Export of referrals on the staff machine: fetch sealed rows, open them locally, write CSV or JSON.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "content/service_routing.h"
#include "hub/cli/admin_client.h"
#include "sync/protocol.h"
#include "sync/sealing.h"

namespace lantern::hub {

struct ExportedReferral {
    std::string id, reference, kiosk, created, received_at, form_version;
    sync::ReferralSummary summary;
    nlohmann::json answers;                                     // the opened payload (plaintext: handle with care)
    std::optional<std::vector<content::Suggestion>> suggested;  // set when the export was given a directory
};

struct ExportResult {
    std::vector<ExportedReferral> referrals;
    std::vector<std::string> failed_ids;  // could not be opened with this key; not marked exported
};

// Fetches every not-yet-exported referral (all of them with include_exported) and opens each with
// the referral secret key. Marks nothing.
ExportResult fetch_and_open(AdminClient& client, const sync::SecretBytes& secret_key, bool include_exported);

// A services directory for routing: a services.json or a content pack. Throws std::runtime_error.
std::vector<content::Service> read_service_directory(const std::string& path);

// Sets each referral's suggested services from its summary's needs and its centre's areas (not an interest
// request's: it names its family service).
void add_suggestions(std::vector<ExportedReferral>& referrals, const std::vector<content::Service>& directory,
                     const content::CentreAreas& areas);

// With suggestions, CSV gains a "suggested" column ("Name (phone); ...") and JSON a "suggested" list.
std::string to_csv(const std::vector<ExportedReferral>& referrals);
std::string to_json_text(const std::vector<ExportedReferral>& referrals);

// Writes text to a new file with mode 0600 (plaintext referrals); throws std::runtime_error.
void write_private_file(const std::string& path, const std::string& text);

}  // namespace lantern::hub
