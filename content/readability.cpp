// Counts sentences, words and syllables the way the Flesch formula expects, for the content linter.
#include "content/readability.h"

#include <cctype>
#include <string>
#include <vector>

namespace lantern::content {
namespace {

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

bool ends_with(const std::string& s, std::string_view tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// The token without surrounding punctuation: quotes, brackets, commas, full stops.
std::string_view core_of(std::string_view token) {
    auto keep = [](unsigned char c) { return std::isalnum(c) || c >= 0x80; };
    std::size_t b = 0, e = token.size();
    while (b < e && !keep(static_cast<unsigned char>(token[b]))) ++b;
    while (e > b && !keep(static_cast<unsigned char>(token[e - 1]))) --e;
    // A trailing closing quote in UTF-8 (’ or ”) ends in 0x99 or 0x9D after 0xE2 0x80.
    while (e >= b + 3 && static_cast<unsigned char>(token[e - 3]) == 0xE2 &&
           static_cast<unsigned char>(token[e - 2]) == 0x80)
        e -= 3;
    return token.substr(b, e - b);
}

bool has_letter_or_digit(std::string_view s) {
    for (unsigned char c : s)
        if (std::isalnum(c) || c >= 0x80) return true;
    return false;
}

// True when the token closes a sentence: its last mark (before closing quotes or brackets) is . ! or ?
bool ends_sentence(std::string_view token) {
    std::size_t e = token.size();
    while (e > 0) {
        char c = token[e - 1];
        if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '*' || c == '_') {
            --e;
        } else if (e >= 3 && static_cast<unsigned char>(token[e - 3]) == 0xE2 &&
                   static_cast<unsigned char>(token[e - 2]) == 0x80 &&
                   (static_cast<unsigned char>(c) == 0x99 || static_cast<unsigned char>(c) == 0x9D)) {
            e -= 3;  // ’ or ”
        } else {
            break;
        }
    }
    if (e == 0) return false;
    char c = token[e - 1];
    if (c == '!' || c == '?') return true;
    if (c == '.') return true;
    // … (U+2026) ends a sentence too.
    return e >= 3 && token.substr(e - 3, 3) == "\xE2\x80\xA6";
}

}  // namespace

double TextStats::flesch_reading_ease() const {
    if (words == 0 || sentences == 0) return 100.0;
    return 206.835 - 1.015 * (static_cast<double>(words) / sentences) - 84.6 * (static_cast<double>(syllables) / words);
}

void TextStats::add(const TextStats& other) {
    sentences += other.sentences;
    words += other.words;
    syllables += other.syllables;
    if (other.longest_sentence_words > longest_sentence_words) {
        longest_sentence_words = other.longest_sentence_words;
        longest_sentence_start = other.longest_sentence_start;
    }
}

int count_syllables(std::string_view word) {
    // Letters only, lower case; any non-ASCII letter (é, ŵ) counts as a vowel, once per code point.
    std::string w;
    for (unsigned char c : word) {
        if (std::isalpha(c)) w.push_back(static_cast<char>(std::tolower(c)));
        else if (c >= 0xC0) w.push_back('a');  // not 'e', which the silent-e rule would drop
    }
    if (w.empty()) return word.empty() ? 0 : 1;  // a number is read as one unit
    if (w.size() <= 3) return 1;
    // Silent endings: "make", "boxes" keep their last vowel silent; "wanted", "needed" do not.
    if (ends_with(w, "es") && w.size() > 3 &&
        std::string_view("laeiouy").find(w[w.size() - 3]) == std::string_view::npos) {
        w.resize(w.size() - 2);
    } else if (ends_with(w, "ed") && w.size() > 3 && w[w.size() - 3] != 't' && w[w.size() - 3] != 'd') {
        w.resize(w.size() - 2);
    } else if (ends_with(w, "e") && std::string_view("laeiouy").find(w[w.size() - 2]) == std::string_view::npos) {
        w.resize(w.size() - 1);
    }
    if (!w.empty() && w[0] == 'y') w.erase(0, 1);
    int groups = 0;
    bool in_vowel = false;
    for (char c : w) {
        bool v = is_vowel(c);
        if (v && !in_vowel) ++groups;
        in_vowel = v;
    }
    return groups < 1 ? 1 : groups;
}

TextStats measure_text(std::string_view text) {
    TextStats stats;
    std::vector<std::string_view> tokens;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
        std::size_t start = i;
        while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) ++i;
        if (i > start) tokens.push_back(text.substr(start, i - start));
    }
    int words_in_sentence = 0;
    std::string sentence_start;
    auto close_sentence = [&] {
        if (words_in_sentence == 0) return;
        ++stats.sentences;
        if (words_in_sentence > stats.longest_sentence_words) {
            stats.longest_sentence_words = words_in_sentence;
            stats.longest_sentence_start = sentence_start;
        }
        words_in_sentence = 0;
        sentence_start.clear();
    };
    for (std::size_t t = 0; t < tokens.size(); ++t) {
        std::string_view token = tokens[t];
        std::string_view core = core_of(token);
        if (has_letter_or_digit(core)) {
            ++stats.words;
            stats.syllables += count_syllables(core);
            ++words_in_sentence;
            if (words_in_sentence <= 6) {
                if (!sentence_start.empty()) sentence_start += ' ';
                sentence_start += token;
            }
        }
        if (ends_sentence(token)) {
            bool next_lower = t + 1 < tokens.size() && std::islower(static_cast<unsigned char>(tokens[t + 1][0]));
            if (!next_lower) close_sentence();
        }
    }
    close_sentence();
    return stats;
}

TextStats measure_document(const Document& doc) {
    TextStats total;
    for (const Block& b : doc.blocks) {
        if (b.kind != BlockKind::paragraph) continue;
        std::string text;
        for (const Span& s : b.spans) text += s.text;
        total.add(measure_text(text));
    }
    return total;
}

ReadingTarget reading_target(Audience audience) {
    switch (audience) {
        case Audience::adult: return {20, true, 60};
        case Audience::teen: return {18, true, 65};
        case Audience::child: return {12, false, 70};
        case Audience::little: return {8, false, 75};
    }
    return {};
}

}  // namespace lantern::content
