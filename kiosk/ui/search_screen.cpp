// Search: a box the on-screen keyboard types into, the pack's help card when there is one, and the matching
// pages with a snippet each.
#include <algorithm>

#include "kiosk/views/strings.h"
#include "kiosk/ui/markdown_view.h"
#include "kiosk/ui/screens.h"

namespace lantern::kiosk::ui {
namespace {

// A button as wide as its words (the whole card's width at most), two lines high when they must wrap.
bool card_button(Ui& ui, const std::string& label, float inner, ButtonKind kind) {
    const Theme& t = ui.theme;
    float want = text_width(ui.fonts.bold, label) + 2 * t.pad();
    ImVec2 size(std::min(want, inner), want > inner ? t.touch_min() * 1.6f : t.touch_min());
    return touch_button(ui, label, size, ButtonLook{kind});
}

// The pack's card ("Talk to someone", or a way on when nothing was found) in the notice colours: its words,
// each helpline with its number kept on one line, then the page to read and Find local help. Drawn on a
// second channel first, so the panel behind can be sized to what was drawn.
void draw_card(Ui& ui, const SearchCardView& card, float width, Actions& actions) {
    const Theme& t = ui.theme;
    const Palette& p = t.palette;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 pos = ImGui::GetCursorScreenPos();
    float x = pos.x + t.pad();
    float inner = width - 2 * t.pad();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(x, pos.y + t.pad() * 0.6f));
    text_block(ui, card.title, ui.fonts.heading, p.notice_text, inner);
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + t.gap() * 0.2f));
    text_block(ui, card.text, ui.fonts.body, p.notice_text, inner);
    for (const SearchHelplineView& h : card.helplines) {
        ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + t.gap() * 0.4f));
        // "In danger now: call 999" already says its number. A number never splits across two lines.
        bool says_number = h.name.find(h.number) != std::string::npos;
        text_block(ui, says_number ? h.name : h.name + ": " + keep_together(h.number), ui.fonts.bold, p.notice_text,
                   inner);
        if (!h.about.empty()) {
            ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
            text_block(ui, h.about, ui.fonts.body, p.notice_text, inner);
        }
    }
    if (!card.page_id.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + t.gap() * 0.5f));
        if (card_button(ui, card.page_label, inner, ButtonKind::primary)) actions.push_back(OpenPage{card.page_id});
    }
    if (!card.find_help_label.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + t.gap() * 0.4f));
        if (card_button(ui, card.find_help_label, inner, ButtonKind::secondary)) actions.push_back(OpenServices{});
    }
    float bottom = ImGui::GetCursorScreenPos().y + t.pad() * 0.6f;
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(pos, ImVec2(pos.x + width, bottom), p.notice, t.radius() * 0.6f);
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(pos.x, bottom + t.gap() * 0.6f));
    ImGui::Dummy(ImVec2(width, 0));
}

// While the keyboard is up the list has little room: the card shrinks to one strip, its title and first
// helpline, so "Talk to someone" and Childline's number show as the visitor types.
void draw_card_strip(Ui& ui, const SearchCardView& card, float width) {
    const Theme& t = ui.theme;
    const Palette& p = t.palette;
    std::string words = card.title;
    if (!card.helplines.empty()) {
        const SearchHelplineView& h = card.helplines.front();
        bool says_number = h.name.find(h.number) != std::string::npos;
        words += " \u00b7 " + (says_number ? h.name : h.name + ": " + keep_together(h.number));
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 pos = ImGui::GetCursorScreenPos();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(pos.x + t.pad(), pos.y + t.pad() * 0.4f));
    text_block(ui, words, ui.fonts.bold, p.notice_text, width - 2 * t.pad());
    float bottom = ImGui::GetCursorScreenPos().y + t.pad() * 0.4f;
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(pos, ImVec2(pos.x + width, bottom), p.notice, t.radius() * 0.6f);
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(pos.x, bottom + t.gap() * 0.6f));
    ImGui::Dummy(ImVec2(width, 0));
}

}  // namespace

