// Reads a content source folder (Markdown pages with front matter, topics.yaml, images, services, form).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "content/types.h"

namespace lantern::content {

// One problem in the sources, named by file and line as an editor shows them.
struct SourceIssue {
    enum class Severity { warning, error };
    Severity severity = Severity::error;
    std::string file;  // relative to the source folder
    int line = 0;      // 1-based; 0 when the whole file is meant
    std::string message;
    std::string to_string() const;
};

struct SourcePage {
    std::string file;
    int body_line = 1;                     // line where the Markdown body starts, for issues inside it
    std::map<std::string, int> key_lines;  // front matter key -> its line, for issues about a key
    std::string id, lang, title, summary, topic, reviewed, icon, image;
    std::vector<Audience> audiences;
    std::vector<std::string> sources;
    int order = 100;
    std::string body;
    // Translations only (see translation.h): "unreviewed" or "reviewed", and the English's fingerprint.
    std::string translation, english_hash;
};

struct SourceTopic {
    std::string id;
    std::string icon;
    std::vector<Audience> audiences;
    bool adult_only = false;
    std::vector<std::pair<std::string, std::string>> titles;  // lang, title
};

struct SourceImage {
    std::string name;  // file name, as pages refer to it
    std::string mime;
    std::string alt;
    std::vector<std::uint8_t> bytes;
};

struct SourceNotice {
    std::string lang;
    std::string text;
    std::vector<Audience> audiences;  // who may see it; empty: everyone
};

// search.yaml: the words search knows beyond the pages' own, and the help it offers.
using PerLanguage = std::map<std::string, std::string>;  // lang -> words

struct SourceHelpline {
    std::string id;  // how cards name it
    PerLanguage name;
    std::string number;
    PerLanguage about;  // "Free, any time, day or night"
};

// Words that lead to pages: a visitor typing any of `words` finds `pages` (those their audience may see),
// in whichever language the visitor uses.
struct SourceSynonyms {
    int line = 0;
    std::vector<std::string> words;
    std::vector<std::string> pages;
};

// Words that, searched by one of `audiences`, bring the "harm" card to the top of the results.
struct SourceHarmWords {
    int line = 0;
    std::vector<Audience> audiences;
    std::vector<std::string> words;
};

struct SourceSearchCard {
    enum class Show { harm, nothing_found };
    int line = 0;
    Show show = Show::nothing_found;
    std::vector<Audience> audiences;
    PerLanguage title;
    PerLanguage text;
    std::vector<std::string> helplines;  // SourceHelpline ids, in the order shown
    std::string page;                    // a page to read next; may be empty
    bool find_local_help = false;        // offer "Find local help"
};

struct SearchSources {
    std::vector<SourceHelpline> helplines;
    std::vector<SourceSynonyms> synonyms;
    std::vector<SourceHarmWords> harm_words;
    std::vector<SourceSearchCard> cards;
};

struct Sources {
    std::filesystem::path root;
    std::vector<SourceTopic> topics;
    std::vector<SourcePage> pages;
    std::vector<SourceImage> images;
    std::string services_json;  // validated JSON array text, "[]" when absent
    std::string form_json;      // validated JSON object text, empty when absent
    std::string form_version;
    std::vector<SourceNotice> notices;
    // strings.yaml: the kiosk's own words (buttons, titles) for languages it was not built with,
    // key -> lang -> text, so a new language needs content only.
    std::map<std::string, std::map<std::string, std::string>> ui_strings;
    SearchSources search;  // empty when there is no search.yaml
    std::vector<SourceIssue> issues;

    bool has_errors() const;
};

// Reads and validates everything under `root`; problems go to Sources::issues, never thrown.
Sources read_sources(const std::filesystem::path& root);

}  // namespace lantern::content
