// Words as the search index sees them: SQLite's own FTS5 tokenizer for what is typed, and a bounded edit
// distance for typos.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

namespace lantern::content {

// Splits text into the search index's words (lower case, accents folded, punctuation dropped) by running it
// through a scratch FTS5 table with the index's own tokenizer (k_fts_tokenize), so "Café", "CAFE" and
// "cafe" are one word here exactly when they are one word in the index. Uses temp tables on `db`; one
// instance per connection, not shared between threads.
class IndexWords {
   public:
    explicit IndexWords(const SQLite::Database& db);
    std::vector<std::string> split(const std::string& text);
    // Splits `length` letters of nothing: the tokenizer keeps the last word it folded in a buffer of its own,
    // and this writes over it (see PackReader's search, which scrubs after every use).
    void scrub(std::size_t length);

   private:
    static bool make_tables(const SQLite::Database& db);
    bool made_;  // the tables exist before the statements below are prepared on them
    SQLite::Statement clear_;
    SQLite::Statement put_;
    SQLite::Statement read_;
};

// Optimal string alignment distance (Levenshtein plus swapping two neighbouring letters) between two words,
// by letters (code points), not bytes. Stops early: returns `bound + 1` as soon as the distance must exceed
// `bound`.
int edit_distance(std::string_view a, std::string_view b, int bound);

// How many typing mistakes a word of `letters` letters may hold and still be corrected: none under 4
// letters ("bus" is never "but"), 1 up to 7, 2 from 8.
int typo_allowance(std::size_t letters);

// Number of letters (code points) in a UTF-8 word.
std::size_t letter_count(std::string_view word);

}  // namespace lantern::content
