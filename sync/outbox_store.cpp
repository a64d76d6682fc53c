// SQL for the outbox: migrations, durable submit, oldest-first queue, delivered/refused marks, state.
#include "sync/outbox_store.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <stdexcept>

#include "sync/durable_db.h"

namespace lantern::sync {

namespace {

// Migration n brings user_version from n-1 to n. Append only.
const char* const k_migrations[] = {
    R"SQL(
CREATE TABLE referrals (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    reference TEXT NOT NULL UNIQUE,
    created TEXT NOT NULL,
    form_version TEXT NOT NULL,
    sealed BLOB,
    summary TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'delivered', 'refused')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    delivered_at TEXT
);
CREATE INDEX referrals_state ON referrals(state, seq);
CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
)SQL",
    // How often a kept-aside referral went back to the queue by itself (bounded: see requeue_refused).
    R"SQL(
ALTER TABLE referrals ADD COLUMN auto_requeues INTEGER NOT NULL DEFAULT 0;
)SQL",
};

OutboxState state_from(const std::string& s) {
    if (s == "delivered") return OutboxState::delivered;
    if (s == "refused") return OutboxState::refused;
    return OutboxState::queued;
}

constexpr const char* k_row_columns =
    "seq, id, reference, created, form_version, sealed, summary, state, attempts, last_error, "
    "COALESCE(delivered_at, '')";

OutboxRow read_row(SQLite::Statement& q) {
    OutboxRow r;
    r.seq = q.getColumn(0).getInt64();
    r.id = q.getColumn(1).getString();
    r.reference_code = q.getColumn(2).getString();
    r.created = q.getColumn(3).getString();
    r.form_version = q.getColumn(4).getString();
    auto blob = q.getColumn(5);
    if (!blob.isNull()) {
        auto* p = static_cast<const unsigned char*>(blob.getBlob());
        r.sealed.assign(p, p + blob.getBytes());
    }
    auto summary = parse_summary(nlohmann::json::parse(q.getColumn(6).getString(), nullptr, false));
    if (summary) r.summary = *summary.value;
    r.state = state_from(q.getColumn(7).getString());
    r.attempts = q.getColumn(8).getInt();
    r.last_error = q.getColumn(9).getString();
    r.delivered_at = q.getColumn(10).getString();
    return r;
}

}  // namespace

const char* to_string(OutboxState s) {
    switch (s) {
        case OutboxState::queued: return "queued";
        case OutboxState::delivered: return "delivered";
        case OutboxState::refused: return "refused";
    }
    return "queued";
}

OutboxStore::OutboxStore(const std::filesystem::path& path)
    : db_(prepare_private_file(path), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_FULLMUTEX) {
    sync::make_durable(db_);
    migrate();
}

void OutboxStore::migrate() {
    std::lock_guard lock(mutex_);
    sync::migrate_schema(db_, k_migrations, "outbox");
}

SubmittedReferral OutboxStore::submit(const SealedReferral& referral) {
    validate_summary(referral.summary);
    if (referral.sealed.empty()) throw std::invalid_argument("sealed payload is empty");
    if (referral.sealed.size() > k_max_sealed_bytes) throw std::invalid_argument("sealed payload is too large");
    if (referral.form_version.empty() || referral.form_version.size() > 64)
        throw std::invalid_argument("bad form version");
    std::string summary = to_json(referral.summary).dump();
    std::lock_guard lock(mutex_);
    // A reference code collision is possible (23^8 codes) but rare; try a few.
    for (int attempt = 0;; ++attempt) {
        SubmittedReferral out{new_uuid_v4(), new_reference_code(), utc_now_iso()};
        SQLite::Statement q(db_,
                            "INSERT OR IGNORE INTO referrals (id, reference, created, form_version, sealed, summary) "
                            "VALUES (?, ?, ?, ?, ?, ?)");
        q.bind(1, out.id);
        q.bind(2, out.reference_code);
        q.bind(3, out.created);
        q.bind(4, referral.form_version);
        q.bind(5, referral.sealed.data(), static_cast<int>(referral.sealed.size()));
        q.bind(6, summary);
        // Autocommit with synchronous=FULL: the row is on disk when exec() returns.
        if (q.exec() == 1) return out;
        if (attempt > 8) throw std::runtime_error("outbox: could not allocate a reference code");
    }
}

std::vector<OutboxRow> OutboxStore::next_queued(int limit) const {
    std::lock_guard lock(mutex_);
    SQLite::Statement q(
        db_, std::string("SELECT ") + k_row_columns + " FROM referrals WHERE state = 'queued' ORDER BY seq LIMIT ?");
    q.bind(1, limit);
    std::vector<OutboxRow> rows;
    while (q.executeStep()) rows.push_back(read_row(q));
    return rows;
}

