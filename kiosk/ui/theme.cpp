// The palettes. Text on background keeps at least 7:1 contrast in the high-contrast theme.
#include "kiosk/ui/theme.h"

namespace lantern::kiosk::ui {
namespace {

constexpr ImU32 rgb(unsigned r, unsigned g, unsigned b) { return IM_COL32(r, g, b, 255); }

Palette adult_palette() {
    Palette p{};
    p.background = rgb(0xF4, 0xF1, 0xEA);
    p.surface = rgb(0xFF, 0xFF, 0xFF);
    p.text = rgb(0x1B, 0x1F, 0x2A);
    p.muted_text = rgb(0x4A, 0x50, 0x5C);
    p.accent = rgb(0x1D, 0x4E, 0x89);
    p.accent_text = rgb(0xFF, 0xFF, 0xFF);
    p.button = rgb(0x1D, 0x4E, 0x89);
    p.button_pressed = rgb(0x0E, 0x2C, 0x52);
    p.button_text = rgb(0xFF, 0xFF, 0xFF);
    p.danger = rgb(0xB0, 0x1E, 0x2E);
    p.danger_text = rgb(0xFF, 0xFF, 0xFF);
    p.notice = rgb(0xFF, 0xE7, 0x9A);
    p.notice_text = rgb(0x1B, 0x1F, 0x2A);
    p.link = rgb(0x1D, 0x4E, 0x89);
    p.focus = rgb(0xFF, 0xBF, 0x47);
    p.tiles[0] = rgb(0xDC, 0xE8, 0xF5);
    p.tiles[1] = rgb(0xE3, 0xF0, 0xE0);
    p.tiles[2] = rgb(0xF6, 0xE6, 0xD6);
    p.tiles[3] = rgb(0xEB, 0xE2, 0xF3);
    return p;
}

Palette child_palette() {
    Palette p = adult_palette();
    p.background = rgb(0xFF, 0xF6, 0xE0);
    p.accent = rgb(0x6A, 0x2C, 0x91);
    p.button = rgb(0x6A, 0x2C, 0x91);
    p.button_pressed = rgb(0x45, 0x17, 0x63);
    p.link = rgb(0x6A, 0x2C, 0x91);
    p.tiles[0] = rgb(0xFF, 0xD6, 0xA5);
    p.tiles[1] = rgb(0xC7, 0xE9, 0xB0);
    p.tiles[2] = rgb(0xB5, 0xDE, 0xF5);
    p.tiles[3] = rgb(0xFF, 0xC8, 0xDD);
    return p;
}

Palette teen_palette() {
    Palette p = adult_palette();
    p.background = rgb(0xE9, 0xF2, 0xF1);
    p.accent = rgb(0x0F, 0x5E, 0x5A);
    p.button = rgb(0x0F, 0x5E, 0x5A);
    p.button_pressed = rgb(0x07, 0x3B, 0x38);
    p.link = rgb(0x0F, 0x5E, 0x5A);
    p.tiles[0] = rgb(0xC9, 0xE4, 0xE1);
    p.tiles[1] = rgb(0xD8, 0xDD, 0xF2);
    p.tiles[2] = rgb(0xF2, 0xDF, 0xC9);
    p.tiles[3] = rgb(0xE0, 0xEE, 0xC9);
    return p;
}

Palette high_contrast_palette() {
    Palette p{};
    p.background = rgb(0, 0, 0);
    p.surface = rgb(0x12, 0x12, 0x12);
    p.text = rgb(0xFF, 0xFF, 0xFF);
    p.muted_text = rgb(0xE6, 0xE6, 0xE6);
    p.accent = rgb(0xFF, 0xE6, 0x00);
    p.accent_text = rgb(0, 0, 0);
    p.button = rgb(0xFF, 0xE6, 0x00);
    p.button_pressed = rgb(0xFF, 0xFF, 0xFF);
    p.button_text = rgb(0, 0, 0);
    // Light red, not white: an error or Quick exit must look different from ordinary text and the yellow
    // buttons (9:1 on black, and black on it).
    p.danger = rgb(0xFF, 0x8A, 0x8A);
    p.danger_text = rgb(0, 0, 0);
    p.notice = rgb(0xFF, 0xE6, 0x00);
    p.notice_text = rgb(0, 0, 0);
    p.link = rgb(0xFF, 0xE6, 0x00);
    p.focus = rgb(0x00, 0xFF, 0xFF);
    for (ImU32& t : p.tiles) t = rgb(0x12, 0x12, 0x12);
    return p;
}

}  // namespace

Theme make_theme(content::Audience audience, float scale, bool high_contrast, float text_scale) {
    Theme t;
    t.scale = scale;
    t.text_scale = text_scale;
    if (high_contrast) t.palette = high_contrast_palette();
    else if (audience == content::Audience::child || audience == content::Audience::little) t.palette = child_palette();
    else if (audience == content::Audience::teen) t.palette = teen_palette();
    else t.palette = adult_palette();
    if (audience == content::Audience::child || audience == content::Audience::little) {
        t.touch_min_px = 120;
        t.picture_px = 600;
    }
    return t;
}

}  // namespace lantern::kiosk::ui
