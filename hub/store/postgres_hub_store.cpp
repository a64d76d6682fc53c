// The PostgreSQL store with libpq: a small pool of connections, migrations in a version table, and every
// decision that must hold across hub processes (idempotency, exactly-once export marking, pack order) made by
// the database inside one transaction.
#include "hub/store/postgres_hub_store.h"

#include <libpq-fe.h>
#include <sodium.h>

#include <condition_variable>
#include <iterator>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <vector>

#include "sync/encoding.h"

namespace lantern::hub {

namespace {

// Each migration runs once, in its own transaction, in order. Times the hub sets are timestamptz; `created`
// stays the text the kiosk sent, since the body hash covers it exactly.
const char* const k_migrations[] = {
    R"SQL(
CREATE TABLE kiosks (
    name text PRIMARY KEY,
    token_hash bytea NOT NULL UNIQUE,
    enrolled_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE admin_tokens (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    label text NOT NULL,
    token_hash bytea NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE referrals (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id text NOT NULL UNIQUE,
    kiosk text NOT NULL,
    reference text NOT NULL,
    created text NOT NULL,
    form_version text NOT NULL,
    sealed bytea NOT NULL,
    summary jsonb NOT NULL,
    body_hash text NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    exported_at timestamptz
);
CREATE INDEX referrals_unexported ON referrals (seq) WHERE exported_at IS NULL;
CREATE SEQUENCE pack_seq;
CREATE TABLE packs (
    sha256 text PRIMARY KEY,
    version text NOT NULL,
    size bigint NOT NULL,
    signature text NOT NULL,
    published_at timestamptz NOT NULL DEFAULT now(),
    seq bigint NOT NULL UNIQUE DEFAULT nextval('pack_seq')
);
CREATE TABLE heartbeats (
    kiosk text PRIMARY KEY,
    received_at timestamptz NOT NULL DEFAULT now(),
    json jsonb NOT NULL
);
)SQL",
    // Usage figures: one row per kiosk and day, replaced whole when the kiosk sends the day again.
    R"SQL(
CREATE TABLE usage_days (
    kiosk text NOT NULL,
    day text NOT NULL,
    centre text NOT NULL,
    counts jsonb NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kiosk, day)
);
)SQL",
    // Notices from the hub: every signed document published, the highest version the one served.
    R"SQL(
CREATE TABLE notices (
    version bigint PRIMARY KEY,
    document text NOT NULL,
    signature text NOT NULL,
    published_at timestamptz NOT NULL DEFAULT now()
);
)SQL",
};

// Any constant: the key of the advisory lock that serialises migrations between hubs.
constexpr long long k_migration_lock = 0x4c616e7465726e;  // "Lantern"

// A timestamptz as the same UTC ISO text the SQLite store keeps.
std::string iso(const std::string& column) {
    return "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";
}

// An engine error. Only the primary message and SQLSTATE: the detail line can quote a row's values.
struct PgError : std::runtime_error {
    PgError(const std::string& what, std::string state, bool broken)
        : std::runtime_error(what), sqlstate(std::move(state)), connection_lost(broken) {}
    std::string sqlstate;
    bool connection_lost;
};

struct ResultFree {
    void operator()(PGresult* r) const { PQclear(r); }
};

class Result {
   public:
    explicit Result(PGresult* r) : r_(r) {}
    int rows() const { return PQntuples(r_.get()); }
    bool is_null(int row, int col) const { return PQgetisnull(r_.get(), row, col); }
    std::string text(int row, int col) const { return PQgetvalue(r_.get(), row, col); }
    std::int64_t int64(int row, int col) const { return std::stoll(text(row, col)); }
    int affected() const {
        const char* n = PQcmdTuples(r_.get());
        return *n ? std::stoi(n) : 0;
    }
    sync::Bytes bytes(int row, int col) const {
        std::size_t n = 0;
        unsigned char* raw =
            PQunescapeBytea(reinterpret_cast<const unsigned char*>(PQgetvalue(r_.get(), row, col)), &n);
        if (!raw) throw std::runtime_error("PostgreSQL store: cannot read a bytea value");
        sync::Bytes out(raw, raw + n);
        PQfreemem(raw);
        return out;
    }

