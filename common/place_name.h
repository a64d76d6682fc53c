// How the name of a place (a visitor centre, an area) is compared wherever one is matched: a family service's
// centres, the directory's areas and a hub notice's centres all match kiosk.toml's the same way.
#pragma once

#include <string>
#include <string_view>

namespace lantern {

// Lower-cased (ASCII) with runs of white space made one space and the ends trimmed.
inline std::string place_key(std::string_view name) {
    std::string out;
    bool space = false;
    for (unsigned char c : name) {
        if (c == ' ' || (c >= '\t' && c <= '\r')) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    return out;
}

}  // namespace lantern
