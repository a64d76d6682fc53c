// What a screen asks the App to do; screens emit these and never change state themselves.
#pragma once

#include <string>
#include <vector>

#include "content/types.h"

namespace lantern::kiosk {

enum class ActionKind {
    start,            // attract -> audience choice
    choose_audience,  // audience
    set_language,     // arg: language code
    open_topic,       // arg: topic id
    open_page,        // arg: page id
    back,
    home,
    quick_exit,
    still_here,       // dismiss the idle countdown
};

struct Action {
    ActionKind kind;
    std::string arg;
    content::Audience audience = content::Audience::adult;
};

using Actions = std::vector<Action>;

}  // namespace lantern::kiosk
