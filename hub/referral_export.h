// Export of referrals on the staff machine: fetch sealed rows, open them locally, write CSV or JSON.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "hub/admin_client.h"
#include "sync/sealing.h"

namespace lantern::hub {

struct ExportedReferral {
    std::string id, reference, kiosk, created, received_at, form_version;
    nlohmann::json summary;
    nlohmann::json answers;  // the opened payload (plaintext: handle with care)
};

struct ExportResult {
    std::vector<ExportedReferral> referrals;
    std::vector<std::string> failed_ids;  // could not be opened with this key; not marked exported
};

// Fetches every not-yet-exported referral (all of them with include_exported) and opens each with
// the referral secret key. Marks nothing.
ExportResult fetch_and_open(AdminClient& client, const sync::SecretBytes& secret_key, bool include_exported);

std::string to_csv(const std::vector<ExportedReferral>& referrals);
std::string to_json_text(const std::vector<ExportedReferral>& referrals);

// Writes text to a new file with mode 0600 (plaintext referrals); throws std::runtime_error.
void write_private_file(const std::string& path, const std::string& text);

}  // namespace lantern::hub
