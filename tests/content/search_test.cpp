// Pack search: accents folded, whole words before prefixes, typos corrected from the pack's own words,
// synonyms and cards from search.yaml, every language searched, snippets that keep headings apart; and the
// default content's searches that must never dead-end (issue 11).
#include <doctest/doctest.h>

#include <SQLiteCpp/Database.h>

#include <algorithm>

#include "content/pack_builder.h"
#include "content/pack_reader.h"
#include "content/pack_schema.h"
#include "content/search_words.h"
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
    dir.write_file("pages/en/busy.md", page_source("busy-days", "en", "adult", "visits",
                                                   "Weekends are busy. Visiting is easier in the week.\n"));
    dir.write_file("pages/en/guide.md",
                   page_source("guide", "en", "adult", "visits",
                               "## Who can get help\nYou may get help if you are on a low income.\n\n"
                               "## How to claim\nClaim online.\n"));
    dir.write_file("pages/cy/only-welsh.md",
                   page_source("welsh-only", "cy", "adult", "visits", "Mae'r ffurflen hon yn Gymraeg yn unig.\n"));
    dir.write_file("search.yaml", R"(helplines:
  childline: {name: {en: Childline, cy: Childline}, number: "0800 1111", about: {en: "Free, day or night."}}
  samaritans: {name: {en: Samaritans}, number: "116 123"}
synonyms:
  - words: [bus, fare, apvs, bws]
    pages: [travel-costs]
harm_words:
  - audience: [child]
    words: [hit, abuse, "not safe", cam-drin]
cards:
  - show: harm
    audience: [child]
    title: {en: "Talk to someone", cy: "Siarad â rhywun"}
    text: {en: "Tell a grown-up you trust."}
    helplines: [childline, samaritans]
    page: kids-visit
  - show: nothing_found
    audience: [adult]
    title: {en: "You can still get help"}
    text: {en: "Call a helpline."}
    helplines: [samaritans]
    page: kids-visit
    find_local_help: true
)");
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

TEST_CASE("search stays within the audience asked for") {
    TempDir dir;
    PackReader pack = build(dir);
    CHECK(ids(pack.search("travel", Audience::child, "en")) == std::vector<std::string>{"kids-visit"});
    CHECK(ids(pack.search("travel", Audience::teen, "en")).empty());
    CHECK(ids(pack.search("weekends", Audience::child, "en")).empty());
}

TEST_CASE("search looks in every language and shows each page once, in the visitor's language where it has one") {
    TempDir dir;
    PackReader pack = build(dir);
    // A Welsh word in the English interface: the page, in English.
    auto caffi = pack.search("caffi", Audience::adult, "en");
    REQUIRE(ids(caffi) == std::vector<std::string>{"tea-bar"});
    CHECK(caffi[0].lang == "en");
    CHECK(caffi[0].title == "Title of tea-bar");
    // An English word in the Welsh interface: the page, in Welsh.
    auto cafe = pack.search("café", Audience::adult, "cy");
    REQUIRE(ids(cafe) == std::vector<std::string>{"tea-bar"});
    CHECK(cafe[0].lang == "cy");
    // Both versions match ("title" is in every title): the page comes once, in the visitor's language.
    auto both = pack.search("title", Audience::adult, "cy");
    auto tea = std::find_if(both.begin(), both.end(), [](const SearchHit& h) { return h.id == "tea-bar"; });
    REQUIRE(tea != both.end());
    CHECK(tea->lang == "cy");
    CHECK(std::count_if(both.begin(), both.end(), [](const SearchHit& h) { return h.id == "tea-bar"; }) == 1);
    // A page with no version in the visitor's language is shown in its own, so the view can say so.
    auto welsh = pack.search("ffurflen", Audience::adult, "en");
    REQUIRE(ids(welsh) == std::vector<std::string>{"welsh-only"});
    CHECK(welsh[0].lang == "cy");
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
    REQUIRE(bus.size() == 3);
    CHECK(bus[0].id == "travel-costs");  // a summary (and a synonym) outweighs a body
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
    // Quotes, OR, NEAR, colons and stars are only words (or nothing): the same pages as the plain words.
    CHECK(ids(pack.search("\" OR zzz:*", Audience::adult, "en")) == ids(pack.search("or zzz", Audience::adult, "en")));
    CHECK(ids(pack.search("NEAR(travel", Audience::adult, "en")) ==
          ids(pack.search("near travel", Audience::adult, "en")));
    CHECK(pack.search("zzz:*", Audience::adult, "en").empty());
    CHECK(ids(pack.search("travel)", Audience::adult, "en")).size() == 2);
}

