// Today's notices as a banner: one yellow strip per notice, at the top of the home screens.
#include "kiosk/ui/screens.h"

namespace lantern::kiosk::ui {

void draw_notices(Ui& ui, const std::vector<std::string>& notices, ImVec2 pos, float width) {
    const Theme& t = ui.theme;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* font = ui.fonts.bold;
    ImGui::SetCursorScreenPos(pos);
    for (const auto& notice : notices) {
        ImVec2 at = ImGui::GetCursorScreenPos();
        ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, width - 2 * t.pad(), notice.c_str());
        float h = size.y + t.pad();
        dl->AddRectFilled(at, ImVec2(at.x + width, at.y + h), t.palette.notice, t.radius());
        // A darker edge on the left marks it as news, not a button.
        dl->AddRectFilled(at, ImVec2(at.x + t.notice_stripe(), at.y + h), t.palette.accent, t.radius(),
                          ImDrawFlags_RoundCornersLeft);
        ImGui::SetCursorScreenPos(ImVec2(at.x + t.pad(), at.y + t.pad() / 2));
        text_block(ui, notice, font, t.palette.notice_text, width - 2 * t.pad());
        ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + h + t.gap()));
    }
}

}  // namespace lantern::kiosk::ui
