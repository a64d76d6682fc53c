// The top bar every screen but attract shares: the way back, the way home, languages, and Quick exit.
#include "kiosk/ui/screens.h"

namespace lantern::kiosk::ui {

Area draw_chrome(Ui& ui, const ChromeView& view, Actions& actions) {
    ImVec2 screen = ImGui::GetIO().DisplaySize;
    if (!view.show_nav) return {ImVec2(0, 0), screen};
    const Theme& t = ui.theme;
    float bar = t.top_bar();
    float button_h = bar - 2 * t.gap() * 0.6f;
    float y = (bar - button_h) / 2;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, 0), ImVec2(screen.x, bar), t.palette.surface);
    ImGui::GetWindowDrawList()->AddLine(ImVec2(0, bar), ImVec2(screen.x, bar), t.palette.accent, 3.0f * t.scale);

    ImGui::SetCursorScreenPos(ImVec2(t.pad(), y));
    if (touch_button(ui, view.back, ImVec2(0, button_h), {ButtonKind::secondary}))
        actions.push_back({ActionKind::back});
    if (view.show_home) {
        ImGui::SameLine(0, t.gap());
        if (touch_button(ui, view.home, ImVec2(0, button_h), {ButtonKind::secondary}))
            actions.push_back({ActionKind::home});
    }

    // Right side, laid out from the right edge: Quick exit is always in the same place.
    float quick_w = text_width(ui.fonts.bold, view.quick_exit) + 3 * t.pad();
    float x = screen.x - t.pad() - quick_w;
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    if (touch_button(ui, view.quick_exit, ImVec2(quick_w, button_h), {ButtonKind::danger}))
        actions.push_back({ActionKind::quick_exit});
    for (auto it = view.languages.rbegin(); it != view.languages.rend() && view.languages.size() > 1; ++it) {
        float w = std::max(text_width(ui.fonts.bold, it->name) + 2 * t.pad(), t.touch_min());
        x -= t.gap() + w;
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        ButtonLook look{ButtonKind::secondary};
        look.selected = it->current;
        if (touch_button(ui, it->name + "##lang", ImVec2(w, button_h), look))
            actions.push_back({ActionKind::set_language, it->code});
    }
    return {ImVec2(0, bar), screen};
}

}  // namespace lantern::kiosk::ui
