// The kiosk's own on-screen keyboard, its text box, and physical-keyboard typing: all emit actions only.
#include <algorithm>

#include "kiosk/input/keyboard_layout.h"
#include "kiosk/ui/screens.h"

namespace lantern::kiosk::ui {
namespace {

// Single characters read better large; words ("Delete", "Space") in the bold body size, never smaller.
ImFont* key_font(const Ui& ui, const KeyView& k) {
    return k.kind == KeyKind::insert && k.label.size() <= 4 ? ui.fonts.heading : ui.fonts.bold;
}

// Where wrapped text ends, so the caret sits after the last character, also on a wrapped line.
ImVec2 wrapped_end(ImFont* font, std::string_view text, float wrap) {
    const char* s = text.data();
    const char* end = s + text.size();
    float y = 0;
    const char* line = s;
    while (line < end) {
        const char* nl = std::find(line, end, '\n');
        const char* brk = font->CalcWordWrapPositionA(1.0f, line, nl, wrap);
        if (brk >= nl) {
            if (nl == end) break;
            line = nl + 1;
            y += font->FontSize;
            if (line == end) return ImVec2(0, y);
            continue;
        }
        if (brk == line) brk = line + 1;  // a word wider than the box: ImGui puts one character per line
        line = brk;
        while (line < nl && *line == ' ') ++line;
        y += font->FontSize;
    }
    float x = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, line, end).x;
    return ImVec2(x, y);
}

// A portrait screen needs every pixel across for ten keys of the touch size: a thin margin only.
float keys_width(const Ui& ui, float area_width) {
    return std::min(area_width - ui.theme.pad() * 0.5f, ui.theme.keyboard_max_width());
}

struct KeysFit {
    KeyboardFit fit;
    float pad = 0;  // above and below the keys, inside the panel
};

// The keys' places for this width: each key at least the touch size and as wide as its words in the font
// it is drawn in, so a long Welsh label ("Gorffen teipio") is never shrunk nor wrapped onto two lines. Taller
// than `max_height` (a child's keys on a short screen), the lines and the panel's margins close up first:
// keys keep their size.
KeysFit fit_keys(const Ui& ui, const std::vector<std::vector<KeyView>>& keys, float area_width, float max_height) {
    const Theme& t = ui.theme;
    KeyboardRequest r;
    r.width = keys_width(ui, area_width);
    r.gap = t.key_gap();
    r.min_key = t.touch_min();
    r.max_unit = t.key_max_width();
    // Keys are touch buttons, so never shorter than the theme's touch size.
    r.key_height = std::max(t.key_height(), t.touch_min());
    for (const auto& row : keys) {
        std::vector<KeySize> sizes;
        for (const KeyView& k : row) {
            float words = text_width(key_font(ui, k), k.label) + t.pad() + t.key_label_room();
            sizes.push_back({k.kind == KeyKind::insert, k.width, words});
        }
        r.rows.push_back(std::move(sizes));
    }
    KeysFit out{fit_keyboard(r), t.pad() * 0.5f};
    std::size_t n = out.fit.lines.size();
    if (out.fit.height + 2 * out.pad > max_height && n > 1) {
        out.pad = t.pad() * 0.125f;
        float spare = max_height - 2 * out.pad - static_cast<float>(n) * r.key_height;
        r.row_gap = std::clamp(spare / static_cast<float>(n - 1), t.key_row_gap_min(), r.gap);
        out.fit = fit_keyboard(r);
    }
    return out;
}

float notice_height(const Ui& ui, const std::string& notice) {
    return notice.empty() ? 0 : ui.fonts.bold->FontSize + ui.theme.key_gap();
}

}  // namespace

float keyboard_height(const Ui& ui, const std::vector<std::vector<KeyView>>& keys, const std::string& notice,
                      float area_width, float max_height) {
    if (keys.empty()) return 0;
    float notice_h = notice_height(ui, notice);
    KeysFit f = fit_keys(ui, keys, area_width, max_height - notice_h);
    return f.fit.height + 2 * f.pad + notice_h;
}