   private:
    std::unique_ptr<PGresult, ResultFree> r_;
};

// A bytea parameter in text form (hex), which every server since 9.0 reads.
std::string bytea(const unsigned char* data, std::size_t size) {
    static const char* hex = "0123456789abcdef";
    std::string out = "\\x";
    out.reserve(2 + size * 2);
    for (std::size_t i = 0; i < size; ++i) {
        out += hex[data[i] >> 4];
        out += hex[data[i] & 15];
    }
    return out;
}

std::string trimmed(const char* message) {
    std::string s = message ? message : "";
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return s;
}

class Connection {
   public:
    explicit Connection(const std::string& uri) {
        // connect_timeout first: a value in the URI comes later and wins.
        const char* keys[] = {"connect_timeout", "application_name", "dbname", nullptr};
        const char* values[] = {"10", "lantern-hub", uri.c_str(), nullptr};
        conn_ = PQconnectdbParams(keys, values, 1);
        if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
            std::string why = conn_ ? trimmed(PQerrorMessage(conn_)) : "out of memory";
            if (conn_) PQfinish(conn_);
            throw std::runtime_error("cannot connect to the PostgreSQL store: " + why);
        }
        try {
            exec("SET TIME ZONE 'UTC'; SET client_min_messages = warning", {});
        } catch (...) {
            PQfinish(conn_);
            throw;
        }
    }
    ~Connection() { PQfinish(conn_); }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    bool ok() const { return PQstatus(conn_) == CONNECTION_OK; }

    Result exec(const std::string& sql, const std::vector<std::string>& params) {
        std::vector<const char*> values;
        for (const auto& p : params) values.push_back(p.c_str());
        // Without parameters, the simple protocol: a migration is several statements in one string.
        PGresult* r = params.empty() ? PQexec(conn_, sql.c_str())
                                     : PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr,
                                                    values.data(), nullptr, nullptr, 0);
        auto status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
        if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return Result(r);
        std::string state = r && PQresultErrorField(r, PG_DIAG_SQLSTATE) ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : "";
        std::string message = r && PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY)
                                  ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY)
                                  : trimmed(PQerrorMessage(conn_));
        if (r) PQclear(r);
        throw PgError("PostgreSQL store: " + message + (state.empty() ? "" : " (" + state + ")"), state, !ok());
    }

   private:
    PGconn* conn_ = nullptr;
};

// Connections for the hub's worker threads: one per request in flight, up to `max`, opened when first needed.
class Pool {
   public:
    Pool(std::string uri, int max) : uri_(std::move(uri)), max_(max) {}

    // Runs fn(connection) on a pooled connection. A deadlock, a serialisation failure or a lost connection is
    // retried on a (new) connection: every operation is one transaction, and idempotent when retried.
    template <typename Fn>
    auto run(Fn&& fn) {
        for (int attempt = 1;; ++attempt) {
            auto conn = acquire();
            try {
                auto result = fn(*conn);
                release(std::move(conn));
                return result;
            } catch (const PgError& e) {
                bool lost = e.connection_lost || !conn->ok();
                if (!lost) {
                    try {
                        conn->exec("ROLLBACK", {});  // harmless outside a transaction (a warning)
                        release(std::move(conn));
                    } catch (...) {
                        forget();
                    }
                } else {
                    forget();
                }
                bool retry = lost || e.sqlstate == "40001" || e.sqlstate == "40P01";
                if (!retry || attempt >= 5) throw;
            } catch (...) {
                forget();
                throw;
            }
        }
    }

   private:
    std::unique_ptr<Connection> acquire() {
        std::unique_lock lock(mutex_);
        available_.wait(lock, [&] { return !idle_.empty() || open_ < max_; });
        if (!idle_.empty()) {
            auto c = std::move(idle_.back());
            idle_.pop_back();
            return c;
        }
        ++open_;
        lock.unlock();
        try {
            return std::make_unique<Connection>(uri_);
        } catch (...) {
            forget();
            throw;
        }
    }
    void release(std::unique_ptr<Connection> c) {
        std::lock_guard lock(mutex_);
        idle_.push_back(std::move(c));
        available_.notify_one();
    }
    // A connection was dropped: make room for a new one.
    void forget() {
        std::lock_guard lock(mutex_);
        --open_;
        available_.notify_one();
    }

