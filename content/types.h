// Plain value types the content pack holds: audiences, topics, pages, images, services.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lantern::content {

enum class Audience { little, child, teen, adult };

inline constexpr Audience k_all_audiences[] = {Audience::adult, Audience::teen, Audience::child, Audience::little};

const char* to_string(Audience a);
std::optional<Audience> audience_from_string(const std::string& s);

struct Topic {
    std::string id;
    std::string title;  // in the language asked for, or English when missing
    std::string icon;   // image name in the pack, may be empty
    std::vector<Audience> audiences;
    bool adult_only = false;
};

struct PageSummary {
    std::string id;
    std::string lang;
    std::string title;
    std::string summary;
    std::string topic;
    std::string icon;
};

struct Page {
    std::string id;
    std::string lang;        // the language the page is actually in
    bool fell_back = false;  // true when the language asked for was missing and English is shown
    std::string title;
    std::string summary;
    std::string topic;
    bool topic_adult_only = false;  // the topic's own flag in the pack (see audience_policy.h)
    std::vector<Audience> audiences;
    std::string body_markdown;
    std::string reviewed;
    std::string image;
};

struct Image {
    std::string name;
    std::string alt;
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba;  // decoded, width*height*4
};

struct PackMeta {
    int format_version = 0;
    std::string content_version;
    std::string built_at;
    std::vector<std::string> languages;
};

}  // namespace lantern::content
