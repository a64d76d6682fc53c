// Each lint rule fires on a bad example, names the file and line, and stays quiet on a good one.
#include <doctest/doctest.h>

#include <algorithm>

#include "content/lint.h"
#include "content/translation.h"
#include "tests/content/sample_sources.h"

using namespace lantern::content;
using lantern::test::page_source;
using lantern::test::TempDir;

namespace {

// Reads `dir` after writing topics.yaml; the sources themselves must be free of errors.
Sources read_ok(const TempDir& dir) {
    lantern::test::write_topics(dir);
    Sources s = read_sources(dir.path());
    for (const auto& i : s.issues) MESSAGE(i.to_string());
    return s;
}

std::vector<std::string> texts(const std::vector<SourceIssue>& issues) {
    std::vector<std::string> out;
    for (const auto& i : issues) out.push_back(i.to_string());
    return out;
}

bool any_contains(const std::vector<SourceIssue>& issues, const std::string& text) {
    return std::any_of(issues.begin(), issues.end(),
                       [&](const SourceIssue& i) { return i.to_string().find(text) != std::string::npos; });
}

const char* k_long_sentences =
    "When you arrive at the visitor centre for the very first time, a member of staff will be there to "
    "show you where to leave your bags and what to expect when you go through security. After that you "
    "will wait in the visits hall with the other families until the person you are visiting is brought "
    "in by an officer from the wing.\n";

}  // namespace

TEST_CASE("reading level: an adult page with long sentences is warned at its longest sentence") {
    TempDir dir;
    dir.write_file("pages/en/long.md", page_source("long", "en", "adult", "visits", k_long_sentences));
    Sources s = read_ok(dir);
    auto issues = lint_reading_level(s);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].severity == SourceIssue::Severity::warning);
    CHECK(issues[0].to_string().rfind("pages/en/long.md:9: warning: reading level for adult: sentences average", 0) ==
          0);
    CHECK(any_contains(issues, "When you arrive at the visitor"));
}

TEST_CASE("reading level: the same plain text suits an adult but is too long for a child") {
    const char* body =
        "You can bring a little money for the tea bar at the visit. "
        "Your bags and phone go in a locker before you go in to the hall.\n";
    TempDir dir;
    dir.write_file("pages/en/adult.md", page_source("adult-page", "en", "adult", "visits", body));
    dir.write_file("pages/en/child.md", page_source("child-page", "en", "child", "visits", body));
    dir.write_file("pages/en/both.md", page_source("both-page", "en", "adult, child", "visits", body));
    auto issues = lint_reading_level(read_ok(dir));
    CHECK(texts(issues).size() == 2);
    CHECK_FALSE(any_contains(issues, "adult.md"));
    CHECK(any_contains(issues, "child.md:9: warning: reading level for child"));
    CHECK(any_contains(issues, "both.md:9: warning: reading level for child"));
}

TEST_CASE("reading level: hard words lower the Flesch score below the target") {
    TempDir dir;
    dir.write_file("pages/en/hard.md",
                   page_source("hard", "en", "adult", "visits",
                               "Individuals experiencing considerable difficulties should investigate "
                               "governmental reimbursement opportunities immediately.\n"));
    auto issues = lint_reading_level(read_ok(dir));
    REQUIRE(issues.size() == 1);
    CHECK(any_contains(issues, "hard.md:9: warning: reading ease for adult: Flesch"));
}

TEST_CASE("reading level: plain pages stay quiet") {
    TempDir dir;
    dir.write_file("pages/en/plain.md",
                   page_source("plain", "en", "little", "visits", "We go on a bus. We see Dad. We have a hug.\n"));
    dir.write_file("pages/cy/plain.md",
                   page_source("plain", "cy", "little", "visits", "Rydyn ni'n mynd ar fws. Rydyn ni'n gweld Dad.\n"));
    CHECK(texts(lint_reading_level(read_ok(dir))).empty());
}

