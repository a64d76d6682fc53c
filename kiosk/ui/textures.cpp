// GL texture upload for pack images; a missing or broken image is remembered as empty, not retried.
#include "kiosk/ui/textures.h"

#include <GL/gl.h>

#include <cstdint>

namespace lantern::kiosk::ui {

TextureCache::~TextureCache() { clear(); }

void TextureCache::clear() {
    for (auto& [name, tex] : textures_) {
        if (!tex) continue;
        auto id = static_cast<GLuint>(reinterpret_cast<std::uintptr_t>(tex.id));
        glDeleteTextures(1, &id);
    }
    textures_.clear();
}

void TextureCache::set_pack(std::shared_ptr<const content::PackReader> pack) {
    clear();
    pack_ = std::move(pack);
}

Texture TextureCache::get(const std::string& name) {
    if (name.empty() || !pack_) return {};
    if (auto it = textures_.find(name); it != textures_.end()) return it->second;
    Texture tex;
    if (auto img = pack_->image(name)) {
        GLuint id = 0;
        glGenTextures(1, &id);
        glBindTexture(GL_TEXTURE_2D, id);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, img->width, img->height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                     img->rgba.data());
        tex.id = reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(id));
        tex.width = img->width;
        tex.height = img->height;
    }
    textures_[name] = tex;
    return tex;
}

}  // namespace lantern::kiosk::ui
