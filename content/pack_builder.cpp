// Writes the pack's tables from validated sources in one transaction, then renames the file into place.
#include "content/pack_builder.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <chrono>
#include <ctime>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

#include "content/audience_policy.h"
#include "content/markdown.h"
#include "content/pack_reader.h"
#include "content/pack_schema.h"
#include "content/search_words.h"

namespace fs = std::filesystem;

namespace lantern::content {
namespace {

std::string stored_audiences(const std::vector<Audience>& audiences) {
    std::string s = ",";
    for (Audience a : audiences) s += std::string(to_string(a)) + ",";
    return s;
}

std::string utc_now(const char* format) {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, format, &tm);
    return buf;
}

// Each page's synonyms from search.yaml, for the index's keywords column.
std::map<std::string, std::string> keywords_by_page(const SearchSources& search) {
    std::map<std::string, std::string> out;
    for (const auto& syn : search.synonyms)
        for (const auto& page : syn.pages)
            for (const auto& word : syn.words) out[page] += (out[page].empty() ? "" : " ") + word;
    return out;
}

nlohmann::json per_language_json(const PerLanguage& words) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [lang, text] : words) out[lang] = text;
    return out;
}

void write_search_tables(SQLite::Database& db, const SearchSources& search) {
    IndexWords index_words(db);
    SQLite::Statement harm(db, "INSERT OR IGNORE INTO search_harm_words (audience, word) VALUES (?1, ?2)");
    for (const auto& group : search.harm_words)
        for (const auto& word : group.words) {
            // Stored as the index splits it ("cam-drin" is "cam drin"), so it compares with typed words as is.
            std::string joined;
            for (const auto& w : index_words.split(word)) joined += (joined.empty() ? "" : " ") + w;
            if (joined.empty()) continue;
            for (Audience a : group.audiences) {
                harm.bind(1, to_string(a));
                harm.bind(2, joined);
                harm.exec();
                harm.reset();
            }
        }
    std::map<std::string, const SourceHelpline*> helplines;
    for (const auto& h : search.helplines) helplines[h.id] = &h;
    SQLite::Statement card(db, "INSERT INTO search_cards (position, kind, audiences, json) VALUES (?1, ?2, ?3, ?4)");
    int position = 0;
    for (const auto& c : search.cards) {
        nlohmann::json j = {{"title", per_language_json(c.title)},
                            {"text", per_language_json(c.text)},
                            {"page", c.page},
                            {"find_local_help", c.find_local_help},
                            {"helplines", nlohmann::json::array()}};
        for (const auto& id : c.helplines) {
            const SourceHelpline& h = *helplines.at(id);
            j["helplines"].push_back(
                {{"name", per_language_json(h.name)}, {"number", h.number}, {"about", per_language_json(h.about)}});
        }
        card.bind(1, position++);
        card.bind(2, c.show == SourceSearchCard::Show::harm ? "harm" : "nothing_found");
        card.bind(3, stored_audiences(c.audiences));
        card.bind(4, j.dump());
        card.exec();
        card.reset();
    }
}

}  // namespace

