// Window, GL context and ImGui backends; the only file that talks to GLFW's window API.
#define GLFW_INCLUDE_NONE
#include "kiosk/ui/window.h"

#include <GL/gl.h>
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <stdexcept>
#include <vector>

#include "kiosk/ui/png_writer.h"

namespace lantern::kiosk::ui {
namespace {
std::string g_glfw_error;
void on_glfw_error(int, const char* description) { g_glfw_error = description; }
}  // namespace

Window::Window(const WindowOptions& options) {
    glfwSetErrorCallback(on_glfw_error);
    if (!glfwInit())
        throw std::runtime_error("cannot open a window (" + g_glfw_error +
                                 "). Is a display available? With no display, run under Xvfb (scripts/run.sh does).");
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GL_TRUE);
    glfwWindowHint(GLFW_RESIZABLE, GLFW_TRUE);
    // Dear ImGui draws with neither depth nor stencil; without them the driver allocates and clears less.
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    GLFWmonitor* monitor = nullptr;
    int w = options.width, h = options.height;
    if (options.fullscreen) {
        monitor = glfwGetPrimaryMonitor();
        if (const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr) {
            w = mode->width;
            h = mode->height;
        }
    }
    window_ = glfwCreateWindow(w, h, options.title.c_str(), monitor, nullptr);
    if (!window_) {
        glfwTerminate();
        throw std::runtime_error("cannot create an OpenGL 3.3 window: " + g_glfw_error);
    }
    glfwMakeContextCurrent(window_);
    glfwSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // a kiosk remembers nothing between runs
    io.LogFilename = nullptr;
    io.ConfigInputTextCursorBlink = false;
    ImGui_ImplGlfw_InitForOpenGL(window_, true);
    ImGui_ImplOpenGL3_Init("#version 150");
}

Window::~Window() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window_);
    glfwTerminate();
}

bool Window::should_close() const { return glfwWindowShouldClose(window_); }

bool Window::write_png(const std::string& path, std::string& error) const {
    int w = 0, h = 0;
    glfwGetFramebufferSize(window_, &w, &h);
    std::vector<unsigned char> pixels(static_cast<size_t>(w) * h * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    // OpenGL's rows run bottom-up; a PNG's run top-down.
    int stride = w * 4;
    if (!write_png_rgba(path, w, h, pixels.data() + static_cast<ptrdiff_t>(h - 1) * stride, -stride)) {
        error = "cannot write " + path;
        return false;
    }
    return true;
}

}  // namespace lantern::kiosk::ui
