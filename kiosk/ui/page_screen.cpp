// The page reader: title, the fallback note when shown in English, picture, and the scrolling text.
#include "kiosk/ui/markdown_view.h"
#include "kiosk/ui/screens.h"

namespace lantern::kiosk::ui {

bool draw_page(Ui& ui, const PageView& view, Area area, TouchScroll& scroll, Actions& actions) {
    const Theme& t = ui.theme;
    float width = std::min(area.width() - 4 * t.pad(), t.reading_width());
    float x0 = area.min.x + (area.width() - width) / 2;
    ImGui::SetCursorScreenPos(ImVec2(x0, area.min.y));
    ImGui::BeginChild("page", ImVec2(width + t.scrollbar_room(), area.height()), false, ImGuiWindowFlags_NoBackground);
    bool moving = scroll.update();
    ImGui::Dummy(ImVec2(0, t.pad()));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (!view.notice.empty()) {
        ImVec2 pos = ImGui::GetCursorScreenPos();
        ImVec2 size =
            ui.fonts.body->CalcTextSizeA(ui.fonts.body->FontSize, FLT_MAX, width - 2 * t.pad(), view.notice.c_str());
        dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + size.y + t.pad()), t.palette.notice, t.radius());
        ImGui::SetCursorScreenPos(ImVec2(pos.x + t.pad(), pos.y + t.pad() / 2));
        text_block(ui, view.notice, ui.fonts.body, t.palette.notice_text, width - 2 * t.pad());
        ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + size.y + t.pad() + t.gap()));
    }
    if (view.found) {
        text_block(ui, view.title, ui.fonts.title, t.palette.text, width);
        ImGui::Dummy(ImVec2(0, t.gap()));
        if (!view.grown_up.empty()) {
            // The note for the grown-up reading with an under-5: set apart in a box, before the story starts.
            ImVec2 pos = ImGui::GetCursorScreenPos();
            float inner = width - 2 * t.pad();
            ImVec2 size = ui.fonts.body->CalcTextSizeA(ui.fonts.body->FontSize, FLT_MAX, inner, view.grown_up.c_str());
            ImVec2 max(pos.x + width, pos.y + size.y + t.pad());
            dl->AddRectFilled(pos, max, t.palette.surface, t.radius());
            dl->AddRect(pos, max, t.palette.accent, t.radius(), 0, t.line());
            ImGui::SetCursorScreenPos(ImVec2(pos.x + t.pad(), pos.y + t.pad() / 2));
            text_block(ui, view.grown_up, ui.fonts.body, t.palette.text, inner);
            ImGui::SetCursorScreenPos(ImVec2(pos.x, max.y + t.gap()));
            ImGui::Dummy(ImVec2(width, 0));
        }
        if (!view.image.empty()) {
            content::Document picture;
            content::Block img;
            img.kind = content::BlockKind::image;
            img.image = view.image;
            img.alt = view.title;
            picture.blocks.push_back(img);
            draw_document(ui, picture, width, actions);
            ImGui::Dummy(ImVec2(0, t.gap()));
        }
        draw_document(ui, view.doc, width, actions);
        ImGui::Dummy(ImVec2(0, t.pad() * 3));
    }
    ImGui::EndChild();
    return moving;
}

}  // namespace lantern::kiosk::ui
