// The durable SQLite set-up shared by the outbox and the hub's store.
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include "sync/durable_db.h"
#include "tests/temp_dir.h"

using namespace lantern;

namespace {
const char* const k_steps[] = {"CREATE TABLE a (x INTEGER)", "CREATE TABLE b (y INTEGER)"};
}

TEST_CASE("a durable store commits to disk before returning and runs each migration once") {
    test::TempDir dir;
    SQLite::Database db((dir / "s.sqlite").string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    sync::make_durable(db);
    CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "wal");
    CHECK(db.execAndGet("PRAGMA synchronous").getInt() == 2);  // FULL
    CHECK(db.execAndGet("PRAGMA foreign_keys").getInt() == 1);
    sync::migrate_schema(db, k_steps, "test store");
    CHECK(db.execAndGet("PRAGMA user_version").getInt() == 2);
    CHECK(db.tableExists("a"));
    CHECK(db.tableExists("b"));
    sync::migrate_schema(db, k_steps, "test store");  // already there: nothing runs again
    CHECK(db.execAndGet("PRAGMA user_version").getInt() == 2);
}

TEST_CASE("a store written by a newer schema is refused, naming the store, and left as it was") {
    test::TempDir dir;
    SQLite::Database db((dir / "s.sqlite").string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA user_version = 9");
    CHECK_THROWS_WITH_AS(sync::migrate_schema(db, k_steps, "outbox"),
                         doctest::Contains("outbox was written by a newer"), std::runtime_error);
    CHECK(db.execAndGet("PRAGMA user_version").getInt() == 9);
    CHECK_FALSE(db.tableExists("a"));
}
