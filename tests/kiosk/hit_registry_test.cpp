// The script check that words stay on screen and inside what they are written on, on hand-made frames.
#include <doctest/doctest.h>

#include "kiosk/ui/hit_registry.h"

using namespace lantern::kiosk::ui;

namespace {
HitElement tappable(const std::string& label, ImVec2 min, ImVec2 max) { return {label, min, max, true, false}; }
HitElement words(const std::string& label, ImVec2 min, ImVec2 max) { return {label, min, max, false, true}; }
HitElement text(const std::string& label, ImVec2 min, ImVec2 max) { return {label, min, max, false, false}; }
const ImVec2 screen(1920, 1080);
}  // namespace

TEST_CASE("words inside their tile and text on screen fit") {
    std::vector<HitElement> frame = {tappable("Visiting", {100, 100}, {500, 300}),
                                     words("Visiting", {250, 180}, {400, 220}),
                                     text("What would you like to know?", {64, 20}, {900, 80})};
    CHECK(text_that_does_not_fit(frame, screen).empty());
}

TEST_CASE("a tile's title spilling out of its tile is named") {
    std::vector<HitElement> frame = {tappable("Pan fydd rhywun yn mynd i'r carchar", {100, 100}, {500, 200}),
                                     words("Pan fydd rhywun yn mynd i'r carchar", {250, 60}, {420, 240})};
    std::string bad = text_that_does_not_fit(frame, screen);
    CHECK(bad.find("Pan fydd rhywun") != std::string::npos);
}

TEST_CASE("a word wider than its button is named even when another element shares the label") {
    std::vector<HitElement> frame = {tappable("Priflythyren", {100, 100}, {200, 180}),
                                     tappable("Priflythyren", {900, 100}, {1000, 180}),
                                     words("Priflythyren", {90, 120}, {230, 160})};
    CHECK_FALSE(text_that_does_not_fit(frame, screen).empty());
}

TEST_CASE("text running off the side of the screen is named, text scrolled away above or below is not") {
    CHECK_FALSE(
        text_that_does_not_fit({text("Welcome · Croeso · Witamy", {-200, 500}, {1300, 600})}, ImVec2(1080, 1920))
            .empty());
    CHECK(text_that_does_not_fit({text("further down the page", {64, 2500}, {900, 2560})}, screen).empty());
}

TEST_CASE("words under a button are named; words beside it are not") {
    HitElement button = tappable("I'm still here", {400, 600}, {1500, 750});
    std::vector<HitElement> frame = {
        text("For your privacy, this screen will clear in 20 seconds.", {400, 450}, {1400, 640}), button};
    CHECK_FALSE(overlapping(frame, "20 seconds", button).empty());
    frame[0].max.y = 590;
    CHECK(overlapping(frame, "20 seconds", button).empty());
}

TEST_CASE("tappable elements drawn over each other are named; side by side or touching they are not") {
    std::vector<HitElement> keys = {tappable("q", {0, 0}, {96, 96}), tappable("w", {106, 0}, {202, 96}),
                                    tappable("e", {202, 0}, {298, 96})};
    CHECK(overlapping_tappables(keys, screen).empty());
    keys.push_back(tappable("Shift", {250, 40}, {400, 136}));
    std::string clash = overlapping_tappables(keys, screen);
    CHECK(clash == "\"e\" overlaps \"Shift\"");
}

TEST_CASE("only tappable elements on screen count: words on a button and off-screen keys do not") {
    std::vector<HitElement> frame = {tappable("Done", {100, 100}, {300, 200}), words("Done", {120, 120}, {280, 180}),
                                     text("Typing here", {0, 90}, {500, 210}),
                                     tappable("scrolled away", {100, -300}, {300, -200}),
                                     tappable("also scrolled away", {100, -290}, {300, -210})};
    CHECK(overlapping_tappables(frame, screen).empty());
}

TEST_CASE("words partly scrolled out of their region are not seen whole, words all in view are") {
    HitRegistry hits;
    hits.begin_frame();
    hits.add("Please answer this question.", {100, 1000}, {900, 1040}, false, true);
    hits.add("Step 2 of 7", {100, 200}, {400, 240}, false);
    hits.begin_frame();
    CHECK(hits.shows("Please answer", screen));
    CHECK_FALSE(hits.shows_whole("Please answer", screen));
    CHECK(hits.shows_whole("Step 2", screen));
}

TEST_CASE("words running off the bottom of the screen are not seen whole") {
    HitRegistry hits;
    hits.begin_frame();
    hits.add("ask the visitor centre staff", {100, 1040}, {900, 1110}, false);
    hits.begin_frame();
    CHECK(hits.shows("ask the visitor centre staff", screen));
    CHECK_FALSE(hits.shows_whole("ask the visitor centre staff", screen));
}

TEST_CASE("a button's squeezed label is found as squeezed, and a whole one as whole") {
    HitRegistry hits;
    hits.begin_frame();
    hits.add("Maint testun", {100, 20}, {200, 110}, true);
    hits.add_words_of_tappable("Maint testun", {110, 30}, {190, 100}, true);
    hits.add("Cymraeg", {300, 20}, {500, 110}, true);
    hits.add_words_of_tappable("Cymraeg", {320, 45}, {480, 85});
    hits.begin_frame();
    REQUIRE(hits.find_words_of("Maint testun", screen));
    CHECK(hits.find_words_of("Maint testun", screen)->squeezed);
    REQUIRE(hits.find_words_of("Cymraeg", screen));
    CHECK_FALSE(hits.find_words_of("Cymraeg", screen)->squeezed);
    CHECK_FALSE(hits.find_words_of("Quick exit", screen));
}
