// The on-screen keyboard's fit: keys never overlap, never narrower than the touch size or their words, and rows
// that cannot fit (portrait, the largest text, long Welsh labels) move or split instead of squashing.
#include <doctest/doctest.h>

#include <string>

#include "kiosk/input/keyboard_layout.h"

using namespace lantern::kiosk;

namespace {

std::vector<KeySize> letters(int n) { return std::vector<KeySize>(static_cast<std::size_t>(n), KeySize{true, 1, 50}); }
KeySize function(float units, float words) { return {false, units, words}; }

// The letters layer as keyboard_rows makes it, with labels this wide in pixels (Shift, Delete; the bottom row).
KeyboardRequest letters_layer(float width, float min_key, float shift_w, float delete_w, float done_w) {
    KeyboardRequest r;
    r.rows.push_back(letters(10));
    r.rows.push_back(letters(10));
    std::vector<KeySize> third = letters(10);
    third.insert(third.begin(), function(1.5f, shift_w));
    third.push_back(function(1.5f, delete_w));
    r.rows.push_back(third);
    r.rows.push_back({function(1.5f, 90), function(1.5f, 110), function(4.5f, 160), function(2, done_w)});
    r.width = width;
    r.gap = 10;
    r.min_key = min_key;
    r.max_unit = 240;
    r.key_height = 96;
    return r;
}

// Empty when every key is placed once, inside the width, at least its minimum wide, and no two overlap.
std::string problems(const KeyboardRequest& r, const KeyboardFit& fit) {
    std::string out;
    std::size_t keys = 0, placed = 0;
    for (const auto& row : r.rows) keys += row.size();
    for (const auto& line : fit.lines) {
        for (std::size_t i = 0; i < line.size(); ++i) {
            const PlacedKey& k = line[i];
            const KeySize& size = r.rows[k.row][k.index];
            ++placed;
            if (k.x < -0.01f || k.x + k.width > r.width + 0.01f) out += "off the side; ";
            if (k.width + 0.01f < std::min(std::max(size.min_width, r.min_key), r.width)) out += "too narrow; ";
            if (i > 0 && line[i - 1].x + line[i - 1].width + r.gap > k.x + 0.01f) out += "overlap; ";
        }
    }
    if (keys != placed) out += "keys lost or doubled; ";
    return out;
}

}  // namespace

TEST_CASE("a landscape keyboard with room keeps its four rows and lines keys up with one unit") {
    KeyboardRequest r = letters_layer(1560, 96, 110, 120, 120);
    KeyboardFit fit = fit_keyboard(r);
    CHECK(problems(r, fit).empty());
    REQUIRE(fit.lines.size() == 4);
    CHECK(fit.lines[2].size() == 12);
    CHECK(fit.lines[0][0].width == doctest::Approx(fit.lines[1][0].width));
    CHECK(fit.height == doctest::Approx(4 * 96 + 3 * 10));
}

TEST_CASE("in portrait Shift and Delete leave the letters' row so ten letters keep the touch size") {
    // 1080 px wide (1064 for keys): thirteen units of 96 px cannot fit; the old keyboard made them overlap.
    KeyboardRequest r = letters_layer(1064, 96, 110, 120, 120);
    KeyboardFit fit = fit_keyboard(r);
    CHECK(problems(r, fit).empty());
    REQUIRE(fit.lines.size() == 5);
    CHECK(fit.lines[2].size() == 10);   // z x c v b n m , . -
    REQUIRE(fit.lines[3].size() == 2);  // Shift, Delete
    CHECK(fit.lines[3][0].index == 0);
    CHECK(fit.lines[3][1].index == 11);
    for (const auto& line : fit.lines)
        for (const PlacedKey& k : line) CHECK(k.width >= 96);
}

