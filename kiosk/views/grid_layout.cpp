// Tile grids that never squash a tile below its words or the touch size.
#include "kiosk/views/grid_layout.h"

#include <algorithm>

namespace lantern::kiosk {

int preferred_columns(int tiles) { return tiles <= 4 ? 2 : tiles <= 9 ? 3 : 4; }

GridFit fit_grid(const GridRequest& r) {
    if (r.tiles <= 0) return {};
    std::optional<GridFit> scrolling;
    for (int cols = std::clamp(r.preferred_columns, 1, r.tiles); cols >= 1; --cols) {
        float tile_w = (r.width - static_cast<float>(cols - 1) * r.gap) / static_cast<float>(cols);
        if (tile_w <= 0) continue;
        std::optional<float> need = r.needed_height ? r.needed_height(tile_w) : std::optional<float>(0.0f);
        if (!need) continue;  // a word would run out of the tile: fewer, wider columns
        float tile_need = std::max(*need, r.min_tile_height);
        int rows = (r.tiles + cols - 1) / cols;
        float fit_h = (r.height - static_cast<float>(rows - 1) * r.gap) / static_cast<float>(rows);
        if (tile_need <= fit_h) return {cols, std::max(tile_need, std::min(fit_h, r.max_tile_height)), false};
        if (!scrolling) scrolling = GridFit{cols, tile_need, true};
    }
    if (scrolling) return *scrolling;
    // Not even one column holds the longest word: one column, as tall as the touch size, scrolling.
    std::optional<float> need = r.needed_height ? r.needed_height(r.width) : std::nullopt;
    return {1, std::max(need.value_or(0.0f), r.min_tile_height), true};
}

}  // namespace lantern::kiosk
