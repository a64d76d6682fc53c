// form.json parsing: the shipped form parses, bad JSON and bad shapes give clear errors, never a crash.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "kiosk/form_model.h"

using namespace lantern::kiosk::form;

namespace {
std::string read(const std::string& rel) {
    std::ifstream in(std::filesystem::path(LANTERN_SOURCE_DIR) / rel);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
}  // namespace

TEST_CASE("the default form and the fixture form parse into seven steps with English and Welsh labels") {
    for (const char* path : {"assets/content/form.json", "tests/fixtures/content/form.json"}) {
        FormParseResult r = parse_form(read(path));
        INFO(path << ": " << r.error);
        REQUIRE(r.form);
        CHECK(r.form->steps.size() == 7);
        for (const auto& s : r.form->steps)
            for (const auto& f : s.fields) {
                CHECK_MESSAGE(f.label.by_lang.count("cy") == 1, f.id);
                for (const auto& o : f.options) CHECK_MESSAGE(o.label.by_lang.count("cy") == 1, (f.id + "/" + o.id));
            }
        const Field* needs = r.form->field("needs");
        REQUIRE(needs);
        std::vector<std::string> ids;
        for (const auto& o : needs->options) ids.push_back(o.id);
        CHECK(ids == std::vector<std::string>{"money-debt", "housing", "physical-health", "mental-health",
                                              "domestic-abuse", "drugs-alcohol", "feeling-alone", "visits-travel",
                                              "staying-in-touch", "parenting", "children", "release"});
        REQUIRE(r.form->field("safe_message"));
        REQUIRE(r.form->field("safe_message")->show_if);
        CHECK(r.form->field("safe_message")->show_if->field == "phone");
        CHECK(r.form->sensitive_consent == "consent_sensitive");
        CHECK(r.form->required_consent == "consent_contact");
    }
}

TEST_CASE("bad form JSON is an error that names where and what") {
    CHECK(parse_form("{not json").error == "form.json: not valid JSON");
    CHECK(parse_form("").error == "form.json: not valid JSON");
    CHECK(parse_form("[]").error.find("must be a JSON object") != std::string::npos);
    CHECK(parse_form(R"({"steps":[]})").error.find("version") != std::string::npos);
    auto bad_type = parse_form(
        R"({"version":"1","steps":[{"id":"a","title":"A","fields":[{"id":"x","type":"text","label":"X"}]},
            {"id":"contact","title":"C","fields":[{"id":"phone","type":"fone","label":"P"}]}]})");
    CHECK(bad_type.error == "form.json: step 2 \"contact\": field \"phone\": unknown type \"fone\"");
    auto no_options = parse_form(
        R"({"version":"1","steps":[{"id":"a","title":"A","fields":[{"id":"x","type":"choice","label":"X"}]}]})");
    CHECK(no_options.error.find("needs \"options\"") != std::string::npos);
    auto dangling = parse_form(
        R"({"version":"1","steps":[{"id":"a","title":"A","fields":[{"id":"x","type":"text","label":"X","show_if":{"field":"nope","not_empty":true}}]}]})");
    CHECK(dangling.error.find("unknown field \"nope\"") != std::string::npos);
    auto dup = parse_form(
        R"({"version":"1","steps":[{"id":"a","title":"A","fields":[{"id":"x","type":"text","label":"X"},{"id":"x","type":"text","label":"Y"}]}]})");
    CHECK(dup.error.find("duplicate field id") != std::string::npos);
    auto no_label =
        parse_form(R"({"version":"1","steps":[{"id":"a","title":"A","fields":[{"id":"x","type":"text"}]}]})");
    CHECK(no_label.error.find("label") != std::string::npos);
    auto wrong_types = parse_form(R"({"version":1,"steps":{"a":1}})");
    CHECK_FALSE(wrong_types.form);
    CHECK_FALSE(wrong_types.error.empty());
}

TEST_CASE("show_if hides a field until its condition holds") {
    auto r = parse_form(read("assets/content/form.json"));
    REQUIRE(r.form);
    Draft d;
    const Field& safe = *r.form->field("safe_to_call");
    CHECK_FALSE(is_visible(*r.form, safe, d));
    d.at("phone").text = "07700 900123";
    CHECK(is_visible(*r.form, safe, d));
    d.at("phone").text = "  ";
    CHECK_FALSE(is_visible(*r.form, safe, d));
    const Field& language = *r.form->field("language");
    d.at("interpreter").text = "no";
    CHECK_FALSE(is_visible(*r.form, language, d));
    d.at("interpreter").text = "yes";
    CHECK(is_visible(*r.form, language, d));
}

TEST_CASE("ticking domestic abuse or a safety worry shows the helplines") {
    auto r = parse_form(read("assets/content/form.json"));
    REQUIRE(r.form);
    Draft d;
    CHECK_FALSE(shows_helplines(*r.form, d));
    d.at("needs").picks = {"housing"};
    CHECK_FALSE(shows_helplines(*r.form, d));
    d.at("needs").picks.push_back("domestic-abuse");
    CHECK(shows_helplines(*r.form, d));
    d.at("needs").picks = {};
    d.at("safety_worry").text = "yes";
    CHECK(shows_helplines(*r.form, d));
}

TEST_CASE("wiping a draft leaves no answers") {
    Draft d;
    d.at("call_me").text = "Sam";
    d.at("needs").picks = {"housing"};
    Draft other(std::move(d));
    CHECK(other.find("call_me"));
    other = Draft{};
    CHECK(other.answers().empty());
    std::string secret = "a secret long enough to live on the heap, not in the small buffer";
    const char* data = secret.data();
    std::size_t cap = secret.capacity();
    wipe_string(secret);
    CHECK(secret.empty());
    CHECK(std::all_of(data, data + cap, [](char c) { return c == 0; }));
}
