// What a screen asks the App to do; screens emit these and never change state themselves.
#pragma once

#include <string>
#include <vector>

#include "content/types.h"

namespace lantern::kiosk {

enum class ActionKind {
    start,            // attract -> audience choice; arg: the language to start in (empty: the kiosk's own)
    choose_audience,  // audience
    set_language,     // arg: language code
    open_topic,       // arg: topic id
    open_page,        // arg: page id
    back,
    home,
    quick_exit,
    still_here,       // dismiss the idle countdown
    open_services,    // "Find local help"; arg: need id or empty for all
    cycle_text_size,  // normal -> larger -> largest -> normal
    toggle_contrast,
    read_aloud,        // start reading the page, or stop if reading
    reading_finished,  // the voice reached the end of the page
    open_form,         // "Ask for support": start or resume the referral form
    form_focus,        // arg: field id; the keyboard types into it
    form_pick,         // arg: field id, arg2: option id (choice, yesno: set; choices: toggle)
    form_key,          // arg: on-screen key kind (insert, backspace, space, newline, done, shift, ...), arg2: text
    form_type,         // arg2: characters from a physical keyboard
    form_next,         // validate this step, then the next step or the review
    form_edit_step,    // arg: step index, from the review
    form_submit,
    form_finish,    // after the reference is shown: end the visit
    leave_confirm,  // "Leave and clear": the form's answers go, then the way out she chose is taken
    leave_stay,     // "Stay on the form": the question goes, nothing else changes
    open_search,    // the search screen, with the keyboard up
    search_focus,   // tap on the search box: show the keyboard again
    search_key,     // arg: on-screen key kind (as form_key), arg2: text
    search_type,    // arg2: characters from a physical keyboard
    staff_open,     // the attract screen's corner held for a few seconds: the PIN pad
    staff_pin_key,  // arg: a digit, "delete" or "ok"
    staff_sync_now,
    staff_retry_kept_aside,  // "Try kept-aside referrals again"
    staff_notice_focus,
    staff_notice_key,   // arg: on-screen key kind (as form_key), arg2: text
    staff_notice_type,  // arg2: characters from a physical keyboard
    staff_post_notice,
    staff_clear_notices,
    staff_look_for_packs,  // look at the USB sticks again
    staff_import_pack,     // arg: the pack's path, as usb_packs() gave it
};

struct Action {
    ActionKind kind;
    std::string arg;
    content::Audience audience = content::Audience::adult;
    std::string arg2;  // a second argument, e.g. the option picked or the text typed
};

using Actions = std::vector<Action>;

}  // namespace lantern::kiosk