    std::string uri_;
    int max_;
    std::mutex mutex_;
    std::condition_variable available_;
    std::vector<std::unique_ptr<Connection>> idle_;
    int open_ = 0;
};

std::string hash_param(const std::string& token) {
    auto h = sync::sha256(token);
    return bytea(h.data(), h.size());
}

}  // namespace

class PostgresHubStore final : public HubStore {
   public:
    explicit PostgresHubStore(const std::string& uri) : pool_(uri, 16) { migrate(); }

    std::string enrol_kiosk(const std::string& name) override {
        if (!sync::is_valid_kiosk_name(name))
            throw std::invalid_argument("kiosk name must be 1-64 of A-Z a-z 0-9 . _ -");
        std::string token = new_token("lk_");
        pool_.run([&](Connection& c) {
            return c.exec(
                "INSERT INTO kiosks (name, token_hash) VALUES ($1, $2::bytea) ON CONFLICT (name) DO UPDATE SET "
                "token_hash = excluded.token_hash, enrolled_at = now()",
                {name, hash_param(token)});
        });
        return token;
    }

    std::string create_admin_token(const std::string& label) override {
        std::string token = new_token("la_");
        pool_.run([&](Connection& c) {
            return c.exec("INSERT INTO admin_tokens (label, token_hash) VALUES ($1, $2::bytea)",
                          {label, hash_param(token)});
        });
        return token;
    }

    std::optional<std::string> kiosk_for_token(const std::string& token) const override {
        return name_for_hash("SELECT name, token_hash FROM kiosks WHERE token_hash = $1::bytea", token);
    }

    bool is_admin_token(const std::string& token) const override {
        return name_for_hash("SELECT label, token_hash FROM admin_tokens WHERE token_hash = $1::bytea", token)
            .has_value();
    }

    // The insert and the comparison share one transaction. ON CONFLICT DO NOTHING waits for another
    // transaction inserting the same id (another thread or another hub) to commit; the SELECT after it then
    // sees that row, as each statement in READ COMMITTED takes a fresh snapshot.
    StoredReferral store_referral(const sync::ReferralPost& post, const std::string& body_hash) override {
        return pool_.run([&](Connection& c) {
            StoredReferral out;
            out.receipt.id = post.id;
            c.exec("BEGIN", {});
            auto ins = c.exec(
                "INSERT INTO referrals (id, kiosk, reference, created, form_version, sealed, summary, body_hash) "
                "VALUES ($1, $2, $3, $4, $5, $6::bytea, $7::jsonb, $8) ON CONFLICT (id) DO NOTHING RETURNING " +
                    iso("received_at"),
                {post.id, post.kiosk, post.reference, post.created, post.form_version,
                 bytea(post.sealed.data(), post.sealed.size()), sync::to_json(post.summary).dump(), body_hash});
            if (ins.rows() == 1) {
                out.outcome = StoreOutcome::created;
                out.receipt.received_at = ins.text(0, 0);
            } else {
                auto found =
                    c.exec("SELECT body_hash, " + iso("received_at") + " FROM referrals WHERE id = $1", {post.id});
                if (found.rows() != 1) throw std::runtime_error("PostgreSQL store: a conflicting referral vanished");
                std::string stored = found.text(0, 0);
                bool same = stored.size() == body_hash.size() &&
                            sodium_memcmp(stored.data(), body_hash.data(), body_hash.size()) == 0;
                out.outcome = same ? StoreOutcome::duplicate : StoreOutcome::conflict;
                out.receipt.received_at = found.text(0, 1);
            }
            c.exec("COMMIT", {});
            return out;
        });
    }

