// The referral form's screens: one step with its fields, the review with Change buttons, and the reference.
#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "kiosk/views/strings.h"
#include "kiosk/ui/screens.h"

namespace lantern::kiosk::ui {
namespace {

// The 999 line stands on every form screen, above everything else, so it is never scrolled away.
float danger_banner(Ui& ui, const std::string& text, Area area) {
    const Theme& t = ui.theme;
    ImFont* f = ui.fonts.bold;
    float w = area.width() - 4 * t.pad();
    float h = f->CalcTextSizeA(f->FontSize, FLT_MAX, w, text.c_str()).y + t.pad() * 0.6f;
    ImGui::GetWindowDrawList()->AddRectFilled(area.min, ImVec2(area.max.x, area.min.y + h), t.palette.danger);
    ImGui::SetCursorScreenPos(ImVec2(area.min.x + 2 * t.pad(), area.min.y + t.pad() * 0.3f));
    text_block(ui, text, f, t.palette.danger_text, w);
    return area.min.y + h;
}

// A box with words in it, for errors and notes that must be seen.
void note_box(Ui& ui, const std::string& text, ImU32 fill, ImU32 colour, float width) {
    const Theme& t = ui.theme;
    ImFont* f = ui.fonts.bold;
    ImVec2 pos = ImGui::GetCursorScreenPos();
    float inner = width - 2 * t.pad() * 0.6f;
    float h = f->CalcTextSizeA(f->FontSize, FLT_MAX, inner, text.c_str()).y + t.pad() * 0.8f;
    ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h), fill, t.radius() * 0.5f);
    ImGui::SetCursorScreenPos(ImVec2(pos.x + t.pad() * 0.6f, pos.y + t.pad() * 0.4f));
    text_block(ui, text, f, colour, inner);
    ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + h));
    ImGui::Dummy(ImVec2(width, 0));
}

// One answer of a choice: a big tile with a tick box (several) or a round mark (one), all of it tappable.
// Registered as "Question: Answer", so a script taps the Yes of the right question.
bool option_tile(Ui& ui, const FieldView& field, const OptionView& o, ImVec2 pos, ImVec2 size) {
    const Theme& t = ui.theme;
    const Palette& p = t.palette;
    bool held = false;
    ImGui::PushID(field.id.c_str());
    ImGui::PushID(o.id.c_str());
    bool tapped = tap_rect(ui, field.label + ": " + o.label, pos, size, &held);
    ImGui::PopID();
    ImGui::PopID();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 max(pos.x + size.x, pos.y + size.y);
    ImU32 fill = held ? p.button_pressed : o.selected ? p.accent : p.surface;
    ImU32 text = held || o.selected ? p.accent_text : p.text;
    if (held) text = p.button_text;
    dl->AddRectFilled(pos, max, fill, t.radius() * 0.6f);
    dl->AddRect(pos, max, p.accent, t.radius() * 0.6f, 0, o.selected ? t.line_strong() : t.line_thin());

    float mark = t.option_mark();
    ImVec2 m(pos.x + t.pad() * 0.6f, pos.y + (size.y - mark) / 2);
    ImVec2 mc(m.x + mark / 2, m.y + mark / 2);
    bool several = field.type == form::FieldType::choices;
    if (several) {
        dl->AddRectFilled(m, ImVec2(m.x + mark, m.y + mark), p.background, t.option_mark_corner());
        dl->AddRect(m, ImVec2(m.x + mark, m.y + mark), text, t.option_mark_corner(), 0, t.line());
        if (o.selected) {
            ImVec2 tick[] = {ImVec2(m.x + mark * 0.2f, m.y + mark * 0.52f),
                             ImVec2(m.x + mark * 0.42f, m.y + mark * 0.75f),
                             ImVec2(m.x + mark * 0.82f, m.y + mark * 0.25f)};
            dl->AddPolyline(tick, 3, p.accent, 0, t.line_held());
        }
    } else {
        dl->AddCircleFilled(mc, mark / 2, p.background);
        dl->AddCircle(mc, mark / 2, text, 0, t.line());
        if (o.selected) dl->AddCircleFilled(mc, mark / 4, p.accent);
    }
    ImFont* f = ui.fonts.bold;
    float tx = m.x + mark + t.pad() * 0.5f;
    float tw = max.x - t.pad() * 0.5f - tx;
    ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, tw, o.label.c_str());
    dl->AddText(f, f->FontSize, ImVec2(tx, pos.y + (size.y - ts.y) / 2), text, o.label.c_str(), nullptr, tw);
    return tapped;
}

