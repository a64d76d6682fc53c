// The SQLite settings every store that must not lose a row shares (the kiosk's outbox, the hub's store),
// and their numbered schema migrations.
#pragma once

#include <filesystem>
#include <span>
#include <string>

#include <SQLiteCpp/Database.h>

namespace lantern::sync {

// Folders and files holding referrals, notices or packs are the kiosk's alone, whatever the umask: folders
// 0700, files 0600. create_private_dir makes `dir` (and missing parents) and sets the leaf to 0700; throws
// std::runtime_error naming it if it cannot.
void create_private_dir(const std::filesystem::path& dir);
// Creates `file` empty with 0600 if missing, else sets it to 0600; its -wal, -shm and -journal too if they
// exist. SQLite gives the -wal and -shm files it makes later the database file's own mode. Returns `file`
// as a string, for a constructor's initialiser list.
std::string prepare_private_file(const std::filesystem::path& file);

// WAL, synchronous=FULL (a commit is on disk before it returns), a busy timeout, foreign keys.
void make_durable(SQLite::Database& db);

// Runs migrations[user_version..] each in its own transaction, bumping user_version. Throws
// std::runtime_error naming `what` if the file was written by a newer schema than this program knows.
void migrate_schema(SQLite::Database& db, std::span<const char* const> migrations, const std::string& what);

}  // namespace lantern::sync
