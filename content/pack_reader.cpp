// Reads a content pack built by pack_builder; every SQL statement the kiosk runs on a pack lives here.
#include "content/pack_reader.h"

#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>
#include <stb_image.h>

#include <nlohmann/json.hpp>
#include <algorithm>
#include <iostream>
#include <set>
#include <sstream>
#include <unordered_set>

#include "content/audience_policy.h"
#include "content/pack_check.h"
#include "content/pack_schema.h"
#include "content/search_words.h"
#include "content/service_fields.h"

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

}  // namespace

PackReader::PackReader(const std::string& path) try : path_(path), db_(path, SQLite::OPEN_READONLY) {
    // Read the pack through a memory map: with SQLite's default 2 MiB page cache, a search over a large
    // pack spent a sixth of its time in pread() copying pages it had read moments before (perf, bench/).
    // A new pack is written beside this one and renamed into place, so a mapped file never changes.
    db_.exec("PRAGMA mmap_size = 268435456");
    db_.exec("PRAGMA temp_store = MEMORY");  // the search filter below; the pack itself stays read-only
    // The search splits a visitor's words in a temp table (search_words.cpp): what it deletes is zeroed.
    db_.exec("PRAGMA temp.secure_delete = ON");
    // The format is PRAGMA user_version; packs built before it was set (0) carry it only in meta. A pack is
    // signed and read-only, so an older format is never rewritten: the reader reads each format it knows.
    int format = db_.execAndGet("PRAGMA user_version").getInt();
    try {
        SQLite::Statement q(db_, "SELECT value FROM meta WHERE key = 'format_version'");
        if (format == 0 && q.executeStep()) format = std::stoi(q.getColumn(0).getString());
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
        t.adult_only = q.getColumn(3).getInt() != 0 || is_adult_only_subject(t.id);
        t.title = q.getColumn(4).getString();
        if (!may_see(audience, t)) continue;
        out.push_back(std::move(t));
    }
    return out;
}

