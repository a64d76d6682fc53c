// Read-aloud in the App: what is read, in which language, and that every way off a page stops the voice.
#include <doctest/doctest.h>

#include "kiosk/app/app.h"
#include "kiosk/views/view_models.h"
#include "tests/fixture_pack.h"

using namespace lantern::kiosk;
using lantern::content::Audience;

namespace {

// Records what the App asks of a voice, as a person would hear it: one voice, reading or silent.
class FakeSpeaker final : public Speaker {
   public:
    bool available() const override { return voice; }
    void speak(const std::string& text, const std::string& lang) override {
        if (speaking) ++overlaps;  // a real speaker stops first; the App must never rely on two voices
        speaking = true;
        last_text = text;
        last_lang = lang;
        ++starts;
    }
    void stop() override { speaking = false; }
    bool poll_finished() override { return false; }
    void set_volume(int percent) override { volume = percent; }

    bool voice = true;
    bool speaking = false;
    int starts = 0;
    int overlaps = 0;
    int volume = 100;
    std::string last_text, last_lang;
};

// The Read aloud button's action, carrying the words the chrome's view gives it for the page on screen.
Action read_aloud(const App& app) {
    ChromeView c = build_chrome(app, true);
    return ReadAloud{c.words.text, c.words.lang};
}

struct Fixture {
    lantern::test::TempDir dir;
    std::shared_ptr<const lantern::content::PackReader> pack = lantern::test::build_fixture_pack(dir);
    std::shared_ptr<FakeSpeaker> speaker = std::make_shared<FakeSpeaker>();
    App app{pack, "en", IdleSettings{90, 30}};

    Fixture() { app.set_speaker(speaker); }

    // Adult, Visiting, "Your first visit", Read aloud.
    void read_first_visit(double now = 0) {
        app.apply({Start{}, ChooseAudience{Audience::adult}}, now);
        app.apply({OpenTopic{"visits"}}, now);
        REQUIRE(app.screen() == Screen::page);
        app.apply({read_aloud(app)}, now);
        REQUIRE(speaker->speaking);
        REQUIRE(app.visit().reading_aloud);
    }
};

}  // namespace

TEST_CASE("read aloud speaks the page's title and words without Markdown, in the page's language") {
    Fixture f;
    f.read_first_visit();
    CHECK(f.speaker->last_lang == "en");
    const std::string& text = f.speaker->last_text;
    CHECK(text.rfind("Your first visit.", 0) == 0);
    CHECK(text.find("Before you go.") != std::string::npos);
    CHECK(text.find("Book your visit early.") != std::string::npos);
    CHECK(text.find("travel costs") != std::string::npos);
    CHECK(text.find("Bring photo ID.") != std::string::npos);
    for (const char* markup : {"**", "##", "](", "page:", "- "}) CHECK(text.find(markup) == std::string::npos);
    CHECK(build_chrome(f.app, true).read_aloud == "Stop reading");
}

TEST_CASE("a Welsh page is read in Welsh and an English fallback page in English") {
    Fixture f;
    f.app.apply({Start{}, ChooseAudience{Audience::adult}}, 0);
    f.app.apply({SetLanguage{"cy"}, OpenTopic{"visits"}}, 0);
    f.app.apply({read_aloud(f.app)}, 0);
    CHECK(f.speaker->last_lang == "cy");
    f.app.apply({Back{}, OpenTopic{"travel-costs"}}, 0);
    f.app.apply({read_aloud(f.app)}, 0);
    REQUIRE(f.app.screen() == Screen::page);
    CHECK(build_page(f.app).notice.find("Saesneg") != std::string::npos);
    CHECK(f.speaker->last_lang == "en");
}

TEST_CASE("phone numbers are read digit by digit") {
    PageView page;
    page.found = true;
    page.title = "Help";
    lantern::content::Block b;
    b.spans = {{"Call "}, {"0808 808 2003", false, false, "tel:08088082003"}};
    page.doc.blocks.push_back(b);
    CHECK(read_aloud_text(page) == "Help.\nCall 0 8 0 8 8 0 8 2 0 0 3.\n");
}