void draw_options(Ui& ui, const FieldView& field, float width, Actions& actions) {
    const Theme& t = ui.theme;
    ImFont* f = ui.fonts.bold;
    float gap = t.gap() * 0.5f;
    // Yes and No sit side by side at a fixed size; longer lists fill two or three columns.
    int cols = field.type == form::FieldType::yesno ? 2 : width > t.three_columns_from() ? 3 : 2;
    if (field.options.size() == 1) cols = 1;
    float col_w = (width - static_cast<float>(cols - 1) * gap) / static_cast<float>(cols);
    if (field.type == form::FieldType::yesno) col_w = std::min(col_w, t.yes_no_width());
    float text_w = col_w - t.option_mark() - 1.7f * t.pad();
    float tile_h = t.touch_min();
    for (const auto& o : field.options)
        tile_h = std::max(tile_h, f->CalcTextSizeA(f->FontSize, FLT_MAX, text_w, o.label.c_str()).y + t.pad());
    ImVec2 origin = ImGui::GetCursorScreenPos();
    int rows = 0;
    for (std::size_t i = 0; i < field.options.size(); ++i) {
        int c = static_cast<int>(i) % cols, r = static_cast<int>(i) / cols;
        rows = r + 1;
        ImVec2 pos(origin.x + static_cast<float>(c) * (col_w + gap), origin.y + static_cast<float>(r) * (tile_h + gap));
        if (option_tile(ui, field, field.options[i], pos, ImVec2(col_w, tile_h)))
            actions.push_back(FormPick{field.id, field.options[i].id});
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + static_cast<float>(rows) * (tile_h + gap) - gap));
    ImGui::Dummy(ImVec2(width, 0));
}

// The helplines as a yellow panel; `compact` puts each number on its helpline's line.
float helplines_height(Ui& ui, const std::string& title, const std::vector<Helpline>& lines, float inner,
                       bool compact) {
    const Theme& t = ui.theme;
    auto h = [&](ImFont* f, const std::string& s) {
        return f->CalcTextSizeA(f->FontSize, FLT_MAX, inner, s.c_str()).y;
    };
    float total = t.pad() + h(ui.fonts.heading, title);
    for (const Helpline& l : lines)
        total += t.gap() * 0.3f + (l.name.find(l.number) != std::string::npos ? h(ui.fonts.bold, l.name)
                                   : compact ? h(ui.fonts.bold, l.name + ": " + keep_together(l.number))
                                             : h(ui.fonts.body, l.name) + h(ui.fonts.bold, keep_together(l.number)));
    return total;
}

