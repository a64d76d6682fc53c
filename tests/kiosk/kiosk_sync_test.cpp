// The kiosk's outbox sink: what the form submits is sealed, durable, and readable only with the hub's key.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include <sys/stat.h>

#include <atomic>
#include <future>
#include <thread>

#include "kiosk/app/app.h"
#include "kiosk/staff/kiosk_staff_desk.h"
#include "kiosk/parts/kiosk_sync.h"
#include "kiosk/staff/staff_lock.h"
#include "kiosk/views/view_inputs.h"
#include "kiosk/staff/staff_store.h"
#include "kiosk/views/staff_views.h"
#include "tests/fixture_pack.h"
#include "tests/read_file.h"
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

bool test_wait(const std::function<bool()>& done) {
    for (int i = 0; i < 1000 && !done(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    return done();
}

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
    std::string bytes = test::fixture_pack_bytes(k.dir, "5");
    auto pack = k.stick_pack("new.sqlite", bytes, "5", k.signing.secret_key);
    {
        kiosk::KioskSync sync(k.config, "4", {});
        CHECK_FALSE(sync.take_pending_pack());
        CHECK(sync.import_pack(pack).ok());
        // The stick can go: the pack was copied.
        std::filesystem::remove(pack);
        auto taken = sync.take_pending_pack();
        REQUIRE(taken);
        CHECK(taken->version == "5");
        CHECK(test::read_file(taken->path) == bytes);
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
    std::string real = test::fixture_pack_bytes(k.dir, "9");
    auto older = k.stick_pack("older.sqlite", test::fixture_pack_bytes(k.dir, "3"), "3", k.signing.secret_key);
    auto forged = k.stick_pack("forged.sqlite", real, "9", other.secret_key);
    auto changed = k.stick_pack("changed.sqlite", real, "9", k.signing.secret_key);
    std::string tampered = real;
    tampered[tampered.size() / 2] ^= 1;
    k.dir.write_file("usb/changed.sqlite", tampered);
    auto unsigned_pack = k.dir.write_file("usb/unsigned.sqlite", real);
    auto bad_sig = k.dir.write_file("usb/badsig.sqlite", "x");
    k.dir.write_file("usb/badsig.sqlite.sig", "{not json");
    auto huge_sig = k.dir.write_file("usb/huge.sqlite", "x");
    k.dir.write_file("usb/huge.sqlite.sig", std::string(1 << 20, '{'));

    kiosk::KioskSync sync(k.config, "4", {});
    CHECK(sync.import_pack(older).error().message.find("already has version 4") != std::string::npos);
    CHECK(sync.import_pack(forged).error().message.find("signature is not from your organisation") !=
          std::string::npos);
    CHECK(sync.import_pack(changed).error().message.find("not the one its signature file names") != std::string::npos);
    CHECK(sync.import_pack(unsigned_pack).error().message.find("signature file (unsigned.sqlite.sig) is missing") !=
          std::string::npos);
    CHECK(sync.import_pack(bad_sig).error().message.find("not one `lantern content sign` wrote") != std::string::npos);
    CHECK(sync.import_pack(huge_sig).error().message.find("not one `lantern content sign` wrote") != std::string::npos);
    CHECK(sync.import_pack(k.dir / "usb/missing.sqlite").error().message.find("Not imported") != std::string::npos);
    for (const auto& p : {older, forged, changed, unsigned_pack, bad_sig, huge_sig})
        CHECK_MESSAGE(sync.import_pack(p).error().message.find("manifest") == std::string::npos,
                      p.string());  // USB words only
    CHECK_FALSE(sync.take_pending_pack());
    CHECK_FALSE(sync.current_pack());
    if (std::filesystem::exists(k.dir / "data/packs")) CHECK(std::filesystem::is_empty(k.dir / "data/packs"));
}

TEST_CASE("a link to a kiosk file, a 2 GB file and a signed broken pack on a stick are refused, nothing copied") {
    OfflineKiosk k;
    // A link to a file outside the stick, with a signature that would match that file.
    std::string secret_bytes = test::fixture_pack_bytes(k.dir, "7");
    auto secret = k.dir.write_file("outside/secret.sqlite", secret_bytes);
    auto link = k.stick_pack("link.sqlite", secret_bytes, "7", k.signing.secret_key);
    std::filesystem::remove(link);
    std::filesystem::create_symlink(secret, link);
    // A linked signature file beside a real pack.
    auto linked_sig = k.stick_pack("linkedsig.sqlite", secret_bytes, "7", k.signing.secret_key);
    std::filesystem::rename(linked_sig.string() + ".sig", k.dir / "outside/sig");
    std::filesystem::create_symlink(k.dir / "outside/sig", linked_sig.string() + ".sig");
    // 2 GB, sparse (truncate: no disk used), with a signature file: refused by its size before it is read.
    auto huge = k.stick_pack("huge.sqlite", "x", "7", k.signing.secret_key);
    std::filesystem::resize_file(huge, std::uintmax_t{2} << 30);
    // Signed by the right key, but not a pack the kiosk can show.
    auto zeroed = k.stick_pack("zeroed.sqlite", std::string(64 * 1024, '\0'), "7", k.signing.secret_key);

    kiosk::KioskSync sync(k.config, "4", {});
    CHECK(sync.import_pack(link).error().message.find("is a link to another file") != std::string::npos);
    CHECK(sync.import_pack(linked_sig).error().message.find("is a link to another file") != std::string::npos);
    std::int64_t read_of_huge = 0;
    lantern::Result<> huge_import =
        sync.import_pack(huge, [&](std::int64_t done, std::int64_t) { read_of_huge = done; });
    REQUIRE_FALSE(huge_import.ok());
    CHECK(huge_import.error().message.find("2048 MB, more than the 256 MB") != std::string::npos);
    CHECK(read_of_huge == 0);
    CHECK(sync.import_pack(zeroed).error().message.find("not an SQLite database") != std::string::npos);
    CHECK_FALSE(sync.take_pending_pack());
    if (std::filesystem::exists(k.dir / "data/packs")) CHECK(std::filesystem::is_empty(k.dir / "data/packs"));
    // Nothing of the secret reached the kiosk's data folder.
    for (const auto& f : std::filesystem::recursive_directory_iterator(k.dir / "data"))
        if (f.is_regular_file()) CHECK_MESSAGE(f.file_size() != secret_bytes.size(), f.path().string());
}

TEST_CASE("a USB import runs in the background: the staff tap returns at once and the result shows when done") {
    OfflineKiosk k;
    auto pack = k.stick_pack("new.sqlite", test::fixture_pack_bytes(k.dir, "5"), "5", k.signing.secret_key);
    std::atomic<int> changes{0};
    auto sync = std::make_unique<kiosk::KioskSync>(k.config, "4", [&] { ++changes; });
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    sync->set_import_gate([released] { released.wait(); });  // the import is held until the test lets it go

    auto desk = std::make_shared<kiosk::KioskStaffDesk>(
        sync.get(), nullptr, std::vector<std::string>{(k.dir / "usb").string()}, "", [] { return std::string("4"); });
    auto pack_reader = test::build_fixture_pack(k.dir);
    kiosk::App app(pack_reader, "en", kiosk::IdleSettings{90, 30});
    app.set_staff(desk, kiosk::hash_staff_pin("2468"), 0);
    app.apply({kiosk::StaffOpen{}}, 0);
    for (char c : std::string("2468")) app.apply({kiosk::PinKey{kiosk::PinKey::Kind::digit, c}}, 1);
    app.apply({kiosk::PinKey{kiosk::PinKey::Kind::ok}}, 1);
    REQUIRE(app.screen() == kiosk::Screen::staff);
    REQUIRE(app.visit().staff.usb_packs == std::vector<std::string>{pack.string()});

    // App::apply returns while the import has not even started: nothing the kiosk draws waits for the stick.
    app.apply({kiosk::StaffImportPack{pack.string()}}, 2);
    CHECK(desk->import_status().running);
    CHECK(kiosk::build_staff(app).import_line.find("Checking and copying the pack") != std::string::npos);
    CHECK_FALSE(sync->take_pending_pack());
    // A second tap meanwhile is refused, not queued.
    app.apply({kiosk::StaffImportPack{pack.string()}}, 3);
    CHECK(kiosk::build_staff(app).message.find("being checked already") != std::string::npos);

    kiosk::ViewInputs while_held = kiosk::view_inputs(app, 3);

    release.set_value();
    REQUIRE(test_wait([&] { return !desk->import_status().running; }));
    // No tap since: the frames the kiosk kept drawing see the import's snapshot move on, and rebuild.
    kiosk::ViewInputs done = kiosk::view_inputs(app, 4);
    CHECK(done.app_revision == while_held.app_revision);
    CHECK(done != while_held);
    auto view = kiosk::build_staff(app);
    CHECK(view.import_line == "Content imported. The next visitor sees it.");
    CHECK_FALSE(view.import_problem);
    CHECK(changes > 0);  // the kiosk was told to redraw
    auto taken = sync->take_pending_pack();
    REQUIRE(taken);
    CHECK(taken->version == "5");
}

TEST_CASE(
    "the data folder, outbox, staff store, packs and their -wal/-shm files are the kiosk's alone under umask "
    "022") {
    mode_t old = ::umask(022);
    OfflineKiosk k;
    auto pack = k.stick_pack("new.sqlite", test::fixture_pack_bytes(k.dir, "5"), "5", k.signing.secret_key);
    {
        kiosk::KioskSync sync(k.config, "4", {});
        auto r = sync.sink()->submit("3", "{}", {{"money"}, "adult", "HMP Example", "2026-11-25"});
        CHECK(r.error.empty());
        CHECK(sync.import_pack(pack).ok());
        kiosk::StaffStore staff(k.dir / "data" / "staff.sqlite");
        CHECK(staff.post({"Closed at noon", "", {}}, "2026-11-25").ok());
        auto mode = [](const std::filesystem::path& p) {
            return static_cast<int>(std::filesystem::status(p).permissions() & std::filesystem::perms::all);
        };
        auto data = k.dir / "data";
        CHECK(mode(data) == 0700);
        CHECK(mode(data / "packs") == 0700);
        int files = 0;
        for (const auto& f : std::filesystem::recursive_directory_iterator(data)) {
            if (!f.is_regular_file()) continue;
            ++files;
            CHECK_MESSAGE(mode(f.path()) == 0600, f.path().string());
        }
        // outbox and staff: the database, -wal and -shm each; the pack.
        CHECK(std::filesystem::exists(data / "outbox.sqlite-wal"));
        CHECK(std::filesystem::exists(data / "staff.sqlite-shm"));
        CHECK(files >= 7);
    }
    // A data folder an older kiosk left 0755 with a 0644 outbox is made private at the next start.
    std::filesystem::permissions(k.dir / "data", std::filesystem::perms(0755));
    std::filesystem::permissions(k.dir / "data" / "outbox.sqlite", std::filesystem::perms(0644));
    { kiosk::KioskSync again(k.config, "4", {}); }
    CHECK((std::filesystem::status(k.dir / "data").permissions() & std::filesystem::perms::all) ==
          std::filesystem::perms(0700));
    CHECK((std::filesystem::status(k.dir / "data" / "outbox.sqlite").permissions() & std::filesystem::perms::all) ==
          std::filesystem::perms(0600));
    ::umask(old);
}

TEST_CASE("without a content-signing key a kiosk refuses USB packs with a message that says which key is missing") {
    OfflineKiosk k;
    k.config.content_public_key.clear();
    auto pack = k.stick_pack("new.sqlite", "pack", "5", k.signing.secret_key);
    kiosk::KioskSync sync(k.config, "4", {});
    CHECK(sync.import_pack(pack).error().message.find("hub.content_public_key") != std::string::npos);
    CHECK_FALSE(sync.take_pending_pack());
}