std::vector<PageSummary> PackReader::pages_in_topic(const std::string& topic, Audience audience,
                                                    const std::string& lang) const {
    if (!may_see_topic(audience, topic, topic_adult_only(topic))) return {};
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

bool PackReader::topic_adult_only(const std::string& topic) const {
    SQLite::Statement q(db_, "SELECT adult_only FROM topics WHERE id = ?1");
    q.bind(1, topic);
    return q.executeStep() && q.getColumn(0).getInt() != 0;
}

namespace {

// The page in `lang` (else English), by audience_policy.h's rule.
bool may_open(const PackReader& pack, const std::string& page_id, const std::string& lang, Audience audience) {
    auto p = pack.page(page_id, lang);
    return p && may_see(audience, *p);
}

}  // namespace

std::optional<Page> PackReader::page(const std::string& id, const std::string& lang) const {
    SQLite::Statement q(db_, R"SQL(
        SELECT id, lang, title, summary, topic, audiences, body, reviewed, image,
               EXISTS (SELECT 1 FROM topics t WHERE t.id = pages.topic AND t.adult_only <> 0)
        FROM pages WHERE id = ?1 AND lang IN (?2, 'en') ORDER BY lang = ?2 DESC LIMIT 1)SQL");
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
    p.topic_adult_only = q.getColumn(9).getInt() != 0;
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

//-----------------------------------------------------------------------------
// Search
//-----------------------------------------------------------------------------

namespace {

struct IndexedWord {
    std::string term;
    int pages = 0;  // how many pages hold it: among corrections as close as each other, the commoner wins
    std::size_t letters = 0;
};

// An FTS5 string: the word in double quotes, any quote in it doubled, so typed text is never query syntax.
std::string quoted(const std::string& word) {
    std::string out = "\"";
    for (char c : word) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string joined(const std::vector<std::string>& parts, const char* glue) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : glue) + p;
    return out;
}

const std::string& in_lang(const nlohmann::json& per_language, const std::string& lang, const std::string& fallback) {
    static const std::string empty;
    if (!per_language.is_object()) return empty;
    for (const std::string& l : {lang, fallback})
        if (auto it = per_language.find(l); it != per_language.end() && it->is_string())
            return it->get_ref<const std::string&>();
    return empty;
}

}  // namespace

// What search keeps between searches: the scratch tables and statements, the pack's words for typos, and
// search.yaml's words about harm. Made once per pack, on the first search.
struct SearchState {
    explicit SearchState(const SQLite::Database& db);

    IndexWords words;
    std::unordered_set<std::string> vocabulary;
    std::vector<IndexedWord> indexed;
    bool has_keywords = false;  // packs built before search.yaml have no keywords column and no cards
    bool has_cards = false;
    int languages = 1;
    std::map<std::string, std::vector<std::vector<std::string>>> harm_words;  // audience -> words, each split

    // Words from the index this typed word may have meant: the closest within typo_allowance, commonest first.
    std::vector<std::string> corrections(const std::string& typed) const;
};

// FTS5's unicode61 tokenizer keeps the last word it folded in a buffer that lives as long as its table, so a
// visitor's search words would stay in memory after her visit. After every search, a word of `length` x's
// (longer than any she typed) goes through both tokenizers the search used: the scratch table's and the
// index's. Runs on every way out, exceptions included.
class TokenizerScrub {
   public:
    TokenizerScrub(const SQLite::Database& db, SearchState& state, std::size_t length)
        : db_(db), state_(state), length_(length) {}
    TokenizerScrub(const TokenizerScrub&) = delete;
    TokenizerScrub& operator=(const TokenizerScrub&) = delete;
    ~TokenizerScrub() {
        try {
            state_.words.scrub(length_);
            SQLite::Statement q(db_, "SELECT rowid FROM pages_fts WHERE pages_fts MATCH ?1 LIMIT 1");
            q.bind(1, "\"" + std::string(length_ + 1, 'x') + "\"");
            q.executeStep();
        } catch (const std::exception&) {
            // Scrubbing is best effort on top of the wiping heap; a search that worked is not failed for it.
        }
    }

   private:
    const SQLite::Database& db_;
    SearchState& state_;
    std::size_t length_;
};

SearchState::SearchState(const SQLite::Database& db) : words(db) {
    // Which FTS rows are for which audiences, in a small in-memory table. Filtering on pages_fts's own
    // audiences column reads each matching row's stored content (body and all): on a 2,000-page pack
    // that was half the time of a search for a common word such as "prison" (bench/).
    SQLite::Statement(db, "CREATE TEMP TABLE IF NOT EXISTS page_filter (rowid INTEGER PRIMARY KEY, audiences TEXT)")
        .exec();
    SQLite::Statement(db, "INSERT OR REPLACE INTO temp.page_filter SELECT rowid, audiences FROM pages_fts").exec();
    // The index's own words (fts5vocab), so corrections only ever lead to words some page holds.
    SQLite::Statement(db, "CREATE VIRTUAL TABLE IF NOT EXISTS temp.pages_vocab USING fts5vocab(main, pages_fts, row)")
        .exec();
    SQLite::Statement vocab(db, "SELECT term, doc FROM temp.pages_vocab");
    while (vocab.executeStep()) {
        IndexedWord w{vocab.getColumn(0).getString(), vocab.getColumn(1).getInt(), 0};
        w.letters = letter_count(w.term);
        vocabulary.insert(w.term);
        indexed.push_back(std::move(w));
    }
    SQLite::Statement cols(db, "SELECT 1 FROM pragma_table_info('pages_fts') WHERE name = 'keywords'");
    has_keywords = cols.executeStep();
    SQLite::Statement cards(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_cards'");
    has_cards = cards.executeStep();
    SQLite::Statement langs(db, "SELECT COUNT(DISTINCT lang) FROM pages");
    if (langs.executeStep()) languages = std::max(1, langs.getColumn(0).getInt());
    if (has_cards) {
        SQLite::Statement harm(db, "SELECT audience, word FROM search_harm_words");
        while (harm.executeStep()) {
            std::vector<std::string> parts;
            std::stringstream ss(harm.getColumn(1).getString());
            for (std::string part; ss >> part;) parts.push_back(part);
            if (!parts.empty()) harm_words[harm.getColumn(0).getString()].push_back(std::move(parts));
        }
    }
}

std::vector<std::string> SearchState::corrections(const std::string& typed) const {
    std::size_t letters = letter_count(typed);
    int allowed = typo_allowance(letters);
    if (allowed == 0) return {};
    std::vector<std::pair<int, const IndexedWord*>> near;
    for (const IndexedWord& w : indexed) {
        std::size_t gap = w.letters > letters ? w.letters - letters : letters - w.letters;
        if (gap > static_cast<std::size_t>(allowed)) continue;
        // Both words must be long enough for the change: a 4-letter word is never a 3-letter one ("fare",
        // "are"), where one change makes another everyday word.
        int both_allow = std::min(allowed, typo_allowance(w.letters));
        if (both_allow == 0) continue;
        int d = edit_distance(typed, w.term, both_allow);
        if (d <= both_allow) near.push_back({d, &w});
    }
    if (near.empty()) return {};
    std::sort(near.begin(), near.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first < b.first : a.second->pages > b.second->pages;
    });
    // The closest words; of those, the commonest and any nearly as common ("vist": "visit", not "list").
    std::vector<std::string> out;
    for (const auto& [d, w] : near) {
        if (d > near.front().first || out.size() == 3 || w->pages * 4 < near.front().second->pages) break;
        out.push_back(w->term);
    }
    return out;
}

PackReader::~PackReader() = default;

SearchState& PackReader::search_state() const {
    if (!search_state_) search_state_ = std::make_unique<SearchState>(db_);
    return *search_state_;
}

std::vector<SearchHit> PackReader::search(const std::string& query, Audience audience, const std::string& lang,
                                          int limit) const try {
    if (limit <= 0) return {};
    std::lock_guard lock(search_mutex_);
    SearchState& state = search_state();
    TokenizerScrub scrub(db_, state, query.size());
    std::vector<std::string> typed = state.words.split(query);
    if (typed.size() > 12) typed.resize(12);
    if (typed.empty()) return {};

    // Each word whole; and, for the broad query, also its corrections and (the last word only, from 3
    // letters: the one being typed) the words it starts.
    std::vector<std::string> whole, broad;
    for (std::size_t i = 0; i < typed.size(); ++i) {
        const std::string& w = typed[i];
        whole.push_back(quoted(w));
        std::vector<std::string> ways{quoted(w)};
        if (!state.vocabulary.count(w))
            for (const auto& c : state.corrections(w)) ways.push_back(quoted(c));
        if (i + 1 == typed.size() && letter_count(w) >= 3) ways.push_back(quoted(w) + "*");
        broad.push_back(ways.size() == 1 ? ways[0] : "(" + joined(ways, " OR ") + ")");
    }
    const std::string named = state.has_keywords ? "{title keywords} : " : "{title} : ";

    struct Row {
        std::string id, lang, title, snippet;
    };
    auto run = [&](const char* glue) {
        std::string exact_q = joined(whole, glue), broad_q = joined(broad, glue);
        // A page whose title or synonyms hold the words is what the visitor most likely means, whatever
        // bm25 makes of a long body that repeats them; a word as typed beats a correction or a longer word.
        std::vector<std::string> tiers{named + "(" + exact_q + ")"};
        if (broad_q != exact_q) {
            tiers.push_back(exact_q);
            tiers.push_back(named + "(" + broad_q + ")");
        }
        std::string sql = R"SQL(
            SELECT id, lang, title,
                   snippet(pages_fts, 5, ?3, ?4, '…', 12),
                   snippet(pages_fts, 4, ?3, ?4, '…', 12)
            FROM pages_fts
            WHERE pages_fts MATCH ?1
              -- The unary + keeps FTS5 from taking the IN list as rowid lookups (one MATCH per listed row).
              AND +rowid IN (SELECT rowid FROM temp.page_filter WHERE audiences LIKE ?2)
            ORDER BY )SQL";
        for (std::size_t t = 0; t < tiers.size(); ++t)
            sql += "rowid IN (SELECT rowid FROM pages_fts WHERE pages_fts MATCH ?" + std::to_string(6 + t) + ") DESC, ";
        sql += "bm25(pages_fts, 0, 0, 0, 10.0, 4.0, 1.0, 8.0) LIMIT ?5";
        SQLite::Statement q(db_, sql);
        q.bind(1, broad_q);
        q.bind(2, audience_like(audience));
        q.bind(3, k_snippet_mark_open);
        q.bind(4, k_snippet_mark_close);
        // Each page can come once per language; the best of them stands for it.
        q.bind(5, limit * state.languages);
        for (std::size_t t = 0; t < tiers.size(); ++t) q.bind(static_cast<int>(6 + t), tiers[t]);
        std::vector<Row> rows;
        while (q.executeStep()) {
            std::string body = q.getColumn(3).getString();
            std::string summary = q.getColumn(4).getString();
            bool body_hit = body.find(k_snippet_mark_open) != std::string::npos;
            bool summary_hit = summary.find(k_snippet_mark_open) != std::string::npos;
            rows.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                            body_hit || (!summary_hit && summary.empty()) ? body : summary});
        }
        return rows;
    };
    std::vector<Row> rows = run(" AND ");
    // Rather than nothing, pages with some of the words ("hit me": pages about being hit).
    if (rows.empty() && typed.size() > 1) rows = run(" OR ");

    // One hit per page, where it ranked best; shown in `lang` when that version matched too. A page the
    // audience may not open (its topic adult-only, whatever its own audiences say) is never offered.
    std::vector<SearchHit> out;
    std::map<std::string, std::size_t> at;
    std::map<std::pair<std::string, std::string>, bool> allowed;  // (id, lang) -> may open
    for (Row& r : rows) {
        auto [seen, fresh_id] = allowed.emplace(std::pair{r.id, r.lang}, false);
        if (fresh_id) seen->second = may_open(*this, r.id, r.lang, audience);
        if (!seen->second) continue;
        auto [it, fresh] = at.emplace(r.id, out.size());
        if (fresh) out.push_back({r.id, r.lang, r.title, r.snippet});
        else if (out[it->second].lang != lang && r.lang == lang) out[it->second] = {r.id, r.lang, r.title, r.snippet};
    }
    if (out.size() > static_cast<std::size_t>(limit)) out.resize(static_cast<std::size_t>(limit));
    // A page found through another language's words, shown in `lang` when it has that version.
    SQLite::Statement own(db_, "SELECT title, summary FROM pages WHERE id = ?1 AND lang = ?2");
    for (SearchHit& hit : out) {
        if (hit.lang == lang) continue;
        own.reset();
        own.bind(1, hit.id);
        own.bind(2, lang);
        if (!own.executeStep()) continue;
        hit.lang = lang;
        hit.title = own.getColumn(0).getString();
        hit.snippet = own.getColumn(1).getString();
    }
    return out;
} catch (const SQLite::Exception& e) {
    // A pack that passed its check can still hold a damaged index in a corner the check did not read: the
    // visitor sees "nothing found", never a crash, and staff read why in the log.
    // SQLite's own message can quote the query (an FTS5 syntax error names the word): only the generic text of
    // its code is logged, never what the visitor typed.
    std::cerr << "lantern: the pack's search failed: " << sqlite3_errstr(e.getErrorCode()) << "\n";
    return {};
}

