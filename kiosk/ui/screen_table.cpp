// The kiosk's screens, one line each: the view model's builder and the drawer that shows it.
#include "kiosk/ui/screen_table.h"

#include <stdexcept>
#include <string>

#include "kiosk/views/family_views.h"
#include "kiosk/views/form_views.h"
#include "kiosk/views/search_views.h"
#include "kiosk/views/staff_views.h"
#include "kiosk/views/view_models.h"

namespace lantern::kiosk::ui {

std::map<Screen, ScreenSlot> make_screen_table() {
    // clang-format off
    std::map<Screen, ScreenSlot> table{
        {Screen::attract, screen_slot(build_attract, [](Frame& f, const AttractView& v) { return draw_attract(f.ui, v, f.area, f.hold, f.now, f.actions); })},
        {Screen::audience, screen_slot(build_audience, [](Frame& f, const AudienceView& v) { draw_audience(f.ui, v, f.area, f.actions); })},
        {Screen::topics, screen_slot(build_topics, [](Frame& f, const TopicsView& v) { draw_topics(f.ui, v, f.area, f.scroll, f.actions); })},
        {Screen::topic_pages, screen_slot(build_page_list, [](Frame& f, const PageListView& v) { draw_page_list(f.ui, v, f.area, f.scroll, f.actions); })},
        {Screen::page, screen_slot(build_page, [](Frame& f, const PageView& v) { return draw_page(f.ui, v, f.area, f.scroll, f.actions); })},
        {Screen::services, screen_slot(build_services, [](Frame& f, const ServicesView& v) { draw_services(f.ui, v, f.area, f.scroll, f.actions); })},
        {Screen::form_step, screen_slot(build_form_step, [](Frame& f, const FormStepView& v) { draw_form_step(f.ui, v, f.area, f.scroll, f.form, f.actions); })},
        {Screen::form_review, screen_slot(build_form_review, [](Frame& f, const FormReviewView& v) { draw_form_review(f.ui, v, f.area, f.scroll, f.actions); })},
        {Screen::form_done, screen_slot(build_form_done, [](Frame& f, const FormDoneView& v) { draw_form_done(f.ui, v, f.area, f.scroll, f.form, f.actions); })},
        {Screen::search, screen_slot(build_search, [](Frame& f, const SearchView& v) { draw_search(f.ui, v, f.area, f.scroll, f.actions); })},
        {Screen::family_services, screen_slot(build_family_services, [](Frame& f, const FamilyServicesView& v) { draw_family_services(f.ui, v, f.area, f.scroll, f.actions); })},
        {Screen::interest, screen_slot(build_interest, [](Frame& f, const InterestView& v) { draw_interest(f.ui, v, f.area, f.scroll, f.actions); })},
        {Screen::interest_done, screen_slot(build_interest_done, [](Frame& f, const InterestDoneView& v) { draw_interest_done(f.ui, v, f.area, f.actions); })},
        {Screen::staff_pin, screen_slot(build_staff_pin, [](Frame& f, const StaffPinView& v) { draw_staff_pin(f.ui, v, f.area, f.actions); })},
        {Screen::staff, screen_slot(build_staff, [](Frame& f, const StaffView& v) { draw_staff(f.ui, v, f.area, f.scroll, f.actions); })},
        {Screen::staff_settings, screen_slot(build_staff_settings, [](Frame& f, const StaffSettingsView& v) { draw_staff_settings(f.ui, v, f.area, f.scroll, f.actions); })},
    };
    // clang-format on
    // A Screen with no line here would fail the first time a visitor reached it; fail at start instead.
    if (static_cast<int>(table.size()) != k_screen_count)
        throw std::logic_error("the screen table has " + std::to_string(table.size()) + " screens of " +
                               std::to_string(k_screen_count));
    return table;
}

}  // namespace lantern::kiosk::ui
