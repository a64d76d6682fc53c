// The kiosk's frame loop: input, the App, view models, screens, and sleeping when nothing changes.
#pragma once

#include <optional>
#include <string>

#include "content/types.h"
#include "kiosk/app/app.h"
#include "kiosk/parts/config.h"
#include "kiosk/ui/window.h"

namespace lantern::kiosk::ui {

struct RunOptions {
    WindowOptions window;
    std::string pack_path;
    std::string lang = "en";
    std::optional<content::Audience> audience;  // start past the attract screen, as this audience
    std::string open_page;                      // and on this page
    std::string screenshot;                     // render, write this PNG, exit
    std::string script;                         // play this script, then exit
    std::string frame_stats;                    // write each frame's time in ms to this file (bench)
    bool print_references = false;              // print each reference shown to a visitor (crash tests)
    IdleSettings idle;
    float text_scale = 1.0f;
    bool high_contrast = false;
    // Accept referrals and show a reference without keeping them: demos and UI tests with no outbox.
    bool discard_referrals = false;
    bool real_input = false;  // --script taps through the X server (XTest), not by writing ImGuiIO
    KioskConfig config;       // hub, paths and centre, from --config
};

// Returns the process exit code: 0, or 1 when a script failed or a screenshot could not be written.
int run_kiosk(const RunOptions& options);

}  // namespace lantern::kiosk::ui
