// XTest pointer events for scripted UI tests: window coordinates turned into the X root window's.
#define GLFW_INCLUDE_NONE
#include "kiosk/ui/x11_pointer.h"

#include <GLFW/glfw3.h>
#include <X11/Xlib.h>
#include <X11/extensions/XTest.h>

// GLFW's X11 accessors, declared here because glfw3native.h would pull in Xrandr's headers for nothing.
extern "C" Display* glfwGetX11Display(void);
extern "C" ::Window glfwGetX11Window(GLFWwindow* window);

#include <cmath>

namespace lantern::kiosk::ui {

std::unique_ptr<X11Pointer> X11Pointer::open(GLFWwindow* window, std::string& error) {
    Display* dpy = glfwGetX11Display();
    if (!dpy) {
        error = "real input needs an X11 display";
        return nullptr;
    }
    int event = 0, err = 0, major = 0, minor = 0;
    if (!XTestQueryExtension(dpy, &event, &err, &major, &minor)) {
        error = "real input needs the XTest extension on the display";
        return nullptr;
    }
    std::unique_ptr<X11Pointer> p(new X11Pointer());
    p->display_ = dpy;
    p->window_ = glfwGetX11Window(window);
    return p;
}

void X11Pointer::move_to(float x, float y) {
    auto* dpy = static_cast<Display*>(display_);
    // Wherever the window sits on the screen, the server translates: no guessing at decorations or offsets.
    int rx = 0, ry = 0;
    ::Window child = 0;
    XTranslateCoordinates(dpy, window_, DefaultRootWindow(dpy), static_cast<int>(std::floor(x)),
                          static_cast<int>(std::floor(y)), &rx, &ry, &child);
    XTestFakeMotionEvent(dpy, -1, rx, ry, CurrentTime);
    XSync(dpy, False);
}

void X11Pointer::button(bool down) {
    auto* dpy = static_cast<Display*>(display_);
    XTestFakeButtonEvent(dpy, 1, down ? True : False, CurrentTime);
    XSync(dpy, False);
}

}  // namespace lantern::kiosk::ui
