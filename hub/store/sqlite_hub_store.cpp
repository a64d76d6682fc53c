// The SQLite store: migrations, hashed tokens, idempotent referral ingest with group commit, export, report,
// packs. Its SQLite specifics (secure_delete, wal_checkpoint, json_each) stay in this file.
#include "hub/store/sqlite_hub_store.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <exception>
#include <iterator>
#include <mutex>
#include <stdexcept>

#include "sync/durable_db.h"
#include "sync/encoding.h"

namespace lantern::hub {

namespace {

const char* const k_migrations[] = {
    R"SQL(
CREATE TABLE kiosks (
    name TEXT PRIMARY KEY,
    token_hash BLOB NOT NULL UNIQUE,
    enrolled_at TEXT NOT NULL
);
CREATE TABLE admin_tokens (
    id INTEGER PRIMARY KEY,
    label TEXT NOT NULL,
    token_hash BLOB NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
CREATE TABLE referrals (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    kiosk TEXT NOT NULL,
    reference TEXT NOT NULL,
    created TEXT NOT NULL,
    form_version TEXT NOT NULL,
    sealed BLOB NOT NULL,
    summary TEXT NOT NULL,
    body_hash TEXT NOT NULL,
    received_at TEXT NOT NULL,
    exported_at TEXT
);
CREATE TABLE packs (
    sha256 TEXT PRIMARY KEY,
    version TEXT NOT NULL,
    size INTEGER NOT NULL,
    signature TEXT NOT NULL,
    published_at TEXT NOT NULL,
    seq INTEGER NOT NULL
);
CREATE TABLE heartbeats (
    kiosk TEXT PRIMARY KEY,
    received_at TEXT NOT NULL,
    json TEXT NOT NULL
);
)SQL",
    // Usage figures: one row per kiosk and day, replaced whole when the kiosk sends the day again.
    R"SQL(
CREATE TABLE usage_days (
    kiosk TEXT NOT NULL,
    day TEXT NOT NULL,
    centre TEXT NOT NULL,
    counts TEXT NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (kiosk, day)
);
)SQL",
    // Notices from the hub: every signed document published, the highest version the one served.
    R"SQL(
CREATE TABLE notices (
    version INTEGER PRIMARY KEY,
    document TEXT NOT NULL,
    signature TEXT NOT NULL,
    published_at TEXT NOT NULL
);
)SQL",
};

sync::Bytes token_hash(const std::string& token) { return sync::sha256(token); }

}  // namespace

namespace {
// The store holds summaries (needs, centre, date) and token hashes: only the hub's own user may read it.
// The file is made 0600 before SQLite opens it, whatever the umask, and SQLite gives the -wal and -shm
// files it creates the database's own mode; ones left by an older hub are narrowed too.
std::string private_db_file(const std::filesystem::path& db_path) {
    int fd = ::open(db_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) throw std::runtime_error("cannot open " + db_path.string() + ": " + std::strerror(errno));
    ::fchmod(fd, 0600);
    ::close(fd);
    for (const char* suffix : {"-wal", "-shm", "-journal"}) ::chmod((db_path.string() + suffix).c_str(), 0600);
    return db_path.string();
}
}  // namespace

class SqliteHubStore final : public HubStore {
   public:
    explicit SqliteHubStore(const std::filesystem::path& db_path);

    std::string enrol_kiosk(const std::string& name) override;
    std::string create_admin_token(const std::string& label) override;
    std::optional<std::string> kiosk_for_token(const std::string& token) const override;
    bool is_admin_token(const std::string& token) const override;
    // Returns only once the row is durable (synchronous=FULL). Concurrent callers share one commit (group
    // commit): whoever finds no commit under way writes every waiting referral in one transaction, so 20
    // kiosks posting at once cost one fsync, not 20 in a row.
    StoredReferral store_referral(const sync::ReferralPost& post, const std::string& body_hash) override;
    std::vector<ReferralRecord> referrals_after(std::int64_t after, int limit, bool include_exported) const override;
    int mark_exported(const std::vector<std::string>& ids) override;
    // secure_delete overwrites the freed pages, and a checkpoint empties the write-ahead log.
    int purge_exported_before(const std::string& cutoff) override;
    std::int64_t referral_count() const override;
    std::vector<ReportCount> need_counts() const override;
    std::vector<InterestCount> interest_counts() const override;
    bool add_pack(const PackRecord& pack) override;
    std::optional<PackRecord> latest_pack() const override;
    std::optional<PackRecord> find_pack(const std::string& sha256) const override;
    bool add_notices(const NoticesRecord& notices) override;
    std::optional<NoticesRecord> latest_notices() const override;
    void record_heartbeat(const std::string& kiosk, const std::string& json) override;
    std::vector<HeartbeatRecord> heartbeats() const override;
    void record_usage(const std::string& kiosk, const std::vector<sync::UsageDay>& days) override;
    std::vector<UsageCount> usage_counts() const override;

