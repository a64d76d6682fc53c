// The form part of a visitor's Visit: draft answers, where they are, and the keyboard's layer.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>

#include "kiosk/form/form_answers.h"
#include "kiosk/input/keyboard_model.h"

namespace lantern::kiosk {

struct FormSession {
    form::Draft draft;
    std::size_t step = 0;
    std::string focus;  // id of the field the keyboard types into; empty: keyboard hidden
    KeyboardLayer layer = KeyboardLayer::letters;
    std::map<std::string, std::string> errors;  // field id -> strings key, shown after Next
    std::string notice;                         // strings key after a refused key press
    bool return_to_review = false;              // editing from the review screen: Next goes back there
    std::string reference;                      // after a successful submit
    // Kept from the draft at submit for the done screen, which the draft (wiped) can no longer tell:
    // which contact route holds (an index into the form's routes) and whether the helplines were showing.
    std::optional<std::size_t> done_route;
    bool done_helplines = false;
    std::string submit_error;  // strings key when the referral could not be saved
};

}  // namespace lantern::kiosk
