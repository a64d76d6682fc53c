// Reads the inputs of the view models from the App and, on staff screens, the staff desk's snapshot.
#include "kiosk/views/view_inputs.h"

namespace lantern::kiosk {

ViewInputs view_inputs(const App& app, double now) {
    ViewInputs in;
    // The status revision first: read before the views are, so a change made meanwhile is seen next frame.
    if (app.screen() == Screen::staff && app.staff_desk()) in.status_revision = app.staff_desk()->status_revision();
    if (app.screen() == Screen::staff_pin) in.seconds_locked = app.staff_seconds_locked(now);
    if (app.staff_desk() && app.screen() != Screen::staff) in.notices = app.staff_desk()->notices_revision();
    in.app_revision = app.revision();
    in.voice = app.has_voice();
    return in;
}

}  // namespace lantern::kiosk
