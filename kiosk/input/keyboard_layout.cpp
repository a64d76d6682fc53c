// The keyboard's rows fitted to its width: keep, narrow, or split a row, never shrink a key below its words.
#include "kiosk/input/keyboard_layout.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <optional>
#include <utility>

namespace lantern::kiosk {
namespace {

struct Ref {
    std::size_t row, index;
};
using Line = std::vector<Ref>;

class Fitter {
   public:
    explicit Fitter(const KeyboardRequest& r) : r_(r) {}

    const KeySize& key(Ref k) const { return r_.rows[k.row][k.index]; }
    float minimum(Ref k) const { return std::min(std::max(key(k).min_width, r_.min_key), r_.width); }
    float desired(Ref k) const { return std::max(key(k).units * unit_, minimum(k)); }
    float gaps(std::size_t n) const { return n > 1 ? static_cast<float>(n - 1) * r_.gap : 0.0f; }
    float sum(const Line& line, float (Fitter::*size)(Ref) const, std::size_t from, std::size_t to) const {
        float total = 0;
        for (std::size_t i = from; i < to; ++i) total += (this->*size)(line[i]);
        return total + gaps(to - from);
    }

    // The widest key unit with which every line's units fit, within [min_key, max_unit].
    void choose_unit(const std::vector<Line>& lines, bool letter_lines_only) {
        unit_ = r_.max_unit;
        for (const Line& line : lines) {
            bool letters = std::all_of(line.begin(), line.end(), [&](Ref k) { return key(k).letter; });
            if (letter_lines_only && !letters) continue;
            float units = 0;
            for (Ref k : line) units += key(k).units;
            if (units > 0) unit_ = std::min(unit_, (r_.width - gaps(line.size())) / units);
        }
        unit_ = std::max(unit_, r_.min_key);
    }

    bool fits_as_is(const Line& line) const { return sum(line, &Fitter::desired, 0, line.size()) <= r_.width + 0.01f; }

    // One line's keys with their widths: as wide as the unit says, or narrowed towards their minimum to fit.
    std::vector<float> widths(const Line& line) const {
        std::vector<float> w;
        for (Ref k : line) w.push_back(desired(k));
        float over = sum(line, &Fitter::desired, 0, line.size()) - r_.width;
        if (over <= 0) return w;
        float room = 0;
        for (std::size_t i = 0; i < line.size(); ++i) room += w[i] - minimum(line[i]);
        if (room <= 0) return w;
        float f = std::min(1.0f, over / room);
        for (std::size_t i = 0; i < line.size(); ++i) w[i] -= (w[i] - minimum(line[i])) * f;
        return w;
    }

    // Splits a line into the fewest even lines whose keys all fit at their minimum widths.
    std::vector<Line> split(const Line& line) const {
        std::size_t n = line.size();
        if (n <= 1 || sum(line, &Fitter::minimum, 0, n) <= r_.width + 0.01f) return {line};
        for (std::size_t parts = 2; parts <= n; ++parts) {
            // best[j][i]: the smallest widest line when the first i keys make j lines; cut[j][i]: where the
            // last of those lines starts.
            constexpr float inf = std::numeric_limits<float>::infinity();
            std::vector<std::vector<float>> best(parts + 1, std::vector<float>(n + 1, inf));
            std::vector<std::vector<std::size_t>> cut(parts + 1, std::vector<std::size_t>(n + 1, 0));
            best[0][0] = 0;
            for (std::size_t j = 1; j <= parts; ++j)
                for (std::size_t i = j; i <= n; ++i)
                    for (std::size_t s = j - 1; s < i; ++s) {
                        float widest = std::max(best[j - 1][s], sum(line, &Fitter::minimum, s, i));
                        if (widest < best[j][i]) best[j][i] = widest, cut[j][i] = s;
                    }
            if (best[parts][n] > r_.width + 0.01f && parts < n) continue;
            std::vector<Line> out(parts);
            for (std::size_t j = parts, i = n; j > 0; --j) {
                std::size_t s = cut[j][i];
                out[j - 1].assign(line.begin() + static_cast<std::ptrdiff_t>(s),
                                  line.begin() + static_cast<std::ptrdiff_t>(i));
                i = s;
            }
            return out;
        }
        return {line};
    }

