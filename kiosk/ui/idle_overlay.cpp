// "Are you still there?": a dimmed screen, the countdown, and one big button.
#include "kiosk/ui/screens.h"

namespace lantern::kiosk::ui {

void draw_idle(Ui& ui, const IdleView& view, Actions& actions) {
    if (!view.showing) return;
    const Theme& t = ui.theme;
    ImVec2 screen = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(screen);
    ImGui::Begin("idle", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                      ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoSavedSettings);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, 0), screen, IM_COL32(0, 0, 0, 170));
    ImVec2 size(1000 * t.scale, 560 * t.scale);
    ImVec2 pos((screen.x - size.x) / 2, (screen.y - size.y) / 2);
    dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), t.palette.surface, t.radius());
    float inner = size.x - 4 * t.pad();
    ImGui::SetCursorScreenPos(ImVec2(pos.x + 2 * t.pad(), pos.y + 2 * t.pad()));
    text_block(ui, view.title, ui.fonts.title, t.palette.text, inner);
    ImGui::SetCursorScreenPos(ImVec2(pos.x + 2 * t.pad(), ImGui::GetCursorScreenPos().y + t.gap()));
    text_block(ui, view.body, ui.fonts.heading, t.palette.text, inner);
    ImGui::SetCursorScreenPos(ImVec2(pos.x + 2 * t.pad(), pos.y + size.y - 2 * t.pad() - 150 * t.scale));
    if (touch_button(ui, view.button, ImVec2(inner, 150 * t.scale), {ButtonKind::primary, ui.fonts.title}))
        actions.push_back({ActionKind::still_here});
    ImGui::End();
}

}  // namespace lantern::kiosk::ui