std::string PackReader::vocabulary_words(const std::string& query) const try {
    std::lock_guard lock(search_mutex_);
    SearchState& state = search_state();
    TokenizerScrub scrub(db_, state, query.size());
    std::vector<std::string> typed = state.words.split(query);
    std::string out;
    for (const auto& w : typed) {
        if (!state.vocabulary.count(w) || w.find_first_of("0123456789") != std::string::npos) return "";
        out += (out.empty() ? "" : " ") + w;
    }
    return out;
} catch (const SQLite::Exception& e) {
    std::cerr << "lantern: the pack's search failed: " << sqlite3_errstr(e.getErrorCode()) << "\n";
    return "";
}

std::optional<SearchCard> PackReader::search_card(const std::string& query, Audience audience, const std::string& lang,
                                                  bool found_any) const try {
    std::lock_guard lock(search_mutex_);
    SearchState& state = search_state();
    if (!state.has_cards) return std::nullopt;
    TokenizerScrub scrub(db_, state, query.size());
    std::vector<std::string> typed = state.words.split(query);
    if (typed.empty()) return std::nullopt;
    // A typed word is a word about harm when it is one, or one mistyped within typo_allowance ("abuze"); a
    // word the pages use is taken as meant ("shared" is not "scared").
    auto same = [&state](const std::string& typed_word, const std::string& harm_word) {
        if (typed_word == harm_word) return true;
        if (state.vocabulary.count(typed_word)) return false;
        int allowed = typo_allowance(letter_count(typed_word));
        return allowed > 0 && edit_distance(typed_word, harm_word, allowed) <= allowed;
    };
    bool harm = false;
    if (auto it = state.harm_words.find(to_string(audience)); it != state.harm_words.end())
        for (const auto& words : it->second)
            for (std::size_t start = 0; !harm && start + words.size() <= typed.size(); ++start) {
                bool all = true;
                for (std::size_t k = 0; all && k < words.size(); ++k) all = same(typed[start + k], words[k]);
                harm = all;
            }
    if (!harm && found_any) return std::nullopt;

    SQLite::Statement q(db_,
                        "SELECT kind, json FROM search_cards WHERE audiences LIKE ?1 AND kind IN (?2, ?3) "
                        "ORDER BY kind = ?2 DESC, position LIMIT 1");
    q.bind(1, audience_like(audience));
    // With a word about harm the harm card, or, when nothing was found and the audience has no harm card,
    // its nothing_found card.
    q.bind(2, harm ? "harm" : "nothing_found");
    q.bind(3, found_any ? "harm" : "nothing_found");
    if (!q.executeStep()) return std::nullopt;
    auto j = nlohmann::json::parse(q.getColumn(1).getString(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) return std::nullopt;
    SearchCard card;
    card.kind = q.getColumn(0).getString() == "harm" ? SearchCard::Kind::harm : SearchCard::Kind::nothing_found;
    card.title = in_lang(j.value("title", nlohmann::json()), lang, "en");
    card.text = in_lang(j.value("text", nlohmann::json()), lang, "en");
    card.find_local_help = j.value("find_local_help", false);
    if (j.contains("helplines") && j["helplines"].is_array())
        for (const auto& h : j["helplines"]) {
            if (!h.is_object()) continue;
            card.helplines.push_back({in_lang(h.value("name", nlohmann::json()), lang, "en"), h.value("number", ""),
                                      in_lang(h.value("about", nlohmann::json()), lang, "en")});
        }
    std::string page = j.value("page", "");
    if (!page.empty() && may_open(*this, page, lang, audience)) {
        SQLite::Statement p(db_,
                            "SELECT title FROM pages WHERE id = ?1 AND audiences LIKE ?2 AND lang IN (?3, 'en') "
                            "ORDER BY lang = ?3 DESC LIMIT 1");
        p.bind(1, page);
        p.bind(2, audience_like(audience));
        p.bind(3, lang);
        if (p.executeStep()) {
            card.page_id = page;
            card.page_title = p.getColumn(0).getString();
        }
    }
    return card;
} catch (const SQLite::Exception& e) {
    std::cerr << "lantern: the pack's help card lookup failed: " << sqlite3_errstr(e.getErrorCode()) << "\n";
    return std::nullopt;
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

std::map<std::string, int> PackReader::unreviewed_counts() const {
    bool tracked = false;
    {
        SQLite::Statement cols(db_, "SELECT 1 FROM pragma_table_info('pages') WHERE name = 'translation'");
        tracked = cols.executeStep();
    }
    SQLite::Statement q(db_, tracked
                                 ? "SELECT lang, COUNT(*) FROM pages WHERE lang <> 'en' AND translation <> "
                                   "'reviewed' GROUP BY lang ORDER BY lang"
                                 : "SELECT lang, COUNT(*) FROM pages WHERE lang <> 'en' GROUP BY lang ORDER BY lang");
    std::map<std::string, int> out;
    while (q.executeStep()) out[q.getColumn(0).getString()] = q.getColumn(1).getInt();
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

std::vector<Service> PackReader::services(const std::string& need, const std::string& lang) const {
    SQLite::Statement q(db_, need.empty() ? "SELECT json FROM services ORDER BY id"
                                          : "SELECT s.json FROM services s WHERE EXISTS (SELECT 1 FROM "
                                            "service_needs n WHERE n.service_id = s.id AND n.need = ?1) ORDER BY s.id");
    if (!need.empty()) q.bind(1, need);
    std::vector<Service> out;
    while (q.executeStep()) {
        auto j = nlohmann::json::parse(q.getColumn(0).getString(), nullptr, false);
        if (j.is_discarded() || !j.is_object()) continue;
        out.push_back(service_from_json(j, lang));
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
