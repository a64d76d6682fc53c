// Readability scoring for English pages: syllables, sentence length and Flesch reading ease.
#pragma once

#include <string>
#include <string_view>

#include "content/markdown.h"
#include "content/types.h"

namespace lantern::content {

struct TextStats {
    int sentences = 0;
    int words = 0;
    int syllables = 0;
    // Where the longest sentence starts (its first words), so a warning can point at it.
    int longest_sentence_words = 0;
    std::string longest_sentence_start;

    double words_per_sentence() const { return sentences == 0 ? 0.0 : static_cast<double>(words) / sentences; }
    // 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words); higher is easier.
    double flesch_reading_ease() const;
    void add(const TextStats& other);
};

// English syllables by vowel groups with the usual corrections (silent final e, -es, -ed); at least 1.
int count_syllables(std::string_view word);

// Scores running text: sentences end at . ! ? followed by a space and anything but a lowercase letter
// (so "e.g. this" stays one sentence); text with no end mark counts as one sentence.
TextStats measure_text(std::string_view text);

// Scores a page's paragraphs. Headings and list items are left out: they are labels and fragments
// ("Bring photo ID"), not sentences, and would make a page look easier than its prose is.
TextStats measure_document(const Document& doc);

// What a page for an audience should reach (FACTS.md, "Writing for each audience").
struct ReadingTarget {
    double max_words_per_sentence = 20;  // average sentence length allowed
    bool max_inclusive = true;           // adult "at most 20" vs child "under 12"
    double min_flesch = 60;              // Flesch reading ease at least this
};

ReadingTarget reading_target(Audience audience);

// Below this many words a Flesch score is noise; only sentence length is judged.
inline constexpr int k_min_words_for_flesch = 10;

}  // namespace lantern::content
