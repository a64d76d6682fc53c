// The search screen and the topics screen's ways in (Search, Ask for support) through the App, without a window.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>

#include "kiosk/app/app.h"
#include "kiosk/views/search_views.h"
#include "kiosk/views/view_models.h"
#include "tests/fixture_pack.h"

using namespace lantern::kiosk;
using lantern::content::Audience;

namespace {

struct Fixture {
    lantern::test::TempDir dir;
    std::shared_ptr<const lantern::content::PackReader> pack = lantern::test::build_fixture_pack(dir);
    App app{pack, "en", IdleSettings{90, 30}};
    double t = 0;

    explicit Fixture(Audience a = Audience::adult) { begin(a); }
    void begin(Audience a) { do_({Start{}, ChooseAudience{a}}); }
    void do_(Actions a) { app.apply(a, t += 1); }
    void key(KeyKind kind, const std::string& text = "") { do_({Key{kind, text}}); }
    void tap_letters(const std::string& word) {
        for (char c : word) key(KeyKind::insert, std::string(1, c));
    }
    static bool has(const SearchView& v, const std::string& id) {
        return std::any_of(v.results.begin(), v.results.end(), [&](const SearchResultView& r) { return r.id == id; });
    }
};

}  // namespace

TEST_CASE("every audience has a Search button; only adults have Ask for support") {
    for (Audience a : {Audience::adult, Audience::teen, Audience::child, Audience::little}) {
        Fixture f(a);
        TopicsView v = build_topics(f.app);
        CHECK(v.search == "Search");
        CHECK(v.ask_support.empty() == (a != Audience::adult));
    }
}

TEST_CASE("search opens with the keyboard up and an empty box, and says what to type") {
    Fixture f;
    f.do_({OpenSearch{}});
    CHECK(f.app.screen() == Screen::search);
    SearchView v = build_search(f.app);
    CHECK(v.focused);
    CHECK_FALSE(v.keys.empty());
    CHECK(v.query.empty());
    CHECK(v.results.empty());
    CHECK(v.status == "Type a word, like visits or travel.");
}

TEST_CASE("an adult typing travel on the on-screen keys finds the travel-costs page, the word in bold in its snippet") {
    Fixture f;
    f.do_({OpenSearch{}});
    f.tap_letters("travel");
    SearchView v = build_search(f.app);
    CHECK(v.query == "travel");
    REQUIRE(Fixture::has(v, "travel-costs"));
    for (const auto& r : v.results) {
        for (const auto& span : r.snippet.spans) {
            CHECK(span.text.find('\x02') == std::string::npos);
            CHECK(span.text.find('\x03') == std::string::npos);
            CHECK(span.text.find('*') == std::string::npos);
        }
        if (r.id != "travel-costs") continue;
        bool travel_in_bold = false;
        for (const auto& span : r.snippet.spans) {
            std::string lower = span.text;
            for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (span.strong && lower.find("travel") != std::string::npos) travel_in_bold = true;
        }
        CHECK(travel_in_bold);
    }
    CHECK(v.status.find("found") != std::string::npos);
    // Tapping a result opens its page.
    f.do_({OpenPage{"travel-costs"}});
    CHECK(f.app.screen() == Screen::page);
    CHECK(build_page(f.app).found);
}

TEST_CASE("a child searching travel does not find the adult travel-costs page") {
    Fixture f(Audience::child);
    f.do_({OpenSearch{}});
    f.tap_letters("travel");
    SearchView v = build_search(f.app);
    CHECK_FALSE(Fixture::has(v, "travel-costs"));
    CHECK(v.status == "Nothing found. Try another word.");
}

