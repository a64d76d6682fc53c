// Checks a content pack's structure against the schema the reader queries, without trusting the file.
#include "content/pack_check.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <map>
#include <set>

#include "content/pack_reader.h"
#include "content/pack_schema.h"

namespace lantern::content {

namespace {

// Table -> columns of the schema this build writes and reads.
std::map<std::string, std::set<std::string>> expected_tables() {
    SQLite::Database model(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    model.exec(k_pack_schema_sql);
    std::map<std::string, std::set<std::string>> tables;
    SQLite::Statement q(model,
                        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE TABLE%' "
                        "AND name NOT LIKE 'pages_fts_%'");
    while (q.executeStep()) tables[q.getColumn(0).getString()];
    for (auto& [name, columns] : tables) {
        SQLite::Statement c(model, "SELECT name FROM pragma_table_info(?)");
        c.bind(1, name);
        while (c.executeStep()) columns.insert(c.getColumn(0).getString());
    }
    return tables;
}

std::int64_t count(SQLite::Database& db, const char* sql) {
    SQLite::Statement q(db, sql);
    return q.executeStep() ? q.getColumn(0).getInt64() : 0;
}

}  // namespace

std::string validate_pack_file(const std::filesystem::path& path) {
    std::string where = path.string() + ": ";
    try {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(path, ec)) return where + "not a file";
        PackReader reader(path.string());  // format_version present and understood
        SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
        {
            SQLite::Statement q(db, "PRAGMA quick_check");
            if (!q.executeStep() || q.getColumn(0).getString() != "ok")
                return where + "the pack file is damaged (SQLite quick_check failed)";
        }
        for (const auto& [table, columns] : expected_tables()) {
            std::set<std::string> present;
            SQLite::Statement c(db, "SELECT name FROM pragma_table_info(?)");
            c.bind(1, table);
            while (c.executeStep()) present.insert(c.getColumn(0).getString());
            if (present.empty()) {
                if (table == "ui_strings") continue;
                return where + "not a complete Lantern pack: no \"" + table + "\" table";
            }
            for (const auto& column : columns)
                if (!present.count(column))
                    return where + "not a complete Lantern pack: table \"" + table + "\" has no \"" + column +
                           "\" column";
        }
        if (count(db, "SELECT count(*) FROM sqlite_master WHERE name = 'pages_fts'") == 0)
            return where + "not a complete Lantern pack: no search index (pages_fts)";
        if (reader.meta().content_version.empty()) return where + "the pack has no content_version";
        if (count(db, "SELECT count(*) FROM form") == 0) return where + "the pack has no form";
        if (count(db, "SELECT count(*) FROM topics") == 0) return where + "the pack has no topics";
        if (count(db, "SELECT count(*) FROM pages") == 0) return where + "the pack has no pages";
        if (count(db, "SELECT count(*) FROM pages WHERE topic NOT IN (SELECT id FROM topics)") > 0)
            return where + "a page names a topic the pack does not have";
        return {};
    } catch (const std::exception& e) {
        std::string what = e.what();
        // PackError already names the file.
        return what.rfind(path.string(), 0) == 0 ? what : where + what;
    }
}

}  // namespace lantern::content
