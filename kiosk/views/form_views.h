// View models of the form screens: one step, the review, and the reference after submitting.
#pragma once

#include <string>
#include <vector>

#include "kiosk/app/app.h"
#include "kiosk/input/keyboard_model.h"

namespace lantern::kiosk {

struct OptionView {
    std::string id;
    std::string label;
    bool selected = false;
};

struct FieldView {
    std::string id;
    form::FieldType type = form::FieldType::text;
    std::string label;  // with "(optional)" when not required
    std::string help;
    SecretText value;   // typed text: wiped with the view, which is rebuilt on every change
    std::string error;  // shown under the field, in words
    bool focused = false;
    bool multiline = false;
    std::vector<OptionView> options;
    bool typed() const { return form::is_typed(type); }
};

struct KeyView {
    KeyKind kind = KeyKind::insert;
    std::string label;  // the character, or "Space", "Delete", "Done"...
    std::string text;   // what an insert key types
    float width = 1;
    bool active = false;  // shift while shifted
};

struct Helpline {
    std::string name, number;
};

struct FormStepView {
    bool available = false;
    std::string unavailable;  // when the pack's form is missing or bad
    std::string danger;       // "If you or someone else is in danger now, call 999"
    std::string progress;     // "Step 2 of 7"
    std::string title;
    std::vector<FieldView> fields;  // visible fields only
    std::string step_error;
    std::string notice;  // after a refused key press
    bool show_helplines = false;
    std::string helplines_title;
    std::vector<Helpline> helplines;
    std::string back, next;
    std::string tap_to_type;  // shown in an empty text box
    bool keyboard = false;
    std::vector<std::vector<KeyView>> keys;
};

struct ReviewAnswer {
    std::string label;
    SecretText value;  // her answer as she will read it back: wiped with the view
};

struct ReviewStep {
    std::string title;
    std::string change;  // "Change" button label, unique per step ("Change##2")
    std::size_t index = 0;
    std::vector<ReviewAnswer> answers;
};

struct FormReviewView {
    std::string title, intro, danger;
    std::vector<ReviewStep> steps;
    std::string not_sent;  // when sensitive consent was refused: what stays out
    std::string submit, back, submit_error;
};

// After Send: the reference, then what happens next in the way she chose, when (if the pack says), the
// team's contact and how to withdraw, all from the pack; the helplines again if she ticked abuse or danger.
struct FormDoneView {
    std::string title, reference_label, reference;
    std::string keep_reference;  // "Write this down..."
    std::string next_steps;      // the contact route's words
    std::string timescale;       // empty unless the pack gives one
    std::string team_contact, withdraw;
    bool show_helplines = false;
    std::string helplines_title;
    std::vector<Helpline> helplines;
    std::string finish;
};

// The keys of a keyboard layer with their labels in `lang`, for any screen that types.
std::vector<std::vector<KeyView>> keyboard_keys(KeyboardLayer layer, bool multiline, const std::string& lang);

FormStepView build_form_step(const App& app);
FormReviewView build_form_review(const App& app);
FormDoneView build_form_done(const App& app);

// Whether the form's entry point ("Ask for support") shows: adults, with a form in the pack.
bool form_entry_shown(const App& app);

}  // namespace lantern::kiosk
