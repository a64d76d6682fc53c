// Whether a file is a content pack a kiosk can show, checked before anyone publishes, fetches or switches to it.
#pragma once

#include <filesystem>
#include <string>

namespace lantern::content {

// Empty if `path` is a sound Lantern pack: an intact SQLite file (quick_check), a format this build
// understands, every table and column of k_pack_schema_sql (ui_strings may be missing: older packs), a
// content version, a form, at least one topic and one page, and every page in a topic that exists.
// Otherwise one sentence naming the file and the first thing wrong. Never throws for a bad file.
std::string validate_pack_file(const std::filesystem::path& path);

}  // namespace lantern::content
