// The top bar every screen but attract shares: the way back, the way home, languages, and Quick exit.
#include <algorithm>
#include <vector>

#include "kiosk/ui/screens.h"

namespace lantern::kiosk::ui {
namespace {

// The bar's rows, filled from both ends: the way back and home from the left, Quick exit and the settings from
// the right. A button that does not fit beside the others takes the next row, whole: its label is never
// shrunk nor broken to fit (the largest text size, long Welsh words, a portrait screen).
class BarRows {
   public:
    BarRows(float left, float right, float gap) : left_(left), right_(right), gap_(gap) { add_row(); }

    struct Place {
        float x;
        int row;
    };

    Place left(float w, int from_row) {
        int r = first_fitting(w, from_row);
        Place at{rows_[r].lx, r};
        rows_[r].lx += w + gap_;
        rows_[r].used = true;
        return at;
    }
    Place right(float w, int from_row) {
        int r = first_fitting(w, from_row);
        Place at{rows_[r].rx - w, r};
        rows_[r].rx -= w + gap_;
        rows_[r].used = true;
        return at;
    }
    // The first row from `from_row` on where all of `widths` fit side by side; -1 if none does yet.
    int row_for_all(const std::vector<float>& widths, int from_row) const {
        float total = 0;
        for (float w : widths) total += w + gap_;
        for (int r = from_row; r < count(); ++r)
            if (rows_[r].lx + total - gap_ <= rows_[r].rx) return r;
        return -1;
    }
    int count() const { return static_cast<int>(rows_.size()); }

   private:
    struct Row {
        float lx, rx;
        bool used = false;
    };
    // A button wider than a whole row still goes on an empty one (nothing else could be done for it).
    int first_fitting(float w, int from_row) {
        for (int r = from_row;; ++r) {
            if (r == count()) add_row();
            if (rows_[r].lx + w <= rows_[r].rx || !rows_[r].used) return r;
        }
    }
    void add_row() { rows_.push_back({left_, right_}); }

    float left_, right_, gap_;
    std::vector<Row> rows_;
};

}  // namespace

Area draw_chrome(Ui& ui, const ChromeView& view, Actions& actions) {
    ImVec2 screen = ImGui::GetIO().DisplaySize;
    if (!view.show_nav) return {ImVec2(0, 0), screen};
    const Theme& t = ui.theme;
    // Children's touch targets and the larger text sizes need taller buttons than the bar's usual height:
    // the bar grows to hold them, so a label always fits its button's height at its own size.
    float inset = t.top_bar_inset();
    float button_h = std::max({t.top_bar() - 2 * inset, t.touch_min(), ui.fonts.bold->FontSize + t.pad() * 0.5f});
    float row_h = button_h + 2 * inset;
    auto label_w = [&](const std::string& label) {
        return std::max(text_width(ui.fonts.bold, label) + 2 * t.pad(), t.touch_min());
    };
    bool languages = view.languages.size() > 1;

    // Measure first, then draw: Quick exit is always at the top right; Back, Home and Read aloud follow from
    // the left; the settings keep together at the right of the first row with room for them all, or start a
    // row of their own and run on to more rows when one is not wide enough. Nothing slides under anything.
    BarRows rows(t.pad(), screen.x - t.pad(), t.gap());
    float quick_w = text_width(ui.fonts.bold, view.quick_exit) + 3 * t.pad();
    BarRows::Place quick = rows.right(quick_w, 0);
    BarRows::Place back = rows.left(label_w(view.back), 0);
    BarRows::Place home = view.show_home ? rows.left(label_w(view.home), back.row) : back;
    BarRows::Place read = view.show_read_aloud ? rows.left(label_w(view.read_aloud), home.row) : home;

    // The settings from the right: languages (last first), then contrast, then text size.
    std::vector<float> setting_widths;
    if (languages)
        for (auto it = view.languages.rbegin(); it != view.languages.rend(); ++it)
            setting_widths.push_back(label_w(it->name));
    setting_widths.push_back(label_w(view.contrast));
    setting_widths.push_back(label_w(view.text_size));
    int settings_row = rows.row_for_all(setting_widths, 0);
    if (settings_row < 0) settings_row = rows.count();
    std::vector<BarRows::Place> settings;
    for (float w : setting_widths) {
        settings.push_back(rows.right(w, settings_row));
        settings_row = settings.back().row;
    }
    float bar = static_cast<float>(rows.count()) * row_h;
    auto y_of = [&](const BarRows::Place& p) { return static_cast<float>(p.row) * row_h + inset; };

    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, 0), ImVec2(screen.x, bar), t.palette.surface);
    ImGui::GetWindowDrawList()->AddLine(ImVec2(0, bar), ImVec2(screen.x, bar), t.palette.accent, t.line());

    ImGui::SetCursorScreenPos(ImVec2(back.x, y_of(back)));
    if (touch_button(ui, view.back, ImVec2(0, button_h), {ButtonKind::secondary})) actions.push_back(Back{});
    if (view.show_home) {
        ImGui::SetCursorScreenPos(ImVec2(home.x, y_of(home)));
        if (touch_button(ui, view.home, ImVec2(0, button_h), {ButtonKind::secondary})) actions.push_back(Home{});
    }

    if (view.show_read_aloud) {
        ImGui::SetCursorScreenPos(ImVec2(read.x, y_of(read)));
        if (touch_button(ui, view.read_aloud, ImVec2(0, button_h), {ButtonKind::secondary}))
            actions.push_back(ReadAloud{view.words.text, view.words.lang});
    }

    ImGui::SetCursorScreenPos(ImVec2(quick.x, y_of(quick)));
    if (touch_button(ui, view.quick_exit, ImVec2(quick_w, button_h), {ButtonKind::danger}))
        actions.push_back(QuickExit{});
    std::size_t s = 0;
    for (auto it = view.languages.rbegin(); it != view.languages.rend() && languages; ++it, ++s) {
        ImGui::SetCursorScreenPos(ImVec2(settings[s].x, y_of(settings[s])));
        ButtonLook look{ButtonKind::secondary};
        look.selected = it->current;
        if (touch_button(ui, it->name + "##lang", ImVec2(setting_widths[s], button_h), look))
            actions.push_back(SetLanguage{it->code});
    }
    for (auto [label, action] :
         {std::pair{&view.contrast, Action{ToggleContrast{}}}, std::pair{&view.text_size, Action{CycleTextSize{}}}}) {
        ImGui::SetCursorScreenPos(ImVec2(settings[s].x, y_of(settings[s])));
        if (touch_button(ui, *label, ImVec2(setting_widths[s], button_h), {ButtonKind::secondary}))
            actions.push_back(action);
        ++s;
    }
    return {ImVec2(0, bar), screen};
}

}  // namespace lantern::kiosk::ui
