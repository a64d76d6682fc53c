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

namespace {

// A kiosk with no hub, its keys, and a "USB stick" folder to put signed packs on.
struct OfflineKiosk {
    test::TempDir dir;
    sync::KeyPair signing = sync::generate_signing_keys();
    kiosk::KioskConfig config;

    OfflineKiosk() {
        auto referral = sync::generate_referral_keys();
        sync::write_key_file(dir / "referral.pub", referral.public_key);
        sync::write_key_file(dir / "content.pub", signing.public_key);
        config.referral_public_key = (dir / "referral.pub").string();
        config.content_public_key = (dir / "content.pub").string();
        config.data_dir = (dir / "data").string();
    }

    // Writes PACK and PACK.sig as `lantern content sign` does, signed with `key`.
    std::filesystem::path stick_pack(const std::string& name, const std::string& bytes, const std::string& version,
                                     const sync::SecretBytes& key) {
        auto path = dir.write_file("usb/" + name, bytes);
        std::string sha = sync::sha256_hex(bytes);
        auto sig = sync::sign_pack(version, sha, key);
        dir.write_file("usb/" + name + ".sig", R"({"version":")" + version + R"(","sha256":")" + sha +
                                                   R"(","signature":")" + sync::to_base64(sig) + R"("})");
        return path;
    }
};

}  // namespace

TEST_CASE("a signed pack from a USB stick waits for the next visitor on a kiosk with no hub, and survives a restart") {
    OfflineKiosk k;
    auto pack = k.stick_pack("new.sqlite", std::string(5000, 'p'), "5", k.signing.secret_key);
    {
        kiosk::KioskSync sync(k.config, "4", {});
        CHECK_FALSE(sync.take_pending_pack());
        CHECK(sync.import_pack(pack) == "");
        // The stick can go: the pack was copied.
        std::filesystem::remove(pack);
        auto taken = sync.take_pending_pack();
        REQUIRE(taken);
        CHECK(taken->version == "5");
        CHECK(test::read_file(taken->path) == std::string(5000, 'p'));
        CHECK_FALSE(sync.take_pending_pack());
    }
    kiosk::KioskSync restarted(k.config, "4", {});
    REQUIRE(restarted.current_pack());
    CHECK(restarted.current_pack()->version == "5");
}

TEST_CASE(
    "a USB pack that is older, wrongly signed, changed after signing or unsigned is refused and nothing changes") {
    OfflineKiosk k;
    auto other = sync::generate_signing_keys();
    auto older = k.stick_pack("older.sqlite", "old pack", "3", k.signing.secret_key);
    auto forged = k.stick_pack("forged.sqlite", "forged pack", "9", other.secret_key);
    auto changed = k.stick_pack("changed.sqlite", "original", "9", k.signing.secret_key);
    k.dir.write_file("usb/changed.sqlite", "tampered");
    auto unsigned_pack = k.dir.write_file("usb/unsigned.sqlite", "no sig");
    auto bad_sig = k.dir.write_file("usb/badsig.sqlite", "x");
    k.dir.write_file("usb/badsig.sqlite.sig", "{not json");
    auto huge_sig = k.dir.write_file("usb/huge.sqlite", "x");
    k.dir.write_file("usb/huge.sqlite.sig", std::string(1 << 20, '{'));

    kiosk::KioskSync sync(k.config, "4", {});
    CHECK(sync.import_pack(older).find("not newer") != std::string::npos);
    CHECK(sync.import_pack(forged).find("bad signature") != std::string::npos);
    CHECK(sync.import_pack(changed).find("rejected") != std::string::npos);
    CHECK(sync.import_pack(unsigned_pack).find("no signature file") != std::string::npos);
    CHECK(sync.import_pack(bad_sig).find("not one `lantern content sign` wrote") != std::string::npos);
    CHECK(sync.import_pack(huge_sig).find("not one `lantern content sign` wrote") != std::string::npos);
    CHECK(sync.import_pack(k.dir / "usb/missing.sqlite").find("rejected") != std::string::npos);
    CHECK_FALSE(sync.take_pending_pack());
    CHECK_FALSE(sync.current_pack());
    if (std::filesystem::exists(k.dir / "data/packs")) CHECK(std::filesystem::is_empty(k.dir / "data/packs"));
}

TEST_CASE("without a content-signing key a kiosk refuses USB packs with a message that says which key is missing") {
    OfflineKiosk k;
    k.config.content_public_key.clear();
    auto pack = k.stick_pack("new.sqlite", "pack", "5", k.signing.secret_key);
    kiosk::KioskSync sync(k.config, "4", {});
    CHECK(sync.import_pack(pack).find("hub.content_public_key") != std::string::npos);
    CHECK_FALSE(sync.take_pending_pack());
}