   private:
    struct PendingReferral;
    void commit_referrals(const std::vector<PendingReferral*>& batch);
    StoredReferral store_one_locked(const sync::ReferralPost& post, const std::string& body_hash);
    void migrate();
    std::optional<std::string> name_for_hash(const char* sql, const std::string& token) const;
    mutable std::mutex mutex_;
    mutable SQLite::Database db_;
    // Group commit of referrals: guarded by group_mutex_, never held while waiting on mutex_'s work.
    std::mutex group_mutex_;
    std::condition_variable group_done_;
    std::vector<PendingReferral*> group_queue_;
    bool group_committing_ = false;
};

SqliteHubStore::SqliteHubStore(const std::filesystem::path& db_path)
    : db_(private_db_file(db_path), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_FULLMUTEX) {
    sync::make_durable(db_);
    // Purged answers are overwritten on disk, not left in free pages for anyone with the file.
    db_.exec("PRAGMA secure_delete = ON");
    migrate();
}

void SqliteHubStore::migrate() {
    std::lock_guard lock(mutex_);
    sync::migrate_schema(db_, k_migrations, "hub store");
}

std::string SqliteHubStore::enrol_kiosk(const std::string& name) {
    if (!sync::is_valid_kiosk_name(name)) throw std::invalid_argument("kiosk name must be 1-64 of A-Z a-z 0-9 . _ -");
    std::string token = new_token("lk_");
    auto hash = token_hash(token);
    std::lock_guard lock(mutex_);
    SQLite::Statement q(db_,
                        "INSERT INTO kiosks (name, token_hash, enrolled_at) VALUES (?, ?, ?) "
                        "ON CONFLICT(name) DO UPDATE SET token_hash = excluded.token_hash, "
                        "enrolled_at = excluded.enrolled_at");
    q.bind(1, name);
    q.bind(2, hash.data(), static_cast<int>(hash.size()));
    q.bind(3, sync::utc_now_iso());
    q.exec();
    return token;
}

std::string SqliteHubStore::create_admin_token(const std::string& label) {
    std::string token = new_token("la_");
    auto hash = token_hash(token);
    std::lock_guard lock(mutex_);
    SQLite::Statement q(db_, "INSERT INTO admin_tokens (label, token_hash, created_at) VALUES (?, ?, ?)");
    q.bind(1, label);
    q.bind(2, hash.data(), static_cast<int>(hash.size()));
    q.bind(3, sync::utc_now_iso());
    q.exec();
    return token;
}

std::optional<std::string> SqliteHubStore::name_for_hash(const char* sql, const std::string& token) const {
    if (token.empty() || token.size() > 200) return std::nullopt;
    auto hash = token_hash(token);
    std::lock_guard lock(mutex_);
    SQLite::Statement q(db_, sql);
    q.bind(1, hash.data(), static_cast<int>(hash.size()));
    if (!q.executeStep()) return std::nullopt;
    // The lookup is by hash of a 256-bit random token, so its timing reveals nothing useful; the final
    // comparison is constant time anyway.
    auto stored = q.getColumn(1);
    if (stored.getBytes() != static_cast<int>(hash.size()) ||
        sodium_memcmp(stored.getBlob(), hash.data(), hash.size()) != 0)
        return std::nullopt;
    return q.getColumn(0).getString();
}

std::optional<std::string> SqliteHubStore::kiosk_for_token(const std::string& token) const {
    return name_for_hash("SELECT name, token_hash FROM kiosks WHERE token_hash = ?", token);
}

bool SqliteHubStore::is_admin_token(const std::string& token) const {
    return name_for_hash("SELECT label, token_hash FROM admin_tokens WHERE token_hash = ?", token).has_value();
}

struct SqliteHubStore::PendingReferral {
    const sync::ReferralPost* post;
    const std::string* body_hash;
    StoredReferral result;
    std::exception_ptr error;
    bool done = false;
};

