// Every phone number the content shows, where it shows it, and whether that place cites a source.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "content/sources.h"

namespace lantern::content {

// A run of text that starts with a digit, '+' or '(' and continues with digits and single separators:
// a phone number if phone_digits() says so, else a date, an amount or a year.
struct PhoneRun {
    std::size_t offset;
    std::string text;
};
std::vector<PhoneRun> phone_runs(const std::string& text);

// The number's digits as dialled in the UK ("+44 808 ..." becomes "0808 ..."), or nothing when the run is
// not a phone number: a UK number of 10 or 11 digits from 0, a short freephone (0800 1111), a 116 helpline,
// or 999 / 112. Dates such as 01-02-2026 are not numbers.
std::optional<std::string> phone_digits(const std::string& written);

// One place a number is shown.
struct PhoneUse {
    enum class Kind { page, service, search_helpline, form_helpline };
    Kind kind = Kind::page;
    std::string id;    // page id, service id, helpline id, or "helplines" / "team" in the form
    std::string lang;  // pages only
    std::string file;  // relative to the content folder: pages/en/first-visit.md, services.json, ...
    int line = 0;      // 0 when the file has no line to give (JSON)
    // Where the fact comes from: a page's `sources:`, a service's own website. search.yaml and form.json
    // have no such field: their numbers are backed when a page or service that cites a source shows them too.
    std::vector<std::string> sources;
};

struct PhoneEntry {
    std::string digits;                  // the key: 08088082003
    std::string written;                 // as the content first writes it, "0808 808 2003"
    std::vector<std::string> spellings;  // every other way the content writes it ("0808 80 10 800")
    std::vector<PhoneUse> uses;          // pages (by file), then services, search.yaml, form.json
    bool cited_somewhere() const;        // a page or service showing it cites a source
    // The source of `use` on the same site as the website of a service with this number (the organisation's
    // own page, for a reviewer to check the number against), or empty when it cites none.
    std::string own_site_source(const PhoneUse& use) const;
};

// Every number in pages (text and tel: links), services.json, search.yaml's helplines and form.json's
// helplines and team phone, in order of first appearance; each page or service listed once per number.
std::vector<PhoneEntry> index_phone_numbers(const Sources& sources);

// Warnings: a page that shows a number with no `sources:`, a service with a phone and no website, and a
// helpline number in search.yaml or form.json that no cited page or service shows.
std::vector<SourceIssue> lint_phone_sources(const std::vector<PhoneEntry>& index);

const char* to_string(PhoneUse::Kind kind);

}  // namespace lantern::content