void draw_search(Ui& ui, const SearchView& view, Area area, TouchScroll& scroll, Actions& actions) {
    const Theme& t = ui.theme;
    const Palette& p = t.palette;
    float x0 = area.min.x + 2 * t.pad();
    float width = std::min(area.width() - 4 * t.pad(), t.list_width());

    // While typing, the box must stay clear of the keyboard: when a child's big keys or the largest text leave
    // too little room, the title and then the hint under the box step aside until the keyboard is put away.
    float box_h = std::max(t.touch_min(), ui.fonts.body->FontSize + t.pad());
    float keys_room = area.height() - t.pad() * 0.6f - box_h - t.gap() * 0.9f;
    float keys_h = view.focused ? keyboard_height(ui, view.keys, "", area.width(), keys_room) : 0;
    float title_h = centred_text_height(ui.fonts.title, view.title, width) + t.gap() * 0.4f;
    float status_h = centred_text_height(ui.fonts.bold, view.status, width) + t.gap() * 0.9f;
    float room = area.height() - keys_h - t.pad() * 0.6f - box_h;
    bool show_status = !view.focused || room >= status_h;
    bool show_title = !view.focused || room >= status_h + title_h;

    ImGui::SetCursorScreenPos(ImVec2(x0, area.min.y + t.pad() * 0.6f));
    if (show_title) {
        text_block(ui, view.title, ui.fonts.title, p.text, width);
        ImGui::Dummy(ImVec2(0, t.gap() * 0.4f));
    }
    ImGui::SetCursorScreenPos(ImVec2(x0, ImGui::GetCursorScreenPos().y));
    if (text_field(ui, view.box_label, view.query.view(), view.placeholder, view.focused, false, false, width))
        actions.push_back(Focus{});
    ImGui::SetCursorScreenPos(ImVec2(x0, ImGui::GetCursorScreenPos().y + t.gap() * 0.4f));
    if (show_status) text_block(ui, view.status, ui.fonts.bold, p.muted_text, width);
    float list_top = ImGui::GetCursorScreenPos().y + t.gap() * 0.5f;

    float bottom = area.max.y;
    if (view.focused) {
        bottom = draw_keyboard(ui, view.keys, {ImVec2(area.min.x, list_top), area.max}, "", actions).max.y;
        physical_typing(false, actions);
    }

    ImGui::SetCursorScreenPos(ImVec2(x0, list_top));
    ImGui::BeginChild("search_results", ImVec2(width + t.scrollbar_room(), std::max(1.0f, bottom - list_top)), false,
                      ImGuiWindowFlags_NoBackground);
    scroll.update();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float inner = width - 2 * t.pad();
    if (view.card && view.focused) draw_card_strip(ui, *view.card, width);
    else if (view.card) draw_card(ui, *view.card, width, actions);
    for (std::size_t i = 0; i < view.results.size(); ++i) {
        const SearchResultView& r = view.results[i];
        ImVec2 pos = ImGui::GetCursorScreenPos();
        float h = t.pad() * 1.2f +
                  ui.fonts.heading->CalcTextSizeA(ui.fonts.heading->FontSize, FLT_MAX, inner, r.title.c_str()).y;
        if (!r.language_note.empty())
            h += ui.fonts.body->CalcTextSizeA(ui.fonts.body->FontSize, FLT_MAX, inner, r.language_note.c_str()).y;
        if (!r.snippet.spans.empty()) h += t.gap() * 0.3f + text_flow_height(ui, r.snippet, inner);
        h = std::max(h, t.touch_min());
        bool held = false;
        ImGui::PushID(static_cast<int>(i));
        // The whole card is the tap target, found by the page's title.
        if (tap_rect(ui, r.title, pos, ImVec2(width, h), &held)) actions.push_back(OpenPage{r.id});
        ImGui::PopID();
        dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h), held ? p.button_pressed : p.surface,
                          t.radius() * 0.6f);
        dl->AddRect(pos, ImVec2(pos.x + width, pos.y + h), p.accent, t.radius() * 0.6f, 0, t.line_thin());
        ImGui::SetCursorScreenPos(ImVec2(pos.x + t.pad(), pos.y + t.pad() * 0.6f));
        text_block(ui, r.title, ui.fonts.heading, held ? p.button_text : p.link, inner);
        if (!r.language_note.empty()) {
            ImGui::SetCursorScreenPos(ImVec2(pos.x + t.pad(), ImGui::GetCursorScreenPos().y));
            text_block(ui, r.language_note, ui.fonts.body, held ? p.button_text : p.muted_text, inner);
        }
        if (!r.snippet.spans.empty()) {
            ImGui::SetCursorScreenPos(ImVec2(pos.x + t.pad(), ImGui::GetCursorScreenPos().y + t.gap() * 0.3f));
            draw_text_flow(ui, r.snippet, inner, actions, held ? p.button_text : 0);
        }
        ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + h + t.gap() * 0.6f));
        ImGui::Dummy(ImVec2(width, 0));
    }
    ImGui::Dummy(ImVec2(0, t.pad()));
    ImGui::EndChild();
}

}  // namespace lantern::kiosk::ui
