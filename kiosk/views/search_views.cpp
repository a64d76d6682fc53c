// Builds the search screen's view model: the pack's full-text search, limited to audience and language.
#include "kiosk/views/search_views.h"

#include "kiosk/views/strings.h"

namespace lantern::kiosk {

content::Block snippet_block(const std::string& snippet) {
    static const std::string separator = " \u00b7 ";  // U+00B7, in the kiosk's glyph ranges
    content::Block block;
    content::Span span;
    auto finish_span = [&] {
        if (!span.text.empty()) block.spans.push_back(span);
        span.text.clear();
    };
    bool last_was_space = true;
    bool block_ended = false;  // a line break seen since the last word
    for (char c : snippet) {
        if (c == content::k_snippet_mark_open[0] || c == content::k_snippet_mark_close[0]) {
            finish_span();
            span.strong = c == content::k_snippet_mark_open[0];
            continue;
        }
        if (c == '*' || c == '#' || c == '_' || c == '[' || c == ']' || c == '`') continue;
        if (c == '\n' || c == '\r') {
            block_ended = true;
            continue;
        }
        if (c == '\t') c = ' ';
        if (c == ' ' && last_was_space) continue;
        if (c == ' ' && block_ended) continue;
        if (block_ended && (!block.spans.empty() || !span.text.empty())) {
            // The separator is never bold, whichever spans it falls between.
            auto end_with_separator = [](content::Span& plain) {
                while (!plain.text.empty() && plain.text.back() == ' ') plain.text.pop_back();
                plain.text += separator;
            };
            if (!span.text.empty() && !span.strong) {
                end_with_separator(span);
            } else {
                finish_span();
                if (!block.spans.back().strong) end_with_separator(block.spans.back());
                else if (!span.strong) span.text = separator;
                else block.spans.push_back({separator});
            }
        }
        block_ended = false;
        span.text.push_back(c);
        last_was_space = c == ' ';
    }
    finish_span();
    return block;
}

namespace {

// "In Welsh" for a page shown in a language other than the visitor's, from the strings table.
std::string language_note(const std::string& page_lang, const std::string& lang) {
    if (page_lang == lang) return {};
    std::string key = "search.in_lang." + page_lang;
    const std::string& words = tr(key, lang);
    return words == key ? language_name(page_lang) : words;
}

SearchCardView card_view(const content::SearchCard& card, const std::string& lang) {
    SearchCardView v;
    v.title = card.title;
    v.text = card.text;
    for (const auto& h : card.helplines) v.helplines.push_back({h.name, h.number, h.about});
    v.page_id = card.page_id;
    if (!card.page_id.empty()) {
        v.page_label = tr("search.read_page", lang);
        if (auto at = v.page_label.find("{title}"); at != std::string::npos)
            v.page_label.replace(at, 7, card.page_title);
    }
    if (card.find_local_help) v.find_help_label = tr("topics.find_help", lang);
    return v;
}

}  // namespace

SearchView build_search(const App& app) {
    const Visit& s = app.visit();
    const std::string& lang = s.lang;
    SearchView v;
    v.title = tr("search.title", lang);
    v.box_label = tr("search.box", lang);
    v.placeholder = tr("search.placeholder", lang);
    v.query = s.search.query;
    v.focused = s.search.focused;
    if (v.focused) v.keys = keyboard_keys(s.search.layer, false, lang);

    bool blank = v.query.view().find_first_not_of(' ') == std::string_view::npos;
    if (blank || !app.pack()) {
        v.status = tr(app.pack() ? "search.hint" : "error.no_pack", lang);
        return v;
    }
    // The pack takes a std::string: one copy of the exact size (it never grows), wiped when the search is done.
    std::string query;
    query.reserve(v.query.size());
    query.append(v.query.view());
    for (const auto& hit : app.pack()->search(query, s.audience, lang))
        v.results.push_back({hit.id, hit.title, language_note(hit.lang, lang), snippet_block(hit.snippet)});
    if (auto card = app.pack()->search_card(query, s.audience, lang, !v.results.empty()))
        v.card = card_view(*card, lang);
    form::wipe_string(query);
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
