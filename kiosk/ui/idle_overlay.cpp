// "Are you still there?": a dimmed screen, the countdown, and one big button.
#include <algorithm>

#include "kiosk/ui/screens.h"

namespace lantern::kiosk::ui {

void draw_idle(Ui& ui, const IdleView& view, Actions& actions) {
    if (!view.showing) return;
    const Theme& t = ui.theme;
    ImVec2 screen = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(screen);
    ImGui::Begin("idle", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoBackground |
                     ImGuiWindowFlags_NoSavedSettings);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, 0), screen, IM_COL32(0, 0, 0, 170));
    // The box grows with its words (the largest text size, longer Welsh), so the countdown is never covered
    // by the button below it.
    float width = std::min(t.dialog_width(), screen.x - 2 * t.pad());
    float inner = width - 4 * t.pad();
    float button_h = t.dialog_button_height();
    auto height_of = [&](ImFont* f, const std::string& s) {
        return f->CalcTextSizeA(f->FontSize, FLT_MAX, inner, s.c_str()).y;
    };
    float words_h = height_of(ui.fonts.title, view.title) + t.gap() + height_of(ui.fonts.heading, view.body);
    ImVec2 size(width,
                std::max(t.dialog_min_height(), 2 * t.pad() + words_h + 1.5f * t.gap() + button_h + 2 * t.pad()));
    ImVec2 pos((screen.x - size.x) / 2, std::max(0.0f, (screen.y - size.y) / 2));
    dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), t.palette.surface, t.radius());
    ImGui::SetCursorScreenPos(ImVec2(pos.x + 2 * t.pad(), pos.y + 2 * t.pad()));
    text_block(ui, view.title, ui.fonts.title, t.palette.text, inner);
    ImGui::SetCursorScreenPos(ImVec2(pos.x + 2 * t.pad(), ImGui::GetCursorScreenPos().y + t.gap()));
    text_block(ui, view.body, ui.fonts.heading, t.palette.text, inner);
    ImGui::SetCursorScreenPos(ImVec2(pos.x + 2 * t.pad(), pos.y + size.y - 2 * t.pad() - button_h));
    if (touch_button(ui, view.button, ImVec2(inner, button_h), {ButtonKind::primary, ui.fonts.title}))
        actions.push_back(StillHere{});
    ImGui::End();
}

}  // namespace lantern::kiosk::ui
