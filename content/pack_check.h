// A content pack's structural check, run before a pack is ever switched to: file, schema and content.
#pragma once

#include <filesystem>
#include <string>

#include <SQLiteCpp/Database.h>

namespace lantern::content {

// Empty when `path` is a pack the kiosk can show: an SQLite file that passes PRAGMA quick_check, of a format
// this kiosk reads, with every table and column the reader queries, at least one topic and one page filed
// under a topic, and a form.json that parses. Otherwise why not, in plain words (never throws): a truncated,
// zeroed, random or table-less file is named as such, not crashed on.
std::string validate_pack_file(const std::filesystem::path& path);

// The cheap part (no full read of the file): the tables and columns the reader needs. Empty when present,
// else the first one missing. PackReader runs this on open.
std::string check_pack_schema(SQLite::Database& db);

}  // namespace lantern::content
