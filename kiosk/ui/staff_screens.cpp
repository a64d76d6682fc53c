// Staff mode: the PIN pad, then one screen for sync status, today's notices and content from a USB stick.
#include <algorithm>

#include "kiosk/ui/screens.h"

namespace lantern::kiosk::ui {

void draw_staff_pin(Ui& ui, const StaffPinView& view, Area area, Actions& actions) {
    const Theme& t = ui.theme;
    const Palette& p = t.palette;
    float gap = t.gap() * 0.6f;
    // Twelve keys in four rows under the title, as big as the screen allows (150 px high at most at 1080p).
    float key_h = std::min(t.pin_key_max_height(), (area.height() - 3 * t.pad() - t.pin_header_room() - 3 * gap) / 4);
    key_h = std::max(key_h, t.touch_min());
    float key_w = key_h * 1.5f;
    float pad_w = 3 * key_w + 2 * gap;
    float x0 = area.min.x + (area.width() - pad_w) / 2;
    // Title, dots and message centred over the pad.
    float centre = area.min.x + area.width() / 2;
    auto centred = [&](const std::string& text, ImFont* font, ImU32 colour) {
        float w = std::min(text_width(font, text), area.width() - 2 * t.pad());
        ImGui::SetCursorScreenPos(ImVec2(centre - w / 2, ImGui::GetCursorScreenPos().y));
        text_block(ui, text, font, colour, w + 1);
    };
    ImGui::SetCursorScreenPos(ImVec2(x0, area.min.y + t.pad()));
    centred(view.title, ui.fonts.title, p.text);
    // Dots, never digits: someone standing behind staff learns nothing.
    float dot_r = ui.fonts.heading->FontSize * 0.3f;
    float dots_y = ImGui::GetCursorScreenPos().y + gap + dot_r;
    for (int i = 0; i < view.digits; ++i) {
        float dx = (static_cast<float>(i) - static_cast<float>(view.digits - 1) / 2) * dot_r * 3;
        ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(centre + dx, dots_y), dot_r, p.text, 24);
    }
    ImGui::SetCursorScreenPos(ImVec2(x0, dots_y + dot_r + gap));
    centred(view.message.empty() ? " " : view.message, ui.fonts.bold, view.problem ? p.danger : p.muted_text);
    float y = ImGui::GetCursorScreenPos().y + gap;
    for (std::size_t i = 0; i < view.keys.size(); ++i) {
        const std::string& k = view.keys[i];
        ImGui::SetCursorScreenPos(
            ImVec2(x0 + static_cast<float>(i % 3) * (key_w + gap), y + static_cast<float>(i / 3) * (key_h + gap)));
        ButtonLook look{k == "OK" ? ButtonKind::primary : ButtonKind::secondary,
                        k.size() > 2 ? ui.fonts.heading : ui.fonts.title};
        PinKey key{k == "OK" ? PinKey::Kind::ok : k == "Delete" ? PinKey::Kind::erase : PinKey::Kind::digit, k[0]};
        if (touch_button(ui, k, ImVec2(key_w, key_h), look)) actions.push_back(key);
    }
}

namespace {
// The usage figures as a small table under the sync status: what, today, the last 7 days.
void draw_usage(Ui& ui, const StaffView& view, float x, float width) {
    const Theme& t = ui.theme;
    const Palette& p = t.palette;
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + t.gap()));
    text_block(ui, view.usage_title, ui.fonts.heading, p.text, width);
    float label_w = width * 0.56f, number_w = width * 0.22f;
    auto row = [&](const std::string& what, const std::string& today, const std::string& week, ImFont* font,
                   ImU32 colour) {
        float y = ImGui::GetCursorScreenPos().y + t.gap() * 0.15f;
        float bottom = y;
        float cell_x[] = {x, x + label_w, x + label_w + number_w};
        float cell_w[] = {label_w - t.gap() * 0.3f, number_w, number_w};
        const std::string* cell[] = {&what, &today, &week};
        for (int i = 0; i < 3; ++i) {
            ImGui::SetCursorScreenPos(ImVec2(cell_x[i], y));
            text_block(ui, *cell[i], font, colour, cell_w[i]);
            bottom = std::max(bottom, ImGui::GetCursorScreenPos().y);
        }
        ImGui::SetCursorScreenPos(ImVec2(x, bottom));
    };
    row("", view.usage_today, view.usage_week, ui.fonts.bold, p.muted_text);
    for (const auto& line : view.usage)
        row(line.label, std::to_string(line.today), std::to_string(line.week), ui.fonts.body, p.text);
}
}  // namespace

