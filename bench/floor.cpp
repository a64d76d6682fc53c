// The floor: the least a GLFW + OpenGL 3.3 core program can do to put one frame in a PNG, for comparison.
// Opens a window, clears once, reads the frame back, writes it with stb_image_write and exits.
// --fast-png writes it as the kiosk writes its screenshots (stb's PNG framing, zlib level 1 deflate), so the
// kiosk can also be compared with a floor that encodes its PNG the same way.
#define GLFW_INCLUDE_NONE
#include <GL/gl.h>
#include <GLFW/glfw3.h>
#include <stb_image_write.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "kiosk/ui/png_writer.h"

int main(int argc, char** argv) {
    int w = 1920, h = 1080;
    std::string out = "floor.png";
    bool print_renderer = false;
    bool fast_png = false;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--size") && i + 1 < argc) std::sscanf(argv[++i], "%dx%d", &w, &h);
        else if (!std::strcmp(argv[i], "--renderer")) print_renderer = true;
        else if (!std::strcmp(argv[i], "--fast-png")) fast_png = true;
        else out = argv[i];
    }
    if (!glfwInit()) {
        std::fprintf(stderr, "floor: cannot open a window; is DISPLAY set?\n");
        return 1;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GL_TRUE);
    GLFWwindow* window = glfwCreateWindow(w, h, "floor", nullptr, nullptr);
    if (!window) {
        std::fprintf(stderr, "floor: cannot create an OpenGL 3.3 core window\n");
        return 1;
    }
    glfwMakeContextCurrent(window);
    if (print_renderer) std::printf("%s | %s\n", glGetString(GL_RENDERER), glGetString(GL_VERSION));

    glfwGetFramebufferSize(window, &w, &h);
    glViewport(0, 0, w, h);
    glClearColor(0xF4 / 255.0f, 0xF1 / 255.0f, 0xEA / 255.0f, 1);  // the kiosk's adult background
    glClear(GL_COLOR_BUFFER_BIT);
    std::vector<unsigned char> pixels(static_cast<size_t>(w) * h * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    int stride = w * 4;
    const unsigned char* last_row = pixels.data() + static_cast<ptrdiff_t>(h - 1) * stride;
    int ok = fast_png ? lantern::kiosk::ui::write_png_rgba(out, w, h, last_row, -stride)
                      : stbi_write_png(out.c_str(), w, h, 4, last_row, -stride);
    glfwDestroyWindow(window);
    glfwTerminate();
    if (!ok) {
        std::fprintf(stderr, "floor: cannot write %s\n", out.c_str());
        return 1;
    }
    return 0;
}
