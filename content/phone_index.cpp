// Finds every phone number the content shows (pages, services, search and form helplines) and where its
// source is cited, for `lantern content phones` and lint.
#include "content/phone_index.h"

#include "content/form_model.h"
#include "content/lint.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace lantern::content {
namespace {

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

int line_at(const SourcePage& p, std::size_t offset) {
    offset = std::min(offset, p.body.size());
    return p.body_line + static_cast<int>(std::count(p.body.begin(), p.body.begin() + static_cast<long>(offset), '\n'));
}

// Collects uses per number, keeping one use per place (a page shows a number in its text and its tel: link).
class Collector {
   public:
    void add(const std::string& digits, const std::string& written, PhoneUse use) {
        auto [it, fresh] = at_.emplace(digits, entries_.size());
        if (fresh) entries_.push_back({digits, {}, {}});
        PhoneEntry& e = entries_[it->second];
        // Text as people read it ("0808 808 2003") beats a tel: target's bare digits.
        if (e.written.empty() || (e.written == e.digits && written != digits)) e.written = written;
        spell_[digits].insert(written);
        for (const auto& u : e.uses)
            if (u.kind == use.kind && u.file == use.file && u.id == use.id) return;
        e.uses.push_back(std::move(use));
    }

    std::vector<PhoneEntry> take() {
        for (auto& e : entries_) {
            for (const auto& w : spell_[e.digits])
                if (w != e.written && w != e.digits) e.spellings.push_back(w);
            std::stable_sort(e.uses.begin(), e.uses.end(), [](const PhoneUse& a, const PhoneUse& b) {
                if (a.kind != b.kind) return a.kind < b.kind;
                return a.file != b.file ? a.file < b.file : a.id < b.id;
            });
        }
        std::sort(entries_.begin(), entries_.end(),
                  [](const PhoneEntry& a, const PhoneEntry& b) { return a.digits < b.digits; });
        return std::move(entries_);
    }

   private:
    std::vector<PhoneEntry> entries_;
    std::map<std::string, std::size_t> at_;
    std::map<std::string, std::set<std::string>> spell_;  // digits -> ways written
};

void index_page(const SourcePage& p, Collector& out) {
    auto use_at = [&](std::size_t offset) {
        return PhoneUse{PhoneUse::Kind::page, p.id, p.lang, p.file, line_at(p, offset), p.sources};
    };
    // Link targets are read for tel: numbers and then blanked, so a web address's digits are never a number.
    std::string text = p.body;
    for (std::size_t at = text.find("]("); at != std::string::npos; at = text.find("](", at + 2)) {
        std::size_t end = at + 2;
        while (end < text.size() && text[end] != ')' && text[end] != '\n') ++end;
        std::string target = text.substr(at + 2, end - at - 2);
        if (target.rfind("tel:", 0) == 0)
            if (auto digits = phone_digits(target.substr(4))) out.add(*digits, *digits, use_at(at));
        for (std::size_t i = at + 2; i < end; ++i) text[i] = ' ';
    }
    for (const auto& run : phone_runs(text))
        if (auto digits = phone_digits(run.text)) out.add(*digits, run.text, use_at(run.offset));
}

void index_json_number(const std::string& written, const PhoneUse& use, Collector& out) {
    for (const auto& run : phone_runs(written))
        if (auto digits = phone_digits(run.text)) out.add(*digits, run.text, use);
}

void index_services(const std::string& services_json, Collector& out) {
    auto services = nlohmann::json::parse(services_json, nullptr, false);
    if (!services.is_array()) return;
    for (const auto& s : services) {
        if (!s.is_object() || !s.contains("phone") || !s["phone"].is_string()) continue;
        PhoneUse use{PhoneUse::Kind::service, s.value("id", std::string("?")), "", "services.json", 0, {}};
        if (s.contains("website") && s["website"].is_string() && !s["website"].get<std::string>().empty())
            use.sources.push_back(s["website"].get<std::string>());
        index_json_number(s["phone"].get<std::string>(), use, out);
    }
}

void index_form(const std::string& form_json, Collector& out) {
    // Read by the one form parser (content/form_model.h): a form that does not parse has its own errors.
    form::FormParseResult parsed = form::parse_form(form_json);
    if (!parsed.form) return;
    PhoneUse use{PhoneUse::Kind::form_helpline, "helplines", "", "form.json", 0, {}};
    for (const auto& line : parsed.form->helplines) index_json_number(line.number, use, out);
    if (!parsed.form->team.phone.empty()) {
        use.id = "team";
        index_json_number(parsed.form->team.phone, use, out);
    }
}

// "https://www.childline.org.uk/info" -> "childline.org.uk": pages and services cite the same site in
// different ways.
std::string site_of(const std::string& url) {
    std::size_t from = url.find("://");
    from = from == std::string::npos ? 0 : from + 3;
    std::string host = url.substr(from, url.find_first_of("/?#", from) - from);
    for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (host.rfind("www.", 0) == 0) host.erase(0, 4);
    return host;
}

std::string place(const PhoneUse& u) {
    switch (u.kind) {
        case PhoneUse::Kind::page: return "page";
        case PhoneUse::Kind::service: return "service \"" + u.id + "\"";
        case PhoneUse::Kind::search_helpline: return "helpline \"" + u.id + "\"";
        case PhoneUse::Kind::form_helpline: return u.id == "team" ? "the team's phone" : "the form's helplines";
    }
    return "";
}

}  // namespace

