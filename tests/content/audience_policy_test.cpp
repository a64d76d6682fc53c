// The one adult-only rule: which topics, pages, needs and services an audience may see, as the pack reader
// applies it everywhere it hands out pages (lists, search, search cards) and as lint reports it.
#include <doctest/doctest.h>

#include <algorithm>

#include "content/audience_policy.h"
#include "content/lint.h"
#include "content/pack_builder.h"
#include "content/pack_reader.h"
#include "tests/content/sample_sources.h"

using namespace lantern::content;
using lantern::test::TempDir;

namespace {

constexpr Audience k_young[] = {Audience::little, Audience::child, Audience::teen};

// Sources that try every way in: a child page under "offending" (adult-only by subject), and a child
// page under a topic adult-only only by its own flag. Each page says "lantern" so one search finds all.
void write_sneaky_sources(const TempDir& dir) {
    lantern::test::write_sample_sources(dir);
    dir.write_file("topics.yaml", R"(topics:
  - id: visits
    audience: [adult, teen, child, little]
    title: {en: "Visiting"}
  - id: offending
    audience: [adult, teen, child, little]
    title: {en: "Offending"}
  - id: court
    audience: [adult, child]
    adult_only: true
    title: {en: "Court"}
)");
    std::filesystem::remove_all(dir / "pages");
    dir.write_file("pages/en/visit.md", lantern::test::page_source("visit", "en", "adult, teen, child, little",
                                                                   "visits", "A lantern visit."));
    dir.write_file("pages/en/crime.md", lantern::test::page_source("crime", "en", "adult, teen, child, little",
                                                                   "offending", "A lantern crime."));
    dir.write_file("pages/en/court.md",
                   lantern::test::page_source("court", "en", "adult, child", "court", "A lantern court."));
    dir.write_file("search.yaml", R"(cards:
  - show: nothing_found
    audience: [child]
    title: {en: "Nothing found"}
    text: {en: "Try another word."}
    page: crime
)");
}

std::vector<std::string> ids(const std::vector<SearchHit>& hits) {
    std::vector<std::string> out;
    for (const auto& h : hits) out.push_back(h.id);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("offending, like domestic abuse, money and drugs, is adult-only: no young audience may see it") {
    for (const char* subject : {"offending", "domestic-abuse", "money-debt", "drugs-alcohol"}) {
        CHECK(is_adult_only_subject(subject));
        CHECK(may_see_topic(Audience::adult, subject, false));
        CHECK(may_see_need(Audience::adult, subject));
        for (Audience a : k_young) {
            CHECK_FALSE(may_see_topic(a, subject, false));
            CHECK_FALSE(may_see_need(a, subject));
        }
    }
    CHECK_FALSE(is_adult_only_subject("visits"));
    CHECK(may_see_topic(Audience::child, "visits", false));
    CHECK_FALSE(may_see_topic(Audience::child, "visits", true));  // the topic's own flag counts too

    Page page;
    page.topic = "visits";
    page.audiences = {Audience::adult, Audience::child};
    CHECK(may_see(Audience::child, page));
    CHECK_FALSE(may_see(Audience::teen, page));  // not written for teens
    page.topic_adult_only = true;
    CHECK_FALSE(may_see(Audience::child, page));
    CHECK(may_see(Audience::adult, page));

    Service svc;
    svc.needs = {"domestic-abuse", "offending"};
    CHECK_FALSE(may_see(Audience::teen, svc));
    svc.needs.push_back("mental-health");
    CHECK(may_see(Audience::teen, svc));
    svc.age_range = "18+";
    CHECK_FALSE(may_see(Audience::teen, svc));
    CHECK(may_see(Audience::adult, svc));
}

TEST_CASE("the pack reader gives young audiences no adult-only topic or page, by list, search or search card") {
    TempDir dir;
    write_sneaky_sources(dir);
    Sources s = read_sources(dir.path());
    for (const auto& i : s.issues) MESSAGE(i.to_string());
    REQUIRE_FALSE(s.has_errors());
    REQUIRE(write_pack(s, dir / "pack.sqlite", {"1"}));
    PackReader pack((dir / "pack.sqlite").string());

    CHECK(ids(pack.search("lantern", Audience::adult, "en")) == std::vector<std::string>{"court", "crime", "visit"});
    CHECK(pack.topics(Audience::adult, "en").size() == 3);
    CHECK(pack.pages_in_topic("court", Audience::adult, "en").size() == 1);
    for (Audience a : k_young) {
        INFO(to_string(a));
        auto topics = pack.topics(a, "en");
        REQUIRE(topics.size() == 1);
        CHECK(topics[0].id == "visits");
        CHECK(pack.pages_in_topic("offending", a, "en").empty());
        CHECK(pack.pages_in_topic("court", a, "en").empty());
        CHECK(ids(pack.search("lantern", a, "en")) == std::vector<std::string>{"visit"});
        CHECK(pack.search("crime", a, "en").empty());
        CHECK(pack.search("court", a, "en").empty());
        auto crime = pack.page("crime", "en");
        REQUIRE(crime);  // the reader hands out pages by id; may_see decides, as the kiosk's page view does
        CHECK_FALSE(may_see(a, *crime));
        auto court = pack.page("court", "en");
        REQUIRE(court);
        CHECK(court->topic_adult_only);
        CHECK_FALSE(may_see(a, *court));
    }
    // The child's "nothing found" card names an adult-only page: the card comes, the page does not.
    auto card = pack.search_card("zzzz", Audience::child, "en", false);
    REQUIRE(card);
    CHECK(card->page_id.empty());
}

TEST_CASE("lint reports a young page in an adult-only topic by the same rule, whether by subject or flag") {
    TempDir dir;
    write_sneaky_sources(dir);
    Sources s = read_sources(dir.path());
    std::vector<SourceIssue> issues = lint_adult_subjects(s);
    auto has = [&](const std::string& text) {
        return std::any_of(issues.begin(), issues.end(),
                           [&](const SourceIssue& i) { return i.to_string().find(text) != std::string::npos; });
    };
    CHECK(has("page is for teen/child/little but its topic \"offending\" is for adults only"));
    CHECK(has("page is for child but its topic \"court\" is for adults only"));
    CHECK(has("topic \"offending\" is adult-only; child screens never list it"));
    CHECK_FALSE(has("topic \"visits\""));
}
