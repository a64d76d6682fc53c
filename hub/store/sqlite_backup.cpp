// lantern-hub backup / restore: sqlite3_backup_* in small steps under one read snapshot.
#include "hub/store/sqlite_backup.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <chrono>
#include <memory>
#include <stdexcept>
#include <thread>

#include "hub/store/sqlite_hub_store.h"

namespace lantern::hub {
namespace {

struct Closer {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Db = std::unique_ptr<sqlite3, Closer>;

Db open_db(const std::filesystem::path& path, int flags) {
    sqlite3* raw = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    Db db(raw);
    if (rc != SQLITE_OK)
        throw std::runtime_error("cannot open " + path.string() + ": " + (raw ? sqlite3_errmsg(raw) : "out of memory"));
    sqlite3_busy_timeout(raw, 5000);
    return db;
}

void exec(sqlite3* db, const char* sql, const std::string& what) {
    char* error = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
        std::string message = error ? error : sqlite3_errmsg(db);
        sqlite3_free(error);
        throw std::runtime_error(what + ": " + message);
    }
}

std::string text_of(sqlite3* db, const char* sql, const std::string& what) {
    sqlite3_stmt* q = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &q, nullptr) != SQLITE_OK)
        throw std::runtime_error(what + ": " + sqlite3_errmsg(db));
    std::string out;
    int rc = sqlite3_step(q);
    if (rc == SQLITE_ROW) {
        auto* t = sqlite3_column_text(q, 0);
        out = t ? reinterpret_cast<const char*>(t) : "";
    }
    sqlite3_finalize(q);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) throw std::runtime_error(what + ": " + sqlite3_errmsg(db));
    return out;
}

// Integrity, schema version and referral count of a finished copy.
BackupReport check_copy(const std::filesystem::path& file) {
    auto db = open_db(file, SQLITE_OPEN_READONLY);
    std::string integrity = text_of(db.get(), "PRAGMA integrity_check", file.string() + " is damaged or not a backup");
    if (integrity != "ok") throw std::runtime_error(file.string() + " is damaged: " + integrity);
    BackupReport r;
    r.schema_version = std::stoi(text_of(db.get(), "PRAGMA user_version", "reading the schema version"));
    if (r.schema_version < 1) throw std::runtime_error(file.string() + " is not a Lantern hub store");
    if (r.schema_version > sqlite_store_schema_version())
        throw std::runtime_error(file.string() + " was written by a newer Lantern (schema " +
                                 std::to_string(r.schema_version) + ")");
    r.referrals = std::stoll(text_of(db.get(), "SELECT count(*) FROM referrals", "counting referrals"));
    r.pages = std::stoll(text_of(db.get(), "PRAGMA page_count", "counting pages"));
    return r;
}

void fsync_path(const std::filesystem::path& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw std::runtime_error("cannot open " + path.string() + " to sync it");
    int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0) throw std::runtime_error("cannot sync " + path.string());
}

// Copies src into a fresh file at `temp` with the backup API; returns the page count copied.
std::int64_t copy_pages(sqlite3* src, const std::filesystem::path& temp, int pages_per_step, int pause_ms) {
    std::filesystem::remove(temp);
    auto dst = open_db(temp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    sqlite3_backup* backup = sqlite3_backup_init(dst.get(), "main", src, "main");
    if (!backup) throw std::runtime_error("cannot start the backup: " + std::string(sqlite3_errmsg(dst.get())));
    int rc = SQLITE_OK;
    while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
        rc = sqlite3_backup_step(backup, pages_per_step);
        if (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            std::this_thread::sleep_for(std::chrono::milliseconds(pause_ms));
    }
    std::int64_t pages = sqlite3_backup_pagecount(backup);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) throw std::runtime_error("backup failed: " + std::string(sqlite3_errstr(rc)));
    // The copy is a plain rollback-journal file: one file to move, nothing beside it to forget.
    exec(dst.get(), "PRAGMA journal_mode=DELETE", "finishing the copy");
    return pages;
}

}  // namespace

BackupReport backup_store(const std::filesystem::path& source, const std::filesystem::path& dest, int pages_per_step,
                          int pause_ms) {
    if (!std::filesystem::exists(source)) throw std::runtime_error("no hub store at " + source.string());
    auto temp = dest;
    temp += ".partial";
    try {
        // Read-write (not read-only) so this connection may use the hub's WAL index like any other reader.
        auto src = open_db(source, SQLITE_OPEN_READWRITE);
        // One read transaction for the whole copy: every step then reads the same snapshot, and the hub's
        // commits meanwhile (WAL: readers never block the writer) neither wait nor restart the copy.
        exec(src.get(), "BEGIN", "starting the backup");
        text_of(src.get(), "SELECT count(*) FROM sqlite_schema", "starting the backup");
        copy_pages(src.get(), temp, pages_per_step, pause_ms);
        exec(src.get(), "COMMIT", "ending the backup");
        BackupReport report = check_copy(temp);
        fsync_path(temp);
        std::filesystem::rename(temp, dest);
        fsync_path(dest.parent_path().empty() ? "." : dest.parent_path());
        return report;
    } catch (...) {
        std::error_code ec;
        std::filesystem::remove(temp, ec);
        throw;
    }
}

BackupReport restore_store(const std::filesystem::path& backup, const std::filesystem::path& data_dir) {
    if (!std::filesystem::exists(backup)) throw std::runtime_error("no backup at " + backup.string());
    BackupReport report = check_copy(backup);
    std::filesystem::create_directories(data_dir);
    auto store = sqlite_store_file(data_dir);
    auto temp = store;
    temp += ".restoring";
    std::filesystem::copy_file(backup, temp, std::filesystem::copy_options::overwrite_existing);
    fsync_path(temp);
    if (std::filesystem::exists(store)) {
        auto kept = store;
        kept += ".before-restore";
        // A hub that was stopped cleanly has checkpointed its WAL into the file; fold in any rest first.
        {
            auto old = open_db(store, SQLITE_OPEN_READWRITE);
            exec(old.get(), "PRAGMA wal_checkpoint(TRUNCATE)", "closing the store being replaced");
        }
        std::filesystem::rename(store, kept);
    }
    for (const char* suffix : {"-wal", "-shm"}) std::filesystem::remove(store.string() + suffix);
    std::filesystem::rename(temp, store);
    fsync_path(data_dir);
    return report;
}

}  // namespace lantern::hub
