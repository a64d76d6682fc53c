// Shared set-up of the durable SQLite stores.
#include "sync/durable_db.h"

#include <SQLiteCpp/Transaction.h>

#include <stdexcept>

namespace lantern::sync {

void make_durable(SQLite::Database& db) {
    db.setBusyTimeout(5000);
    db.exec("PRAGMA journal_mode=WAL");
    db.exec("PRAGMA synchronous=FULL");
    db.exec("PRAGMA foreign_keys=ON");
}

void migrate_schema(SQLite::Database& db, std::span<const char* const> migrations, const std::string& what) {
    int version = db.execAndGet("PRAGMA user_version").getInt();
    int latest = static_cast<int>(migrations.size());
    if (version > latest)
        throw std::runtime_error(what + " was written by a newer Lantern (schema " + std::to_string(version) + ")");
    for (int v = version; v < latest; ++v) {
        SQLite::Transaction tx(db);
        db.exec(migrations[static_cast<std::size_t>(v)]);
        db.exec("PRAGMA user_version = " + std::to_string(v + 1));
        tx.commit();
    }
}

}  // namespace lantern::sync
