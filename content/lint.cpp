// The content rules behind `lantern content lint`: reading level, adult subjects, translations,
// references, alt text, review dates, phone number format and phone numbers with no cited source.
//
// Index: helpers | references | reading level | adult subjects | translations | alt text |
//        reviewed | phone numbers | all rules
#include "content/lint.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <ctime>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "content/audience_policy.h"
#include "content/markdown.h"
#include "content/service_fields.h"
#include "content/pack_reader.h"
#include "content/phone_index.h"
#include "content/readability.h"
#include "content/translation.h"

namespace lantern::content {
namespace {

//-----------------------------------------------------------------------------
// Helpers
//-----------------------------------------------------------------------------

SourceIssue error_at(const std::string& file, int line, std::string msg) {
    return {SourceIssue::Severity::error, file, line, std::move(msg)};
}
SourceIssue warning_at(const std::string& file, int line, std::string msg) {
    return {SourceIssue::Severity::warning, file, line, std::move(msg)};
}

// The file line of a byte offset inside a page's Markdown body.
int body_line_at(const SourcePage& p, std::size_t offset) {
    offset = std::min(offset, p.body.size());
    return p.body_line + static_cast<int>(std::count(p.body.begin(), p.body.begin() + static_cast<long>(offset), '\n'));
}

// Line of a front matter key, or of the front matter's first line when the key is absent.
int key_line(const SourcePage& p, const std::string& key) {
    auto it = p.key_lines.find(key);
    return it == p.key_lines.end() ? 2 : it->second;
}

// Finds `needle` in the body from `from`, returning the file line and moving `from` past it, so a
// target used twice is reported at each of its places in turn.
int find_line(const SourcePage& p, const std::string& needle, std::size_t& from) {
    std::size_t at = p.body.find(needle, from);
    if (at == std::string::npos) at = p.body.find(needle);
    if (at == std::string::npos) return p.body_line;
    from = at + needle.size();
    return body_line_at(p, at);
}

std::string lower_ascii(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool is_young(Audience a) { return a != Audience::adult; }

// The youngest audience a page is for decides the reading target: a page for adults and children
// must suit the children.
Audience youngest(const std::vector<Audience>& audiences) {
    Audience result = Audience::adult;
    for (Audience a : k_all_audiences)  // adult, teen, child, little: later is younger
        if (std::find(audiences.begin(), audiences.end(), a) != audiences.end()) result = a;
    return result;
}

std::string image_name(std::string src) {
    if (src.rfind("./", 0) == 0) src.erase(0, 2);
    if (src.rfind("images/", 0) == 0) src.erase(0, 7);
    return src;
}

bool is_web_address(const std::string& target) {
    return target.rfind("https://", 0) == 0 || target.rfind("http://", 0) == 0 || target.rfind("mailto:", 0) == 0;
}

std::string fixed1(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

// Markdown with every link target `](...)` blanked to spaces, so text rules do not read URLs and
// tel: digits; newlines stay put, so offsets still give the right lines.
std::string without_link_targets(const std::string& body) {
    std::string out = body;
    for (std::size_t at = out.find("]("); at != std::string::npos; at = out.find("](", at + 2)) {
        for (std::size_t i = at + 2; i < out.size() && out[i] != ')' && out[i] != '\n'; ++i) out[i] = ' ';
    }
    return out;
}

//-----------------------------------------------------------------------------
// Phone numbers
//-----------------------------------------------------------------------------

struct PhoneProblem {
    std::string written;
    std::string suggestion;  // the house format, or a hint when there is none to give
};

// Splits digits into the groups UK numbers are usually written in.
std::string house_grouping(const std::string& digits) {
    auto groups = [&](std::initializer_list<std::size_t> sizes) {
        std::string out;
        std::size_t at = 0;
        for (std::size_t n : sizes) {
            if (at >= digits.size()) break;
            if (!out.empty()) out += ' ';
            out += digits.substr(at, n);
            at += n;
        }
        if (at < digits.size()) out += digits.substr(at);
        return out;
    };
    if (digits.size() == 11) {
        if (digits.rfind("02", 0) == 0) return groups({3, 4, 4});
        if (digits.rfind("07", 0) == 0) return groups({5, 6});
        if (digits.rfind("01", 0) == 0 && digits[2] != '1' && digits[3] != '1') return groups({5, 6});
        return groups({4, 3, 4});
    }
    if (digits.size() == 10) return digits.rfind("01", 0) == 0 ? groups({5, 5}) : groups({4, 6});
    if (digits.size() == 8) return groups({4, 4});
    if (digits.size() == 6) return groups({3, 3});
    return digits;
}

// Looks at one run of digits and separators; returns a problem when it is a phone number written
// outside the house format. Dates, times, years and amounts are not phone numbers and pass.
std::optional<PhoneProblem> check_phone(const std::string& written) {
    std::string digits;
    std::vector<std::size_t> group_sizes;
    bool other_separator = false;
    bool plus44 = written.rfind("+44", 0) == 0;
    std::size_t run = 0;
    for (std::size_t i = 0; i < written.size(); ++i) {
        char c = written[i];
        if (std::isdigit(static_cast<unsigned char>(c))) {
            digits += c;
            ++run;
            continue;
        }
        if (run > 0) group_sizes.push_back(run);
        run = 0;
        bool single_space = c == ' ' && i > 0 && written[i - 1] != ' ';
        if (!single_space && c != '+') other_separator = true;
    }
    if (run > 0) group_sizes.push_back(run);
    if (plus44) {
        std::string national = "0" + digits.substr(2);
        return PhoneProblem{written, "write UK numbers from 0, like " + house_grouping(national)};
    }
    bool helpline_116 = digits.size() == 6 && digits.rfind("116", 0) == 0;
    bool uk = digits.size() >= 10 && digits.size() <= 11 && digits[0] == '0';
    bool freephone_short = digits.size() >= 8 && digits.size() <= 9 && digits.rfind("080", 0) == 0;
    if (!helpline_116 && !uk && !freephone_short) return std::nullopt;
    // A date such as 01-02-2026 or 2026.01.02 has groups of 2, 2, 4 or 4, 2, 2.
    if (group_sizes.size() == 3 && ((group_sizes[0] <= 2 && group_sizes[1] <= 2 && group_sizes[2] == 4) ||
                                    (group_sizes[0] == 4 && group_sizes[1] <= 2 && group_sizes[2] <= 2)))
        return std::nullopt;
    bool groups_ok = group_sizes.size() >= 2 && group_sizes[0] >= 3 && group_sizes[0] <= 5 &&
                     std::all_of(group_sizes.begin() + 1, group_sizes.end(), [](std::size_t n) { return n >= 3; });
    if (!other_separator && groups_ok) return std::nullopt;
    std::string suggestion;
    if (group_sizes.size() >= 2 && groups_ok) {
        for (std::size_t i = 0, at = 0; i < group_sizes.size(); at += group_sizes[i], ++i)
            suggestion += (i ? " " : "") + digits.substr(at, group_sizes[i]);
    } else {
        suggestion = house_grouping(digits);
    }
    return PhoneProblem{written, "write it as " + suggestion + " (groups of digits separated by spaces)"};
}

// Dates "YYYY-MM-DD" to a comparable number of days-ish (only ordering and 12-month steps matter).
struct Date {
    int y = 0, m = 0, d = 0;
};

std::optional<Date> parse_date(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return std::nullopt;
    Date d{std::stoi(s.substr(0, 4)), std::stoi(s.substr(5, 2)), std::stoi(s.substr(8, 2))};
    if (d.m < 1 || d.m > 12 || d.d < 1 || d.d > 31) return std::nullopt;
    return d;
}

int as_number(const Date& d) { return d.y * 10000 + d.m * 100 + d.d; }

}  // namespace

std::string today_date() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

void sort_issues(std::vector<SourceIssue>& issues) {
    std::stable_sort(issues.begin(), issues.end(), [](const SourceIssue& a, const SourceIssue& b) {
        return a.file != b.file ? a.file < b.file : a.line < b.line;
    });
}

//-----------------------------------------------------------------------------
// References: links and images
//-----------------------------------------------------------------------------

std::vector<SourceIssue> check_references(const Sources& sources) {
    std::vector<SourceIssue> out;
    std::set<std::string> page_ids;
    for (const auto& p : sources.pages) page_ids.insert(p.id);
    std::set<std::string> images;
    for (const auto& i : sources.images) images.insert(i.name);

    for (const auto& p : sources.pages) {
        for (const char* key : {"image", "icon"}) {
            const std::string& name = std::string(key) == "image" ? p.image : p.icon;
            if (!name.empty() && !images.count(image_name(name)))
                out.push_back(
                    error_at(p.file, key_line(p, key), std::string(key) + " \"" + name + "\" is not in images/"));
        }
        Document doc = parse_markdown(p.body);
        std::size_t from = 0;
        for (const std::string& target : doc.links) {
            int line = find_line(p, target, from);
            if (target.rfind("page:", 0) == 0) {
                std::string id = target.substr(5);
                id = id.substr(0, id.find('#'));
                if (!page_ids.count(id))
                    out.push_back(error_at(p.file, line, "link to page \"" + id + "\", which does not exist"));
            } else if (target.rfind("tel:", 0) == 0 || is_web_address(target)) {
                // tel: targets are checked by the phone rule; web addresses are the staff's call.
            } else {
                out.push_back(error_at(p.file, line,
                                       "link \"" + target +
                                           "\" goes nowhere on a kiosk: use page:<id>, "
                                           "tel:<digits> or a web address"));
            }
        }
        from = 0;
        for (const std::string& src : doc.images) {
            int line = find_line(p, src, from);
            if (src.find("://") != std::string::npos)
                out.push_back(error_at(p.file, line,
                                       "image \"" + src +
                                           "\" is on the web; kiosks work offline, "
                                           "so put it in images/"));
            else if (!images.count(image_name(src)))
                out.push_back(error_at(p.file, line, "image \"" + src + "\" is not in images/"));
        }
    }
    for (const auto& t : sources.topics)
        if (!t.icon.empty() && !images.count(image_name(t.icon)))
            out.push_back(
                error_at("topics.yaml", 0, "topic \"" + t.id + "\": icon \"" + t.icon + "\" is not in images/"));
    return out;
}

//-----------------------------------------------------------------------------
// Reading level
//-----------------------------------------------------------------------------

std::vector<SourceIssue> lint_reading_level(const Sources& sources) {
    std::vector<SourceIssue> out;
    for (const auto& p : sources.pages) {
        // Sentence length holds in any language; the syllable heuristic and the Flesch constants are for
        // English only.
        if (p.audiences.empty()) continue;
        bool english = p.lang == "en";
        Audience audience = youngest(p.audiences);
        ReadingTarget target = reading_target(audience);
        TextStats stats = measure_document(parse_markdown(p.body));
        if (stats.sentences == 0) continue;
        double wps = stats.words_per_sentence();
        bool too_long =
            target.max_inclusive ? wps > target.max_words_per_sentence : wps >= target.max_words_per_sentence;
        std::string who = to_string(audience);
        if (too_long) {
            std::size_t from = 0;
            int line = find_line(p, stats.longest_sentence_start, from);
            std::string aim = (target.max_inclusive ? "at most " : "under ") +
                              std::to_string(static_cast<int>(target.max_words_per_sentence));
            out.push_back(warning_at(p.file, line,
                                     "reading level for " + who + ": sentences average " + fixed1(wps) +
                                         " words (aim for " + aim + "); the longest has " +
                                         std::to_string(stats.longest_sentence_words) + " words: \"" +
                                         stats.longest_sentence_start + " ...\""));
        }
        if (english && stats.words >= k_min_words_for_flesch && stats.flesch_reading_ease() < target.min_flesch) {
            out.push_back(warning_at(p.file, p.body_line,
                                     "reading ease for " + who + ": Flesch " + fixed1(stats.flesch_reading_ease()) +
                                         " (aim for " + std::to_string(static_cast<int>(target.min_flesch)) +
                                         " or more): use shorter words and sentences"));
        }
    }
    return out;
}

//-----------------------------------------------------------------------------
// Adult subjects on pages for children
//-----------------------------------------------------------------------------

std::vector<SourceIssue> lint_adult_subjects(const Sources& sources) {
    // Words that mark an adult subject; a young person's page that needs one should be checked by a
    // person, so these are warnings. Whole words only ("debt" but not "indebted").
    static const char* const words[] = {
        "domestic abuse", "domestic violence", "debt", "debts", "bailiff", "bailiffs", "drugs", "drug", "overdose"};
    // Which topics are adult-only is audience_policy.h's rule, the one the pack reader and the kiosk apply.
    std::set<std::string> flagged;  // topics adult-only by their own flag in topics.yaml
    for (const auto& t : sources.topics)
        if (t.adult_only) flagged.insert(t.id);
    std::vector<SourceIssue> out;
    for (const auto& t : sources.topics)
        for (Audience a : t.audiences)
            if (!may_see_topic(a, t.id, t.adult_only))
                out.push_back(warning_at(
                    "topics.yaml", 0,
                    "topic \"" + t.id + "\" is adult-only; " + std::string(to_string(a)) + " screens never list it"));
    for (const auto& p : sources.pages) {
        std::vector<std::string> young;
        for (Audience a : p.audiences)
            if (is_young(a)) young.emplace_back(to_string(a));
        if (young.empty()) continue;
        std::string for_whom;
        for (const auto& y : young) for_whom += (for_whom.empty() ? "" : "/") + y;
        bool refused = std::any_of(p.audiences.begin(), p.audiences.end(),
                                   [&](Audience a) { return !may_see_topic(a, p.topic, flagged.count(p.topic) > 0); });
        if (refused)
            out.push_back(error_at(p.file, key_line(p, "audience"),
                                   "page is for " + for_whom + " but its topic \"" + p.topic +
                                       "\" is for adults only; make it adult-only or move it to another topic"));
        std::string body = lower_ascii(without_link_targets(p.body));
        for (const char* w : words) {
            std::string word = w;
            for (std::size_t at = body.find(word); at != std::string::npos; at = body.find(word, at + 1)) {
                bool start_ok = at == 0 || !std::isalnum(static_cast<unsigned char>(body[at - 1]));
                std::size_t end = at + word.size();
                bool end_ok = end >= body.size() || !std::isalnum(static_cast<unsigned char>(body[end]));
                if (!start_ok || !end_ok) continue;
                out.push_back(warning_at(p.file, body_line_at(p, at),
                                         "\"" + p.body.substr(at, word.size()) + "\" on a page for " + for_whom +
                                             ": an adult subject; check it is right for them"));
                break;  // one warning per word per page is enough to send someone to look
            }
        }
    }
    return out;
}

//-----------------------------------------------------------------------------
// Translations
//-----------------------------------------------------------------------------

std::vector<SourceIssue> lint_translations(const Sources& sources) {
    std::vector<SourceIssue> out;
    std::set<std::string> languages;
    std::map<std::string, std::map<std::string, const SourcePage*>> by_id;  // id -> lang -> page
    std::vector<std::string> order;
    for (const auto& p : sources.pages) {
        if (p.id.empty() || p.lang.empty()) continue;
        languages.insert(p.lang);
        if (!by_id.count(p.id)) order.push_back(p.id);
        by_id[p.id].emplace(p.lang, &p);
    }
    for (const auto& id : order) {
        const auto& versions = by_id[id];
        // Report on the English file: that is where a writer starts a translation from.
        const SourcePage* anchor = versions.count("en") ? versions.at("en") : versions.begin()->second;
        for (const auto& lang : languages)
            if (!versions.count(lang)) out.push_back(warning_at(anchor->file, 0, "no " + lang + " version of " + id));
    }
    for (const auto& t : sources.topics) {
        std::set<std::string> have;
        for (const auto& [lang, title] : t.titles) have.insert(lang);
        for (const auto& lang : languages)
            if (!have.count(lang))
                out.push_back(warning_at("topics.yaml", 0, "topic \"" + t.id + "\" has no " + lang + " title"));
    }
    auto services = nlohmann::json::parse(sources.services_json, nullptr, false);
    if (services.is_array())
        for (const auto& s : services) {
            if (!s.is_object()) continue;
            // A family service's visitor reads its name, when it runs and how to join before she asks for a place.
            if (s.value("kind", std::string()) == k_family_service_kind)
                for (const auto& lang : languages) {
                    if (lang == "en") continue;
                    const auto* words = s.contains("translations") && s["translations"].is_object() &&
                                                s["translations"].contains(lang) && s["translations"][lang].is_object()
                                            ? &s["translations"][lang]
                                            : nullptr;
                    for (const char* key : {"name", "when", "how_to_join"})
                        if (!words || !words->contains(key))
                            out.push_back(warning_at("services.json", 0,
                                                     "family service \"" + s.value("id", std::string("?")) +
                                                         "\" has no " + lang + " \"" + key + "\""));
                }
            if (!s.contains("description") || !s["description"].is_string()) continue;
            for (const auto& lang : languages) {
                if (lang == "en") continue;
                const auto* words = s.contains("translations") && s["translations"].is_object() &&
                                            s["translations"].contains(lang) && s["translations"][lang].is_object()
                                        ? &s["translations"][lang]
                                        : nullptr;
                if (!words || !words->contains("description"))
                    out.push_back(warning_at(
                        "services.json", 0,
                        "service \"" + s.value("id", std::string("?")) + "\" has no " + lang + " description"));
            }
        }
    return out;
}

std::vector<SourceIssue> lint_translation_freshness(const Sources& sources) {
    std::map<std::string, const SourcePage*> english;
    for (const auto& p : sources.pages)
        if (p.lang == "en" && !p.id.empty()) english[p.id] = &p;
    std::vector<SourceIssue> out;
    for (const auto& p : sources.pages) {
        if (p.lang.empty() || p.lang == "en") continue;
        if (p.translation.empty())
            out.push_back(warning_at(p.file, key_line(p, "lang"),
                                     "no translation: state; add \"translation: unreviewed\" until a fluent "
                                     "speaker has checked it, then \"translation: reviewed\""));
        auto en = english.find(p.id);
        if (en == english.end()) continue;  // nothing to compare with; lint_translations names the gap
        std::string now = english_fingerprint(en->second->title, en->second->body);
        std::string how = "`lantern content hash <folder> " + p.id + "` prints it";
        if (p.english_hash.empty())
            out.push_back(
                warning_at(p.file, key_line(p, "lang"),
                           "no english_hash: say which English this was translated from (" + now + "; " + how + ")"));
        else if (p.english_hash != now)
            out.push_back(warning_at(p.file, key_line(p, "english_hash"),
                                     "the English page " + en->second->file +
                                         " changed after this was translated "
                                         "(english_hash " +
                                         p.english_hash + ", English now " + now +
                                         "): update the translation, then english_hash; " + how));
    }
    return out;
}

//-----------------------------------------------------------------------------
// Alt text
//-----------------------------------------------------------------------------

std::vector<SourceIssue> lint_alt_text(const Sources& sources) {
    std::vector<SourceIssue> out;
    std::map<std::string, std::string> alt;
    for (const auto& i : sources.images) alt[i.name] = i.alt;
    auto has_alt = [&](const std::string& name) {
        auto it = alt.find(image_name(name));
        return it != alt.end() && it->second.find_first_not_of(" \t") != std::string::npos;
    };
    for (const auto& p : sources.pages) {
        if (!p.image.empty() && alt.count(image_name(p.image)) && !has_alt(p.image))
            out.push_back(warning_at(p.file, key_line(p, "image"),
                                     "image \"" + p.image + "\" has no alt text: add it to images/alt.yaml"));
        Document doc = parse_markdown(p.body);
        std::size_t from = 0;
        for (const Block& b : doc.blocks) {
            if (b.kind != BlockKind::image) continue;
            int line = find_line(p, b.image, from);
            bool own_alt = b.alt.find_first_not_of(" \t") != std::string::npos;
            // Missing images are check_references' errors; only present ones are judged here.
            if (!own_alt && alt.count(image_name(b.image)) && !has_alt(b.image))
                out.push_back(warning_at(p.file, line,
                                         "image \"" + b.image +
                                             "\" has no alt text: write it in ![...] or in "
                                             "images/alt.yaml"));
        }
    }
    return out;
}

//-----------------------------------------------------------------------------
// Review dates
//-----------------------------------------------------------------------------

std::vector<SourceIssue> lint_reviewed(const Sources& sources, const std::string& today) {
    std::vector<SourceIssue> out;
    auto now = parse_date(today);
    if (!now) return out;
    for (const auto& p : sources.pages) {
        auto reviewed = parse_date(p.reviewed);
        if (!reviewed) continue;  // a missing or malformed date is already a source error
        Date due{reviewed->y + 1, reviewed->m, reviewed->d};
        int line = key_line(p, "reviewed");
        if (as_number(due) < as_number(*now))
            out.push_back(warning_at(p.file, line,
                                     "reviewed " + p.reviewed +
                                         ", more than 12 months ago: check the facts, then update "
                                         "reviewed:"));
        else if (as_number(*reviewed) > as_number(*now))
            out.push_back(warning_at(p.file, line, "reviewed " + p.reviewed + " is in the future"));
    }
    return out;
}

//-----------------------------------------------------------------------------
// Phone numbers
//-----------------------------------------------------------------------------

std::vector<SourceIssue> lint_phone_numbers(const Sources& sources) {
    std::vector<SourceIssue> out;
    for (const auto& p : sources.pages) {
        std::string text = without_link_targets(p.body);
        for (const auto& run : phone_runs(text))
            if (auto problem = check_phone(run.text))
                out.push_back(warning_at(p.file, body_line_at(p, run.offset),
                                         "phone number \"" + problem->written + "\": " + problem->suggestion));
        Document doc = parse_markdown(p.body);
        std::size_t from = 0;
        for (const std::string& target : doc.links) {
            if (target.rfind("tel:", 0) != 0) continue;
            int line = find_line(p, target, from);
            std::string number = target.substr(4);
            bool digits_only = !number.empty() && number.find_first_not_of("+0123456789") == std::string::npos &&
                               number.find('+', 1) == std::string::npos;
            if (!digits_only)
                out.push_back(warning_at(p.file, line, "link \"" + target + "\": tel: targets are digits only"));
        }
    }
    for (const auto& h : sources.search.helplines)
        if (auto problem = check_phone(h.number))
            out.push_back(warning_at(
                "search.yaml", 0,
                "helpline \"" + h.id + "\": phone number \"" + problem->written + "\": " + problem->suggestion));
    auto services = nlohmann::json::parse(sources.services_json, nullptr, false);
    if (services.is_array())
        for (const auto& s : services) {
            if (!s.is_object() || !s.contains("phone") || !s["phone"].is_string()) continue;
            std::string phone = s["phone"].get<std::string>();
            for (const auto& run : phone_runs(phone))
                if (auto problem = check_phone(run.text))
                    out.push_back(warning_at("services.json", 0,
                                             "service \"" + s.value("id", std::string("?")) + "\": phone number \"" +
                                                 problem->written + "\": " + problem->suggestion));
        }
    return out;
}

//-----------------------------------------------------------------------------
// All rules
//-----------------------------------------------------------------------------

std::vector<SourceIssue> lint_sources(const Sources& sources, const LintOptions& options) {
    std::vector<SourceIssue> all;
    auto add = [&](std::vector<SourceIssue> more) {
        all.insert(all.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    };
    add(lint_reading_level(sources));
    add(lint_adult_subjects(sources));
    add(lint_translations(sources));
    add(lint_translation_freshness(sources));
    add(lint_alt_text(sources));
    add(lint_reviewed(sources, options.today.empty() ? today_date() : options.today));
    add(lint_phone_numbers(sources));
    add(check_service_needs(sources));
    add(lint_phone_sources(index_phone_numbers(sources)));
    sort_issues(all);
    return all;
}

}  // namespace lantern::content
