// The wire's one field reader: required and optional fields, bounds, the first error kept, and never a value echoed.
#include <doctest/doctest.h>

#include "sync/json_reader.h"

using lantern::sync::JsonReader;
using nlohmann::json;

TEST_CASE("a required field must be there with its type and within its bounds; the error names it, not its value") {
    json j = {{"name", "Sam Smith"}, {"count", 3}, {"big", 18446744073709551615ULL}, {"yes", true}, {"list", {1, 2}}};
    std::string s;
    std::int64_t n = 0;
    bool b = false;
    auto error_of = [&](auto read) {
        JsonReader rd(j, "thing");
        read(rd);
        return rd.error();
    };
    CHECK(error_of([&](JsonReader& rd) { rd.str("name", s); }).empty());
    CHECK(s == "Sam Smith");
    CHECK(error_of([&](JsonReader& rd) { rd.str("missing", s); }) == "thing: missing \"missing\"");
    CHECK(error_of([&](JsonReader& rd) { rd.str("count", s); }) == "thing: \"count\" must be a string");
    CHECK(error_of([&](JsonReader& rd) { rd.str("name", s, 4); }) == "thing: \"name\" is too long");
    CHECK(error_of([&](JsonReader& rd) { rd.integer("name", n); }) == "thing: \"name\" must be an integer");
    CHECK(error_of([&](JsonReader& rd) { rd.integer("count", n, 5); }) == "thing: \"count\" must be at least 5");
    CHECK(error_of([&](JsonReader& rd) { rd.integer("big", n); }) == "thing: \"big\" is out of range");
    CHECK(error_of([&](JsonReader& rd) { rd.boolean("count", b); }) == "thing: \"count\" must be true or false");
    CHECK(error_of([&](JsonReader& rd) { rd.array("list", 1); }) == "thing: \"list\" has too many entries");
    CHECK(error_of([&](JsonReader& rd) { rd.only({"name", "count"}); }) == "thing: unknown field");
    for (const std::string& e : {error_of([&](JsonReader& rd) { rd.str("name", s, 4); }),
                                 error_of([&](JsonReader& rd) { rd.integer("name", n); })})
        CHECK(e.find("Sam") == std::string::npos);
}

TEST_CASE("an optional field may be absent (its default stays) but is checked when present") {
    json j = {{"count", -1}};
    std::int64_t n = 7;
    std::string s = "default";
    JsonReader rd(j, "thing");
    CHECK(rd.optional_str("name", s));
    CHECK(s == "default");
    CHECK(rd.optional_integer("other", n));
    CHECK(n == 7);
    CHECK_FALSE(rd.optional_integer("count", n));
    CHECK(rd.error() == "thing: \"count\" must be at least 0");
}

TEST_CASE("the first problem is kept, later reads fail, and the parser's own error string receives it") {
    std::string out;
    json not_object = json::array();
    JsonReader bad(not_object, "summary", &out);
    CHECK_FALSE(bad.ok());
    CHECK(out == "summary: expected a JSON object");
    json j = {{"a", 1}};
    std::string s;
    JsonReader rd(j, "thing", &out);
    CHECK_FALSE(rd.str("a", s));
    CHECK_FALSE(rd.str("b", s));  // would be "missing", but the first problem stays
    CHECK(rd.error() == "thing: \"a\" must be a string");
    CHECK(out == rd.error());
    std::int64_t n = 0;
    CHECK_FALSE(rd.integer("a", n));  // a good field after a failure still fails: one condition reads many
    CHECK_FALSE(rd.check(false, "a", "is odd"));
    CHECK(rd.error() == "thing: \"a\" must be a string");
}
