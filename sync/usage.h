// Anonymous usage figures as kiosk and hub share them: one day's counts, the names they may have, their limits.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace lantern::sync {

// One day of one kiosk, by the kiosk's local date. Counts only: no time finer than the day, nothing of a visit.
struct UsageDay {
    std::string day;     // YYYY-MM-DD
    std::string centre;  // the kiosk's centre that day (1..100 printable characters)
    std::map<std::string, std::int64_t> counts;
    bool operator==(const UsageDay&) const = default;
};

// Limits the hub holds a heartbeat to; the kiosk stays within them (it never sends what would be refused).
inline constexpr std::size_t k_max_usage_days_per_heartbeat = 7;
inline constexpr std::size_t k_max_usage_keys_per_day = 300;
inline constexpr std::int64_t k_max_usage_count = 1'000'000;
// A search's words as stored: at most this many words and bytes.
inline constexpr std::size_t k_max_search_words = 4;
inline constexpr std::size_t k_max_search_bytes = 60;

// The names a count may have. A name is a metric, or a metric and its detail after ':'; only these:
//   visits                     visits started
//   visit:<audience>:<lang>    visits by audience and language (counted once a visit, at the audience chosen)
//   pages, page:<page id>      pages read (a page id from the pack)
//   searches_nothing           searches that found nothing, of which
//   search_nothing:<words>       those whose every word is in the pack's vocabulary (letters and spaces only)
//   search_nothing_unlisted      the others: counted, never their words
//   quick_exits, idle_ends     visits ended by Quick exit, or by the idle timeout
//   form_started, form_step:<n>, form_review, form_sent   the form's funnel (n from 1)
//   family_services            "Family services here" opened (once a visit)
//   interest_started, interest_sent   "I'm interested" tapped on a family service, and its request sent
//   read_aloud                 read-aloud started
//   text_size, text_size:<0|1|2>   text size changes, and the size chosen
// A total (a name without ':') is what the staff screen adds up; the detail names go once the hub has them.
bool is_valid_usage_key(std::string_view key);
// True for a total, kept on the kiosk for the staff screen's week after the hub has the day.
bool is_usage_total(std::string_view key);
// A search's words as a detail ("council tax"): 1..k_max_search_words words of lower-case letters (ASCII a-z
// or any non-ASCII letter's bytes), single spaces, at most k_max_search_bytes. No digits or signs: a phone
// number, an email address or a reference can never be one.
bool is_valid_search_words(std::string_view words);
// A page id or language code as a detail: [a-z0-9_-], 1..64.
bool is_valid_usage_slug(std::string_view s);

nlohmann::json to_json(const UsageDay& d);
// Strict: only day, centre and counts; names checked, counts 0..k_max_usage_count, at most
// k_max_usage_keys_per_day names. Empty on success, else what is wrong (never echoing a name).
std::string parse_usage_day(const nlohmann::json& j, UsageDay& out);

}  // namespace lantern::sync