TEST_CASE("reading level: a Welsh page is held to its audience's sentence length, but not to English Flesch") {
    TempDir dir;
    // Long sentences are long in any language.
    dir.write_file("pages/cy/long.md",
                   page_source("long", "cy", "child", "visits",
                               "Pan fyddi di'n cyrraedd y ganolfan ymwelwyr am y tro cyntaf, bydd aelod o staff yno i "
                               "ddangos i ti ble i adael dy fagiau a beth i'w ddisgwyl wrth fynd drwy'r gwiriad.\n"));
    // Welsh words count as "hard" to an English syllable counter; Flesch is not judged outside English.
    dir.write_file("pages/cy/words.md",
                   page_source("words", "cy", "adult", "visits",
                               "Cysylltwch â'r gwasanaeth cynghori. Mae'r llinell gymorth yn gyfrinachol.\n"));
    auto issues = lint_reading_level(read_ok(dir));
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].to_string().rfind("pages/cy/long.md:9: warning: reading level for child: sentences average", 0) ==
          0);
}

TEST_CASE("adult subjects: a child page in an adult-only topic is an error at its audience line") {
    TempDir dir;
    dir.write_file("pages/en/money.md", page_source("money", "en", "child", "money-debt", "Money is useful.\n"));
    auto issues = lint_adult_subjects(read_ok(dir));
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].severity == SourceIssue::Severity::error);
    CHECK(issues[0].to_string().rfind("pages/en/money.md:6: error: page is for child but its topic \"money-debt\"",
                                      0) == 0);
}

TEST_CASE("adult subjects: adult words on a teen page are warnings at their line, whole words only") {
    TempDir dir;
    dir.write_file("pages/en/teen.md", page_source("teen", "en", "teen", "visits",
                                                   "Families can feel stress.\n\nSometimes there is Debt or "
                                                   "domestic abuse at home.\n\nNobody is indebted to you.\n"));
    auto issues = lint_adult_subjects(read_ok(dir));
    CHECK(texts(issues).size() == 2);
    CHECK(any_contains(issues, "teen.md:11: warning: \"Debt\" on a page for teen"));
    CHECK(any_contains(issues, "teen.md:11: warning: \"domestic abuse\" on a page for teen"));
}

TEST_CASE("adult subjects: an adult page may talk about debt and drugs") {
    TempDir dir;
    dir.write_file("pages/en/money.md",
                   page_source("money", "en", "adult", "money-debt", "Debt advice is free. Drugs are not allowed.\n"));
    dir.write_file("pages/en/kids.md", page_source("kids", "en", "child", "visits", "You can bring a toy.\n"));
    CHECK(texts(lint_adult_subjects(read_ok(dir))).empty());
}

TEST_CASE("translations: a page missing in a language another page has is a warning") {
    TempDir dir;
    dir.write_file("pages/en/first-visit.md", page_source("first-visit", "en", "adult", "visits", "Hello.\n"));
    dir.write_file("pages/en/travel.md", page_source("travel", "en", "adult", "visits", "Hello.\n"));
    dir.write_file("pages/cy/travel.md", page_source("travel", "cy", "adult", "visits", "Helo.\n"));
    auto issues = lint_translations(read_ok(dir));
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].to_string() == "pages/en/first-visit.md: warning: no cy version of first-visit");
}

TEST_CASE("translations: pages and topic titles in every language stay quiet") {
    TempDir dir;
    dir.write_file("pages/en/travel.md", page_source("travel", "en", "adult", "visits", "Hello.\n"));
    dir.write_file("pages/cy/travel.md", page_source("travel", "cy", "adult", "visits", "Helo.\n"));
    CHECK(texts(lint_translations(read_ok(dir))).empty());
    dir.write_file("pages/pl/travel.md", page_source("travel", "pl", "adult", "visits", "Cześć.\n"));
    auto issues = lint_translations(read_ok(dir));
    CHECK(any_contains(issues, "topics.yaml: warning: topic \"visits\" has no pl title"));
}

