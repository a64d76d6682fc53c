// Parses the --script language into steps; the player in ui/script_player.cpp performs them.
#include "kiosk/input/script.h"

#include <sstream>

namespace lantern::kiosk {
namespace {

// Reads a double-quoted argument with \" and \\ escapes; returns false if malformed.
bool read_quoted(std::istringstream& in, std::string& out) {
    in >> std::ws;
    if (in.get() != '"') return false;
    out.clear();
    for (int c = in.get(); c != EOF; c = in.get()) {
        if (c == '\\') {
            int n = in.get();
            if (n == EOF) return false;
            out.push_back(n == 'n' ? '\n' : static_cast<char>(n));
        } else if (c == '"') {
            return true;
        } else {
            out.push_back(static_cast<char>(c));
        }
    }
    return false;
}

}  // namespace

ScriptParseResult parse_script(const std::string& text, const std::string& file_name) {
    ScriptParseResult result;
    std::istringstream lines(text);
    std::string line;
    int number = 0;
    auto fail = [&](const std::string& msg) {
        result.error = file_name + ":" + std::to_string(number) + ": " + msg;
        result.steps.clear();
        return result;
    };
    while (std::getline(lines, line)) {
        ++number;
        std::istringstream in(line);
        std::string word;
        if (!(in >> word) || word[0] == '#') continue;
        ScriptStep step{};
        step.line = number;
        using K = ScriptStep::Kind;
        if (word == "tap" || word == "type" || word == "expect" || word == "expect_not" || word == "drag" ||
            word == "flick" || word == "expect_whole" || word == "expect_label_whole") {
            step.kind = word == "tap"                  ? K::tap
                        : word == "type"               ? K::type
                        : word == "expect"             ? K::expect
                        : word == "drag"               ? K::drag
                        : word == "flick"              ? K::flick
                        : word == "expect_whole"       ? K::expect_whole
                        : word == "expect_label_whole" ? K::expect_label_whole
                                                       : K::expect_not;
            if (!read_quoted(in, step.text)) return fail(word + " needs a \"quoted\" argument");
            if ((step.kind == K::drag || step.kind == K::flick) && !(in >> step.x >> step.y))
                return fail(word + " needs \"Label\" DX DY");
        } else if (word == "expect_min_size") {
            step.kind = K::expect_min_size;
            if (!read_quoted(in, step.text) || !(in >> step.x) || step.x <= 0)
                return fail("expect_min_size needs \"Label\" PIXELS");
        } else if (word == "expect_all_min_size") {
            step.kind = K::expect_all_min_size;
            if (!(in >> step.x) || step.x <= 0) return fail("expect_all_min_size needs PIXELS");
        } else if (word == "expect_apart") {
            step.kind = K::expect_apart;
            if (!read_quoted(in, step.text) || !read_quoted(in, step.other))
                return fail("expect_apart needs \"text\" \"Label\"");
        } else if (word == "expect_text_fits") {
            step.kind = K::expect_text_fits;
        } else if (word == "expect_no_overlap") {
            step.kind = K::expect_no_overlap;
        } else if (word == "press") {
            step.kind = K::press;
            if (!(in >> step.x >> step.y)) return fail("press needs X Y");
        } else if (word == "release") {
            step.kind = K::release;
        } else if (word == "key") {
            step.kind = K::key;
            if (!(in >> step.text)) return fail("key needs a name (Enter, Backspace, Escape, Tab)");
        } else if (word == "wait" || word == "advance") {
            step.kind = word == "wait" ? K::wait : K::advance;
            if (!(in >> step.x) || step.x < 0) return fail(word + " needs a number");
        } else if (word == "screenshot") {
            step.kind = K::screenshot;
            if (!(in >> step.text)) return fail("screenshot needs a file name");
        } else {
            return fail("unknown command \"" + word + "\"");
        }
        result.steps.push_back(std::move(step));
    }
    return result;
}

}  // namespace lantern::kiosk
