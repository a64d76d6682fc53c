// "Leave and clear your answers?": over the form, below the top bar (Quick exit stays in reach), two big buttons.
#include <algorithm>

#include "kiosk/ui/screens.h"

namespace lantern::kiosk::ui {

void draw_leave(Ui& ui, const LeaveView& view, Area area, Actions& actions) {
    if (!view.showing) return;
    const Theme& t = ui.theme;
    // A window of its own over the screen's area takes every touch there: nothing under it can be pressed.
    ImGui::SetNextWindowPos(area.min);
    ImGui::SetNextWindowSize(ImVec2(area.width(), area.height()));
    ImGui::Begin("leave", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoBackground |
                     ImGuiWindowFlags_NoSavedSettings);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(area.min, area.max, IM_COL32(0, 0, 0, 170));
    // The box grows with its words (the largest text size, longer Welsh); the buttons stack, so each keeps
    // the whole width for its label in portrait too.
    float width = std::min(t.dialog_width(), area.width() - 2 * t.pad());
    float inner = width - 4 * t.pad();
    float button_h = t.dialog_choice_height();
    auto height_of = [&](ImFont* f, const std::string& s) {
        return f->CalcTextSizeA(f->FontSize, FLT_MAX, inner, s.c_str()).y;
    };
    float words_h = height_of(ui.fonts.title, view.title) + t.gap() + height_of(ui.fonts.heading, view.body);
    ImVec2 size(width, 2 * t.pad() + words_h + 1.5f * t.gap() + 2 * button_h + t.gap() + 2 * t.pad());
    ImVec2 pos(area.min.x + (area.width() - size.x) / 2, area.min.y + std::max(0.0f, (area.height() - size.y) / 2));
    dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), t.palette.surface, t.radius());
    ImGui::SetCursorScreenPos(ImVec2(pos.x + 2 * t.pad(), pos.y + 2 * t.pad()));
    text_block(ui, view.title, ui.fonts.title, t.palette.text, inner);
    ImGui::SetCursorScreenPos(ImVec2(pos.x + 2 * t.pad(), ImGui::GetCursorScreenPos().y + t.gap()));
    text_block(ui, view.body, ui.fonts.heading, t.palette.text, inner);
    float buttons_y = pos.y + size.y - 2 * t.pad() - 2 * button_h - t.gap();
    // Staying is the first and the main button: a tap by mistake keeps her answers.
    ImGui::SetCursorScreenPos(ImVec2(pos.x + 2 * t.pad(), buttons_y));
    if (touch_button(ui, view.stay, ImVec2(inner, button_h), {ButtonKind::primary, ui.fonts.heading}))
        actions.push_back(LeaveStay{});
    ImGui::SetCursorScreenPos(ImVec2(pos.x + 2 * t.pad(), buttons_y + button_h + t.gap()));
    if (touch_button(ui, view.leave, ImVec2(inner, button_h), {ButtonKind::secondary, ui.fonts.heading}))
        actions.push_back(LeaveConfirm{});
    ImGui::End();
}

}  // namespace lantern::kiosk::ui
