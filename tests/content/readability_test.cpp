// Readability scoring: syllables, sentences, Flesch reading ease and the targets per audience.
#include <doctest/doctest.h>

#include "content/readability.h"

using namespace lantern::content;

TEST_CASE("syllables are counted by vowel groups, with a silent final e and -ed") {
    CHECK(count_syllables("cat") == 1);
    CHECK(count_syllables("make") == 1);
    CHECK(count_syllables("table") == 2);
    CHECK(count_syllables("visit") == 2);
    CHECK(count_syllables("family") == 3);
    CHECK(count_syllables("prisoner") == 3);
    CHECK(count_syllables("helped") == 1);
    CHECK(count_syllables("wanted") == 2);
    CHECK(count_syllables("Reading") == 2);
    CHECK(count_syllables("café") == 2);
    CHECK(count_syllables("2003") == 1);
    CHECK(count_syllables("") == 0);
}

TEST_CASE("sentences end at a full stop, question or exclamation mark, but not inside e.g.") {
    TextStats s = measure_text("Bring ID. Is it safe? Yes! Bring a letter, e.g. a bill from this year.");
    CHECK(s.sentences == 4);
    CHECK(s.words == 15);
    CHECK(s.longest_sentence_words == 9);
    CHECK(s.longest_sentence_start == "Bring a letter, e.g. a bill");
    CHECK(measure_text("no end mark at all").sentences == 1);
    CHECK(measure_text("   ").sentences == 0);
}

TEST_CASE("short plain sentences score as easy and long formal ones as hard") {
    TextStats easy = measure_text("It is OK to feel sad. You can talk to us. We will help you.");
    CHECK(easy.flesch_reading_ease() > 90);
    TextStats hard = measure_text(
        "Notwithstanding the aforementioned considerations, individuals experiencing considerable "
        "difficulties regarding transportation expenditure should investigate governmental reimbursement.");
    CHECK(hard.flesch_reading_ease() < 10);
    CHECK(hard.words_per_sentence() == doctest::Approx(15.0));
}

TEST_CASE("headings and list items are left out of a page's score") {
    Document doc = parse_markdown(
        "## A heading that is long and winding and goes on and on without end\n\n"
        "Book early. Bring ID.\n\n"
        "- a list item that is also long and winding and goes on and on and on\n");
    TextStats s = measure_document(doc);
    CHECK(s.sentences == 2);
    CHECK(s.words == 4);
}

TEST_CASE("younger audiences have stricter reading targets") {
    CHECK(reading_target(Audience::adult).max_words_per_sentence == 20);
    CHECK(reading_target(Audience::adult).max_inclusive);
    CHECK(reading_target(Audience::adult).min_flesch == 60);
    CHECK(reading_target(Audience::teen).max_words_per_sentence == 18);
    CHECK(reading_target(Audience::child).max_words_per_sentence == 12);
    CHECK_FALSE(reading_target(Audience::child).max_inclusive);
    CHECK(reading_target(Audience::child).min_flesch == 70);
    CHECK(reading_target(Audience::little).max_words_per_sentence < 12);
    CHECK(reading_target(Audience::little).min_flesch >= 70);
}