// The panel never takes more than `max_height`: at large text, or on a small screen, its lines scroll inside
// it, so the questions and the Next button always stay in sight and in reach.
void draw_helplines(Ui& ui, const std::string& title, const std::vector<Helpline>& lines, float width, float max_height,
                    TouchScroll& scroll) {
    const Theme& t = ui.theme;
    const Palette& p = t.palette;
    ImVec2 pos = ImGui::GetCursorScreenPos();
    float inner = width - 2 * t.pad() * 0.6f;
    bool compact = helplines_height(ui, title, lines, inner, false) > max_height;
    float height = helplines_height(ui, title, lines, inner, compact);
    bool scrolls = height > max_height;
    if (scrolls) {
        inner -= ImGui::GetStyle().ScrollbarSize;
        height = helplines_height(ui, title, lines, inner, compact);
    }
    float shown = std::min(height, max_height);
    ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + shown), p.notice, t.radius() * 0.6f);
    if (scrolls) {
        ImGui::BeginChild("helplines", ImVec2(width, shown), false, ImGuiWindowFlags_NoBackground);
        scroll.update();
    }
    ImVec2 origin = ImGui::GetCursorScreenPos();
    float x = origin.x + t.pad() * 0.6f;
    ImGui::SetCursorScreenPos(ImVec2(x, origin.y + t.pad() * 0.5f));
    text_block(ui, title, ui.fonts.heading, p.notice_text, inner);
    for (const Helpline& h : lines) {
        ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + t.gap() * 0.3f));
        // "Call 999, then press 55" already says its number. A number never splits across two lines.
        bool says_number = h.name.find(h.number) != std::string::npos;
        if (compact || says_number) {
            text_block(ui, says_number ? h.name : h.name + ": " + keep_together(h.number), ui.fonts.bold, p.notice_text,
                       inner);
        } else {
            text_block(ui, h.name, ui.fonts.body, p.notice_text, inner);
            ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
            text_block(ui, keep_together(h.number), ui.fonts.bold, p.notice_text, inner);
        }
    }
    if (scrolls) {
        ImGui::SetCursorScreenPos(origin);
        ImGui::Dummy(ImVec2(width - ImGui::GetStyle().ScrollbarSize, height));
        ImGui::EndChild();
    }
    ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + shown));
    ImGui::Dummy(ImVec2(width, 0));
}

// Back on the left, the way on at the right, along the bottom of `area`. Returns the bar's top.
float nav_bar(Ui& ui, Area area, const std::string& back, const std::string& next, const Action& next_action,
              Actions& actions) {
    const Theme& t = ui.theme;
    float h = t.touch_min();
    float y = area.max.y - h - t.pad() * 0.6f;
    ImGui::GetWindowDrawList()->AddLine(ImVec2(area.min.x, y - t.pad() * 0.4f), ImVec2(area.max.x, y - t.pad() * 0.4f),
                                        t.palette.surface, t.line_thin());
    ImGui::SetCursorScreenPos(ImVec2(area.min.x + 2 * t.pad(), y));
    // "##form": the top bar has a Back too, and two buttons with one id would swallow each other's taps.
    if (!back.empty() && touch_button(ui, back + "##form", ImVec2(t.nav_back_width(), h), {ButtonKind::secondary}))
        actions.push_back(Back{});
    float w = std::max(t.nav_next_min_width(), text_width(ui.fonts.bold, next) + 2 * t.pad());
    ImGui::SetCursorScreenPos(ImVec2(area.max.x - 2 * t.pad() - w, y));
    if (touch_button(ui, next + "##form", ImVec2(w, h))) actions.push_back(next_action);
    return y - t.pad() * 0.4f;
}

}  // namespace

