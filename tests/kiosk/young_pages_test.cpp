// The default content's pages for under-5s, children and teens as the kiosk shows them: one picture never
// twice, the under-5 note for the grown-up in English and Welsh, no promise of contact every family cannot keep.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <functional>

#include "content/pack_builder.h"
#include "content/sources.h"
#include "kiosk/app/app.h"
#include "kiosk/views/view_models.h"
#include "tests/temp_dir.h"

using namespace lantern;
using namespace lantern::kiosk;
using content::Audience;

namespace {

std::shared_ptr<const content::PackReader> default_pack(const test::TempDir& dir) {
    content::Sources s = content::read_sources(std::filesystem::path(LANTERN_SOURCE_DIR) / "assets/content");
    REQUIRE_FALSE(s.has_errors());
    REQUIRE(content::write_pack(s, dir / "pack.sqlite", {"1"}));
    return std::make_shared<content::PackReader>((dir / "pack.sqlite").string());
}

// Every page an audience can open in a language, as its page screen's view model.
void each_page(const std::shared_ptr<const content::PackReader>& pack, Audience audience, const std::string& lang,
               const std::function<void(const std::string& id, const PageView&)>& check) {
    App app(pack, lang, IdleSettings{90, 30});
    app.apply({Start{}, ChooseAudience{audience}}, 1);
    for (const auto& topic : pack->topics(audience, lang))
        for (const auto& page : pack->pages_in_topic(topic.id, audience, lang)) {
            app.apply({OpenPage{page.id}}, 2);
            PageView v = build_page(app);
            REQUIRE(v.found);
            check(page.id, v);
        }
}

std::string words_of(const PageView& v) {
    std::string out = v.title + "\n" + v.grown_up + "\n";
    for (const auto& b : v.doc.blocks)
        for (const auto& s : b.spans) out += s.text;
    return out;
}

}  // namespace

TEST_CASE("no page shows the same picture twice: the page's picture on top is dropped when its words show it") {
    test::TempDir dir;
    auto pack = default_pack(dir);
    int pages = 0;
    for (Audience a : content::k_all_audiences)
        for (const std::string lang : {"en", "cy"})
            each_page(pack, a, lang, [&](const std::string& id, const PageView& v) {
                ++pages;
                std::vector<std::string> pictures;
                if (!v.image.empty()) pictures.push_back(v.image);
                for (const auto& b : v.doc.blocks)
                    if (b.kind == content::BlockKind::image) pictures.push_back(b.image);
                std::sort(pictures.begin(), pictures.end());
                CHECK_MESSAGE(std::adjacent_find(pictures.begin(), pictures.end()) == pictures.end(),
                              id << " (" << lang << ") shows a picture twice");
            });
    CHECK(pages > 40);
}

TEST_CASE("a page whose picture is not in its words still shows it on top") {
    test::TempDir dir;
    auto pack = default_pack(dir);
    App app(pack, "en", IdleSettings{90, 30});
    app.apply({Start{}, ChooseAudience{Audience::teen}, OpenPage{"teen-visits"}}, 1);
    CHECK(build_page(app).image == "visit-hall.png");
}

TEST_CASE("every under-5 page has the note for the grown-up, in the interface's language; other pages do not") {
    test::TempDir dir;
    auto pack = default_pack(dir);
    int little = 0;
    each_page(pack, Audience::little, "en", [&](const std::string& id, const PageView& v) {
        ++little;
        CHECK_MESSAGE(v.grown_up.rfind("For the grown-up:", 0) == 0, id);
    });
    CHECK(little >= 4);
    each_page(pack, Audience::little, "cy", [&](const std::string& id, const PageView& v) {
        CHECK_MESSAGE(v.grown_up.rfind("I'r oedolyn:", 0) == 0, id);
    });
    each_page(pack, Audience::child, "en", [&](const std::string&, const PageView& v) { CHECK(v.grown_up.empty()); });
}

TEST_CASE("the under-5 visit page is for visit day, not three sleeps before it") {
    test::TempDir dir;
    auto pack = default_pack(dir);
    App app(pack, "en", IdleSettings{90, 30});
    app.apply({Start{}, ChooseAudience{Audience::little}, OpenPage{"little-going-on-a-visit"}}, 1);
    std::string words = words_of(build_page(app));
    CHECK(words.find("sleeps") == std::string::npos);
    CHECK(words.find("Today is a visit day") != std::string::npos);
}

TEST_CASE("young people's pages never promise calls or visits every family may not have") {
    test::TempDir dir;
    auto pack = default_pack(dir);
    // What the pages said before: true in some families, a broken promise in others.
    const char* promises[] = {"can phone you",      "We can talk on the phone",    "see them again",
                              "next call or visit", "You can still stay in touch", "They love getting them",
                              "eu gweld nhw eto"};
    for (Audience a : {Audience::little, Audience::child, Audience::teen})
        for (const std::string lang : {"en", "cy"})
            each_page(pack, a, lang, [&](const std::string& id, const PageView& v) {
                std::string words = words_of(v);
                for (const char* p : promises)
                    CHECK_MESSAGE(words.find(p) == std::string::npos, id << " (" << lang << ") says \"" << p << "\"");
            });
}
