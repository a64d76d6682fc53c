// Scripted input for tests and benchmarks: a person's taps, typing, waits and screenshots, one per line.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace lantern::kiosk {

// One line of a script. Lines (# starts a comment):
//   tap "Label"          tap the element with this label (fails if none is on screen)
//   press X Y / release   raw touch at window pixels, for drags and taps that move
//   drag "Label" DX DY   press on the element, move by DX,DY over a few frames, hold still, release:
//                        scrolls by exactly DX,DY, however fast frames are
//   flick "Label" DX DY  the same without holding still: the content glides on after the release
//   type "text"          type characters, as a physical keyboard would
//   key NAME             Enter, Backspace, Escape, Tab
//   wait N               render N frames
//   advance SECONDS      move the kiosk's clock on (idle timeouts) without waiting
//   screenshot FILE      write a PNG of the screen
//   expect "text"        fail unless an element or text with this label is on screen
//   expect_not "text"    fail if it is
//   expect_whole "text"  fail unless words or an element with this text are on screen whole: none of it
//                        scrolled out of sight (a note just shown, an error after Next)
//   expect_label_whole "Label"  fail unless the button's label is written at its full size on one line
//   expect_min_size "Label" PX   fail unless the tappable element is at least PX pixels wide and high
//   expect_all_min_size PX       fail unless every tappable element wholly on screen is (touch targets)
//   expect_text_fits     fail if any words run off the sides of the screen, or out of the button, tile or
//                        card they are written on (a word broken in two counts as running out)
//   expect_apart "text" "Label"  fail if words containing this text overlap the tappable element "Label"
//   expect_no_overlap    fail if any two tappable elements on screen overlap (keys over keys)
struct ScriptStep {
    enum class Kind {
        tap,
        press,
        release,
        drag,
        flick,
        type,
        key,
        wait,
        advance,
        screenshot,
        expect,
        expect_not,
        expect_whole,
        expect_label_whole,
        expect_min_size,
        expect_all_min_size,
        expect_text_fits,
        expect_apart,
        expect_no_overlap
    };
    Kind kind;
    std::string text;
    std::string other;  // expect_apart's second label
    double x = 0, y = 0;
    int line = 0;
};

struct ScriptParseResult {
    std::vector<ScriptStep> steps;
    std::string error;  // "FILE:LINE: what is wrong", empty when the script parsed
};

ScriptParseResult parse_script(const std::string& text, const std::string& file_name);

}  // namespace lantern::kiosk
