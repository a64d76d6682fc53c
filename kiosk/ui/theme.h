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

// Every size a screen draws with has a name here, given once in pixels at 1080p (the window's short side) and
// scaled to the window by px(). A size that must grow with the visitor's text size goes through text(), the
// one place the text scale enters; the rest follow the window only, so touch targets stay the same size at
// every text size. Screens read these and never write `N * scale` themselves.
struct Theme {
    float scale = 1.0f;       // window's short side / 1080
    float text_scale = 1.0f;  // the visitor's text size times the audience's (children read larger type)
    Palette palette{};
    // Set per audience by make_theme; children get bigger touch targets and pictures.
    float touch_min_px = 96;  // at least 72 px and 9 mm at 1080p; we give more for tired, shaky hands
    float picture_px = 420;   // tallest a picture in a page is drawn

    float px(float at_1080p) const { return at_1080p * scale; }
    float text(float at_1080p) const { return at_1080p * scale * text_scale; }

    // --- Touch ---
    float touch_min() const { return px(touch_min_px); }
    float tap_slop() const { return px(24); }         // a finger moving further than this meant to scroll, not tap
    float link_min_height() const { return px(72); }  // a link inside text: tappable above and below its line

    // --- Spacing and shape ---
    float pad() const { return px(32); }     // inside a box, and margins at the screen's edges
    float gap() const { return px(24); }     // between boxes
    float radius() const { return px(22); }  // corners of buttons, tiles and cards

    // --- Lines ---
    float line_thin() const { return px(2); }    // card, field and option outlines; rules; link underlines
    float line() const { return px(3); }         // button and tile outlines, the top bar's rule, marks
    float line_strong() const { return px(4); }  // a chosen answer, the reference's box
    float line_focus() const { return px(5); }   // the field being typed into, or with an error
    float line_held() const { return px(6); }    // a tile under the finger; a tick

    // --- Columns ---
    float reading_width() const { return px(1200); }  // lines longer than this are hard to follow
    float list_width() const { return px(1400); }     // lists of cards may be wider than lines of text
    float banner_width() const { return px(1400); }   // today's notices on the attract screen
    float scrollbar_room() const { return px(40); }   // added right of a scrolling column, for its scrollbar
    float side_panel_min() const { return px(440); }  // narrower than this, helplines go above, not beside
    float picture_height() const { return px(picture_px); }
    // A page's picture is drawn at 1.2 of its pixels at 1080p; children's grow with their taller limit.
    float picture_scale() const { return px(1.2f) * picture_px / Theme{}.picture_px; }

    // --- Top bar ---
    float top_bar() const { return px(120); }
    float top_bar_inset() const { return gap() * 0.6f; }  // above and below the bar's buttons

    // --- Attract screen ---
    float start_button_min_width() const { return px(640); }
    float start_button_height() const { return px(150); }
    float start_button_lift() const { return px(150); }  // from the screen's bottom edge
    float staff_corner() const { return px(160); }       // the square held to open staff mode
    float notice_stripe() const { return px(8); }        // a notice's darker left edge

    // --- Topics ---
    float tile_min_width() const { return px(420); }
    float tile_icon_max() const { return px(150); }

    // --- Dialogs (Are you still there?, Leave?) ---
    float dialog_width() const { return px(1000); }
    float dialog_min_height() const { return px(560); }
    float dialog_button_height() const { return px(150); }  // the one big button
    float dialog_choice_height() const { return px(130); }  // two stacked choices

    // --- Form ---
    float nav_back_width() const { return px(320); }       // Back along the form's foot
    float nav_next_min_width() const { return px(360); }   // Next, Send, Finish
    float change_min_width() const { return px(220); }     // Change, on the review
    float three_columns_from() const { return px(1000); }  // answers go three across from this width
    float yes_no_width() const { return px(340); }
    float option_mark() const { return text(40); }  // the tick box or round mark beside an answer's words
    float option_mark_corner() const { return text(6); }

    // --- Keyboard and text boxes ---
    float key_height() const { return px(80); }  // clears the 72 px minimum with room for a tired hand
    float key_gap() const { return px(10); }
    float key_row_gap_min() const { return px(3); }  // how close rows may close up on a short screen
    float key_max_width() const { return px(240); }  // a phone keypad's keys stay key-shaped, not bars
    float keyboard_max_width() const { return px(1560); }
    float key_label_room() const { return px(2); }  // beyond the label's width and padding, for rounding
    float caret_width() const { return text(3); }
    float caret_gap() const { return text(2); }           // between the last letter and the caret
    float placeholder_indent() const { return text(8); }  // the hint steps right of the caret
    float underline_offset() const { return text(4); }    // a link's underline below its baseline

    // --- Staff PIN pad ---
    float pin_key_max_height() const { return px(150); }
    float pin_header_room() const { return px(300); }  // title, dots and message above the keys
};

// Adults get a calm palette; children and young people brighter, friendlier ones. `scale`: the window's short
// side / 1080; `text_scale`: the visitor's text size times the audience's.
Theme make_theme(content::Audience audience, float scale, bool high_contrast, float text_scale = 1.0f);

}  // namespace lantern::kiosk::ui
