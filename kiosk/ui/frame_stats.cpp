// --frame-stats: writes milliseconds per frame, one a line, measured after glFinish.
#include "kiosk/ui/frame_stats.h"

#include <GL/gl.h>

#include <iostream>

namespace lantern::kiosk::ui {

FrameStats::FrameStats(const std::string& path) {
    if (path.empty()) return;
    file_ = std::fopen(path.c_str(), "w");
    if (!file_) std::cerr << "lantern-kiosk: cannot write frame stats to " << path << "\n";
}

FrameStats::~FrameStats() {
    if (file_) std::fclose(file_);
}

void FrameStats::begin_frame() {
    if (file_) start_ = std::chrono::steady_clock::now();
}

void FrameStats::end_frame() {
    if (!file_) return;
    glFinish();  // without it the figure is only the CPU's half: the GPU (llvmpipe) works later
    std::chrono::duration<double, std::milli> ms = std::chrono::steady_clock::now() - start_;
    std::fprintf(file_, "%.3f\n", ms.count());
}

}  // namespace lantern::kiosk::ui
