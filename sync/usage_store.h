// The kiosk's usage figures on disk (usage.sqlite in its data folder): counts per day, kept until the hub has
// them; safe to share between the UI thread (adding) and the sync worker (sending, acknowledging).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "sync/usage.h"

namespace lantern::sync {

// Day -> name -> how many to add.
using UsageDeltas = std::map<std::string, std::map<std::string, std::int64_t>>;

// A day not yet acknowledged, as it stood when read: `revision` changes with every addition to the day.
struct PendingUsageDay {
    UsageDay day;
    std::int64_t revision = 0;
};

// Days whose figures the hub has not acknowledged are kept however long the hub is away, up to this many (the
// oldest go first past it); acknowledged days keep their totals this many days for the staff screen's week.
inline constexpr int k_max_unsent_usage_days = 400;
inline constexpr int k_usage_week_days = 7;

class UsageStore {
   public:
    // Creates or migrates the file (0600); throws std::runtime_error (SQLite::Exception) if it cannot.
    explicit UsageStore(const std::filesystem::path& path);

    // Adds the deltas in one transaction (durable when it returns). Names that are not usage names are
    // skipped; so is a new name on a day that already has k_max_usage_keys_per_day. `centre` is recorded
    // with each day first seen.
    void add(const std::string& centre, const UsageDeltas& deltas);
    // Days not yet acknowledged, oldest first, at most `max_days`.
    std::vector<PendingUsageDay> pending(std::size_t max_days) const;
    // The hub stored `day` as it stood at `revision`. A day before `today` that has not changed since is
    // done: its detail names go, its totals stay (for the staff screen) until k_usage_week_days have passed.
    // Today, or a day changed since, stays pending and goes again.
    void acknowledge(const std::string& day, std::int64_t revision, const std::string& today);
    // Totals (names without ':') summed over the days from `first` to `last` (YYYY-MM-DD, inclusive).
    std::map<std::string, std::int64_t> totals(const std::string& first, const std::string& last) const;
    // Every day held, pending or not (tests, and the privacy checks).
    std::vector<UsageDay> all_days() const;

   private:
    void migrate();
    mutable std::mutex mutex_;
    mutable SQLite::Database db_;
};

// The kiosk's local date as YYYY-MM-DD, `days_back` days ago.
std::string local_date(int days_back = 0);
// `day` (YYYY-MM-DD) minus `n` days; `day` itself if it is not a date.
std::string days_before(const std::string& day, int n);

}  // namespace lantern::sync