    std::vector<ReferralRecord> referrals_after(std::int64_t after, int limit, bool include_exported) const override {
        return pool_.run([&](Connection& c) {
            auto r = c.exec("SELECT seq, id, kiosk, reference, created, form_version, sealed, summary::text, " +
                                iso("received_at") + ", COALESCE(" + iso("exported_at") +
                                ", '') FROM referrals WHERE seq > $1::bigint AND ($2::boolean OR exported_at IS NULL) "
                                "AND length(sealed) > 0 ORDER BY seq LIMIT $3::integer",
                            {std::to_string(after), include_exported ? "true" : "false", std::to_string(limit)});
            std::vector<ReferralRecord> rows;
            for (int i = 0; i < r.rows(); ++i) {
                ReferralRecord rec;
                rec.seq = r.int64(i, 0);
                rec.id = r.text(i, 1);
                rec.kiosk = r.text(i, 2);
                rec.reference = r.text(i, 3);
                rec.created = r.text(i, 4);
                rec.form_version = r.text(i, 5);
                rec.sealed = r.bytes(i, 6);
                rec.summary_json = r.text(i, 7);
                rec.received_at = r.text(i, 8);
                rec.exported_at = r.text(i, 9);
                rows.push_back(std::move(rec));
            }
            return rows;
        });
    }

    // One statement. Rows are locked in seq order (so two exports never deadlock); a row another export is
    // marking is waited for, then exported_at IS NULL is checked again on its new version and it is skipped.
    // RETURNING counts only the rows this call marked.
    int mark_exported(const std::vector<std::string>& ids) override {
        if (ids.empty()) return 0;
        return pool_.run([&](Connection& c) {
            return c
                .exec(
                    "WITH target AS (SELECT seq FROM referrals WHERE id IN (SELECT jsonb_array_elements_text("
                    "$1::jsonb)) AND exported_at IS NULL ORDER BY seq FOR UPDATE) "
                    "UPDATE referrals r SET exported_at = now() FROM target t WHERE r.seq = t.seq "
                    "AND r.exported_at IS NULL RETURNING r.id",
                    {nlohmann::json(ids).dump()})
                .rows();
        });
    }

    // The old row version (with the answers) stays in the table's pages until VACUUM prunes it, and in the WAL
    // until it is recycled: see docs/OPERATIONS.md. A VACUUM of the table right after makes the space
    // reusable at once instead of at autovacuum's next visit.
    int purge_exported_before(const std::string& cutoff) override {
        int n = pool_.run([&](Connection& c) {
            return c
                .exec(
                    "UPDATE referrals SET sealed = ''::bytea WHERE exported_at IS NOT NULL AND "
                    "date_trunc('second', exported_at) <= $1::timestamptz AND length(sealed) > 0",
                    {cutoff})
                .affected();
        });
        if (n > 0) pool_.run([&](Connection& c) { return c.exec("VACUUM (SKIP_LOCKED) referrals", {}).affected(); });
        return n;
    }

    std::int64_t referral_count() const override {
        return pool_.run([&](Connection& c) { return c.exec("SELECT count(*) FROM referrals", {}).int64(0, 0); });
    }

    // COLLATE "C": byte order, as SQLite compares, whatever the database's locale.
    std::vector<ReportCount> need_counts() const override {
        return pool_.run([&](Connection& c) {
            auto r = c.exec(
                "SELECT centre, month, need, n FROM (SELECT COALESCE(summary->>'centre', '') AS centre, "
                "COALESCE(substr(summary->>'date', 1, 7), '') AS month, e.need, count(*) AS n FROM referrals r "
                "CROSS JOIN LATERAL jsonb_array_elements_text(CASE WHEN jsonb_typeof(r.summary->'needs') = 'array' "
                "THEN r.summary->'needs' ELSE '[]'::jsonb END) AS e(need) GROUP BY 1, 2, 3) t "
                "ORDER BY centre COLLATE \"C\", month COLLATE \"C\", need COLLATE \"C\"",
                {});
            std::vector<ReportCount> out;
            for (int i = 0; i < r.rows(); ++i) out.push_back({r.text(i, 0), r.text(i, 1), r.text(i, 2), r.int64(i, 3)});
            return out;
        });
    }

