// The content pack's SQLite schema: one file holding everything a kiosk shows.
#pragma once

#include <string>

namespace lantern::content {

// Bump when a reader could no longer understand a pack written by the builder.
inline constexpr int k_pack_format_version = 1;

// How the search index splits text into words; the search's own word handling (search_words.h) splits
// what a visitor types with the same tokenizer, so both always agree on what a word is.
inline constexpr const char* k_fts_tokenize = "unicode61 remove_diacritics 2";

// Audiences are stored as ",adult,teen," so `LIKE '%,teen,%'` selects them without a join.
inline constexpr const char* k_pack_schema_sql = R"SQL(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE topics (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    icon TEXT NOT NULL DEFAULT '',
    audiences TEXT NOT NULL,
    adult_only INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE topic_titles (
    topic_id TEXT NOT NULL REFERENCES topics(id),
    lang TEXT NOT NULL,
    title TEXT NOT NULL,
    PRIMARY KEY (topic_id, lang)
);
CREATE TABLE pages (
    id TEXT NOT NULL,
    lang TEXT NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    topic TEXT NOT NULL REFERENCES topics(id),
    audiences TEXT NOT NULL,
    body TEXT NOT NULL,
    reviewed TEXT NOT NULL DEFAULT '',
    icon TEXT NOT NULL DEFAULT '',
    image TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    translation TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (id, lang)
);
CREATE TABLE images (
    name TEXT PRIMARY KEY,
    mime TEXT NOT NULL,
    alt TEXT NOT NULL DEFAULT '',
    data BLOB NOT NULL
);
CREATE TABLE services (
    id TEXT PRIMARY KEY,
    json TEXT NOT NULL
);
CREATE TABLE service_needs (
    service_id TEXT NOT NULL REFERENCES services(id),
    need TEXT NOT NULL
);
CREATE TABLE form (
    version TEXT NOT NULL,
    json TEXT NOT NULL
);
CREATE TABLE notices (
    id INTEGER PRIMARY KEY,
    lang TEXT NOT NULL,
    text TEXT NOT NULL,
    audiences TEXT NOT NULL DEFAULT ''
);
CREATE TABLE ui_strings (
    key TEXT NOT NULL,
    lang TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (key, lang)
);
-- search.yaml: words about harm per audience (as the index's words, space-separated), and the cards
-- search shows ("Talk to someone", a way on when nothing is found) as JSON with their helplines resolved.
CREATE TABLE search_harm_words (
    audience TEXT NOT NULL,
    word TEXT NOT NULL,
    PRIMARY KEY (audience, word)
);
CREATE TABLE search_cards (
    position INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    audiences TEXT NOT NULL,
    json TEXT NOT NULL
);
)SQL";

// The search index. `keywords` holds search.yaml's synonyms for the page (every language version gets
// them), last so that readers built before it still find their columns where they expect them.
inline std::string pages_fts_schema_sql() {
    return std::string(
               "CREATE VIRTUAL TABLE pages_fts USING fts5(id UNINDEXED, lang UNINDEXED, audiences UNINDEXED, "
               "title, summary, body, keywords, tokenize = '") +
           k_fts_tokenize + "')";
}

}  // namespace lantern::content
