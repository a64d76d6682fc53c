// Staff times in words: the UTC the sync worker keeps, turned into the local day and clock time.
#include "kiosk/views/human_time.h"

#include <array>
#include <cstdio>

#include "kiosk/views/strings.h"
#include "sync/encoding.h"

namespace lantern::kiosk {
namespace {

std::string replace(std::string text, std::string_view from, const std::string& to) {
    auto at = text.find(from);
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return text;
}

// Days since 1970-01-01 of a local calendar date, so "yesterday" is one day back across months and years.
long day_number(const std::tm& tm) {
    std::tm noon{};
    noon.tm_year = tm.tm_year;
    noon.tm_mon = tm.tm_mon;
    noon.tm_mday = tm.tm_mday;
    noon.tm_hour = 12;  // midday: a daylight-saving change never moves it to another date
    return static_cast<long>(timegm(&noon) / 86400);
}

}  // namespace

std::string human_time(std::string_view utc_iso, std::time_t now, std::string_view lang) {
    if (!sync::is_utc_iso(utc_iso)) return std::string(utc_iso);
    std::tm utc{};
    std::string text(utc_iso);
    if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2dZ", &utc.tm_year, &utc.tm_mon, &utc.tm_mday, &utc.tm_hour,
                    &utc.tm_min, &utc.tm_sec) != 6 ||
        utc.tm_mon < 1 || utc.tm_mon > 12 || utc.tm_mday < 1 || utc.tm_mday > 31 || utc.tm_hour > 23 ||
        utc.tm_min > 59 || utc.tm_sec > 60)
        return text;
    utc.tm_year -= 1900;
    utc.tm_mon -= 1;
    std::time_t when = timegm(&utc);
    std::tm local{}, today{};
    localtime_r(&when, &local);
    localtime_r(&now, &today);

    std::array<char, 8> clock{};
    std::snprintf(clock.data(), clock.size(), "%02d:%02d", local.tm_hour, local.tm_min);
    long days_ago = day_number(today) - day_number(local);
    std::string words;
    if (days_ago == 0) {
        words = tr("time.today_at", lang);
    } else if (days_ago == 1) {
        words = tr("time.yesterday_at", lang);
    } else {
        std::string date =
            std::to_string(local.tm_mday) + " " + tr("time.month." + std::to_string(local.tm_mon + 1), lang);
        if (local.tm_year != today.tm_year) date += " " + std::to_string(local.tm_year + 1900);
        words = replace(tr("time.date_at", lang), "{date}", date);
    }
    return replace(words, "{time}", clock.data());
}

}  // namespace lantern::kiosk
