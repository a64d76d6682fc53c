// Lays out and draws a page's document model: wrapped mixed-font text, lists, images, tappable links.
#pragma once

#include "content/markdown.h"
#include "kiosk/actions.h"
#include "kiosk/ui/ui.h"

namespace lantern::kiosk::ui {

void draw_document(Ui& ui, const content::Document& doc, float width, Actions& actions);

}  // namespace lantern::kiosk::ui