void draw_form_step(Ui& ui, const FormStepView& view, Area area, TouchScroll& scroll, FormUiState& state,
                    Actions& actions) {
    const Theme& t = ui.theme;
    const Palette& p = t.palette;
    float top = danger_banner(ui, view.danger, area);
    float x0 = area.min.x + 2 * t.pad();
    float full_w = area.width() - 4 * t.pad();
    if (!view.available) {
        ImGui::SetCursorScreenPos(ImVec2(x0, top + t.pad()));
        text_block(ui, view.unavailable, ui.fonts.heading, p.text, std::min(full_w, t.reading_width()));
        return;
    }

    // While typing, the field being typed into must show above the keyboard. When the step's heading would
    // leave too little room for it (large text, a short screen) the heading steps aside until Done.
    float heading_h = ui.fonts.bold->FontSize + ui.fonts.title->FontSize + t.pad() * 0.5f;
    float keyboard_h = view.keyboard ? keyboard_height(ui, view.keys, view.notice, area.width()) : 0;
    float room_under_heading = area.max.y - keyboard_h - (top + heading_h + t.gap() * 0.5f);
    bool show_heading = !view.keyboard || room_under_heading >= 3 * t.touch_min();
    float title_bottom = top + t.pad() * 0.5f;
    if (show_heading) {
        ImGui::SetCursorScreenPos(ImVec2(x0, top + t.pad() * 0.5f));
        text_block(ui, view.progress, ui.fonts.bold, p.muted_text, full_w);
        ImGui::SetCursorScreenPos(ImVec2(x0, ImGui::GetCursorScreenPos().y));
        text_block(ui, view.title, ui.fonts.title, p.text, full_w);
        title_bottom = ImGui::GetCursorScreenPos().y + t.gap() * 0.5f;
    }

    // The keyboard takes the bottom of the screen while typing; Back and Next come back with Done.
    Area below{ImVec2(area.min.x, title_bottom), area.max};
    const FieldView* focused = nullptr;
    for (const FieldView& f : view.fields)
        if (f.focused) focused = &f;
    float bottom;
    if (view.keyboard) {
        below = draw_keyboard(ui, view.keys, below, view.notice, actions);
        bottom = below.max.y;
        physical_typing(focused && focused->multiline, actions);
    } else {
        bottom = nav_bar(ui, below, view.back, view.next, FormNext{}, actions);
    }
    if (focused == nullptr) state.scrolled_to.clear();

    // Helplines beside the questions when the screen is wide enough, else fixed above them: either way
    // they show the moment abuse or danger is ticked, wherever the list is scrolled to.
    float fields_w = std::min(full_w, t.reading_width());
    float side_w = full_w - fields_w - 2 * t.pad();
    bool side = view.show_helplines && side_w >= t.side_panel_min();
    float scroll_top = title_bottom;
    if (view.show_helplines && side) {
        ImGui::SetCursorScreenPos(ImVec2(x0 + fields_w + 2 * t.pad(), title_bottom));
        draw_helplines(ui, view.helplines_title, view.helplines, side_w, bottom - title_bottom - t.gap() * 0.5f,
                       state.helplines_scroll);
    } else if (view.show_helplines) {
        // Above the questions, at most 40% of the room, so the questions keep most of it.
        ImGui::SetCursorScreenPos(ImVec2(x0, title_bottom));
        draw_helplines(ui, view.helplines_title, view.helplines, full_w,
                       std::max(t.touch_min() * 2, (bottom - title_bottom) * 0.4f), state.helplines_scroll);
        scroll_top = ImGui::GetCursorScreenPos().y + t.gap() * 0.5f;
    }

    ImGui::SetCursorScreenPos(ImVec2(x0, scroll_top));
    // A child per step, so each step starts at its top.
    std::string child = "form_step_" + view.progress;
    ImGui::BeginChild(child.c_str(), ImVec2(fields_w + t.scrollbar_room(), std::max(1.0f, bottom - scroll_top)), false,
                      ImGuiWindowFlags_NoBackground);
    scroll.update();
    // What shows now that did not show last frame on this step: a note or question that a choice revealed right
    // under its question, an error after Next. It is scrolled into sight, or a visitor at 1080p or at a large
    // text size would not know it is there, below the fold. A question revealed further down is not: the
    // visitor goes on with the next question she has not answered yet.
    if (state.seen_step != view.progress) {
        state.seen_step = view.progress;
        state.seen.clear();
        state.answers.clear();
    }
    std::vector<std::string> seen;
    bool first_frame = state.seen.empty();
    std::string answered;  // the choice whose answer changed since the last frame
    for (const FieldView& f : view.fields) {
        if (f.typed() || f.type == form::FieldType::note) continue;
        std::string picked;
        for (const OptionView& o : f.options)
            if (o.selected) picked += o.id + "\n";
        if (!first_frame && state.answers[f.id] != picked) answered = f.id;
        state.answers[f.id] = picked;
    }
    std::optional<std::pair<float, float>> reveal;  // screen y from, to
    auto shown = [&](const std::string& what) {
        seen.push_back(what);
        return !first_frame && std::find(state.seen.begin(), state.seen.end(), what) == state.seen.end();
    };
    // Several things shown at once (a question and its phone box) are brought in together, the first one's top
    // first when they do not all fit.
    auto bring = [&](float from, float to) { reveal = reveal ? std::pair{reveal->first, to} : std::pair{from, to}; };
    bool under_answered = false;  // still in the run of fields just under the answered one
    auto revealed = [&](const FieldView& f, float from, float to) {
        bool fresh = shown("field " + f.id);
        if (under_answered && fresh && !view.keyboard) bring(from, to);
        else under_answered = f.id == answered;
    };
    if (!view.step_error.empty()) {
        float from = ImGui::GetCursorScreenPos().y;
        note_box(ui, view.step_error, p.danger, p.danger_text, fields_w);
        if (shown("error")) bring(from, ImGui::GetCursorScreenPos().y);
        ImGui::Dummy(ImVec2(0, t.gap()));
    }
    if (!view.notice.empty() && !view.keyboard) {
        note_box(ui, view.notice, p.danger, p.danger_text, fields_w);
        ImGui::Dummy(ImVec2(0, t.gap()));
    }
    for (const FieldView& f : view.fields) {
        if (f.type == form::FieldType::note) {  // words to read, not a question
            float from = ImGui::GetCursorScreenPos().y;
            note_box(ui, f.label, p.notice, p.notice_text, fields_w);
            revealed(f, from, ImGui::GetCursorScreenPos().y);
            ImGui::Dummy(ImVec2(0, t.gap() * 1.5f));
            continue;
        }
        ImVec2 start = ImGui::GetCursorScreenPos();
        text_block(ui, f.label, ui.fonts.heading, p.text, fields_w);
        if (!f.help.empty()) text_block(ui, f.help, ui.fonts.body, p.muted_text, fields_w);
        ImGui::Dummy(ImVec2(0, t.gap() * 0.4f));
        if (f.typed()) {
            if (text_field(ui, f.label, f.value.view(), view.tap_to_type, f.focused, f.multiline, !f.error.empty(),
                           fields_w))
                actions.push_back(Focus{f.id});
            if (f.focused && state.scrolled_to != f.id && !scroll.dragging) {
                // Bring the field being typed into to the top of what the keyboard leaves visible, its question
                // too when there is room; the box itself (what is being typed) always.
                float field_bottom = ImGui::GetCursorScreenPos().y + t.gap() * 0.5f;
                float visible = bottom - scroll_top;
                float want_top = std::max(start.y - t.gap(), field_bottom - visible);
                ImGui::SetScrollFromPosY(want_top - ImGui::GetWindowPos().y, 0.0f);
                state.scrolled_to = f.id;
            }
        } else {
            draw_options(ui, f, fields_w, actions);
        }
        // While typing, the box typed into keeps its place (above), whatever else shows.
        revealed(f, start.y, ImGui::GetCursorScreenPos().y);
        if (!f.error.empty()) {
            ImGui::Dummy(ImVec2(0, t.gap() * 0.3f));
            text_block(ui, f.error, ui.fonts.bold, p.danger, fields_w);
            // The error in sight with as much of its question above it as the view holds.
            float to = ImGui::GetCursorScreenPos().y;
            if (shown("error " + f.id)) bring(std::max(start.y, to - (bottom - scroll_top) + t.gap()), to);
        }
        ImGui::Dummy(ImVec2(0, t.gap() * 1.5f));
    }
    if (reveal && !scroll.dragging) scroll_into_view(reveal->first - t.gap() * 0.5f, reveal->second + t.gap() * 0.5f);
    state.seen = std::move(seen);
    // Room to scroll the last field up above the keyboard.
    ImGui::Dummy(ImVec2(0, view.keyboard ? (bottom - scroll_top) * 0.5f : t.pad()));
    ImGui::EndChild();
}