TEST_CASE("references: a link to a page that does not exist is an error at its line") {
    TempDir dir;
    dir.write_file("pages/en/a.md",
                   page_source("a", "en", "adult", "visits", "See [b](page:b).\n\nSee [gone](page:gone).\n"));
    dir.write_file("pages/en/b.md", page_source("b", "en", "adult", "visits", "Back to [a](page:a#top).\n"));
    lantern::test::write_topics(dir);
    Sources s = read_sources(dir.path());
    auto issues = check_references(s);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].to_string() == "pages/en/a.md:11: error: link to page \"gone\", which does not exist");
    CHECK(s.has_errors());  // read_sources ran the same check
}

TEST_CASE("references: phone, web and page links are fine; a file link is not") {
    TempDir dir;
    dir.write_file("pages/en/a.md",
                   page_source("a", "en", "adult", "visits",
                               "[Call](tel:08088082003), [web](https://www.gov.uk), [mail](mailto:a@b.org), "
                               "[self](page:a).\n\n[file](other.md)\n"));
    lantern::test::write_topics(dir);
    auto issues = check_references(read_sources(dir.path()));
    REQUIRE(issues.size() == 1);
    CHECK(any_contains(issues, "a.md:11: error: link \"other.md\" goes nowhere on a kiosk"));
}

TEST_CASE("references: images in Markdown and front matter must be in images/") {
    TempDir dir;
    dir.write_file("images/bus.png", lantern::test::k_tiny_png);
    dir.write_file("pages/en/a.md",
                   "---\nid: a\nlang: en\ntitle: A\ntopic: visits\naudience: [adult]\n"
                   "reviewed: 2026-11-24\nimage: train.png\n---\n"
                   "![A bus](bus.png)\n\n![A car](images/car.png)\n\n![Web](https://x.org/a.png)\n");
    lantern::test::write_topics(dir);
    auto issues = check_references(read_sources(dir.path()));
    CHECK(texts(issues).size() == 3);
    CHECK(any_contains(issues, "a.md:8: error: image \"train.png\" is not in images/"));
    CHECK(any_contains(issues, "a.md:12: error: image \"images/car.png\" is not in images/"));
    CHECK(any_contains(issues, "a.md:14: error: image \"https://x.org/a.png\" is on the web"));
}

TEST_CASE("alt text: an image with no alt in the Markdown nor in alt.yaml is a warning") {
    TempDir dir;
    dir.write_file("images/bus.png", lantern::test::k_tiny_png);
    dir.write_file("images/car.png", lantern::test::k_tiny_png);
    dir.write_file("images/tram.png", lantern::test::k_tiny_png);
    dir.write_file("images/alt.yaml", "car.png: A red car\n");
    dir.write_file("pages/en/a.md",
                   page_source("a", "en", "adult", "visits", "![](bus.png)\n\n![](car.png)\n\n![A tram](tram.png)\n"));
    auto issues = lint_alt_text(read_ok(dir));
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].to_string().rfind("pages/en/a.md:9: warning: image \"bus.png\" has no alt text", 0) == 0);
}

TEST_CASE("reviewed: a date more than 12 months before today is a warning, judged on the given day") {
    TempDir dir;
    dir.write_file("pages/en/old.md", page_source("old", "en", "adult", "visits", "Hi.\n", "2025-11-23"));
    dir.write_file("pages/en/year.md", page_source("year", "en", "adult", "visits", "Hi.\n", "2025-11-24"));
    dir.write_file("pages/en/new.md", page_source("new", "en", "adult", "visits", "Hi.\n", "2026-06-01"));
    dir.write_file("pages/en/future.md", page_source("future", "en", "adult", "visits", "Hi.\n", "2027-01-01"));
    Sources s = read_ok(dir);
    auto issues = lint_reviewed(s, "2026-11-24");
    CHECK(texts(issues).size() == 2);
    CHECK(any_contains(issues, "old.md:7: warning: reviewed 2025-11-23, more than 12 months ago"));
    CHECK(any_contains(issues, "future.md:7: warning: reviewed 2027-01-01 is in the future"));
    CHECK(texts(lint_reviewed(s, "2026-07-01")).size() == 1);  // only the future one
    CHECK(texts(lint_reviewed(s, "2028-01-01")).size() == 3);  // a year on, the future one is due, not late
}

