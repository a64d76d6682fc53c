// The kiosk's own touch widgets on top of Dear ImGui's item system.
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

#include "kiosk/ui/ui.h"

namespace lantern::kiosk::ui {
namespace {

// A finger that moves further than the slop between down and up meant to scroll, not to tap.
bool released_as_tap(const Theme& t, bool pressed) {
    return pressed && ImGui::GetIO().MouseDragMaxDistanceSqr[0] <= t.tap_slop() * t.tap_slop();
}

// Cuts `r` to what the current window shows up and down (the sides are kept whole); false when none of it
// shows. What widgets register for scripts goes through this, so scripts see what a person sees. `cut` says
// whether some of it was scrolled out of sight.
bool clip_to_view(ImRect& r, bool* cut = nullptr) {
    // Scrolling regions scroll up and down: cut what is scrolled out of sight above and below, but keep the
    // sides whole, so words running off the side of the screen stay measurable (expect_text_fits).
    const ImRect& clip = ImGui::GetCurrentWindow()->ClipRect;
    constexpr float slack = 0.5f;  // rounding of positions
    if (cut) *cut = r.Min.y < clip.Min.y - slack || r.Max.y > clip.Max.y + slack;
    r.Min.y = std::max(r.Min.y, clip.Min.y);
    r.Max.y = std::min(r.Max.y, clip.Max.y);
    return r.Min.y < r.Max.y && r.Min.x < clip.Max.x && r.Max.x > clip.Min.x;
}

}  // namespace

void visible_text(Ui& ui, std::string text, ImVec2 min, ImVec2 max) {
    ImRect words(min, max);
    bool cut = false;
    if (clip_to_view(words, &cut)) ui.hits.add(std::move(text), words.Min, words.Max, false, cut);
}

std::string typed_characters() {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.InputQueueCharacters.Size == 0) return {};
    std::string text(static_cast<std::size_t>(io.InputQueueCharacters.Size) * 4 + 1, '\0');
    int n = ImTextStrToUtf8(text.data(), static_cast<int>(text.size()), io.InputQueueCharacters.Data,
                            io.InputQueueCharacters.Data + io.InputQueueCharacters.Size);
    text.resize(static_cast<std::size_t>(n));
    return text;
}

float text_width(ImFont* font, std::string_view text) {
    if (!text.data()) return 0;  // an empty view may hold no pointer; Dear ImGui would read a null as "to the NUL"
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text.data(), text.data() + text.size()).x;
}

float widest_word(ImFont* font, const std::string& text) {
    float widest = 0;
    const char* s = text.c_str();
    const char* end = s + text.size();
    while (s < end) {
        const char* word_end = s;
        while (word_end < end && *word_end != ' ' && *word_end != '\n') ++word_end;
        widest = std::max(widest, font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, s, word_end).x);
        s = word_end + 1;
    }
    return widest;
}

void label_text(Ui& ui, const std::string& label, ImVec2 min, ImVec2 max, bool squeezed) {
    ImRect words(min, max);
    if (clip_to_view(words)) ui.hits.add_words_of_tappable(label, words.Min, words.Max, squeezed);
}

bool touch_area(Ui& ui, const std::string& label, ImVec2 size, bool* held) {
    size.x = std::max(size.x, ui.theme.touch_min());
    size.y = std::max(size.y, ui.theme.touch_min());
    return tap_rect(ui, label, ImGui::GetCursorScreenPos(), size, held);
}

bool tap_rect(Ui& ui, const std::string& label, ImVec2 pos, ImVec2 size, bool* held) {
    ImGui::SetCursorScreenPos(pos);
    bool pressed = ImGui::InvisibleButton(label.c_str(), size);
    bool is_held = ImGui::IsItemActive() && ImGui::IsItemHovered();
    if (held) *held = is_held;
    // Only what is actually visible (not scrolled away in a scrolling region) can be found and tapped.
    ImRect item(pos, ImVec2(pos.x + size.x, pos.y + size.y));
    bool cut = false;
    if (clip_to_view(item, &cut)) ui.hits.add(label, item.Min, item.Max, true, cut);
    return released_as_tap(ui.theme, pressed);
}

