// The registry is double-buffered: scripts read the last finished frame while the current one is drawn.
#include "kiosk/ui/hit_registry.h"

#include <cstring>

namespace lantern::kiosk::ui {
namespace {
bool on_screen(const HitElement& e, ImVec2 screen) {
    ImVec2 c((e.min.x + e.max.x) / 2, (e.min.y + e.max.y) / 2);
    return c.x >= 0 && c.y >= 0 && c.x < screen.x && c.y < screen.y;
}
}  // namespace

void HitRegistry::begin_frame() {
    last_.swap(current_);
    // Labels include what a visitor typed (a field's text is on screen): wiped before they are freed, so
    // nothing she typed outlives the frames that showed it.
    for (HitElement& e : current_) explicit_bzero(e.label.data(), e.label.capacity());
    current_.clear();
}

void HitRegistry::add(std::string label, ImVec2 min, ImVec2 max, bool tappable, bool cut) {
    current_.push_back({std::move(label), min, max, tappable, false, cut});
}

void HitRegistry::add_words_of_tappable(std::string label, ImVec2 min, ImVec2 max, bool squeezed) {
    current_.push_back({std::move(label), min, max, false, true, false, squeezed});
}

std::optional<HitElement> HitRegistry::find_tappable(const std::string& label, ImVec2 screen) const {
    // Later elements are drawn on top (overlays), so they win.
    for (auto it = last_.rbegin(); it != last_.rend(); ++it)
        if (it->tappable && it->label == label && on_screen(*it, screen)) return *it;
    return std::nullopt;
}

bool HitRegistry::shows(const std::string& text, ImVec2 screen) const {
    for (const auto& e : last_)
        if (e.label.find(text) != std::string::npos && on_screen(e, screen)) return true;
    return false;
}

bool HitRegistry::shows_whole(const std::string& text, ImVec2 screen) const {
    for (const auto& e : last_)
        if (e.label.find(text) != std::string::npos && !e.cut && e.min.x >= 0 && e.min.y >= 0 && e.max.x <= screen.x &&
            e.max.y <= screen.y)
            return true;
    return false;
}

std::optional<HitElement> HitRegistry::find_words_of(const std::string& label, ImVec2 screen) const {
    for (auto it = last_.rbegin(); it != last_.rend(); ++it)
        if (it->words_of_tappable && it->label == label && on_screen(*it, screen)) return *it;
    return std::nullopt;
}

}  // namespace lantern::kiosk::ui

namespace lantern::kiosk::ui {

std::string text_that_does_not_fit(const std::vector<HitElement>& elements, ImVec2 screen) {
    constexpr float slack = 1.5f;  // rounding of text metrics
    std::string out;
    auto complain = [&out](const std::string& what) { out += (out.empty() ? "" : "; ") + what; };
    for (const HitElement& e : elements) {
        bool visible_height = e.max.y > 0 && e.min.y < screen.y;
        if (visible_height && (e.min.x < -slack || e.max.x > screen.x + slack))
            complain("\"" + e.label + "\" runs off the side of the screen");
        if (!e.words_of_tappable) continue;
        bool inside = false;
        for (const HitElement& t : elements)
            inside = inside || (t.tappable && t.label == e.label && e.min.x >= t.min.x - slack &&
                                e.min.y >= t.min.y - slack && e.max.x <= t.max.x + slack && e.max.y <= t.max.y + slack);
        if (!inside) complain("the words \"" + e.label + "\" run out of what they are written on");
    }
    return out;
}

std::string overlapping(const std::vector<HitElement>& elements, const std::string& text, const HitElement& target) {
    constexpr float slack = 1.5f;
    for (const HitElement& e : elements) {
        if (e.tappable || e.words_of_tappable || e.label.find(text) == std::string::npos) continue;
        bool overlap = e.min.x < target.max.x - slack && e.max.x > target.min.x + slack &&
                       e.min.y < target.max.y - slack && e.max.y > target.min.y + slack;
        if (overlap) return "\"" + e.label + "\" is covered by \"" + target.label + "\"";
    }
    return "";
}

std::string overlapping_tappables(const std::vector<HitElement>& elements, ImVec2 screen) {
    constexpr float slack = 1.5f;  // touching edges are not an overlap
    constexpr int k_most = 5;
    std::string out;
    int found = 0;
    auto shown = [&](const HitElement& e) {
        return e.tappable && e.max.x > 0 && e.max.y > 0 && e.min.x < screen.x && e.min.y < screen.y;
    };
    for (std::size_t i = 0; i < elements.size() && found < k_most; ++i) {
        const HitElement& a = elements[i];
        if (!shown(a)) continue;
        for (std::size_t j = i + 1; j < elements.size() && found < k_most; ++j) {
            const HitElement& b = elements[j];
            if (!shown(b)) continue;
            bool overlap = a.min.x < b.max.x - slack && b.min.x < a.max.x - slack && a.min.y < b.max.y - slack &&
                           b.min.y < a.max.y - slack;
            if (!overlap) continue;
            out += (out.empty() ? "\"" : "; \"") + a.label + "\" overlaps \"" + b.label + "\"";
            ++found;
        }
    }
    return out;
}

}  // namespace lantern::kiosk::ui
