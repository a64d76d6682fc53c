// The SQLite settings every store that must not lose a row shares (the kiosk's outbox, the hub's store),
// and their numbered schema migrations.
#pragma once

#include <span>
#include <string>

#include <SQLiteCpp/Database.h>

namespace lantern::sync {

// WAL, synchronous=FULL (a commit is on disk before it returns), a busy timeout, foreign keys.
void make_durable(SQLite::Database& db);

// Runs migrations[user_version..] each in its own transaction, bumping user_version. Throws
// std::runtime_error naming `what` if the file was written by a newer schema than this program knows.
void migrate_schema(SQLite::Database& db, std::span<const char* const> migrations, const std::string& what);

}  // namespace lantern::sync
