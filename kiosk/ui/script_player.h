// Plays a parsed script through Dear ImGui's normal input path, one frame at a time.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "kiosk/input/script.h"
#include "kiosk/ui/hit_registry.h"

struct ImGuiIO;

namespace lantern::kiosk::ui {

// A finger through the real window system instead of writes to ImGuiIO (see x11_pointer.h).
struct RealPointer {
    std::function<void(float x, float y)> move;
    std::function<void(bool down)> button;
};

class ScriptPlayer {
   public:
    explicit ScriptPlayer(std::vector<ScriptStep> steps);
    // Taps travel the window system's input path; the player then checks that Dear ImGui saw the pointer
    // exactly where the finger went before pressing.
    void use_real_pointer(RealPointer pointer) { real_ = std::move(pointer); }

    // Before ImGui::NewFrame: sets this frame's pointer, keys and characters. `clock_offset` is
    // moved on by `advance` steps.
    void feed_input(ImGuiIO& io, const HitRegistry& hits, double& clock_offset);
    // After the frame is rendered, before it is swapped: screenshots and checks.
    void after_render(const HitRegistry& hits, const std::function<bool(const std::string&, std::string&)>& screenshot);

    bool finished() const { return finished_; }
    bool failed() const { return !error_.empty(); }
    const std::string& error() const { return error_; }

   private:
    void next_step();
    void fail(const std::string& message);
    const ScriptStep* step() const { return index_ < steps_.size() ? &steps_[index_] : nullptr; }

    std::vector<ScriptStep> steps_;
    size_t index_ = 0;
    int phase_ = 0;        // frames into the current step
    int settle_ = 0;       // frames to draw before the next step, so the screen catches up
    float x_ = 0, y_ = 0;  // where the finger is
    bool down_ = false;
    bool pointer_present_ = false;
    int retries_ = 0;
    RealPointer real_;
    float sent_x_ = -1, sent_y_ = -1;  // what the window system was last told
    bool sent_down_ = false;
    bool finished_ = false;
    std::string error_;
};

}  // namespace lantern::kiosk::ui
