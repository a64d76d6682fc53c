// Markdown becomes the block model the kiosk lays out.
#include <doctest/doctest.h>

#include "content/markdown.h"

using namespace lantern::content;

TEST_CASE("headings, paragraphs, lists, emphasis and links become blocks and spans") {
    Document d = parse_markdown(
        "## Before you go\n\nBook **early** and *calmly*. See [costs](page:travel-costs).\n\n"
        "- one\n- two\n\n1. first\n2. second\n\n![A bus](bus.png)\n");
    REQUIRE(d.blocks.size() == 7);
    CHECK(d.blocks[0].kind == BlockKind::heading);
    CHECK(d.blocks[0].level == 2);
    CHECK(d.blocks[0].spans.at(0).text == "Before you go");
    const Block& p = d.blocks[1];
    CHECK(p.kind == BlockKind::paragraph);
    bool saw_strong = false, saw_em = false, saw_link = false;
    for (const Span& s : p.spans) {
        saw_strong |= s.strong && s.text == "early";
        saw_em |= s.emphasis && s.text == "calmly";
        saw_link |= s.link == "page:travel-costs" && s.text == "costs";
    }
    CHECK(saw_strong);
    CHECK(saw_em);
    CHECK(saw_link);
    CHECK(d.blocks[2].kind == BlockKind::list_item);
    CHECK(d.blocks[2].number == 0);
    CHECK(d.blocks[4].number == 1);
    CHECK(d.blocks[5].number == 2);
    CHECK(d.blocks[6].kind == BlockKind::image);
    CHECK(d.blocks[6].image == "bus.png");
    CHECK(d.blocks[6].alt == "A bus");
    CHECK(d.links == std::vector<std::string>{"page:travel-costs"});
    CHECK(d.images == std::vector<std::string>{"bus.png"});
}

TEST_CASE("plain text keeps the words and drops the markup") {
    CHECK(plain_text(parse_markdown("# Hi\n\nA **b** c")) == "Hi\nA b c\n");
}
