// The topic grid: a tile per topic with its picture and name, and today's notices above.
#include <algorithm>
#include <cmath>
#include <vector>

#include "kiosk/ui/screens.h"

namespace lantern::kiosk::ui {

void draw_topics(Ui& ui, const TopicsView& view, Area area, Actions& actions) {
    const Theme& t = ui.theme;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float x0 = area.min.x + 2 * t.pad();
    float width = area.width() - 4 * t.pad();
    draw_notices(ui, view.notices, ImVec2(x0, area.min.y + t.pad()), width);
    // Search, "Ask for support" and "Find local help" beside the title, on the right: always in reach,
    // never mistaken for a topic. When the title leaves no room they go on a row of their own under it.
    struct Extra {
        const std::string* label;
        ActionKind kind;
        ButtonKind look;
    };
    std::vector<Extra> extras;
    if (!view.search.empty()) extras.push_back({&view.search, ActionKind::open_search, ButtonKind::secondary});
    if (!view.ask_support.empty()) extras.push_back({&view.ask_support, ActionKind::open_form, ButtonKind::primary});
    if (!view.find_help.empty()) extras.push_back({&view.find_help, ActionKind::open_services, ButtonKind::primary});
    float extras_w = 0;
    for (const Extra& e : extras) extras_w += text_width(ui.fonts.bold, *e.label) + 2 * t.pad() + t.gap() * 0.5f;
    float title_y = ImGui::GetCursorScreenPos().y;
    float title_w = text_width(ui.fonts.title, view.title);
    bool beside = title_w + t.gap() + extras_w <= width;
    text_block(ui, view.title, ui.fonts.title, t.palette.text, beside ? width - extras_w : width);
    float after_title = ImGui::GetCursorScreenPos().y;
    if (!extras.empty()) {
        float x = beside ? x0 + width - extras_w + t.gap() * 0.5f : x0;
        float y = beside ? title_y - t.gap() * 0.25f : after_title + t.gap() * 0.5f;
        float bottom = after_title;
        for (const Extra& e : extras) {
            float w = text_width(ui.fonts.bold, *e.label) + 2 * t.pad();
            ImGui::SetCursorScreenPos(ImVec2(x, y));
            if (touch_button(ui, *e.label, ImVec2(w, 0), {e.look})) actions.push_back({e.kind});
            bottom = std::max(bottom, ImGui::GetItemRectMax().y);
            x += w + t.gap() * 0.5f;
        }
        ImGui::SetCursorScreenPos(ImVec2(x0, bottom));
    }
    if (view.tiles.empty()) {
        text_block(ui, view.empty, ui.fonts.heading, t.palette.muted_text, width);
        return;
    }

    float top = ImGui::GetCursorScreenPos().y + t.gap();
    int n = static_cast<int>(view.tiles.size());
    int cols = n <= 4 ? 2 : n <= 9 ? 3 : 4;
    int rows = (n + cols - 1) / cols;
    float tile_w = (width - static_cast<float>(cols - 1) * t.gap()) / static_cast<float>(cols);
    float tile_h = std::min(420 * t.scale, (area.max.y - top - t.pad() - static_cast<float>(rows - 1) * t.gap()) /
                                               static_cast<float>(rows));
    for (int i = 0; i < n; ++i) {
        const TopicTile& tile = view.tiles[static_cast<size_t>(i)];
        ImVec2 pos(x0 + static_cast<float>(i % cols) * (tile_w + t.gap()), top + static_cast<float>(i / cols) * (tile_h + t.gap()));
        ImGui::SetCursorScreenPos(pos);
        ImGui::PushID(i);
        bool held = false;
        if (touch_area(ui, tile.title, ImVec2(tile_w, tile_h), &held))
            actions.push_back({ActionKind::open_topic, tile.id});
        ImGui::PopID();
        ImVec2 max(pos.x + tile_w, pos.y + tile_h);
        dl->AddRectFilled(pos, max, held ? t.palette.button_pressed : t.palette.tiles[i % 4], t.radius());
        dl->AddRect(pos, max, t.palette.accent, t.radius(), 0, (held ? 6.0f : 2.0f) * t.scale);

        // Picture on the left, words on the right (Easy Read practice), when the tile is wide enough.
        float icon = std::min(tile_h - 2 * t.pad(), 150 * t.scale);
        float text_x = pos.x + t.pad();
        if (Texture tex = ui.texture ? ui.texture(tile.icon) : Texture{}) {
            ImVec2 ip(pos.x + t.pad(), pos.y + (tile_h - icon) / 2);
            // Icons are drawn on a round plate: rounding by half the size makes any square image a circle.
            dl->AddImageRounded(tex.id, ip, ImVec2(ip.x + icon, ip.y + icon), ImVec2(0, 0), ImVec2(1, 1), IM_COL32_WHITE,
                                icon / 2);
            text_x = ip.x + icon + t.pad();
        }
        float text_w = max.x - t.pad() - text_x;
        ImFont* f = ui.fonts.heading;
        ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, text_w, tile.title.c_str());
        if (ts.y > tile_h - t.pad()) {
            // A long name on a short tile (many topics, notices above) steps down a size rather than spill out.
            f = ui.fonts.bold;
            ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, text_w, tile.title.c_str());
        }
        dl->AddText(f, f->FontSize, ImVec2(text_x, pos.y + (tile_h - ts.y) / 2),
                    held ? t.palette.button_text : t.palette.text, tile.title.c_str(), nullptr, text_w);
    }
}

}  // namespace lantern::kiosk::ui