std::vector<PhoneRun> phone_runs(const std::string& text) {
    std::vector<PhoneRun> runs;
    auto digit = [&](std::size_t k) { return k < text.size() && is_digit(text[k]); };
    auto sep = [](char c) { return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')'; };
    std::size_t i = 0;
    while (i < text.size()) {
        bool word_start = i == 0 || !std::isalnum(static_cast<unsigned char>(text[i - 1]));
        bool starts = digit(i) || ((text[i] == '+' || text[i] == '(') && digit(i + 1));
        if (!word_start || !starts) {
            ++i;
            continue;
        }
        std::size_t start = i, last_digit_end = i;
        ++i;
        if (digit(start)) last_digit_end = i;
        while (i < text.size()) {
            if (digit(i)) {
                last_digit_end = ++i;
            } else if (sep(text[i]) && (digit(i + 1) || (i + 2 < text.size() && sep(text[i + 1]) && digit(i + 2)))) {
                ++i;
            } else {
                break;
            }
        }
        // A run glued to letters ("A123") or a longer word is not a number in the text.
        if (last_digit_end < text.size() && std::isalpha(static_cast<unsigned char>(text[last_digit_end]))) continue;
        std::string run = text.substr(start, last_digit_end - start);
        if (text[start] == '(' && last_digit_end < text.size() && text[last_digit_end] == ')') run += ')';
        runs.push_back({start, run});
    }
    return runs;
}

std::optional<std::string> phone_digits(const std::string& written) {
    std::string digits;
    std::vector<std::size_t> groups;
    std::size_t run = 0;
    for (char c : written) {
        if (is_digit(c)) {
            digits += c;
            ++run;
        } else if (run > 0) {
            groups.push_back(run);
            run = 0;
        }
    }
    if (run > 0) groups.push_back(run);
    if (written.rfind("+44", 0) == 0 && digits.size() > 2) digits = "0" + digits.substr(2);
    // A date such as 01-02-2026 or 2026.01.02 has groups of 2, 2, 4 or 4, 2, 2.
    if (groups.size() == 3 &&
        ((groups[0] <= 2 && groups[1] <= 2 && groups[2] == 4) || (groups[0] == 4 && groups[1] <= 2 && groups[2] <= 2)))
        return std::nullopt;
    bool emergency = (digits == "999" || digits == "112") && groups.size() == 1;
    bool helpline_116 = digits.size() == 6 && digits.rfind("116", 0) == 0;
    bool uk = digits.size() >= 10 && digits.size() <= 11 && digits[0] == '0';
    bool freephone_short = digits.size() >= 8 && digits.size() <= 9 && digits.rfind("080", 0) == 0;
    if (emergency || helpline_116 || uk || freephone_short) return digits;
    return std::nullopt;
}

bool PhoneEntry::cited_somewhere() const {
    return std::any_of(uses.begin(), uses.end(), [](const PhoneUse& u) {
        return (u.kind == PhoneUse::Kind::page || u.kind == PhoneUse::Kind::service) && !u.sources.empty();
    });
}

std::string PhoneEntry::own_site_source(const PhoneUse& use) const {
    std::set<std::string> sites;
    for (const auto& u : uses)
        if (u.kind == PhoneUse::Kind::service)
            for (const auto& w : u.sources) sites.insert(site_of(w));
    for (const auto& src : use.sources)
        if (sites.count(site_of(src))) return src;
    return "";
}

std::vector<PhoneEntry> index_phone_numbers(const Sources& sources) {
    Collector out;
    for (const auto& p : sources.pages) index_page(p, out);
    index_services(sources.services_json, out);
    for (const auto& h : sources.search.helplines)
        index_json_number(h.number, {PhoneUse::Kind::search_helpline, h.id, "", "search.yaml", 0, {}}, out);
    index_form(sources.form_json, out);
    return out.take();
}

std::vector<SourceIssue> lint_phone_sources(const std::vector<PhoneEntry>& index) {
    std::vector<SourceIssue> out;
    for (const auto& e : index)
        for (const auto& u : e.uses) {
            std::string msg;
            if (u.kind == PhoneUse::Kind::page && u.sources.empty())
                msg = "shows phone number " + e.written + " but has no sources: cite where the number comes from";
            else if (u.kind == PhoneUse::Kind::service && u.sources.empty())
                msg = place(u) + " shows phone number " + e.written + " but has no website to cite";
            else if (u.kind != PhoneUse::Kind::page && u.kind != PhoneUse::Kind::service && !e.cited_somewhere())
                msg = place(u) + ": phone number " + e.written +
                      " is on no page or service that cites a source: add it to one that does";
            if (!msg.empty()) out.push_back({SourceIssue::Severity::warning, u.file, u.line, msg});
        }
    sort_issues(out);
    return out;
}

const char* to_string(PhoneUse::Kind kind) {
    switch (kind) {
        case PhoneUse::Kind::page: return "page";
        case PhoneUse::Kind::service: return "service";
        case PhoneUse::Kind::search_helpline: return "search_helpline";
        case PhoneUse::Kind::form_helpline: return "form_helpline";
    }
    return "";
}

}  // namespace lantern::content
