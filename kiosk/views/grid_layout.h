// How a grid of tiles fits its area: columns that leave every tile's words room, tiles tall enough for
// their words, and a scroll only when they cannot all be shown at once. Plain numbers: tested without a window.
#pragma once

#include <functional>
#include <optional>

namespace lantern::kiosk {

struct GridFit {
    int columns = 1;
    float tile_height = 0;
    bool scrolls = false;  // the tiles are taller together than the area: the grid scrolls
};

struct GridRequest {
    int tiles = 0;
    float width = 0;   // the grid's width
    float height = 0;  // the height it may take before it has to scroll
    float gap = 0;
    int preferred_columns = 2;
    float min_tile_height = 0;  // the touch size
    float max_tile_height = 0;  // tiles grow to fill the area, up to this
    // The height a tile of this width needs for its words, or nothing when a word is wider than the tile
    // (a word is never broken across lines, and never runs out of its tile).
    std::function<std::optional<float>(float tile_width)> needed_height;
};

// Tries the preferred number of columns and fewer: the most columns whose tiles all fit the area without
// scrolling; failing that, the most columns whose words fit, scrolling.
GridFit fit_grid(const GridRequest& request);

// The usual columns for a number of tiles on a landscape screen.
int preferred_columns(int tiles);

}  // namespace lantern::kiosk
