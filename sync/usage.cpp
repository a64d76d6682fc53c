// The names usage counts may have, and one day's counts as JSON, checked strictly on the way in.
#include "sync/usage.h"

#include "sync/protocol.h"

namespace lantern::sync {

namespace {

constexpr std::string_view k_totals[] = {
    "visits",           "pages",        "searches_nothing", "search_nothing_unlisted",
    "quick_exits",      "idle_ends",    "form_started",     "form_review",
    "form_sent",        "read_aloud",   "text_size",        "family_services",
    "interest_started", "interest_sent"};

bool is_total_name(std::string_view key) {
    for (auto t : k_totals)
        if (key == t) return true;
    return false;
}

bool small_number(std::string_view s, int min, int max) {
    if (s.empty() || s.size() > 2) return false;
    int n = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        n = n * 10 + (c - '0');
    }
    return s[0] != '0' || s.size() == 1 ? n >= min && n <= max : false;
}

}  // namespace

bool is_valid_usage_slug(std::string_view s) {
    if (s.empty() || s.size() > 64) return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
    return true;
}

bool is_valid_search_words(std::string_view words) {
    if (words.empty() || words.size() > k_max_search_bytes) return false;
    std::size_t count = 1;
    bool after_space = true;
    for (unsigned char c : words) {
        if (c == ' ') {
            if (after_space) return false;  // leading or doubled space
            after_space = true;
            ++count;
            continue;
        }
        after_space = false;
        if (!((c >= 'a' && c <= 'z') || c >= 0x80)) return false;
    }
    return !after_space && count <= k_max_search_words;
}

bool is_usage_total(std::string_view key) { return is_total_name(key); }

bool is_valid_usage_key(std::string_view key) {
    if (is_total_name(key)) return true;
    auto colon = key.find(':');
    if (colon == std::string_view::npos) return false;
    std::string_view metric = key.substr(0, colon), detail = key.substr(colon + 1);
    if (metric == "visit") {
        auto second = detail.find(':');
        if (second == std::string_view::npos) return false;
        std::string_view lang = detail.substr(second + 1);
        return is_valid_audience(detail.substr(0, second)) && lang.size() >= 2 && lang.size() <= 8 &&
               is_valid_usage_slug(lang);
    }
    if (metric == "page") return is_valid_usage_slug(detail);
    if (metric == "search_nothing") return is_valid_search_words(detail);
    if (metric == "form_step") return small_number(detail, 1, 50);
    if (metric == "text_size") return small_number(detail, 0, 2);
    return false;
}

nlohmann::json to_json(const UsageDay& d) {
    return nlohmann::json{{"day", d.day}, {"centre", d.centre}, {"counts", d.counts}};
}

std::string parse_usage_day(const nlohmann::json& j, UsageDay& out) {
    if (!j.is_object()) return "a usage day must be an object";
    for (auto it = j.begin(); it != j.end(); ++it)
        if (it.key() != "day" && it.key() != "centre" && it.key() != "counts")
            return "a usage day has an unknown field";
    auto day = j.find("day");
    if (day == j.end() || !day->is_string() || !is_valid_date(day->get_ref<const std::string&>()))
        return "a usage day needs \"day\" as YYYY-MM-DD";
    auto centre = j.find("centre");
    if (centre == j.end() || !centre->is_string()) return "a usage day needs \"centre\"";
    const auto& c = centre->get_ref<const std::string&>();
    if (c.empty() || c.size() > 100) return "a usage day's \"centre\" must be 1-100 characters";
    for (unsigned char ch : c)
        if (ch < 0x20 || ch == 0x7f) return "a usage day's \"centre\" must be printable";
    auto counts = j.find("counts");
    if (counts == j.end() || !counts->is_object()) return "a usage day needs \"counts\" as an object";
    if (counts->size() > k_max_usage_keys_per_day) return "a usage day has too many counts";
    UsageDay d{day->get<std::string>(), c, {}};
    for (auto it = counts->begin(); it != counts->end(); ++it) {
        if (!is_valid_usage_key(it.key())) return "a usage count has a name that is not a usage name";
        if (!it->is_number_integer()) return "a usage count must be an integer";
        auto n = it->get<std::int64_t>();
        if (n < 0 || n > k_max_usage_count) return "a usage count is out of range";
        d.counts[it.key()] = n;
    }
    out = std::move(d);
    return "";
}

}  // namespace lantern::sync
