// Writes each harness's seed corpus into the fuzz build folder from the repo's real files (pages, form.json,
// services.json, YAML, kiosk.toml, UI scripts), a pack built from the fixture content, and wire bodies made by
// the protocol's own serialisers: seeds are generated, never committed as binaries.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "content/pack_builder.h"
#include "hub/cli/notices_file.h"
#include "hub/shared/admin_api.h"
#include "sync/encoding.h"
#include "sync/protocol.h"
#include "tests/fuzz/fuzz_usb_stick.h"

namespace fs = std::filesystem;
using namespace lantern;

namespace {

const fs::path source_dir = LANTERN_SOURCE_DIR;

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

struct Corpus {
    fs::path dir;
    int n = 0;
    void add(const std::string& bytes) {
        std::ofstream(dir / ("seed-" + std::to_string(n++)), std::ios::binary) << bytes;
    }
    void add_files(const fs::path& folder, const std::string& ext, const std::string& prefix = "") {
        if (!fs::exists(folder)) return;
        for (const auto& e : fs::recursive_directory_iterator(folder))
            if (e.is_regular_file() && e.path().extension() == ext) add(prefix + read(e.path()));
    }
};

Corpus corpus(const fs::path& out, const std::string& name) {
    fs::path dir = out / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return {dir};
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: fuzz_seeds OUT_DIR\n";
        return 2;
    }
    fs::path out = argv[1];
    const fs::path assets = source_dir / "assets/content";
    const fs::path fixtures = source_dir / "tests/fixtures/content";