TEST_CASE("a search snippet keeps a heading and the sentence after it apart") {
    TempDir dir;
    PackReader pack = build(dir);
    std::string open = k_snippet_mark_open, close = k_snippet_mark_close;
    auto hits = pack.search("claim online", Audience::adult, "en");
    auto guide = std::find_if(hits.begin(), hits.end(), [](const SearchHit& h) { return h.id == "guide"; });
    REQUIRE(guide != hits.end());
    // Blocks of the page come with a line break between them, for the view to show as it likes.
    CHECK(guide->snippet.find("How to " + open + "claim" + close + "\n" + open + "Claim" + close) != std::string::npos);
}

TEST_CASE("a whole word ranks above a longer word it starts: bus finds travel costs before busy") {
    TempDir dir;
    PackReader pack = build(dir);
    auto bus = ids(pack.search("bus", Audience::adult, "en"));
    REQUIRE(bus.size() == 3);
    CHECK(bus[0] == "travel-costs");
    CHECK(bus[1] == "journey");
    CHECK(bus.back() == "busy-days");  // "busy" starts with the last word typed: found, but last
    // Only the last word (the one being typed) counts as the start of a longer word.
    // With no page holding both words, pages with either, rather than nothing.
    auto either = ids(pack.search("bus weekends", Audience::adult, "en"));
    CHECK(std::find(either.begin(), either.end(), "busy-days") != either.end());
    CHECK(std::find(either.begin(), either.end(), "travel-costs") != either.end());
    CHECK(ids(pack.search("weekends bus", Audience::adult, "en")) == std::vector<std::string>{"busy-days"});
    // Under three letters, a word is only a whole word.
    CHECK(ids(pack.search("bu", Audience::adult, "en")).empty());
}

TEST_CASE("synonyms from search.yaml lead to their pages, in every language") {
    TempDir dir;
    PackReader pack = build(dir);
    CHECK(ids(pack.search("fare", Audience::adult, "en")) == std::vector<std::string>{"travel-costs"});
    CHECK(ids(pack.search("APVS", Audience::adult, "en")) == std::vector<std::string>{"travel-costs"});
    auto bws = pack.search("bws", Audience::adult, "cy");
    REQUIRE(ids(bws) == std::vector<std::string>{"travel-costs"});
    CHECK(bws[0].lang == "en");  // the fixture has no Welsh travel-costs page
    // A synonym never shows a page to an audience it is not for.
    CHECK(ids(pack.search("apvs", Audience::child, "en")).empty());
}

TEST_CASE("a mistyped word finds the pack's own word within the typo allowance") {
    TempDir dir;
    PackReader pack = build(dir);
    CHECK(ids(pack.search("travl", Audience::adult, "en")) == std::vector<std::string>{"travel-costs", "journey"});
    CHECK(ids(pack.search("trvael", Audience::adult, "en")) == std::vector<std::string>{"travel-costs", "journey"});
    CHECK(ids(pack.search("weekedns", Audience::adult, "en")) == std::vector<std::string>{"busy-days"});
    CHECK(ids(pack.search("trv", Audience::adult, "en")).empty());  // 3 letters: never corrected
    auto claim = ids(pack.search("claimm help", Audience::adult, "en"));
    std::sort(claim.begin(), claim.end());
    CHECK(claim == std::vector<std::string>{"guide", "travel-costs"});
}

