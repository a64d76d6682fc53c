// The visitor's draft answers to the referral form, and the form's rules read against them.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "content/form_model.h"
#include "kiosk/input/secret_text.h"

namespace lantern::kiosk::form {

// The form itself is content's one model (content/form_model.h), which the pack builder reads too: its
// types are this namespace's, so kiosk code names them form::Form, form::FieldType and so on.
using namespace content::form;

// One answer: text fields, choice and yesno use `text` (an option id for choices); choices use `picks`.
// What she typed is a SecretText: it wipes itself, and growing never leaves a copy behind.
struct Answer {
    SecretText text;
    std::vector<std::string> picks;
    bool empty() const;
};

// The visitor's answers. Everything is overwritten with zeros before it is freed, so answers do not
// linger in freed memory after quick exit, idle wipe or submission.
class Draft {
   public:
    Draft() = default;
    Draft(const Draft&) = delete;
    Draft& operator=(const Draft&) = delete;
    Draft(Draft&& o) noexcept;
    Draft& operator=(Draft&& o) noexcept;
    ~Draft();

    const Answer* find(std::string_view field) const;
    Answer& at(const std::string& field) { return answers_[field]; }
    const std::map<std::string, Answer, std::less<>>& answers() const { return answers_; }
    void wipe();

   private:
    std::map<std::string, Answer, std::less<>> answers_;
};

// Overwrites the string's bytes (its whole capacity) with zeros and empties it.
void wipe_string(std::string& s);

bool condition_true(const Form& form, const Condition& c, const Draft& d);
bool is_visible(const Form& form, const Field& f, const Draft& d);
// True when any safeguarding trigger is answered: the helplines show at once.
bool shows_helplines(const Form& form, const Draft& d);
// The first contact route that holds, or nullptr.
const ContactRoute* contact_route(const Form& form, const Draft& d);

}  // namespace lantern::kiosk::form
