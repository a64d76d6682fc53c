// A finger through the real X server (XTest): the pointer events a touchscreen sends, for scripted UI tests.
#pragma once

#include <memory>
#include <string>

struct GLFWwindow;

namespace lantern::kiosk::ui {

// Moves the X pointer and presses its button as the touchscreen's emulated mouse would, so the events
// travel X server -> GLFW -> Dear ImGui's GLFW backend exactly like a visitor's touch.
class X11Pointer {
   public:
    // nullptr with `error` set when the display has no XTest or the window is not on X11.
    static std::unique_ptr<X11Pointer> open(GLFWwindow* window, std::string& error);
    // `x`, `y` in window coordinates (Dear ImGui's coordinates).
    void move_to(float x, float y);
    void button(bool down);

   private:
    X11Pointer() = default;
    void* display_ = nullptr;
    unsigned long window_ = 0;
};

}  // namespace lantern::kiosk::ui
