// Reads a content pack built by pack_builder; every SQL statement the kiosk runs on a pack lives here.
#include "content/pack_reader.h"

#include <SQLiteCpp/Statement.h>
#include <stb_image.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "content/pack_check.h"
#include "content/pack_schema.h"

namespace lantern::content {
namespace {

std::vector<Audience> parse_audiences(const std::string& stored) {
    std::vector<Audience> out;
    std::stringstream ss(stored);
    std::string item;
    while (std::getline(ss, item, ','))
        if (auto a = audience_from_string(item)) out.push_back(*a);
    return out;
}

std::string audience_like(Audience a) { return std::string("%,") + to_string(a) + ",%"; }

// Turns what a visitor typed into a safe FTS5 query: words only, each quoted, the last one a prefix.
std::string fts_query(const std::string& typed) {
    std::vector<std::string> words;
    std::string word;
    auto flush = [&] {
        if (!word.empty()) words.push_back(word);
        word.clear();
    };
    for (unsigned char c : typed) {
        if (c >= 0x80 || std::isalnum(c)) word.push_back(static_cast<char>(c));
        else flush();
    }
    flush();
    std::string q;
    for (size_t i = 0; i < words.size() && i < 12; ++i) {
        if (!q.empty()) q += ' ';
        q += '"' + words[i] + '"';
        if (i + 1 == words.size()) q += '*';
    }
    return q;
}

}  // namespace

bool is_adult_only_topic(const std::string& topic_id) {
    static const char* const adult_only[] = {"domestic-abuse", "money-debt", "drugs-alcohol", "offending"};
    for (const char* t : adult_only)
        if (topic_id == t) return true;
    return false;
}

PackReader::PackReader(const std::string& path) try : path_(path), db_(path, SQLite::OPEN_READONLY) {
    // Read the pack through a memory map: with SQLite's default 2 MiB page cache, a search over a large
    // pack spent a sixth of its time in pread() copying pages it had read moments before (perf, bench/).
    // A new pack is written beside this one and renamed into place, so a mapped file never changes.
    db_.exec("PRAGMA mmap_size = 268435456");
    db_.exec("PRAGMA temp_store = MEMORY");  // the search filter below; the pack itself stays read-only
    int format = 0;
    try {
        SQLite::Statement q(db_, "SELECT value FROM meta WHERE key = 'format_version'");
        if (q.executeStep()) format = std::stoi(q.getColumn(0).getString());
    } catch (const std::exception&) {
        throw PackError(path + ": not a Lantern content pack (no meta table)");
    }
    if (format <= 0) throw PackError(path + ": not a Lantern content pack (no format_version)");
    if (format > k_pack_format_version)
        throw PackError(path + ": pack format " + std::to_string(format) + " is newer than this kiosk understands (" +
                        std::to_string(k_pack_format_version) + ")");
    // A pack without a table the screens query would throw on a visitor's first tap: refuse it here instead.
    if (auto why = check_pack_schema(db_); !why.empty()) throw PackError(path + ": not a usable content pack: " + why);
} catch (const SQLite::Exception& e) {
    throw PackError(path + ": cannot open content pack: " + e.what());
}

PackMeta PackReader::meta() const {
    PackMeta m;
    SQLite::Statement q(db_, "SELECT key, value FROM meta");
    while (q.executeStep()) {
        std::string key = q.getColumn(0).getString();
        std::string value = q.getColumn(1).getString();
        if (key == "format_version") m.format_version = std::stoi(value);
        else if (key == "content_version") m.content_version = value;
        else if (key == "built_at") m.built_at = value;
        else if (key == "languages") {
            std::stringstream ss(value);
            std::string lang;
            while (std::getline(ss, lang, ','))
                if (!lang.empty()) m.languages.push_back(lang);
        }
    }
    return m;
}

std::vector<Topic> PackReader::topics(Audience audience, const std::string& lang) const {
    SQLite::Statement q(db_, R"SQL(
        SELECT t.id, t.icon, t.audiences, t.adult_only,
               COALESCE((SELECT title FROM topic_titles WHERE topic_id = t.id AND lang = ?1),
                        (SELECT title FROM topic_titles WHERE topic_id = t.id AND lang = 'en'), t.id)
        FROM topics t
        WHERE t.audiences LIKE ?2
          AND EXISTS (SELECT 1 FROM pages p WHERE p.topic = t.id AND p.audiences LIKE ?2)
        ORDER BY t.position)SQL");
    q.bind(1, lang);
    q.bind(2, audience_like(audience));
    std::vector<Topic> out;
    while (q.executeStep()) {
        Topic t;
        t.id = q.getColumn(0).getString();
        t.icon = q.getColumn(1).getString();
        t.audiences = parse_audiences(q.getColumn(2).getString());
        t.adult_only = q.getColumn(3).getInt() != 0 || is_adult_only_topic(t.id);
        t.title = q.getColumn(4).getString();
        if (t.adult_only && audience != Audience::adult) continue;
        out.push_back(std::move(t));
    }
    return out;
}

std::vector<PageSummary> PackReader::pages_in_topic(const std::string& topic, Audience audience,
                                                    const std::string& lang) const {
    if (audience != Audience::adult && is_adult_only_topic(topic)) return {};
    SQLite::Statement q(db_, R"SQL(
        SELECT id, lang, title, summary, topic, icon FROM pages p
        WHERE topic = ?1 AND audiences LIKE ?2
          AND (lang = ?3 OR (lang = 'en' AND NOT EXISTS
                (SELECT 1 FROM pages o WHERE o.id = p.id AND o.lang = ?3)))
        ORDER BY position, title)SQL");
    q.bind(1, topic);
    q.bind(2, audience_like(audience));
    q.bind(3, lang);
    std::vector<PageSummary> out;
    while (q.executeStep())
        out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                       q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getString()});
    return out;
}

