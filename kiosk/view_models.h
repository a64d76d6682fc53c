// View models: plain structs each screen draws from, built by plain functions tests call without a window.
#pragma once

#include <string>
#include <vector>

#include "content/markdown.h"
#include "kiosk/app.h"

namespace lantern::kiosk {

struct LanguageChoice {
    std::string code;
    std::string name;
    bool current = false;
};

struct ChromeView {
    bool show_nav = false;        // Back, Home and Quick exit: on every screen but attract
    bool show_home = false;
    std::string back, home, quick_exit;
    std::vector<LanguageChoice> languages;
    content::Audience audience = content::Audience::adult;
};

struct AttractView {
    std::vector<std::string> welcomes;  // "Welcome" in every language of the pack
    std::string tagline;
    std::string touch;
};

struct AudienceChoice {
    content::Audience audience;
    std::string label;
    std::string hint;
};

struct AudienceView {
    std::string title;
    std::vector<AudienceChoice> choices;
};

struct TopicTile {
    std::string id;
    std::string title;
    std::string icon;
};

struct TopicsView {
    std::string title;
    std::vector<TopicTile> tiles;
    std::string empty;  // shown when there are no tiles
    std::vector<std::string> notices;
};

struct PageItem {
    std::string id;
    std::string title;
    std::string summary;
};

struct PageListView {
    std::string title;
    std::vector<PageItem> pages;
};

struct PageView {
    bool found = false;
    std::string title;
    std::string image;
    std::string lang;
    std::string notice;  // the fallback note, or the "not found" text
    content::Document doc;
};

struct IdleView {
    bool showing = false;
    std::string title, body, button;
};

ChromeView build_chrome(const App& app);
AttractView build_attract(const App& app);
AudienceView build_audience(const App& app);
TopicsView build_topics(const App& app);
PageListView build_page_list(const App& app);
PageView build_page(const App& app);
IdleView build_idle(const App& app, double now);

}  // namespace lantern::kiosk