void draw_form_review(Ui& ui, const FormReviewView& view, Area area, TouchScroll& scroll, Actions& actions) {
    const Theme& t = ui.theme;
    const Palette& p = t.palette;
    float top = danger_banner(ui, view.danger, area);
    float x0 = area.min.x + 2 * t.pad();
    float width = std::min(area.width() - 4 * t.pad(), t.list_width());
    ImGui::SetCursorScreenPos(ImVec2(x0, top + t.pad() * 0.5f));
    text_block(ui, view.title, ui.fonts.title, p.text, width);
    ImGui::SetCursorScreenPos(ImVec2(x0, ImGui::GetCursorScreenPos().y));
    text_block(ui, view.intro, ui.fonts.body, p.muted_text, width);
    float scroll_top = ImGui::GetCursorScreenPos().y + t.gap() * 0.5f;

    float bottom =
        nav_bar(ui, {ImVec2(area.min.x, scroll_top), area.max}, view.back, view.submit, FormSubmit{}, actions);
    if (!view.submit_error.empty()) {
        // Above the buttons and outside the scrolling list: the visitor must not miss it.
        ImFont* f = ui.fonts.bold;
        float h = f->CalcTextSizeA(f->FontSize, FLT_MAX, width - 1.2f * t.pad(), view.submit_error.c_str()).y +
                  t.pad() * 0.8f;
        bottom -= h + t.gap() * 0.5f;
        ImGui::SetCursorScreenPos(ImVec2(x0, bottom));
        note_box(ui, view.submit_error, p.danger, p.danger_text, width);
        bottom -= t.gap() * 0.5f;
    }

    ImGui::SetCursorScreenPos(ImVec2(x0, scroll_top));
    ImGui::BeginChild("form_review", ImVec2(width + t.scrollbar_room(), std::max(1.0f, bottom - scroll_top)), false,
                      ImGuiWindowFlags_NoBackground);
    scroll.update();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (!view.not_sent.empty()) {
        note_box(ui, view.not_sent, p.notice, p.notice_text, width);
        ImGui::Dummy(ImVec2(0, t.gap()));
    }
    float inner = width - 2 * t.pad();
    float change_w = std::max(t.change_min_width(),
                              text_width(ui.fonts.bold, view.steps.empty() ? "" : view.steps[0].change) + t.pad());
    for (const ReviewStep& step : view.steps) {
        ImVec2 pos = ImGui::GetCursorScreenPos();
        dl->ChannelsSplit(2);
        dl->ChannelsSetCurrent(1);
        ImGui::SetCursorScreenPos(ImVec2(pos.x + t.pad(), pos.y + t.pad() * 0.6f));
        text_block(ui, step.title, ui.fonts.heading, p.text, inner - change_w - t.pad());
        float after_title = ImGui::GetCursorScreenPos().y;
        ImGui::SetCursorScreenPos(ImVec2(pos.x + width - t.pad() * 0.6f - change_w, pos.y + t.pad() * 0.4f));
        if (touch_button(ui, step.change, ImVec2(change_w, 0), {ButtonKind::secondary}))
            actions.push_back(FormEditStep{step.index});
        float y = std::max(after_title, ImGui::GetItemRectMax().y) + t.gap() * 0.4f;
        for (const ReviewAnswer& a : step.answers) {
            ImGui::SetCursorScreenPos(ImVec2(pos.x + t.pad(), y));
            text_block(ui, a.label, ui.fonts.body, p.muted_text, inner);
            ImGui::SetCursorScreenPos(ImVec2(pos.x + t.pad(), ImGui::GetCursorScreenPos().y));
            text_block(ui, a.value.view(), ui.fonts.bold, p.text, inner);
            y = ImGui::GetCursorScreenPos().y + t.gap() * 0.4f;
        }
        float bottom_y = y + t.pad() * 0.4f;
        dl->ChannelsSetCurrent(0);
        dl->AddRectFilled(pos, ImVec2(pos.x + width, bottom_y), p.surface, t.radius() * 0.6f);
        dl->ChannelsMerge();
        ImGui::SetCursorScreenPos(ImVec2(pos.x, bottom_y + t.gap()));
        ImGui::Dummy(ImVec2(width, 0));
    }
    ImGui::EndChild();
}