TEST_CASE("phone numbers: run together, hyphens, dots, brackets and +44 are warned with the house format") {
    TempDir dir;
    dir.write_file("pages/en/a.md", page_source("a", "en", "adult", "visits",
                                                "Call 08088082003.\n"
                                                "Or 0808-808-2003.\n"
                                                "Or (0300) 063 2100.\n"
                                                "Or 0300.063.2100.\n"
                                                "Or +44 808 808 2003.\n"
                                                "Or 116123.\n"
                                                "Or 08001111.\n"));
    auto issues = lint_phone_numbers(read_ok(dir));
    auto all = texts(issues);
    CHECK(all.size() == 7);
    CHECK(any_contains(issues, "a.md:9: warning: phone number \"08088082003\": write it as 0808 808 2003"));
    CHECK(any_contains(issues, "a.md:10: warning: phone number \"0808-808-2003\": write it as 0808 808 2003"));
    CHECK(any_contains(issues, "a.md:11: warning: phone number \"(0300) 063 2100\": write it as 0300 063 2100"));
    CHECK(any_contains(issues, "a.md:12: warning: phone number \"0300.063.2100\": write it as 0300 063 2100"));
    CHECK(any_contains(issues, "a.md:13: warning: phone number \"+44 808 808 2003\": write UK numbers from 0"));
    CHECK(any_contains(issues, "a.md:14: warning: phone number \"116123\": write it as 116 123"));
    CHECK(any_contains(issues, "a.md:15: warning: phone number \"08001111\": write it as 0800 1111"));
}

TEST_CASE("phone numbers: the house format, tel: digits, dates, years and amounts stay quiet") {
    TempDir dir;
    dir.write_file("pages/en/a.md",
                   page_source("a", "en", "adult", "visits",
                               "Call [0808 808 2003](tel:08088082003), 0300 063 2100, 0800 1111, 116 123, 999 "
                               "or 0808 2000 247. Call 020 7946 0000 or 07700 900123.\n\n"
                               "On 01-02-2026 or 2026-02-01 at 10.30, pay £12.50. In 2026, 200,000 children.\n"));
    dir.write_file("services.json", R"([{"id": "pact", "name": "Pact", "phone": "0808 808 2003"}])");
    CHECK(texts(lint_phone_numbers(read_ok(dir))).empty());
}

TEST_CASE("phone numbers: a tel: link with spaces and a badly written service number are warned") {
    TempDir dir;
    dir.write_file("pages/en/a.md", page_source("a", "en", "adult", "visits", "[Call us](tel:0808-808-2003)\n"));
    dir.write_file("services.json", R"([{"id": "pact", "name": "Pact", "phone": "08088082003"}])");
    auto issues = lint_phone_numbers(read_ok(dir));
    CHECK(texts(issues).size() == 2);
    CHECK(any_contains(issues, "a.md:9: warning: link \"tel:0808-808-2003\": tel: targets are digits only"));
    CHECK(any_contains(issues, "services.json: warning: service \"pact\": phone number \"08088082003\""));
}

TEST_CASE("phone numbers: a search card's helpline run together is warned; one in the house format is not") {
    TempDir dir;
    dir.write_file("pages/en/a.md", page_source("a", "en", "adult", "visits", "Words.\n"));
    dir.write_file("search.yaml", R"(helplines:
  pact: {name: {en: Pact}, number: "08088082003"}
  childline: {name: {en: Childline}, number: "0800 1111"}
)");
    auto issues = lint_phone_numbers(read_ok(dir));
    CHECK(texts(issues) ==
          std::vector<std::string>{"search.yaml: warning: helpline \"pact\": phone number \"08088082003\": write it as "
                                   "0808 808 2003 (groups of digits separated by spaces)"});
}

