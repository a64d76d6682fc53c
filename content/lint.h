// Content rules for `lantern content lint` and `lantern content build`: each rule returns SourceIssues.
#pragma once

#include <string>
#include <vector>

#include "content/sources.h"

namespace lantern::content {

struct LintOptions {
    std::string today;  // "YYYY-MM-DD"; empty means today's date from the clock
};

// Today's local date as "YYYY-MM-DD".
std::string today_date();

// Errors a pack must never ship with: `page:` links to pages that do not exist, Markdown images and
// front matter image:/icon: (and topic icons) not in images/, links the kiosk cannot follow.
// read_sources runs this, so build refuses such sources and lint reports them once.
std::vector<SourceIssue> check_references(const Sources& sources);

// Pages against their youngest audience's target (FACTS.md thresholds; see readability.h): average sentence
// length in every language, and Flesch reading ease in English, the only language its formula is for. Warnings.
std::vector<SourceIssue> lint_reading_level(const Sources& sources);

// Adult-only topics (domestic abuse, money and debt, drugs and alcohol, offending) on child, teen or
// little pages are errors; adult-subject words in such a page's body are warnings.
std::vector<SourceIssue> lint_adult_subjects(const Sources& sources);

// A page or topic title missing in a language other pages use: "no cy version of first-visit"; a service
// in services.json with a description but none in that language (its "translations"); a family service
// without its name, "when" or "how_to_join" in that language.
std::vector<SourceIssue> lint_translations(const Sources& sources);

// Translated pages against the English they came from: a translation whose `english_hash:` is missing or no
// longer matches the English page's fingerprint (the English changed since), or whose `translation:` state is
// missing. Warnings on the translated file, saying how to print the new fingerprint.
std::vector<SourceIssue> lint_translation_freshness(const Sources& sources);

// Images shown on a page with no alt text in the Markdown and none in images/alt.yaml.
std::vector<SourceIssue> lint_alt_text(const Sources& sources);

// `reviewed:` more than 12 months before `today` (or after it).
std::vector<SourceIssue> lint_reviewed(const Sources& sources, const std::string& today);

// Phone numbers not in the house format (0808 808 2003, 0800 1111, 116 123, 999): run together,
// hyphens, dots, brackets or +44 in page text, services.json and search.yaml's helplines; tel: targets that
// are not digits.
std::vector<SourceIssue> lint_phone_numbers(const Sources& sources);

// Every lint rule above, and check_service_needs, except check_references (read_sources already put those in
// Sources::issues), sorted by file and line.
std::vector<SourceIssue> lint_sources(const Sources& sources, const LintOptions& options = {});

// Orders issues by file, then line, keeping the order of issues on the same line.
void sort_issues(std::vector<SourceIssue>& issues);

}  // namespace lantern::content