    std::vector<InterestCount> interest_counts() const override {
        return pool_.run([&](Connection& c) {
            auto r = c.exec(
                "SELECT centre, month, service, n FROM (SELECT COALESCE(summary->>'centre', '') AS centre, "
                "COALESCE(substr(summary->>'date', 1, 7), '') AS month, COALESCE(summary->>'service', '') AS service, "
                "count(*) AS n FROM referrals WHERE summary->>'kind' = 'interest' GROUP BY 1, 2, 3) t "
                "ORDER BY centre COLLATE \"C\", month COLLATE \"C\", service COLLATE \"C\"",
                {});
            std::vector<InterestCount> out;
            for (int i = 0; i < r.rows(); ++i) out.push_back({r.text(i, 0), r.text(i, 1), r.text(i, 2), r.int64(i, 3)});
            return out;
        });
    }

    // The table lock (which only another add_pack waits for; readers do not) makes "newer than the latest"
    // and the insert one step across every hub.
    bool add_pack(const PackRecord& pack) override {
        return pool_.run([&](Connection& c) {
            c.exec("BEGIN", {});
            c.exec("LOCK TABLE packs IN SHARE ROW EXCLUSIVE MODE", {});
            auto latest = c.exec("SELECT version FROM packs ORDER BY seq DESC LIMIT 1", {});
            if (latest.rows() == 1 && sync::compare_versions(pack.version, latest.text(0, 0)) <= 0) {
                c.exec("ROLLBACK", {});
                return false;
            }
            c.exec(
                "INSERT INTO packs (sha256, version, size, signature) VALUES ($1, $2, $3::bigint, $4) "
                "ON CONFLICT (sha256) DO UPDATE SET version = excluded.version, size = excluded.size, "
                "signature = excluded.signature, published_at = now(), seq = nextval('pack_seq')",
                {pack.sha256, pack.version, std::to_string(pack.size), pack.signature});
            c.exec("COMMIT", {});
            return true;
        });
    }

    std::optional<PackRecord> latest_pack() const override {
        return one_pack(
            "SELECT sha256, version, size, signature, " + iso("published_at") + " FROM packs ORDER BY seq DESC LIMIT 1",
            {});
    }

    // As add_pack: the table lock makes "higher than the latest" and the insert one step across every hub.
    bool add_notices(const NoticesRecord& notices) override {
        return pool_.run([&](Connection& c) {
            c.exec("BEGIN", {});
            c.exec("LOCK TABLE notices IN SHARE ROW EXCLUSIVE MODE", {});
            auto latest = c.exec("SELECT COALESCE(MAX(version), 0) FROM notices", {});
            if (latest.rows() == 1 && notices.version <= latest.int64(0, 0)) {
                c.exec("ROLLBACK", {});
                return false;
            }
            c.exec("INSERT INTO notices (version, document, signature) VALUES ($1::bigint, $2, $3)",
                   {std::to_string(notices.version), notices.document, notices.signature});
            c.exec("COMMIT", {});
            return true;
        });
    }

    std::optional<NoticesRecord> latest_notices() const override {
        return pool_.run([&](Connection& c) -> std::optional<NoticesRecord> {
            auto r = c.exec("SELECT version, document, signature, " + iso("published_at") +
                                " FROM notices ORDER BY version DESC LIMIT 1",
                            {});
            if (r.rows() != 1) return std::nullopt;
            return NoticesRecord{r.int64(0, 0), r.text(0, 1), r.text(0, 2), r.text(0, 3)};
        });
    }

    std::optional<PackRecord> find_pack(const std::string& sha256) const override {
        return one_pack(
            "SELECT sha256, version, size, signature, " + iso("published_at") + " FROM packs WHERE sha256 = $1",
            {sha256});
    }

    void record_heartbeat(const std::string& kiosk, const std::string& json) override {
        pool_.run([&](Connection& c) {
            return c.exec(
                "INSERT INTO heartbeats (kiosk, json) VALUES ($1, $2::jsonb) ON CONFLICT (kiosk) DO UPDATE SET "
                "received_at = now(), json = excluded.json",
                {kiosk, json});
        });
    }

    std::vector<HeartbeatRecord> heartbeats() const override {
        return pool_.run([&](Connection& c) {
            auto r = c.exec(
                "SELECT kiosk, " + iso("received_at") + ", json::text FROM heartbeats ORDER BY kiosk COLLATE \"C\"",
                {});
            std::vector<HeartbeatRecord> out;
            for (int i = 0; i < r.rows(); ++i) out.push_back({r.text(i, 0), r.text(i, 1), r.text(i, 2)});
            return out;
        });
    }

