// One frame: feed input, draw the screen for the App's state from cached view models, apply actions.
#define GLFW_INCLUDE_NONE
#include "kiosk/ui/kiosk_loop.h"

#include <GL/gl.h>
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "kiosk/script.h"
#include "kiosk/ui/frame_stats.h"
#include "kiosk/ui/screens.h"
#include "kiosk/ui/script_player.h"
#include "kiosk/ui/textures.h"
#include "kiosk/view_models.h"

namespace lantern::kiosk::ui {
namespace {

// Views are rebuilt only when the App's revision changes, never every frame.
struct Views {
    int revision = -1;
    ChromeView chrome;
    AttractView attract;
    AudienceView audience;
    TopicsView topics;
    PageListView page_list;
    PageView page;
    ServicesView services;

    void rebuild(const App& app) {
        revision = app.revision();
        chrome = build_chrome(app);
        switch (app.screen()) {
            case Screen::attract: attract = build_attract(app); break;
            case Screen::audience: audience = build_audience(app); break;
            case Screen::topics: topics = build_topics(app); break;
            case Screen::topic_pages: page_list = build_page_list(app); break;
            case Screen::page: page = build_page(app); break;
            case Screen::services: services = build_services(app); break;
        }
    }
};

std::shared_ptr<const content::PackReader> open_pack(const std::string& path) {
    if (path.empty()) return nullptr;
    try {
        return std::make_shared<content::PackReader>(path);
    } catch (const std::exception& e) {
        // The kiosk still runs and says information is unavailable; staff see why in the log.
        std::cerr << "lantern-kiosk: " << e.what() << "\n";
        return nullptr;
    }
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
    auto pack = open_pack(options.pack_path);
    App app(pack, options.lang, options.idle);
    TextureCache textures;
    textures.set_pack(pack);

    Ui ui;
    ui.texture = [&textures](const std::string& name) { return textures.get(name); };
    float font_scale = 0;
    auto ensure_fonts = [&](float scale) {
        if (scale == font_scale) return;
        font_scale = scale;
        ui.fonts = load_fonts(scale);
        // All device objects, not only the font texture: on the first frame the backend has no shader yet,
        // and its NewFrame() would then create the font texture a second time (a second 8 MiB atlas, the
        // first one leaked in the GL driver; heaptrack, bench/RESULTS.md).
        ImGui_ImplOpenGL3_DestroyDeviceObjects();
        ImGui_ImplOpenGL3_CreateDeviceObjects();
        // The atlas now lives in a GL texture; the CPU copies (an alpha and an RGBA image of the whole atlas)
        // are never read again. TexReady stays set, so ImGui still counts the atlas as built.
        ImGui::GetIO().Fonts->ClearTexData();
        ImGuiStyle& style = ImGui::GetStyle();
        style = ImGuiStyle();
        style.WindowPadding = ImVec2(0, 0);
        style.ItemSpacing = ImVec2(0, 0);
        style.ScrollbarSize = 28;
        style.ScrollbarRounding = 14;
        style.ScaleAllSizes(scale);  // once, on a fresh style: never compounded
    };

    std::optional<ScriptPlayer> player;
    if (!options.script.empty()) player.emplace(script.steps);
    double clock_offset = 0;
    auto now = [&] { return glfwGetTime() + clock_offset; };

    if (options.audience) {
        Actions start{{ActionKind::start}, {ActionKind::choose_audience, "", *options.audience}};
        if (!options.open_page.empty()) start.push_back({ActionKind::open_page, options.open_page});
        app.apply(start, now());
    }

    Views views;
    TouchScroll scroll;
    int scroll_revision = -1;
    int frames_to_draw = 3;
    bool animating = false;
    // --screenshot: ImGui sizes scroll regions from the previous frame's content, so the second frame is the
    // first that is settled (textures load during the first). Two, not four: identical pixels on the
    // attract, topics and page screens, and each extra 1080p frame costs about 6 ms under llvmpipe.
    int screenshot_frames = 2;
    ImVec2 last_mouse(-FLT_MAX, -FLT_MAX);
    int exit_code = 0;
    FrameStats frame_stats(options.frame_stats);

    while (!window.should_close()) {
        // Sleep until something happens, unless a script runs, something moves, or a timer is due.
        if (player || !options.screenshot.empty() || frames_to_draw > 0 || animating) {
            glfwPollEvents();
        } else {
            auto timer = app.seconds_until_next_timer(now());
            if (timer) glfwWaitEventsTimeout(std::max(0.01, *timer));
            else glfwWaitEvents();
            frames_to_draw = 3;  // ImGui needs a couple of frames to settle hover and release
        }
        if (frames_to_draw > 0) --frames_to_draw;
        frame_stats.begin_frame();

        int w = 0, h = 0;
        glfwGetFramebufferSize(window.handle(), &w, &h);
        float text_scale = options.text_scale * k_text_scales[app.session().text_size];
        ensure_fonts(std::max(0.25f, static_cast<float>(h) / 1080.0f * text_scale));

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
        if (views.revision != app.revision()) views.rebuild(app);
        bool high_contrast = options.high_contrast || app.session().high_contrast;
        float layout_scale = static_cast<float>(h) / 1080.0f;
        ui.theme = make_theme(app.screen() == Screen::attract ? content::Audience::adult : app.session().audience,
                              layout_scale, high_contrast);

        ImGui::NewFrame();
        ui.hits.begin_frame();
        Actions actions;
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::Begin("kiosk", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                           ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                           ImGuiWindowFlags_NoBackground);
        // No full-screen background quad: the clear below paints it. Drawn as a textured, blended quad it
        // was most of every frame under software GL (llvmpipe shades every one of the 2 million pixels).
        Area area = draw_chrome(ui, views.chrome, actions);
        if (scroll_revision != app.revision()) {
            scroll = TouchScroll{};
            scroll_revision = app.revision();
        }
        animating = false;
        switch (app.screen()) {
            case Screen::attract: draw_attract(ui, views.attract, area, actions); break;
            case Screen::audience: draw_audience(ui, views.audience, area, actions); break;
            case Screen::topics: draw_topics(ui, views.topics, area, actions); break;
            case Screen::topic_pages: draw_page_list(ui, views.page_list, area, scroll, actions); break;
            case Screen::page: animating = draw_page(ui, views.page, area, scroll, actions); break;
            case Screen::services: draw_services(ui, views.services, area, scroll, actions); break;
        }
        ImGui::End();
        IdleView idle = build_idle(app, t);
        draw_idle(ui, idle, actions);
        if (idle.showing) {
            // The countdown overlay takes every touch: nothing under it may be tapped by accident.
            std::erase_if(actions, [](const Action& a) { return a.kind != ActionKind::still_here; });
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
                    if (!shoot(options.screenshot, error)) std::cerr << "lantern-kiosk: " << error << "\n", exit_code = 1;
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
        if (!actions.empty()) {
            app.apply(actions, t);
            frames_to_draw = std::max(frames_to_draw, 3);
        }
    }
    return exit_code;
}

}  // namespace lantern::kiosk::ui
