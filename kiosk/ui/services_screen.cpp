// "Find local help": needs to choose from, then each service with its phone number shown large.
#include "kiosk/ui/screens.h"

namespace lantern::kiosk::ui {
namespace {

float card_height(Ui& ui, const ServiceCard& c, float inner) {
    const Theme& t = ui.theme;
    float h = t.pad() * 2;
    h += ui.fonts.heading->CalcTextSizeA(ui.fonts.heading->FontSize, FLT_MAX, inner, c.name.c_str()).y;
    if (!c.description.empty())
        h += t.gap() * 0.4f + ui.fonts.body->CalcTextSizeA(ui.fonts.body->FontSize, FLT_MAX, inner, c.description.c_str()).y;
    if (!c.phone.empty()) h += t.gap() * 0.4f + ui.fonts.title->FontSize;
    if (!c.opening_times.empty()) h += t.gap() * 0.2f + ui.fonts.body->FontSize * 1.3f;
    if (!c.website.empty()) h += t.gap() * 0.2f + ui.fonts.body->FontSize * 1.3f;
    return h;
}

}  // namespace

void draw_services(Ui& ui, const ServicesView& view, Area area, TouchScroll& scroll, Actions& actions) {
    const Theme& t = ui.theme;
    float x0 = area.min.x + 2 * t.pad();
    float width = area.width() - 4 * t.pad();
    ImGui::SetCursorScreenPos(ImVec2(x0, area.min.y + t.pad()));
    text_block(ui, view.title, ui.fonts.title, t.palette.text, width);

    // Need chips flow left to right and wrap, so every need is one tap away without scrolling.
    float x = x0, y = ImGui::GetCursorScreenPos().y + t.gap();
    // touch_button never draws smaller than the touch minimum: lay out with the size it will really take.
    float chip_h = t.touch_min();
    for (size_t i = 0; i < view.needs.size(); ++i) {
        const NeedChoice& n = view.needs[i];
        float w = std::max(text_width(ui.fonts.bold, n.label) + 1.5f * t.pad(), t.touch_min());
        if (x + w > x0 + width) {
            x = x0;
            y += chip_h + t.gap() * 0.5f;
        }
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        ButtonLook look{ButtonKind::secondary};
        look.selected = n.selected;
        if (touch_button(ui, n.label + "##need" + std::to_string(i), ImVec2(w, chip_h), look))
            actions.push_back({ActionKind::open_services, n.id});
        x += w + t.gap() * 0.5f;
    }
    float top = y + chip_h + t.gap();

    ImGui::SetCursorScreenPos(ImVec2(x0, top));
    ImGui::BeginChild("services", ImVec2(width + 40 * t.scale, area.max.y - top), false, ImGuiWindowFlags_NoBackground);
    scroll.update();
    if (view.services.empty()) text_block(ui, view.none, ui.fonts.heading, t.palette.muted_text, width);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float inner = width - 2 * t.pad();
    for (const ServiceCard& c : view.services) {
        ImVec2 pos = ImGui::GetCursorScreenPos();
        float h = card_height(ui, c, inner);
        dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h), t.palette.surface, t.radius());
        dl->AddRect(pos, ImVec2(pos.x + width, pos.y + h), t.palette.accent, t.radius(), 0, 2 * t.scale);
        ImGui::SetCursorScreenPos(ImVec2(pos.x + t.pad(), pos.y + t.pad()));
        text_block(ui, c.name, ui.fonts.heading, t.palette.text, inner);
        auto line = [&](float gap, const std::string& text, ImFont* font, ImU32 colour) {
            ImGui::SetCursorScreenPos(ImVec2(pos.x + t.pad(), ImGui::GetCursorScreenPos().y + gap));
            text_block(ui, text, font, colour, inner);
        };
        if (!c.description.empty()) line(t.gap() * 0.4f, c.description, ui.fonts.body, t.palette.text);
        if (!c.phone.empty()) line(t.gap() * 0.4f, view.phone_label + ": " + c.phone, ui.fonts.title, t.palette.accent);
        if (!c.opening_times.empty())
            line(t.gap() * 0.2f, view.open_label + ": " + c.opening_times, ui.fonts.body, t.palette.muted_text);
        if (!c.website.empty()) line(t.gap() * 0.2f, view.web_label + ": " + c.website, ui.fonts.body, t.palette.muted_text);
        ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + h + t.gap()));
        ImGui::Dummy(ImVec2(width, 0));
    }
    ImGui::Dummy(ImVec2(0, t.pad()));
    ImGui::EndChild();
}

}  // namespace lantern::kiosk::ui
