// Shared set-up of the durable SQLite stores.
#include "sync/durable_db.h"

#include <SQLiteCpp/Transaction.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <stdexcept>

namespace lantern::sync {

void create_private_dir(const std::filesystem::path& dir) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec || ::chmod(dir.c_str(), 0700) != 0)
        throw std::runtime_error("cannot make the private folder " + dir.string());
}

std::string prepare_private_file(const std::filesystem::path& file) {
    int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd >= 0) {
        ::fchmod(fd, 0600);  // created before the umask was right, or by an older Lantern
        ::close(fd);
    }
    // Not found, or no right to open it: SQLite then says why, naming the file.
    for (const char* suffix : {"-wal", "-shm", "-journal"}) {
        std::string side = file.string() + suffix;
        struct stat st {};
        if (::lstat(side.c_str(), &st) == 0 && S_ISREG(st.st_mode)) ::chmod(side.c_str(), 0600);
    }
    return file.string();
}

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
