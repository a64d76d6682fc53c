// The App's state machine without a window: navigation, audiences, languages, idle and quick-exit wipes.
#include <doctest/doctest.h>

#include "kiosk/app/app.h"
#include "kiosk/views/view_models.h"
#include "tests/fixture_pack.h"

using namespace lantern::kiosk;
using lantern::content::Audience;

namespace {
struct Fixture {
    lantern::test::TempDir dir;
    std::shared_ptr<const lantern::content::PackReader> pack = lantern::test::build_fixture_pack(dir);
    App app{pack, "en", IdleSettings{90, 30}};

    void start_as(Audience a, double now = 0) { app.apply({Start{}, ChooseAudience{a}}, now); }
};
}  // namespace

TEST_CASE("attract, audience, topics and a page are reached in order and Back retraces them") {
    Fixture f;
    CHECK(f.app.screen() == Screen::attract);
    CHECK_FALSE(build_chrome(f.app).show_nav);
    f.app.apply({Start{}}, 0);
    CHECK(f.app.screen() == Screen::audience);
    CHECK(build_audience(f.app).choices.size() == 4);
    f.app.apply({ChooseAudience{Audience::adult}}, 1);
    CHECK(f.app.screen() == Screen::topics);
    TopicsView topics = build_topics(f.app);
    REQUIRE(topics.tiles.size() == 3);
    CHECK(topics.tiles[0].title == "Visiting");

    // A topic with a single page opens it at once.
    f.app.apply({OpenTopic{"visits"}}, 2);
    CHECK(f.app.screen() == Screen::page);
    PageView page = build_page(f.app);
    CHECK(page.found);
    CHECK(page.title == "Your first visit");
    CHECK(page.notice.empty());
    CHECK(build_chrome(f.app).show_nav);
    CHECK(build_chrome(f.app).show_home);

    f.app.apply({Back{}}, 3);
    CHECK(f.app.screen() == Screen::topics);
    f.app.apply({Back{}}, 4);
    CHECK(f.app.screen() == Screen::audience);
}

TEST_CASE("a child sees only child topics and cannot open an adult page by id") {
    Fixture f;
    f.start_as(Audience::child);
    TopicsView topics = build_topics(f.app);
    REQUIRE(topics.tiles.size() == 1);
    CHECK(topics.tiles[0].id == "feelings");
    f.app.apply({OpenPage{"abuse-help"}}, 1);
    PageView page = build_page(f.app);
    CHECK_FALSE(page.found);
    CHECK(page.title.empty());
    CHECK(page.doc.blocks.empty());
}

TEST_CASE("switching to Welsh shows Welsh pages and says when a page falls back to English") {
    Fixture f;
    f.start_as(Audience::adult);
    f.app.apply({SetLanguage{"cy"}}, 1);
    CHECK(build_topics(f.app).tiles[0].title == "Ymweld");
    CHECK(build_chrome(f.app).back == "Yn ôl");
    f.app.apply({OpenPage{"first-visit"}}, 2);
    CHECK(build_page(f.app).title == "Eich ymweliad cyntaf");
    CHECK(build_page(f.app).notice.empty());
    f.app.apply({OpenPage{"travel-costs"}}, 3);
    PageView fallback = build_page(f.app);
    CHECK(fallback.title == "Help with travel costs");
    CHECK(fallback.lang == "en");
    CHECK(fallback.notice.find("Saesneg") != std::string::npos);
}

TEST_CASE("a Welsh page list tags only the page shown in English") {
    // The fixture's "visits" topic gets its English-only travel-costs page too, so one list holds a page with
    // a Welsh version and one without (the shipped content has every page in Welsh).
    lantern::test::TempDir dir;
    lantern::content::Sources s =
        lantern::content::read_sources(std::filesystem::path(LANTERN_SOURCE_DIR) / "tests/fixtures/content");
    for (auto& p : s.pages)
        if (p.id == "travel-costs") p.topic = "visits";
    REQUIRE(lantern::content::write_pack(s, dir / "pack.sqlite", {"1"}));
    App app{std::make_shared<lantern::content::PackReader>((dir / "pack.sqlite").string()), "en", IdleSettings{90, 30}};
    app.apply({Start{}, ChooseAudience{Audience::adult}}, 0);
    app.apply({SetLanguage{"cy"}, OpenTopic{"visits"}}, 1);
    REQUIRE(app.screen() == Screen::topic_pages);
    PageListView list = build_page_list(app);
    REQUIRE(list.pages.size() == 2);
    for (const auto& item : list.pages) {
        CAPTURE(item.id);
        CHECK(item.lang_tag == (item.id == "travel-costs" ? "Saesneg" : ""));
        CHECK(item.title == (item.id == "travel-costs" ? "Help with travel costs" : "Eich ymweliad cyntaf"));
    }
}

TEST_CASE("quick exit wipes the session and returns to attract with no way back") {
    Fixture f;
    f.start_as(Audience::teen);
    f.app.apply({SetLanguage{"cy"}, OpenPage{"feelings"}}, 1);
    f.app.apply({QuickExit{}}, 2);
    CHECK(f.app.screen() == Screen::attract);
    CHECK(f.app.visit().history.empty());
    CHECK(f.app.visit().lang == "en");
    CHECK(f.app.visit().audience == Audience::adult);
    f.app.apply({Back{}}, 3);
    CHECK(f.app.screen() == Screen::attract);
    CHECK(f.app.wipes() >= 1);
}

