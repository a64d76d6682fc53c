// What the view models are built from, boiled down to numbers: the kiosk rebuilds them when any of these
// changes, whichever thread changed it, and not on any other frame.
#pragma once

#include <cstdint>

#include "kiosk/app/app.h"

namespace lantern::kiosk {

struct ViewInputs {
    int app_revision = -1;              // App::revision(): every action and timer the App handles
    std::uint64_t status_revision = 0;  // on a staff screen, the desk's status snapshot (sync worker, USB import)
    int seconds_locked = 0;             // on the PIN pad, the lockout's countdown, second by second
    std::uint64_t notices = 0;          // the staff desk's notices revision: a new hub document, a new day
    bool voice = false;                 // the speaker learns whether it has a sound device after the first frames

    bool operator==(const ViewInputs&) const = default;
};

ViewInputs view_inputs(const App& app, double now);

}  // namespace lantern::kiosk
