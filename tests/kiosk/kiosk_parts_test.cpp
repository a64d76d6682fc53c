// The composition root: parts built from the config, a staff store that cannot be opened keeps the PIN pad
// locked, and no thread of the kiosk outlives the parts it uses.
#include <doctest/doctest.h>
#include <SQLiteCpp/Database.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "kiosk/parts/kiosk_parts.h"
#include "kiosk/staff/staff_lock.h"
#include "kiosk/views/staff_views.h"
#include "sync/encoding.h"
#include "sync/sealing.h"
#include "tests/fixture_pack.h"

using namespace lantern;
using namespace std::chrono_literals;

namespace {

struct PartsFixture {
    test::TempDir dir;
    kiosk::KioskPartsOptions options;
    std::shared_ptr<std::atomic<int>> wakes = std::make_shared<std::atomic<int>>(0);

    PartsFixture() {
        test::build_fixture_pack(dir);  // writes dir/pack.sqlite
        auto keys = sync::generate_referral_keys();
        sync::write_key_file(dir / "referral.pub", keys.public_key);
        options.pack_path = (dir / "pack.sqlite").string();
        options.config.referral_public_key = (dir / "referral.pub").string();
        options.config.data_dir = (dir / "data").string();
        options.config.staff_pin_hash = kiosk::hash_staff_pin("2468");
        options.config.hub_url = "http://127.0.0.1:9";  // nothing listens: the worker keeps failing and retrying
        auto w = wakes;
        options.wake_ui = [w] { ++*w; };
    }

    static void pin(kiosk::App& app, const std::string& digits, double now) {
        app.apply({kiosk::StaffOpen{}}, now);
        for (char c : digits) app.apply({kiosk::PinKey{kiosk::PinKey::Kind::digit, c}}, now);
        app.apply({kiosk::PinKey{kiosk::PinKey::Kind::ok}}, now);
    }
};

}  // namespace

TEST_CASE("the parts are built from the config: the shipped pack, the outbox sink, the staff desk and its store") {
    PartsFixture f;
    kiosk::KioskParts parts(f.options);
    REQUIRE(parts.pack());
    CHECK(parts.app().pack() == parts.pack().get());
    CHECK(parts.pack_fault().empty());
    REQUIRE(parts.sync());
    CHECK(parts.sync()->sink());
    REQUIRE(parts.staff_desk());
    CHECK(parts.app().staff_enabled());
    CHECK_FALSE(parts.app().staff_lock_failed());
    f.pin(parts.app(), "2468", 1);
    CHECK(parts.app().screen() == kiosk::Screen::staff);
    CHECK(std::filesystem::exists(f.dir / "data" / "staff.sqlite"));
    CHECK_FALSE(parts.switch_to_pending_pack());  // nothing pending, and not between visitors
}

TEST_CASE("a staff store that cannot be opened at start keeps the PIN pad locked, with a message for staff") {
    PartsFixture f;
    f.dir.write_file("data/staff.sqlite", std::string(8192, 'x'));  // not a database
    kiosk::KioskParts parts(f.options);
    CHECK(parts.app().staff_lock_failed());
    f.pin(parts.app(), "2468", 1);
    CHECK(parts.app().screen() == kiosk::Screen::staff_pin);
    CHECK(kiosk::build_staff_pin(parts.app(), 1).message ==
          "The staff lock could not be checked; restart the kiosk or call IT.");
}

TEST_CASE("saved staff settings are used at start only when they pass the staff rule: a changed store is ignored") {
    PartsFixture f;
    f.options.idle = {90, 30};  // kiosk.toml's
    sync::KioskSettings from_toml;
    { from_toml = kiosk::KioskParts(f.options).app().settings(); }
    CHECK(from_toml.idle_seconds == 90);
    auto store_says = [&](const std::string& set) {
        SQLite::Database db((f.dir / "data" / "staff.sqlite").string(), SQLite::OPEN_READWRITE);
        db.exec(
            "INSERT INTO settings(id, idle_seconds, countdown_seconds, languages, read_aloud_volume) "
            "VALUES (1, 120, 20, 'en', 70) ON CONFLICT(id) DO UPDATE SET " +
            set);
    };
    store_says("idle_seconds = 120");  // as staff would have saved them
    CHECK(kiosk::KioskParts(f.options).app().settings() == sync::KioskSettings{120, 20, {"en"}, 70});
    // Written behind the kiosk's back: outside the bounds staff may choose, or its own language left out.
    for (const char* tampered : {"idle_seconds = 5", "countdown_seconds = 9999", "read_aloud_volume = 0",
                                 "languages = 'cy'", "languages = 'en,Sam Smith'"}) {
        INFO(tampered);
        store_says(
            std::string("idle_seconds = 120, countdown_seconds = 20, languages = 'en', read_aloud_volume = 70, ") +
            tampered);
        CHECK(kiosk::KioskParts(f.options).app().settings() == from_toml);
    }
}

TEST_CASE("no thread of the kiosk outlives its parts: the worker has stopped calling back once they are gone") {
    PartsFixture f;
    {
        kiosk::KioskParts parts(f.options);
        auto deadline = std::chrono::steady_clock::now() + 10s;
        while (*f.wakes == 0 && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(10ms);
        REQUIRE(*f.wakes > 0);  // the worker ran (and failed to reach the hub) and woke the screen
        parts.staff_desk()->sync_now();
    }
    int after = *f.wakes;
    std::this_thread::sleep_for(300ms);
    CHECK(*f.wakes == after);
}
