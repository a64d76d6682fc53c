// The kiosk's TOML config: the centre, languages, timeouts, hub address and paths.
#pragma once

#include <string>
#include <variant>
#include <vector>

namespace lantern::kiosk {

struct KioskConfig {
    std::string name;    // [kiosk] name: this kiosk, as enrolled on the hub
    std::string centre;  // [kiosk] centre: the visitor centre's name
    std::string default_language = "en";
    // [kiosk] areas: the local authorities or nations the centre serves ("Cardiff", "Wales"); "Find local help"
    // then lists only services for those areas and national ones. Empty: every service in the pack.
    std::vector<std::string> areas;
    double idle_seconds = 90;         // [idle] seconds
    double countdown_seconds = 30;    // [idle] countdown_seconds
    std::string hub_url;              // [hub] url; empty: no sync
    std::string hub_token;            // [hub] token
    std::string referral_public_key;  // [hub] referral_public_key: file path
    std::string content_public_key;   // [hub] content_public_key: file path
    std::string ca_file;              // [hub] ca_file
    std::string pinned_public_key;    // [hub] pinned_public_key: "sha256//..."
    std::string pack;                 // [paths] pack: the content pack to show
    std::string data_dir;             // [paths] data: outbox and downloaded packs
    double text_scale = 1.0;          // [display] text_scale: 1, 1.25 or 1.5
    bool high_contrast = false;       // [display] high_contrast
    bool fullscreen = false;          // [display] fullscreen
    std::string staff_pin_hash;       // [staff] pin_hash: from `lantern kiosk pin`; empty: no staff mode
    std::vector<std::string> usb_paths = {"/media", "/run/media", "/mnt"};  // [staff] usb_paths: where sticks mount
};

struct ConfigError {
    std::string message;  // names the file and the key: "kiosk.toml: idle.seconds: must be ..."
};

// Parses config text; unknown keys are errors too, so a typo never silently falls back to a default.
std::variant<KioskConfig, ConfigError> parse_kiosk_config(const std::string& text, const std::string& file_name);
std::variant<KioskConfig, ConfigError> load_kiosk_config(const std::string& path);

}  // namespace lantern::kiosk
