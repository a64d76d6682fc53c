// The hub notices document (sync/notices.h): its strict parser, its signature, and the centre and day filters.
#include <doctest/doctest.h>

#include <functional>

#include "sync/notices.h"

using namespace lantern;
using nlohmann::json;

namespace {

sync::NoticesDocument sample() {
    sync::NoticesDocument d;
    d.version = 7;
    d.notices.push_back({"family-day", {"all"}, {}, "2026-12-01", "2026-12-03", "Family day.", "Diwrnod teulu."});
    d.notices.push_back(
        {"debt", {"HMP Example", "HMP Other"}, {"adult"}, "2026-12-02", "2026-12-02", "Debt advice.", ""});
    return d;
}

std::string error_with(const std::function<void(json&)>& change) {
    json j = sync::to_json(sample());
    change(j);
    auto r = sync::parse_notices_document(j.dump());
    return r ? "accepted" : r.error;
}

}  // namespace

TEST_CASE("a notices document survives to_json and its parser unchanged") {
    auto r = sync::parse_notices_document(sync::to_json(sample()).dump());
    REQUIRE(r);
    CHECK(*r.value == sample());
    sync::NoticesDocument none{3, {}};
    CHECK(*sync::parse_notices_document(sync::to_json(none).dump()).value == none);
}

TEST_CASE("the notices parser refuses each bad field, naming the notice and the field but never its text") {
    CHECK(error_with([](json& j) { j["version"] = 0; }).find("\"version\"") != std::string::npos);
    CHECK(error_with([](json& j) { j["colour"] = "red"; }).find("only \"version\" and \"notices\"") !=
          std::string::npos);
    CHECK(error_with([](json& j) { j["notices"][1]["start"] = "2026-02-30"; }) ==
          "notices: notices[1] (debt): \"start\" must be a real calendar date as YYYY-MM-DD");
    CHECK(error_with([](json& j) { j["notices"][0]["end"] = "2026-11-30"; }) ==
          "notices: notices[0] (family-day): \"end\" is before \"start\"");
    CHECK(error_with([](json& j) { j["notices"][1]["audiences"] = json::array({"adults"}); }).find("\"audiences\"") !=
          std::string::npos);
    CHECK(error_with([](json& j) {
              j["notices"][1]["audiences"] = json::array({"adult", "adult"});
          }).find("twice") != std::string::npos);
    CHECK(error_with([](json& j) {
              j["notices"][0]["centres"] = json::array({"all", "HMP Example"});
          }).find("[\"all\"]") != std::string::npos);
    CHECK(error_with([](json& j) { j["notices"][0]["centres"] = json::array(); }).find("\"centres\"") !=
          std::string::npos);
    CHECK(error_with([](json& j) { j["notices"][0]["text"].erase("en"); }).find("English") != std::string::npos);
    CHECK(error_with([](json& j) { j["notices"][0]["text"]["fr"] = "Bonjour."; }).find("\"text\"") !=
          std::string::npos);
    std::string secret = "Call 07700 900123 now\n";
    std::string line_break = error_with([&](json& j) { j["notices"][0]["text"]["cy"] = secret; });
    CHECK(line_break.find("\"text\".\"cy\"") != std::string::npos);
    CHECK(line_break.find("07700") == std::string::npos);
    CHECK(error_with([](json& j) { j["notices"][0]["text"]["en"] = std::string(161, 'a'); }).find("1-160") !=
          std::string::npos);
    // 160 letters is allowed however many bytes they take (Welsh ŵ is two).
    std::string welsh;
    for (int i = 0; i < 160; ++i) welsh += "\xC5\xB5";
    CHECK(error_with([&](json& j) { j["notices"][0]["text"]["cy"] = welsh; }) == "accepted");
    CHECK(error_with([](json& j) { j["notices"][1]["id"] = "family-day"; }).find("used twice") != std::string::npos);
    CHECK(error_with([](json& j) { j["notices"][1]["id"] = "Debt Advice"; }).find("\"id\"") != std::string::npos);
    CHECK(error_with([](json& j) {
              for (int i = 0; i < 100; ++i) j["notices"].push_back(j["notices"][0]);
          }).find("at most 100") != std::string::npos);
    CHECK_FALSE(sync::parse_notices_document("{\"version\": 1, \"notices\": [}"));
    CHECK_FALSE(sync::parse_notices_document(std::string(sync::k_max_notices_document_bytes + 1, ' ')));
}

TEST_CASE("a signed notices document opens only with the content key, unchanged, and never passes for a pack") {
    auto keys = sync::generate_signing_keys();
    auto s = sync::sign_notices(sample(), keys.secret_key);
    auto wire = sync::parse_signed_notices(sync::to_json(s).dump());
    REQUIRE(wire);
    CHECK(*wire.value == s);
    auto opened = sync::open_signed_notices(*wire.value, keys.public_key);
    REQUIRE(opened);
    CHECK(*opened.value == sample());

    auto other = sync::generate_signing_keys();
    CHECK(sync::open_signed_notices(s, other.public_key).error.find("signature does not verify") != std::string::npos);
    auto changed = s;
    changed.document[changed.document.find("Family day.")] = 'B';
    CHECK_FALSE(sync::open_signed_notices(changed, keys.public_key));
    // The signature over a document is not a pack's: the messages differ from their first bytes.
    CHECK(sync::notices_signing_message("x").rfind("lantern-notices-v1\n", 0) == 0);
    CHECK_FALSE(sync::verify_pack_signature("7", sync::sha256_hex(s.document), s.signature, keys.public_key));

    CHECK_FALSE(sync::parse_signed_notices(R"({"document": "{}", "signature": "AAAA"})"));
    CHECK_FALSE(sync::parse_signed_notices(R"({"document": "{}"})"));
    CHECK_FALSE(sync::parse_signed_notices("<html>Sign in to the wifi</html>"));
}

TEST_CASE("a kiosk keeps the notices for all centres and its own, and shows each from its start to its end day") {
    auto here = sync::notices_for_centre(sample(), "HMP Example");
    CHECK(here.size() == 2);
    auto elsewhere = sync::notices_for_centre(sample(), "HMP Third");
    REQUIRE(elsewhere.size() == 1);
    CHECK(elsewhere[0].id == "family-day");
    CHECK(sync::notices_for_centre(sample(), "").size() == 1);  // a kiosk with no centre set: "all" only
    // Centres match as family services' do: case and spacing aside (kiosk.toml and the team's file may differ).
    CHECK(sync::notices_for_centre(sample(), "  hmp   EXAMPLE ").size() == 2);
    CHECK(sync::notices_for_centre(sample(), "HMP Examples").size() == 1);
    CHECK(sync::notices_for_centre(sample(), "   ").size() == 1);  // blank is no centre
    const auto n = sample().notices[0];
    CHECK_FALSE(sync::is_showing_on(n, "2026-11-30"));
    CHECK(sync::is_showing_on(n, "2026-12-01"));
    CHECK(sync::is_showing_on(n, "2026-12-03"));
    CHECK_FALSE(sync::is_showing_on(n, "2026-12-04"));
}
