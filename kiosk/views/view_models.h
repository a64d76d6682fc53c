// View models: plain structs each screen draws from, built by plain functions tests call without a window.
#pragma once

#include <string>
#include <vector>

#include "content/markdown.h"
#include "kiosk/app/app.h"

namespace lantern::kiosk {

struct LanguageChoice {
    std::string code;
    std::string name;
    bool current = false;
};

// What read-aloud says for the current page: its title and words as plain text, in the page's own language.
struct ReadAloudText {
    std::string text;  // empty when there is no page to read
    std::string lang;
};

struct ChromeView {
    bool show_nav = false;  // Back, Home and Quick exit: on every screen but attract
    bool show_home = false;
    std::string back, home, quick_exit;
    std::vector<LanguageChoice> languages;
    content::Audience audience = content::Audience::adult;
    std::string text_size, contrast;
    bool show_read_aloud = false;  // on a page, when the kiosk has a voice
    std::string read_aloud;        // "Read aloud" or "Stop reading"
    ReadAloudText words;           // what the button reads: the page's, built here so the App builds no view
};

// Words on the attract screen that start a visit in their own language ("Croeso" starts it in Welsh).
struct StartChoice {
    std::string lang;
    std::string words;
    bool operator==(const StartChoice&) const = default;
};

struct AttractView {
    std::vector<StartChoice> welcomes;  // "Welcome" in every language of the pack
    std::vector<std::string> notices;   // today's notices meant for everyone
    std::string tagline;
    StartChoice touch;                         // the big button, in the kiosk's language
    std::vector<StartChoice> touch_elsewhere;  // "Touch to start" in the pack's other languages, smaller, under it
    bool staff_corner = false;                 // staff mode is set up: holding the top-left corner opens it
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
    std::string find_help;        // the "Find local help" button; empty when the audience has none
    std::string search;           // the "Search" button: every audience
    std::string ask_support;      // "Ask for support" (the referral form): adults only, when the pack has a form
    std::string family_services;  // "Family services here": adults only, when the centre lists some
};

struct PageItem {
    std::string id;
    std::string title;
    std::string summary;
    std::string lang_tag;  // "English" / "Saesneg" when the page is not in the interface's language, else empty
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
    std::string notice;    // the fallback note, or the "not found" text
    std::string grown_up;  // under-5 pages: the pack's note for the grown-up reading with the child, else empty
    content::Document doc;
};

struct NeedChoice {
    std::string id;  // empty: all
    std::string label;
    bool selected = false;
};

struct ServiceCard {
    std::string name;  // "Samaritans" or "Pact: Prisoners' Families Helpline"
    std::string description;
    std::string phone;  // shown large
    std::string opening_times;
    std::string website;
};

struct ServicesView {
    std::string title;
    std::vector<NeedChoice> needs;
    std::vector<ServiceCard> services;
    std::string none;  // shown when no service matches
    std::string phone_label, open_label, web_label;
};

struct IdleView {
    bool showing = false;
    std::string title, body, button;
};

// "Leave and clear your answers?": shown over the form when she taps a way out of it with answers given.
struct LeaveView {
    bool showing = false;
    std::string title, body;
    std::string leave, stay;  // the two buttons
};

// `has_voice`: whether read-aloud can work on this kiosk (a voice and a sound device).
ChromeView build_chrome(const App& app, bool has_voice = false);
ServicesView build_services(const App& app);
AttractView build_attract(const App& app);
AudienceView build_audience(const App& app);
TopicsView build_topics(const App& app);
PageListView build_page_list(const App& app);
PageView build_page(const App& app);
IdleView build_idle(const App& app, double now);
LeaveView build_leave(const App& app);
// Today's notices for the home screens in the visitor's language (English when none is written in it): those
// for everyone, and with an audience those for it too. Adult-only notices never reach a child's screen.
std::vector<std::string> build_notices(const App& app, std::optional<content::Audience> audience);
ReadAloudText build_read_aloud(const App& app);
// The tag a list puts on a page shown in another language than the interface's: the page language's name in
// the interface's language ("Saesneg" for an English page in Welsh); empty when they are the same.
std::string language_tag(const std::string& page_lang, const std::string& interface_lang);
// The page's words for a voice: Markdown already gone, headings and list items ended so the voice pauses,
// phone numbers spaced so they are read digit by digit.
std::string read_aloud_text(const PageView& page);

}  // namespace lantern::kiosk
