// The attract screen: a welcome in every language and one big invitation to touch.
#include <algorithm>
#include <string>
#include <vector>

#include "kiosk/ui/attract_layout.h"
#include "kiosk/ui/screens.h"

namespace lantern::kiosk::ui {

bool draw_attract(Ui& ui, const AttractView& view, Area area, StaffHold& hold, double now, Actions& actions) {
    const Theme& t = ui.theme;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // Today's notices first: the lantern makes room for them.
    float notices_bottom = area.min.y;
    if (!view.notices.empty()) {
        float w = std::min(area.width() - 4 * t.pad(), t.banner_width());
        draw_notices(ui, view.notices, ImVec2(area.min.x + (area.width() - w) / 2, area.min.y + t.pad()), w);
        notices_bottom = ImGui::GetCursorScreenPos().y;
    }
    float welcome_y = area.min.y + area.height() * 0.46f;
    LanternPlace place = place_lantern(area.min.y, area.max.y, notices_bottom, welcome_y, t.scale, t.gap());
    // A soft lantern glow: simple shapes, drawn once, no animation (an idle kiosk should sleep).
    ImVec2 c(area.min.x + area.width() / 2, place.centre_y);
    float u = t.scale * place.size;
    dl->AddCircleFilled(c, 150 * u, t.palette.tiles[2], 64);
    dl->AddCircleFilled(c, 95 * u, t.palette.notice, 64);
    dl->AddCircle(ImVec2(c.x, c.y - 62 * u), 20 * u, t.palette.accent, 32, 7 * u);  // the handle
    dl->AddRectFilled(ImVec2(c.x - 38 * u, c.y - 52 * u), ImVec2(c.x + 38 * u, c.y - 34 * u), t.palette.accent, 8 * u);
    dl->AddRectFilled(ImVec2(c.x - 30 * u, c.y - 36 * u), ImVec2(c.x + 30 * u, c.y + 42 * u), t.palette.accent, 10 * u);
    dl->AddRectFilled(ImVec2(c.x - 20 * u, c.y - 26 * u), ImVec2(c.x + 20 * u, c.y + 32 * u), t.palette.surface, 8 * u);
    dl->AddCircleFilled(ImVec2(c.x, c.y + 14 * u), 11 * u, t.palette.focus, 24);  // the flame
    dl->AddTriangleFilled(ImVec2(c.x - 10 * u, c.y + 10 * u), ImVec2(c.x + 10 * u, c.y + 10 * u),
                          ImVec2(c.x, c.y - 14 * u), t.palette.focus);
    dl->AddRectFilled(ImVec2(c.x - 42 * u, c.y + 40 * u), ImVec2(c.x + 42 * u, c.y + 58 * u), t.palette.accent, 8 * u);

    float y = welcome_y;
    // "Welcome · Croeso" on one line when it fits; otherwise one language a line (portrait, a large text size,
    // a third language), and a word wider than the screen is drawn smaller rather than run off its sides.
    // Each welcome starts the visit in its own language when touched.
    float avail = area.width() - 2 * t.pad();
    const std::string dot = "  \xC2\xB7  ";
    std::vector<std::vector<StartChoice>> lines{view.welcomes};
    std::string one_line;
    for (const auto& w : view.welcomes) one_line += (one_line.empty() ? "" : dot) + w.words;
    if (text_width(ui.fonts.huge, one_line) > avail) {
        lines.clear();
        for (const auto& w : view.welcomes) lines.push_back({w});
    }
    ImFont* huge = ui.fonts.huge;
    for (const auto& line : lines) {
        std::string words;
        for (const auto& w : line) words += (words.empty() ? "" : dot) + w.words;
        float lw = text_width(huge, words);
        float size = huge->FontSize * std::min(1.0f, avail / std::max(1.0f, lw));
        float k = size / huge->FontSize;
        ImVec2 at(c.x - lw * k / 2, y);
        ImGui::GetWindowDrawList()->AddText(huge, size, at, t.palette.text, words.c_str());
        ui.hits.add(words, at, ImVec2(at.x + lw * k, at.y + size), false);
        float x = at.x;
        for (std::size_t i = 0; i < line.size(); ++i) {
            float ww = text_width(huge, line[i].words) * k;
            ImGui::PushID(line[i].lang.c_str());
            if (tap_rect(ui, line[i].words, ImVec2(x, y), ImVec2(ww, size), nullptr))
                actions.push_back(Start{line[i].lang});
            ImGui::PopID();
            x += ww + text_width(huge, dot) * k;
        }
        y += size;
    }
    ImGui::SetCursorScreenPos(ImVec2(c.x, y));
    centred_text(ui, view.tagline, ui.fonts.heading, t.palette.muted_text, c.x, ImGui::GetCursorScreenPos().y + t.gap(),
                 avail);

    ImVec2 size(
        std::min(std::max(t.start_button_min_width(), text_width(ui.fonts.title, view.touch.words) + 4 * t.pad()),
                 avail),
        t.start_button_height());
    float button_y = area.max.y - size.y - t.start_button_lift();
    ImGui::SetCursorScreenPos(ImVec2(c.x - size.x / 2, button_y));
    ButtonLook look{ButtonKind::primary, ui.fonts.title};
    if (touch_button(ui, view.touch.words, size, look)) actions.push_back(Start{view.touch.lang});
    // The same invitation in the other languages, each a button that starts the visit in its own language:
    // side by side when they fit, else one under another.
    if (!view.touch_elsewhere.empty()) {
        ImFont* font = ui.fonts.heading;
        float h = std::max(t.touch_min(), font->FontSize + t.pad() * 0.5f);
        std::vector<float> widths;
        float row_w = 0;
        for (const auto& other : view.touch_elsewhere) {
            widths.push_back(std::min(avail, std::max(t.touch_min(), text_width(font, other.words) + 2 * t.pad())));
            row_w += widths.back() + (widths.size() > 1 ? t.gap() : 0);
        }
        bool side_by_side = row_w <= avail;
        float x = c.x - (side_by_side ? row_w : 0) / 2;
        float by = button_y + size.y + t.gap() * 0.5f;
        for (std::size_t i = 0; i < view.touch_elsewhere.size(); ++i) {
            const StartChoice& other = view.touch_elsewhere[i];
            ImGui::SetCursorScreenPos(ImVec2(side_by_side ? x : c.x - widths[i] / 2, by));
            ImGui::PushID(other.lang.c_str());
            if (touch_button(ui, other.words, ImVec2(widths[i], h), ButtonLook{ButtonKind::plain, font}))
                actions.push_back(Start{other.lang});
            ImGui::PopID();
            if (side_by_side) x += widths[i] + t.gap();
            else by += h + t.gap() * 0.5f;
        }
    }

    // Staff hold the top-left corner for a few seconds; a quick touch there starts a visit like anywhere else.
    bool holding = false;
    if (view.staff_corner) {
        ImGui::SetCursorScreenPos(area.min);
        if (touch_area(ui, "Staff", ImVec2(t.staff_corner(), t.staff_corner()), &holding)) actions.push_back(Start{});
        if (!holding) {
            hold.started = -1;
        } else if (hold.started < 0) {
            hold.started = now;
        } else if (now - hold.started >= StaffHold::k_seconds) {
            hold.started = -1;
            actions.push_back(StaffOpen{});
        }
    }

    // A touch anywhere else starts too: nobody should have to find the button.
    if (ImGui::IsMouseReleased(0) && ImGui::GetIO().MouseDragMaxDistanceSqr[0] < t.tap_slop() * t.tap_slop() &&
        actions.empty() && ImGui::IsWindowHovered())
        actions.push_back(Start{});
    return holding;  // the frame loop keeps drawing while the corner is held, to see the seconds pass
}

}  // namespace lantern::kiosk::ui