TEST_CASE("search keys: shift for one letter, delete a whole accented letter, space, Done hides the keyboard") {
    Fixture f;
    f.do_({OpenSearch{}});
    f.key(KeyKind::shift);
    CHECK(build_search(f.app).keys.size() > 0);
    f.key(KeyKind::insert, "D");
    f.key(KeyKind::insert, "w");
    f.key(KeyKind::accents);
    f.key(KeyKind::insert, "ŵ");
    CHECK(f.app.visit().search.query == "Dwŵ");
    f.key(KeyKind::backspace);
    CHECK(f.app.visit().search.query == "Dw");
    f.key(KeyKind::space);
    CHECK(f.app.visit().search.query == "Dw ");
    f.key(KeyKind::done);
    CHECK_FALSE(build_search(f.app).focused);
    CHECK(build_search(f.app).keys.empty());
    f.do_({Focus{}});
    CHECK(build_search(f.app).focused);
}

TEST_CASE("a physical keyboard types into search, control characters are dropped and the query is capped") {
    Fixture f;
    f.do_({OpenSearch{}});
    f.do_({Type{"tra\x07vel"}});
    CHECK(f.app.visit().search.query == "travel");
    f.do_({Type{std::string(500, 'x')}});
    CHECK(f.app.visit().search.query.size() <= 80);
}

TEST_CASE("typing counts as activity, and quick exit wipes what was searched") {
    Fixture f;
    f.do_({OpenSearch{}});
    // 150 s of typing, one key every 10 s, longer than idle plus countdown (120 s): never timed out.
    for (int i = 0; i < 15; ++i) {
        f.t += 10;
        f.app.apply({Key{KeyKind::insert, "a"}}, f.t);
        f.app.tick(f.t);
    }
    CHECK(f.app.screen() == Screen::search);
    CHECK(f.app.visit().search.query == std::string(15, 'a'));
    f.do_({QuickExit{}});
    CHECK(f.app.visit().search.query.empty());
    f.begin(Audience::adult);
    f.do_({OpenSearch{}});
    CHECK(build_search(f.app).query.empty());
}

TEST_CASE("snippet_block turns match marks into bold words and takes out Markdown signs") {
    auto block = snippet_block(
        "Read about \x02travel\x03 **costs**.\n# Next \x02"
        "bus\x03");  // split: \x02b would be one hex escape
    REQUIRE(block.spans.size() == 4);
    CHECK(block.spans[0].text == "Read about ");
    CHECK_FALSE(block.spans[0].strong);
    CHECK(block.spans[1].text == "travel");
    CHECK(block.spans[1].strong);
    CHECK(block.spans[2].text == " costs. \u00b7 Next ");
    CHECK_FALSE(block.spans[2].strong);
    CHECK(block.spans[3].text == "bus");
    CHECK(block.spans[3].strong);
    CHECK(snippet_block("").spans.empty());
    CHECK(snippet_block("\x02\x03").spans.empty());
}

namespace {

std::string joined(const lantern::content::Block& b) {
    std::string out;
    for (const auto& span : b.spans) out += span.strong ? "[" + span.text + "]" : span.text;
    return out;
}

}  // namespace

TEST_CASE("snippet_block keeps a heading apart from the next sentence with a dot, never in bold") {
    CHECK(joined(snippet_block("Who can get help\nYou may get help")) == "Who can get help \u00b7 You may get help");
    // Several breaks and spaces make one separator; none at the start or the end.
    CHECK(joined(snippet_block("\nHow to claim \n\n  Claim online.\n")) == "How to claim \u00b7 Claim online.");
    // Around marked words the separator stays in a plain span.
    CHECK(joined(snippet_block("Travel by \x02"
                               "bus\x03\nNext")) == "Travel by [bus] \u00b7 Next");
    CHECK(joined(snippet_block("\x02"
                               "bus\x03\n\x02"
                               "bus\x03")) == "[bus] \u00b7 [bus]");
    CHECK(joined(snippet_block("Heading\n\x02"
                               "bus\x03 stop")) == "Heading \u00b7 [bus] stop");
}

