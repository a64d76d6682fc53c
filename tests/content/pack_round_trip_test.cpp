// Sources -> pack -> readers: what goes in comes back out, per audience and language.
#include <doctest/doctest.h>

#include "content/pack_builder.h"
#include "content/pack_reader.h"
#include "tests/content/sample_sources.h"

using namespace lantern::content;
using lantern::test::TempDir;

namespace {
PackReader build_sample(const TempDir& dir) {
    lantern::test::write_sample_sources(dir);
    Sources s = read_sources(dir.path());
    for (auto& i : s.issues) MESSAGE(i.to_string());
    REQUIRE_FALSE(s.has_errors());
    REQUIRE(write_pack(s, dir / "pack.sqlite", {"42"}));
    return PackReader((dir / "pack.sqlite").string());
}
}  // namespace

TEST_CASE("a built pack returns its pages, topics and meta") {
    TempDir dir;
    PackReader pack = build_sample(dir);
    PackMeta meta = pack.meta();
    CHECK(meta.content_version == "42");
    CHECK(meta.languages == std::vector<std::string>{"en", "cy"});

    auto topics = pack.topics(Audience::adult, "en");
    REQUIRE(topics.size() == 3);
    CHECK(topics[0].id == "visits");
    CHECK(topics[0].title == "Visiting");

    auto page = pack.page("first-visit", "en");
    REQUIRE(page);
    CHECK(page->title == "Your first visit");
    CHECK(page->body_markdown.find("Bring photo ID.") != std::string::npos);
    CHECK_FALSE(page->fell_back);
}

TEST_CASE("a page missing in the chosen language falls back to English and says so") {
    TempDir dir;
    PackReader pack = build_sample(dir);
    auto welsh = pack.page("first-visit", "cy");
    REQUIRE(welsh);
    CHECK(welsh->title == "Eich ymweliad cyntaf");
    CHECK_FALSE(welsh->fell_back);

    auto fallback = pack.page("travel-costs", "cy");
    REQUIRE(fallback);
    CHECK(fallback->lang == "en");
    CHECK(fallback->fell_back);

    CHECK(pack.topics(Audience::adult, "cy")[0].title == "Ymweld");
    CHECK(pack.topics(Audience::adult, "cy")[1].title == "Help with travel costs");
    CHECK(pack.pages_in_topic("travel-costs", Audience::adult, "cy").size() == 1);
}

TEST_CASE("adult-only topics never reach a child even when a source lists them") {
    TempDir dir;
    PackReader pack = build_sample(dir);
    auto child_topics = pack.topics(Audience::child, "en");
    REQUIRE(child_topics.size() == 1);
    CHECK(child_topics[0].id == "feelings");
    CHECK(pack.pages_in_topic("domestic-abuse", Audience::child, "en").empty());
    CHECK(pack.pages_in_topic("domestic-abuse", Audience::adult, "en").size() == 1);
}

TEST_CASE("search finds travel costs for an adult and not for a child") {
    TempDir dir;
    PackReader pack = build_sample(dir);
    auto hits = pack.search("travel", Audience::adult, "en");
    REQUIRE_FALSE(hits.empty());
    CHECK(hits[0].id == "travel-costs");
    CHECK(hits[0].snippet.find(k_snippet_mark_open) != std::string::npos);
    CHECK(pack.search("travel", Audience::child, "en").empty());
    CHECK(pack.search("\" OR 1=1; --", Audience::adult, "en").empty());
}

TEST_CASE("services are read back and filtered by need") {
    TempDir dir;
    PackReader pack = build_sample(dir);
    CHECK(pack.services().size() == 1);
    CHECK(pack.services("mental-health").at(0).phone == "116 123");
    CHECK(pack.services("housing").empty());
}

TEST_CASE("a file that is not a pack is refused with a clear error") {
    TempDir dir;
    auto p = dir.write_file("not-a-pack.sqlite", "hello, this is text");
    CHECK_THROWS_AS(PackReader(p.string()), PackError);
    CHECK_THROWS_AS(PackReader((dir / "missing.sqlite").string()), PackError);
}
