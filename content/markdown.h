// Markdown to the small document model the kiosk lays out: headings, paragraphs, lists, images, links.
#pragma once

#include <string>
#include <vector>

namespace lantern::content {

struct Span {
    std::string text;
    bool strong = false;
    bool emphasis = false;
    std::string link;  // "page:<id>", "tel:<number>", or an outside address; empty when not a link
};

enum class BlockKind { heading, paragraph, list_item, image, rule };

struct Block {
    BlockKind kind = BlockKind::paragraph;
    int level = 0;   // heading level 1-6, or list nesting depth starting at 1
    int number = 0;  // position in an ordered list (1, 2, ...); 0 for bullets
    std::vector<Span> spans;
    std::string image;  // image name for BlockKind::image
    std::string alt;    // alt text for BlockKind::image
};

struct Document {
    std::vector<Block> blocks;
    std::vector<std::string> links;   // every link target, in order, for the linter
    std::vector<std::string> images;  // every image name, in order, for the linter
};

// Never fails: text md4c cannot parse becomes plain paragraphs.
Document parse_markdown(const std::string& markdown);

// The document's words as plain text (for search and read-aloud), blocks separated by newlines.
std::string plain_text(const Document& doc);

}  // namespace lantern::content
