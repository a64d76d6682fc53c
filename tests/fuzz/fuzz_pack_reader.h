// Shared by the pack harnesses: open a pack file as the kiosk does and read it as its screens do.
#pragma once

#include <filesystem>
#include <string>

#include "content/markdown.h"
#include "content/form_model.h"
#include "kiosk/parts/pack_choice.h"

namespace lantern::fuzz {

// open_first_good_pack (the pack check, then PackReader), then every read a visit makes. A pack that passes the
// check must never make the reader throw or crash afterwards: the kiosk would be on it with no way back.
inline void read_like_the_kiosk(const std::filesystem::path& path) {
    auto choice = kiosk::open_first_good_pack({{"the fuzzed pack", path}});
    if (!choice.pack) return;
    const content::PackReader& pack = *choice.pack;
    (void)pack.meta();
    for (auto lang : {std::string("en"), std::string("cy")}) {
        for (auto audience : content::k_all_audiences) {
            for (const auto& topic : pack.topics(audience, lang)) {
                (void)pack.image(topic.icon);
                for (const auto& summary : pack.pages_in_topic(topic.id, audience, lang)) {
                    if (auto page = pack.page(summary.id, lang)) {
                        (void)content::plain_text(content::parse_markdown(page->body_markdown));
                        if (!page->image.empty()) (void)pack.image(page->image);
                    }
                }
            }
            (void)pack.search("visit", audience, lang);
            (void)pack.search_card("hit", audience, lang, false);
            (void)pack.notices(lang, audience);
        }
    }
    (void)pack.page_counts();
    (void)pack.services();
    (void)pack.ui_strings();
    (void)content::form::parse_form(pack.form_json());
}

}  // namespace lantern::fuzz