TEST_CASE("after 90 s idle a countdown shows, and after 30 s more the session is wiped") {
    Fixture f;
    f.start_as(Audience::adult, 100);
    f.app.tick(189);
    CHECK_FALSE(build_idle(f.app, 189).showing);
    f.app.tick(190);
    IdleView idle = build_idle(f.app, 190);
    CHECK(idle.showing);
    CHECK(idle.body.find("30") != std::string::npos);
    CHECK(f.app.screen() == Screen::topics);
    f.app.tick(219.5);
    CHECK(f.app.screen() == Screen::topics);
    f.app.tick(220);
    CHECK(f.app.screen() == Screen::attract);
    CHECK(f.app.wipes() == 1);
}

TEST_CASE("\"I'm still here\" or any input during the countdown keeps the session") {
    Fixture f;
    f.start_as(Audience::adult, 0);
    f.app.tick(100);
    CHECK(f.app.idle_countdown_showing(100));
    f.app.apply({StillHere{}}, 100);
    CHECK_FALSE(f.app.idle_countdown_showing(100));
    f.app.note_activity(180);  // someone typing: every key counts
    f.app.tick(250);
    CHECK(f.app.screen() == Screen::topics);
    CHECK(f.app.wipes() == 0);
}

TEST_CASE("the attract screen never times out and never wipes") {
    Fixture f;
    f.app.tick(10000);
    CHECK(f.app.screen() == Screen::attract);
    CHECK(f.app.wipes() == 0);
    CHECK_FALSE(f.app.seconds_until_next_timer(10000).has_value());
}

TEST_CASE("the kiosk runs without a pack and says information is unavailable") {
    App app(nullptr, "en");
    app.apply({Start{}, ChooseAudience{Audience::adult}}, 0);
    TopicsView topics = build_topics(app);
    CHECK(topics.tiles.empty());
    CHECK(topics.empty.find("staff") != std::string::npos);
}

TEST_CASE("a new content pack is taken only between visitors") {
    lantern::test::TempDir dir;
    auto first = lantern::test::build_fixture_pack(dir);
    lantern::test::TempDir dir2;
    auto second = lantern::test::build_fixture_pack(dir2);
    App app(first, "en", IdleSettings{90, 30});
    app.apply({Start{}, ChooseAudience{Audience::adult}}, 1);
    CHECK_FALSE(app.replace_pack(second));
    CHECK(app.pack() == first.get());
    app.apply({QuickExit{}}, 2);
    int before = app.revision();
    CHECK(app.replace_pack(second));
    CHECK(app.pack() == second.get());
    CHECK(app.revision() != before);
    CHECK_FALSE(app.replace_pack(nullptr));
    CHECK(app.pack() == second.get());
}

TEST_CASE("today's notices: everyone's on the attract screen, adult-only ones only on the adult home screen") {
    Fixture f;
    std::vector<std::string> everyone{"The play area is open until 4pm today."};
    CHECK(build_attract(f.app).notices == everyone);
    f.start_as(Audience::adult);
    auto adult = build_topics(f.app).notices;
    REQUIRE(adult.size() == 2);
    CHECK(adult[1] == "A debt adviser is at the desk this morning.");
    for (Audience a : {Audience::teen, Audience::child, Audience::little}) {
        Fixture g;
        g.start_as(a);
        CHECK(build_topics(g.app).notices == everyone);
    }
}

TEST_CASE("notices show in Welsh when written in Welsh") {
    Fixture f;
    f.start_as(Audience::child);
    f.app.apply({SetLanguage{"cy"}}, 1);
    CHECK(build_topics(f.app).notices == std::vector<std::string>{"Mae'r ardal chwarae ar agor tan 4pm heddiw."});
}

TEST_CASE("the attract screen invites a touch in every language the pack has") {
    lantern::test::TempDir dir;
    App app(lantern::test::build_fixture_pack(dir), "en", IdleSettings{90, 30});
    AttractView v = build_attract(app);
    CHECK(v.touch == StartChoice{"en", "Touch to start"});
    CHECK(v.touch_elsewhere == std::vector<StartChoice>{{"cy", "Cyffyrddwch i ddechrau"}});
    CHECK(v.welcomes == std::vector<StartChoice>{{"en", "Welcome"}, {"cy", "Croeso"}});
}

TEST_CASE("each start in its own language starts the visit in that language") {
    lantern::test::TempDir dir;
    App app(lantern::test::build_fixture_pack(dir), "en", IdleSettings{90, 30});
    // What the Welsh words on the attract screen send.
    AttractView v = build_attract(app);
    REQUIRE(v.touch_elsewhere.size() == 1);
    app.apply({Start{v.touch_elsewhere[0].lang}}, 1);
    CHECK(app.screen() == Screen::audience);
    CHECK(app.visit().lang == "cy");
    CHECK(build_audience(app).title == "Pwy sy'n darllen?");
    // The visit ends; the next one starts in the kiosk's own language, from the English button.
    app.apply({QuickExit{}}, 2);
    CHECK(app.visit().lang == "en");
    app.apply({Start{build_attract(app).touch.lang}}, 3);
    CHECK(app.visit().lang == "en");
    app.apply({QuickExit{}, Start{"cy"}}, 4);
    CHECK(build_audience(app).title == "Pwy sy'n darllen?");
}

TEST_CASE("a kiosk set to Welsh offers English as the smaller start, and a start in no pack language is ignored") {
    lantern::test::TempDir dir;
    App app(lantern::test::build_fixture_pack(dir), "cy", IdleSettings{90, 30});
    AttractView v = build_attract(app);
    CHECK(v.touch == StartChoice{"cy", "Cyffyrddwch i ddechrau"});
    CHECK(v.touch_elsewhere == std::vector<StartChoice>{{"en", "Touch to start"}});
    app.apply({Start{"xx"}}, 1);
    CHECK(app.visit().lang == "cy");
    app.apply({QuickExit{}, Start{"en"}}, 2);
    CHECK(app.visit().lang == "en");
}
