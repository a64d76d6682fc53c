// Every tappable element and visible text of the last frame, by label, so scripts find them as a person would.
#pragma once

#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

namespace lantern::kiosk::ui {

struct HitElement {
    std::string label;
    ImVec2 min, max;
    bool tappable = false;
    // The words drawn on the tappable element with the same label (a button's text, a tile's title):
    // scripts check they stay inside it.
    bool words_of_tappable = false;
    // Part of it is hidden: scrolled out of its region or off the screen (scripts' expect_whole).
    bool cut = false;
    // Words of a tappable drawn smaller than their font or broken over lines to fit (expect_label_whole).
    bool squeezed = false;
};

class HitRegistry {
   public:
    void begin_frame();
    void add(std::string label, ImVec2 min, ImVec2 max, bool tappable, bool cut = false);
    void add_words_of_tappable(std::string label, ImVec2 min, ImVec2 max, bool squeezed = false);

    // A tappable element whose label is exactly `label` and whose centre is on screen, from the last
    // complete frame.
    std::optional<HitElement> find_tappable(const std::string& label, ImVec2 screen) const;
    // True when any element's label (tappable or text) contains `text`, on screen.
    bool shows(const std::string& text, ImVec2 screen) const;
    // True when some element whose label contains `text` is on screen whole: nothing of it scrolled away.
    bool shows_whole(const std::string& text, ImVec2 screen) const;
    // The words drawn on the tappable `label`, from the last complete frame.
    std::optional<HitElement> find_words_of(const std::string& label, ImVec2 screen) const;
    const std::vector<HitElement>& last_frame() const { return last_; }

   private:
    std::vector<HitElement> current_;
    std::vector<HitElement> last_;
};

// Empty when every word fits; otherwise names each that does not: words running off the sides of a `screen`
// (on screen in height; the rest is scrolled away), and words of a tappable element outside that element.
std::string text_that_does_not_fit(const std::vector<HitElement>& elements, ImVec2 screen);

// Empty unless some words containing `text` overlap the element `target` (words covered by a button).
std::string overlapping(const std::vector<HitElement>& elements, const std::string& text, const HitElement& target);

// Empty unless two tappable elements on screen overlap (keys drawn over keys, a button over a tile): a finger
// there would not know which it taps. Names each pair, up to a few.
std::string overlapping_tappables(const std::vector<HitElement>& elements, ImVec2 screen);

}  // namespace lantern::kiosk::ui