StoredReferral SqliteHubStore::store_referral(const sync::ReferralPost& post, const std::string& body_hash) {
    PendingReferral mine{&post, &body_hash, {}, nullptr};
    std::unique_lock lock(group_mutex_);
    group_queue_.push_back(&mine);
    while (!mine.done) {
        if (group_committing_) {
            group_done_.wait(lock);
            continue;
        }
        // Lead a commit of everything queued so far (ours included); others queue for the next one.
        group_committing_ = true;
        std::vector<PendingReferral*> batch;
        batch.swap(group_queue_);
        lock.unlock();
        commit_referrals(batch);
        lock.lock();
        group_committing_ = false;
        group_done_.notify_all();
    }
    if (mine.error) std::rethrow_exception(mine.error);
    return mine.result;
}

// One transaction for the batch, one savepoint per referral: a referral that fails (an SQLite error) is
// rolled back alone and its caller gets the exception; the others still commit. If the commit itself
// fails, every caller gets that error and none was stored.
void SqliteHubStore::commit_referrals(const std::vector<PendingReferral*>& batch) {
    try {
        std::lock_guard lock(mutex_);
        // Immediate: it reads each id, then writes. Deferred, a write by another connection in between (the
        // staff CLI, a second store object) fails it at once with "database is locked" instead of waiting.
        SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
        for (auto* p : batch) {
            try {
                db_.exec("SAVEPOINT referral");
                p->result = store_one_locked(*p->post, *p->body_hash);
                db_.exec("RELEASE referral");
            } catch (...) {
                p->error = std::current_exception();
                try {
                    db_.exec("ROLLBACK TO referral");
                    db_.exec("RELEASE referral");
                } catch (...) {
                }
            }
        }
        tx.commit();
    } catch (...) {
        for (auto* p : batch)
            if (!p->error) p->error = std::current_exception();
    }
    std::lock_guard lock(group_mutex_);
    for (auto* p : batch) p->done = true;
}

StoredReferral SqliteHubStore::store_one_locked(const sync::ReferralPost& post, const std::string& body_hash) {
    SQLite::Statement find(db_, "SELECT body_hash, received_at FROM referrals WHERE id = ?");
    find.bind(1, post.id);
    StoredReferral out;
    out.receipt.id = post.id;
    if (find.executeStep()) {
        std::string stored_hash = find.getColumn(0).getString();
        out.receipt.received_at = find.getColumn(1).getString();
        bool same = stored_hash.size() == body_hash.size() &&
                    sodium_memcmp(stored_hash.data(), body_hash.data(), body_hash.size()) == 0;
        out.outcome = same ? StoreOutcome::duplicate : StoreOutcome::conflict;
        return out;
    }
    out.receipt.received_at = sync::utc_now_iso();
    SQLite::Statement ins(db_,
                          "INSERT INTO referrals (id, kiosk, reference, created, form_version, sealed, summary, "
                          "body_hash, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    ins.bind(1, post.id);
    ins.bind(2, post.kiosk);
    ins.bind(3, post.reference);
    ins.bind(4, post.created);
    ins.bind(5, post.form_version);
    ins.bind(6, post.sealed.data(), static_cast<int>(post.sealed.size()));
    ins.bind(7, sync::to_json(post.summary).dump());
    ins.bind(8, body_hash);
    ins.bind(9, out.receipt.received_at);
    ins.exec();
    out.outcome = StoreOutcome::created;
    return out;
}

std::vector<ReferralRecord> SqliteHubStore::referrals_after(std::int64_t after, int limit,
                                                            bool include_exported) const {
    std::lock_guard lock(mutex_);
    SQLite::Statement q(db_,
                        "SELECT seq, id, kiosk, reference, created, form_version, sealed, summary, received_at, "
                        "COALESCE(exported_at, '') FROM referrals WHERE seq > ? AND (? OR exported_at IS NULL) "
                        "AND length(sealed) > 0 "
                        "ORDER BY seq LIMIT ?");
    q.bind(1, after);
    q.bind(2, include_exported ? 1 : 0);
    q.bind(3, limit);
    std::vector<ReferralRecord> rows;
    while (q.executeStep()) {
        ReferralRecord r;
        r.seq = q.getColumn(0).getInt64();
        r.id = q.getColumn(1).getString();
        r.kiosk = q.getColumn(2).getString();
        r.reference = q.getColumn(3).getString();
        r.created = q.getColumn(4).getString();
        r.form_version = q.getColumn(5).getString();
        auto blob = q.getColumn(6);
        auto* p = static_cast<const unsigned char*>(blob.getBlob());
        r.sealed.assign(p, p + blob.getBytes());
        r.summary_json = q.getColumn(7).getString();
        r.received_at = q.getColumn(8).getString();
        r.exported_at = q.getColumn(9).getString();
        rows.push_back(std::move(r));
    }
    return rows;
}

int SqliteHubStore::mark_exported(const std::vector<std::string>& ids) {
    std::lock_guard lock(mutex_);
    SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
    std::string now = sync::utc_now_iso();
    int n = 0;
    SQLite::Statement q(db_, "UPDATE referrals SET exported_at = ? WHERE id = ? AND exported_at IS NULL");
    for (const auto& id : ids) {
        q.reset();
        q.bind(1, now);
        q.bind(2, id);
        n += q.exec();
    }
    tx.commit();
    return n;
}

int SqliteHubStore::purge_exported_before(const std::string& cutoff) {
    std::lock_guard lock(mutex_);
    SQLite::Statement q(db_,
                        "UPDATE referrals SET sealed = X'' WHERE exported_at IS NOT NULL AND exported_at <= ? "
                        "AND length(sealed) > 0");
    q.bind(1, cutoff);
    int n = q.exec();
    // Move the overwritten pages from the write-ahead log into the database file now, and empty the log.
    if (n > 0) db_.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    return n;
}

std::int64_t SqliteHubStore::referral_count() const {
    std::lock_guard lock(mutex_);
    return db_.execAndGet("SELECT COUNT(*) FROM referrals").getInt64();
}

std::vector<ReportCount> SqliteHubStore::need_counts() const {
    std::lock_guard lock(mutex_);
    SQLite::Statement q(db_,
                        "SELECT json_extract(r.summary, '$.centre'), substr(json_extract(r.summary, '$.date'), 1, 7), "
                        "n.value, COUNT(*) FROM referrals r, json_each(r.summary, '$.needs') n "
                        "GROUP BY 1, 2, 3 ORDER BY 1, 2, 3");
    std::vector<ReportCount> out;
    while (q.executeStep())
        out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                       q.getColumn(3).getInt64()});
    return out;
}

