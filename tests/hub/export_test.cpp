// The whole journey of a referral: the kiosk's sink seals it, the sync worker delivers it to a real hub,
// and `lantern referrals export` opens it with the private key, returning exactly what the family typed.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "tests/read_file.h"
#include "kiosk/parts/kiosk_sync.h"
#include "tests/hub/hub_fixture.h"

using namespace lantern;
using namespace std::chrono_literals;
using json = nlohmann::json;
using test::HubFixture;
using test::wait_until;

namespace {

// Runs the staff command; the admin token travels in the environment, as staff are told to do.
int export_referrals(const HubFixture& f, const std::filesystem::path& key, const std::string& format,
                     const std::filesystem::path& out) {
    return test::run_lantern(f, "referrals export --hub " + f.hub->url() + " --key '" + key.string() + "' --format " +
                                    format + " -o '" + out.string() + "'")
        .code;
}

}  // namespace

TEST_CASE("a referral made on the kiosk is exported with exactly the answers given, once") {
    HubFixture f;
    sync::write_key_file(f.dir / "referral.pub", f.referral_keys.public_key);
    sync::write_key_file(f.dir / "referral.key", f.referral_keys.secret_key.bytes());

    kiosk::KioskConfig config;
    config.name = "k1";
    config.centre = "HMP Example";
    config.hub_url = f.hub->url();
    config.hub_token = f.kiosk_tokens.at("k1");
    config.referral_public_key = (f.dir / "referral.pub").string();
    config.data_dir = (f.dir / "kiosk").string();

    // What a family might type: Welsh and Polish letters, quotes, commas and new lines (CSV's hard cases),
    // SQL and format strings.
    json answers = {{"form_version", "3"},
                    {"lang", "cy"},
                    {"answers",
                     {{"call_me", "Siân Łukasz-O'Brien"},
                      {"phone", "07700 900123"},
                      {"anything_else", "Line one, \"quoted\"\nLine two; DROP TABLE referrals; -- %s %n"},
                      {"needs", {"money", "housing"}}}}};
    std::string reference;
    {
        kiosk::KioskSync sync(config, "1", {});
        auto r = sync.sink()->submit("3", answers.dump(), {{"money", "housing"}, "adult", "HMP Example", "2026-11-25"});
        REQUIRE(r.error.empty());
        reference = r.reference;
        CHECK(wait_until([&] { return sync.status()->delivered == 1; }, 15s));
        CHECK(sync.status()->outbox_depth == 0);
    }
    CHECK(f.hub_referral_count() == 1);

    REQUIRE(export_referrals(f, f.dir / "referral.key", "json", f.dir / "out.json") == 0);
    auto exported = json::parse(lantern::test::read_file(f.dir / "out.json"));
    REQUIRE(exported.size() == 1);
    CHECK(exported[0]["answers"] == answers);
    CHECK(exported[0]["reference"] == reference);
    CHECK(exported[0]["kiosk"] == "k1");
    CHECK(exported[0]["summary"]["needs"] == json::array({"money", "housing"}));

    // Marked exported: the next export has nothing new.
    REQUIRE(export_referrals(f, f.dir / "referral.key", "json", f.dir / "again.json") == 0);
    CHECK(json::parse(lantern::test::read_file(f.dir / "again.json")).empty());
}

TEST_CASE("CSV export keeps commas, quotes and new lines inside one cell each") {
    HubFixture f;
    sync::write_key_file(f.dir / "referral.key", f.referral_keys.secret_key.bytes());
    sync::OutboxStore outbox(f.dir / "outbox.sqlite");
    json answers = {{"answers", {{"anything_else", "a, \"b\"\nc"}}}};
    outbox.submit(f.referral(answers.dump()));
    sync::SyncWorker worker(outbox, f.worker_options(f.hub->url()));
    worker.start();
    REQUIRE(wait_until([&] { return outbox.depth().delivered == 1; }, 15s));
    worker.stop();
    REQUIRE(export_referrals(f, f.dir / "referral.key", "csv", f.dir / "out.csv") == 0);
    std::string csv = lantern::test::read_file(f.dir / "out.csv");
    CHECK(csv.find("\"a, \"\"b\"\"\nc\"") != std::string::npos);
}

TEST_CASE("an export with the wrong key opens nothing, marks nothing and fails") {
    HubFixture f;
    auto other = sync::generate_referral_keys();
    sync::write_key_file(f.dir / "wrong.key", other.secret_key.bytes());
    sync::write_key_file(f.dir / "referral.key", f.referral_keys.secret_key.bytes());
    sync::OutboxStore outbox(f.dir / "outbox.sqlite");
    outbox.submit(f.referral(R"({"answers":{"call_me":"Sam"}})"));
    sync::SyncWorker worker(outbox, f.worker_options(f.hub->url()));
    worker.start();
    REQUIRE(wait_until([&] { return outbox.depth().delivered == 1; }, 15s));
    worker.stop();
    CHECK(export_referrals(f, f.dir / "wrong.key", "json", f.dir / "wrong.json") != 0);
    CHECK(lantern::test::read_file(f.dir / "wrong.json").find("Sam") == std::string::npos);
    // Not marked: the right key still gets it.
    REQUIRE(export_referrals(f, f.dir / "referral.key", "json", f.dir / "right.json") == 0);
    auto exported = json::parse(lantern::test::read_file(f.dir / "right.json"));
    REQUIRE(exported.size() == 1);
    CHECK(exported[0]["answers"]["answers"]["call_me"] == "Sam");
}

TEST_CASE("lantern-kiosk --sync-now empties the outbox into the hub, and says so by its exit code") {
    HubFixture f;
    sync::write_key_file(f.dir / "referral.pub", f.referral_keys.public_key);
    kiosk::KioskConfig offline;  // no hub yet: the referral waits in the outbox
    offline.referral_public_key = (f.dir / "referral.pub").string();
    offline.data_dir = (f.dir / "kiosk").string();
    {
        kiosk::KioskSync sync(offline, "1", {});
        REQUIRE(sync.sink()->submit("3", "{}", {{"money"}, "adult", "HMP Example", "2026-11-25"}).error.empty());
    }
    auto sync_now = [&](const std::string& url) {
        test::TempDir cfg;
        auto toml = cfg.write_file("kiosk.toml", "[kiosk]\nname = \"k1\"\n[hub]\nurl = \"" + url + "\"\ntoken = \"" +
                                                     f.kiosk_tokens.at("k1") + "\"\nreferral_public_key = \"" +
                                                     offline.referral_public_key + "\"\n[paths]\ndata = \"" +
                                                     offline.data_dir + "\"\n");
        std::string cmd = "'" LANTERN_BINARY_DIR "/kiosk/lantern-kiosk' --config '" + toml.string() +
                          "' --sync-now 3 >/dev/null 2>&1";
        int status = std::system(cmd.c_str());
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    };
    CHECK(sync_now("http://127.0.0.1:1") == 1);  // nothing listens there: the referral stays
    CHECK(f.hub_referral_count() == 0);
    CHECK(sync_now(f.hub->url()) == 0);
    CHECK(f.hub_referral_count() == 1);
}