void draw_staff(Ui& ui, const StaffView& view, Area area, TouchScroll& scroll, Actions& actions) {
    const Theme& t = ui.theme;
    const Palette& p = t.palette;
    float bottom = area.max.y;
    if (view.notice_focused || view.notice_cy_focused) {
        bottom = draw_keyboard(ui, view.keys, area, "", actions).max.y;
        physical_typing(false, actions);
    }
    float full = area.width() - 4 * t.pad();
    // Landscape: status on the left, notices and USB on the right, so little is below the fold (the window
    // scrolls once several notices are posted).
    bool two_columns = area.width() > area.height();
    float col_w = two_columns ? (full - 2 * t.pad()) / 2 : full;
    float left_x = area.min.x + 2 * t.pad();
    float right_x = two_columns ? left_x + col_w + 2 * t.pad() : left_x;

    ImGui::SetCursorScreenPos(ImVec2(area.min.x + t.pad(), area.min.y));
    ImGui::BeginChild("staff", ImVec2(area.width() - t.pad(), std::max(1.0f, bottom - area.min.y)), false,
                      ImGuiWindowFlags_NoBackground);
    scroll.update();
    float x = left_x;
    auto next = [&](float k) { ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + t.gap() * k)); };
    next(0.6f);
    text_block(ui, view.title, ui.fonts.title, p.text, full);
    if (!view.message.empty()) {
        next(0.3f);
        text_block(ui, view.message, ui.fonts.bold, view.problem ? p.danger : p.accent, full);
    }
    next(0.6f);
    float columns_top = ImGui::GetCursorScreenPos().y;

    text_block(ui, "Is this kiosk syncing?", ui.fonts.heading, p.text, col_w);
    for (const auto& s : view.status) {
        next(0.2f);
        text_block(ui, s.label + ": " + s.value, s.problem ? ui.fonts.bold : ui.fonts.body,
                   s.problem ? p.danger : p.text, col_w);
    }
    next(0.4f);
    if (touch_button(ui, "Sync now", ImVec2(0, 0), {ButtonKind::secondary})) actions.push_back(StaffSyncNow{});
    ImGui::SameLine(0, t.gap());
    if (touch_button(ui, "Kiosk settings", ImVec2(0, 0), {ButtonKind::secondary}))
        actions.push_back(StaffOpenSettings{});
    if (view.can_retry_kept_aside) {
        next(0.4f);
        if (touch_button(ui, "Try kept-aside referrals again", ImVec2(0, 0), {ButtonKind::secondary}))
            actions.push_back(StaffRetryKeptAside{});
    }
    draw_usage(ui, view, x, col_w);
    float left_bottom = ImGui::GetCursorScreenPos().y;

    x = right_x;
    if (two_columns) ImGui::SetCursorScreenPos(ImVec2(x, columns_top));
    else next(1.0f);
    text_block(ui, "Today's notices", ui.fonts.heading, p.text, col_w);
    if (view.notices_today.empty()) {
        next(0.2f);
        text_block(ui, "None posted today.", ui.fonts.body, p.muted_text, col_w);
    }
    for (const auto& n : view.notices_today) {
        next(0.2f);
        text_block(ui, "\xE2\x80\xA2 " + n, ui.fonts.body, p.text, col_w);
    }
    // Each box says which language it holds: once both are written, the hints that told them apart are gone.
    next(0.4f);
    text_block(ui, view.notice_en_label, ui.fonts.body, p.text, col_w);
    next(0.1f);
    if (text_field(ui, "New notice", view.notice.view(), "Write a notice for today", view.notice_focused, false, false,
                   col_w))
        actions.push_back(Focus{});
    next(0.3f);
    text_block(ui, view.notice_cy_label, ui.fonts.body, p.text, col_w);
    next(0.1f);
    if (text_field(ui, view.notice_cy_label, view.notice_cy.view(), view.notice_cy_hint, view.notice_cy_focused, false,
                   false, col_w))
        actions.push_back(Focus{k_staff_notice_cy});
    next(0.3f);
    text_block(ui, view.notice_for, ui.fonts.body, p.text, col_w);
    next(0.2f);
    if (touch_button(ui, view.notice_everyone, ImVec2(0, 0),
                     {ButtonKind::secondary, nullptr, 0, !view.notice_adults_only}))
        actions.push_back(StaffNoticeAudience{false});
    ImGui::SameLine(0, t.gap());
    if (touch_button(ui, view.notice_adults, ImVec2(0, 0),
                     {ButtonKind::secondary, nullptr, 0, view.notice_adults_only}))
        actions.push_back(StaffNoticeAudience{true});
    next(0.4f);
    if (touch_button(ui, "Post notice", ImVec2(0, 0))) actions.push_back(StaffPostNotice{});
    if (!view.notices_today.empty()) {
        ImGui::SameLine(0, t.gap());
        if (touch_button(ui, "Remove today's notices", ImVec2(0, 0), {ButtonKind::secondary}))
            actions.push_back(StaffClearNotices{});
    }

    next(1.0f);
    text_block(ui, "Content from a USB stick", ui.fonts.heading, p.text, col_w);
    next(0.2f);
    text_block(ui,
               view.packs.empty() ? "No signed content pack found. Put the stick in, then tap Look again."
                                  : "Tap a pack to check it. Visitors see it from the next visit on.",
               ui.fonts.body, p.muted_text, col_w);
    if (!view.import_line.empty()) {
        next(0.3f);
        text_block(ui, view.import_line, ui.fonts.bold, view.import_problem ? p.danger : p.accent, col_w);
    }
    for (const auto& pack : view.packs) {
        next(0.3f);
        if (touch_button(ui, pack.label, ImVec2(0, 0), {ButtonKind::secondary}))
            actions.push_back(StaffImportPack{pack.path});
    }
    next(0.4f);
    if (touch_button(ui, "Look again", ImVec2(0, 0), {ButtonKind::secondary})) actions.push_back(StaffLookForPacks{});
    float end_y = std::max(left_bottom, ImGui::GetCursorScreenPos().y) + t.pad();
    ImGui::SetCursorScreenPos(ImVec2(left_x, end_y));
    ImGui::Dummy(ImVec2(0, 0));
    ImGui::EndChild();
}

}  // namespace lantern::kiosk::ui
