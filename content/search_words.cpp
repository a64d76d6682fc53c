// Splits typed text with the index's own tokenizer and measures how far a typed word is from an indexed one.
#include "content/search_words.h"

#include <SQLiteCpp/Statement.h>

#include <algorithm>

#include "content/pack_schema.h"
#include "content/utf8.h"

namespace lantern::content {

bool IndexWords::make_tables(const SQLite::Database& db) {
    // Contentless: the scratch table keeps only its index, emptied by 'delete-all' before each use. The
    // fts5vocab "instance" view lists each word with its place, so the words come back in typed order.
    // (Temp tables: a pack is opened read-only, and these never touch its file.)
    SQLite::Statement(db, std::string("CREATE VIRTUAL TABLE IF NOT EXISTS temp.typed_words USING fts5(t, content = "
                                      "'', tokenize = '") +
                              k_fts_tokenize + "')")
        .exec();
    SQLite::Statement(db,
                      "CREATE VIRTUAL TABLE IF NOT EXISTS temp.typed_words_terms USING fts5vocab(temp, "
                      "typed_words, instance)")
        .exec();
    return true;
}

IndexWords::IndexWords(const SQLite::Database& db)
    : made_(make_tables(db)),
      clear_(db, "INSERT INTO temp.typed_words (typed_words) VALUES ('delete-all')"),
      put_(db, "INSERT INTO temp.typed_words (rowid, t) VALUES (1, ?1)"),
      read_(db, "SELECT term FROM temp.typed_words_terms ORDER BY offset") {}

std::vector<std::string> IndexWords::split(const std::string& text) {
    put_.reset();
    put_.bind(1, text);
    put_.exec();
    read_.reset();
    std::vector<std::string> out;
    while (read_.executeStep()) out.push_back(read_.getColumn(0).getString());
    // What a visitor typed is kept no longer than it takes to split it: the bound text and the last word
    // read go with the statements' reset, the scratch index is emptied (temp.secure_delete zeroes what it
    // held), and the kiosk's heap zeroes each block freed (common/wiping_heap.cpp).
    read_.reset();
    put_.reset();
    put_.clearBindings();
    clear_.reset();
    clear_.exec();
    clear_.reset();
    return out;
}

void IndexWords::scrub(std::size_t length) { split(std::string(length + 1, 'x')); }

namespace {

std::u32string letters(std::string_view word) {
    std::u32string out;
    for (std::size_t i = 0; i < word.size();) out.push_back(next_code_point(word, i));
    return out;
}

}  // namespace

std::size_t letter_count(std::string_view word) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < word.size(); ++n) next_code_point(word, i);
    return n;
}

int edit_distance(std::string_view a_text, std::string_view b_text, int bound) {
    std::u32string a = letters(a_text), b = letters(b_text);
    int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
    if (std::abs(n - m) > bound) return bound + 1;
    // Three rows of the usual table: two back for a swap of neighbours, one back, and this one.
    std::vector<int> before(m + 1), previous(m + 1), row(m + 1);
    for (int j = 0; j <= m; ++j) previous[j] = j;
    for (int i = 1; i <= n; ++i) {
        row[0] = i;
        int row_best = row[0];
        for (int j = 1; j <= m; ++j) {
            int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            row[j] = std::min({previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                row[j] = std::min(row[j], before[j - 2] + 1);
            row_best = std::min(row_best, row[j]);
        }
        if (row_best > bound) return bound + 1;  // every way on from this row costs more already
        std::swap(before, previous);
        std::swap(previous, row);
    }
    return std::min(previous[m], bound + 1);
}

int typo_allowance(std::size_t letters) {
    if (letters < 4) return 0;
    return letters <= 7 ? 1 : 2;
}

}  // namespace lantern::content
