// View model of the search screen: the box, the on-screen keyboard and the results with snippets.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "content/markdown.h"
#include "kiosk/app/app.h"
#include "kiosk/views/form_views.h"

namespace lantern::kiosk {

struct SearchResultView {
    std::string id;  // page id, for open_page
    std::string title;
    std::string language_note;  // "In Welsh" when the page is shown in another language than the visitor's
    content::Block snippet;     // a paragraph: the words that matched are strong; Markdown signs taken out
};

struct SearchHelplineView {
    std::string name;
    std::string number;
    std::string about;
};

// The pack's card above the results: "Talk to someone" for a young visitor's words about harm, or a way on
// when nothing was found. Its words and numbers all come from the pack (search.yaml).
struct SearchCardView {
    std::string title;
    std::string text;
    std::vector<SearchHelplineView> helplines;
    std::string page_id;          // a page to read next (open_page); empty when none
    std::string page_label;       // "Read: " and that page's title
    std::string find_help_label;  // "Find local help" (open_services); empty when not offered
};

struct SearchView {
    std::string title;
    std::string box_label;               // what the box is called, so a script (and a screen reader) can find it
    SecretText query;                    // what she typed: wiped with the view
    std::string placeholder;             // shown in the empty box
    std::string status;                  // "3 pages found", "Nothing found...", or the hint before typing
    bool focused = false;                // the keyboard shows
    std::optional<SearchCardView> card;  // drawn first, above the results
    std::vector<SearchResultView> results;
    std::vector<std::vector<KeyView>> keys;
};

// Searches the pack within the visitor's audience and language.
SearchView build_search(const App& app);

// The pack's search snippet as a paragraph to draw: the marked words (what the visitor searched for) become
// strong spans, so they stand out in bold; Markdown signs are taken out, and where one block of the page
// ends and the next begins (a heading and its first sentence) a " · " keeps them apart.
content::Block snippet_block(const std::string& snippet);

}  // namespace lantern::kiosk
