// What every screen draws with: theme, fonts, textures, the hit registry, and the kiosk's touch widgets.
#pragma once

#include <imgui.h>

#include <functional>
#include <string>
#include <string_view>

#include "kiosk/ui/fonts.h"
#include "kiosk/ui/hit_registry.h"
#include "kiosk/ui/theme.h"

namespace lantern::kiosk::ui {

// A rectangle of the screen, in window pixels: the area a screen may fill, a box words take.
struct Area {
    ImVec2 min, max;
    float width() const { return max.x - min.x; }
    float height() const { return max.y - min.y; }
};

struct Texture {
    ImTextureID id = nullptr;
    int width = 0;
    int height = 0;
    explicit operator bool() const { return id != nullptr; }
};

struct Ui {
    Theme theme;
    Fonts fonts;
    HitRegistry hits;
    // Returns the GPU texture for a pack image, uploading it on first use; empty if missing.
    std::function<Texture(const std::string& name)> texture;
};

enum class ButtonKind { primary, secondary, danger, tile, plain };

struct ButtonLook {
    ButtonKind kind = ButtonKind::primary;
    ImFont* font = nullptr;  // default: bold
    ImU32 fill = 0;          // overrides the kind's colour when non-zero
    bool selected = false;
};

// A touch button at the cursor: at least the theme's touch size, pressed state while held, and a tap
// only when the finger lifts where it went down (a drag is never a tap). Registers `label`.
bool touch_button(Ui& ui, const std::string& label, ImVec2 size, const ButtonLook& look = {});

// A tappable rectangle with custom drawing: draws nothing itself, returns true on a tap, and reports
// whether it is held so the caller can draw a pressed state.
bool touch_area(Ui& ui, const std::string& label, ImVec2 size, bool* held);

// A tappable rectangle at an exact place and size (for links inside text); no minimum size applied.
bool tap_rect(Ui& ui, const std::string& label, ImVec2 pos, ImVec2 size, bool* held);

// Wrapped text at the cursor within `width`, registered so scripts can `expect` it.
void text_block(Ui& ui, std::string_view text, ImFont* font, ImU32 colour, float width);

// Registers words drawn by hand between `min` and `max` (a tag, a typed value), as text_block does: only the
// part the current window shows, so scripts see what a person sees.
void visible_text(Ui& ui, std::string text, ImVec2 min, ImVec2 max);

// Words wrapped to `width`, each line centred on `centre_x`, from `y`, registered like text_block; leaves the
// cursor below them and returns the box they take. A word wider than `width` is not broken (it overhangs,
// which expect_text_fits then names).
Area centred_text(Ui& ui, const std::string& text, ImFont* font, ImU32 colour, float centre_x, float y, float width);
// The height centred_text takes for these words.
float centred_text_height(ImFont* font, const std::string& text, float width);

// The characters a physical keyboard typed this frame, as UTF-8.
std::string typed_characters();

// Width of `text` in `font` at its own size.
float text_width(ImFont* font, std::string_view text);

// Width of the widest single word of `text`: a box narrower than this would break the word in two.
float widest_word(ImFont* font, const std::string& text);

// Registers the words drawn on the tappable element `label` (a tile's title, a card's text), clipped like
// the element itself, so scripts can check the words stay inside it (`expect_text_fits`). `squeezed`: drawn
// smaller than their font, or broken over lines, to fit (`expect_label_whole`).
void label_text(Ui& ui, const std::string& label, ImVec2 min, ImVec2 max, bool squeezed = false);

// Dear ImGui keeps each window's scroll position for as long as the program runs, across visits. On every
// arrival somewhere new (App::arrivals) all of them go back to the top, so no screen opens where the last
// visitor left it, whatever its windows are called.
void scroll_all_to_top();

// Inside a scrolling region: scrolls it the least that brings `top`..`bottom` (screen y, as drawn this frame)
// into sight, the top first when the whole does not fit. Takes effect from the next frame.
void scroll_into_view(float top, float bottom);

// Fills the area a scrolling region should move by from touch: drag to scroll with inertia.
struct TouchScroll {
    float velocity = 0;  // pixels per second, after the finger lifts
    bool dragging = false;
    // Call inside the scrolling child window each frame; returns true while it is still moving.
    bool update();
};

}  // namespace lantern::kiosk::ui
