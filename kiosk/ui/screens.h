// One draw function per screen: each reads its view model and emits actions, nothing more.
#pragma once

#include "kiosk/actions.h"
#include "kiosk/ui/ui.h"
#include "kiosk/view_models.h"

namespace lantern::kiosk::ui {

// The area under the top bar that a screen may fill.
struct Area {
    ImVec2 min, max;
    float width() const { return max.x - min.x; }
    float height() const { return max.y - min.y; }
};

// Top bar: Back and Home on the left, languages and Quick exit on the right. Returns the area below it.
Area draw_chrome(Ui& ui, const ChromeView& view, Actions& actions);
void draw_attract(Ui& ui, const AttractView& view, Area area, Actions& actions);
void draw_audience(Ui& ui, const AudienceView& view, Area area, Actions& actions);
void draw_topics(Ui& ui, const TopicsView& view, Area area, Actions& actions);
void draw_page_list(Ui& ui, const PageListView& view, Area area, TouchScroll& scroll, Actions& actions);
// Returns true while the page is still moving (inertia), so the frame loop keeps drawing.
bool draw_page(Ui& ui, const PageView& view, Area area, TouchScroll& scroll, Actions& actions);
void draw_services(Ui& ui, const ServicesView& view, Area area, TouchScroll& scroll, Actions& actions);
void draw_idle(Ui& ui, const IdleView& view, Actions& actions);
// Today's notices stacked from `pos` across `width`; leaves the cursor below the last one.
void draw_notices(Ui& ui, const std::vector<std::string>& notices, ImVec2 pos, float width);

}  // namespace lantern::kiosk::ui