TEST_CASE("edit distance counts letters, not bytes, swaps two neighbours as one, and stops at its bound") {
    CHECK(edit_distance("vist", "visit", 2) == 1);
    CHECK(edit_distance("vsiit", "visit", 2) == 1);
    CHECK(edit_distance("dwr", "dŵr", 2) == 1);
    CHECK(edit_distance("visit", "visit", 0) == 0);
    CHECK(edit_distance("bus", "busy", 1) == 1);
    CHECK(edit_distance("abc", "xyz", 1) == 2);  // bound + 1
    CHECK(edit_distance("a", "abcdef", 2) == 3);
    CHECK(typo_allowance(3) == 0);
    CHECK(typo_allowance(4) == 1);
    CHECK(typo_allowance(7) == 1);
    CHECK(typo_allowance(8) == 2);
    CHECK(letter_count("dŵr") == 3);
}

TEST_CASE("typed words are split and folded exactly as the index does") {
    SQLite::Database db(":memory:", SQLite::OPEN_READWRITE);
    IndexWords words(db);
    CHECK(words.split("Café, DŴR & bus-fare!") == std::vector<std::string>{"cafe", "dwr", "bus", "fare"});
    CHECK(words.split("") == std::vector<std::string>{});
    CHECK(words.split("\" OR *") == std::vector<std::string>{"or"});
    CHECK(words.split("hit hit") == std::vector<std::string>{"hit", "hit"});
}

TEST_CASE("a child's word about harm brings the harm card, whatever else was found") {
    TempDir dir;
    PackReader pack = build(dir);
    for (const char* q : {"hit", "HIT", "abuse", "abuze", "my dad hit me", "not safe", "cam-drin"}) {
        CAPTURE(q);
        auto card = pack.search_card(q, Audience::child, "en", true);
        REQUIRE(card);
        CHECK(card->kind == SearchCard::Kind::harm);
        CHECK(card->title == "Talk to someone");
        REQUIRE(card->helplines.size() == 2);
        CHECK(card->helplines[0].name == "Childline");
        CHECK(card->helplines[0].number == "0800 1111");
        CHECK(card->helplines[0].about == "Free, day or night.");
        CHECK(card->page_id == "kids-visit");
        CHECK(card->page_title == "Title of kids-visit");
    }
    // In Welsh, with English where the Welsh is missing.
    auto cy = pack.search_card("hit", Audience::child, "cy", false);
    REQUIRE(cy);
    CHECK(cy->title == "Siarad â rhywun");
    CHECK(cy->text == "Tell a grown-up you trust.");
    // Not a word about harm, "safe" alone, or harm words for another audience: no card when pages were found.
    CHECK_FALSE(pack.search_card("safe", Audience::child, "en", true));
    CHECK_FALSE(pack.search_card("travel", Audience::child, "en", true));
    CHECK_FALSE(pack.search_card("hit", Audience::adult, "en", true));
    CHECK_FALSE(pack.search_card("hit", Audience::teen, "en", true));
}

TEST_CASE("an empty result offers the audience's way on, with only the pages it may see") {
    TempDir dir;
    PackReader pack = build(dir);
    REQUIRE(pack.search("xyzzy", Audience::adult, "en").empty());
    auto adult = pack.search_card("xyzzy", Audience::adult, "en", false);
    REQUIRE(adult);
    CHECK(adult->kind == SearchCard::Kind::nothing_found);
    CHECK(adult->find_local_help);
    REQUIRE(adult->helplines.size() == 1);
    CHECK(adult->helplines[0].number == "116 123");
    CHECK(adult->page_id.empty());  // kids-visit is a child's page
    // The child's harm card stands in when nothing is found and there is no child nothing_found card.
    auto child = pack.search_card("xyzzy hit", Audience::child, "en", false);
    REQUIRE(child);
    CHECK(child->kind == SearchCard::Kind::harm);
    CHECK_FALSE(pack.search_card("xyzzy", Audience::teen, "en", false));  // no card for teens in this pack
    CHECK_FALSE(pack.search_card("", Audience::adult, "en", false));
}

