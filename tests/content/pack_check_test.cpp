// validate_pack_file: a sound pack passes; a pack missing what the reader needs, or not a pack, is named.
#include <doctest/doctest.h>

#include <SQLiteCpp/Database.h>

#include <fstream>
#include <random>

#include "content/pack_check.h"
#include "tests/fixture_pack.h"

using namespace lantern;

namespace {

// A copy of the fixture pack changed by `sql`.
std::filesystem::path broken_copy(const test::TempDir& dir, const std::string& name, const std::string& sql) {
    auto path = dir / name;
    std::filesystem::copy_file(dir / "pack.sqlite", path);
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    db.exec(sql);
    return path;
}

}  // namespace

TEST_CASE("the fixture pack is sound") {
    test::TempDir dir;
    test::build_fixture_pack(dir);
    CHECK(content::validate_pack_file(dir / "pack.sqlite") == "");
}

TEST_CASE("a pack with the right format but a table, a column, its pages or its topics missing is refused") {
    test::TempDir dir;
    test::build_fixture_pack(dir);
    auto problem = [&](const std::string& name, const std::string& sql) {
        return content::validate_pack_file(broken_copy(dir, name, sql));
    };
    CHECK(problem("no-pages.sqlite", "DROP TABLE pages").find("no \"pages\" table") != std::string::npos);
    CHECK(problem("no-topics.sqlite", "DROP TABLE topic_titles; DROP TABLE topics").find("\"topic") !=
          std::string::npos);
    CHECK(problem("no-form.sqlite", "DROP TABLE form").find("no \"form\" table") != std::string::npos);
    CHECK(problem("old-images.sqlite", "ALTER TABLE images DROP COLUMN alt").find("\"alt\" column") !=
          std::string::npos);
    CHECK(problem("empty-pages.sqlite", "DELETE FROM pages").find("no pages") != std::string::npos);
    CHECK(problem("empty-topics.sqlite", "DELETE FROM topic_titles; DELETE FROM topics").find("no topics") !=
          std::string::npos);
    CHECK(problem("orphan.sqlite", "UPDATE pages SET topic = 'nowhere' WHERE rowid = 1").find("topic") !=
          std::string::npos);
    CHECK(problem("no-version.sqlite", "DELETE FROM meta WHERE key = 'content_version'").find("content_version") !=
          std::string::npos);
    // Older packs have no ui_strings: still sound.
    CHECK(problem("no-strings.sqlite", "DROP TABLE ui_strings") == "");
}

TEST_CASE("a truncated, zeroed, random or missing file is refused with its name, never thrown") {
    test::TempDir dir;
    test::build_fixture_pack(dir);
    auto size = std::filesystem::file_size(dir / "pack.sqlite");
    std::string bytes;
    {
        std::ifstream in(dir / "pack.sqlite", std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    std::mt19937 rng(1);
    std::string random(size, '\0');
    for (auto& c : random) c = static_cast<char>(rng());
    std::string zeroed = bytes;
    std::fill(zeroed.begin() + 4096, zeroed.end(), '\0');  // the header page survives
    for (auto [name, content] :
         {std::pair{"truncated.sqlite", bytes.substr(0, size / 2)}, std::pair{"zeroed.sqlite", zeroed},
          std::pair{"random.sqlite", random}, std::pair{"empty.sqlite", std::string()}}) {
        CAPTURE(name);
        std::ofstream(dir / name, std::ios::binary) << content;
        std::string problem = content::validate_pack_file(dir / name);
        CHECK_FALSE(problem.empty());
        CHECK(problem.find("pack file") != std::string::npos);  // says the file itself is bad
    }
    CHECK(content::validate_pack_file(dir / "absent.sqlite").find("cannot be read") != std::string::npos);
}

TEST_CASE("a pack whose search index is damaged is refused by the check, not found on a visitor's first search") {
    // A real pack mutated by fuzz_pack: every table reads, quick_check says ok, but FTS5's index is damaged, so
    // the search's first read threw "database disk image is malformed" and the kiosk would have stopped.
    auto damaged = std::filesystem::path(LANTERN_SOURCE_DIR) / "tests/fixtures/packs/damaged_search_index.sqlite";
    REQUIRE(std::filesystem::exists(damaged));
    std::string why = content::validate_pack_file(damaged);
    CHECK(why.find("damaged or cut short") != std::string::npos);
}
