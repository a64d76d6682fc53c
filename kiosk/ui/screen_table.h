// Every screen of the kiosk in one table: how its view model is built and how it is drawn. Adding a screen is
// a Screen value (kiosk/app/app.h), its view model, its drawer, and one line in screen_table.cpp.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <type_traits>

#include "kiosk/app/app.h"
#include "kiosk/views/kept_views.h"
#include "kiosk/ui/screens.h"

namespace lantern::kiosk::ui {

// What a screen is drawn with besides its own view model: the frame's shared state.
struct Frame {
    Ui& ui;
    Area area;
    TouchScroll& scroll;
    FormUiState& form;
    StaffHold& hold;
    double now;
    Actions& actions;
};

// One screen: its view model, kept between frames while it shows (kept_views.h), and how it is drawn.
struct ScreenSlot {
    KeptSlot kept;
    std::function<bool(Frame&)> draw;  // true while the screen animates (the loop keeps drawing)
};

// A slot from a builder and a drawer taking the frame and the view model the builder made; a drawer returns
// void (never animates) or bool.
template <class Build, class Draw>
ScreenSlot screen_slot(Build build, Draw draw) {
    using View = std::decay_t<decltype(build_view(build, std::declval<const App&>(), 0.0))>;
    auto view = std::make_shared<View>();
    return {kept_slot(build, view), [view, draw](Frame& f) {
                if constexpr (std::is_same_v<decltype(draw(f, *view)), bool>) {
                    return draw(f, *view);
                } else {
                    draw(f, *view);
                    return false;
                }
            }};
}

// The table: one slot for every Screen value (a test checks none is missing).
std::map<Screen, ScreenSlot> make_screen_table();

}  // namespace lantern::kiosk::ui
