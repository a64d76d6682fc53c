// The kiosk's outbox sink: what the form submits is sealed, durable, and readable only with the hub's key.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "tests/read_file.h"
#include "kiosk/kiosk_sync.h"
#include "sync/encoding.h"
#include "sync/sealing.h"
#include "tests/temp_dir.h"

using namespace lantern;

TEST_CASE("a submitted referral is sealed into the outbox and opens with the hub's private key") {
    test::TempDir dir;
    auto keys = sync::generate_referral_keys();
    sync::write_key_file(dir / "referral.pub", keys.public_key);
    kiosk::KioskConfig config;
    config.centre = "HMP Example";
    config.referral_public_key = (dir / "referral.pub").string();
    config.data_dir = (dir / "data").string();
    std::string answers = R"({"answers":{"call_me":"Canary Zebedee 07700900123"}})";
    std::string reference;
    {
        kiosk::KioskSync sync(config, "", {});
        REQUIRE(sync.sink());
        CHECK_FALSE(sync.status());  // no hub configured: no worker, referrals wait in the outbox
        auto r = sync.sink()->submit("3", answers, {{"money", "housing"}, "adult", "HMP Example", "2026-11-25"});
        CHECK(r.error.empty());
        reference = r.reference;
    }
    CHECK(reference.size() == 9);
    CHECK(reference[4] == '-');

    sync::OutboxStore outbox(dir / "data" / "outbox.sqlite");
    auto rows = outbox.next_queued(10);
    REQUIRE(rows.size() == 1);
    CHECK(sync::format_reference_code(rows[0].reference_code) == reference);
    CHECK(rows[0].summary.needs == std::vector<std::string>{"money", "housing"});
    CHECK(sync::open_sealed(rows[0].sealed, keys.public_key, keys.secret_key) == answers);
    for (const auto& f : std::filesystem::recursive_directory_iterator(dir / "data"))
        CHECK_MESSAGE(lantern::test::read_file(f.path()).find("Zebedee") == std::string::npos, f.path().string());
}

TEST_CASE("a bad summary is refused with an error and nothing is stored") {
    test::TempDir dir;
    auto keys = sync::generate_referral_keys();
    sync::write_key_file(dir / "referral.pub", keys.public_key);
    kiosk::KioskConfig config;
    config.referral_public_key = (dir / "referral.pub").string();
    config.data_dir = (dir / "data").string();
    kiosk::KioskSync sync(config, "", {});
    auto r = sync.sink()->submit("3", "{}", {{"Not A Need!"}, "adult", "HMP Example", "2026-11-25"});
    CHECK(r.reference.empty());
    CHECK_FALSE(r.error.empty());
    CHECK(sync::OutboxStore(dir / "data" / "outbox.sqlite").depth().queued == 0);
}

TEST_CASE("a config naming a missing key or no data folder fails with a message naming it") {
    test::TempDir dir;
    kiosk::KioskConfig config;
    config.referral_public_key = (dir / "nope.pub").string();
    config.data_dir = (dir / "data").string();
    CHECK_THROWS_WITH_AS(kiosk::KioskSync(config, "", {}), doctest::Contains("nope.pub"), std::exception);
    auto keys = sync::generate_referral_keys();
    sync::write_key_file(dir / "referral.pub", keys.public_key);
    config.referral_public_key = (dir / "referral.pub").string();
    config.data_dir.clear();
    CHECK_THROWS_WITH_AS(kiosk::KioskSync(config, "", {}), doctest::Contains("paths.data"), std::exception);
    kiosk::KioskConfig none;
    CHECK_FALSE(kiosk::KioskSync(none, "", {}).sink());
}
