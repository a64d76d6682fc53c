// Staff settings end to end: changed on the kiosk's staff screen, kept in its staff store across a restart, and
// reported by the real sync worker's heartbeat to a real hub, where `lantern kiosk status` shows them.
#include <doctest/doctest.h>

#include "hub/cli/admin_client.h"
#include "hub/cli/kiosk_status.h"
#include "kiosk/parts/kiosk_parts.h"
#include "kiosk/staff/staff_lock.h"
#include "sync/encoding.h"
#include "tests/fixture_pack.h"
#include "tests/hub/hub_fixture.h"

using namespace lantern;
using namespace std::chrono_literals;
using test::HubFixture;
using test::wait_until;

namespace {

std::optional<sync::KioskSettings> reported(const HubFixture& f) {
    for (const auto& k : hub::AdminClient(f.hub->url(), f.admin_token).kiosks().kiosks)
        if (k.kiosk == "k1") return k.heartbeat.settings;
    return std::nullopt;
}

}  // namespace

TEST_CASE("staff settings are used at once, kept across a restart and reported to the hub") {
    HubFixture f;
    test::build_fixture_pack(f.dir);  // writes dir/pack.sqlite
    sync::write_key_file(f.dir / "referral.pub", f.referral_keys.public_key);
    kiosk::KioskPartsOptions options;
    options.pack_path = (f.dir / "pack.sqlite").string();
    options.config.name = "k1";
    options.config.hub_url = f.hub->url();
    options.config.hub_token = f.kiosk_tokens.at("k1");
    options.config.referral_public_key = (f.dir / "referral.pub").string();
    options.config.data_dir = (f.dir / "kiosk").string();
    options.config.staff_pin_hash = kiosk::hash_staff_pin("2468");
    options.idle = {90, 30};  // kiosk.toml's
    sync::KioskSettings chosen{120, 20, {"en"}, 70};
    {
        kiosk::KioskParts parts(options);
        kiosk::App& app = parts.app();
        // Before staff change anything, the hub hears what kiosk.toml set.
        REQUIRE(wait_until([&] { return reported(f).has_value(); }, 20s));
        CHECK(*reported(f) == sync::KioskSettings{90, 30, {}, 100});

        app.apply({kiosk::StaffOpen{}}, 1);
        for (char c : std::string("2468")) app.apply({kiosk::PinKey{kiosk::PinKey::Kind::digit, c}}, 1);
        app.apply({kiosk::PinKey{kiosk::PinKey::Kind::ok}, kiosk::StaffOpenSettings{}}, 1);
        REQUIRE(app.screen() == kiosk::Screen::staff_settings);
        using Which = kiosk::StaffStepSetting::Which;
        app.apply({kiosk::StaffStepSetting{Which::idle_seconds, 1}, kiosk::StaffStepSetting{Which::idle_seconds, 1},
                   kiosk::StaffStepSetting{Which::countdown_seconds, -1},
                   kiosk::StaffStepSetting{Which::countdown_seconds, -1},
                   kiosk::StaffStepSetting{Which::read_aloud_volume, -1},
                   kiosk::StaffStepSetting{Which::read_aloud_volume, -1},
                   kiosk::StaffStepSetting{Which::read_aloud_volume, -1}, kiosk::StaffToggleLanguage{"cy"}},
                  2);
        CHECK(app.settings() == chosen);
        // Reported with the next pass, not in five minutes.
        REQUIRE(wait_until([&] { return reported(f) == chosen; }, 20s));
        std::string table = hub::kiosk_status_table(hub::AdminClient(f.hub->url(), f.admin_token).kiosks(), 0);
        INFO(table);
        CHECK(table.find("120+20 s, en, 70%") != std::string::npos);
    }
    // A restart: kiosk.toml still says 90 and 30 seconds, but staff's choice is kept and used.
    kiosk::KioskParts again(options);
    CHECK(again.app().settings() == chosen);
    CHECK(again.app().languages_offered() == std::vector<std::string>{"en"});
}
