// kiosk.toml: every key read, and every mistake named by its key.
#include <doctest/doctest.h>

#include "kiosk/parts/config.h"

using namespace lantern::kiosk;

namespace {
std::string error_of(const std::string& text) {
    auto r = parse_kiosk_config(text, "kiosk.toml");
    return std::holds_alternative<ConfigError>(r) ? std::get<ConfigError>(r).message : std::string("(no error)");
}
}  // namespace

TEST_CASE("a full config is read into typed values") {
    auto r = parse_kiosk_config(R"(
[kiosk]
name = "kiosk-1"
centre = "Riverside Visitor Centre"
default_language = "cy"
areas = ["Cardiff", "Wales"]
[idle]
seconds = 120
countdown_seconds = 20
[hub]
url = "https://hub.example.org"
token = "abc"
referral_public_key = "keys/referral.pub"
[paths]
pack = "var/pack.sqlite"
data = "var/kiosk"
[display]
text_scale = 1.25
high_contrast = true
)",
                                "kiosk.toml");
    REQUIRE(std::holds_alternative<KioskConfig>(r));
    const KioskConfig& c = std::get<KioskConfig>(r);
    CHECK(c.centre == "Riverside Visitor Centre");
    CHECK(c.default_language == "cy");
    CHECK(c.areas == std::vector<std::string>{"Cardiff", "Wales"});
    CHECK(c.idle_seconds == 120);
    CHECK(c.countdown_seconds == 20);
    CHECK(c.hub_url == "https://hub.example.org");
    CHECK(c.pack == "var/pack.sqlite");
    CHECK(c.text_scale == 1.25);
    CHECK(c.high_contrast);
}

TEST_CASE("an empty config gives the defaults") {
    auto r = parse_kiosk_config("", "kiosk.toml");
    REQUIRE(std::holds_alternative<KioskConfig>(r));
    CHECK(std::get<KioskConfig>(r).idle_seconds == 90);
    CHECK(std::get<KioskConfig>(r).countdown_seconds == 30);
    CHECK(std::get<KioskConfig>(r).areas.empty());
}

TEST_CASE("a bad config gets a clear message naming the key") {
    CHECK(error_of("[idle]\nseconds = \"ninety\"\n") == "kiosk.toml: idle.seconds: must be a number from 5 to 3600");
    CHECK(error_of("[idle]\nseconds = 1\n") == "kiosk.toml: idle.seconds: must be a number from 5 to 3600");
    CHECK(error_of("[idle]\nsecnds = 90\n") == "kiosk.toml: idle.secnds: unknown key");
    CHECK(error_of("[hub]\nurl = \"ftp://x\"\n").find("hub.url") != std::string::npos);
    CHECK(error_of("[display]\nhigh_contrast = \"yes\"\n") ==
          "kiosk.toml: display.high_contrast: must be true or false");
    CHECK(error_of("[kiosk]\nareas = \"Cardiff\"\n").rfind("kiosk.toml: kiosk.areas: must be a list of strings", 0) ==
          0);
    CHECK(error_of("[wifi]\nssid = \"x\"\n") == "kiosk.toml: [wifi]: unknown section");
    CHECK(error_of("[idle\nseconds = 3").rfind("kiosk.toml:1", 0) == 0);
}