    float unit_ = 0;

   private:
    const KeyboardRequest& r_;
};

}  // namespace

KeyboardFit fit_keyboard(const KeyboardRequest& r) {
    KeyboardFit fit;
    if (r.width <= 0) return fit;
    Fitter f(r);
    std::vector<Line> lines;
    for (std::size_t row = 0; row < r.rows.size(); ++row) {
        Line line;
        for (std::size_t i = 0; i < r.rows[row].size(); ++i) line.push_back({row, i});
        if (!line.empty()) lines.push_back(std::move(line));
    }
    f.choose_unit(lines, false);
    bool all_fit = std::all_of(lines.begin(), lines.end(), [&](const Line& l) { return f.fits_as_is(l); });
    if (!all_fit) {
        // A row of letters and function keys too wide for both (Shift, Delete beside ten letters) keeps its
        // letters. Its function keys after the letters (Delete) go to the end of a line above with room, those
        // before them (Shift) to the start of a line below with room; only when both find room, so Shift and
        // Delete are never parted across the keyboard for nothing. Otherwise they take a line of their own
        // under the letters.
        auto fits_min = [&](const Line& l) { return f.sum(l, &Fitter::minimum, 0, l.size()) <= r.width + 0.01f; };
        auto mixed = [&](const Line& l) {
            bool any_letter = std::any_of(l.begin(), l.end(), [&](Ref k) { return f.key(k).letter; });
            bool any_function = std::any_of(l.begin(), l.end(), [&](Ref k) { return !f.key(k).letter; });
            return any_letter && any_function;
        };
        std::vector<Line> apart;
        std::vector<std::size_t> home(lines.size());        // where each row's keys (or its letters) are in `apart`
        std::vector<std::pair<std::size_t, Line>> leading;  // (the row below they join, the keys)
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const Line& line = lines[i];
            if (!mixed(line) || f.fits_as_is(line)) {
                apart.push_back(line);
                home[i] = apart.size() - 1;
                continue;
            }
            Line letters, before, after;
            for (Ref k : line) (f.key(k).letter ? letters : letters.empty() ? before : after).push_back(k);
            apart.push_back(std::move(letters));
            home[i] = apart.size() - 1;
            std::optional<std::size_t> above, below;
            for (std::size_t j = home[i]; !after.empty() && j-- > 0 && !above;) {
                Line tried = apart[j];
                tried.insert(tried.end(), after.begin(), after.end());
                if (fits_min(tried)) above = j;
            }
            for (std::size_t j = i + 1; !before.empty() && j < lines.size() && !below; ++j) {
                Line tried = before;
                tried.insert(tried.end(), lines[j].begin(), lines[j].end());
                if ((!mixed(lines[j]) || f.fits_as_is(lines[j])) && fits_min(tried)) below = j;
            }
            if ((after.empty() || above) && (before.empty() || below)) {
                if (above) apart[*above].insert(apart[*above].end(), after.begin(), after.end());
                if (below) leading.push_back({*below, before});
            } else {
                Line own = before;
                own.insert(own.end(), after.begin(), after.end());
                apart.push_back(std::move(own));
            }
        }
        for (auto& [row, keys] : leading) apart[home[row]].insert(apart[home[row]].begin(), keys.begin(), keys.end());
        f.choose_unit(apart, false);
        lines.clear();
        for (const Line& line : apart)
            for (Line& part : f.split(line)) lines.push_back(std::move(part));
    }
    float row_gap = r.row_gap >= 0 ? r.row_gap : r.gap;
    float y = 0;
    for (const Line& line : lines) {
        std::vector<float> w = f.widths(line);
        float total = std::accumulate(w.begin(), w.end(), 0.0f) + f.gaps(line.size());
        float x = (r.width - total) / 2;
        std::vector<PlacedKey> placed;
        for (std::size_t i = 0; i < line.size(); ++i) {
            placed.push_back({line[i].row, line[i].index, x, y, w[i]});
            x += w[i] + r.gap;
        }
        fit.lines.push_back(std::move(placed));
        y += r.key_height + row_gap;
    }
    fit.height = fit.lines.empty() ? 0 : y - row_gap;
    return fit;
}

}  // namespace lantern::kiosk
