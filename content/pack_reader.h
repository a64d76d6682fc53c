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
    std::string lang;
    std::string title;
    std::string snippet;  // matched words wrapped in k_snippet_mark_open/close
};
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
};

class PackReader {
   public:
    // Opens read-only; throws PackError if the file is missing, not a pack, or of a newer format.
    explicit PackReader(const std::string& path);

    const std::string& path() const { return path_; }
    PackMeta meta() const;

    // Topics with at least one page for this audience, in pack order; adult-only topics never reach
    // child, teen or little audiences whatever the sources say.
    std::vector<Topic> topics(Audience audience, const std::string& lang) const;

    // Pages of a topic for an audience, in `lang` where it exists, otherwise in English.
    std::vector<PageSummary> pages_in_topic(const std::string& topic, Audience audience, const std::string& lang) const;

    // The page in `lang`, or in English with fell_back set; nullopt if the id is unknown.
    std::optional<Page> page(const std::string& id, const std::string& lang) const;

    // Decoded RGBA image, cached after the first call; nullptr if missing or undecodable.
    std::shared_ptr<const Image> image(const std::string& name) const;

    // Full-text search within one audience and language. Accents fold both ways ("cafe" finds "café",
    // "dwr" finds "dŵr"); the last word is a prefix; pages whose title holds every word come first,
    // then by bm25 (title over summary over body). The snippet is from the body where it matched,
    // otherwise from the summary, otherwise the body's opening words.
    std::vector<SearchHit> search(const std::string& query, Audience audience, const std::string& lang,
                                  int limit = 20) const;

    // Pages per audience and language; a page for several audiences counts once under each.
    // Every audience is present (adult, teen, child, little), with an empty map when it has no pages.
    std::map<Audience, std::map<std::string, int>> page_counts() const;
    int image_count() const;
    int service_count() const;

    std::vector<Service> services(const std::string& need = "") const;
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
    void ensure_search_filter() const;

    std::string path_;
    SQLite::Database db_;
    mutable std::once_flag search_filter_once_;
    mutable std::mutex image_mutex_;
    mutable std::map<std::string, std::shared_ptr<const Image>> image_cache_;
};

// Topics that must never be listed for anyone but adults, whatever a source file says.
bool is_adult_only_topic(const std::string& topic_id);

}  // namespace lantern::content
