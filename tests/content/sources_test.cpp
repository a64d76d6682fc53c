// Sources a pack must not be built from: each gives an error naming the file (and line), and no pack.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "tests/read_file.h"
#include "content/pack_builder.h"
#include "content/sources.h"
#include "tests/content/sample_sources.h"

using namespace lantern::content;
using lantern::test::page_source;
using lantern::test::TempDir;

namespace {

bool any_contains(const std::vector<SourceIssue>& issues, const std::string& text) {
    return std::any_of(issues.begin(), issues.end(),
                       [&](const SourceIssue& i) { return i.to_string().find(text) != std::string::npos; });
}

std::string all_issues(const Sources& s) {
    std::string out;
    for (const auto& i : s.issues) out += i.to_string() + "\n";
    return out;
}

// Reads the sources, expects an error containing `expected`, and checks that no pack gets written.
void expect_refused(const TempDir& dir, const std::string& expected) {
    Sources s = read_sources(dir.path());
    INFO(all_issues(s));
    CHECK(s.has_errors());
    CHECK(any_contains(s.issues, expected));
    CHECK_FALSE(write_pack(s, dir / "pack.sqlite"));
    CHECK_FALSE(std::filesystem::exists(dir / "pack.sqlite"));
    CHECK_FALSE(std::filesystem::exists(dir / "pack.sqlite.building"));
}

}  // namespace

TEST_CASE("the sample sources are accepted") {
    TempDir dir;
    lantern::test::write_sample_sources(dir);
    Sources s = read_sources(dir.path());
    INFO(all_issues(s));
    CHECK_FALSE(s.has_errors());
}

TEST_CASE("a page without front matter is refused at line 1") {
    TempDir dir;
    lantern::test::write_sample_sources(dir);
    dir.write_file("pages/en/bad.md", "# Just a heading\n\nNo front matter here.\n");
    expect_refused(dir, "pages/en/bad.md:1: error: missing front matter");
}

TEST_CASE("front matter that is never closed is refused") {
    TempDir dir;
    lantern::test::write_sample_sources(dir);
    dir.write_file("pages/en/bad.md", "---\nid: bad\nlang: en\n\nBody text.\n");
    expect_refused(dir, "pages/en/bad.md:1: error: front matter is not closed");
}

TEST_CASE("front matter with broken YAML is refused at the line of the mistake") {
    TempDir dir;
    lantern::test::write_sample_sources(dir);
    dir.write_file("pages/en/bad.md", "---\nid: bad\nlang: en\ntitle: [unclosed\ntopic: visits\n---\nBody.\n");
    Sources s = read_sources(dir.path());
    INFO(all_issues(s));
    CHECK(any_contains(s.issues, "pages/en/bad.md:"));
    CHECK(any_contains(s.issues, "error: front matter:"));
    CHECK_FALSE(write_pack(s, dir / "pack.sqlite"));
}

TEST_CASE("front matter missing a required key or with the wrong kind of value is refused") {
    TempDir dir;
    lantern::test::write_sample_sources(dir);
    dir.write_file("pages/en/bad.md",
                   "---\nid: bad\nlang: en\ntitle: {a: b}\naudience: {x: y}\n"
                   "reviewed: soon\norder: first\nsources: [{a: b}]\n---\nBody.\n");
    Sources s = read_sources(dir.path());
    INFO(all_issues(s));
    CHECK(any_contains(s.issues, "pages/en/bad.md:2: error: front matter: \"topic\" is missing"));
    CHECK(any_contains(s.issues, "pages/en/bad.md:4: error: front matter: \"title\" must be a single value"));
    CHECK(any_contains(s.issues, "pages/en/bad.md:5: error: \"audience\" must be a list"));
    CHECK(any_contains(s.issues, "pages/en/bad.md:6: error: reviewed \"soon\" must be a date"));
    CHECK(any_contains(s.issues, "pages/en/bad.md:7: error: front matter: \"order\" must be a whole number"));
}

