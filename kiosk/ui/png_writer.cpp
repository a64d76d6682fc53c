// Screenshot PNGs: stb_image_write's PNG framing with zlib's fast deflate.
//
// Why not plain stbi_write_png: its own deflate searches hash chains byte by byte and took about 40% of
// `lantern-kiosk --screenshot` on a 1920x1080 page (perf, bench/RESULTS.md), more than opening the window,
// building the font atlas and rendering together. zlib at level 1 writes the same pixels several times
// faster; the file is a little larger, which no one reading a screenshot minds.
#include "kiosk/ui/png_writer.h"

#include <zlib.h>

#include <cstdlib>

namespace {

unsigned char* zlib_fast_compress(unsigned char* data, int data_len, int* out_len, int /*quality*/) {
    uLongf size = compressBound(static_cast<uLong>(data_len));
    auto* out = static_cast<unsigned char*>(std::malloc(size));
    if (!out) return nullptr;
    if (compress2(out, &size, data, static_cast<uLong>(data_len), Z_BEST_SPEED) != Z_OK) {
        std::free(out);
        return nullptr;
    }
    *out_len = static_cast<int>(size);
    return out;
}

}  // namespace

// A private copy of stb_image_write (static functions), so the deflate hook applies here only and does not
// clash with Debian's libstb.
#define STBIW_ZLIB_COMPRESS zlib_fast_compress
#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#endif
#include <stb_image_write.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

namespace lantern::kiosk::ui {

bool write_png_rgba(const std::string& path, int w, int h, const unsigned char* rgba, int stride) {
    return stbi_write_png(path.c_str(), w, h, 4, rgba, stride) != 0;
}

}  // namespace lantern::kiosk::ui
