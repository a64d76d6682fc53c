// The centre's family services (what, when, how to join, "I'm interested"), the short request, and its reference.
#include <algorithm>

#include "kiosk/ui/screens.h"

namespace lantern::kiosk::ui {
namespace {

// A column no wider than reads well, centred.
struct Column {
    float x0, width;
};
Column column(const Ui& ui, Area area) {
    const Theme& t = ui.theme;
    float width = std::min(area.width() - 4 * t.pad(), t.reading_width());
    return {area.min.x + (area.width() - width) / 2, width};
}

void gap(const Ui& ui, float x0, float part) {
    ImGui::SetCursorScreenPos(ImVec2(x0, ImGui::GetCursorScreenPos().y + ui.theme.gap() * part));
}

// A button as wide as its words (at least the width Next and Send take), the column's width at most.
bool wide_button(Ui& ui, const std::string& label, float max_w, ButtonLook look = {}) {
    const Theme& t = ui.theme;
    std::string visible = label.substr(0, label.find("##"));
    float w = std::min(std::max(t.nav_next_min_width(), text_width(ui.fonts.bold, visible) + 2 * t.pad()), max_w);
    return touch_button(ui, label, ImVec2(w, t.touch_min()), look);
}

// "I'm interested" under one card: the words every card's button shows, known to scripts and the hit registry as
// "I'm interested: Family days", so each card's button is one of a kind.
bool interested_button(Ui& ui, const std::string& words, const std::string& name, float max_w) {
    const Theme& t = ui.theme;
    const Palette& p = t.palette;
    ImFont* font = ui.fonts.bold;
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImVec2 size(std::min(std::max(t.nav_next_min_width(), text_width(font, words) + 2 * t.pad()), max_w),
                t.touch_min());
    std::string label = words + ": " + name;
    bool held = false;
    ImGui::PushID(label.c_str());
    bool tapped = tap_rect(ui, label, pos, size, &held);
    ImGui::PopID();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 max(pos.x + size.x, pos.y + size.y);
    dl->AddRectFilled(pos, max, held ? p.button_pressed : p.button, t.radius());
    float wrap = size.x - t.pad();
    ImVec2 ts = font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, words.c_str());
    ImVec2 tp(pos.x + (size.x - ts.x) / 2, pos.y + (size.y - ts.y) / 2);
    dl->AddText(font, font->FontSize, tp, p.button_text, words.c_str(), nullptr, wrap);
    label_text(ui, label, tp, ImVec2(tp.x + ts.x, tp.y + ts.y));
    ImGui::SetCursorScreenPos(ImVec2(pos.x, max.y));
    ImGui::Dummy(ImVec2(size.x, 0));
    return tapped;
}

}  // namespace

void draw_family_services(Ui& ui, const FamilyServicesView& view, Area area, TouchScroll& scroll, Actions& actions) {
    const Theme& t = ui.theme;
    const Palette& p = t.palette;
    Column c = column(ui, area);
    ImGui::SetCursorScreenPos(ImVec2(c.x0, area.min.y + t.pad()));
    text_block(ui, view.title, ui.fonts.title, p.text, c.width);
    gap(ui, c.x0, 0.3f);
    text_block(ui, view.intro, ui.fonts.body, p.text, c.width);
    float top = ImGui::GetCursorScreenPos().y + t.gap() * 0.5f;

    ImGui::SetCursorScreenPos(ImVec2(c.x0, top));
    ImGui::BeginChild("family_services", ImVec2(c.width + t.scrollbar_room(), std::max(1.0f, area.max.y - top)), false,
                      ImGuiWindowFlags_NoBackground);
    scroll.update();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float inner = c.width - 2 * t.pad();
    for (const FamilyServiceCard& card : view.services) {
        // Words first on the upper channel, then the card behind them sized to what was drawn.
        ImVec2 pos = ImGui::GetCursorScreenPos();
        float x = pos.x + t.pad();
        dl->ChannelsSplit(2);
        dl->ChannelsSetCurrent(1);
        ImGui::SetCursorScreenPos(ImVec2(x, pos.y + t.pad()));
        text_block(ui, card.name, ui.fonts.heading, p.text, inner);
        if (!card.description.empty()) {
            gap(ui, x, 0.3f);
            text_block(ui, card.description, ui.fonts.body, p.text, inner);
        }
        gap(ui, x, 0.3f);
        text_block(ui, view.when_label + ": " + card.when, ui.fonts.bold, p.text, inner);
        gap(ui, x, 0.2f);
        text_block(ui, view.join_label + ": " + card.how_to_join, ui.fonts.body, p.text, inner);
        gap(ui, x, 0.4f);
        if (interested_button(ui, view.interested, card.name, inner)) actions.push_back(InterestOpen{card.id});
        float bottom = ImGui::GetCursorScreenPos().y + t.pad();
        dl->ChannelsSetCurrent(0);
        dl->AddRectFilled(pos, ImVec2(pos.x + c.width, bottom), p.surface, t.radius());
        dl->AddRect(pos, ImVec2(pos.x + c.width, bottom), p.accent, t.radius(), 0, t.line_thin());
        dl->ChannelsMerge();
        ImGui::SetCursorScreenPos(ImVec2(pos.x, bottom + t.gap()));
        ImGui::Dummy(ImVec2(c.width, 0));
    }
    ImGui::Dummy(ImVec2(0, t.pad()));
    ImGui::EndChild();
}

