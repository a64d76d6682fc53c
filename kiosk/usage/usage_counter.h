// Counts how the kiosk is used, per day and never per visit: the App tells it what happened, it keeps the
// day's totals and details in memory and writes them to the usage store between visits.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "content/types.h"
#include "sync/usage_store.h"

namespace lantern::kiosk {

class UsageCounter {
   public:
    // `today`: the kiosk's local date as YYYY-MM-DD (tests give their own).
    explicit UsageCounter(std::function<std::string()> today = [] { return sync::local_date(); });
    ~UsageCounter();  // flushes what is not yet written
    UsageCounter(const UsageCounter&) = delete;
    UsageCounter& operator=(const UsageCounter&) = delete;

    void set_today(std::function<std::string()> today) { today_ = std::move(today); }
    // Where the figures are kept. Without a store they stay in memory (the week before today at most).
    void set_store(std::shared_ptr<sync::UsageStore> store, std::string centre);

    // What happened. Each adds one to its total and, where there is one, its detail (sync/usage.h names).
    void visit_started();
    void visit_for(content::Audience audience, const std::string& lang);  // once a visit, at the audience chosen
    void page_read(const std::string& page_id);
    // A search that found nothing. `vocabulary_words`: its words when every one is the pack's own
    // (PackReader::vocabulary_words), else empty: then it is counted as unlisted, without its words.
    void search_found_nothing(const std::string& vocabulary_words);
    void quick_exit();
    void idle_end();
    void form_started();
    void form_step_reached(std::size_t step_from_one);
    void form_review_reached();
    void form_sent();
    void family_services_opened();  // once a visit
    void interest_started();        // "I'm interested" tapped on a family service
    void interest_sent();
    void read_aloud();
    void text_size_changed(int size);

    // Writes what is counted to the store in one transaction. On failure (a full disk) it stays in memory
    // and goes with the next flush; the log says why, once.
    void flush();
    // Totals (names without ':') of today and the `days` - 1 days before it: the store's and the unwritten.
    std::map<std::string, std::int64_t> totals(int days) const;
    // Counted and not yet written (tests).
    const sync::UsageDeltas& unwritten() const { return unwritten_; }

   private:
    void count(const std::string& total, const std::string& detail = "");
    std::function<std::string()> today_;
    std::shared_ptr<sync::UsageStore> store_;
    std::string centre_ = "unknown";
    sync::UsageDeltas unwritten_;
    bool warned_ = false;
};

}  // namespace lantern::kiosk
