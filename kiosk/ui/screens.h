// One draw function per screen: each reads its view model and emits actions, nothing more.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "kiosk/app/actions.h"
#include "kiosk/ui/ui.h"
#include "kiosk/views/family_views.h"
#include "kiosk/views/form_views.h"
#include "kiosk/views/search_views.h"
#include "kiosk/views/staff_views.h"
#include "kiosk/views/view_models.h"

namespace lantern::kiosk::ui {

// Top bar: Back and Home on the left, languages and Quick exit on the right. Returns the area below it, the
// area a screen may fill.
Area draw_chrome(Ui& ui, const ChromeView& view, Actions& actions);
// How long the attract screen's top-left corner has been held (staff mode opens after k_seconds).
struct StaffHold {
    static constexpr double k_seconds = 3;
    double started = -1;
};
// Returns true while the staff corner is held.
bool draw_attract(Ui& ui, const AttractView& view, Area area, StaffHold& hold, double now, Actions& actions);
void draw_audience(Ui& ui, const AudienceView& view, Area area, Actions& actions);
void draw_topics(Ui& ui, const TopicsView& view, Area area, TouchScroll& scroll, Actions& actions);
void draw_page_list(Ui& ui, const PageListView& view, Area area, TouchScroll& scroll, Actions& actions);
// Returns true while the page is still moving (inertia), so the frame loop keeps drawing.
bool draw_page(Ui& ui, const PageView& view, Area area, TouchScroll& scroll, Actions& actions);
void draw_services(Ui& ui, const ServicesView& view, Area area, TouchScroll& scroll, Actions& actions);
void draw_idle(Ui& ui, const IdleView& view, Actions& actions);
// "Leave and clear your answers?" over `area` (the top bar, with Quick exit, stays uncovered).
void draw_leave(Ui& ui, const LeaveView& view, Area area, Actions& actions);
// Today's notices stacked from `pos` across `width`; leaves the cursor below the last one.
void draw_notices(Ui& ui, const std::vector<std::string>& notices, ImVec2 pos, float width);

// The on-screen keyboard across the bottom of `area`; each key emits a Key, which the App gives to the box
// with focus. A notice (a refused key) shows above the keys. Returns the part of `area` left above it.
Area draw_keyboard(Ui& ui, const std::vector<std::vector<KeyView>>& keys, Area area, const std::string& notice,
                   Actions& actions);
// The height draw_keyboard takes for these keys and notice (0 with no keys).
// `area_width`: the width of the area it is drawn across (a narrow screen takes more rows); `max_height`: the
// height it may take (draw_keyboard's area), over which its lines close up.
float keyboard_height(const Ui& ui, const std::vector<std::vector<KeyView>>& keys, const std::string& notice,
                      float area_width, float max_height = FLT_MAX);
// A text box the kiosk's keyboard types into: the value, a caret when focused, the placeholder when empty.
// Registered by `label`; returns true when tapped (the caller emits the focus action).
bool text_field(Ui& ui, const std::string& label, std::string_view value, const std::string& placeholder, bool focused,
                bool multiline, bool has_error, float width);
// A physical keyboard's characters (Type), Backspace and Enter (Key), for the box with focus.
void physical_typing(bool multiline, Actions& actions);

// The form screens keep across frames: which focused field was last scrolled into view, how far the helplines
// panel is scrolled when it is too tall to show whole, and what the step showed last frame (its notes,
// questions and errors), so what a choice or Next newly shows is scrolled into sight once.
struct FormUiState {
    std::string scrolled_to;
    TouchScroll helplines_scroll;
    std::string seen_step;
    std::vector<std::string> seen;
    std::map<std::string, std::string> answers;  // each choice's picked options, to see which one just changed
};
void draw_form_step(Ui& ui, const FormStepView& view, Area area, TouchScroll& scroll, FormUiState& state,
                    Actions& actions);
void draw_form_review(Ui& ui, const FormReviewView& view, Area area, TouchScroll& scroll, Actions& actions);
void draw_form_done(Ui& ui, const FormDoneView& view, Area area, TouchScroll& scroll, FormUiState& state,
                    Actions& actions);
void draw_search(Ui& ui, const SearchView& view, Area area, TouchScroll& scroll, Actions& actions);
void draw_family_services(Ui& ui, const FamilyServicesView& view, Area area, TouchScroll& scroll, Actions& actions);
void draw_interest(Ui& ui, const InterestView& view, Area area, TouchScroll& scroll, Actions& actions);
void draw_interest_done(Ui& ui, const InterestDoneView& view, Area area, Actions& actions);
void draw_staff_pin(Ui& ui, const StaffPinView& view, Area area, Actions& actions);
void draw_staff(Ui& ui, const StaffView& view, Area area, TouchScroll& scroll, Actions& actions);
void draw_staff_settings(Ui& ui, const StaffSettingsView& view, Area area, TouchScroll& scroll, Actions& actions);

}  // namespace lantern::kiosk::ui
