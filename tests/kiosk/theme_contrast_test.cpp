// Colour contrast of every palette, by the WCAG formula: the high-contrast theme keeps 7:1 (AAA) for all
// text, the others at least 4.5:1 (AA).
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "kiosk/ui/theme.h"

using namespace lantern::kiosk::ui;
using lantern::content::Audience;

namespace {

double channel(unsigned v) {
    double c = v / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(ImU32 c) {
    return 0.2126 * channel((c >> IM_COL32_R_SHIFT) & 0xFF) + 0.7152 * channel((c >> IM_COL32_G_SHIFT) & 0xFF) +
           0.0722 * channel((c >> IM_COL32_B_SHIFT) & 0xFF);
}

double contrast(ImU32 a, ImU32 b) {
    double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

struct Pair {
    const char* what;
    ImU32 text, ground;
};

std::vector<Pair> text_pairs(const Palette& p) {
    std::vector<Pair> pairs = {
        {"text on background", p.text, p.background},
        {"text on surface", p.text, p.surface},
        {"muted text on background", p.muted_text, p.background},
        {"button text", p.button_text, p.button},
        {"pressed button text", p.button_text, p.button_pressed},
        {"accent text", p.accent_text, p.accent},
        {"quick exit", p.danger_text, p.danger},
        {"notice", p.notice_text, p.notice},
        {"link on background", p.link, p.background},
        {"outline button label", p.accent, p.surface},
        {"error text on background", p.danger, p.background},
        {"error text on surface", p.danger, p.surface},
    };
    for (ImU32 tile : p.tiles) pairs.push_back({"text on a topic tile", p.text, tile});
    return pairs;
}

}  // namespace

TEST_CASE("the formula gives 21:1 for black on white and 1:1 for a colour on itself") {
    CHECK(contrast(IM_COL32(0, 0, 0, 255), IM_COL32(255, 255, 255, 255)) == doctest::Approx(21.0));
    CHECK(contrast(IM_COL32(0x1D, 0x4E, 0x89, 255), IM_COL32(0x1D, 0x4E, 0x89, 255)) == doctest::Approx(1.0));
}

TEST_CASE("errors stand out from ordinary text and from buttons in every theme") {
    for (bool high : {false, true}) {
        Palette p = make_theme(Audience::adult, 1.0f, high).palette;
        CAPTURE(high);
        CHECK(p.danger != p.text);
        CHECK(p.danger != p.muted_text);
        CHECK(p.danger != p.button);
    }
}

TEST_CASE("high contrast keeps every text at 7:1 or more, for every audience") {
    for (Audience a : {Audience::adult, Audience::teen, Audience::child, Audience::little})
        for (const Pair& pair : text_pairs(make_theme(a, 1.0f, true).palette)) {
            CAPTURE(pair.what);
            CHECK(contrast(pair.text, pair.ground) >= 7.0);
        }
}

TEST_CASE("the everyday palettes keep every text at 4.5:1 or more") {
    for (Audience a : {Audience::adult, Audience::teen, Audience::child, Audience::little})
        for (const Pair& pair : text_pairs(make_theme(a, 1.0f, false).palette)) {
            CAPTURE(lantern::content::to_string(a));
            CAPTURE(pair.what);
            CHECK(contrast(pair.text, pair.ground) >= 4.5);
        }
}
