// Where the attract screen's lantern goes: its usual place, or lower and smaller so today's notices above it
// never cover it. Plain arithmetic, so it is tested without a window.
#pragma once

#include <algorithm>

namespace lantern::kiosk::ui {

struct LanternPlace {
    float centre_y;
    float size;  // 1 at full size; the glow's radius is 150 px times the layout scale times this
};

// `top`..`bottom`: the screen area; `notices_bottom`: where the notices end (`top` when there are none);
// `welcome_y`: where the welcome text starts. The lantern stays between the notices and the welcome.
inline LanternPlace place_lantern(float top, float bottom, float notices_bottom, float welcome_y, float scale,
                                  float gap) {
    float radius = 150 * scale;
    float usual = top + (bottom - top) * 0.28f;
    if (usual - radius >= notices_bottom) return {usual, 1};
    float band = std::max(0.0f, welcome_y - gap - notices_bottom);
    float size = std::clamp(band / (2 * radius), 0.25f, 1.0f);
    return {notices_bottom + radius * size, size};
}

}  // namespace lantern::kiosk::ui
