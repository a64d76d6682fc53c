// Word-wrapping across spans of different fonts, done by hand because ImGui wraps one font at a time.
#include "kiosk/ui/markdown_view.h"

#include <algorithm>

namespace lantern::kiosk::ui {
namespace {

struct Word {
    std::string text;  // includes its trailing space, if any
    ImFont* font;
    ImU32 colour;
    std::string link;
    float width;       // without the trailing space
    float full_width;  // with it
};

struct PlacedWord {
    const Word* word;
    float x;
};

ImFont* font_for(const Ui& ui, const content::Block& block, const content::Span& span) {
    if (block.kind == content::BlockKind::heading)
        return block.level <= 1 ? ui.fonts.title : block.level == 2 ? ui.fonts.heading : ui.fonts.bold;
    if (span.link.rfind("tel:", 0) == 0) return ui.fonts.heading;  // phone numbers are shown large
    if (span.strong) return ui.fonts.bold;
    if (span.emphasis) return ui.fonts.italic;
    return ui.fonts.body;
}

std::vector<Word> split_words(const Ui& ui, const content::Block& block, ImU32 colour_override) {
    const Palette& p = ui.theme.palette;
    std::vector<Word> words;
    for (const content::Span& span : block.spans) {
        ImFont* font = font_for(ui, block, span);
        bool is_page_link = span.link.rfind("page:", 0) == 0;
        bool is_tel = span.link.rfind("tel:", 0) == 0;
        ImU32 colour = colour_override ? colour_override : (is_page_link || is_tel) ? p.link : p.text;
        if (is_tel) {
            // A phone number is one word: it never starts on one line and ends on the next.
            float w = text_width(font, span.text);
            words.push_back({span.text, font, colour, std::string(), w, w});
            continue;
        }
        size_t start = 0;
        while (start < span.text.size()) {
            size_t space = span.text.find(' ', start);
            size_t end = space == std::string::npos ? span.text.size() : space + 1;
            std::string text = span.text.substr(start, end - start);
            std::string bare = text.back() == ' ' ? text.substr(0, text.size() - 1) : text;
            words.push_back({text, font, colour, is_page_link ? span.link.substr(5) : std::string(),
                             text_width(font, bare), text_width(font, text)});
            start = end;
        }
    }
    return words;
}

struct Line {
    std::vector<PlacedWord> words;
    float ascent = 0;
    float height = 0;  // the tallest font's size
};

constexpr float k_line_spacing = 1.35f;

// Greedy wrapping: as many words as fit in `avail`, at least one per line.
std::vector<Line> wrap(const std::vector<Word>& words, float avail) {
    std::vector<Line> lines;
    size_t i = 0;
    while (i < words.size()) {
        Line line;
        float x = 0;
        while (i < words.size()) {
            const Word& w = words[i];
            if (!line.words.empty() && x + w.width > avail) break;
            line.words.push_back({&w, x});
            x += w.full_width;
            line.ascent = std::max(line.ascent, w.font->Ascent);
            line.height = std::max(line.height, w.font->FontSize);
            ++i;
        }
        lines.push_back(std::move(line));
    }
    return lines;
}

float lines_height(const std::vector<Line>& lines) {
    float h = 0;
    for (const Line& l : lines) h += l.height * k_line_spacing;
    return h;
}

// Draws one block's words wrapped to `width` from the cursor; links become tappable. Returns the first line's
// baseline, so a list item's marker can sit on it (a line with a large phone number sits lower).
float draw_flow(Ui& ui, const content::Block& block, float indent, float width, Actions& actions,
                ImU32 colour_override = 0) {
    std::vector<Word> words = split_words(ui, block, colour_override);
    ImVec2 origin = ImGui::GetCursorScreenPos();
    origin.x += indent;
    float avail = width - indent;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    std::string block_text;

    float y = origin.y;
    float first_baseline = -1;
    for (const Line& line : wrap(words, avail)) {
        if (first_baseline < 0) first_baseline = y + line.ascent;
        // Words of different sizes share a baseline.
        for (const PlacedWord& pw : line.words) {
            const Word& w = *pw.word;
            ImVec2 pos(origin.x + pw.x, y + line.ascent - w.font->Ascent);
            dl->AddText(w.font, w.font->FontSize, pos, w.colour, w.text.c_str());
            block_text += w.text;
        }
        // One tap target per run of link words on this line, grown to a finger's height.
        for (size_t k = 0; k < line.words.size();) {
            if (line.words[k].word->link.empty()) {
                ++k;
                continue;
            }
            size_t end = k;
            std::string label;
            while (end < line.words.size() && line.words[end].word->link == line.words[k].word->link)
                label += line.words[end++].word->text;
            while (!label.empty() && label.back() == ' ') label.pop_back();
            float x0 = origin.x + line.words[k].x;
            float x1 = origin.x + line.words[end - 1].x + line.words[end - 1].word->width;
            float underline_y = y + line.ascent + ui.theme.underline_offset();
            dl->AddLine(ImVec2(x0, underline_y), ImVec2(x1, underline_y), line.words[k].word->colour,
                        ui.theme.line_thin());
            float h = std::max(line.height, ui.theme.link_min_height());
            ImVec2 min(x0, y + line.height / 2 - h / 2);
            ImGui::PushID(static_cast<int>(k));
            ImGui::PushID(static_cast<int>(y));
            bool held = false;
            if (tap_rect(ui, label, min, ImVec2(x1 - x0, h), &held))
                actions.push_back(OpenPage{line.words[k].word->link});
            if (held)
                dl->AddRectFilled(ImVec2(x0, y), ImVec2(x1, y + line.height),
                                  ui.theme.palette.focus & IM_COL32(255, 255, 255, 90));
            ImGui::PopID();
            ImGui::PopID();
            k = end;
        }
        y += line.height * k_line_spacing;
    }
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, origin.y));
    ImGui::Dummy(ImVec2(width, y - origin.y));
    ui.hits.add(block_text, ImVec2(origin.x, origin.y), ImVec2(origin.x + avail, y), false);
    return first_baseline < 0 ? origin.y + ui.fonts.body->Ascent : first_baseline;
}

