// View model of the search screen: the box, the on-screen keyboard and the results with snippets.
#pragma once

#include <string>
#include <vector>

#include "kiosk/app.h"
#include "kiosk/form_views.h"

namespace lantern::kiosk {

struct SearchResultView {
    std::string id;       // page id, for open_page
    std::string title;
    std::string snippet;  // plain text: the pack's match marks and Markdown signs taken out
};

struct SearchView {
    std::string title;
    std::string box_label;    // what the box is called, so a script (and a screen reader) can find it
    std::string query;
    std::string placeholder;  // shown in the empty box
    std::string status;       // "3 pages found", "Nothing found...", or the hint before typing
    bool focused = false;     // the keyboard shows
    std::vector<SearchResultView> results;
    std::vector<std::vector<KeyView>> keys;
};

// Searches the pack within the visitor's audience and language.
SearchView build_search(const App& app);

// The search snippet without match marks and Markdown signs, for plain drawing.
std::string plain_snippet(const std::string& snippet);

}  // namespace lantern::kiosk
