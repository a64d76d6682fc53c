// What a screen asks the App to do: one small typed struct per request. Screens emit these and never change
// state themselves; the App takes each with std::visit (app.cpp).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "content/types.h"
#include "kiosk/input/keyboard_model.h"

namespace lantern::kiosk {

// Attract -> audience choice, in `lang` (empty: the kiosk's own); "Croeso" starts the visit in Welsh.
struct Start {
    std::string lang;
};
struct ChooseAudience {
    content::Audience audience;
};
struct SetLanguage {
    std::string lang;
};
struct OpenTopic {
    std::string id;
};
struct OpenPage {
    std::string id;
};
struct Back {};
struct Home {};
struct QuickExit {};
struct StillHere {};  // dismisses the idle countdown
// "Find local help"; on the services screen, the need to filter by (empty: all).
struct OpenServices {
    std::string need;
};
struct CycleTextSize {};  // normal -> larger -> largest -> normal
struct ToggleContrast {};
// Start reading the page, or stop if reading. The page's words come from its view model (build_read_aloud):
// the App speaks what the screen shows and never builds a view itself.
struct ReadAloud {
    std::string text;
    std::string lang;
};
struct ReadingFinished {};  // the voice reached the end of the page

// The staff screen's Welsh notice box, as Focus names it.
inline constexpr const char* k_staff_notice_cy = "notice_cy";

// Typing, wherever it happens (a form field, the search box, the staff notice): Focus puts the keyboard on a
// box, Key is one on-screen key, Type is a physical keyboard's characters. Each goes to the box that has focus.
struct Focus {
    std::string field;  // the form's field id; the search box takes any; on the staff screen "notice_cy" is the
                        // Welsh box, anything else the English one
};
struct Key {
    KeyKind kind = KeyKind::insert;
    std::string text;  // what an insert key types (one character, or ".co.uk")
};
struct Type {
    std::string text;
};

struct OpenForm {};  // "Ask for support": always a blank form
struct FormPick {    // choice, yesno: set; choices: toggle
    std::string field, option;
};
struct FormNext {};  // check this step, then the next step or the review
struct FormEditStep {
    std::size_t index = 0;  // from the review
};
struct FormSubmit {};
struct FormFinish {};    // after the reference is shown: end the visit
struct LeaveConfirm {};  // "Leave and clear": the answers go, then the way out she chose is taken
struct LeaveStay {};     // "Stay on the form": the question goes, nothing else changes

struct OpenSearch {};  // the search screen, with the keyboard up

// The centre's own family services (adults only), and "I'm interested" in one: a first name, a way to reach
// her (a phone number, or she asks at the desk), Send, then the reference.
struct OpenFamilyServices {};
struct InterestOpen {
    std::string service;  // the family service's id in the pack
};
struct InterestContactPick {
    bool desk = false;  // "I'll ask at the desk"; false: "Phone me"
};
struct InterestSend {};
struct InterestFinish {};  // after the reference is shown: end the visit

struct StaffOpen {};  // the attract screen's corner held for a few seconds: the PIN pad
struct PinKey {
    enum class Kind { digit, erase, ok };
    Kind kind = Kind::digit;
    char digit = '0';  // '0'..'9' for a digit
};
struct StaffSyncNow {};
struct StaffRetryKeptAside {};  // "Try kept-aside referrals again"
struct StaffPostNotice {};
struct StaffClearNotices {};
struct StaffNoticeAudience {
    bool adults_only = false;  // the notice being written: for adults only, or for everyone
};
struct StaffLookForPacks {};  // look at the USB sticks again
struct StaffImportPack {
    std::string path;  // as usb_packs() gave it
};
struct StaffOpenSettings {};  // the kiosk settings screen
struct StaffStepSetting {
    enum class Which { idle_seconds, countdown_seconds, read_aloud_volume };
    Which which = Which::idle_seconds;
    int direction = 1;  // 1: "+", -1: "-"
};
struct StaffToggleLanguage {
    std::string lang;  // offered to visitors, or no longer
};

using Action =
    std::variant<Start, ChooseAudience, SetLanguage, OpenTopic, OpenPage, Back, Home, QuickExit, StillHere,
                 OpenServices, CycleTextSize, ToggleContrast, ReadAloud, ReadingFinished, Focus, Key, Type, OpenForm,
                 FormPick, FormNext, FormEditStep, FormSubmit, FormFinish, LeaveConfirm, LeaveStay, OpenSearch,
                 OpenFamilyServices, InterestOpen, InterestContactPick, InterestSend, InterestFinish, StaffOpen, PinKey,
                 StaffSyncNow, StaffRetryKeptAside, StaffPostNotice, StaffClearNotices, StaffNoticeAudience,
                 StaffLookForPacks, StaffImportPack, StaffOpenSettings, StaffStepSetting, StaffToggleLanguage>;

using Actions = std::vector<Action>;

template <class T>
bool is(const Action& a) {
    return std::holds_alternative<T>(a);
}

}  // namespace lantern::kiosk