std::optional<Page> PackReader::page(const std::string& id, const std::string& lang) const {
    SQLite::Statement q(db_, R"SQL(
        SELECT id, lang, title, summary, topic, audiences, body, reviewed, image FROM pages
        WHERE id = ?1 AND lang IN (?2, 'en') ORDER BY lang = ?2 DESC LIMIT 1)SQL");
    q.bind(1, id);
    q.bind(2, lang);
    if (!q.executeStep()) return std::nullopt;
    Page p;
    p.id = q.getColumn(0).getString();
    p.lang = q.getColumn(1).getString();
    p.fell_back = p.lang != lang;
    p.title = q.getColumn(2).getString();
    p.summary = q.getColumn(3).getString();
    p.topic = q.getColumn(4).getString();
    p.audiences = parse_audiences(q.getColumn(5).getString());
    p.body_markdown = q.getColumn(6).getString();
    p.reviewed = q.getColumn(7).getString();
    p.image = q.getColumn(8).getString();
    return p;
}

std::shared_ptr<const Image> PackReader::image(const std::string& name) const {
    std::lock_guard lock(image_mutex_);
    if (auto it = image_cache_.find(name); it != image_cache_.end()) return it->second;
    std::shared_ptr<Image> img;
    SQLite::Statement q(db_, "SELECT alt, data FROM images WHERE name = ?1");
    q.bind(1, name);
    if (q.executeStep()) {
        auto blob = q.getColumn(1);
        int w = 0, h = 0, n = 0;
        stbi_uc* pixels =
            stbi_load_from_memory(static_cast<const stbi_uc*>(blob.getBlob()), blob.getBytes(), &w, &h, &n, 4);
        if (pixels) {
            img = std::make_shared<Image>();
            img->name = name;
            img->alt = q.getColumn(0).getString();
            img->width = w;
            img->height = h;
            img->rgba.assign(pixels, pixels + static_cast<size_t>(w) * h * 4);
            stbi_image_free(pixels);
        }
    }
    image_cache_[name] = img;
    return img;
}

// Which FTS rows are in which language and for which audiences, in a small in-memory table. Filtering
// on pages_fts's own lang and audiences columns reads each matching row's stored content (body and all):
// on a 2,000-page pack that was half the time of a search for a common word such as "prison" (bench/).
void PackReader::ensure_search_filter() const {
    std::call_once(search_filter_once_, [this] {
        SQLite::Statement(db_, "CREATE TEMP TABLE page_filter (rowid INTEGER PRIMARY KEY, lang TEXT, audiences TEXT)")
            .exec();
        SQLite::Statement(db_, "INSERT INTO temp.page_filter SELECT rowid, lang, audiences FROM pages_fts").exec();
    });
}

std::vector<SearchHit> PackReader::search(const std::string& query, Audience audience, const std::string& lang,
                                          int limit) const {
    std::string match = fts_query(query);
    if (match.empty() || limit <= 0) return {};
    ensure_search_filter();
    // A page whose title holds all the words is what the visitor most likely means, whatever bm25
    // makes of a long body that repeats them; so title hits sort first, then bm25 within each group.
    std::string title_match = "{title} : (" + match + ")";
    SQLite::Statement q(db_, R"SQL(
        SELECT id, lang, title,
               snippet(pages_fts, 5, ?4, ?5, '…', 12),
               snippet(pages_fts, 4, ?4, ?5, '…', 12)
        FROM pages_fts
        WHERE pages_fts MATCH ?1
          -- The unary + keeps FTS5 from taking the IN list as rowid lookups (one MATCH per listed row).
          AND +rowid IN (SELECT rowid FROM temp.page_filter WHERE lang = ?2 AND audiences LIKE ?3)
        ORDER BY rowid IN (SELECT rowid FROM pages_fts WHERE pages_fts MATCH ?7) DESC,
                 bm25(pages_fts, 0, 0, 0, 10.0, 4.0, 1.0)
        LIMIT ?6)SQL");
    q.bind(1, match);
    q.bind(2, lang);
    q.bind(3, audience_like(audience));
    q.bind(4, k_snippet_mark_open);
    q.bind(5, k_snippet_mark_close);
    q.bind(6, limit);
    q.bind(7, title_match);
    std::vector<SearchHit> out;
    while (q.executeStep()) {
        std::string body = q.getColumn(3).getString();
        std::string summary = q.getColumn(4).getString();
        bool body_hit = body.find(k_snippet_mark_open) != std::string::npos;
        bool summary_hit = summary.find(k_snippet_mark_open) != std::string::npos;
        std::string snippet = body_hit || (!summary_hit && summary.empty()) ? body : summary;
        out.push_back(
            {q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(), std::move(snippet)});
    }
    return out;
}

