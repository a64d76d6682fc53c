// Every SQLite file Lantern keeps, as an earlier Lantern wrote it, opened by today's code: the rows are still
// there, the schema is brought up to today's version (PRAGMA user_version), and a file from a newer Lantern is
// refused with a message and left as it was. The fixtures are the schema SQL those versions ran, with rows.
#include <doctest/doctest.h>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <cstdlib>

#include "content/pack_reader.h"
#include "content/pack_schema.h"
#include "hub/store/sqlite_hub_store.h"
#include "kiosk/staff/staff_store.h"
#include "sync/outbox_store.h"
#include "tests/read_file.h"
#include "tests/temp_dir.h"

using namespace lantern;

namespace {

const std::filesystem::path k_fixtures = LANTERN_SOURCE_DIR "/tests/fixtures/schemas";

// Writes a SQLite file from one of the fixture SQL scripts, as the Lantern it was captured from left it.
std::filesystem::path file_from(const test::TempDir& dir, const std::string& fixture) {
    auto path = dir / (fixture + ".sqlite");
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA journal_mode=WAL");
    db.exec(test::read_file(k_fixtures / (fixture + ".sql")));
    return path;
}

int user_version(const std::filesystem::path& file) {
    SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
    return db.execAndGet("PRAGMA user_version").getInt();
}

// The tables and indexes, as SQL, for comparing a migrated file with a fresh one.
std::string schema_of(const std::filesystem::path& file) {
    SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
    SQLite::Statement q(db, "SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY type, name");
    std::string out;
    while (q.executeStep())
        out += q.getColumn(0).getString() + " " + q.getColumn(1).getString() + ": " + q.getColumn(2).getString() + "\n";
    return out;
}

// A file claiming a schema newer than this code knows.
void bump_version(const std::filesystem::path& file, int version) {
    SQLite::Database db(file.string(), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA user_version = " + std::to_string(version));
}

}  // namespace

TEST_CASE("a hub store written by Lantern 0.1.0 (schema 1) opens with every kiosk, token, referral and pack") {
    test::TempDir dir;
    auto file = file_from(dir, "hub_v1");
    {
        auto store = hub::open_sqlite_store(file);
        CHECK(store->kiosk_for_token("lk_fixture-kiosk-token") == "k1");
        CHECK(store->is_admin_token("la_fixture-admin-token"));
        auto rows = store->referrals_after(0, 10, true);
        REQUIRE(rows.size() == 2);
        CHECK(rows[0].id == "5f0c1a52-8d3b-4c1e-9a57-2b9f7f1d0c11");
        CHECK(rows[0].sealed.size() == 16);
        CHECK(rows[1].exported_at == "2026-11-04T09:00:00Z");
        CHECK(store->referrals_after(0, 10, false).size() == 1);
        REQUIRE(store->latest_pack());
        CHECK(store->latest_pack()->version == "2026.11.01-1");
        CHECK(store->heartbeats().size() == 1);
        CHECK(store->need_counts().size() >= 2);
        CHECK(store->usage_counts().empty());  // schema 2: usage figures, none yet
        store->enrol_kiosk("k2");              // and it takes new writes
        store->record_usage("k2", {{"2026-12-01", "HMP Example", {{"visits", 5}}}});
        CHECK(store->usage_counts().size() == 1);
    }
    CHECK(user_version(file) == hub::sqlite_store_schema_version());
    auto fresh = dir / "fresh.sqlite";
    hub::open_sqlite_store(fresh);
    CHECK(schema_of(file) == schema_of(fresh));  // migrated from 1, the same as made new
}

TEST_CASE("a hub store at schema 2 (usage figures) opens with its figures, and takes notices from the hub") {
    test::TempDir dir;
    auto file = file_from(dir, "hub_v2");
    {
        auto store = hub::open_sqlite_store(file);
        CHECK(store->kiosk_for_token("lk_fixture-kiosk-token") == "k1");
        REQUIRE(store->usage_counts().size() == 2);
        CHECK(store->referrals_after(0, 10, true).size() == 2);
        CHECK_FALSE(store->latest_notices());  // schema 3: notices from the hub, none yet
        CHECK(store->add_notices({4, "{}", "c2ln", ""}));
        CHECK(store->latest_notices()->version == 4);
    }
    CHECK(user_version(file) == hub::sqlite_store_schema_version());
    auto fresh = dir / "fresh.sqlite";
    hub::open_sqlite_store(fresh);
    CHECK(schema_of(file) == schema_of(fresh));
}

TEST_CASE("a kiosk outbox written by Lantern 0.1.0 (schema 1) keeps its queue, its delivered and refused rows") {
    test::TempDir dir;
    auto file = file_from(dir, "outbox_v1");
    {
        sync::OutboxStore outbox(file);
        auto queued = outbox.next_queued(10);
        REQUIRE(queued.size() == 1);
        CHECK(queued[0].id == "a1e4c7d0-3b52-4f6e-8a19-0c2d4e6f8a10");
        CHECK(queued[0].sealed.size() == 16);
        CHECK(queued[0].attempts == 2);
        CHECK(queued[0].summary.needs == std::vector<std::string>{"housing"});
        CHECK(outbox.refused().size() == 1);
        auto depth = outbox.depth();
        CHECK(depth.queued == 1);
        CHECK(depth.delivered == 1);
        CHECK(depth.refused == 1);
        CHECK(outbox.get_state("last_success") == "2026-11-02T10:00:05Z");
        CHECK(outbox.integrity_ok());
        CHECK(outbox.mark_delivered(queued[0].id, "2026-12-01T10:00:00Z"));
    }
    CHECK(user_version(file) >= 1);
    auto fresh = dir / "fresh.sqlite";
    { sync::OutboxStore outbox(fresh); }
    CHECK(user_version(file) == user_version(fresh));
    CHECK(schema_of(file) == schema_of(fresh));
}

TEST_CASE("a staff store from before the PIN lockout count (schema 1) migrates to today's and keeps its notices") {
    test::TempDir dir;
    auto file = file_from(dir, "staff_v1");
    {
        kiosk::StaffStore store(file);
        CHECK(store.for_day("2026-11-02") ==
              std::vector<kiosk::BannerNotice>{{"The play area is closed today.", "", {}}});
        CHECK(store.wrong_pins() == 0);
        store.set_wrong_pins(2);
        CHECK(store.wrong_pins() == 2);
    }
    auto fresh = dir / "fresh.sqlite";
    { kiosk::StaffStore store(fresh); }
    CHECK(user_version(file) == user_version(fresh));
    CHECK(user_version(file) >= 2);
    CHECK(schema_of(file) == schema_of(fresh));
}

TEST_CASE("a staff store written by Lantern 0.1.0 (schema 2) keeps its notices and the wrong-PIN count") {
    test::TempDir dir;
    auto file = file_from(dir, "staff_v2");
    {
        kiosk::StaffStore store(file);
        // Schema 4 gave notices a Welsh text and an audience: the old ones are in English, for everyone.
        CHECK(store.for_day("2026-11-03") ==
              std::vector<kiosk::BannerNotice>{{"Visits start 15 minutes late.", "", {}}});
        CHECK(store.wrong_pins() == 4);
        CHECK(store.post({"New.", "Newydd.", {"adult"}}, "2026-11-03").ok());
        CHECK(store.for_day("2026-11-03").back() == kiosk::BannerNotice{"New.", "Newydd.", {"adult"}});
        // Schema 3 added the staff settings: none saved yet, so kiosk.toml's apply; then they can be.
        CHECK_FALSE(store.settings());
        store.save_settings({120, 20, {"en"}, 70});
        CHECK(store.settings() == sync::KioskSettings{120, 20, {"en"}, 70});
    }
    auto fresh = dir / "fresh.sqlite";
    { kiosk::StaffStore store(fresh); }
    CHECK(user_version(file) == user_version(fresh));
    CHECK(schema_of(file) == schema_of(fresh));
}

TEST_CASE("a store written by a newer Lantern is refused with a message and left unchanged") {
    test::TempDir dir;
    auto hub_file = file_from(dir, "hub_v1");
    bump_version(hub_file, 99);
    CHECK_THROWS_WITH_AS(hub::open_sqlite_store(hub_file), doctest::Contains("newer Lantern"), std::runtime_error);
    CHECK(user_version(hub_file) == 99);

    auto outbox_file = file_from(dir, "outbox_v1");
    bump_version(outbox_file, 99);
    CHECK_THROWS_WITH_AS(sync::OutboxStore{outbox_file}, doctest::Contains("newer Lantern"), std::runtime_error);
    CHECK(user_version(outbox_file) == 99);
    SQLite::Database db(outbox_file.string(), SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("SELECT count(*) FROM referrals").getInt() == 3);

    auto staff_file = file_from(dir, "staff_v2");
    bump_version(staff_file, 99);
    CHECK_THROWS_WITH_AS(kiosk::StaffStore{staff_file}, doctest::Contains("newer Lantern"), std::runtime_error);
}

TEST_CASE("a content pack built by Lantern 0.1.0 (format 1 in meta, no user_version) is read by today's kiosk") {
    // pack_v1.sqlite: `lantern content build tests/fixtures/content` at commit 3c8595d, committed as built.
    content::PackReader pack((k_fixtures / "pack_v1.sqlite").string());
    CHECK(pack.meta().format_version == 1);
    CHECK_FALSE(pack.meta().content_version.empty());
    CHECK(pack.page("first-visit", "en").has_value());
    CHECK(pack.page("first-visit", "cy").has_value());
    CHECK(user_version(k_fixtures / "pack_v1.sqlite") == 0);
}

TEST_CASE("a content pack carries its format as PRAGMA user_version, and a newer format is refused by name") {
    test::TempDir dir;
    auto built = dir / "built.sqlite";
    std::string command = std::string(LANTERN_BINARY_DIR "/hub/lantern content build ") +
                          LANTERN_SOURCE_DIR "/tests/fixtures/content -o " + built.string() + " > /dev/null";
    REQUIRE(std::system(command.c_str()) == 0);
    CHECK(user_version(built) == content::k_pack_format_version);
    CHECK(content::PackReader(built.string()).meta().format_version == content::k_pack_format_version);

    auto copy = dir / "pack.sqlite";
    std::filesystem::copy_file(k_fixtures / "pack_v1.sqlite", copy);
    bump_version(copy, content::k_pack_format_version + 1);
    CHECK_THROWS_WITH_AS(content::PackReader{copy.string()}, doctest::Contains("newer than this kiosk"),
                         content::PackError);
}