TEST_CASE("tapping Read aloud again stops the voice, and tapping once more starts it with one voice") {
    Fixture f;
    f.read_first_visit();
    f.app.apply({read_aloud(f.app)}, 1);
    CHECK_FALSE(f.speaker->speaking);
    CHECK_FALSE(f.app.visit().reading_aloud);
    CHECK(build_chrome(f.app, true).read_aloud == "Read aloud");
    f.app.apply({read_aloud(f.app)}, 2);
    CHECK(f.speaker->speaking);
    CHECK(f.speaker->starts == 2);
    CHECK(f.speaker->overlaps == 0);
}

TEST_CASE("every way off the page stops the voice") {
    SUBCASE("Back") {
        Fixture f;
        f.read_first_visit();
        f.app.apply({Back{}}, 1);
        CHECK_FALSE(f.speaker->speaking);
        CHECK_FALSE(f.app.visit().reading_aloud);
    }
    SUBCASE("Home") {
        Fixture f;
        f.read_first_visit();
        f.app.apply({Home{}}, 1);
        CHECK(f.app.screen() == Screen::topics);
        CHECK_FALSE(f.speaker->speaking);
    }
    SUBCASE("Quick exit") {
        Fixture f;
        f.read_first_visit();
        f.app.apply({QuickExit{}}, 1);
        CHECK(f.app.screen() == Screen::attract);
        CHECK_FALSE(f.speaker->speaking);
        CHECK_FALSE(f.app.visit().reading_aloud);
    }
    SUBCASE("the idle wipe") {
        Fixture f;
        f.read_first_visit(0);
        f.app.tick(60);
        CHECK(f.speaker->speaking);  // still within the idle time
        f.app.tick(121);
        CHECK(f.app.screen() == Screen::attract);
        CHECK_FALSE(f.speaker->speaking);
    }
    SUBCASE("switching language") {
        Fixture f;
        f.read_first_visit();
        f.app.apply({SetLanguage{"cy"}}, 1);
        CHECK_FALSE(f.speaker->speaking);
        CHECK_FALSE(f.app.visit().reading_aloud);
    }
    SUBCASE("opening a linked page") {
        Fixture f;
        f.read_first_visit();
        f.app.apply({OpenPage{"travel-costs"}}, 1);
        CHECK_FALSE(f.speaker->speaking);
    }
    SUBCASE("Find local help") {
        Fixture f;
        f.read_first_visit();
        f.app.apply({OpenServices{}}, 1);
        CHECK_FALSE(f.speaker->speaking);
    }
}

TEST_CASE("the voice reaching the end turns Stop reading back into Read aloud without counting as a touch") {
    Fixture f;
    f.read_first_visit(0);
    f.app.apply({ReadingFinished{}}, 80);
    CHECK_FALSE(f.app.visit().reading_aloud);
    CHECK(build_chrome(f.app, true).read_aloud == "Read aloud");
    CHECK(f.app.idle_countdown_showing(95));  // idle counts from the last touch at 0, not from the voice
}

TEST_CASE("without a voice there is no Read aloud button and the action does nothing") {
    Fixture f;
    f.speaker->voice = false;
    f.app.apply({Start{}, ChooseAudience{Audience::adult}}, 0);
    f.app.apply({OpenTopic{"visits"}}, 0);
    CHECK_FALSE(build_chrome(f.app, f.app.has_voice()).show_read_aloud);
    f.app.apply({ReadAloud{"Some words.", "en"}}, 0);
    CHECK_FALSE(f.speaker->speaking);
    CHECK_FALSE(f.app.visit().reading_aloud);
}

TEST_CASE("read aloud off a page does nothing") {
    Fixture f;
    f.app.apply({Start{}, ChooseAudience{Audience::adult}}, 0);
    f.app.apply({ReadAloud{"Some words.", "en"}}, 0);
    CHECK_FALSE(f.speaker->speaking);
    CHECK_FALSE(f.app.visit().reading_aloud);
}