bool write_pack(const Sources& sources, const fs::path& out, const BuildOptions& options) {
    if (sources.has_errors()) return false;
    fs::path tmp = out;
    tmp += ".building";
    fs::remove(tmp);
    try {
        SQLite::Database db(tmp.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;");
        SQLite::Transaction tx(db);
        db.exec(k_pack_schema_sql);
        // The format, where every other Lantern file keeps its schema version (meta.format_version too, for
        // kiosks from before user_version was set).
        db.exec("PRAGMA user_version = " + std::to_string(k_pack_format_version));
        db.exec(pages_fts_schema_sql());

        std::set<std::string> languages;
        for (const auto& p : sources.pages) languages.insert(p.lang);
        std::string langs;
        // English first: it is the fallback every kiosk needs.
        if (languages.count("en")) langs = "en";
        for (const auto& l : languages)
            if (l != "en") langs += (langs.empty() ? "" : ",") + l;

        SQLite::Statement meta(db, "INSERT INTO meta (key, value) VALUES (?1, ?2)");
        auto put_meta = [&](const char* k, const std::string& v) {
            meta.bind(1, k);
            meta.bind(2, v);
            meta.exec();
            meta.reset();
        };
        put_meta("format_version", std::to_string(k_pack_format_version));
        put_meta("content_version",
                 options.content_version.empty() ? utc_now("%Y%m%d%H%M%S") : options.content_version);
        put_meta("built_at", utc_now("%Y-%m-%dT%H:%M:%SZ"));
        put_meta("languages", langs);

        SQLite::Statement topic(
            db, "INSERT INTO topics (id, position, icon, audiences, adult_only) VALUES (?1,?2,?3,?4,?5)");
        SQLite::Statement title(db, "INSERT INTO topic_titles (topic_id, lang, title) VALUES (?1, ?2, ?3)");
        int position = 0;
        for (const auto& t : sources.topics) {
            topic.bind(1, t.id);
            topic.bind(2, position++);
            topic.bind(3, t.icon);
            topic.bind(4, stored_audiences(t.audiences));
            topic.bind(5, (t.adult_only || is_adult_only_subject(t.id)) ? 1 : 0);
            topic.exec();
            topic.reset();
            for (const auto& [lang, text] : t.titles) {
                title.bind(1, t.id);
                title.bind(2, lang);
                title.bind(3, text);
                title.exec();
                title.reset();
            }
        }

        SQLite::Statement page(db, R"SQL(INSERT INTO pages
            (id, lang, title, summary, topic, audiences, body, reviewed, icon, image, position, translation)
            VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12))SQL");
        SQLite::Statement fts(db, R"SQL(INSERT INTO pages_fts (id, lang, audiences, title, summary, body, keywords)
            VALUES (?1,?2,?3,?4,?5,?6,?7))SQL");
        auto keywords = keywords_by_page(sources.search);
        for (const auto& p : sources.pages) {
            std::string audiences = stored_audiences(p.audiences);
            page.bind(1, p.id);
            page.bind(2, p.lang);
            page.bind(3, p.title);
            page.bind(4, p.summary);
            page.bind(5, p.topic);
            page.bind(6, audiences);
            page.bind(7, p.body);
            page.bind(8, p.reviewed);
            page.bind(9, p.icon);
            page.bind(10, p.image);
            page.bind(11, p.order);
            page.bind(12, p.translation);
            page.exec();
            page.reset();
            fts.bind(1, p.id);
            fts.bind(2, p.lang);
            fts.bind(3, audiences);
            fts.bind(4, p.title);
            fts.bind(5, p.summary);
            fts.bind(6, plain_text(parse_markdown(p.body)));
            fts.bind(7, keywords[p.id]);
            fts.exec();
            fts.reset();
        }

        SQLite::Statement image(db, "INSERT INTO images (name, mime, alt, data) VALUES (?1, ?2, ?3, ?4)");
        for (const auto& i : sources.images) {
            image.bind(1, i.name);
            image.bind(2, i.mime);
            image.bind(3, i.alt);
            image.bind(4, i.bytes.data(), static_cast<int>(i.bytes.size()));
            image.exec();
            image.reset();
        }

        SQLite::Statement service(db, "INSERT INTO services (id, json) VALUES (?1, ?2)");
        SQLite::Statement need(db, "INSERT INTO service_needs (service_id, need) VALUES (?1, ?2)");
        for (const auto& s : nlohmann::json::parse(sources.services_json)) {
            std::string id = s.at("id").get<std::string>();
            service.bind(1, id);
            service.bind(2, s.dump());
            service.exec();
            service.reset();
            if (s.contains("needs") && s["needs"].is_array())
                for (const auto& n : s["needs"]) {
                    if (!n.is_string()) continue;
                    need.bind(1, id);
                    need.bind(2, n.get<std::string>());
                    need.exec();
                    need.reset();
                }
        }

        if (!sources.form_json.empty()) {
            SQLite::Statement form(db, "INSERT INTO form (version, json) VALUES (?1, ?2)");
            form.bind(1, sources.form_version);
            form.bind(2, sources.form_json);
            form.exec();
        }
        SQLite::Statement notice(db, "INSERT INTO notices (lang, text, audiences) VALUES (?1, ?2, ?3)");
        for (const auto& n : sources.notices) {
            notice.bind(1, n.lang);
            notice.bind(2, n.text);
            notice.bind(3, n.audiences.empty() ? std::string() : stored_audiences(n.audiences));
            notice.exec();
            notice.reset();
        }
        write_search_tables(db, sources.search);
        SQLite::Statement words(db, "INSERT INTO ui_strings (key, lang, text) VALUES (?1, ?2, ?3)");
        for (const auto& [key, by_lang] : sources.ui_strings)
            for (const auto& [lang, text] : by_lang) {
                words.bind(1, key);
                words.bind(2, lang);
                words.bind(3, text);
                words.exec();
                words.reset();
            }
        tx.commit();
        db.exec("VACUUM");
    } catch (const std::exception& e) {
        fs::remove(tmp);
        throw std::runtime_error(out.string() + ": cannot write the pack: " + e.what());
    }
    fs::rename(tmp, out);
    return true;
}

}  // namespace lantern::content
