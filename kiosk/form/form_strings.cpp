// The referral form's own words (buttons, errors, helplines, keyboard keys), English and Welsh.
#include <map>
#include <string>

namespace lantern::kiosk {

using FormStringTable = std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>>;

// Looked up by tr() after the main table (strings.cpp).
const FormStringTable& form_string_table() {
    static const FormStringTable t = {
        {"form.entry", {{"en", "Ask for support"}, {"cy", "Gofyn am gymorth"}}},
        {"form.danger",
         {{"en", "If you or someone else is in danger now, call 999."},
          {"cy", "Os ydych chi neu rywun arall mewn perygl nawr, ffoniwch 999."}}},
        {"form.progress", {{"en", "Step {n} of {total}"}, {"cy", "Cam {n} o {total}"}}},
        {"form.next", {{"en", "Next"}, {"cy", "Nesaf"}}},
        {"form.to_review", {{"en", "Check your answers"}, {"cy", "Gwirio eich atebion"}}},
        {"form.optional", {{"en", "(optional)"}, {"cy", "(dewisol)"}}},
        {"form.tap_to_type", {{"en", "Tap here to type"}, {"cy", "Tapiwch yma i deipio"}}},
        {"form.unavailable",
         {{"en", "Sorry, the form is not available right now. Please ask a member of staff."},
          {"cy", "Mae'n ddrwg gennym, nid yw'r ffurflen ar gael ar hyn o bryd. Gofynnwch i aelod o staff."}}},
        {"form.error.required", {{"en", "Please answer this question."}, {"cy", "Atebwch y cwestiwn hwn."}}},
        {"form.error.pick", {{"en", "Please choose at least one."}, {"cy", "Dewiswch o leiaf un."}}},
        {"form.error.option",
         {{"en", "Please choose one of the answers shown."}, {"cy", "Dewiswch un o'r atebion a ddangosir."}}},
        {"form.error.characters",
         {{"en", "Some of these characters cannot be used. Please use letters, numbers and punctuation."},
          {"cy", "Ni ellir defnyddio rhai o'r nodau hyn. Defnyddiwch lythrennau, rhifau ac atalnodi."}}},
        {"form.error.too_long",
         {{"en", "That is as long as this answer can be."}, {"cy", "Dyna mor hir ag y gall yr ateb hwn fod."}}},
        {"form.error.phone",
         {{"en", "Please enter a UK phone number, like 07700 900123."},
          {"cy", "Rhowch rif ffôn yn y DU, fel 07700 900123."}}},
        {"form.error.email",
         {{"en", "Please enter an email address, like name@example.co.uk."},
          {"cy", "Rhowch gyfeiriad e-bost, fel enw@example.co.uk."}}},
        {"form.error.postcode",
         {{"en", "Please enter a UK postcode, like CF10 1AA."}, {"cy", "Rhowch god post yn y DU, fel CF10 1AA."}}},
        {"form.error.date",
         {{"en", "Please enter a date like 31/01/2026."}, {"cy", "Rhowch ddyddiad fel 31/01/2026."}}},
        {"form.error.one_of",
         {{"en", "Please answer one of these questions."}, {"cy", "Atebwch un o'r cwestiynau hyn."}}},
        {"form.error.no_route",
         {{"en", "Please tell us a safe way for the team to reach you. Press Change to go back to it."},
          {"cy", "Dywedwch wrthym am ffordd ddiogel i'r tîm gysylltu â chi. Pwyswch Newid i fynd yn ôl ati."}}},
        {"form.review.title", {{"en", "Check your answers"}, {"cy", "Gwirio eich atebion"}}},
        {"form.review.intro",
         {{"en", "Nothing is sent until you press Send. You can change any answer."},
          {"cy", "Does dim yn cael ei anfon nes i chi bwyso Anfon. Gallwch newid unrhyw ateb."}}},
        {"form.review.empty", {{"en", "Not answered"}, {"cy", "Heb ei ateb"}}},
        {"form.review.not_sent",
         {{"en",
           "You said no to sharing health, abuse, the children's worries and the person in prison. We will not send "
           "those answers."},
          {"cy",
           "Dywedoch chi na i rannu iechyd, cam-drin, pryderon y plant a'r person yn y carchar. Fyddwn ni ddim yn "
           "anfon yr atebion hynny."}}},
        {"form.change", {{"en", "Change"}, {"cy", "Newid"}}},
        {"form.submit", {{"en", "Send"}, {"cy", "Anfon"}}},
        {"form.submit_failed",
         {{"en", "Sorry, your form could not be saved. Your answers are still here. Please ask a member of staff."},
          {"cy",
           "Mae'n ddrwg gennym, nid oedd modd cadw eich ffurflen. Mae eich atebion yma o hyd. Gofynnwch i aelod o "
           "staff."}}},
        {"form.done.title", {{"en", "Thank you. We have your form."}, {"cy", "Diolch. Mae eich ffurflen gyda ni."}}},
        {"form.done.reference", {{"en", "Your reference is:"}, {"cy", "Eich cyfeirnod yw:"}}},
        {"form.done.keep_reference",
         {{"en", "Write this down, or tell it to staff if you need to."},
          {"cy", "Ysgrifennwch hwn, neu dywedwch wrth y staff os oes angen."}}},
        // Only for a pack whose form declares no contact routes: it promises no way and no time.
        {"form.done.next",
         {{"en", "The family support team will read your form."},
          {"cy", "Bydd y tîm cymorth i deuluoedd yn darllen eich ffurflen."}}},
        {"form.done.finish", {{"en", "Finish"}, {"cy", "Gorffen"}}},
        {"osk.delete", {{"en", "Delete"}, {"cy", "Dileu"}}},
        {"osk.shift", {{"en", "Shift"}, {"cy", "Priflythyren"}}},
        {"osk.symbols", {{"en", "123"}}},
        {"osk.letters", {{"en", "ABC"}}},
        {"osk.accents", {{"en", "ŵ ą"}}},
        {"osk.space", {{"en", "Space"}, {"cy", "Bwlch"}}},
        {"osk.newline", {{"en", "New line"}, {"cy", "Llinell newydd"}}},
        {"osk.done", {{"en", "Done"}, {"cy", "Gorffen teipio"}}},
    };
    return t;
}

}  // namespace lantern::kiosk
