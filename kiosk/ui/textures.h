// Uploads pack images to the GPU on first use and keeps them until the pack changes.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "content/pack_reader.h"
#include "kiosk/ui/ui.h"

namespace lantern::kiosk::ui {

class TextureCache {
   public:
    TextureCache() = default;
    ~TextureCache();
    TextureCache(const TextureCache&) = delete;
    TextureCache& operator=(const TextureCache&) = delete;

    void set_pack(std::shared_ptr<const content::PackReader> pack);
    Texture get(const std::string& name);

   private:
    void clear();
    std::shared_ptr<const content::PackReader> pack_;
    std::map<std::string, Texture> textures_;
};

}  // namespace lantern::kiosk::ui
