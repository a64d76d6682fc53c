// A language the kiosk was not built with, added by content alone: pages in pages/pl/ and the kiosk's own
// words in strings.yaml.
#include <doctest/doctest.h>

#include <filesystem>

#include "content/pack_builder.h"
#include "content/sources.h"
#include "kiosk/app/app.h"
#include "kiosk/views/strings.h"
#include "kiosk/views/view_models.h"
#include "tests/temp_dir.h"

using namespace lantern;
using namespace lantern::kiosk;
using lantern::content::Audience;

namespace {

// The fixture content plus a Polish page and Polish words for the kiosk.
std::filesystem::path polish_sources(const test::TempDir& dir) {
    auto src = dir / "src";
    std::filesystem::copy(std::filesystem::path(LANTERN_SOURCE_DIR) / "tests/fixtures/content", src,
                          std::filesystem::copy_options::recursive);
    dir.write_file("src/pages/pl/first-visit.md",
                   "---\nid: first-visit\nlang: pl\ntitle: Twoja pierwsza wizyta\ntopic: visits\naudience: [adult]\n"
                   "reviewed: 2026-11-24\n---\nZarezerwuj wizytę wcześniej.\n");
    dir.write_file("src/strings.yaml",
                   "language.name: {pl: Polski}\n"
                   "attract.touch: {pl: \"Dotknij, aby zacząć\"}\n"
                   "nav.home: {pl: \"Strona główna\"}\n"
                   "topics.title.adult: {pl: \"Co chcesz wiedzieć?\"}\n");
    return src;
}

}  // namespace

TEST_CASE("a new language comes with the content: its name, its words, and English where a word is missing") {
    test::TempDir dir;
    content::Sources s = content::read_sources(polish_sources(dir));
    for (auto& i : s.issues) MESSAGE(i.to_string());
    REQUIRE_FALSE(s.has_errors());
    REQUIRE(content::write_pack(s, dir / "pack.sqlite", {"1"}));
    auto pack = std::make_shared<content::PackReader>((dir / "pack.sqlite").string());
    CHECK(pack->ui_strings().at("nav.home").at("pl") == "Strona główna");

    App app(pack, "en", IdleSettings{90, 30});
    app.apply({Start{}, ChooseAudience{Audience::adult}}, 1);
    bool listed = false;
    for (const auto& l : build_chrome(app).languages) listed = listed || (l.code == "pl" && l.name == "Polski");
    CHECK(listed);

    app.apply({SetLanguage{"pl"}}, 2);
    CHECK(build_chrome(app).home == "Strona główna");
    CHECK(build_topics(app).title == "Co chcesz wiedzieć?");
    CHECK(build_chrome(app).quick_exit == tr("nav.quick_exit", "en"));  // not translated yet: English
    app.apply({SetLanguage{"cy"}}, 3);
    CHECK(build_chrome(app).home == "Hafan");  // the kiosk's own Welsh is untouched
    set_content_strings({});
}

TEST_CASE("a strings.yaml of the wrong shape is refused with its line") {
    test::TempDir dir;
    auto src = polish_sources(dir);
    dir.write_file("src/strings.yaml", "nav.home: {pl: \"Strona główna\"}\nnav.back: Wstecz\n");
    content::Sources s = content::read_sources(src);
    REQUIRE(s.has_errors());
    bool named = false;
    for (const auto& i : s.issues) named = named || i.to_string().find("strings.yaml:2") != std::string::npos;
    CHECK(named);
}

TEST_CASE("a phone number kept together has no space left to wrap at, and reads the same") {
    std::string kept = keep_together("0800 5999 247");
    CHECK(kept.find(' ') == std::string::npos);
    CHECK(kept ==
          "0800\xC2\xA0"
          "5999\xC2\xA0"
          "247");
    CHECK(keep_together("999") == "999");
}