TEST_CASE("odd YAML in topics.yaml and alt.yaml becomes errors, not a crash") {
    TempDir dir;
    lantern::test::write_sample_sources(dir);
    dir.write_file("topics.yaml", "topics:\n  - id: visits\n    audience: [adult]\n    title: {[en]: x}\n");
    dir.write_file("images/alt.yaml", "- just\n- a list\n");
    Sources s = read_sources(dir.path());
    INFO(all_issues(s));
    CHECK(s.has_errors());
    CHECK(any_contains(s.issues, "topics.yaml"));
    CHECK(any_contains(s.issues, "images/alt.yaml:1: error"));
}

TEST_CASE("a page naming an image that is not in images/ is refused at that line") {
    TempDir dir;
    lantern::test::write_sample_sources(dir);
    dir.write_file("pages/en/pic.md", page_source("pic", "en", "adult", "visits", "Look:\n\n![A bus](bus.png)\n"));
    expect_refused(dir, "pages/en/pic.md:11: error: image \"bus.png\" is not in images/");
}

TEST_CASE("two pages with the same id and language are refused, naming both files") {
    TempDir dir;
    lantern::test::write_sample_sources(dir);
    dir.write_file("pages/en/zz-copy.md", page_source("first-visit", "en", "adult", "visits", "Again.\n"));
    expect_refused(dir,
                   "pages/en/zz-copy.md:2: error: duplicate page id \"first-visit\" in language \"en\" "
                   "(also in pages/en/first-visit.md)");
}

TEST_CASE("a duplicate topic id is refused") {
    TempDir dir;
    lantern::test::write_sample_sources(dir);
    dir.write_file("topics.yaml",
                   "topics:\n  - id: visits\n    audience: [adult]\n    title: {en: A}\n"
                   "  - id: visits\n    audience: [adult]\n    title: {en: B}\n");
    expect_refused(dir, "topics.yaml:5: error: duplicate topic id \"visits\"");
}

TEST_CASE("a file that is not valid UTF-8 is refused at the line of the bad byte") {
    TempDir dir;
    lantern::test::write_sample_sources(dir);
    dir.write_file("pages/en/latin1.md",
                   page_source("latin1", "en", "adult", "visits", "Fine line.\nCaf\xe9 on the second line.\n"));
    expect_refused(dir, "pages/en/latin1.md:10: error: invalid UTF-8");
}

TEST_CASE("a link to a page that does not exist is refused") {
    TempDir dir;
    lantern::test::write_sample_sources(dir);
    dir.write_file("pages/en/links.md", page_source("links", "en", "adult", "visits", "See [this](page:nowhere).\n"));
    expect_refused(dir, "pages/en/links.md:9: error: link to page \"nowhere\", which does not exist");
}

TEST_CASE("a bad form.json is refused") {
    TempDir dir;
    lantern::test::write_sample_sources(dir);
    dir.write_file("form.json", R"({"version": "1", "steps": [{"id": "a", "title": {"en": "A"}, "fields": [
  {"id": "phone", "type": "fone", "label": {"en": "Phone"}}]}]})");
    expect_refused(dir, "form.json:2: error: field \"phone\": unknown type \"fone\"");
}

TEST_CASE("a refused build leaves an existing pack file untouched") {
    TempDir dir;
    lantern::test::write_sample_sources(dir);
    Sources good = read_sources(dir.path());
    REQUIRE(write_pack(good, dir / "pack.sqlite", {"1"}));
    std::string before = lantern::test::read_file(dir / "pack.sqlite");
    REQUIRE_FALSE(before.empty());

    dir.write_file("pages/en/bad.md", "no front matter\n");
    Sources bad = read_sources(dir.path());
    REQUIRE(bad.has_errors());
    CHECK_FALSE(write_pack(bad, dir / "pack.sqlite", {"2"}));
    CHECK(lantern::test::read_file(dir / "pack.sqlite") == before);
}

TEST_CASE("a missing source folder is an error, not a crash") {
    TempDir dir;
    Sources s = read_sources(dir / "nope");
    CHECK(s.has_errors());
    Sources empty = read_sources(dir.path());
    CHECK(any_contains(empty.issues, "topics.yaml: error: missing"));
    CHECK(any_contains(empty.issues, "pages: error: missing"));
}
