// Who is reading: four big cards, one per audience.
#include "kiosk/ui/screens.h"

namespace lantern::kiosk::ui {

void draw_audience(Ui& ui, const AudienceView& view, Area area, Actions& actions) {
    const Theme& t = ui.theme;
    ImGui::SetCursorScreenPos(ImVec2(area.min.x + t.pad() * 2, area.min.y + t.pad()));
    text_block(ui, view.title, ui.fonts.title, t.palette.text, area.width());

    float top = ImGui::GetCursorScreenPos().y + t.gap();
    float card_w = (area.width() - 4 * t.pad() - t.gap()) / 2;
    float card_h = (area.max.y - top - t.pad() - t.gap()) / 2;
    for (size_t i = 0; i < view.choices.size(); ++i) {
        const AudienceChoice& c = view.choices[i];
        ImVec2 pos(area.min.x + 2 * t.pad() + static_cast<float>(i % 2) * (card_w + t.gap()),
                   top + static_cast<float>(i / 2) * (card_h + t.gap()));
        ImGui::SetCursorScreenPos(pos);
        bool held = false;
        if (touch_area(ui, c.label, ImVec2(card_w, card_h), &held))
            actions.push_back({ActionKind::choose_audience, "", c.audience});
        ImDrawList* dl = ImGui::GetWindowDrawList();
        ImVec2 max(pos.x + card_w, pos.y + card_h);
        dl->AddRectFilled(pos, max, held ? t.palette.button_pressed : t.palette.tiles[i % 4], t.radius());
        dl->AddRect(pos, max, t.palette.accent, t.radius(), 0, 3 * t.scale);
        ImU32 text = held ? t.palette.button_text : t.palette.text;
        float lw = text_width(ui.fonts.title, c.label);
        float hw = text_width(ui.fonts.heading, c.hint);
        label_text(ui, c.label, ImVec2(pos.x + (card_w - std::max(lw, hw)) / 2, pos.y + card_h / 2 - ui.fonts.title->FontSize),
                   ImVec2(pos.x + (card_w + std::max(lw, hw)) / 2, pos.y + card_h / 2 + t.gap() * 0.5f + ui.fonts.heading->FontSize));
        dl->AddText(ui.fonts.title, ui.fonts.title->FontSize,
                    ImVec2(pos.x + (card_w - lw) / 2, pos.y + card_h / 2 - ui.fonts.title->FontSize), text, c.label.c_str());
        dl->AddText(ui.fonts.heading, ui.fonts.heading->FontSize,
                    ImVec2(pos.x + (card_w - hw) / 2, pos.y + card_h / 2 + t.gap() * 0.5f),
                    held ? t.palette.button_text : t.palette.muted_text, c.hint.c_str());
        ui.hits.add(c.hint, pos, max, false);
    }
}

}  // namespace lantern::kiosk::ui
