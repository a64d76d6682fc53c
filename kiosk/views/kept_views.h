// The view models the frame loop keeps between frames, one slot a screen. Only the screen showing keeps one:
// every other slot is emptied when the loop rebuilds (a view's SecretTexts wipe themselves), so what a visitor
// typed on a screen goes as she leaves it, not when the next visitor happens to open that screen.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <type_traits>

#include "kiosk/app/app.h"

namespace lantern::kiosk {

// Builds a view model with `build_x(app)` or, for a screen that counts down, `build_x(app, now)`.
template <class Build>
auto build_view(const Build& build, const App& app, double now) {
    if constexpr (std::is_invocable_v<Build, const App&>) return build(app);
    else return build(app, now);
}

struct KeptSlot {
    std::function<void(const App&, double now)> rebuild;
    std::function<void()> clear;
};

// A slot keeping what `build` makes in `*view` (shared with whoever draws it).
template <class Build, class View>
KeptSlot kept_slot(Build build, std::shared_ptr<View> view) {
    return {[view, build](const App& app, double now) { *view = build_view(build, app, now); },
            [view] { *view = View{}; }};
}

// The loop's one rule: rebuild the screen showing, empty every other.
template <class Slot>
void rebuild_showing(std::map<Screen, Slot>& slots, const App& app, double now) {
    for (auto& [screen, slot] : slots)
        if (screen != app.screen()) slot.kept.clear();
    slots.at(app.screen()).kept.rebuild(app, now);
}

}  // namespace lantern::kiosk