Area draw_keyboard(Ui& ui, const std::vector<std::vector<KeyView>>& keys, Area area, const std::string& notice,
                   Actions& actions) {
    if (keys.empty()) return area;
    const Theme& t = ui.theme;
    const Palette& p = t.palette;
    float notice_h = notice_height(ui, notice);
    KeysFit keys_fit = fit_keys(ui, keys, area.width(), area.height() - notice_h);
    const KeyboardFit& fit = keys_fit.fit;
    float key_h = std::max(t.key_height(), t.touch_min());
    float top = area.max.y - (fit.height + 2 * keys_fit.pad + notice_h);

    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(area.min.x, top), area.max, p.surface);
    dl->AddLine(ImVec2(area.min.x, top), ImVec2(area.max.x, top), p.accent, t.line());

    float y = top + keys_fit.pad;
    if (!notice.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(area.min.x + t.pad(), y));
        text_block(ui, notice, ui.fonts.bold, p.danger, area.width() - 2 * t.pad());
        y += notice_h;
    }
    float x0 = area.min.x + (area.width() - keys_width(ui, area.width())) / 2;
    for (const auto& line : fit.lines) {
        for (const PlacedKey& place : line) {
            const KeyView& k = keys[place.row][place.index];
            ImGui::SetCursorScreenPos(ImVec2(x0 + place.x, y + place.y));
            ButtonLook look{k.kind == KeyKind::insert ? ButtonKind::tile : ButtonKind::secondary};
            if (k.kind == KeyKind::done) look.kind = ButtonKind::primary;
            look.selected = k.active;
            look.font = key_font(ui, k);
            // The key's label is what a script taps ("a", "Shift", "Done"); its id keeps keys apart.
            if (touch_button(ui, k.label + "##key" + std::to_string(place.row), ImVec2(place.width, key_h), look))
                actions.push_back(Key{k.kind, k.text});
        }
    }
    return {area.min, ImVec2(area.max.x, top)};
}

bool text_field(Ui& ui, const std::string& label, std::string_view value, const std::string& placeholder, bool focused,
                bool multiline, bool has_error, float width) {
    // An empty SecretText lends a null pointer; Dear ImGui reads a null end as "to the NUL" (strlen(nullptr)).
    if (!value.data()) value = std::string_view("");
    const Theme& t = ui.theme;
    const Palette& p = t.palette;
    ImFont* font = ui.fonts.body;
    float inner_w = width - 2 * t.pad() * 0.6f;
    float line_h = font->FontSize;
    float text_h =
        multiline
            ? std::max(
                  3 * line_h,
                  font->CalcTextSizeA(line_h, FLT_MAX, inner_w, value.data(), value.data() + value.size()).y + line_h)
            : line_h;
    float height = std::max(t.touch_min(), text_h + t.pad());
    ImVec2 pos = ImGui::GetCursorScreenPos();
    bool held = false;
    ImGui::PushID(label.c_str());
    bool tapped = tap_rect(ui, label, pos, ImVec2(width, height), &held);
    ImGui::PopID();

    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 max(pos.x + width, pos.y + height);
    dl->AddRectFilled(pos, max, held ? p.button_pressed : p.background, t.radius() * 0.5f);
    ImU32 border = has_error ? p.danger : focused ? p.focus : p.muted_text;
    dl->AddRect(pos, max, border, t.radius() * 0.5f, 0, focused || has_error ? t.line_focus() : t.line_thin());

    ImVec2 tp(pos.x + t.pad() * 0.6f, pos.y + (multiline ? t.pad() * 0.5f : (height - line_h) / 2));
    if (value.empty()) {
        // The hint stays until the first letter, with the caret before it while typing.
        dl->AddText(font, line_h, ImVec2(tp.x + (focused ? t.placeholder_indent() : 0), tp.y), p.muted_text,
                    placeholder.c_str());
        if (focused) dl->AddRectFilled(tp, ImVec2(tp.x + t.caret_width(), tp.y + line_h), p.focus);
    } else if (multiline) {
        dl->AddText(font, line_h, tp, p.text, value.data(), value.data() + value.size(), inner_w);
        if (focused) {
            ImVec2 end = wrapped_end(font, value, inner_w);
            ImVec2 c(tp.x + end.x + t.caret_gap(), tp.y + end.y);
            dl->AddRectFilled(c, ImVec2(c.x + t.caret_width(), c.y + line_h), p.focus);
        }
    } else {
        // A long line shows its end, where the typing happens; the start scrolls off to the left.
        float w = text_width(font, value);
        float shift = std::max(0.0f, w - (inner_w - t.placeholder_indent()));
        dl->PushClipRect(ImVec2(tp.x, pos.y), ImVec2(pos.x + width - t.pad() * 0.3f, max.y), true);
        dl->AddText(font, line_h, ImVec2(tp.x - shift, tp.y), p.text, value.data(), value.data() + value.size());
        dl->PopClipRect();
        if (focused) {
            ImVec2 c(tp.x + w - shift + t.caret_gap(), tp.y);
            dl->AddRectFilled(c, ImVec2(c.x + t.caret_width(), c.y + line_h), p.focus);
        }
    }
    // What is typed is on screen, so a script can `expect` it as a person would read it.
    // Only the part not scrolled away or under the keyboard counts: a hidden box shows nothing.
    if (!value.empty()) visible_text(ui, std::string(value), pos, max);
    ImGui::SetCursorScreenPos(ImVec2(pos.x, max.y));
    ImGui::Dummy(ImVec2(width, 0));
    return tapped;
}

void physical_typing(bool multiline, Actions& actions) {
    std::string text = typed_characters();
    if (!text.empty()) actions.push_back(Type{text});
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace))) actions.push_back(Key{KeyKind::backspace, ""});
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter)))
        actions.push_back(Key{multiline ? KeyKind::newline : KeyKind::done, ""});
}

}  // namespace lantern::kiosk::ui
