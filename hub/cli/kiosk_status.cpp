// Formats the kiosks' heartbeats for `lantern kiosk status`.
#include "hub/cli/kiosk_status.h"

#include <algorithm>
#include <sstream>
#include <vector>

#include "sync/encoding.h"

namespace lantern::hub {

std::time_t parse_utc_iso(const std::string& iso) {
    if (!sync::is_utc_iso(iso)) return -1;
    std::tm tm{};
    tm.tm_year = std::stoi(iso.substr(0, 4)) - 1900;
    tm.tm_mon = std::stoi(iso.substr(5, 2)) - 1;
    tm.tm_mday = std::stoi(iso.substr(8, 2));
    tm.tm_hour = std::stoi(iso.substr(11, 2));
    tm.tm_min = std::stoi(iso.substr(14, 2));
    tm.tm_sec = std::stoi(iso.substr(17, 2));
    return timegm(&tm);
}

namespace {

// "120+20 s, en cy, 70%": the time before the idle question and its countdown, the languages offered (all of
// the pack's when none are named), the read-aloud volume. "-" for a kiosk too old to say.
std::string settings_text(const std::optional<sync::KioskSettings>& s) {
    if (!s) return "-";
    std::string langs;
    for (const auto& l : s->languages) langs += (langs.empty() ? "" : " ") + l;
    return std::to_string(s->idle_seconds) + "+" + std::to_string(s->countdown_seconds) + " s, " +
           (langs.empty() ? "all languages" : langs) + ", " + std::to_string(s->read_aloud_volume) + "%";
}

std::string ago(std::time_t then, std::time_t now) {
    if (then < 0) return "never";
    long s = static_cast<long>(now - then);
    if (s < 120) return "just now";
    if (s < 2L * 3600) return std::to_string(s / 60) + " min ago";
    if (s < 2L * 86400) return std::to_string(s / 3600) + " h ago";
    return std::to_string(s / 86400) + " days ago";
}

}  // namespace

std::string kiosk_status_table(const api::KiosksAnswer& kiosks, std::time_t now, int stale_minutes) {
    std::vector<std::vector<std::string>> rows = {
        {"", "kiosk", "last heard", "content", "notices", "waiting", "kept aside", "settings", "last problem"}};
    int needs_look = 0;
    for (const auto& k : kiosks.kiosks) {
        const sync::Heartbeat& hb = k.heartbeat;
        std::time_t heard = parse_utc_iso(k.received_at);
        std::string error = hb.last_error;
        if (error.empty()) error = hb.pack_fault;  // a kiosk that fell back to an older pack
        error = error.substr(0, 60);
        bool stale = heard < 0 || now - heard > static_cast<std::time_t>(stale_minutes) * 60;
        bool look = stale || hb.refused > 0 || !error.empty();
        needs_look += look;
        rows.push_back({look ? "!" : "", k.kiosk, ago(heard, now), hb.pack_version,
                        hb.notices_version > 0 ? std::to_string(hb.notices_version) : "-",
                        std::to_string(hb.outbox_depth), std::to_string(hb.refused), settings_text(hb.settings),
                        error.empty() ? "-" : error});
    }
    std::vector<std::size_t> width(rows[0].size(), 0);
    for (const auto& r : rows)
        for (std::size_t i = 0; i < r.size(); ++i) width[i] = std::max(width[i], r[i].size());
    std::ostringstream out;
    for (const auto& r : rows) {
        std::string line;
        for (std::size_t i = 0; i < r.size(); ++i)
            line += r[i] + std::string(i + 1 < r.size() ? width[i] - r[i].size() + 2 : 0, ' ');
        out << line << "\n";
    }
    if (kiosks.kiosks.empty()) out << "(no kiosk has sent a heartbeat yet)\n";
    else if (needs_look > 0)
        out << needs_look << " kiosk(s) marked ! need a look: not heard from for over " << stale_minutes
            << " minutes, referrals kept aside, or a problem.\n";
    return out.str();
}

}  // namespace lantern::hub
