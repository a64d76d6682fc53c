// `lantern kiosk status`: every kiosk's last heartbeat as a table the support team can scan, with the
// kiosks that need a look (silent for too long, referrals kept aside, an error) marked.
#pragma once

#include <ctime>
#include <string>

#include "hub/shared/admin_api.h"

namespace lantern::hub {

// `kiosks` is the hub's GET /api/v1/kiosks answer; `now` the current time. A kiosk heard from more than
// `stale_minutes` ago is marked, as is one with referrals kept aside or a last error.
std::string kiosk_status_table(const api::KiosksAnswer& kiosks, std::time_t now, int stale_minutes = 60);

// "2026-11-30T10:00:00Z" -> seconds since the epoch; -1 if it is not that shape.
std::time_t parse_utc_iso(const std::string& iso);

}  // namespace lantern::hub
