// The topic grid: a tile per topic with its picture and name, and today's notices above.
#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

#include "kiosk/views/grid_layout.h"
#include "kiosk/ui/screens.h"

namespace lantern::kiosk::ui {

void draw_topics(Ui& ui, const TopicsView& view, Area area, TouchScroll& scroll, Actions& actions) {
    const Theme& t = ui.theme;
    float x0 = area.min.x + 2 * t.pad();
    float width = area.width() - 4 * t.pad();
    draw_notices(ui, view.notices, ImVec2(x0, area.min.y + t.pad()), width);
    // Search, "Ask for support" and "Find local help" beside the title, on the right: always in reach,
    // never mistaken for a topic. When the title leaves no room they go on a row of their own under it.
    struct Extra {
        const std::string* label;
        Action action;
        ButtonKind look;
    };
    std::vector<Extra> extras;
    if (!view.search.empty()) extras.push_back({&view.search, OpenSearch{}, ButtonKind::secondary});
    if (!view.ask_support.empty()) extras.push_back({&view.ask_support, OpenForm{}, ButtonKind::primary});
    if (!view.find_help.empty()) extras.push_back({&view.find_help, OpenServices{}, ButtonKind::primary});
    if (!view.family_services.empty())
        extras.push_back({&view.family_services, OpenFamilyServices{}, ButtonKind::secondary});
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
            float w = std::min(text_width(ui.fonts.bold, *e.label) + 2 * t.pad(), width);
            // On their own row they wrap like words, never running off the screen.
            if (!beside && x > x0 && x + w > x0 + width) {
                x = x0;
                y = bottom + t.gap() * 0.5f;
            }
            ImGui::SetCursorScreenPos(ImVec2(x, y));
            if (touch_button(ui, *e.label, ImVec2(w, 0), {e.look})) actions.push_back(e.action);
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
    // Picture on the left, words on the right (Easy Read practice). A tile is never shorter than its words
    // or the touch size, and no word is broken: when they cannot all fit, fewer columns, a smaller type, and
    // at last a grid that scrolls under the title.
    float icon_max = t.tile_icon_max();
    auto icon_size = [&](float tile_w) { return std::min(icon_max, tile_w * 0.28f); };
    auto text_width_in = [&](float tile_w) { return tile_w - 3 * t.pad() - icon_size(tile_w); };
    auto needed = [&](ImFont* f) {
        return [&, f](float tile_w) -> std::optional<float> {
            float text_w = text_width_in(tile_w);
            float need = icon_size(tile_w) + t.pad();
            for (const TopicTile& tile : view.tiles) {
                if (widest_word(f, tile.title) > text_w) return std::nullopt;
                need = std::max(need, f->CalcTextSizeA(f->FontSize, FLT_MAX, text_w, tile.title.c_str()).y + t.pad());
            }
            return need;
        };
    };
    GridRequest request{n,
                        width,
                        area.max.y - top - t.pad(),
                        t.gap(),
                        preferred_columns(n),
                        t.touch_min(),
                        t.tile_min_width(),
                        needed(ui.fonts.heading)};
    ImFont* f = ui.fonts.heading;
    GridFit fit = fit_grid(request);
    if (fit.scrolls) {
        // One type size for every tile: a grid of mixed sizes looks broken.
        f = ui.fonts.bold;
        request.needed_height = needed(f);
        fit = fit_grid(request);
    }
    int cols = fit.columns;
    float tile_w = (width - static_cast<float>(cols - 1) * t.gap()) / static_cast<float>(cols);
    float tile_h = fit.tile_height;

    ImGui::SetCursorScreenPos(ImVec2(x0, top));
    if (fit.scrolls) {
        ImGui::BeginChild("topic_tiles", ImVec2(width + t.scrollbar_room(), area.max.y - top), false,
                          ImGuiWindowFlags_NoBackground);
        scroll.update();
    }
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (int i = 0; i < n; ++i) {
        const TopicTile& tile = view.tiles[static_cast<size_t>(i)];
        ImVec2 pos(origin.x + static_cast<float>(i % cols) * (tile_w + t.gap()),
                   origin.y + static_cast<float>(i / cols) * (tile_h + t.gap()));
        ImGui::SetCursorScreenPos(pos);
        ImGui::PushID(i);
        bool held = false;
        if (touch_area(ui, tile.title, ImVec2(tile_w, tile_h), &held)) actions.push_back(OpenTopic{tile.id});
        ImGui::PopID();
        ImVec2 max(pos.x + tile_w, pos.y + tile_h);
        dl->AddRectFilled(pos, max, held ? t.palette.button_pressed : t.palette.tiles[i % 4], t.radius());
        dl->AddRect(pos, max, t.palette.accent, t.radius(), 0, held ? t.line_held() : t.line_thin());

        float icon = std::min(icon_size(tile_w), tile_h - t.pad());
        float text_x = pos.x + t.pad();
        if (Texture tex = ui.texture ? ui.texture(tile.icon) : Texture{}) {
            ImVec2 ip(pos.x + t.pad(), pos.y + (tile_h - icon) / 2);
            // Icons are drawn on a round plate: rounding by half the size makes any square image a circle.
            dl->AddImageRounded(tex.id, ip, ImVec2(ip.x + icon, ip.y + icon), ImVec2(0, 0), ImVec2(1, 1),
                                IM_COL32_WHITE, icon / 2);
            text_x = pos.x + 2 * t.pad() + icon_size(tile_w);
        }
        float text_w = max.x - t.pad() - text_x;
        ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, text_w, tile.title.c_str());
        ImVec2 tp(text_x, pos.y + (tile_h - ts.y) / 2);
        dl->AddText(f, f->FontSize, tp, held ? t.palette.button_text : t.palette.text, tile.title.c_str(), nullptr,
                    text_w);
        label_text(ui, tile.title, tp, ImVec2(tp.x + std::max(ts.x, widest_word(f, tile.title)), tp.y + ts.y));
    }
    if (fit.scrolls) {
        int rows = (n + cols - 1) / cols;
        ImGui::SetCursorScreenPos(origin);
        ImGui::Dummy(ImVec2(width, static_cast<float>(rows) * (tile_h + t.gap())));
        ImGui::EndChild();
    }
}

}  // namespace lantern::kiosk::ui