TEST_CASE("long Welsh labels at the largest text keep their size: Space narrows first, then the row splits") {
    // "Gorffen teipio" needs 470 px: the bottom row narrows Space to its words before anything moves.
    KeyboardRequest r = letters_layer(1560, 96, 420, 200, 470);
    KeyboardFit fit = fit_keyboard(r);
    CHECK(problems(r, fit).empty());
    // Portrait: the bottom row cannot hold 123, ŵ ą, Space and Gorffen teipio even narrowed, so it splits.
    KeyboardRequest narrow = letters_layer(1064, 96, 420, 200, 620);
    narrow.rows[3][2].min_width = 300;
    KeyboardFit portrait = fit_keyboard(narrow);
    CHECK(problems(narrow, portrait).empty());
    CHECK(portrait.lines.size() == 6);
    CHECK(portrait.height == doctest::Approx(6 * 96 + 5 * 10));
}

TEST_CASE("when Shift and Delete cannot sit beside the letters, they join the rows above and below with room") {
    // A child's 120 px keys at the largest text in Welsh, landscape: a line of their own would push the
    // keyboard over the search box; Delete ends the row above, Shift starts the bottom row, four lines stay.
    for (float min_key : {96.0f, 120.0f}) {
        KeyboardRequest r = letters_layer(1560, min_key, 420, 170, 500);
        KeyboardFit fit = fit_keyboard(r);
        CHECK(problems(r, fit).empty());
        REQUIRE(fit.lines.size() == 4);
        CHECK(fit.lines[1].back().row == 2);  // Delete, from the third row, ends the second
        CHECK(fit.lines[1].back().index == 11);
        CHECK(fit.lines[2].size() == 10);
        CHECK(fit.lines[3].front().row == 2);  // Shift starts the bottom row
        CHECK(fit.lines[3].front().index == 0);
        CHECK(fit.height == doctest::Approx(4 * 96 + 3 * 10));
    }
}

TEST_CASE("a child's bigger touch size splits ten letters into two even lines rather than squash them") {
    KeyboardRequest r = letters_layer(1064, 120, 110, 120, 120);
    KeyboardFit fit = fit_keyboard(r);
    CHECK(problems(r, fit).empty());
    REQUIRE(fit.lines.size() >= 6);
    CHECK(fit.lines[0].size() == 5);
    CHECK(fit.lines[1].size() == 5);
    for (const auto& line : fit.lines)
        for (const PlacedKey& k : line) CHECK(k.width >= 120);
}

TEST_CASE("a phone keypad's keys stay key-shaped, not bars, and lines are centred") {
    KeyboardRequest r;
    r.rows = {letters(3), letters(3)};
    r.width = 1500;
    r.gap = 10;
    r.min_key = 96;
    r.max_unit = 240;
    r.key_height = 96;
    KeyboardFit fit = fit_keyboard(r);
    CHECK(problems(r, fit).empty());
    CHECK(fit.lines[0][0].width == 240);
    CHECK(fit.lines[0][0].x == doctest::Approx((1500 - 3 * 240 - 2 * 10) / 2.0));
}

TEST_CASE("words wider than the whole keyboard get a line and the whole width to themselves") {
    KeyboardRequest r;
    r.rows = {{function(1, 2000), function(1, 100)}};
    r.width = 800;
    r.gap = 10;
    r.min_key = 96;
    r.max_unit = 240;
    r.key_height = 96;
    KeyboardFit fit = fit_keyboard(r);
    CHECK(problems(r, fit).empty());
    REQUIRE(fit.lines.size() == 2);
    CHECK(fit.lines[0][0].width == 800);
    CHECK(fit_keyboard(KeyboardRequest{}).lines.empty());
}

TEST_CASE("on a short screen the lines close up: keys keep their widths and height, only the gaps down shrink") {
    KeyboardRequest r = letters_layer(1064, 96, 110, 120, 120);
    KeyboardFit loose = fit_keyboard(r);
    r.row_gap = 3;
    KeyboardFit tight = fit_keyboard(r);
    CHECK(problems(r, tight).empty());
    REQUIRE(tight.lines.size() == loose.lines.size());
    CHECK(tight.height == doctest::Approx(loose.height - 7.0 * static_cast<double>(loose.lines.size() - 1)));
    CHECK(tight.lines[1][0].y == doctest::Approx(96 + 3));
    CHECK(tight.lines[0][0].width == doctest::Approx(loose.lines[0][0].width));
}
