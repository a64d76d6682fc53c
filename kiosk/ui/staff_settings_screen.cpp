// Staff mode's kiosk settings: idle and countdown times, the read-aloud volume, the languages offered.
#include "kiosk/ui/screens.h"

namespace lantern::kiosk::ui {

void draw_staff_settings(Ui& ui, const StaffSettingsView& view, Area area, TouchScroll& scroll, Actions& actions) {
    const Theme& t = ui.theme;
    const Palette& p = t.palette;
    float full = area.width() - 4 * t.pad();
    // Landscape: the times and volume on the left, the languages on the right, so all of it fits unscrolled.
    bool two_columns = area.width() > area.height();
    float width = two_columns ? (full - 2 * t.pad()) / 2 : full;
    float left_x = area.min.x + 2 * t.pad();
    float x = left_x;
    ImGui::SetCursorScreenPos(ImVec2(area.min.x + t.pad(), area.min.y));
    ImGui::BeginChild("staff_settings", ImVec2(area.width() - t.pad(), area.height()), false,
                      ImGuiWindowFlags_NoBackground);
    scroll.update();
    auto next = [&](float k) { ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + t.gap() * k)); };
    next(0.6f);
    text_block(ui, view.title, ui.fonts.title, p.text, full);
    next(0.2f);
    text_block(ui, view.intro, ui.fonts.body, p.muted_text, full);
    if (!view.message.empty()) {
        next(0.3f);
        text_block(ui, view.message, ui.fonts.bold, view.problem ? p.danger : p.accent, full);
    }
    float columns_top = ImGui::GetCursorScreenPos().y;
    for (const auto& row : view.rows) {
        next(0.8f);
        text_block(ui, row.label, ui.fonts.heading, p.text, width);
        next(0.2f);
        // The value between its two buttons, so the number staff change sits where they tap.
        if (touch_button(ui, row.lower, ImVec2(0, 0), {row.can_lower ? ButtonKind::secondary : ButtonKind::plain}) &&
            row.can_lower)
            actions.push_back(StaffStepSetting{row.which, -1});
        ImGui::SameLine(0, t.gap());
        float button_h = t.touch_min();
        ImVec2 at = ImGui::GetCursorScreenPos();
        float value_w = text_width(ui.fonts.title, "000 s") + t.gap();
        ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + (button_h - ui.fonts.title->FontSize) / 2));
        text_block(ui, row.value, ui.fonts.title, p.text, value_w);
        ImGui::SetCursorScreenPos(ImVec2(at.x + value_w, at.y));
        if (touch_button(ui, row.raise, ImVec2(0, 0), {row.can_raise ? ButtonKind::secondary : ButtonKind::plain}) &&
            row.can_raise)
            actions.push_back(StaffStepSetting{row.which, 1});
        next(0.1f);
        text_block(ui, row.range, ui.fonts.body, p.muted_text, width);
    }
    float left_bottom = ImGui::GetCursorScreenPos().y;
    if (two_columns) {
        x = left_x + width + 2 * t.pad();
        ImGui::SetCursorScreenPos(ImVec2(x, columns_top));
    }
    next(0.8f);
    text_block(ui, view.languages_title, ui.fonts.heading, p.text, width);
    for (const auto& lang : view.languages) {
        next(0.3f);
        if (lang.fixed) {
            text_block(ui, lang.label, ui.fonts.body, p.text, width);
            continue;
        }
        ButtonLook look{ButtonKind::secondary};
        look.selected = lang.offered;
        if (touch_button(ui, lang.label, ImVec2(0, 0), look)) actions.push_back(StaffToggleLanguage{lang.code});
    }
    ImGui::SetCursorScreenPos(ImVec2(left_x, std::max(left_bottom, ImGui::GetCursorScreenPos().y) + t.pad()));
    ImGui::Dummy(ImVec2(0, 0));
    ImGui::EndChild();
}

}  // namespace lantern::kiosk::ui
