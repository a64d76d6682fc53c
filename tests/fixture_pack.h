// Builds the pack from tests/fixtures/content into a TempDir: the small, stable content UI and kiosk tests use.
#pragma once

#include <doctest/doctest.h>

#include <memory>

#include "content/pack_builder.h"
#include "content/pack_reader.h"
#include "tests/read_file.h"
#include "tests/temp_dir.h"

namespace lantern::test {

inline std::shared_ptr<const content::PackReader> build_fixture_pack(const TempDir& dir) {
    content::Sources s = content::read_sources(std::filesystem::path(LANTERN_SOURCE_DIR) / "tests/fixtures/content");
    // Errors only: the fixture keeps the default form's placeholder team number, a warning on every build.
    for (auto& i : s.issues)
        if (i.severity == content::SourceIssue::Severity::error) MESSAGE(i.to_string());
    REQUIRE_FALSE(s.has_errors());
    REQUIRE(content::write_pack(s, dir / "pack.sqlite", {"1"}));
    return std::make_shared<content::PackReader>((dir / "pack.sqlite").string());
}

// The fixture content built as a real pack of `version`, as bytes: what hub and USB tests offer a kiosk.
inline std::string fixture_pack_bytes(const TempDir& dir, const std::string& version) {
    content::Sources s = content::read_sources(std::filesystem::path(LANTERN_SOURCE_DIR) / "tests/fixtures/content");
    REQUIRE_FALSE(s.has_errors());
    auto path = dir / ("fixture-pack-" + version + ".sqlite");
    REQUIRE(content::write_pack(s, path, {version}));
    return read_file(path);
}

}  // namespace lantern::test
