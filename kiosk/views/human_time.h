// A moment from the sync worker (UTC ISO) said as staff would say it, in the kiosk's own time zone.
#pragma once

#include <ctime>
#include <string>
#include <string_view>

namespace lantern::kiosk {

// "today at 14:28", "yesterday at 09:05", "3 Dec at 10:00", "3 Dec 2025 at 10:00" (another year), in
// local time (the TZ the kiosk runs in) as seen at `now`; in Welsh "heddiw am 14:28", "ddoe am 09:05",
// "3 Rhag am 10:00". Words come from the strings table. Text that is not "YYYY-MM-DDTHH:MM:SSZ" is
// returned as it came, so a surprise still shows rather than vanishing.
std::string human_time(std::string_view utc_iso, std::time_t now, std::string_view lang);

}  // namespace lantern::kiosk