std::vector<InterestCount> SqliteHubStore::interest_counts() const {
    std::lock_guard lock(mutex_);
    SQLite::Statement q(db_,
                        "SELECT json_extract(summary, '$.centre'), substr(json_extract(summary, '$.date'), 1, 7), "
                        "json_extract(summary, '$.service'), COUNT(*) FROM referrals "
                        "WHERE json_extract(summary, '$.kind') = 'interest' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3");
    std::vector<InterestCount> out;
    while (q.executeStep())
        out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                       q.getColumn(3).getInt64()});
    return out;
}

bool SqliteHubStore::add_pack(const PackRecord& pack) {
    std::lock_guard lock(mutex_);
    // Immediate: it reads, then writes. A deferred transaction whose read saw an older snapshot than another
    // process's write fails at once with "database is locked" instead of waiting its busy timeout.
    SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement latest(db_, "SELECT version FROM packs ORDER BY seq DESC LIMIT 1");
    if (latest.executeStep() && sync::compare_versions(pack.version, latest.getColumn(0).getString()) <= 0)
        return false;
    SQLite::Statement ins(db_,
                          "INSERT OR REPLACE INTO packs (sha256, version, size, signature, published_at, seq) "
                          "VALUES (?, ?, ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM packs))");
    ins.bind(1, pack.sha256);
    ins.bind(2, pack.version);
    ins.bind(3, pack.size);
    ins.bind(4, pack.signature);
    ins.bind(5, sync::utc_now_iso());
    ins.exec();
    tx.commit();
    return true;
}

namespace {
PackRecord read_pack(SQLite::Statement& q) {
    return {q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(3).getString(),
            q.getColumn(2).getInt64(), q.getColumn(4).getString()};
}
}  // namespace

std::optional<PackRecord> SqliteHubStore::latest_pack() const {
    std::lock_guard lock(mutex_);
    SQLite::Statement q(db_,
                        "SELECT sha256, version, size, signature, published_at FROM packs ORDER BY seq DESC LIMIT 1");
    if (!q.executeStep()) return std::nullopt;
    return read_pack(q);
}

