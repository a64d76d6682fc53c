// Sizes, colours and spacing for every screen, per audience, scaled to the window.
#pragma once

#include <imgui.h>

#include "content/types.h"

namespace lantern::kiosk::ui {

struct Palette {
    ImU32 background, surface, text, muted_text, accent, accent_text, button, button_pressed, button_text, danger,
        danger_text, notice, notice_text, link, focus;
    ImU32 tiles[4];  // topic tiles cycle through these
};

struct Theme {
    float scale = 1.0f;  // window height / 1080
    Palette palette{};
    // Base sizes at 1080p; read through the accessors below so they scale with the window.
    float touch_min_px = 96;  // at least 72 px and 9 mm at 1080p; we give more for tired, shaky hands
    float pad_px = 32;
    float gap_px = 24;
    float radius_px = 22;
    float top_bar_px = 120;
    float reading_width_px = 1200;  // lines longer than this are hard to follow
    float picture_px = 420;         // tallest a picture in a page is drawn; children get bigger ones

    float touch_min() const { return touch_min_px * scale; }
    float pad() const { return pad_px * scale; }
    float gap() const { return gap_px * scale; }
    float radius() const { return radius_px * scale; }
    float top_bar() const { return top_bar_px * scale; }
    float reading_width() const { return reading_width_px * scale; }
    float picture_height() const { return picture_px * scale; }
};

// Adults get a calm palette; children and young people brighter, friendlier ones.
Theme make_theme(content::Audience audience, float scale, bool high_contrast);

}  // namespace lantern::kiosk::ui
