// Checks a pack's file, schema and content so a broken one is refused before the kiosk switches to it.
#include "content/pack_check.h"

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>

#include "content/form_model.h"
#include "content/pack_schema.h"

namespace lantern::content {

namespace {

struct Needed {
    const char* table;
    std::vector<const char*> columns;
};

// Everything PackReader's queries name (notices.audiences and ui_strings are optional: older packs lack them).
const Needed k_needed[] = {
    {"meta", {"key", "value"}},
    {"topics", {"id", "position", "icon", "audiences", "adult_only"}},
    {"topic_titles", {"topic_id", "lang", "title"}},
    {"pages", {"id", "lang", "title", "summary", "topic", "audiences", "body", "reviewed", "icon", "image"}},
    {"images", {"name", "alt", "data"}},
    {"services", {"id", "json"}},
    {"service_needs", {"service_id", "need"}},
    {"form", {"json"}},
    {"notices", {"id", "lang", "text"}},
    {"pages_fts", {"id", "lang", "audiences", "title", "summary", "body"}},
};

std::int64_t count(SQLite::Database& db, const char* sql) {
    SQLite::Statement q(db, sql);
    return q.executeStep() ? q.getColumn(0).getInt64() : 0;
}

}  // namespace

std::string check_pack_schema(SQLite::Database& db) {
    try {
        for (const auto& n : k_needed) {
            SQLite::Statement q(db, "SELECT name FROM pragma_table_info(?1)");
            q.bind(1, n.table);
            std::vector<std::string> have;
            while (q.executeStep()) have.push_back(q.getColumn(0).getString());
            if (have.empty()) return std::string("no \"") + n.table + "\" table";
            for (const char* c : n.columns)
                if (std::find(have.begin(), have.end(), c) == have.end())
                    return std::string("table \"") + n.table + "\" has no \"" + c + "\" column";
        }
    } catch (const std::exception& e) {
        return std::string("its tables cannot be read (") + e.what() + ")";
    }
    return {};
}

std::string validate_pack_file(const std::filesystem::path& path) {
    std::error_code ec;
    auto size = std::filesystem::file_size(path, ec);
    if (ec) return "the pack file cannot be read";
    if (size < 512) return "the pack file is too short to be a content pack";
    {
        char header[16] = {};
        std::ifstream in(path, std::ios::binary);
        in.read(header, sizeof header);
        if (!in || std::memcmp(header, "SQLite format 3\0", 16) != 0)
            return "the pack file is not an SQLite database (zeroed, random or another kind of file)";
    }
    try {
        SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
        // Whole file: a truncated or damaged pack fails here, not on a visitor's tap.
        std::string integrity = db.execAndGet("PRAGMA quick_check").getString();
        if (integrity != "ok") return "the pack file is damaged or cut short (" + integrity.substr(0, 80) + ")";
        if (auto why = check_pack_schema(db); !why.empty()) return "the pack is incomplete: " + why;
        std::string format;
        {
            SQLite::Statement q(db, "SELECT value FROM meta WHERE key = 'format_version'");
            if (q.executeStep()) format = q.getColumn(0).getString();
        }
        int f = format.empty() || format.size() > 6 || format.find_first_not_of("0123456789") != std::string::npos
                    ? 0
                    : std::stoi(format);
        if (f <= 0) return "the pack has no format version";
        if (f > k_pack_format_version) return "the pack's format " + format + " is newer than this kiosk reads";
        if (count(db, "SELECT COUNT(*) FROM meta WHERE key = 'content_version' AND value <> ''") == 0)
            return "the pack has no content_version";
        if (count(db, "SELECT COUNT(*) FROM topics") == 0) return "the pack has no topics";
        if (count(db, "SELECT COUNT(*) FROM pages p WHERE EXISTS (SELECT 1 FROM topics t WHERE t.id = p.topic)") == 0)
            return "the pack has no pages filed under a topic";
        if (count(db, "SELECT COUNT(*) FROM pages WHERE topic NOT IN (SELECT id FROM topics)") > 0)
            return "a page names a topic the pack does not have";
        SQLite::Statement form(db, "SELECT json FROM form LIMIT 1");
        if (!form.executeStep()) return "the pack has no referral form";
        for (const auto& issue : form::parse_form(form.getColumn(0).getString()).issues)
            if (issue.severity == SourceIssue::Severity::error)
                return "the pack's form does not parse: " + issue.message;
        // The search index, read as the search first reads it (every row's audiences, the index's own words):
        // quick_check does not look inside FTS5's segments, and a damaged one must fail here, not on a
        // visitor's first search (found by fuzz_pack).
        (void)count(db, "SELECT COUNT(audiences) FROM pages_fts");
        db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.check_vocab USING fts5vocab(main, pages_fts, row)");
        (void)count(db, "SELECT COUNT(*), SUM(doc) FROM temp.check_vocab");
    } catch (const std::exception& e) {
        // Past the header check, SQLite failing to read it means a damaged or cut-short file.
        return std::string("the pack file is damaged or cut short (") + e.what() + ")";
    }
    return {};
}

}  // namespace lantern::content