TEST_CASE("a pack built before search.yaml still searches, and has no cards") {
    TempDir dir;
    build(dir);
    {
        // Take the pack back to the older format: no keywords column, no search tables.
        SQLite::Database db((dir / "pack.sqlite").string(), SQLite::OPEN_READWRITE);
        db.exec(std::string("CREATE VIRTUAL TABLE old_fts USING fts5(id UNINDEXED, lang UNINDEXED, audiences "
                            "UNINDEXED, title, summary, body, tokenize = '") +
                k_fts_tokenize + "')");
        db.exec("INSERT INTO old_fts SELECT id, lang, audiences, title, summary, body FROM pages_fts");
        db.exec("DROP TABLE pages_fts; ALTER TABLE old_fts RENAME TO pages_fts");
        db.exec("DROP TABLE search_cards; DROP TABLE search_harm_words");
    }
    PackReader pack((dir / "pack.sqlite").string());
    CHECK(ids(pack.search("travel", Audience::adult, "en")) == std::vector<std::string>{"travel-costs", "journey"});
    // No synonyms here; and "fare" is not corrected to "are" (the guide's): never into a word under 4 letters.
    CHECK(ids(pack.search("fare", Audience::adult, "en")).empty());
    CHECK_FALSE(pack.search_card("hit", Audience::child, "en", false));
}

TEST_CASE("mistakes in search.yaml are named with their line, and the pack is not built") {
    TempDir dir;
    lantern::test::write_topics(dir);
    dir.write_file("pages/en/a.md", page_source("a", "en", "adult", "visits", "Words.\n"));
    dir.write_file("search.yaml", R"(helplines:
  childline: {name: {en: Childline}, number: "0800-1111"}
synonyms:
  - words: [bus]
    pages: [no-such-page]
harm_words:
  - audience: [kids]
    words: [hit]
cards:
  - show: sometimes
    audience: [child]
    title: {cy: "Siarad"}
    text: {en: "Talk."}
    helplines: [samaritans]
)");
    Sources s = read_sources(dir.path());
    std::vector<std::string> issues;
    for (const auto& i : s.issues) issues.push_back(i.to_string());
    auto has = [&](const std::string& text) {
        return std::any_of(issues.begin(), issues.end(),
                           [&](const std::string& i) { return i.find(text) != std::string::npos; });
    };
    CHECK(has("search.yaml:2: error: helpline \"childline\" needs a number: of digits and spaces"));
    CHECK(has("search.yaml:4: error: synonyms lead to page \"no-such-page\", which does not exist"));
    CHECK(has("search.yaml:7: error: unknown audience \"kids\""));
    CHECK(has("search.yaml:10: error: card show: must be harm or nothing_found"));
    CHECK(has("search.yaml:10: error: card title has no English"));
    CHECK(has("search.yaml:10: error: card names helpline \"samaritans\", which is not under helplines:"));
    CHECK_FALSE(write_pack(s, dir / "pack.sqlite"));
}

//-----------------------------------------------------------------------------
// The default content (assets/content): issue 11's searches, as visitors typed them
//-----------------------------------------------------------------------------

namespace {

// Built once for these tests: the real pages, synonyms, words about harm and cards.
const PackReader& default_pack() {
    static TempDir dir;
    static PackReader pack = [] {
        Sources s = read_sources(std::filesystem::path(LANTERN_SOURCE_DIR) / "assets/content");
        for (const auto& i : s.issues)
            if (i.severity == SourceIssue::Severity::error) MESSAGE(i.to_string());
        REQUIRE_FALSE(s.has_errors());
        REQUIRE(write_pack(s, dir / "pack.sqlite", {"1"}));
        return PackReader((dir / "pack.sqlite").string());
    }();
    return pack;
}

bool has(const std::vector<SearchHit>& hits, const std::string& id) {
    return std::any_of(hits.begin(), hits.end(), [&](const SearchHit& h) { return h.id == id; });
}

}  // namespace