std::map<Audience, std::map<std::string, int>> PackReader::page_counts() const {
    std::map<Audience, std::map<std::string, int>> out;
    SQLite::Statement q(db_, "SELECT lang, COUNT(*) FROM pages WHERE audiences LIKE ?1 GROUP BY lang ORDER BY lang");
    for (Audience a : k_all_audiences) {
        auto& by_lang = out[a];
        q.reset();
        q.bind(1, audience_like(a));
        while (q.executeStep()) by_lang[q.getColumn(0).getString()] = q.getColumn(1).getInt();
    }
    return out;
}

int PackReader::image_count() const {
    SQLite::Statement q(db_, "SELECT COUNT(*) FROM images");
    return q.executeStep() ? q.getColumn(0).getInt() : 0;
}

int PackReader::service_count() const {
    SQLite::Statement q(db_, "SELECT COUNT(*) FROM services");
    return q.executeStep() ? q.getColumn(0).getInt() : 0;
}

std::vector<Service> PackReader::services(const std::string& need) const {
    SQLite::Statement q(db_, need.empty() ? "SELECT json FROM services ORDER BY id"
                                          : "SELECT s.json FROM services s WHERE EXISTS (SELECT 1 FROM "
                                            "service_needs n WHERE n.service_id = s.id AND n.need = ?1) ORDER BY s.id");
    if (!need.empty()) q.bind(1, need);
    std::vector<Service> out;
    while (q.executeStep()) {
        auto j = nlohmann::json::parse(q.getColumn(0).getString(), nullptr, false);
        if (j.is_discarded() || !j.is_object()) continue;
        Service s;
        s.id = j.value("id", "");
        s.organisation = j.value("organisation", "");
        s.name = j.value("name", "");
        s.description = j.value("description", "");
        s.phone = j.value("phone", "");
        s.website = j.value("website", "");
        s.opening_times = j.value("opening_times", "");
        s.area = j.value("area", "");
        s.age_range = j.value("age_range", "");
        if (j.contains("needs") && j["needs"].is_array())
            for (auto& n : j["needs"])
                if (n.is_string()) s.needs.push_back(n.get<std::string>());
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<std::string> PackReader::notices(const std::string& lang) const {
    SQLite::Statement q(db_, "SELECT text FROM notices WHERE lang = ?1 ORDER BY id");
    q.bind(1, lang);
    std::vector<std::string> out;
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    return out;
}

std::vector<std::string> PackReader::notices(const std::string& lang, std::optional<Audience> audience) const {
    // Packs built before notices had audiences have no such column: every notice there is for everyone.
    bool has_audiences = false;
    {
        SQLite::Statement cols(db_, "SELECT 1 FROM pragma_table_info('notices') WHERE name = 'audiences'");
        has_audiences = cols.executeStep();
    }
    if (!has_audiences) return notices(lang);
    SQLite::Statement q(db_,
                        "SELECT text FROM notices WHERE lang = ?1 AND (audiences = '' OR audiences LIKE ?2) "
                        "ORDER BY id");
    q.bind(1, lang);
    q.bind(2, audience ? "%," + std::string(to_string(*audience)) + ",%" : std::string("-"));
    std::vector<std::string> out;
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    return out;
}

std::map<std::string, std::map<std::string, std::string>> PackReader::ui_strings() const {
    std::map<std::string, std::map<std::string, std::string>> out;
    // Packs built before strings.yaml existed have no table: the kiosk's own words are all there is.
    SQLite::Statement has(db_, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ui_strings'");
    if (!has.executeStep()) return out;
    SQLite::Statement q(db_, "SELECT key, lang, text FROM ui_strings");
    while (q.executeStep()) out[q.getColumn(0).getString()][q.getColumn(1).getString()] = q.getColumn(2).getString();
    return out;
}

std::string PackReader::form_json() const {
    SQLite::Statement q(db_, "SELECT json FROM form LIMIT 1");
    return q.executeStep() ? q.getColumn(0).getString() : std::string();
}

}  // namespace lantern::content
