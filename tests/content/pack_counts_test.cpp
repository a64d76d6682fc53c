// What `lantern content info` reports comes from the pack reader: counts per audience and language.
#include <doctest/doctest.h>

#include "content/pack_builder.h"
#include "content/pack_reader.h"
#include "tests/content/sample_sources.h"

using namespace lantern::content;
using lantern::test::TempDir;

TEST_CASE("page counts are per audience and language, a page counting once for each of its audiences") {
    TempDir dir;
    lantern::test::write_sample_sources(dir);
    dir.write_file("images/icon.png", lantern::test::k_tiny_png);
    Sources s = read_sources(dir.path());
    REQUIRE_FALSE(s.has_errors());
    REQUIRE(write_pack(s, dir / "pack.sqlite", {"7"}));
    PackReader pack((dir / "pack.sqlite").string());

    auto counts = pack.page_counts();
    CHECK(counts.size() == 4);
    CHECK(counts[Audience::adult] == std::map<std::string, int>{{"en", 3}, {"cy", 1}});
    CHECK(counts[Audience::teen] == std::map<std::string, int>{{"en", 1}});
    CHECK(counts[Audience::child] == std::map<std::string, int>{{"en", 2}});
    CHECK(counts[Audience::little].empty());
    CHECK(pack.image_count() == 1);
    CHECK(pack.service_count() == 1);

    PackMeta meta = pack.meta();
    CHECK(meta.format_version == 1);
    CHECK(meta.content_version == "7");
    CHECK(meta.built_at.size() == 20);  // 2026-11-24T10:00:00Z
}