    // One transaction: every day of the heartbeat or none. ON CONFLICT replaces a day sent again, and waits
    // for another hub inserting the same (kiosk, day) to commit first.
    void record_usage(const std::string& kiosk, const std::vector<sync::UsageDay>& days) override {
        if (days.empty()) return;
        pool_.run([&](Connection& c) {
            c.exec("BEGIN", {});
            for (const auto& d : days)
                c.exec(
                    "INSERT INTO usage_days (kiosk, day, centre, counts) VALUES ($1, $2, $3, $4::jsonb) "
                    "ON CONFLICT (kiosk, day) DO UPDATE SET centre = excluded.centre, counts = excluded.counts, "
                    "received_at = now()",
                    {kiosk, d.day, d.centre, nlohmann::json(d.counts).dump()});
            c.exec("COMMIT", {});
            return 0;
        });
    }

    std::vector<UsageCount> usage_counts() const override {
        return pool_.run([&](Connection& c) {
            auto r = c.exec(
                "SELECT centre, month, name, n FROM (SELECT u.centre, substr(u.day, 1, 7) AS month, e.key AS name, "
                "sum(e.value::bigint) AS n FROM usage_days u CROSS JOIN LATERAL jsonb_each_text(u.counts) AS e "
                "GROUP BY 1, 2, 3) t ORDER BY centre COLLATE \"C\", month COLLATE \"C\", name COLLATE \"C\"",
                {});
            std::vector<UsageCount> out;
            for (int i = 0; i < r.rows(); ++i) out.push_back({r.text(i, 0), r.text(i, 1), r.text(i, 2), r.int64(i, 3)});
            return out;
        });
    }

   private:
    void migrate() {
        pool_.run([&](Connection& c) {
            c.exec("BEGIN", {});
            c.exec("SELECT pg_advisory_xact_lock($1::bigint)", {std::to_string(k_migration_lock)});
            c.exec(
                "CREATE TABLE IF NOT EXISTS lantern_schema (version integer PRIMARY KEY, applied_at timestamptz "
                "NOT NULL DEFAULT now())",
                {});
            int version =
                static_cast<int>(c.exec("SELECT COALESCE(max(version), 0) FROM lantern_schema", {}).int64(0, 0));
            int latest = postgres_store_schema_version();
            if (version > latest)
                throw std::runtime_error("the PostgreSQL store was written by a newer Lantern (schema " +
                                         std::to_string(version) + ")");
            for (int v = version; v < latest; ++v) {
                c.exec(k_migrations[v], {});
                c.exec("INSERT INTO lantern_schema (version) VALUES ($1::integer)", {std::to_string(v + 1)});
            }
            c.exec("COMMIT", {});
            return 0;
        });
    }

    std::optional<std::string> name_for_hash(const char* sql, const std::string& token) const {
        if (token.empty() || token.size() > 200) return std::nullopt;
        auto hash = sync::sha256(token);
        return pool_.run([&](Connection& c) -> std::optional<std::string> {
            auto r = c.exec(sql, {bytea(hash.data(), hash.size())});
            if (r.rows() != 1) return std::nullopt;
            auto stored = r.bytes(0, 1);
            if (stored.size() != hash.size() || sodium_memcmp(stored.data(), hash.data(), hash.size()) != 0)
                return std::nullopt;
            return r.text(0, 0);
        });
    }

    std::optional<PackRecord> one_pack(const std::string& sql, const std::vector<std::string>& params) const {
        return pool_.run([&](Connection& c) -> std::optional<PackRecord> {
            auto r = c.exec(sql, params);
            if (r.rows() != 1) return std::nullopt;
            return PackRecord{r.text(0, 0), r.text(0, 1), r.text(0, 3), r.int64(0, 2), r.text(0, 4)};
        });
    }

    mutable Pool pool_;
};

int postgres_store_schema_version() { return static_cast<int>(std::size(k_migrations)); }

std::unique_ptr<HubStore> open_postgres_store(const std::string& uri) {
    return std::make_unique<PostgresHubStore>(uri);
}

}  // namespace lantern::hub
