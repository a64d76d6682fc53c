// Loads Noto Sans at the pixel sizes the screens use, with the glyphs of every supported language.
#pragma once

#include <imgui.h>

#include <string>

namespace lantern::kiosk::ui {

struct Fonts {
    ImFont* body = nullptr;
    ImFont* bold = nullptr;
    ImFont* italic = nullptr;
    ImFont* small = nullptr;
    ImFont* heading = nullptr;
    ImFont* title = nullptr;
    ImFont* huge = nullptr;
};

// Builds the atlas for `scale` (window height / 1080 times the visitor's text size). Throws
// std::runtime_error naming the font file if it is missing.
Fonts load_fonts(float scale);

}  // namespace lantern::kiosk::ui