bool touch_button(Ui& ui, const std::string& label, ImVec2 size, const ButtonLook& look) {
    const Palette& p = ui.theme.palette;
    ImFont* font = look.font ? look.font : ui.fonts.bold;
    // "Label##id" keeps a visible label with a unique id; the registry sees the visible part.
    std::string visible = label.substr(0, label.find("##"));
    float text_w = text_width(font, visible);
    if (size.x <= 0) size.x = text_w + 2 * ui.theme.pad();
    if (size.y <= 0) size.y = font->FontSize + ui.theme.pad();
    size.x = std::max(size.x, ui.theme.touch_min());
    size.y = std::max(size.y, ui.theme.touch_min());

    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::PushID(label.c_str());
    bool held = false;
    bool tapped = touch_area(ui, visible, size, &held);
    ImGui::PopID();

    ImU32 fill = p.button, text = p.button_text;
    switch (look.kind) {
        case ButtonKind::primary: break;
        case ButtonKind::secondary:
            fill = p.surface;
            text = p.accent;
            break;
        case ButtonKind::danger:
            fill = p.danger;
            text = p.danger_text;
            break;
        case ButtonKind::tile:
            fill = p.surface;
            text = p.text;
            break;
        case ButtonKind::plain:
            fill = 0;
            text = p.link;
            break;
    }
    if (look.fill) fill = look.fill;
    if (look.selected) {
        fill = p.accent;
        text = p.accent_text;
    }
    if (held) fill = p.button_pressed, text = p.button_text;

    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 max(pos.x + size.x, pos.y + size.y);
    float r = ui.theme.radius();
    if (fill) dl->AddRectFilled(pos, max, fill, r);
    if (look.kind == ButtonKind::secondary || look.kind == ButtonKind::tile)
        dl->AddRect(pos, max, p.accent, r, 0, ui.theme.line());
    // The label never breaks inside a word nor spills out of its button (a long Welsh word on a key, the
    // largest text size): a word wider than the button, or more lines than it holds, take a smaller size.
    float wrap = size.x - ui.theme.pad();
    float font_size = font->FontSize;
    float widest = widest_word(font, visible);
    if (widest > wrap) font_size *= wrap / widest;
    ImVec2 ts = font->CalcTextSizeA(font_size, FLT_MAX, wrap, visible.c_str());
    float room = size.y - ui.theme.pad() * 0.25f;
    for (int i = 0; i < 4 && ts.y > room; ++i) {
        font_size *= std::max(0.5f, room / ts.y);
        ts = font->CalcTextSizeA(font_size, FLT_MAX, wrap, visible.c_str());
    }
    ImVec2 tp(pos.x + (size.x - ts.x) / 2, pos.y + (size.y - ts.y) / 2);
    dl->AddText(font, font_size, tp, text, visible.c_str(), nullptr, wrap);
    bool squeezed = font_size < font->FontSize || ts.y > font_size * 1.5f;
    label_text(ui, visible, tp, ImVec2(tp.x + ts.x, tp.y + ts.y), squeezed);
    return tapped;
}

void text_block(Ui& ui, std::string_view text, ImFont* font, ImU32 colour, float width) {
    if (!text.data()) text = std::string_view("");  // as text_width
    ImVec2 pos = ImGui::GetCursorScreenPos();
    const char* end = text.data() + text.size();
    ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, width, text.data(), end);
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize, pos, colour, text.data(), end, width);
    ImGui::Dummy(size);
    // Registered as a person reads it: words kept together (no-break spaces) read as ordinary spaces.
    std::string read(text);
    for (size_t at = read.find("\xC2\xA0"); at != std::string::npos; at = read.find("\xC2\xA0", at + 1))
        read.replace(at, 2, " ");
    // Only what is visible counts: words scrolled out of their region (under a panel or the buttons below it)
    // are not on screen for a person, nor for a script.
    visible_text(ui, std::move(read), pos, ImVec2(pos.x + size.x, pos.y + size.y));
}

Area centred_text(Ui& ui, const std::string& text, ImFont* font, ImU32 colour, float centre_x, float y, float width) {
    ImRect box(ImVec2(centre_x, y), ImVec2(centre_x, y));
    const char* s = text.c_str();
    const char* end = s + text.size();
    while (s < end) {
        const char* brk = font->CalcWordWrapPositionA(1.0f, s, end, width);
        if (brk == s) brk = s + 1;
        std::string line(s, brk);
        while (!line.empty() && line.back() == ' ') line.pop_back();
        float w = text_width(font, line);
        ImGui::SetCursorScreenPos(ImVec2(centre_x - w / 2, y));
        text_block(ui, line, font, colour, std::max(width, w + 1));
        box.Add(ImRect(ImVec2(centre_x - w / 2, y), ImVec2(centre_x + w / 2, y + font->FontSize)));
        y += font->FontSize;
        s = brk;
        while (s < end && *s == ' ') ++s;
    }
    ImGui::SetCursorScreenPos(ImVec2(box.Min.x, y));
    return {box.Min, box.Max};
}

float centred_text_height(ImFont* font, const std::string& text, float width) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, width, text.c_str()).y;
}

void scroll_all_to_top() {
    for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
        w->Scroll = ImVec2(0, 0);
        w->ScrollTarget = ImVec2(FLT_MAX, FLT_MAX);
    }
}

void scroll_into_view(float top, float bottom) {
    const ImRect& view = ImGui::GetCurrentWindow()->InnerRect;
    float shift = 0;
    if (bottom > view.Max.y) shift = bottom - view.Max.y;
    if (top - shift < view.Min.y) shift = top - view.Min.y;  // taller than the view: its top wins
    // Not clamped here: what just appeared is not yet in the scroll range; the next frame clamps to it.
    if (shift != 0) ImGui::SetScrollY(std::max(0.0f, ImGui::GetScrollY() + shift));
}

bool TouchScroll::update() {
    ImGuiIO& io = ImGui::GetIO();
    float dt = io.DeltaTime > 0 ? io.DeltaTime : 1.0f / 60.0f;
    bool hovered = ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
    if (io.MouseDown[0] && (dragging || hovered)) {
        if (io.MouseDragMaxDistanceSqr[0] > 0) dragging = true;
        if (dragging && io.MouseDelta.y == 0) velocity *= 0.5f;  // a finger held still stops the glide
        if (dragging && io.MouseDelta.y != 0) {
            ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
            // Smooth the release speed over a few frames so a flick carries on as the finger meant.
            velocity = 0.6f * velocity + 0.4f * (-io.MouseDelta.y / dt);
        }
        return dragging;
    }
    dragging = false;
    if (std::fabs(velocity) < 20.0f) {
        velocity = 0;
        return false;
    }
    ImGui::SetScrollY(ImGui::GetScrollY() + velocity * dt);
    velocity *= std::exp(-4.0f * dt);  // friction: a flick glides for about a second
    float max = ImGui::GetScrollMaxY();
    if (ImGui::GetScrollY() <= 0 || ImGui::GetScrollY() >= max) velocity = 0;
    return true;
}

}  // namespace lantern::kiosk::ui
