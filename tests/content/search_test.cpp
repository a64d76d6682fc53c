// Pack search: accents folded, one audience and language at a time, title hits first, with a snippet.
#include <doctest/doctest.h>

#include "content/pack_builder.h"
#include "content/pack_reader.h"
#include "tests/content/sample_sources.h"

using namespace lantern::content;
using lantern::test::page_source;
using lantern::test::TempDir;

namespace {

PackReader build(const TempDir& dir) {
    lantern::test::write_topics(dir);
    dir.write_file("pages/en/cafe.md", page_source("tea-bar", "en", "adult", "visits",
                                                   "The visitor centre has a small café with tea and toast.\n"));
    dir.write_file("pages/cy/cafe.md",
                   page_source("tea-bar", "cy", "adult", "visits", "Mae dŵr yfed a phaned yn y caffi.\n"));
    dir.write_file("pages/en/travel.md",
                   "---\nid: travel-costs\nlang: en\ntitle: Travel costs\nsummary: Help paying for the bus.\n"
                   "topic: visits\naudience: [adult]\nreviewed: 2026-11-24\n---\nYou can claim online.\n");
    dir.write_file("pages/en/journey.md",
                   page_source("journey", "en", "adult", "visits",
                               "Plan your travel. Travel by bus or train; travel early; travel light. Travel "
                               "is easier with a friend.\n"));
    dir.write_file("pages/en/kids.md", page_source("kids-visit", "en", "child", "visits",
                                                   "You might travel on a bus to see your grown-up.\n"));
    Sources s = read_sources(dir.path());
    for (const auto& i : s.issues) MESSAGE(i.to_string());
    REQUIRE_FALSE(s.has_errors());
    REQUIRE(write_pack(s, dir / "pack.sqlite", {"1"}));
    return PackReader((dir / "pack.sqlite").string());
}

std::vector<std::string> ids(const std::vector<SearchHit>& hits) {
    std::vector<std::string> out;
    for (const auto& h : hits) out.push_back(h.id);
    return out;
}

}  // namespace

TEST_CASE("search folds accents: cafe finds café, and Welsh dwr finds dŵr") {
    TempDir dir;
    PackReader pack = build(dir);
    CHECK(ids(pack.search("cafe", Audience::adult, "en")) == std::vector<std::string>{"tea-bar"});
    CHECK(ids(pack.search("CAFÉ", Audience::adult, "en")) == std::vector<std::string>{"tea-bar"});
    CHECK(ids(pack.search("dwr", Audience::adult, "cy")) == std::vector<std::string>{"tea-bar"});
    CHECK(ids(pack.search("dŵr", Audience::adult, "cy")) == std::vector<std::string>{"tea-bar"});
}

TEST_CASE("search stays within the audience and language asked for") {
    TempDir dir;
    PackReader pack = build(dir);
    CHECK(ids(pack.search("caffi", Audience::adult, "en")).empty());
    CHECK(ids(pack.search("café", Audience::adult, "cy")).empty());
    CHECK(ids(pack.search("travel", Audience::child, "en")) == std::vector<std::string>{"kids-visit"});
    CHECK(ids(pack.search("travel", Audience::teen, "en")).empty());
}

TEST_CASE("search puts a page with the words in its title above one that repeats them in its body") {
    TempDir dir;
    PackReader pack = build(dir);
    auto hits = pack.search("travel", Audience::adult, "en");
    CHECK(ids(hits) == std::vector<std::string>{"travel-costs", "journey"});
    CHECK(ids(pack.search("trav", Audience::adult, "en")) == std::vector<std::string>{"travel-costs", "journey"});
    CHECK(ids(pack.search("travel costs", Audience::adult, "en")) == std::vector<std::string>{"travel-costs"});
    CHECK(pack.search("travel", Audience::adult, "en", 1).size() == 1);
}

TEST_CASE("a search snippet marks the matched words, from the body or else the summary") {
    TempDir dir;
    PackReader pack = build(dir);
    std::string open = k_snippet_mark_open, close = k_snippet_mark_close;
    auto cafe = pack.search("cafe", Audience::adult, "en");
    REQUIRE(cafe.size() == 1);
    CHECK(cafe[0].title == "Title of tea-bar");
    CHECK(cafe[0].snippet.find(open + "café" + close) != std::string::npos);
    auto bus = pack.search("bus", Audience::adult, "en");
    REQUIRE(bus.size() == 2);
    CHECK(bus[0].id == "travel-costs");  // a summary outweighs a body
    CHECK(bus[0].snippet == "Help paying for the " + open + "bus" + close + ".");
    CHECK(bus[1].snippet.find(open + "bus" + close + " or train") != std::string::npos);
    auto paying = pack.search("paying", Audience::adult, "en");
    REQUIRE(paying.size() == 1);
    CHECK(paying[0].snippet == "Help " + open + "paying" + close + " for the bus.");
}

TEST_CASE("search treats what the visitor types as words, never as query syntax") {
    TempDir dir;
    PackReader pack = build(dir);
    CHECK(pack.search("", Audience::adult, "en").empty());
    CHECK(pack.search("   ***  ", Audience::adult, "en").empty());
    CHECK(pack.search("\" OR zzz:*", Audience::adult, "en").empty());
    CHECK(pack.search("NEAR(travel", Audience::adult, "en").empty());
    CHECK(ids(pack.search("travel)", Audience::adult, "en")).size() == 2);
}
