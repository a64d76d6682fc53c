// View model of the search screen: the box, the on-screen keyboard and the results with snippets.
#pragma once

#include <string>
#include <vector>

#include "content/markdown.h"
#include "kiosk/app.h"
#include "kiosk/form_views.h"

namespace lantern::kiosk {

struct SearchResultView {
    std::string id;  // page id, for open_page
    std::string title;
    content::Block snippet;  // a paragraph: the words that matched are strong; Markdown signs taken out
};

struct SearchView {
    std::string title;
    std::string box_label;  // what the box is called, so a script (and a screen reader) can find it
    std::string query;
    std::string placeholder;  // shown in the empty box
    std::string status;       // "3 pages found", "Nothing found...", or the hint before typing
    bool focused = false;     // the keyboard shows
    std::vector<SearchResultView> results;
    std::vector<std::vector<KeyView>> keys;
};

// Searches the pack within the visitor's audience and language.
SearchView build_search(const App& app);

// The pack's search snippet as a paragraph to draw: the marked words (what the visitor searched for) become
// strong spans, so they stand out in bold; Markdown signs and line breaks are taken out.
content::Block snippet_block(const std::string& snippet);

}  // namespace lantern::kiosk