std::optional<OutboxRow> OutboxStore::find(const std::string& id) const {
    std::lock_guard lock(mutex_);
    SQLite::Statement q(db_, std::string("SELECT ") + k_row_columns + " FROM referrals WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep()) return std::nullopt;
    return read_row(q);
}

std::vector<OutboxRow> OutboxStore::refused() const {
    std::lock_guard lock(mutex_);
    SQLite::Statement q(
        db_, std::string("SELECT ") + k_row_columns + " FROM referrals WHERE state = 'refused' ORDER BY seq");
    std::vector<OutboxRow> rows;
    while (q.executeStep()) {
        rows.push_back(read_row(q));
        rows.back().sealed.clear();
    }
    return rows;
}

bool OutboxStore::mark_delivered(const std::string& id, const std::string& delivered_at) {
    std::lock_guard lock(mutex_);
    SQLite::Statement q(db_,
                        "UPDATE referrals SET state = 'delivered', sealed = NULL, delivered_at = ?, "
                        "attempts = attempts + 1, last_error = '' WHERE id = ? AND state = 'queued'");
    q.bind(1, delivered_at);
    q.bind(2, id);
    return q.exec() == 1;
}

bool OutboxStore::mark_refused(const std::string& id, const std::string& error) {
    std::lock_guard lock(mutex_);
    SQLite::Statement q(db_,
                        "UPDATE referrals SET state = 'refused', attempts = attempts + 1, last_error = ? "
                        "WHERE id = ? AND state = 'queued'");
    q.bind(1, error);
    q.bind(2, id);
    return q.exec() == 1;
}

void OutboxStore::note_attempt_failed(const std::string& id, const std::string& error) {
    std::lock_guard lock(mutex_);
    SQLite::Statement q(
        db_, "UPDATE referrals SET attempts = attempts + 1, last_error = ? WHERE id = ? AND state = 'queued'");
    q.bind(1, error);
    q.bind(2, id);
    q.exec();
}

bool OutboxStore::requeue(const std::string& id) {
    std::lock_guard lock(mutex_);
    SQLite::Statement q(db_,
                        "UPDATE referrals SET state = 'queued', last_error = '' WHERE id = ? AND state = 'refused'");
    q.bind(1, id);
    return q.exec() == 1;
}

int OutboxStore::requeue_refused(int max_auto_requeues) {
    std::lock_guard lock(mutex_);
    if (max_auto_requeues < 0) {
        SQLite::Statement q(db_,
                            "UPDATE referrals SET state = 'queued', auto_requeues = 0, last_error = '' "
                            "WHERE state = 'refused'");
        return q.exec();
    }
    SQLite::Statement q(db_,
                        "UPDATE referrals SET state = 'queued', auto_requeues = auto_requeues + 1, last_error = '' "
                        "WHERE state = 'refused' AND auto_requeues < ?");
    q.bind(1, max_auto_requeues);
    return q.exec();
}

OutboxDepth OutboxStore::depth() const {
    std::lock_guard lock(mutex_);
    SQLite::Statement q(db_, "SELECT state, COUNT(*) FROM referrals GROUP BY state");
    OutboxDepth d;
    while (q.executeStep()) {
        auto state = state_from(q.getColumn(0).getString());
        auto n = q.getColumn(1).getInt64();
        if (state == OutboxState::queued) d.queued = n;
        if (state == OutboxState::refused) d.refused = n;
        if (state == OutboxState::delivered) d.delivered = n;
    }
    return d;
}

bool OutboxStore::integrity_ok() const {
    std::lock_guard lock(mutex_);
    return db_.execAndGet("PRAGMA quick_check").getString() == "ok";
}

std::optional<std::string> OutboxStore::get_state(const std::string& key) const {
    std::lock_guard lock(mutex_);
    SQLite::Statement q(db_, "SELECT value FROM sync_state WHERE key = ?");
    q.bind(1, key);
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getString();
}

void OutboxStore::set_state(const std::string& key, const std::string& value) {
    std::lock_guard lock(mutex_);
    SQLite::Statement q(db_,
                        "INSERT INTO sync_state (key, value) VALUES (?, ?) "
                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    q.bind(1, key);
    q.bind(2, value);
    q.exec();
}

void OutboxStore::update_state(const std::vector<std::pair<std::string, std::optional<std::string>>>& changes) {
    std::lock_guard lock(mutex_);
    SQLite::Transaction tx(db_);
    for (const auto& [key, value] : changes) {
        SQLite::Statement q(db_, value ? "INSERT INTO sync_state (key, value) VALUES (?, ?) "
                                         "ON CONFLICT(key) DO UPDATE SET value = excluded.value"
                                       : "DELETE FROM sync_state WHERE key = ?");
        q.bind(1, key);
        if (value) q.bind(2, *value);
        q.exec();
    }
    tx.commit();
}

void OutboxStore::erase_state(const std::string& key) {
    std::lock_guard lock(mutex_);
    SQLite::Statement q(db_, "DELETE FROM sync_state WHERE key = ?");
    q.bind(1, key);
    q.exec();
}

}  // namespace lantern::sync
