// --frame-stats: one CPU+GPU frame time per line, for scripts/bench.sh; off unless a file is given.
#pragma once

#include <chrono>
#include <cstdio>
#include <string>

namespace lantern::kiosk::ui {

// Times each frame from the end of the event wait to the GPU having finished it (glFinish), so a
// frame's figure is its real cost and never the time spent sleeping for input.
class FrameStats {
   public:
    explicit FrameStats(const std::string& path);
    ~FrameStats();
    FrameStats(const FrameStats&) = delete;
    FrameStats& operator=(const FrameStats&) = delete;

    bool enabled() const { return file_ != nullptr; }
    void begin_frame();
    void end_frame();  // calls glFinish first; do this after the frame's draw calls, before the swap

   private:
    std::FILE* file_ = nullptr;
    std::chrono::steady_clock::time_point start_;
};

}  // namespace lantern::kiosk::ui
