// Where each on-screen key goes: rows that fit the width the keyboard has (portrait, the largest text, long
// Welsh labels) without keys overlapping, shrinking below the touch size or their words. Plain numbers:
// tested without a window.
#pragma once

#include <cstddef>
#include <vector>

namespace lantern::kiosk {

struct KeySize {
    bool letter = true;   // types a character (the rows' body), or a function key (Shift, Delete, Done...)
    float units = 1;      // the layout's width for it, in key units
    float min_width = 0;  // its label's width plus padding: narrower would shrink or wrap the words
};

struct KeyboardRequest {
    std::vector<std::vector<KeySize>> rows;
    float width = 0;     // what the keyboard may take
    float gap = 0;       // between keys across, and down unless row_gap is set
    float row_gap = -1;  // between lines, when a short screen needs them closer than `gap`
    float min_key = 0;   // the touch size: no key narrower
    float max_unit = 0;  // a key unit is never wider than this (a keypad stays key-shaped)
    float key_height = 0;
};

struct PlacedKey {
    std::size_t row = 0, index = 0;  // which key of the request
    float x = 0, y = 0;              // from the keyboard's top left; each line is centred
    float width = 0;
};

struct KeyboardFit {
    std::vector<std::vector<PlacedKey>> lines;  // as drawn, top to bottom
    float height = 0;                           // of all the lines and the gaps between them
};

// Keeps the request's rows when they fit. When one does not, a row of letters and function keys puts its
// function keys on a line of their own under the letters; then any line still too wide first narrows its
// wider-than-needed keys (Space) and, if that is not enough, splits into even lines. Every key stays at least
// min_key and its own min_width wide, and keys never overlap; a key whose words are wider than the whole
// keyboard (nothing real) gets a line and the whole width to itself.
KeyboardFit fit_keyboard(const KeyboardRequest& request);

}  // namespace lantern::kiosk