void draw_image(Ui& ui, const content::Block& block, float width) {
    Texture tex = ui.texture ? ui.texture(block.image) : Texture{};
    if (!tex) return;
    float max_h = ui.theme.picture_height();
    float w = std::min(width, static_cast<float>(tex.width) * ui.theme.picture_scale());
    float h = w * tex.height / std::max(1, tex.width);
    if (h > max_h) {
        w *= max_h / h;
        h = max_h;
    }
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddImageRounded(tex.id, pos, ImVec2(pos.x + w, pos.y + h), ImVec2(0, 0), ImVec2(1, 1),
                                                IM_COL32_WHITE, ui.theme.radius());
    ImGui::Dummy(ImVec2(w, h));
    ui.hits.add(block.alt.empty() ? block.image : block.alt, pos, ImVec2(pos.x + w, pos.y + h), false);
}

}  // namespace

float text_flow_height(const Ui& ui, const content::Block& block, float width) {
    return lines_height(wrap(split_words(ui, block, 0), width));
}

void draw_text_flow(Ui& ui, const content::Block& block, float width, Actions& actions, ImU32 colour) {
    draw_flow(ui, block, 0, width, actions, colour);
}

void draw_document(Ui& ui, const content::Document& doc, float width, Actions& actions) {
    const float gap = ui.theme.gap();
    for (size_t i = 0; i < doc.blocks.size(); ++i) {
        const content::Block& b = doc.blocks[i];
        ImGui::PushID(static_cast<int>(i));
        switch (b.kind) {
            case content::BlockKind::heading:
                if (i > 0) ImGui::Dummy(ImVec2(0, gap));
                draw_flow(ui, b, 0, width, actions);
                break;
            case content::BlockKind::paragraph: draw_flow(ui, b, 0, width, actions); break;
            case content::BlockKind::list_item: {
                float indent = ui.fonts.body->FontSize * 1.4f * static_cast<float>(b.level);
                ImVec2 pos = ImGui::GetCursorScreenPos();
                std::string marker = b.number > 0 ? std::to_string(b.number) + "." : "\xE2\x80\xA2";
                float mw = text_width(ui.fonts.bold, marker);
                float baseline = draw_flow(ui, b, indent, width, actions);
                ImGui::GetWindowDrawList()->AddText(
                    ui.fonts.bold, ui.fonts.bold->FontSize,
                    ImVec2(pos.x + indent - mw - ui.fonts.body->FontSize * 0.4f, baseline - ui.fonts.bold->Ascent),
                    ui.theme.palette.accent, marker.c_str());
                break;
            }
            case content::BlockKind::image: draw_image(ui, b, width); break;
            case content::BlockKind::rule: {
                ImVec2 pos = ImGui::GetCursorScreenPos();
                ImGui::GetWindowDrawList()->AddLine(ImVec2(pos.x, pos.y + gap / 2),
                                                    ImVec2(pos.x + width, pos.y + gap / 2), ui.theme.palette.muted_text,
                                                    ui.theme.line_thin());
                ImGui::Dummy(ImVec2(width, gap));
                break;
            }
        }
        bool next_is_item = i + 1 < doc.blocks.size() && doc.blocks[i + 1].kind == content::BlockKind::list_item &&
                            b.kind == content::BlockKind::list_item;
        ImGui::Dummy(ImVec2(0, next_is_item ? gap * 0.2f : gap * 0.6f));
        ImGui::PopID();
    }
}

}  // namespace lantern::kiosk::ui
