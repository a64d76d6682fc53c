// Which content pack the kiosk opens: the first of its candidates that passes the pack check.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "content/pack_reader.h"

namespace lantern::kiosk {

struct PackCandidate {
    std::string label;  // for staff: "version 3", "the pack shipped with the kiosk"
    std::filesystem::path path;
};

struct PackChoice {
    std::shared_ptr<const content::PackReader> pack;  // null when none could be used
    std::string fault;  // empty when the first candidate opened; else which failed and why, for staff and hub
};

// Tries each candidate in order (newest first: the current pack, the last good one, the shipped one); one
// that fails content::validate_pack_file or cannot be opened is skipped and named in `fault`. Never throws:
// a truncated, zeroed, random or table-less pack only moves the kiosk on to the next.
PackChoice open_first_good_pack(const std::vector<PackCandidate>& candidates);

}  // namespace lantern::kiosk
