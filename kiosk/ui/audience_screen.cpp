// Who is reading: four big cards, one per audience.
#include <algorithm>

#include "kiosk/ui/screens.h"

namespace lantern::kiosk::ui {

void draw_audience(Ui& ui, const AudienceView& view, Area area, Actions& actions) {
    const Theme& t = ui.theme;
    ImGui::SetCursorScreenPos(ImVec2(area.min.x + t.pad() * 2, area.min.y + t.pad()));
    text_block(ui, view.title, ui.fonts.title, t.palette.text, area.width());

    float top = ImGui::GetCursorScreenPos().y + t.gap();
    float width = area.width() - 4 * t.pad();
    // Two by two; one above another when a name or hint would not fit half the width (portrait, large text).
    float widest = 0;
    for (const AudienceChoice& c : view.choices)
        widest = std::max({widest, widest_word(ui.fonts.title, c.label), widest_word(ui.fonts.heading, c.hint)});
    int cols = widest + 2 * t.pad() <= (width - t.gap()) / 2 ? 2 : 1;
    int rows = (static_cast<int>(view.choices.size()) + cols - 1) / cols;
    float card_w = (width - static_cast<float>(cols - 1) * t.gap()) / static_cast<float>(cols);
    float card_h = (area.max.y - top - t.pad() - static_cast<float>(rows - 1) * t.gap()) / static_cast<float>(rows);
    for (size_t i = 0; i < view.choices.size(); ++i) {
        const AudienceChoice& c = view.choices[i];
        int col = static_cast<int>(i) % cols, row = static_cast<int>(i) / cols;
        ImVec2 pos(area.min.x + 2 * t.pad() + static_cast<float>(col) * (card_w + t.gap()),
                   top + static_cast<float>(row) * (card_h + t.gap()));
        ImGui::SetCursorScreenPos(pos);
        bool held = false;
        if (touch_area(ui, c.label, ImVec2(card_w, card_h), &held)) actions.push_back(ChooseAudience{c.audience});
        ImDrawList* dl = ImGui::GetWindowDrawList();
        ImVec2 max(pos.x + card_w, pos.y + card_h);
        dl->AddRectFilled(pos, max, held ? t.palette.button_pressed : t.palette.tiles[i % 4], t.radius());
        dl->AddRect(pos, max, t.palette.accent, t.radius(), 0, t.line());
        // The name and its hint, centred together, wrapped inside the card.
        float inner = card_w - 2 * t.pad();
        float words_h = centred_text_height(ui.fonts.title, c.label, inner) + t.gap() * 0.5f +
                        centred_text_height(ui.fonts.heading, c.hint, inner);
        float cx = pos.x + card_w / 2;
        Area name = centred_text(ui, c.label, ui.fonts.title, held ? t.palette.button_text : t.palette.text, cx,
                                 pos.y + (card_h - words_h) / 2, inner);
        Area hint = centred_text(ui, c.hint, ui.fonts.heading, held ? t.palette.button_text : t.palette.muted_text, cx,
                                 ImGui::GetCursorScreenPos().y + t.gap() * 0.5f, inner);
        label_text(ui, c.label, ImVec2(std::min(name.min.x, hint.min.x), name.min.y),
                   ImVec2(std::max(name.max.x, hint.max.x), hint.max.y));
        ui.hits.add(c.hint, pos, max, false);
    }
}

}  // namespace lantern::kiosk::ui
