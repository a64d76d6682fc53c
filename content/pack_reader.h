// Reads a content pack: topics, pages with language fallback, images (decoded once), search, form, services.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "content/types.h"

namespace lantern::content {

// A pack that cannot be opened or understood; the message names the file and what is wrong.
class PackError : public std::runtime_error {
   public:
    using std::runtime_error::runtime_error;
};

struct SearchHit {
    std::string id;
    std::string lang;  // the language shown: the one asked for where the page has it, else the page's own
    std::string title;
    std::string snippet;  // matched words wrapped in k_snippet_mark_open/close; blocks (a heading, a
                          // paragraph) separated by '\n'
};

// A helpline as a search card shows it, in the language asked for (else English).
struct SearchHelpline {
    std::string name;
    std::string number;
    std::string about;
};

// What search offers besides pages (search.yaml's cards): "Talk to someone" at the top when a young
// visitor searches a word about harm, or a way on when nothing was found.
struct SearchCard {
    enum class Kind { harm, nothing_found };
    Kind kind = Kind::nothing_found;
    std::string title;
    std::string text;
    std::vector<SearchHelpline> helplines;
    std::string page_id;     // a page to read next, only when the audience may see it
    std::string page_title;  // in the language asked for, else English
    bool find_local_help = false;
};

struct SearchState;
inline constexpr const char* k_snippet_mark_open = "\x02";
inline constexpr const char* k_snippet_mark_close = "\x03";

struct Service {
    std::string id;
    std::string organisation;
    std::string name;
    std::string description;
    std::string phone;
    std::string website;
    std::string opening_times;
    std::string area;
    std::string age_range;  // e.g. "18+", "under 19", "all ages"
    std::vector<std::string> needs;
    std::vector<std::string> areas;      // local authorities or nations served, or {"national"}; empty: national
    std::vector<std::string> languages;  // spoken, as codes ("en", "cy"); empty: not stated
    // A centre's own family service ("kind": "family-service", service_fields.h) rather than a directory entry:
    // the visitor centres that run it (as kiosk.toml's [kiosk] centre names them), which of the four kinds of
    // family service it is, when it runs and how to join, the last two in the language asked for.
    std::string kind;  // empty: a directory service
    std::vector<std::string> centres;
    std::string family_type;
    std::string when;
    std::string how_to_join;
};

class PackReader {
   public:
    // Opens read-only; throws PackError if the file is missing, not a pack, or of a newer format.
    explicit PackReader(const std::string& path);

    const std::string& path() const { return path_; }
    PackMeta meta() const;

    // Topics with at least one page for this audience, in pack order. What an audience may see is decided
    // by audience_policy.h alone: adult-only topics never reach child, teen or little audiences whatever
    // the sources say, nor do their pages (here, in search or as a search card's page).
    std::vector<Topic> topics(Audience audience, const std::string& lang) const;

    // Pages of a topic for an audience, in `lang` where it exists, otherwise in English.
    std::vector<PageSummary> pages_in_topic(const std::string& topic, Audience audience, const std::string& lang) const;

    // The page in `lang`, or in English with fell_back set; nullopt if the id is unknown.
    std::optional<Page> page(const std::string& id, const std::string& lang) const;

    // Decoded RGBA image, cached after the first call; nullptr if missing or undecodable.
    std::shared_ptr<const Image> image(const std::string& name) const;

    ~PackReader();

    // Full-text search of every language's pages for one audience; each page comes once, in `lang` where
    // it has that version. Accents fold both ways ("cafe" finds "café", "dwr" finds "dŵr"). Words match
    // whole; search.yaml's synonyms count as words of their pages ("bus" finds travel costs). A word the
    // pages do not hold also matches the pack's own words within typo_allowance ("vist" finds "visit"), and
    // the last word, from 3 letters, matches as the start of a word too ("trav"). Order: every word whole
    // in the title or synonyms, then whole anywhere, then in the title or synonyms at all, then the rest;
    // bm25 (synonyms and title over summary over body) within each. When no page has every word, pages
    // with any of them. The snippet is from the body where it matched, otherwise from the summary,
    // otherwise the body's opening words.
    std::vector<SearchHit> search(const std::string& query, Audience audience, const std::string& lang,
                                  int limit = 20) const;

    // The card search shows with these results, if any: the audience's "harm" card when the query holds
    // one of its words about harm (typos allowed as in search), whatever was found; otherwise, when
    // nothing was found, its "nothing_found" card. Packs without search.yaml have none.
    std::optional<SearchCard> search_card(const std::string& query, Audience audience, const std::string& lang,
                                          bool found_any) const;

    // The query's words as the index sees them (lower case, accents folded), joined by single spaces, when
    // every one of them is a word of the pack (a page's words or search.yaml's synonyms) without a digit;
    // otherwise empty. Usage figures keep a search's words only then: never what only the visitor wrote.
    std::string vocabulary_words(const std::string& query) const;

    // Pages per audience and language; a page for several audiences counts once under each.
    // Every audience is present (adult, teen, child, little), with an empty map when it has no pages.
    std::map<Audience, std::map<std::string, int>> page_counts() const;
    // Translated (not English) pages per language that no fluent speaker has marked `translation: reviewed`,
    // so a centre knows what to have checked. Packs built before translations were tracked count them all.
    std::map<std::string, int> unreviewed_counts() const;
    int image_count() const;
    int service_count() const;

    // Services, with each one's words in `lang` where services.json gives them (its "translations"),
    // otherwise in English.
    std::vector<Service> services(const std::string& need = "", const std::string& lang = "en") const;
    // Every notice in `lang`, whoever it is for (staff and tools).
    std::vector<std::string> notices(const std::string& lang) const;
    // Today's notices in `lang` for visitors, in the order staff wrote them: those for everyone, and those
    // naming `audience`. With no audience (the attract screen, seen by anyone passing) only those for everyone.
    std::vector<std::string> notices(const std::string& lang, std::optional<Audience> audience) const;
    std::string form_json() const;
    // The kiosk's own words from strings.yaml: key -> lang -> text (empty for older packs).
    std::map<std::string, std::map<std::string, std::string>> ui_strings() const;
    std::vector<std::string> languages() const { return meta().languages; }

   private:
    SearchState& search_state() const;                      // made on first use; call with search_mutex_ held
    bool topic_adult_only(const std::string& topic) const;  // the topic's own flag in the pack

    std::string path_;
    SQLite::Database db_;
    // Search uses scratch temp tables on this connection, so one search at a time.
    mutable std::mutex search_mutex_;
    mutable std::unique_ptr<SearchState> search_state_;
    mutable std::mutex image_mutex_;
    mutable std::map<std::string, std::shared_ptr<const Image>> image_cache_;
};

}  // namespace lantern::content
