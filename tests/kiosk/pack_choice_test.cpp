// Start-up with a broken current pack: the kiosk falls back to its last good pack, then the shipped one,
// says why, and never throws; a pack check refuses every kind of broken pack, and the reader will not open one.
#include <doctest/doctest.h>

#include <SQLiteCpp/Database.h>

#include <random>

#include "content/pack_check.h"
#include "kiosk/parts/pack_choice.h"
#include "tests/fixture_pack.h"

using namespace lantern;

namespace {

// The fixture pack at `version`, with `sql` run on it (empty: as built).
std::filesystem::path pack_with(const test::TempDir& dir, const std::string& name, const std::string& version,
                                const std::string& sql = "") {
    auto path = dir.write_file(name, test::fixture_pack_bytes(dir, version));
    if (!sql.empty()) {
        SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
        db.exec(sql);
    }
    return path;
}

}  // namespace

TEST_CASE(
    "the pack check passes a good pack and names what is wrong with a truncated, zeroed, random or "
    "incomplete one") {
    test::TempDir dir;
    auto good = pack_with(dir, "good.sqlite", "2");
    CHECK(content::validate_pack_file(good) == "");
    std::string bytes = test::read_file(good);
    std::mt19937 rng(3);
    std::string random(bytes.size(), '\0');
    for (auto& c : random) c = static_cast<char>(rng());

    struct Bad {
        std::filesystem::path path;
        const char* says;
    };
    std::vector<Bad> bad = {
        {dir.write_file("truncated.sqlite", bytes.substr(0, bytes.size() / 2)), "cut short"},
        {dir.write_file("zeroed.sqlite", std::string(bytes.size(), '\0')), "not an SQLite database"},
        {dir.write_file("random.sqlite", random), "not an SQLite database"},
        {dir.write_file("tiny.sqlite", "SQLite format 3"), "too short"},
        {pack_with(dir, "no-pages.sqlite", "2", "DROP TABLE pages"), "no \"pages\" table"},
        {pack_with(dir, "no-topics-table.sqlite", "2", "DROP TABLE topics"), "no \"topics\" table"},
        {pack_with(dir, "no-column.sqlite", "2", "ALTER TABLE pages DROP COLUMN summary"), "no \"summary\" column"},
        {pack_with(dir, "no-topics.sqlite", "2", "DELETE FROM topics"), "no topics"},
        {pack_with(dir, "no-pages-rows.sqlite", "2", "DELETE FROM pages"), "no pages"},
        {pack_with(dir, "no-form.sqlite", "2", "DELETE FROM form"), "no referral form"},
        {pack_with(dir, "bad-form.sqlite", "2", "UPDATE form SET json = '{\"steps\": 5'"), "form does not parse"},
        {pack_with(dir, "newer.sqlite", "2", "UPDATE meta SET value = '99' WHERE key = 'format_version'"), "newer"},
        {dir / "missing.sqlite", "cannot be read"},
    };
    for (const auto& b : bad) {
        std::string why = content::validate_pack_file(b.path);
        CHECK_MESSAGE(why.find(b.says) != std::string::npos, b.path.filename().string(), ": ", why);
    }
    // The reader itself refuses a pack without a table its screens query, instead of throwing on a tap.
    CHECK_THROWS_AS(content::PackReader(bad[4].path.string()), content::PackError);
    CHECK_THROWS_AS(content::PackReader(bad[5].path.string()), content::PackError);
}

TEST_CASE("start-up with a broken current pack falls back to the last good one, then to the shipped one") {
    test::TempDir dir;
    auto shipped = pack_with(dir, "shipped.sqlite", "1");
    auto last_good = pack_with(dir, "last-good.sqlite", "2");
    auto broken = pack_with(dir, "broken.sqlite", "3", "DROP TABLE topics");
    auto zeroed = dir.write_file("zeroed.sqlite", std::string(100 * 1024, '\0'));

    auto all_good = kiosk::open_first_good_pack({{"content version 2", last_good}, {"shipped", shipped}});
    REQUIRE(all_good.pack);
    CHECK(all_good.pack->meta().content_version == "2");
    CHECK(all_good.fault.empty());

    auto fell_back = kiosk::open_first_good_pack(
        {{"content version 3", broken}, {"content version 2", last_good}, {"the shipped content", shipped}});
    REQUIRE(fell_back.pack);
    CHECK(fell_back.pack->meta().content_version == "2");
    CHECK(fell_back.fault.find("content version 3 cannot be used") != std::string::npos);
    CHECK(fell_back.fault.find("no \"topics\" table") != std::string::npos);
    CHECK(fell_back.fault.find("showing content version 2 instead") != std::string::npos);
    // What the kiosk shows works: the screens' queries run.
    CHECK_FALSE(fell_back.pack->topics(content::Audience::adult, "en").empty());

    auto to_shipped = kiosk::open_first_good_pack(
        {{"content version 3", zeroed}, {"content version 2", broken}, {"the shipped content", shipped}});
    REQUIRE(to_shipped.pack);
    CHECK(to_shipped.pack->meta().content_version == "1");
    CHECK(to_shipped.fault.find("showing the shipped content instead") != std::string::npos);

    auto none = kiosk::open_first_good_pack({{"content version 3", zeroed}, {"the shipped content", dir / "gone"}});
    CHECK_FALSE(none.pack);
    CHECK(none.fault.find("no content can be shown") != std::string::npos);
}
