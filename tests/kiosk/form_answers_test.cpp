// The visitor's draft answers read against the shipped form: show_if, helplines, and wiping.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <SQLiteCpp/SQLiteCpp.h>
#include <type_traits>

#include "kiosk/app/app.h"
#include "kiosk/form/form_answers.h"
#include "tests/fixture_pack.h"

using namespace lantern::kiosk::form;

namespace {
std::string read(const std::string& rel) {
    return lantern::test::read_file(std::filesystem::path(LANTERN_SOURCE_DIR) / rel);
}
}  // namespace

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

// The kiosk has no form parser of its own: its form types and parse_form are content's.
static_assert(std::is_same_v<Form, lantern::content::form::Form>);
static_assert(std::is_same_v<FieldType, lantern::content::form::FieldType>);

TEST_CASE("a pack whose form.json has an unknown field type gives the kiosk no form, and staff the reason") {
    lantern::test::TempDir dir;
    auto built = lantern::test::build_fixture_pack(dir);
    std::string path = built->path();
    built.reset();
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        std::string form = db.execAndGet("SELECT json FROM form").getString();
        auto at = form.find(R"("type":"phone")");
        REQUIRE(at != std::string::npos);
        SQLite::Statement q(db, "UPDATE form SET json = ?1");
        q.bind(1, form.replace(at, 14, R"("type":"fone")"));
        REQUIRE(q.exec() == 1);
    }
    lantern::kiosk::App app(std::make_shared<lantern::content::PackReader>(path), "en");
    CHECK(app.form() == nullptr);
    CHECK(app.form_error().find("field \"phone\": unknown type \"fone\"") != std::string::npos);
}
