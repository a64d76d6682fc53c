// Lays out and draws a page's document model: wrapped mixed-font text, lists, images, tappable links.
#pragma once

#include "content/markdown.h"
#include "kiosk/app/actions.h"
#include "kiosk/ui/ui.h"

namespace lantern::kiosk::ui {

void draw_document(Ui& ui, const content::Document& doc, float width, Actions& actions);

// One block of mixed-font text (bold, italic, links) wrapped to `width` at the cursor; `colour`, if not 0,
// replaces every word's colour (e.g. on a pressed card). text_flow_height is the height it will take.
void draw_text_flow(Ui& ui, const content::Block& block, float width, Actions& actions, ImU32 colour = 0);
float text_flow_height(const Ui& ui, const content::Block& block, float width);

}  // namespace lantern::kiosk::ui
