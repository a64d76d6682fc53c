// Screenshot PNGs: stb_image_write's PNG framing with zlib's fast deflate.
#pragma once

#include <string>

namespace lantern::kiosk::ui {

// Writes `rgba` (w x h, 4 bytes a pixel, rows `stride` bytes apart; a negative stride walks bottom-up as
// glReadPixels leaves them) as a PNG. False if the file cannot be written.
bool write_png_rgba(const std::string& path, int w, int h, const unsigned char* rgba, int stride);

}  // namespace lantern::kiosk::ui
