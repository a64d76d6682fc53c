// Usage figures per day in SQLite (WAL, synchronous=FULL): added by the kiosk, sent and acknowledged by the
// sync worker, totals kept a week for the staff screen.
#include "sync/usage_store.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <iterator>

#include "sync/durable_db.h"
#include "sync/encoding.h"
#include "sync/protocol.h"

namespace lantern::sync {

namespace {

const char* const k_migrations[] = {
    R"SQL(
CREATE TABLE usage_days (
    day TEXT PRIMARY KEY,
    centre TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 0,
    acknowledged INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE usage_counts (
    day TEXT NOT NULL REFERENCES usage_days(day) ON DELETE CASCADE,
    name TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (day, name)
);
)SQL",
};

}  // namespace

std::string days_before(const std::string& day, int n) {
    auto d = parse_date(day);
    if (!d) return day;
    using namespace std::chrono;
    sys_days t =
        sys_days(year{d->year} / month{static_cast<unsigned>(d->month)} / static_cast<unsigned>(d->day)) - days{n};
    year_month_day ymd(t);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return buf;
}

std::string local_date(int days_back) {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return days_back == 0 ? std::string(buf) : days_before(buf, days_back);
}

UsageStore::UsageStore(const std::filesystem::path& path)
    : db_(prepare_private_file(path), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_FULLMUTEX) {
    make_durable(db_);
    migrate();
}

void UsageStore::migrate() {
    std::lock_guard lock(mutex_);
    migrate_schema(db_, k_migrations, "usage figures");
}

void UsageStore::add(const std::string& centre, const UsageDeltas& deltas) {
    if (deltas.empty()) return;
    std::lock_guard lock(mutex_);
    SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement day_row(db_,
                              "INSERT INTO usage_days (day, centre, revision) VALUES (?, ?, 1) ON CONFLICT(day) DO "
                              "UPDATE SET revision = revision + 1, acknowledged = 0");
    SQLite::Statement names(db_, "SELECT COUNT(*) FROM usage_counts WHERE day = ?");
    SQLite::Statement bump(db_, "UPDATE usage_counts SET count = min(count + ?, ?) WHERE day = ? AND name = ?");
    SQLite::Statement insert(db_, "INSERT INTO usage_counts (day, name, count) VALUES (?, ?, min(?, ?))");
    for (const auto& [day, counts] : deltas) {
        if (!is_valid_date(day)) continue;
        day_row.reset();
        day_row.bind(1, day);
        day_row.bind(2, centre);
        day_row.exec();
        names.reset();
        names.bind(1, day);
        names.executeStep();
        auto held = static_cast<std::size_t>(names.getColumn(0).getInt64());
        names.reset();
        for (const auto& [name, n] : counts) {
            if (n <= 0 || !is_valid_usage_key(name)) continue;
            bump.reset();
            bump.bind(1, n);
            bump.bind(2, k_max_usage_count);
            bump.bind(3, day);
            bump.bind(4, name);
            if (bump.exec() > 0) continue;
            if (held >= k_max_usage_keys_per_day) continue;
            insert.reset();
            insert.bind(1, day);
            insert.bind(2, name);
            insert.bind(3, n);
            insert.bind(4, k_max_usage_count);
            insert.exec();
            ++held;
        }
    }
    // However long the hub is away, the file stays bounded: past the limit the oldest unsent days go.
    SQLite::Statement trim(db_,
                           "DELETE FROM usage_days WHERE acknowledged = 0 AND day NOT IN (SELECT day FROM usage_days "
                           "WHERE acknowledged = 0 ORDER BY day DESC LIMIT ?)");
    trim.bind(1, k_max_unsent_usage_days);
    trim.exec();
    tx.commit();
}

std::vector<PendingUsageDay> UsageStore::pending(std::size_t max_days) const {
    std::lock_guard lock(mutex_);
    SQLite::Statement days(db_,
                           "SELECT day, centre, revision FROM usage_days WHERE acknowledged = 0 ORDER BY day LIMIT ?");
    days.bind(1, static_cast<std::int64_t>(max_days));
    SQLite::Statement counts(db_, "SELECT name, count FROM usage_counts WHERE day = ? ORDER BY name");
    std::vector<PendingUsageDay> out;
    while (days.executeStep()) {
        PendingUsageDay p{{days.getColumn(0).getString(), days.getColumn(1).getString(), {}},
                          days.getColumn(2).getInt64()};
        counts.reset();
        counts.bind(1, p.day.day);
        while (counts.executeStep()) p.day.counts[counts.getColumn(0).getString()] = counts.getColumn(1).getInt64();
        out.push_back(std::move(p));
    }
    return out;
}

void UsageStore::acknowledge(const std::string& day, std::int64_t revision, const std::string& today) {
    std::lock_guard lock(mutex_);
    SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
    if (day < today) {
        SQLite::Statement done(db_,
                               "UPDATE usage_days SET acknowledged = 1 WHERE day = ? AND revision = ? AND "
                               "acknowledged = 0");
        done.bind(1, day);
        done.bind(2, revision);
        if (done.exec() > 0) {
            // The hub has the details; the totals stay for the staff screen's week.
            SQLite::Statement details(db_, "DELETE FROM usage_counts WHERE day = ? AND instr(name, ':') > 0");
            details.bind(1, day);
            details.exec();
        }
    }
    SQLite::Statement old(db_, "DELETE FROM usage_days WHERE acknowledged = 1 AND day < ?");
    old.bind(1, days_before(today, k_usage_week_days));
    old.exec();
    tx.commit();
}

std::map<std::string, std::int64_t> UsageStore::totals(const std::string& first, const std::string& last) const {
    std::lock_guard lock(mutex_);
    SQLite::Statement q(
        db_,
        "SELECT name, SUM(count) FROM usage_counts WHERE day >= ? AND day <= ? AND instr(name, ':') = 0 "
        "GROUP BY name");
    q.bind(1, first);
    q.bind(2, last);
    std::map<std::string, std::int64_t> out;
    while (q.executeStep()) out[q.getColumn(0).getString()] = q.getColumn(1).getInt64();
    return out;
}

std::vector<UsageDay> UsageStore::all_days() const {
    std::lock_guard lock(mutex_);
    SQLite::Statement days(db_, "SELECT day, centre FROM usage_days ORDER BY day");
    SQLite::Statement counts(db_, "SELECT name, count FROM usage_counts WHERE day = ?");
    std::vector<UsageDay> out;
    while (days.executeStep()) {
        UsageDay d{days.getColumn(0).getString(), days.getColumn(1).getString(), {}};
        counts.reset();
        counts.bind(1, d.day);
        while (counts.executeStep()) d.counts[counts.getColumn(0).getString()] = counts.getColumn(1).getInt64();
        out.push_back(std::move(d));
    }
    return out;
}

}  // namespace lantern::sync
