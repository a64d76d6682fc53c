// The topic grid's fit: tiles never squashed below their words or the touch size, whatever the screen.
#include <doctest/doctest.h>

#include <cmath>

#include "kiosk/views/grid_layout.h"

using namespace lantern::kiosk;

namespace {

// Words of a fixed width, wrapped at the tile's width: a tile narrower than `word` cannot hold them.
GridRequest request(int tiles, float width, float height, float word, float line, int lines_of_words) {
    GridRequest r;
    r.tiles = tiles;
    r.width = width;
    r.height = height;
    r.gap = 20;
    r.preferred_columns = preferred_columns(tiles);
    r.min_tile_height = 96;
    r.max_tile_height = 420;
    r.needed_height = [=](float tile_w) -> std::optional<float> {
        if (tile_w < word) return std::nullopt;
        float per_line = std::floor(tile_w / word);
        return std::ceil(static_cast<float>(lines_of_words) / per_line) * line + 30;
    };
    return r;
}

}  // namespace

TEST_CASE("a landscape screen with room keeps the usual columns and fills the height, up to the largest tile") {
    GridFit fit = fit_grid(request(11, 1800, 700, 150, 40, 3));
    CHECK(fit.columns == 4);
    CHECK_FALSE(fit.scrolls);
    CHECK(fit.tile_height == doctest::Approx((700 - 2 * 20) / 3.0));
    CHECK(fit_grid(request(3, 1800, 2000, 150, 40, 1)).tile_height == 420);
}

TEST_CASE("a portrait screen too narrow for four columns of words takes fewer, wider tiles") {
    GridFit fit = fit_grid(request(11, 950, 1300, 280, 40, 3));
    CHECK(fit.columns < 4);
    CHECK_FALSE(fit.scrolls);
    float tile_w = (950 - static_cast<float>(fit.columns - 1) * 20) / static_cast<float>(fit.columns);
    CHECK(tile_w >= 280);
}

TEST_CASE("large text that cannot fit scrolls with every tile tall enough for its words, never squashed") {
    GridRequest r = request(11, 1800, 400, 150, 54, 4);
    GridFit fit = fit_grid(r);
    CHECK(fit.scrolls);
    float tile_w = (1800 - static_cast<float>(fit.columns - 1) * 20) / static_cast<float>(fit.columns);
    CHECK(fit.tile_height >= *r.needed_height(tile_w));
    CHECK(fit.tile_height >= 96);
}

TEST_CASE("a short area never makes tiles smaller than the touch size") {
    GridFit fit = fit_grid(request(3, 900, 80, 100, 20, 1));
    CHECK(fit.tile_height >= 96);
    CHECK(fit.scrolls);
}

TEST_CASE("a word wider than any column gets a single column, scrolling") {
    GridFit fit = fit_grid(request(4, 500, 1000, 600, 40, 1));
    CHECK(fit.columns == 1);
    CHECK(fit.scrolls);
    CHECK(fit.tile_height >= 96);
}
