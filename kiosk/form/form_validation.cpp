// Per-type answer checks: UK phone numbers, email, UK postcodes, dates, lengths, clean UTF-8 text.
#include "kiosk/form/form_validation.h"

#include <algorithm>
#include <cctype>

#include "content/utf8.h"

namespace lantern::kiosk::form {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\n')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.remove_suffix(1);
    return s;
}

std::size_t code_points(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

}  // namespace

std::size_t max_chars(FieldType t) {
    switch (t) {
        case FieldType::multiline: return 2000;
        case FieldType::phone: return 20;
        case FieldType::email: return 254;
        case FieldType::postcode: return 10;
        case FieldType::date: return 10;
        default: return 500;
    }
}

bool is_clean_text(std::string_view text, bool multiline) {
    if (!content::is_valid_utf8(text)) return false;
    std::size_t i = 0;
    while (i < text.size()) {
        char32_t c = content::next_code_point(text, i);
        if (c == U'\n' && multiline) continue;
        // C0 and C1 controls, DEL, and the bidi overrides that could disguise text on the export screen.
        if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) return false;
        if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) return false;
    }
    return true;
}

bool is_uk_phone(std::string_view s) {
    std::string digits;
    bool plus = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == ' ') continue;
        if (c == '+' && digits.empty() && !plus) {
            plus = true;
            continue;
        }
        if (!is_digit(c)) return false;
        digits += c;
    }
    if (plus) {
        // +44 then the national number without its leading 0 (or, as people often write it, with it).
        if (digits.rfind("44", 0) != 0) return false;
        std::string rest = digits.substr(2);
        if (!rest.empty() && rest[0] == '0') rest.erase(0, 1);
        return rest.size() >= 9 && rest.size() <= 10 && rest[0] != '0';
    }
    return digits.size() >= 10 && digits.size() <= 11 && digits[0] == '0' && digits[1] != '0';
}

bool is_email(std::string_view s) {
    if (s.size() > 254 || s.find(' ') != std::string_view::npos) return false;
    auto at = s.find('@');
    if (at == std::string_view::npos || at == 0 || s.find('@', at + 1) != std::string_view::npos) return false;
    std::string_view local = s.substr(0, at), domain = s.substr(at + 1);
    if (local.size() > 64 || domain.size() < 3) return false;
    for (char c : local)
        if (static_cast<unsigned char>(c) < 0x21 || c == '"' || c == '(' || c == ')' || c == ',' || c == ':' ||
            c == ';' || c == '<' || c == '>' || c == '[' || c == ']' || c == '\\')
            return false;
    if (domain.find('.') == std::string_view::npos || domain.front() == '.' || domain.back() == '.' ||
        domain.find("..") != std::string_view::npos || domain.front() == '-')
        return false;
    return std::all_of(domain.begin(), domain.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' ||
               static_cast<unsigned char>(c) >= 0x80;
    });
}

bool is_uk_postcode(std::string_view s) {
    // Outward code (A9, A99, AA9, AA99, A9A, AA9A), an optional space, inward code (9AA).
    std::string p;
    for (char c : s)
        if (c != ' ') p += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (p.size() < 5 || p.size() > 7) return false;
    std::string_view in = std::string_view(p).substr(p.size() - 3), out = std::string_view(p).substr(0, p.size() - 3);
    if (!is_digit(in[0]) || !is_alpha(in[1]) || !is_alpha(in[2])) return false;
    if (!is_alpha(out[0])) return false;
    std::size_t i = 1;
    if (i < out.size() && is_alpha(out[i])) ++i;
    if (i >= out.size() || !is_digit(out[i])) return false;
    ++i;
    if (i < out.size() && (is_digit(out[i]) || is_alpha(out[i]))) ++i;
    return i == out.size();
}

bool is_date(std::string_view s) {
    if (s.size() != 10 || s[2] != '/' || s[5] != '/') return false;
    for (std::size_t i : {0, 1, 3, 4, 6, 7, 8, 9})
        if (!is_digit(s[i])) return false;
    int d = (s[0] - '0') * 10 + (s[1] - '0');
    int m = (s[3] - '0') * 10 + (s[4] - '0');
    int y = std::stoi(std::string(s.substr(6)));
    if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m - 1] + (m == 2 && leap ? 1 : 0);
}

std::optional<std::string> check_answer(const Field& f, const Answer* a) {
    if (!a || a->empty()) {
        if (f.required) return f.type == FieldType::choices ? "form.error.pick" : "form.error.required";
        return std::nullopt;
    }
    if (!is_typed(f.type)) {
        auto known = [&](std::string_view id) {
            return std::any_of(f.options.begin(), f.options.end(), [&](const Option& o) { return o.id == id; });
        };
        if (f.type == FieldType::choices) {
            if (!a->text.empty() || !std::all_of(a->picks.begin(), a->picks.end(), known)) return "form.error.option";
            std::vector<std::string> sorted = a->picks;
            std::sort(sorted.begin(), sorted.end());
            if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) return "form.error.option";
        } else if (!a->picks.empty() || !known(a->text.view())) {
            return "form.error.option";
        }
        return std::nullopt;
    }
    if (!is_clean_text(a->text.view(), f.type == FieldType::multiline)) return "form.error.characters";
    if (code_points(a->text.view()) > max_chars(f.type)) return "form.error.too_long";
    std::string_view v = trim(a->text.view());
    switch (f.type) {
        case FieldType::phone: return is_uk_phone(v) ? std::nullopt : std::optional<std::string>("form.error.phone");
        case FieldType::email: return is_email(v) ? std::nullopt : std::optional<std::string>("form.error.email");
        case FieldType::postcode:
            return is_uk_postcode(v) ? std::nullopt : std::optional<std::string>("form.error.postcode");
        case FieldType::date: return is_date(v) ? std::nullopt : std::optional<std::string>("form.error.date");
        default: return std::nullopt;
    }
}

std::map<std::string, std::string> check_step(const Form& form, const Step& step, const Draft& d) {
    std::map<std::string, std::string> errors;
    for (const Field& f : step.fields) {
        if (!is_visible(form, f, d)) continue;
        if (auto e = check_answer(f, d.find(f.id))) errors[f.id] = *e;
    }
    if (!step.require_one_of.empty()) {
        bool any = std::any_of(step.require_one_of.begin(), step.require_one_of.end(), [&](const std::string& id) {
            const Answer* a = d.find(id);
            return a && !a->empty();
        });
        if (!any) errors[""] = "form.error.one_of";
    }
    return errors;
}

}  // namespace lantern::kiosk::form
