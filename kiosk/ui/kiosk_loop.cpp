// One frame: feed input, draw the screen for the App's state from cached view models, apply actions.
#define GLFW_INCLUDE_NONE
#include "kiosk/ui/kiosk_loop.h"

#include <GL/gl.h>
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "kiosk/parts/kiosk_parts.h"
#include "kiosk/input/script.h"
#include "kiosk/ui/frame_stats.h"
#include "kiosk/ui/screen_table.h"
#include "kiosk/ui/screens.h"
#include "kiosk/ui/script_player.h"
#include "kiosk/ui/textures.h"
#include "kiosk/ui/x11_pointer.h"
#include "kiosk/views/view_inputs.h"
#include "kiosk/views/view_models.h"
#include "sync/service_notify.h"

namespace lantern::kiosk::ui {
namespace {

// Views are rebuilt only when their inputs change (view_inputs.h), never every frame: the chrome and the
// leave question always, and the screen showing (its slot in the screen table); every other screen's view is
// emptied then (kept_views.h), so none holds what a visitor typed after she has left it.
struct Views {
    ViewInputs inputs;
    ChromeView chrome;
    LeaveView leave;
    std::map<Screen, ScreenSlot> screens = make_screen_table();

    void rebuild(const App& app, const ViewInputs& in, double now) {
        inputs = in;
        chrome = build_chrome(app, in.voice);
        leave = build_leave(app);
        rebuild_showing(screens, app, now);
    }
};

// Test hook for the systemd watchdog: once the file LANTERN_TEST_HANG_FILE names exists, the frame loop stops
// for good, as a deadlocked kiosk's would, so a test can see the pets stop.
bool told_to_hang(const char* hang_file) {
    std::error_code ec;
    return hang_file && std::filesystem::exists(hang_file, ec);
}

bool any_input(const ImGuiIO& io, ImVec2 last_mouse) {
    if (io.MouseDown[0] || io.MouseWheel != 0 || io.InputQueueCharacters.Size > 0) return true;
    if (io.MousePos.x != last_mouse.x || io.MousePos.y != last_mouse.y) return io.MousePos.x > -FLT_MAX / 2;
    for (bool k : io.KeysDown)
        if (k) return true;
    return false;
}

}  // namespace

int run_kiosk(const RunOptions& options) {
    ScriptParseResult script;
    if (!options.script.empty()) {
        std::ifstream in(options.script);
        if (!in) {
            std::cerr << "lantern-kiosk: cannot read script " << options.script << "\n";
            return 2;
        }
        std::stringstream ss;
        ss << in.rdbuf();
        script = parse_script(ss.str(), options.script);
        if (!script.error.empty()) {
            std::cerr << "lantern-kiosk: " << script.error << "\n";
            return 2;
        }
    }

    Window window(options.window);
    // Every long-lived part is built and owned by the composition root (kiosk_parts.h); this loop only runs
    // frames. `parts` outlives everything below that uses it, and stops its threads before it goes.
    KioskParts parts({options.config, options.pack_path, options.lang, options.idle, options.discard_referrals,
                      [] { glfwPostEmptyEvent(); }, glfwGetTime()});
    App& app = parts.app();
    TextureCache textures;
    textures.set_pack(parts.pack());

    Ui ui;
    ui.texture = [&textures](const std::string& name) { return textures.get(name); };
    float font_scale = 0;
    bool first_fonts = true;
    auto ensure_fonts = [&](float scale) {
        if (scale == font_scale) return;
        font_scale = scale;
        ui.fonts = load_fonts(scale);
        // The first time, all device objects: the backend has no shader yet, and its NewFrame() would then
        // create the font texture a second time (a second 8 MiB atlas, the first one leaked in the GL driver;
        // heaptrack, bench/RESULTS.md). Later (text size, a child's larger type) only the font texture:
        // recreating the device objects between frames leaves every later frame blank.
        if (first_fonts) {
            ImGui_ImplOpenGL3_CreateDeviceObjects();
            first_fonts = false;
        } else {
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
        }
        // The atlas now lives in a GL texture; the CPU copies (an alpha and an RGBA image of the whole atlas)
        // are never read again. TexReady stays set, so ImGui still counts the atlas as built.
        ImGui::GetIO().Fonts->ClearTexData();
        ImGuiStyle& style = ImGui::GetStyle();
        style = ImGuiStyle();
        style.WindowPadding = ImVec2(0, 0);
        style.WindowBorderSize = 0;  // the kiosk window is the whole screen: no frame line round its edge
        style.ItemSpacing = ImVec2(0, 0);
        style.ScrollbarSize = 28;
        style.ScrollbarRounding = 14;
        style.ScaleAllSizes(scale);  // once, on a fresh style: never compounded
    };

    std::optional<ScriptPlayer> player;
    if (!options.script.empty()) player.emplace(script.steps);
    std::unique_ptr<X11Pointer> real_pointer;
    if (player && options.real_input) {
        std::string error;
        real_pointer = X11Pointer::open(window.handle(), error);
        if (!real_pointer) {
            std::cerr << "lantern-kiosk: " << error << "\n";
            return 2;
        }
        X11Pointer* p = real_pointer.get();
        player->use_real_pointer({[p](float x, float y) { p->move_to(x, y); }, [p](bool down) { p->button(down); }});
    }
    double clock_offset = 0;
    auto now = [&] { return glfwGetTime() + clock_offset; };

    if (options.audience) {
        Actions start{Start{}, ChooseAudience{*options.audience}};
        if (!options.open_page.empty()) start.push_back(OpenPage{options.open_page});
        app.apply(start, now());
    }

    Views views;
    std::string printed_reference;
    TouchScroll scroll;
    FormUiState form_state;
    StaffHold staff_hold;
    int scroll_revision = -1;
    int arrivals = -1;
    int frames_to_draw = 3;
    bool animating = false;
    // --screenshot: ImGui sizes scroll regions from the previous frame's content, so the second frame is the
    // first that is settled (textures load during the first). Two, not four: identical pixels on the
    // attract, topics and page screens, and each extra 1080p frame costs about 6 ms under llvmpipe.
    int screenshot_frames = 2;
    ImVec2 last_mouse(-FLT_MAX, -FLT_MAX);
    int exit_code = 0;
    FrameStats frame_stats(options.frame_stats);
    // systemd (Type=notify, WatchdogSec=): READY=1 after the first frame is shown, then WATCHDOG=1 from this
    // loop, so a hung frame loop gets the kiosk killed and restarted.
    sync::ServiceNotifier notifier;
    const char* hang_file = std::getenv("LANTERN_TEST_HANG_FILE");

    while (!window.should_close()) {
        // Sleep until something happens, unless a script runs, something moves, or a timer is due. With a
        // watchdog, wake in time to pet it even when nothing happens.
        if (player || !options.screenshot.empty() || frames_to_draw > 0 || animating) {
            glfwPollEvents();
        } else {
            auto timer = app.seconds_until_next_timer(now());
            if (notifier.watchdog()) timer = std::min(timer.value_or(notifier.pet_interval()), notifier.pet_interval());
            if (timer) glfwWaitEventsTimeout(std::max(0.01, *timer));
            else glfwWaitEvents();
            frames_to_draw = 3;  // ImGui needs a couple of frames to settle hover and release
        }
        while (told_to_hang(hang_file)) std::this_thread::sleep_for(std::chrono::hours(1));
        if (frames_to_draw > 0) --frames_to_draw;
        frame_stats.begin_frame();

        int w = 0, h = 0;
        glfwGetFramebufferSize(window.handle(), &w, &h);
        float text_scale = options.text_scale * k_text_scales[app.visit().text_size];
        if (app.screen() != Screen::attract) text_scale *= audience_text_scale(app.visit().audience);
        // Sizes follow the short side, so a portrait screen gets the same type as its landscape twin.
        float layout_scale = static_cast<float>(std::min(w, h)) / 1080.0f;
        ensure_fonts(std::max(0.25f, layout_scale * text_scale));

        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGuiIO& io = ImGui::GetIO();
        if (player) player->feed_input(io, ui.hits, clock_offset);
        double t = now();
        if (any_input(io, last_mouse)) {
            app.note_activity(t);
            frames_to_draw = std::max(frames_to_draw, 3);
        }
        last_mouse = io.MousePos;
        app.tick(t);
        // Between visitors only: a pack that arrived meanwhile becomes the one on screen.
        if (parts.switch_to_pending_pack()) textures.set_pack(parts.pack());
        if (parts.speaker().poll_finished()) app.apply({ReadingFinished{}}, t);
        if (ViewInputs in = view_inputs(app, t); in != views.inputs) {
            const std::string& reference = app.visit().form.reference;
            if (options.print_references && app.screen() == Screen::form_done && reference != printed_reference) {
                printed_reference = reference;
                std::cout << "reference shown: " << reference << std::endl;
            }
            views.rebuild(app, in, t);
        }
        bool high_contrast = options.high_contrast || app.visit().high_contrast;
        ui.theme = make_theme(app.screen() == Screen::attract ? content::Audience::adult : app.visit().audience,
                              layout_scale, high_contrast, text_scale);

        ImGui::NewFrame();
        ui.hits.begin_frame();
        if (arrivals != app.arrivals()) {
            arrivals = app.arrivals();
            scroll_all_to_top();
            form_state = FormUiState{};
        }
        Actions actions;
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::Begin("kiosk", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoBackground);
        // No full-screen background quad: the clear below paints it. Drawn as a textured, blended quad it
        // was most of every frame under software GL (llvmpipe shades every one of the 2 million pixels).
        Area area = draw_chrome(ui, views.chrome, actions);
        if (scroll_revision != app.revision()) {
            scroll = TouchScroll{};
            scroll_revision = app.revision();
        }
        Frame frame{ui, area, scroll, form_state, staff_hold, t, actions};
        animating = views.screens.at(app.screen()).draw(frame);
        ImGui::End();
        draw_leave(ui, views.leave, area, actions);
        IdleView idle = build_idle(app, t);
        draw_idle(ui, idle, actions);
        if (idle.showing) {
            // The countdown overlay takes every touch: nothing under it may be tapped by accident.
            std::erase_if(actions, [](const Action& a) { return !is<StillHere>(a); });
        }
        ImGui::Render();

        glViewport(0, 0, w, h);
        ImVec4 bg = ImGui::ColorConvertU32ToFloat4(ui.theme.palette.background);
        glClearColor(bg.x, bg.y, bg.z, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        frame_stats.end_frame();

        auto shoot = [&](const std::string& path, std::string& error) { return window.write_png(path, error); };
        if (player) {
            player->after_render(ui.hits, shoot);
            if (player->finished()) {
                if (player->failed()) {
                    std::cerr << "lantern-kiosk: " << player->error() << "\n";
                    exit_code = 1;
                }
                if (!options.screenshot.empty()) {
                    std::string error;
                    if (!shoot(options.screenshot, error))
                        std::cerr << "lantern-kiosk: " << error << "\n", exit_code = 1;
                }
                break;
            }
        } else if (!options.screenshot.empty() && --screenshot_frames <= 0) {
            std::string error;
            if (!shoot(options.screenshot, error)) {
                std::cerr << "lantern-kiosk: " << error << "\n";
                exit_code = 1;
            }
            break;
        }
        glfwSwapBuffers(window.handle());
        notifier.ready();
        notifier.pet();
        if (!actions.empty()) {
            app.apply(actions, t);
            frames_to_draw = std::max(frames_to_draw, 3);
        }
    }
    return exit_code;
}

}  // namespace lantern::kiosk::ui
