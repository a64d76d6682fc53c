// The usage counter: names each event as sync/usage.h does, keeps per-day deltas, writes them to the store.
#include "kiosk/usage/usage_counter.h"

#include <iostream>

#include "sync/usage.h"

namespace lantern::kiosk {

UsageCounter::UsageCounter(std::function<std::string()> today) : today_(std::move(today)) {}

UsageCounter::~UsageCounter() { flush(); }

void UsageCounter::set_store(std::shared_ptr<sync::UsageStore> store, std::string centre) {
    flush();
    store_ = std::move(store);
    if (!centre.empty()) centre_ = std::move(centre);
    flush();
}

void UsageCounter::count(const std::string& total, const std::string& detail) {
    auto& day = unwritten_[today_()];
    if (!total.empty()) ++day[total];
    // A detail that is not a usage name (a page id the names do not allow) is counted in its total only; the
    // store holds at most k_max_usage_keys_per_day names a day, and so does memory.
    if (!detail.empty() && sync::is_valid_usage_key(detail) &&
        (day.count(detail) || day.size() < sync::k_max_usage_keys_per_day))
        ++day[detail];
}

void UsageCounter::visit_started() { count("visits"); }
void UsageCounter::visit_for(content::Audience audience, const std::string& lang) {
    count("", std::string("visit:") + content::to_string(audience) + ":" + lang);
}
void UsageCounter::page_read(const std::string& page_id) { count("pages", "page:" + page_id); }
void UsageCounter::search_found_nothing(const std::string& vocabulary_words) {
    if (!vocabulary_words.empty() && sync::is_valid_search_words(vocabulary_words))
        count("searches_nothing", "search_nothing:" + vocabulary_words);
    else count("searches_nothing", "search_nothing_unlisted");
}
void UsageCounter::quick_exit() { count("quick_exits"); }
void UsageCounter::idle_end() { count("idle_ends"); }
void UsageCounter::form_started() { count("form_started", "form_step:1"); }
void UsageCounter::form_step_reached(std::size_t step) {
    if (step > 1) count("", "form_step:" + std::to_string(step));
}
void UsageCounter::form_review_reached() { count("form_review"); }
void UsageCounter::form_sent() { count("form_sent"); }
void UsageCounter::family_services_opened() { count("family_services"); }
void UsageCounter::interest_started() { count("interest_started"); }
void UsageCounter::interest_sent() { count("interest_sent"); }
void UsageCounter::read_aloud() { count("read_aloud"); }
void UsageCounter::text_size_changed(int size) { count("text_size", "text_size:" + std::to_string(size)); }

void UsageCounter::flush() {
    if (unwritten_.empty()) return;
    if (!store_) {
        // Nowhere to keep them: memory holds the staff screen's week, no more.
        std::string oldest = sync::days_before(today_(), sync::k_usage_week_days);
        std::erase_if(unwritten_, [&](const auto& kv) { return kv.first < oldest; });
        return;
    }
    try {
        store_->add(centre_, unwritten_);
        unwritten_.clear();
        warned_ = false;
    } catch (const std::exception& e) {
        if (!warned_) std::cerr << "lantern-kiosk: usage figures not saved yet: " << e.what() << "\n";
        warned_ = true;
    }
}

std::map<std::string, std::int64_t> UsageCounter::totals(int days) const {
    std::string last = today_();
    std::string first = sync::days_before(last, days - 1);
    std::map<std::string, std::int64_t> out;
    if (store_) {
        try {
            out = store_->totals(first, last);
        } catch (const std::exception&) {
            // The staff screen shows what memory holds; the log has said why already (flush).
        }
    }
    for (const auto& [day, counts] : unwritten_)
        if (day >= first && day <= last)
            for (const auto& [name, n] : counts)
                if (sync::is_usage_total(name)) out[name] += n;
    return out;
}

}  // namespace lantern::kiosk
