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
    std::vector<SourceIssue> issues;

    bool has_errors() const;
};

// Reads and validates everything under `root`; problems go to Sources::issues, never thrown.
Sources read_sources(const std::filesystem::path& root);

}  // namespace lantern::content
