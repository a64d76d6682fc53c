// The GLFW window with an OpenGL 3.3 core context and Dear ImGui on it; screenshots of the back buffer.
#pragma once

#include <string>

struct GLFWwindow;

namespace lantern::kiosk::ui {

struct WindowOptions {
    int width = 1920;
    int height = 1080;
    bool fullscreen = false;
    std::string title = "Lantern";
};

class Window {
   public:
    // Throws std::runtime_error with a clear message when no display or no OpenGL 3.3 is available.
    explicit Window(const WindowOptions& options);
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    GLFWwindow* handle() const { return window_; }
    bool should_close() const;
    // Writes the frame just rendered (before swap) as a PNG; returns false with `error` set on failure.
    bool write_png(const std::string& path, std::string& error) const;

   private:
    GLFWwindow* window_ = nullptr;
};

}  // namespace lantern::kiosk::ui
