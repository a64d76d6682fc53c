// "Find local help": needs to choose from, then each service with its phone number shown large.
#include <vector>

#include "kiosk/views/strings.h"
#include "kiosk/ui/screens.h"

namespace lantern::kiosk::ui {
namespace {

// What each card says, line by line, as drawn: the height is measured from the same words, so long opening
// times or a phone number that wraps (narrow screen, large text) stay inside the card.
struct CardLine {
    std::string text;
    ImFont* font;
    ImU32 colour;
    float gap_before;
};

std::vector<CardLine> card_lines(Ui& ui, const ServicesView& view, const ServiceCard& c) {
    const Theme& t = ui.theme;
    std::vector<CardLine> lines;
    lines.push_back({c.name, ui.fonts.heading, t.palette.text, 0});
    if (!c.description.empty()) lines.push_back({c.description, ui.fonts.body, t.palette.text, t.gap() * 0.4f});
    // The number never splits across two lines.
    if (!c.phone.empty())
        lines.push_back(
            {view.phone_label + ": " + keep_together(c.phone), ui.fonts.title, t.palette.accent, t.gap() * 0.4f});
    if (!c.opening_times.empty())
        lines.push_back(
            {view.open_label + ": " + c.opening_times, ui.fonts.body, t.palette.muted_text, t.gap() * 0.2f});
    if (!c.website.empty())
        lines.push_back({view.web_label + ": " + c.website, ui.fonts.body, t.palette.muted_text, t.gap() * 0.2f});
    return lines;
}

float card_height(Ui& ui, const std::vector<CardLine>& lines, float inner) {
    float h = ui.theme.pad() * 2;
    for (const CardLine& l : lines)
        h += l.gap_before + l.font->CalcTextSizeA(l.font->FontSize, FLT_MAX, inner, l.text.c_str()).y;
    return h;
}

}  // namespace

void draw_services(Ui& ui, const ServicesView& view, Area area, TouchScroll& scroll, Actions& actions) {
    const Theme& t = ui.theme;
    float x0 = area.min.x + 2 * t.pad();
    float width = area.width() - 4 * t.pad();
    ImGui::SetCursorScreenPos(ImVec2(x0, area.min.y + t.pad()));
    text_block(ui, view.title, ui.fonts.title, t.palette.text, width);

    // Need chips flow left to right and wrap, so every need is one tap away without scrolling; when they would
    // take much of the screen (large text, a small or portrait screen) they scroll with the list instead of
    // leaving it a sliver.
    // touch_button never draws smaller than the touch minimum: lay out with the size it will really take.
    float chip_h = t.touch_min();
    auto chip_width = [&](const NeedChoice& n) {
        return std::max(text_width(ui.fonts.bold, n.label) + 1.5f * t.pad(), t.touch_min());
    };
    auto chips_height = [&] {
        float x = x0, h = chip_h;
        for (const NeedChoice& n : view.needs) {
            float w = chip_width(n);
            if (x + w > x0 + width) x = x0, h += chip_h + t.gap() * 0.5f;
            x += w + t.gap() * 0.5f;
        }
        return h;
    };
    auto draw_chips = [&](ImVec2 at) {
        float x = at.x, y = at.y;
        for (size_t i = 0; i < view.needs.size(); ++i) {
            const NeedChoice& n = view.needs[i];
            float w = chip_width(n);
            if (x + w > at.x + width) {
                x = at.x;
                y += chip_h + t.gap() * 0.5f;
            }
            ImGui::SetCursorScreenPos(ImVec2(x, y));
            ButtonLook look{ButtonKind::secondary};
            look.selected = n.selected;
            if (touch_button(ui, n.label + "##need" + std::to_string(i), ImVec2(w, chip_h), look))
                actions.push_back(OpenServices{n.id});
            x += w + t.gap() * 0.5f;
        }
        ImGui::SetCursorScreenPos(ImVec2(at.x, y + chip_h + t.gap()));
    };
    float chips_top = ImGui::GetCursorScreenPos().y + t.gap();
    bool chips_scroll = chips_height() > 0.4f * (area.max.y - chips_top);
    float top = chips_top;
    if (view.needs.empty()) {
        chips_scroll = false;  // no filter row at all: nothing to choose between
    } else if (!chips_scroll) {
        draw_chips(ImVec2(x0, chips_top));
        top = ImGui::GetCursorScreenPos().y;
    }

    ImGui::SetCursorScreenPos(ImVec2(x0, top));
    ImGui::BeginChild("services", ImVec2(width + t.scrollbar_room(), area.max.y - top), false,
                      ImGuiWindowFlags_NoBackground);
    scroll.update();
    if (chips_scroll && !view.needs.empty()) draw_chips(ImGui::GetCursorScreenPos());
    if (view.services.empty()) text_block(ui, view.none, ui.fonts.heading, t.palette.muted_text, width);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float inner = width - 2 * t.pad();
    for (const ServiceCard& c : view.services) {
        ImVec2 pos = ImGui::GetCursorScreenPos();
        std::vector<CardLine> lines = card_lines(ui, view, c);
        float h = card_height(ui, lines, inner);
        dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h), t.palette.surface, t.radius());
        dl->AddRect(pos, ImVec2(pos.x + width, pos.y + h), t.palette.accent, t.radius(), 0, t.line_thin());
        ImGui::SetCursorScreenPos(ImVec2(pos.x + t.pad(), pos.y + t.pad()));
        for (const CardLine& l : lines) {
            ImGui::SetCursorScreenPos(ImVec2(pos.x + t.pad(), ImGui::GetCursorScreenPos().y + l.gap_before));
            text_block(ui, l.text, l.font, l.colour, inner);
        }
        ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + h + t.gap()));
        ImGui::Dummy(ImVec2(width, 0));
    }
    ImGui::Dummy(ImVec2(0, t.pad()));
    ImGui::EndChild();
}

}  // namespace lantern::kiosk::ui
