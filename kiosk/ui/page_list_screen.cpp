// The pages of one topic: a big button per page with its title and summary.
#include "kiosk/ui/screens.h"

namespace lantern::kiosk::ui {

void draw_page_list(Ui& ui, const PageListView& view, Area area, TouchScroll& scroll, Actions& actions) {
    const Theme& t = ui.theme;
    float width = std::min(area.width() - 4 * t.pad(), t.list_width());
    float x0 = area.min.x + (area.width() - width) / 2;
    ImGui::SetCursorScreenPos(ImVec2(x0, area.min.y + t.pad()));
    text_block(ui, view.title, ui.fonts.title, t.palette.text, width);
    float top = ImGui::GetCursorScreenPos().y + t.gap();

    ImGui::SetCursorScreenPos(ImVec2(x0, top));
    ImGui::BeginChild("pages", ImVec2(width + t.scrollbar_room(), area.max.y - top), false,
                      ImGuiWindowFlags_NoBackground);
    scroll.update();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (size_t i = 0; i < view.pages.size(); ++i) {
        const PageItem& p = view.pages[i];
        ImVec2 pos = ImGui::GetCursorScreenPos();
        float inner = width - 2 * t.pad();
        ImVec2 ts = ui.fonts.heading->CalcTextSizeA(ui.fonts.heading->FontSize, FLT_MAX, inner, p.title.c_str());
        ImVec2 ss = ui.fonts.body->CalcTextSizeA(ui.fonts.body->FontSize, FLT_MAX, inner, p.summary.c_str());
        // A page in another language than the interface's says so under its title ("Saesneg"), so a Welsh
        // reader knows before tapping which pages will be in English.
        ImFont* tag_font = ui.fonts.bold;
        float tag_h = p.lang_tag.empty() ? 0 : tag_font->FontSize + t.pad() * 0.3f;
        float tag_w = p.lang_tag.empty() ? 0 : text_width(tag_font, p.lang_tag) + t.pad() * 0.8f;
        float tag_gap = p.lang_tag.empty() ? 0 : t.gap() * 0.3f;
        float h = t.pad() * 1.5f + ts.y + tag_gap + tag_h + (p.summary.empty() ? 0 : ss.y + t.gap() * 0.3f);
        ImGui::PushID(static_cast<int>(i));
        bool held = false;
        if (touch_area(ui, p.title, ImVec2(width, h), &held)) actions.push_back(OpenPage{p.id});
        ImGui::PopID();
        ImVec2 max(pos.x + width, pos.y + std::max(h, t.touch_min()));
        dl->AddRectFilled(pos, max, held ? t.palette.button_pressed : t.palette.surface, t.radius());
        dl->AddRect(pos, max, t.palette.accent, t.radius(), 0, t.line_thin());
        ImU32 text = held ? t.palette.button_text : t.palette.text;
        float y = pos.y + t.pad() * 0.75f;
        dl->AddText(ui.fonts.heading, ui.fonts.heading->FontSize, ImVec2(pos.x + t.pad(), y), text, p.title.c_str(),
                    nullptr, inner);
        label_text(ui, p.title, ImVec2(pos.x + t.pad(), y), ImVec2(pos.x + t.pad() + ts.x, y + ts.y));
        y += ts.y;
        if (!p.lang_tag.empty()) {
            y += tag_gap;
            ImVec2 tag_min(pos.x + t.pad(), y), tag_max(pos.x + t.pad() + tag_w, y + tag_h);
            dl->AddRectFilled(tag_min, tag_max, held ? t.palette.button_text : t.palette.accent, t.radius() * 0.5f);
            ImVec2 words(tag_min.x + t.pad() * 0.4f, tag_min.y + t.pad() * 0.15f);
            dl->AddText(tag_font, tag_font->FontSize, words, held ? t.palette.button_pressed : t.palette.accent_text,
                        p.lang_tag.c_str());
            // Registered as words of the card, so scripts see the tag and check it stays inside.
            label_text(ui, p.title, tag_min, tag_max);
            visible_text(ui, p.lang_tag, tag_min, tag_max);
            y += tag_h;
        }
        if (!p.summary.empty())
            dl->AddText(ui.fonts.body, ui.fonts.body->FontSize, ImVec2(pos.x + t.pad(), y + t.gap() * 0.3f),
                        held ? t.palette.button_text : t.palette.muted_text, p.summary.c_str(), nullptr, inner);
        ImGui::Dummy(ImVec2(0, t.gap()));
    }
    ImGui::EndChild();
}

}  // namespace lantern::kiosk::ui
