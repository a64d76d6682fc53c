// The top bar every screen but attract shares: the way back, the way home, languages, and Quick exit.
#include "kiosk/ui/screens.h"

namespace lantern::kiosk::ui {

Area draw_chrome(Ui& ui, const ChromeView& view, Actions& actions) {
    ImVec2 screen = ImGui::GetIO().DisplaySize;
    if (!view.show_nav) return {ImVec2(0, 0), screen};
    const Theme& t = ui.theme;
    // Children's themes have bigger touch targets than the bar's usual height: the bar grows to hold them.
    float button_h = std::max(t.top_bar() - 2 * t.gap() * 0.6f, t.touch_min());
    float row = button_h + 2 * t.gap() * 0.6f;
    float inset = (row - button_h) / 2;
    auto label_w = [&](const std::string& label) {
        return std::max(text_width(ui.fonts.bold, label) + 2 * t.pad(), t.touch_min());
    };

    // Measure first: on a narrow (portrait) screen the settings move to a second row instead of sliding
    // under Back, where a finger meant for one button would press another.
    float left_w = label_w(view.back) + (view.show_home ? t.gap() + label_w(view.home) : 0) +
                   (view.show_read_aloud ? t.gap() + label_w(view.read_aloud) : 0);
    float quick_w = text_width(ui.fonts.bold, view.quick_exit) + 3 * t.pad();
    float settings_w = label_w(view.text_size) + label_w(view.contrast) + 2 * t.gap();
    bool languages = view.languages.size() > 1;
    if (languages)
        for (const auto& l : view.languages) settings_w += label_w(l.name) + t.gap();
    bool two_rows = t.pad() + left_w + t.gap() + settings_w + quick_w + t.pad() > screen.x;
    float bar = two_rows ? 2 * row : row;
    // A row of its own can still be too wide (portrait, the largest text, long Welsh words): the settings
    // buttons then share the width, and their labels shrink to fit rather than run off the screen.
    int settings_n = 2 + (languages ? static_cast<int>(view.languages.size()) : 0);
    float settings_room = screen.x - 2 * t.pad() - static_cast<float>(settings_n) * t.gap();
    float settings_buttons = settings_w - static_cast<float>(settings_n) * t.gap();
    float squeeze = two_rows && settings_buttons > settings_room ? settings_room / settings_buttons : 1.0f;
    auto setting_w = [&](const std::string& label) { return std::max(label_w(label) * squeeze, t.touch_min()); };

    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, 0), ImVec2(screen.x, bar), t.palette.surface);
    ImGui::GetWindowDrawList()->AddLine(ImVec2(0, bar), ImVec2(screen.x, bar), t.palette.accent, 3.0f * t.scale);

    ImGui::SetCursorScreenPos(ImVec2(t.pad(), inset));
    if (touch_button(ui, view.back, ImVec2(0, button_h), {ButtonKind::secondary})) actions.push_back(Back{});
    if (view.show_home) {
        ImGui::SameLine(0, t.gap());
        if (touch_button(ui, view.home, ImVec2(0, button_h), {ButtonKind::secondary})) actions.push_back(Home{});
    }

    if (view.show_read_aloud) {
        ImGui::SameLine(0, t.gap());
        if (touch_button(ui, view.read_aloud, ImVec2(0, button_h), {ButtonKind::secondary}))
            actions.push_back(ReadAloud{view.words.text, view.words.lang});
    }

    // Right side, laid out from the right edge: Quick exit is always in the same place.
    float x = screen.x - t.pad() - quick_w;
    ImGui::SetCursorScreenPos(ImVec2(x, inset));
    if (touch_button(ui, view.quick_exit, ImVec2(quick_w, button_h), {ButtonKind::danger}))
        actions.push_back(QuickExit{});
    float y = inset;
    if (two_rows) {
        x = screen.x - t.pad() + t.gap();
        y = row + inset;
    }
    for (auto it = view.languages.rbegin(); it != view.languages.rend() && languages; ++it) {
        float w = setting_w(it->name);
        x -= t.gap() + w;
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        ButtonLook look{ButtonKind::secondary};
        look.selected = it->current;
        if (touch_button(ui, it->name + "##lang", ImVec2(w, button_h), look)) actions.push_back(SetLanguage{it->code});
    }
    for (auto [label, action] :
         {std::pair{&view.contrast, Action{ToggleContrast{}}}, std::pair{&view.text_size, Action{CycleTextSize{}}}}) {
        float w = setting_w(*label);
        x -= t.gap() + w;
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        if (touch_button(ui, *label, ImVec2(w, button_h), {ButtonKind::secondary})) actions.push_back(action);
    }
    return {ImVec2(0, bar), screen};
}

}  // namespace lantern::kiosk::ui
