// Online backup and restore of the hub's SQLite store (SQLite's backup API), safe while the hub serves.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

// Only for the SQLite store: a PostgreSQL store is backed up with PostgreSQL's own tools.

namespace lantern::hub {

struct BackupReport {
    std::int64_t pages = 0;
    std::int64_t referrals = 0;
    int schema_version = 0;
};

// Copies `source` (a live hub.sqlite, in WAL mode) to `dest` in steps of `pages_per_step` pages, pausing
// between steps so the hub's own writes are never held up. One read snapshot is held for the whole copy, so
// the copy is exactly the store as it was when the backup began, whatever the hub commits meanwhile. The copy
// is written beside `dest`, synced, checked (PRAGMA integrity_check) and only then renamed over it. Throws
// std::runtime_error saying what failed; `dest` is then untouched.
BackupReport backup_store(const std::filesystem::path& source, const std::filesystem::path& dest,
                          int pages_per_step = 256, int pause_ms = 5);

// Puts a backup in place as the store file in `data_dir` (sqlite_store_file) for a stopped hub: checks the backup first
// (integrity, a schema this hub knows), keeps the store it replaces as hub.sqlite.before-restore, and removes the old
// WAL files so no stale journal is replayed over the restored file. Throws std::runtime_error.
BackupReport restore_store(const std::filesystem::path& backup, const std::filesystem::path& data_dir);

}  // namespace lantern::hub
