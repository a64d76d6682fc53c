// The registry is double-buffered: scripts read the last finished frame while the current one is drawn.
#include "kiosk/ui/hit_registry.h"

namespace lantern::kiosk::ui {
namespace {
bool on_screen(const HitElement& e, ImVec2 screen) {
    ImVec2 c((e.min.x + e.max.x) / 2, (e.min.y + e.max.y) / 2);
    return c.x >= 0 && c.y >= 0 && c.x < screen.x && c.y < screen.y;
}
}  // namespace

void HitRegistry::begin_frame() {
    last_.swap(current_);
    current_.clear();
}

void HitRegistry::add(std::string label, ImVec2 min, ImVec2 max, bool tappable) {
    current_.push_back({std::move(label), min, max, tappable});
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

}  // namespace lantern::kiosk::ui
