// Reads kiosk.toml with toml++ into KioskConfig, naming the key in every error.
#include "kiosk/parts/config.h"

#include "sync/kiosk_settings.h"

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <toml++/toml.h>

namespace lantern::kiosk {
namespace {

struct Reader {
    const toml::table& root;
    std::string file;
    std::string error;

    void fail(const std::string& key, const std::string& msg) {
        if (error.empty()) error = file + ": " + key + ": " + msg;
    }

    void string(const char* table, const char* key, std::string& out) {
        const toml::node* n = root.at_path(std::string(table) + "." + key).node();
        if (!n) return;
        if (auto v = n->value<std::string>()) out = *v;
        else fail(std::string(table) + "." + key, "must be a string in quotes");
    }

    void number(const char* table, const char* key, double& out, double min, double max) {
        const toml::node* n = root.at_path(std::string(table) + "." + key).node();
        if (!n) return;
        auto v = n->value<double>();
        if (!v || *v < min || *v > max) {
            std::ostringstream m;
            m << "must be a number from " << min << " to " << max;
            fail(std::string(table) + "." + key, m.str());
            return;
        }
        out = *v;
    }

    void strings(const char* table, const char* key, std::vector<std::string>& out) {
        const toml::node* n = root.at_path(std::string(table) + "." + key).node();
        if (!n) return;
        const toml::array* a = n->as_array();
        std::vector<std::string> values;
        if (a)
            for (const auto& item : *a)
                if (auto v = item.value<std::string>()) values.push_back(*v);
        if (!a || values.size() != a->size()) {
            fail(std::string(table) + "." + key, "must be a list of strings, like [\"/media\"]");
            return;
        }
        out = std::move(values);
    }

    void boolean(const char* table, const char* key, bool& out) {
        const toml::node* n = root.at_path(std::string(table) + "." + key).node();
        if (!n) return;
        if (auto v = n->value<bool>()) out = *v;
        else fail(std::string(table) + "." + key, "must be true or false");
    }
};

const std::map<std::string, std::set<std::string>>& known_keys() {
    static const std::map<std::string, std::set<std::string>> keys = {
        {"kiosk", {"name", "centre", "default_language", "areas"}},
        {"idle", {"seconds", "countdown_seconds"}},
        {"hub", {"url", "token", "referral_public_key", "content_public_key", "ca_file", "pinned_public_key"}},
        {"paths", {"pack", "data"}},
        {"display", {"text_scale", "high_contrast", "fullscreen"}},
        {"staff", {"pin_hash", "usb_paths"}},
    };
    return keys;
}

}  // namespace

std::variant<KioskConfig, ConfigError> parse_kiosk_config(const std::string& text, const std::string& file_name) {
    toml::table root;
    try {
        root = toml::parse(text, file_name);
    } catch (const toml::parse_error& e) {
        return ConfigError{file_name + ":" + std::to_string(e.source().begin.line) + ": " +
                           std::string(e.description())};
    }
    for (const auto& [table, node] : root) {
        std::string t(table.str());
        auto known = known_keys().find(t);
        if (known == known_keys().end()) return ConfigError{file_name + ": [" + t + "]: unknown section"};
        if (!node.is_table()) return ConfigError{file_name + ": " + t + ": must be a [section]"};
        for (const auto& [key, value] : *node.as_table())
            if (!known->second.count(std::string(key.str())))
                return ConfigError{file_name + ": " + t + "." + std::string(key.str()) + ": unknown key"};
    }
    KioskConfig c;
    Reader r{root, file_name, {}};
    r.string("kiosk", "name", c.name);
    r.string("kiosk", "centre", c.centre);
    r.string("kiosk", "default_language", c.default_language);
    r.strings("kiosk", "areas", c.areas);
    r.number("idle", "seconds", c.idle_seconds, sync::k_idle_seconds_range.min, sync::k_idle_seconds_range.max);
    r.number("idle", "countdown_seconds", c.countdown_seconds, sync::k_countdown_seconds_range.min,
             sync::k_countdown_seconds_range.max);
    r.string("hub", "url", c.hub_url);
    r.string("hub", "token", c.hub_token);
    r.string("hub", "referral_public_key", c.referral_public_key);
    r.string("hub", "content_public_key", c.content_public_key);
    r.string("hub", "ca_file", c.ca_file);
    r.string("hub", "pinned_public_key", c.pinned_public_key);
    r.string("paths", "pack", c.pack);
    r.string("paths", "data", c.data_dir);
    r.number("display", "text_scale", c.text_scale, 0.75, 2.0);
    r.boolean("display", "high_contrast", c.high_contrast);
    r.boolean("display", "fullscreen", c.fullscreen);
    r.string("staff", "pin_hash", c.staff_pin_hash);
    r.strings("staff", "usb_paths", c.usb_paths);
    if (!r.error.empty()) return ConfigError{r.error};
    if (!c.staff_pin_hash.empty() && c.staff_pin_hash.rfind("$argon2id$", 0) != 0)
        return ConfigError{file_name +
                           ": staff.pin_hash: must be the line `lantern kiosk pin` prints, not the PIN itself"};
    if (!c.hub_url.empty() && c.hub_url.rfind("http://", 0) != 0 && c.hub_url.rfind("https://", 0) != 0)
        return ConfigError{file_name + ": hub.url: must start with https:// (or http:// for a hub on this machine)"};
    if (c.default_language.size() < 2 || c.default_language.size() > 3)
        return ConfigError{file_name + ": kiosk.default_language: must be a language code such as en or cy"};
    return c;
}

std::variant<KioskConfig, ConfigError> load_kiosk_config(const std::string& path) {
    std::ifstream in(path);
    if (!in) return ConfigError{path + ": cannot read the config file"};
    std::stringstream ss;
    ss << in.rdbuf();
    return parse_kiosk_config(ss.str(), path);
}

}  // namespace lantern::kiosk
