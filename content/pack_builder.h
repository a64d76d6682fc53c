// Writes a content pack from validated sources; no pack is written when the sources have errors.
#pragma once

#include <filesystem>
#include <string>

#include "content/sources.h"

namespace lantern::content {

struct BuildOptions {
    std::string content_version;  // empty: the build time as YYYYMMDDHHMMSS, so versions only go up
};

// Builds `out` atomically (a temporary file renamed into place). Returns false, writing nothing,
// when `sources` has errors; throws std::runtime_error if the file cannot be written.
bool write_pack(const Sources& sources, const std::filesystem::path& out, const BuildOptions& options = {});

}  // namespace lantern::content
