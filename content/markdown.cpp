// Builds the document model from md4c's callbacks.
#include "content/markdown.h"

#include <md4c.h>

namespace lantern::content {
namespace {

struct Builder {
    Document doc;
    std::vector<int> list_counters;  // per open list: next number, or 0 for a bullet list
    int strong = 0;
    int emphasis = 0;
    std::vector<std::string> link_stack;
    bool in_image = false;
    bool in_block = false;

    Block& current() {
        if (!in_block) {
            doc.blocks.push_back({});
            in_block = true;
        }
        return doc.blocks.back();
    }

    void open_block(BlockKind kind, int level, int number) {
        Block b;
        b.kind = kind;
        b.level = level;
        b.number = number;
        doc.blocks.push_back(std::move(b));
        in_block = true;
    }

    void add_text(const char* text, size_t size) {
        if (in_image) {
            doc.blocks.back().alt.append(text, size);
            return;
        }
        Block& b = current();
        std::string link = link_stack.empty() ? std::string() : link_stack.back();
        if (!b.spans.empty()) {
            Span& last = b.spans.back();
            if (last.strong == (strong > 0) && last.emphasis == (emphasis > 0) && last.link == link) {
                last.text.append(text, size);
                return;
            }
        }
        b.spans.push_back({std::string(text, size), strong > 0, emphasis > 0, link});
    }
};

std::string attr(const MD_ATTRIBUTE& a) { return std::string(a.text, a.size); }

int enter_block(MD_BLOCKTYPE type, void* detail, void* user) {
    auto& b = *static_cast<Builder*>(user);
    switch (type) {
        case MD_BLOCK_H:
            b.open_block(BlockKind::heading, static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level), 0);
            break;
        case MD_BLOCK_UL: b.list_counters.push_back(0); break;
        case MD_BLOCK_OL:
            b.list_counters.push_back(static_cast<int>(static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start));
            break;
        case MD_BLOCK_LI: {
            int& counter = b.list_counters.empty() ? b.list_counters.emplace_back(0) : b.list_counters.back();
            b.open_block(BlockKind::list_item, static_cast<int>(b.list_counters.size()), counter);
            if (counter > 0) ++counter;
            break;
        }
        case MD_BLOCK_P:
            // A paragraph inside a list item continues that item rather than starting a new block.
            if (!(b.in_block && !b.doc.blocks.empty() && b.doc.blocks.back().kind == BlockKind::list_item &&
                  b.doc.blocks.back().spans.empty()))
                b.open_block(BlockKind::paragraph, 0, 0);
            break;
        case MD_BLOCK_HR: b.open_block(BlockKind::rule, 0, 0); break;
        case MD_BLOCK_CODE: b.open_block(BlockKind::paragraph, 0, 0); break;
        default: break;
    }
    return 0;
}

int leave_block(MD_BLOCKTYPE type, void*, void* user) {
    auto& b = *static_cast<Builder*>(user);
    switch (type) {
        case MD_BLOCK_UL:
        case MD_BLOCK_OL:
            if (!b.list_counters.empty()) b.list_counters.pop_back();
            break;
        case MD_BLOCK_H:
        case MD_BLOCK_P:
        case MD_BLOCK_LI:
        case MD_BLOCK_HR:
        case MD_BLOCK_CODE: b.in_block = false; break;
        default: break;
    }
    return 0;
}

int enter_span(MD_SPANTYPE type, void* detail, void* user) {
    auto& b = *static_cast<Builder*>(user);
    switch (type) {
        case MD_SPAN_STRONG: ++b.strong; break;
        case MD_SPAN_EM: ++b.emphasis; break;
        case MD_SPAN_A: {
            std::string href = attr(static_cast<MD_SPAN_A_DETAIL*>(detail)->href);
            b.link_stack.push_back(href);
            b.doc.links.push_back(href);
            break;
        }
        case MD_SPAN_IMG: {
            std::string src = attr(static_cast<MD_SPAN_IMG_DETAIL*>(detail)->src);
            Block img;
            img.kind = BlockKind::image;
            img.image = src;
            b.doc.blocks.push_back(img);
            b.doc.images.push_back(src);
            b.in_image = true;
            b.in_block = false;
            break;
        }
        default: break;
    }
    return 0;
}

int leave_span(MD_SPANTYPE type, void*, void* user) {
    auto& b = *static_cast<Builder*>(user);
    switch (type) {
        case MD_SPAN_STRONG: --b.strong; break;
        case MD_SPAN_EM: --b.emphasis; break;
        case MD_SPAN_A:
            if (!b.link_stack.empty()) b.link_stack.pop_back();
            break;
        case MD_SPAN_IMG: b.in_image = false; break;
        default: break;
    }
    return 0;
}

int text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* user) {
    auto& b = *static_cast<Builder*>(user);
    switch (type) {
        case MD_TEXT_BR:
        case MD_TEXT_SOFTBR: b.add_text(" ", 1); break;
        case MD_TEXT_NULLCHAR: break;
        case MD_TEXT_ENTITY: {
            std::string e(text, size);
            const char* rep = e == "&amp;" ? "&" : e == "&lt;" ? "<" : e == "&gt;" ? ">" : e == "&quot;" ? "\"" : "";
            if (*rep) b.add_text(rep, std::char_traits<char>::length(rep));
            break;
        }
        default: b.add_text(text, size); break;
    }
    return 0;
}

}  // namespace

Document parse_markdown(const std::string& markdown) {
    Builder b;
    MD_PARSER parser{};
    parser.abi_version = 0;
    parser.flags = MD_FLAG_NOHTML | MD_FLAG_PERMISSIVEAUTOLINKS | MD_FLAG_STRIKETHROUGH;
    parser.enter_block = enter_block;
    parser.leave_block = leave_block;
    parser.enter_span = enter_span;
    parser.leave_span = leave_span;
    parser.text = text;
    if (md_parse(markdown.data(), static_cast<MD_SIZE>(markdown.size()), &parser, &b) != 0) {
        Document fallback;
        Block p;
        Span all;
        all.text = markdown;
        p.spans.push_back(all);
        fallback.blocks.push_back(p);
        return fallback;
    }
    // Drop blocks left empty (e.g. a paragraph that held only an image).
    std::erase_if(b.doc.blocks, [](const Block& blk) {
        return blk.spans.empty() && blk.kind != BlockKind::image && blk.kind != BlockKind::rule;
    });
    return std::move(b.doc);
}

std::string plain_text(const Document& doc) {
    std::string out;
    for (const Block& b : doc.blocks) {
        if (b.kind == BlockKind::image || b.kind == BlockKind::rule) continue;
        for (const Span& s : b.spans) out += s.text;
        out += '\n';
    }
    return out;
}

}  // namespace lantern::content