    for (const char* name : {"fuzz_markdown", "fuzz_page"}) {
        auto c = corpus(out, name);
        c.add_files(assets / "pages", ".md");
        c.add_files(fixtures / "pages", ".md");
    }
    {
        auto c = corpus(out, "fuzz_services");
        c.add(read(assets / "services.json"));
        c.add(read(fixtures / "services.json"));
    }
    {
        // The fixture Open Referral UK feed, its services one by one, and the other shapes a feed may take.
        auto c = corpus(out, "fuzz_oruk");
        std::string feed = read(source_dir / "tests/content/fixtures/oruk_feed.json");
        c.add(feed);
        auto page = nlohmann::json::parse(feed, nullptr, false);
        if (page.is_object() && page.contains("contents") && page["contents"].is_array()) {
            c.add(page["contents"].dump());
            for (const auto& s : page["contents"]) c.add(s.dump(1));
        }
        c.add(R"({"contents": []})");
    }
    {
        // fuzz_sources_yaml: the first byte picks the file (topics, search, notices, strings).
        auto c = corpus(out, "fuzz_sources_yaml");
        const char* files[] = {"topics.yaml", "search.yaml", "notices.yaml", "strings.yaml"};
        for (char i = 0; i < 4; ++i)
            for (const auto& folder : {assets, fixtures})
                if (fs::exists(folder / files[static_cast<int>(i)]))
                    c.add(std::string(1, i) + read(folder / files[static_cast<int>(i)]));
    }
    {
        auto c = corpus(out, "fuzz_config");
        c.add(read(source_dir / "packaging/etc/kiosk.toml"));
        c.add(
            "[kiosk]\nname = \"kiosk-1\"\ncentre = \"Riverside Visitor Centre\"\ndefault_language = \"cy\"\n"
            "[idle]\nseconds = 120\ncountdown_seconds = 20\n[hub]\nurl = \"https://hub.example.org\"\n"
            "token = \"abc\"\nreferral_public_key = \"keys/referral.pub\"\n[paths]\npack = \"var/pack.sqlite\"\n"
            "data = \"var/kiosk\"\n[display]\ntext_scale = 1.25\nhigh_contrast = true\n[staff]\n"
            "usb_paths = [\"/media\"]\n");
    }
    {
        auto c = corpus(out, "fuzz_script");
        c.add_files(source_dir / "tests/ui", ".txt");
    }
    {
        // A real pack built from the fixture content, and the same from the shipped content.
        auto c = corpus(out, "fuzz_pack");
        for (const auto& folder : {fixtures, assets}) {
            auto sources = content::read_sources(folder);
            fs::path pack = out / "seed-pack.sqlite";
            if (content::write_pack(sources, pack, {"1"})) c.add(read(pack));
            fs::remove(pack);
        }
    }
    {
        // SQL run on the fixture pack: the kinds of change a bad build or a hand edit makes.
        auto c = corpus(out, "fuzz_pack_sql");
        c.add("UPDATE pages SET title = '', summary = x'00ff';");
        c.add("DELETE FROM topics;");
        c.add("UPDATE pages SET topic = 'nowhere' WHERE rowid = 1;");
        c.add("UPDATE pages SET body = printf('%.*c', 100000, '*');");
        c.add("UPDATE meta SET value = '99' WHERE key = 'format_version';");
        c.add("DROP TABLE images;");
        c.add("UPDATE pages SET audiences = 'martian';");
        c.add("INSERT INTO pages SELECT * FROM pages;");
        c.add(
            "PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = 'CREATE TABLE pages(x)' WHERE name = "
            "'pages';");
    }
    {
        // Small forms beside the real ones, so the fuzzer has quick inputs to start from too.
        auto c = corpus(out, "fuzz_form");
        c.add(read(assets / "form.json"));
        c.add(read(fixtures / "form.json"));
        c.add(R"({"version": "1", "steps": [{"id": "a", "title": {"en": "A"}, "fields": [{"id": "x", "type": "choice",
          "label": {"en": "X"}, "options": [{"id": "o", "label": {"en": "O"}}], "show_if": {"field": "x",
          "equals": "o"}}]}], "safeguarding": [{"any": [{"field": "x", "not_empty": true}]}]})");
    }
    sync::ReferralPost post{"6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f",
                            "kiosk-1",
                            "ACDEFHJK",
                            "2024-05-01T10:00:00Z",
                            "3",
                            sync::Bytes(64, 7),
                            sync::ReferralSummary{{"money", "travel"}, "adult", "HMP Example", "2024-05-01"}};
    {
        auto c = corpus(out, "fuzz_route_referral");
        c.add(sync::to_json(post).dump());
        post.summary.needs = {"domestic_abuse"};
        post.summary.audience = "teen";
        c.add(sync::to_json(post).dump(2));
    }
    {
        auto c = corpus(out, "fuzz_route_heartbeat");
        sync::Heartbeat hb{"0.1.0", "20240501",          3, 1, "2024-05-01T10:00:00Z", "HTTP 503", {{"page_views", 12}},
                           "",      std::string(64, 'a')};
        c.add(sync::to_json(hb).dump());
        hb.pack_fault = "version 3 cannot be used: not a pack";
        hb.usage = {};
        c.add(sync::to_json(hb).dump());
        // Usage figures: two days, every kind of name, a search's words in Welsh (non-ASCII letters).
        hb.usage_days = {{"2024-04-30",
                          "HMP Example",
                          {{"visits", 9},
                           {"visit:adult:cy", 4},
                           {"pages", 7},
                           {"page:first-visit", 3},
                           {"searches_nothing", 2},
                           {"search_nothing:dŵr poeth", 1},
                           {"search_nothing_unlisted", 1},
                           {"form_started", 2},
                           {"form_step:2", 1},
                           {"form_review", 1},
                           {"form_sent", 1},
                           {"quick_exits", 1},
                           {"idle_ends", 3},
                           {"read_aloud", 1},
                           {"text_size", 1},
                           {"text_size:1", 1}}},
                         {"2024-05-01", "HMP Example", {{"visits", 1}}}};
        c.add(sync::to_json(hb).dump());
        // The settings staff chose on the kiosk.
        hb.usage_days.clear();
        hb.settings = sync::KioskSettings{120, 20, {"en", "cy"}, 70};
        c.add(sync::to_json(hb).dump());
    }
    {
        auto c = corpus(out, "fuzz_route_exported");
        c.add("{\"ids\": [\"6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f\", \"0d1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f\"]}");
        c.add("{\"ids\": []}");
    }
    {
        // Two bytes (status, content type) then the body.
        auto c = corpus(out, "fuzz_hub_answers");
        sync::Receipt receipt{post.id, "2024-05-01T10:00:01Z", "stored"};
        c.add(std::string("\x01\x00", 2) + sync::to_json(receipt).dump());
        c.add(std::string("\x07\x00", 2) + sync::error_body("this id is already stored", post.id));
        c.add(std::string("\x02\x02", 2) + "<html>Sign in to the wifi</html>");
        sync::Manifest m{"20240501", std::string(64, 'b'), 4096, std::string(88, 'A'),
                         "/api/v1/content/packs/" + std::string(64, 'b')};
        c.add(std::string("\x00\x00", 2) + sync::to_json(m).dump());
    }
    {
        // The team's example notices (docs/notices.example.yaml) as the hub serves them, and the bare document.
        auto c = corpus(out, "fuzz_notices");
        auto doc = hub::read_notices_yaml(read(source_dir / "docs" / "notices.example.yaml"), 20261201090000);
        if (!doc) {
            std::cerr << "fuzz_seeds: docs/notices.example.yaml: " << doc.error().message << "\n";
            return 1;
        }
        auto key = sync::generate_signing_keys();
        auto signed_notices = sync::sign_notices(doc.value(), key.secret_key);
        c.add(sync::to_json(signed_notices).dump());
        c.add(signed_notices.document);
        c.add(sync::to_json(sync::sign_notices(sync::NoticesDocument{1, {}}, key.secret_key)).dump());
    }
    {
        // A .sig that verifies (the import then reads, hashes and checks the pack), one for an older version,
        // and one whose signature is for another pack.
        auto c = corpus(out, "fuzz_usb_sig");
        fuzz::UsbStick stick;
        c.add(stick.sig_file(stick.version));
        c.add(stick.sig_file("0"));
        auto other = nlohmann::json::parse(stick.sig_file(stick.version));
        other["sha256"] = std::string(64, 'c');
        c.add(other.dump());
    }
    {
        // The admin routes' answers to `lantern`, as the hub writes them (hub/shared/admin_api.h).
        namespace api = hub::api;
        auto c = corpus(out, "fuzz_admin_answers");
        api::ReferralRow row{1,
                             post.id,
                             post.kiosk,
                             post.reference,
                             post.created,
                             post.form_version,
                             post.sealed,
                             post.summary,
                             "2024-05-01T10:00:01Z",
                             ""};
        c.add(api::to_json(api::ReferralsPage{{row}, 1}).dump());
        c.add(api::to_json(api::ReferralsPage{{}, 7}).dump());
        c.add(api::to_json(
                  api::Report{5, {{"HMP Example", "2024-05", "money", 12}, {"HMP Example", "2024-05", "travel", {}}}})
                  .dump());
        sync::Heartbeat hb;
        hb.app_version = "0.1.0";
        hb.outbox_depth = 2;
        hb.usage = {{"page_views", 3}};
        c.add(api::to_json(api::KiosksAnswer{{{"kiosk-1", "2024-05-01T10:00:00Z", hb}}}).dump());
        c.add(api::to_json(api::ExportedAnswer{2}).dump());
        c.add(api::to_json(api::ExportedRequest{{post.id}}).dump());
        c.add(sync::error_body("missing or wrong token"));
    }
    return 0;
}