TEST_CASE("all rules together come back sorted by file and line") {
    TempDir dir;
    dir.write_file("pages/en/b.md", page_source("b", "en", "child", "money-debt", "Call 08088082003.\n", "2020-01-01"));
    dir.write_file("pages/en/a.md", page_source("a", "en", "adult", "visits", "Hi.\n"));
    auto issues = lint_sources(read_ok(dir), {"2026-11-24"});
    REQUIRE(issues.size() == 4);
    CHECK(issues[0].to_string().rfind("pages/en/b.md:6: error:", 0) == 0);
    CHECK(issues[1].to_string().rfind("pages/en/b.md:7: warning: reviewed", 0) == 0);
    CHECK(issues[2].to_string().rfind("pages/en/b.md:9: warning: phone", 0) == 0);
    // b.md has no sources: for the number it shows, too.
    CHECK(issues[3].to_string().rfind("pages/en/b.md:9: warning: shows phone number 08088082003 but has no sources",
                                      0) == 0);
}

TEST_CASE("translation freshness: a translation says which English it came from, and is flagged when that changes") {
    TempDir dir;
    std::string english = page_source("travel", "en", "adult", "visits", "You can claim help.\n");
    dir.write_file("pages/en/travel.md", english);
    std::string hash = english_fingerprint("Title of travel", "You can claim help.\n");
    CHECK(hash.size() == 12);
    CHECK(hash.find_first_not_of("0123456789abcdef") == std::string::npos);
    auto welsh = [&](const std::string& front) {
        return "---\nid: travel\nlang: cy\n" + front +
               "title: Teitl\ntopic: visits\naudience: [adult]\nreviewed: 2026-11-24\n---\nGallwch hawlio.\n";
    };

    dir.write_file("pages/cy/travel.md", welsh("translation: unreviewed\nenglish_hash: " + hash + "\n"));
    CHECK(texts(lint_translation_freshness(read_ok(dir))).empty());

    // The English body changes: the Welsh is now out of date, and lint says so on the Welsh file.
    dir.write_file("pages/en/travel.md",
                   page_source("travel", "en", "adult", "visits", "You can claim help with fares and petrol.\n"));
    auto issues = lint_translation_freshness(read_ok(dir));
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].to_string().rfind("pages/cy/travel.md:5: warning: the English page pages/en/travel.md changed",
                                      0) == 0);
    CHECK(any_contains(issues, "english_hash " + hash));
    CHECK(any_contains(issues, "lantern content hash"));

    // A title change counts too; a trailing newline does not.
    dir.write_file("pages/en/travel.md", english + "\n\n");
    CHECK(texts(lint_translation_freshness(read_ok(dir))).empty());
    CHECK(english_fingerprint("Another title", "You can claim help.\n") != hash);
}

TEST_CASE("translation freshness: a translation without english_hash or translation state is flagged") {
    TempDir dir;
    dir.write_file("pages/en/travel.md", page_source("travel", "en", "adult", "visits", "Hello.\n"));
    dir.write_file("pages/cy/travel.md", page_source("travel", "cy", "adult", "visits", "Helo.\n"));
    auto issues = lint_translation_freshness(read_ok(dir));
    CHECK(issues.size() == 2);
    CHECK(any_contains(issues, "pages/cy/travel.md:3: warning: no translation: state"));
    CHECK(any_contains(issues, "pages/cy/travel.md:3: warning: no english_hash: say which English"));
    // English pages are never judged by this rule.
    for (const auto& i : issues) CHECK(i.file == "pages/cy/travel.md");
}

TEST_CASE("translations: a service with an English description and none in Welsh is a warning") {
    TempDir dir;
    dir.write_file("pages/en/travel.md", page_source("travel", "en", "adult", "visits", "Hello.\n"));
    dir.write_file("pages/cy/travel.md", page_source("travel", "cy", "adult", "visits", "Helo.\n"));
    dir.write_file("services.json", R"([
  {"id": "a", "name": "A", "description": "Help.", "translations": {"cy": {"description": "Help yn Gymraeg."}}},
  {"id": "b", "name": "B", "description": "Help."}
])");
    auto issues = lint_translations(read_ok(dir));
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].to_string() == "services.json: warning: service \"b\" has no cy description");
}