bool SqliteHubStore::add_notices(const NoticesRecord& notices) {
    std::lock_guard lock(mutex_);
    // Immediate, as add_pack: "higher than the latest" and the insert are one step across processes.
    SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement latest(db_, "SELECT COALESCE(MAX(version), 0) FROM notices");
    if (latest.executeStep() && notices.version <= latest.getColumn(0).getInt64()) return false;
    SQLite::Statement ins(db_, "INSERT INTO notices (version, document, signature, published_at) VALUES (?, ?, ?, ?)");
    ins.bind(1, notices.version);
    ins.bind(2, notices.document);
    ins.bind(3, notices.signature);
    ins.bind(4, sync::utc_now_iso());
    ins.exec();
    tx.commit();
    return true;
}

std::optional<NoticesRecord> SqliteHubStore::latest_notices() const {
    std::lock_guard lock(mutex_);
    SQLite::Statement q(db_,
                        "SELECT version, document, signature, published_at FROM notices ORDER BY version DESC LIMIT 1");
    if (!q.executeStep()) return std::nullopt;
    return NoticesRecord{q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                         q.getColumn(3).getString()};
}

std::optional<PackRecord> SqliteHubStore::find_pack(const std::string& sha256) const {
    std::lock_guard lock(mutex_);
    SQLite::Statement q(db_, "SELECT sha256, version, size, signature, published_at FROM packs WHERE sha256 = ?");
    q.bind(1, sha256);
    if (!q.executeStep()) return std::nullopt;
    return read_pack(q);
}

void SqliteHubStore::record_heartbeat(const std::string& kiosk, const std::string& json) {
    std::lock_guard lock(mutex_);
    SQLite::Statement q(db_,
                        "INSERT INTO heartbeats (kiosk, received_at, json) VALUES (?, ?, ?) "
                        "ON CONFLICT(kiosk) DO UPDATE SET received_at = excluded.received_at, json = excluded.json");
    q.bind(1, kiosk);
    q.bind(2, sync::utc_now_iso());
    q.bind(3, json);
    q.exec();
}

std::vector<HeartbeatRecord> SqliteHubStore::heartbeats() const {
    std::lock_guard lock(mutex_);
    SQLite::Statement q(db_, "SELECT kiosk, received_at, json FROM heartbeats ORDER BY kiosk");
    std::vector<HeartbeatRecord> out;
    while (q.executeStep())
        out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString()});
    return out;
}

void SqliteHubStore::record_usage(const std::string& kiosk, const std::vector<sync::UsageDay>& days) {
    if (days.empty()) return;
    std::lock_guard lock(mutex_);
    SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement q(db_,
                        "INSERT INTO usage_days (kiosk, day, centre, counts, received_at) VALUES (?, ?, ?, ?, ?) "
                        "ON CONFLICT(kiosk, day) DO UPDATE SET centre = excluded.centre, counts = excluded.counts, "
                        "received_at = excluded.received_at");
    std::string now = sync::utc_now_iso();
    for (const auto& d : days) {
        q.reset();
        q.bind(1, kiosk);
        q.bind(2, d.day);
        q.bind(3, d.centre);
        q.bind(4, nlohmann::json(d.counts).dump());
        q.bind(5, now);
        q.exec();
    }
    tx.commit();
}

std::vector<UsageCount> SqliteHubStore::usage_counts() const {
    std::lock_guard lock(mutex_);
    SQLite::Statement q(db_,
                        "SELECT u.centre, substr(u.day, 1, 7), c.key, SUM(c.value) FROM usage_days u, "
                        "json_each(u.counts) c GROUP BY 1, 2, 3 ORDER BY 1, 2, 3");
    std::vector<UsageCount> out;
    while (q.executeStep())
        out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                       q.getColumn(3).getInt64()});
    return out;
}

std::filesystem::path sqlite_store_file(const std::filesystem::path& data_dir) { return data_dir / "hub.sqlite"; }

int sqlite_store_schema_version() { return static_cast<int>(std::size(k_migrations)); }

std::unique_ptr<HubStore> open_sqlite_store(const std::filesystem::path& file) {
    try {
        return std::make_unique<SqliteHubStore>(file);
    } catch (const SQLite::Exception& e) {
        throw std::runtime_error("cannot open the store " + file.string() + ": " + e.what());
    }
}

}  // namespace lantern::hub