void draw_form_done(Ui& ui, const FormDoneView& view, Area area, TouchScroll& scroll, FormUiState& state,
                    Actions& actions) {
    const Theme& t = ui.theme;
    const Palette& p = t.palette;
    float full_w = area.width() - 4 * t.pad();
    float width = std::min(full_w, t.reading_width());
    float side_w = full_w - width - 2 * t.pad();
    bool side = view.show_helplines && side_w >= t.side_panel_min();
    float x0 = side ? area.min.x + 2 * t.pad() : area.min.x + (area.width() - width) / 2;
    ImGui::SetCursorScreenPos(ImVec2(x0, area.min.y + t.pad()));
    text_block(ui, view.title, ui.fonts.title, p.text, width);
    ImGui::SetCursorScreenPos(ImVec2(x0, ImGui::GetCursorScreenPos().y + t.gap() * 0.5f));
    text_block(ui, view.reference_label, ui.fonts.heading, p.text, width);
    // The reference large and boxed, so it can be read out or photographed from a step back.
    ImFont* huge = ui.fonts.huge;
    ImVec2 pos(x0, ImGui::GetCursorScreenPos().y);
    float rw = text_width(huge, view.reference) + 2 * t.pad();
    float rh = huge->FontSize + t.pad();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(pos.x, pos.y + t.gap() * 0.5f), ImVec2(pos.x + rw, pos.y + t.gap() * 0.5f + rh), p.surface,
                      t.radius());
    dl->AddRect(ImVec2(pos.x, pos.y + t.gap() * 0.5f), ImVec2(pos.x + rw, pos.y + t.gap() * 0.5f + rh), p.accent,
                t.radius(), 0, t.line_strong());
    ImGui::SetCursorScreenPos(ImVec2(pos.x + t.pad(), pos.y + t.gap() * 0.5f + t.pad() * 0.5f));
    text_block(ui, view.reference, huge, p.accent, rw);
    float list_top = pos.y + t.gap() + rh;

    // Finish stays in reach at the bottom; what happens next scrolls above it at large text.
    float h = t.touch_min();
    float finish_y = area.max.y - h - t.pad() * 0.6f;
    ImGui::SetCursorScreenPos(ImVec2(x0, finish_y));
    if (touch_button(ui, view.finish,
                     ImVec2(std::max(t.nav_next_min_width(), text_width(ui.fonts.bold, view.finish) + 2 * t.pad()), h)))
        actions.push_back(FormFinish{});
    float bottom = finish_y - t.gap() * 0.5f;
    if (side) {
        ImGui::SetCursorScreenPos(ImVec2(x0 + width + 2 * t.pad(), area.min.y + t.pad()));
        draw_helplines(ui, view.helplines_title, view.helplines, side_w, bottom - area.min.y - t.pad(),
                       state.helplines_scroll);
    }

    ImGui::SetCursorScreenPos(ImVec2(x0, list_top));
    ImGui::BeginChild(("form_done_" + view.reference).c_str(),
                      ImVec2(width + t.scrollbar_room(), std::max(1.0f, bottom - list_top)), false,
                      ImGuiWindowFlags_NoBackground);
    scroll.update();
    text_block(ui, view.keep_reference, ui.fonts.body, p.text, width);
    ImGui::Dummy(ImVec2(0, t.gap() * 0.5f));
    text_block(ui, view.next_steps, ui.fonts.bold, p.text, width);
    if (!view.timescale.empty()) text_block(ui, view.timescale, ui.fonts.body, p.text, width);
    if (!view.team_contact.empty()) {
        ImGui::Dummy(ImVec2(0, t.gap() * 0.5f));
        text_block(ui, view.team_contact, ui.fonts.body, p.text, width);
    }
    if (!view.withdraw.empty()) {
        ImGui::Dummy(ImVec2(0, t.gap() * 0.5f));
        text_block(ui, view.withdraw, ui.fonts.body, p.text, width);
    }
    if (view.show_helplines && !side) {
        ImGui::Dummy(ImVec2(0, t.gap()));
        // Inside the scrolling list the panel is shown whole: its own height is no limit here.
        draw_helplines(ui, view.helplines_title, view.helplines, width, FLT_MAX, state.helplines_scroll);
    }
    ImGui::Dummy(ImVec2(0, t.pad()));
    ImGui::EndChild();
}

}  // namespace lantern::kiosk::ui
