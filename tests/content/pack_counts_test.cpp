// What `lantern content info` reports comes from the pack reader: counts per audience and language.
#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>

#include "content/pack_builder.h"
#include "content/pack_reader.h"
#include "tests/content/sample_sources.h"

using namespace lantern::content;
using lantern::test::TempDir;

TEST_CASE("page counts are per audience and language, a page counting once for each of its audiences") {
    TempDir dir;
    lantern::test::write_sample_sources(dir);
    dir.write_file("images/icon.png", lantern::test::k_tiny_png);
    Sources s = read_sources(dir.path());
    REQUIRE_FALSE(s.has_errors());
    REQUIRE(write_pack(s, dir / "pack.sqlite", {"7"}));
    PackReader pack((dir / "pack.sqlite").string());

    auto counts = pack.page_counts();
    CHECK(counts.size() == 4);
    CHECK(counts[Audience::adult] == std::map<std::string, int>{{"en", 3}, {"cy", 1}});
    CHECK(counts[Audience::teen] == std::map<std::string, int>{{"en", 1}});
    CHECK(counts[Audience::child] == std::map<std::string, int>{{"en", 2}});
    CHECK(counts[Audience::little].empty());
    CHECK(pack.image_count() == 1);
    CHECK(pack.service_count() == 1);

    PackMeta meta = pack.meta();
    CHECK(meta.format_version == 1);
    CHECK(meta.content_version == "7");
    CHECK(meta.built_at.size() == 20);  // 2026-11-24T10:00:00Z
}

TEST_CASE("unreviewed translations are counted per language; a reviewed one is not") {
    TempDir dir;
    lantern::test::write_sample_sources(dir);
    dir.write_file("images/icon.png", lantern::test::k_tiny_png);
    // The sample's Welsh first-visit says nothing of its state: nobody said it was checked, so it counts.
    dir.write_file("pages/cy/travel-costs.md", R"(---
id: travel-costs
lang: cy
translation: reviewed
title: Help gyda chostau teithio
topic: travel-costs
audience: [adult]
reviewed: 2026-11-24
---
Gallwch hawlio help gyda chostau teithio ar GOV.UK.
)");
    dir.write_file("pages/cy/feelings.md", R"(---
id: feelings
lang: cy
translation: unreviewed
title: Mae pob teimlad yn iawn
topic: feelings
audience: [child, teen]
reviewed: 2026-11-24
---
Mae'n iawn teimlo'n drist.
)");
    Sources s = read_sources(dir.path());
    REQUIRE_FALSE(s.has_errors());
    REQUIRE(write_pack(s, dir / "pack.sqlite", {"7"}));
    PackReader pack((dir / "pack.sqlite").string());
    CHECK(pack.unreviewed_counts() == std::map<std::string, int>{{"cy", 2}});
    auto counts = pack.page_counts();
    CHECK(counts[Audience::adult] == std::map<std::string, int>{{"en", 3}, {"cy", 2}});
    CHECK(counts[Audience::teen] == std::map<std::string, int>{{"en", 1}, {"cy", 1}});
}

TEST_CASE("a translation state other than unreviewed or reviewed is refused at its line") {
    TempDir dir;
    lantern::test::write_sample_sources(dir);
    dir.write_file("pages/cy/feelings.md",
                   "---\nid: feelings\nlang: cy\ntranslation: maybe\nenglish_hash: xyz\ntitle: T\ntopic: feelings\n"
                   "audience: [child]\nreviewed: 2026-11-24\n---\nHelo.\n");
    Sources s = read_sources(dir.path());
    CHECK(s.has_errors());
    std::string all;
    for (const auto& i : s.issues) all += i.to_string() + "\n";
    CHECK(all.find("pages/cy/feelings.md:4: error: translation \"maybe\" must be unreviewed or reviewed") !=
          std::string::npos);
    CHECK(all.find("pages/cy/feelings.md:5: error: english_hash \"xyz\" must be 12 hex digits") != std::string::npos);
}

TEST_CASE("services speak the visitor's language where services.json has it, English otherwise") {
    TempDir dir;
    lantern::test::write_sample_sources(dir);
    dir.write_file("services.json", R"([
  {"id": "lff", "organisation": "Live Fear Free", "name": "Live Fear Free Helpline", "description": "Free help.",
   "opening_times": "24 hours", "phone": "0808 80 10 800",
   "translations": {"cy": {"organisation": "Byw Heb Ofn", "name": "Llinell Gymorth Byw Heb Ofn",
                           "description": "Help am ddim.", "opening_times": ""}}},
  {"id": "samaritans", "name": "Samaritans", "description": "Someone to talk to.", "phone": "116 123"}
])");
    Sources s = read_sources(dir.path());
    REQUIRE_FALSE(s.has_errors());
    REQUIRE(write_pack(s, dir / "pack.sqlite", {"7"}));
    PackReader pack((dir / "pack.sqlite").string());
    auto cy = pack.services("", "cy");
    REQUIRE(cy.size() == 2);
    CHECK(cy[0].organisation == "Byw Heb Ofn");
    CHECK(cy[0].name == "Llinell Gymorth Byw Heb Ofn");
    CHECK(cy[0].description == "Help am ddim.");
    CHECK(cy[0].opening_times == "24 hours");  // an empty translation falls back to English, never a blank
    CHECK(cy[0].phone == "0808 80 10 800");
    CHECK(cy[1].description == "Someone to talk to.");  // no Welsh yet: English
    auto en = pack.services();
    CHECK(en[0].description == "Free help.");
    CHECK(en[0].organisation == "Live Fear Free");
}

TEST_CASE("services.json translations that are not words by language are refused") {
    TempDir dir;
    lantern::test::write_sample_sources(dir);
    dir.write_file("services.json", R"([{"id": "x", "name": "X", "translations": {"cy": "Help"}}])");
    Sources s = read_sources(dir.path());
    CHECK(s.has_errors());
    bool found = false;
    for (const auto& i : s.issues) found = found || i.to_string().find("\"translations\" must be") != std::string::npos;
    CHECK(found);
}

TEST_CASE("a pack built before translations were tracked counts every translated page as unreviewed") {
    TempDir dir;
    lantern::test::write_sample_sources(dir);
    dir.write_file("images/icon.png", lantern::test::k_tiny_png);
    Sources s = read_sources(dir.path());
    REQUIRE_FALSE(s.has_errors());
    REQUIRE(write_pack(s, dir / "pack.sqlite", {"7"}));
    {
        SQLite::Database db((dir / "pack.sqlite").string(), SQLite::OPEN_READWRITE);
        db.exec("ALTER TABLE pages DROP COLUMN translation");
    }
    PackReader pack((dir / "pack.sqlite").string());
    CHECK(pack.unreviewed_counts() == std::map<std::string, int>{{"cy", 1}});
    CHECK(pack.page_counts()[Audience::adult] == std::map<std::string, int>{{"en", 3}, {"cy", 1}});
}
