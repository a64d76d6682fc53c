// Checks a screenshot is a real picture: the expected size and not blank (many colours, no single one dominating).
#include <stb_image.h>

#include <cstdio>
#include <cstdlib>
#include <map>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: png_check FILE [WIDTH HEIGHT]\n");
        return 2;
    }
    int w = 0, h = 0, n = 0;
    unsigned char* px = stbi_load(argv[1], &w, &h, &n, 4);
    if (!px) {
        std::fprintf(stderr, "png_check: %s: not a readable PNG\n", argv[1]);
        return 1;
    }
    if (argc >= 4 && (w != std::atoi(argv[2]) || h != std::atoi(argv[3]))) {
        std::fprintf(stderr, "png_check: %s: %dx%d, expected %sx%s\n", argv[1], w, h, argv[2], argv[3]);
        return 1;
    }
    std::map<unsigned, long> colours;
    for (long i = 0; i < static_cast<long>(w) * h; ++i) {
        unsigned c = static_cast<unsigned>(px[i * 4]) << 16 | static_cast<unsigned>(px[i * 4 + 1]) << 8 | px[i * 4 + 2];
        ++colours[c];
    }
    stbi_image_free(px);
    long most = 0;
    for (auto& [c, count] : colours) most = count > most ? count : most;
    double dominant = static_cast<double>(most) / (static_cast<double>(w) * h);
    if (colours.size() < 16 || dominant > 0.97) {
        std::fprintf(stderr, "png_check: %s looks blank: %zu colours, %.1f%% one colour\n", argv[1], colours.size(),
                     dominant * 100);
        return 1;
    }
    std::printf("png_check: %s ok: %dx%d, %zu colours\n", argv[1], w, h, colours.size());
    return 0;
}