void draw_interest(Ui& ui, const InterestView& view, Area area, TouchScroll& scroll, Actions& actions) {
    const Theme& t = ui.theme;
    const Palette& p = t.palette;
    Column c = column(ui, area);
    ImGui::SetCursorScreenPos(ImVec2(c.x0, area.min.y + t.pad()));
    text_block(ui, view.title, ui.fonts.heading, p.text, c.width);
    if (!view.available) return;
    float top = ImGui::GetCursorScreenPos().y + t.gap() * 0.3f;

    if (view.keyboard) {
        // While typing, only the box being typed into shows above the keyboard, so it is never under the keys.
        Area above = draw_keyboard(ui, view.keys, {ImVec2(area.min.x, top), area.max}, view.error, actions);
        physical_typing(false, actions);
        ImGui::SetCursorScreenPos(ImVec2(c.x0, std::min(top, above.max.y)));
        const std::string& label = view.name_focused ? view.name_label : view.phone_label;
        text_block(ui, label, ui.fonts.bold, p.text, c.width);
        ImGui::SetCursorScreenPos(ImVec2(c.x0, ImGui::GetCursorScreenPos().y));
        text_field(ui, label, view.name_focused ? view.first_name.view() : view.phone.view(), view.tap_to_type, true,
                   false, false, c.width);
        return;
    }

    ImGui::SetCursorScreenPos(ImVec2(c.x0, top));
    ImGui::BeginChild("interest", ImVec2(c.width + t.scrollbar_room(), std::max(1.0f, area.max.y - top)), false,
                      ImGuiWindowFlags_NoBackground);
    scroll.update();
    float x0 = ImGui::GetCursorScreenPos().x;
    text_block(ui, view.intro, ui.fonts.body, p.text, c.width);
    gap(ui, x0, 0.6f);
    text_block(ui, view.name_label, ui.fonts.bold, p.text, c.width);
    if (text_field(ui, view.name_label, view.first_name.view(), view.tap_to_type, false, false, false, c.width))
        actions.push_back(Focus{"first_name"});
    gap(ui, x0, 0.6f);
    text_block(ui, view.contact_label, ui.fonts.bold, p.text, c.width);
    gap(ui, x0, 0.2f);
    // The two ways side by side when they fit, else one above the other.
    float half = (c.width - t.gap() * 0.5f) / 2;
    float need = std::max(text_width(ui.fonts.bold, view.phone_choice), text_width(ui.fonts.bold, view.desk_choice)) +
                 2 * t.pad();
    bool beside = need <= half;
    float choice_w = beside ? half : c.width;
    float row_y = ImGui::GetCursorScreenPos().y;
    ButtonLook phone_look{ButtonKind::secondary};
    phone_look.selected = view.contact == InterestContact::phone;
    if (touch_button(ui, view.phone_choice, ImVec2(choice_w, t.touch_min()), phone_look))
        actions.push_back(InterestContactPick{false});
    if (beside) ImGui::SetCursorScreenPos(ImVec2(x0 + half + t.gap() * 0.5f, row_y));
    else gap(ui, x0, 0.3f);
    ButtonLook desk_look{ButtonKind::secondary};
    desk_look.selected = view.contact == InterestContact::desk;
    if (touch_button(ui, view.desk_choice, ImVec2(choice_w, t.touch_min()), desk_look))
        actions.push_back(InterestContactPick{true});
    ImGui::SetCursorScreenPos(ImVec2(x0, ImGui::GetItemRectMax().y));
    if (view.contact == InterestContact::phone) {
        gap(ui, x0, 0.6f);
        text_block(ui, view.phone_label, ui.fonts.bold, p.text, c.width);
        if (text_field(ui, view.phone_label, view.phone.view(), view.tap_to_type, false, false, false, c.width))
            actions.push_back(Focus{"phone"});
    }
    if (!view.error.empty()) {
        gap(ui, x0, 0.4f);
        text_block(ui, view.error, ui.fonts.bold, p.danger, c.width);
    }
    gap(ui, x0, 0.8f);
    if (wide_button(ui, view.send, c.width)) actions.push_back(InterestSend{});
    ImGui::Dummy(ImVec2(0, t.pad()));
    ImGui::EndChild();
}

void draw_interest_done(Ui& ui, const InterestDoneView& view, Area area, Actions& actions) {
    const Theme& t = ui.theme;
    const Palette& p = t.palette;
    Column c = column(ui, area);
    ImGui::SetCursorScreenPos(ImVec2(c.x0, area.min.y + t.pad()));
    text_block(ui, view.title, ui.fonts.title, p.text, c.width);
    gap(ui, c.x0, 0.5f);
    text_block(ui, view.reference_label, ui.fonts.heading, p.text, c.width);
    // The reference large and boxed, as a referral's is, to read out at the desk.
    ImFont* huge = ui.fonts.huge;
    ImVec2 pos(c.x0, ImGui::GetCursorScreenPos().y + t.gap() * 0.5f);
    float rw = std::min(text_width(huge, view.reference) + 2 * t.pad(), c.width);
    float rh = huge->FontSize + t.pad();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + rw, pos.y + rh), p.surface, t.radius());
    dl->AddRect(pos, ImVec2(pos.x + rw, pos.y + rh), p.accent, t.radius(), 0, t.line_strong());
    ImGui::SetCursorScreenPos(ImVec2(pos.x + t.pad(), pos.y + t.pad() * 0.5f));
    text_block(ui, view.reference, huge, p.accent, rw);
    ImGui::SetCursorScreenPos(ImVec2(c.x0, pos.y + rh + t.gap()));
    text_block(ui, view.next, ui.fonts.bold, p.text, c.width);
    gap(ui, c.x0, 1.0f);
    if (wide_button(ui, view.finish, c.width)) actions.push_back(InterestFinish{});
}

}  // namespace lantern::kiosk::ui
