// Staff times in local, human words: the kiosk's own time zone (TZ set here), today, yesterday, a date, Welsh.
#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <string>

#include "kiosk/views/human_time.h"

using lantern::kiosk::human_time;

namespace {

// Sets TZ for one test and puts the old one back after, so other tests keep the machine's zone.
struct ZoneFor {
    std::string old;
    bool had = false;
    explicit ZoneFor(const char* zone) {
        if (const char* z = std::getenv("TZ")) old = z, had = true;
        setenv("TZ", zone, 1);
        tzset();
    }
    ~ZoneFor() {
        if (had) setenv("TZ", old.c_str(), 1);
        else unsetenv("TZ");
        tzset();
    }
};

std::time_t utc(int y, int mo, int d, int h, int mi) {
    std::tm tm{};
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    return timegm(&tm);
}

}  // namespace

TEST_CASE("a time from today reads as today at the local clock time, in British summer time an hour on") {
    ZoneFor zone("Europe/London");
    std::time_t now = utc(2026, 7, 14, 15, 0);  // 16:00 in London
    CHECK(human_time("2026-07-14T13:28:05Z", now, "en") == "today at 14:28");
    CHECK(human_time("2026-07-14T13:28:05Z", now, "cy") == "heddiw am 14:28");
}

TEST_CASE("in winter local time is UTC in London, and yesterday is the day before by the local calendar") {
    ZoneFor zone("Europe/London");
    std::time_t now = utc(2026, 12, 1, 8, 0);
    CHECK(human_time("2026-12-01T00:05:00Z", now, "en") == "today at 00:05");
    CHECK(human_time("2026-11-30T09:05:00Z", now, "en") == "yesterday at 09:05");
    CHECK(human_time("2026-11-30T09:05:00Z", now, "cy") == "ddoe am 09:05");
}

TEST_CASE("the day is the kiosk's local day, not the UTC day") {
    // 23:30 UTC on 30 November is already 1 December in Berlin (UTC+1), and still 30 November in New York.
    {
        ZoneFor zone("Europe/Berlin");
        std::time_t now = utc(2026, 12, 1, 10, 0);
        CHECK(human_time("2026-11-30T23:30:00Z", now, "en") == "today at 00:30");
    }
    {
        ZoneFor zone("America/New_York");
        std::time_t now = utc(2026, 12, 1, 16, 0);  // 11:00 on 1 December in New York
        CHECK(human_time("2026-11-30T23:30:00Z", now, "en") == "yesterday at 18:30");
    }
}

TEST_CASE("older times give the day and month, with the year only when it is not this year") {
    ZoneFor zone("Europe/London");
    std::time_t now = utc(2026, 12, 10, 12, 0);
    CHECK(human_time("2026-12-03T10:00:00Z", now, "en") == "3 Dec at 10:00");
    CHECK(human_time("2026-12-03T10:00:00Z", now, "cy") == "3 Rhag am 10:00");
    CHECK(human_time("2026-02-28T17:45:00Z", now, "cy") == "28 Chwef am 17:45");
    CHECK(human_time("2025-12-03T10:00:00Z", now, "en") == "3 Dec 2025 at 10:00");
}

TEST_CASE("yesterday crosses a month and a year end") {
    ZoneFor zone("Europe/London");
    CHECK(human_time("2026-12-31T22:00:00Z", utc(2027, 1, 1, 9, 0), "en") == "yesterday at 22:00");
    CHECK(human_time("2026-02-28T22:00:00Z", utc(2026, 3, 1, 9, 0), "en") == "yesterday at 22:00");
}

TEST_CASE("a time that is not UTC ISO is shown as it came, never lost or crashed on") {
    ZoneFor zone("Europe/London");
    std::time_t now = utc(2026, 12, 1, 8, 0);
    CHECK(human_time("", now, "en").empty());
    CHECK(human_time("soon", now, "en") == "soon");
    CHECK(human_time("2026-13-45T99:99:99Z", now, "en") == "2026-13-45T99:99:99Z");
}
