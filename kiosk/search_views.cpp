// Builds the search screen's view model: the pack's full-text search, limited to audience and language.
#include "kiosk/search_views.h"

#include "kiosk/strings.h"

namespace lantern::kiosk {

content::Block snippet_block(const std::string& snippet) {
    content::Block block;
    content::Span span;
    auto finish_span = [&] {
        if (!span.text.empty()) block.spans.push_back(span);
        span.text.clear();
    };
    bool last_was_space = true;
    for (char c : snippet) {
        if (c == content::k_snippet_mark_open[0] || c == content::k_snippet_mark_close[0]) {
            finish_span();
            span.strong = c == content::k_snippet_mark_open[0];
            continue;
        }
        if (c == '*' || c == '#' || c == '_' || c == '[' || c == ']' || c == '`') continue;
        if (c == '\n' || c == '\t' || c == '\r') c = ' ';
        if (c == ' ' && last_was_space) continue;
        span.text.push_back(c);
        last_was_space = c == ' ';
    }
    finish_span();
    return block;
}

SearchView build_search(const App& app) {
    const Session& s = app.session();
    const std::string& lang = s.lang;
    SearchView v;
    v.title = tr("search.title", lang);
    v.box_label = tr("search.box", lang);
    v.placeholder = tr("search.placeholder", lang);
    v.query = s.search.query;
    v.focused = s.search.focused;
    if (v.focused) v.keys = keyboard_keys(s.search.layer, false, lang);

    bool blank = v.query.find_first_not_of(' ') == std::string::npos;
    if (blank || !app.pack()) {
        v.status = tr(app.pack() ? "search.hint" : "error.no_pack", lang);
        return v;
    }
    for (const auto& hit : app.pack()->search(v.query, s.audience, lang))
        v.results.push_back({hit.id, hit.title, snippet_block(hit.snippet)});
    if (v.results.empty()) {
        v.status = tr("search.none", lang);
    } else {
        std::string n = std::to_string(v.results.size());
        v.status = tr(v.results.size() == 1 ? "search.found_one" : "search.found", lang);
        if (auto at = v.status.find("{n}"); at != std::string::npos) v.status.replace(at, 3, n);
    }
    return v;
}

}  // namespace lantern::kiosk