TEST_CASE("default content: a child searching hit, abuse, police, dad or mum gets Childline first, and pages") {
    const PackReader& pack = default_pack();
    for (const char* q : {"hit", "abuse", "police", "dad", "mum", "Someone hurt me", "scared"}) {
        CAPTURE(q);
        auto hits = pack.search(q, Audience::child, "en");
        auto card = pack.search_card(q, Audience::child, "en", !hits.empty());
        REQUIRE(card);
        CHECK(card->kind == SearchCard::Kind::harm);
        CHECK(card->title == "Talk to someone");
        REQUIRE_FALSE(card->helplines.empty());
        CHECK(card->helplines[0].name == "Childline");
        CHECK(card->helplines[0].number == "0800 1111");
        CHECK(card->page_id == "child-who-to-talk-to");
        // And the search lands somewhere: a page for children about who to talk to or their grown-up.
        CHECK((has(hits, "child-who-to-talk-to") || has(hits, "child-why-away")));
        for (const auto& h : hits) CHECK(h.id.rfind("child-", 0) == 0);  // never a page for another audience
    }
    // Under 5s, read with a grown-up, get the same card (without a page meant for older children).
    auto little = pack.search_card("hit", Audience::little, "en", false);
    REQUIRE(little);
    CHECK(little->helplines[0].name == "Childline");
    CHECK(little->page_id.empty());
    // In Welsh: the card's own Welsh words, Childline first.
    auto cy = pack.search_card("taro", Audience::child, "cy", false);
    REQUIRE(cy);
    CHECK(cy->title == "Siarad â rhywun");
    CHECK(cy->helplines[0].number == "0800 1111");
    CHECK(cy->page_title == "Gyda phwy galla i siarad?");
}

TEST_CASE(
    "default content: a teen searching abuse, police or hit gets the card and the page about being unsafe at home") {
    const PackReader& pack = default_pack();
    for (const char* q : {"abuse", "police", "hit", "not safe at home", "hurt"}) {
        CAPTURE(q);
        auto hits = pack.search(q, Audience::teen, "en");
        CHECK(has(hits, "teen-unsafe-at-home"));
        auto card = pack.search_card(q, Audience::teen, "en", !hits.empty());
        REQUIRE(card);
        CHECK(card->kind == SearchCard::Kind::harm);
        CHECK(card->helplines[0].name == "Childline");
        CHECK(card->page_id == "teen-unsafe-at-home");
        CHECK(card->page_title == "If you're hurt or unsafe at home");
    }
    // The page is for teens only, and has a Welsh version.
    CHECK_FALSE(has(default_pack().search("unsafe", Audience::child, "en"), "teen-unsafe-at-home"));
    auto cy = pack.search("brifo", Audience::teen, "cy");
    REQUIRE(has(cy, "teen-unsafe-at-home"));
    CHECK(std::find_if(cy.begin(), cy.end(), [](const SearchHit& h) { return h.id == "teen-unsafe-at-home"; })->lang ==
          "cy");
}

TEST_CASE("default content: bus, train, fare, petrol, mileage and APVS find travel costs first; not only busy") {
    const PackReader& pack = default_pack();
    for (const char* q : {"bus", "train", "fare", "petrol", "mileage", "APVS", "bus fare"}) {
        CAPTURE(q);
        auto hits = pack.search(q, Audience::adult, "en");
        REQUIRE_FALSE(hits.empty());
        CHECK(hits[0].id == "travel-costs");
    }
    // "busy" (the first weeks home) may follow, below the page about buses.
    auto bus = pack.search("bus", Audience::adult, "en");
    CHECK(bus.size() >= 2);
    CHECK(bus[0].id == "travel-costs");
    // A child's bus is the visit.
    CHECK(has(pack.search("bus", Audience::child, "en"), "child-visit"));
}

