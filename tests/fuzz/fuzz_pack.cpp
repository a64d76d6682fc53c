// libFuzzer: a content pack file opened by the kiosk's own reader (open_first_good_pack: the pack check, then
// PackReader), then read the way the screens read it. A pack that passes the check must never make the reader
// throw or crash afterwards: the kiosk would be on it with no way back.
#include <cstddef>
#include <cstdint>
#include <string>

#include "content/markdown.h"
#include "kiosk/form_model.h"
#include "kiosk/pack_choice.h"
#include "tests/fuzz/fuzz_common.h"

using namespace lantern;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto path = fuzz::scratch_dir() / "pack.sqlite";
    std::filesystem::remove(path.string() + "-journal");
    std::filesystem::remove(path.string() + "-wal");
    std::filesystem::remove(path.string() + "-shm");
    fuzz::write_bytes(path, data, size);
    auto choice = kiosk::open_first_good_pack({{"the fuzzed pack", path}});
    if (!choice.pack) return 0;
    const content::PackReader& pack = *choice.pack;
    auto meta = pack.meta();
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
    (void)kiosk::form::parse_form(pack.form_json());
    (void)meta;
    return 0;
}