TEST_CASE("a child searching hit sees Talk to someone above the results, Childline first, from the pack") {
    Fixture f(Audience::child);
    f.do_({OpenSearch{}});
    f.tap_letters("hit");
    SearchView v = build_search(f.app);
    REQUIRE(v.card);
    CHECK(v.card->title == "Talk to someone");
    CHECK(v.card->text == "You can tell a grown-up you trust.");
    REQUIRE(v.card->helplines.size() == 2);
    CHECK(v.card->helplines[0].name == "Childline");
    CHECK(v.card->helplines[0].number == "0800 1111");
    CHECK(v.card->helplines[0].about == "Free, day or night.");
    CHECK(v.card->page_id == "feelings");
    CHECK(v.card->page_label == "Read: All feelings are OK");
    CHECK(v.card->find_help_label.empty());
    // What was found still shows below the card.
    CHECK(Fixture::has(v, "feelings"));
    // In Welsh, the card's Welsh words.
    Fixture g(Audience::child);
    g.do_({SetLanguage{"cy"}});
    g.do_({OpenSearch{}});
    g.tap_letters("hit");
    SearchView cy = build_search(g.app);
    REQUIRE(cy.card);
    CHECK(cy.card->title == "Siarad â rhywun");
    CHECK(cy.card->page_label == "Darllen: All feelings are OK");  // the page is in English only
}

TEST_CASE("an adult's search that finds nothing offers the pack's helplines and Find local help") {
    Fixture f;
    f.do_({OpenSearch{}});
    f.tap_letters("xyzzy");
    SearchView v = build_search(f.app);
    CHECK(v.results.empty());
    CHECK(v.status == "Nothing found. Try another word.");
    REQUIRE(v.card);
    CHECK(v.card->title == "You can still get help");
    REQUIRE(v.card->helplines.size() == 1);
    CHECK(v.card->helplines[0].number == "116 123");
    CHECK(v.card->find_help_label == "Find local help");
    // A search that finds something has no card for an adult.
    for (int i = 0; i < 5; ++i) f.key(KeyKind::backspace);
    f.tap_letters("travel");
    CHECK_FALSE(build_search(f.app).card);
}

TEST_CASE("a child's search that finds nothing offers Childline") {
    Fixture f(Audience::child);
    f.do_({OpenSearch{}});
    f.tap_letters("travel");
    SearchView v = build_search(f.app);
    CHECK(v.results.empty());
    REQUIRE(v.card);
    REQUIRE_FALSE(v.card->helplines.empty());
    CHECK(v.card->helplines[0].name == "Childline");
    CHECK(v.card->find_help_label.empty());
}

TEST_CASE("synonyms and typos in the view: bus, fare and APVS find travel costs, vist finds the first visit") {
    for (const char* q : {"bus", "fare", "APVS", "travl"}) {
        CAPTURE(q);
        Fixture f;
        f.do_({OpenSearch{}});
        f.tap_letters(q);
        SearchView v = build_search(f.app);
        REQUIRE_FALSE(v.results.empty());
        CHECK(v.results[0].id == "travel-costs");
        CHECK_FALSE(v.card);
    }
    Fixture f;
    f.do_({OpenSearch{}});
    f.tap_letters("vist");
    CHECK(Fixture::has(build_search(f.app), "first-visit"));
}

TEST_CASE("search finds other languages' words: Welsh in English, and English-only pages marked in Welsh") {
    Fixture f;
    f.do_({OpenSearch{}});
    f.tap_letters("gynnar");  // in the Welsh first-visit page only
    SearchView en = build_search(f.app);
    REQUIRE(en.results.size() == 1);
    CHECK(en.results[0].id == "first-visit");
    CHECK(en.results[0].title == "Your first visit");  // shown in the visitor's language
    CHECK(en.results[0].language_note.empty());

    Fixture g;
    g.do_({SetLanguage{"cy"}});
    g.do_({OpenSearch{}});
    g.tap_letters("bws");
    SearchView cy = build_search(g.app);
    REQUIRE_FALSE(cy.results.empty());
    CHECK(cy.results[0].id == "travel-costs");
    CHECK(cy.results[0].title == "Help with travel costs");  // the fixture has it in English only
    CHECK(cy.results[0].language_note == "Yn Saesneg");
}
