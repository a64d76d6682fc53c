// Names of the audiences as they appear in sources, packs and config.
#include "content/types.h"

namespace lantern::content {

const char* to_string(Audience a) {
    switch (a) {
        case Audience::little: return "little";
        case Audience::child: return "child";
        case Audience::teen: return "teen";
        case Audience::adult: return "adult";
    }
    return "adult";
}

std::optional<Audience> audience_from_string(const std::string& s) {
    for (Audience a : k_all_audiences)
        if (s == to_string(a)) return a;
    return std::nullopt;
}

}  // namespace lantern::content
