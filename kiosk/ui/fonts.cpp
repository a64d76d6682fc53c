// Font loading. Debian's fonts-noto-core ships the TTFs; the glyph ranges cover English, Welsh and Polish.
#include "kiosk/ui/fonts.h"

#include <filesystem>
#include <stdexcept>

namespace lantern::kiosk::ui {
namespace {

constexpr const char* k_font_dir = "/usr/share/fonts/truetype/noto/";

const ImWchar* glyph_ranges() {
    static ImVector<ImWchar> ranges;
    if (ranges.empty()) {
        ImFontGlyphRangesBuilder b;
        b.AddRanges(ImGui::GetIO().Fonts->GetGlyphRangesDefault());  // U+0020-00FF
        static const ImWchar extra[] = {
            0x0100, 0x017F,                  // Latin Extended-A: Polish, Welsh ŵ ŷ
            0x1E80, 0x1E85,                  // Welsh ẁ ẃ ẅ
            0x1EF2, 0x1EF3,                  // Welsh ỳ
            0x2010, 0x2027,                  // dashes, quotes, bullet, ellipsis
            0x2030, 0x203A, 0x20AC, 0x20AC,  // euro
            0,
        };
        b.AddRanges(extra);
        b.BuildRanges(&ranges);
    }
    return ranges.Data;
}

ImFont* add(const char* file, float px) {
    std::string path = std::string(k_font_dir) + file;
    if (!std::filesystem::exists(path))
        throw std::runtime_error("font not found: " + path + " (install fonts-noto-core: scripts/setup.sh)");
    ImFontConfig cfg;
    cfg.OversampleH = 1;  // large sizes need no horizontal oversampling, and the atlas builds faster
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    return ImGui::GetIO().Fonts->AddFontFromFileTTF(path.c_str(), px, &cfg, glyph_ranges());
}

}  // namespace

Fonts load_fonts(float scale) {
    ImGui::GetIO().Fonts->Clear();
    Fonts f;
    f.body = add("NotoSans-Regular.ttf", 36 * scale);  // the first font added is ImGui's default
    f.bold = add("NotoSans-Bold.ttf", 36 * scale);
    f.italic = add("NotoSans-Italic.ttf", 36 * scale);
    f.small = add("NotoSans-Regular.ttf", 28 * scale);
    f.heading = add("NotoSans-Bold.ttf", 48 * scale);
    f.title = add("NotoSans-Bold.ttf", 66 * scale);
    f.huge = add("NotoSans-Bold.ttf", 110 * scale);
    return f;
}

}  // namespace lantern::kiosk::ui
