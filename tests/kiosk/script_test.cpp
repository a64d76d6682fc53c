// The --script language: every command parses, and mistakes are named by line.
#include <doctest/doctest.h>

#include "kiosk/input/script.h"

using namespace lantern::kiosk;

TEST_CASE("a script of every command parses into steps") {
    auto r = parse_script(
        "# walk\ntap \"Touch to start\"\ntype \"Ann \\\"A\\\"\"\nkey Enter\nwait 3\nadvance 95.5\n"
        "drag \"Page\" 0 -400\npress 10 20\nrelease\nscreenshot out.png\nexpect \"Who\"\nexpect_not \"X\"\n",
        "s.txt");
    REQUIRE(r.error.empty());
    REQUIRE(r.steps.size() == 11);
    CHECK(r.steps[0].kind == ScriptStep::Kind::tap);
    CHECK(r.steps[0].text == "Touch to start");
    CHECK(r.steps[1].text == "Ann \"A\"");
    CHECK(r.steps[4].x == 95.5);
    CHECK(r.steps[5].y == -400);
    CHECK(r.steps[8].text == "out.png");
    CHECK(r.steps[0].line == 2);
}

TEST_CASE("a bad script line is refused with its file and line") {
    CHECK(parse_script("wait 1\ntap Touch\n", "s.txt").error == "s.txt:2: tap needs a \"quoted\" argument");
    CHECK(parse_script("fly \"x\"\n", "s.txt").error == "s.txt:1: unknown command \"fly\"");
    CHECK(parse_script("wait -1\n", "s.txt").error.find("s.txt:1") == 0);
    CHECK(parse_script("tap \"unterminated\n", "s.txt").steps.empty());
}

TEST_CASE("touch-size checks parse with their label and pixels") {
    auto r = parse_script("expect_min_size \"Back\" 72\nexpect_all_min_size 72\n", "s.txt");
    REQUIRE(r.error.empty());
    REQUIRE(r.steps.size() == 2);
    CHECK(r.steps[0].kind == ScriptStep::Kind::expect_min_size);
    CHECK(r.steps[0].text == "Back");
    CHECK(r.steps[0].x == 72);
    CHECK(r.steps[1].kind == ScriptStep::Kind::expect_all_min_size);
    CHECK(r.steps[1].x == 72);
    CHECK_FALSE(parse_script("expect_min_size \"Back\"\n", "s.txt").error.empty());
    CHECK_FALSE(parse_script("expect_all_min_size 0\n", "s.txt").error.empty());
}

TEST_CASE("a flick parses like a drag, and both need a label and a distance") {
    auto r = parse_script("flick \"Page\" 0 -300\ndrag \"Page\" 0 200\n", "s.txt");
    REQUIRE(r.error.empty());
    REQUIRE(r.steps.size() == 2);
    CHECK(r.steps[0].kind == ScriptStep::Kind::flick);
    CHECK(r.steps[0].y == -300);
    CHECK(r.steps[1].kind == ScriptStep::Kind::drag);
    CHECK(parse_script("flick \"Page\"\n", "s.txt").error == "s.txt:1: flick needs \"Label\" DX DY");
}

TEST_CASE("the text checks parse: words fit, and words apart from a button") {
    auto r = parse_script("expect_text_fits\nexpect_apart \"20 seconds\" \"I'm still here\"\n", "s.txt");
    REQUIRE(r.error.empty());
    REQUIRE(r.steps.size() == 2);
    CHECK(r.steps[0].kind == ScriptStep::Kind::expect_text_fits);
    CHECK(r.steps[1].kind == ScriptStep::Kind::expect_apart);
    CHECK(r.steps[1].text == "20 seconds");
    CHECK(r.steps[1].other == "I'm still here");
    CHECK(parse_script("expect_apart \"one\"\n", "s.txt").error == "s.txt:1: expect_apart needs \"text\" \"Label\"");
}

TEST_CASE("expect_no_overlap parses, and takes no argument") {
    auto r = parse_script("expect_no_overlap\n", "s.txt");
    REQUIRE(r.error.empty());
    REQUIRE(r.steps.size() == 1);
    CHECK(r.steps[0].kind == ScriptStep::Kind::expect_no_overlap);
}

TEST_CASE("whole-sight checks parse with their text and need it quoted") {
    auto r = parse_script("expect_whole \"Please answer\"\nexpect_label_whole \"Text size\"\n", "s.txt");
    REQUIRE(r.error.empty());
    REQUIRE(r.steps.size() == 2);
    CHECK(r.steps[0].kind == ScriptStep::Kind::expect_whole);
    CHECK(r.steps[0].text == "Please answer");
    CHECK(r.steps[1].kind == ScriptStep::Kind::expect_label_whole);
    CHECK(r.steps[1].text == "Text size");
    CHECK(parse_script("expect_whole Please\n", "s.txt").error == "s.txt:1: expect_whole needs a \"quoted\" argument");
}