TEST_CASE("default content: vist finds the visiting pages, and no search for a wrong spelling dead-ends") {
    const PackReader& pack = default_pack();
    auto vist = pack.search("vist", Audience::adult, "en");
    CHECK(has(vist, "first-visit"));
    CHECK(has(vist, "booking-a-visit"));
    CHECK(has(pack.search("benifits", Audience::adult, "en"), "benefits"));
    CHECK(has(pack.search("samaritins", Audience::adult, "en"), "helplines"));
    CHECK(has(pack.search("chilldline", Audience::teen, "en"), "teen-getting-help"));
}

TEST_CASE("default content: Welsh words find pages in the English interface, and bws in the Welsh one") {
    const PackReader& pack = default_pack();
    auto teithio = pack.search("teithio", Audience::adult, "en");
    REQUIRE_FALSE(teithio.empty());
    CHECK(teithio[0].id == "travel-costs");
    CHECK(teithio[0].lang == "en");
    CHECK(teithio[0].title == "Help with travel costs");
    auto bws = pack.search("bws", Audience::adult, "cy");
    REQUIRE_FALSE(bws.empty());
    CHECK(bws[0].id == "travel-costs");
    CHECK(bws[0].lang == "cy");
    CHECK(bws[0].title == "Help gyda chostau teithio");
    // An English word typed in the Welsh interface finds the page, shown in its Welsh version. (Pages only in
    // English, marked by their language, are the fixture's synonyms test: every default page has Welsh.)
    auto benefits = pack.search("benefits", Audience::adult, "cy");
    REQUIRE(has(benefits, "benefits"));
    CHECK(std::find_if(benefits.begin(), benefits.end(), [](const SearchHit& h) { return h.id == "benefits"; })->lang ==
          "cy");
}

TEST_CASE("default content: a snippet keeps a heading apart from the sentence after it") {
    const PackReader& pack = default_pack();
    auto hits = pack.search("digital assist", Audience::adult, "en");
    REQUIRE(has(hits, "travel-costs"));
    const SearchHit& travel =
        *std::find_if(hits.begin(), hits.end(), [](const SearchHit& h) { return h.id == "travel-costs"; });
    // "## If you cannot claim online" then "Call Help with Prison Visits, Digital Assist, ...".
    CHECK(travel.snippet.find("online\nCall") != std::string::npos);
    CHECK(travel.snippet.find("online Call") == std::string::npos);
}

TEST_CASE("default content: an empty search offers adults the helplines and Find local help, under-18s Childline") {
    const PackReader& pack = default_pack();
    REQUIRE(pack.search("xyzzy", Audience::adult, "en").empty());
    auto adult = pack.search_card("xyzzy", Audience::adult, "en", false);
    REQUIRE(adult);
    CHECK(adult->kind == SearchCard::Kind::nothing_found);
    CHECK(adult->find_local_help);
    std::vector<std::string> numbers;
    for (const auto& h : adult->helplines) numbers.push_back(h.number);
    CHECK(numbers == std::vector<std::string>{"0808 808 2003", "116 123", "0808 2000 247"});
    CHECK(adult->page_id == "helplines");
    for (Audience young : {Audience::teen, Audience::child, Audience::little}) {
        CAPTURE(to_string(young));
        REQUIRE(pack.search("xyzzy", young, "en").empty());
        auto card = pack.search_card("xyzzy", young, "en", false);
        REQUIRE(card);
        CHECK(card->kind == SearchCard::Kind::nothing_found);
        CHECK_FALSE(card->find_local_help);
        CHECK(card->helplines[0].name == "Childline");
    }
    // Found something, no word about harm: no card.
    CHECK_FALSE(pack.search_card("visit", Audience::adult, "en", true));
}
