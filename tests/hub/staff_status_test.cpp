// The staff screen follows the sync worker by itself: after "Sync now" reaches a real hub, the view's inputs
// change (so the kiosk rebuilds it) and it shows the new "Last reached the hub" with no further tap.
#include <doctest/doctest.h>
#include <signal.h>

#include "kiosk/app/app.h"
#include "kiosk/staff/kiosk_staff_desk.h"
#include "kiosk/parts/kiosk_sync.h"
#include "kiosk/staff/staff_lock.h"
#include "kiosk/views/staff_views.h"
#include "kiosk/views/view_inputs.h"
#include "sync/encoding.h"
#include "tests/fixture_pack.h"
#include "tests/hub/fault_proxy.h"
#include "tests/hub/hub_fixture.h"

using namespace lantern;
using namespace std::chrono_literals;
using test::HubFixture;
using test::wait_until;

namespace {

std::string line(const kiosk::StaffView& v, const std::string& label) {
    for (const auto& l : v.status)
        if (l.label == label) return l.value;
    return "(no line " + label + ")";
}

}  // namespace

TEST_CASE("after Sync now reaches the hub, the staff screen shows it with no further tap") {
    HubFixture f;
    // Every connection is reset until the "network" comes back.
    test::FaultProxy proxy(f.hub->port(), {.reset_at_connect = 100});
    kiosk::KioskConfig config;
    config.name = "k1";
    config.hub_url = proxy.url();
    config.hub_token = f.kiosk_tokens.at("k1");
    config.data_dir = (f.dir / "kiosk").string();
    config.referral_public_key = (f.dir / "referral.pub").string();
    sync::write_key_file(f.dir / "referral.pub", f.referral_keys.public_key);

    kiosk::KioskSync sync(config, "4", {});
    REQUIRE(wait_until([&] { return sync.status() && !sync.status()->last_error.empty(); }, 10s));
    auto desk = std::make_shared<kiosk::KioskStaffDesk>(&sync, nullptr, std::vector<std::string>{}, proxy.url(),
                                                        [] { return std::string("4"); });
    auto pack = test::build_fixture_pack(f.dir);
    kiosk::App app(pack, "en", kiosk::IdleSettings{90, 30});
    app.set_staff(desk, kiosk::hash_staff_pin("2468"), 0);
    app.apply({kiosk::StaffOpen{}}, 1);
    for (char c : std::string("2468")) app.apply({kiosk::PinKey{kiosk::PinKey::Kind::digit, c}}, 1);
    app.apply({kiosk::PinKey{kiosk::PinKey::Kind::ok}}, 1);
    REQUIRE(app.screen() == kiosk::Screen::staff);
    CHECK(line(kiosk::build_staff(app), "Last reached the hub") == "not yet");

    // The network is back, but the hub is held (SIGSTOP) so it cannot answer before the kiosk has drawn the tap.
    ::kill(f.hub->pid(), SIGSTOP);
    proxy.set_enabled(false);
    app.apply({kiosk::StaffSyncNow{}}, 2);
    // The frame loop: inputs first, then the views (kiosk_loop.cpp).
    kiosk::ViewInputs after_tap = kiosk::view_inputs(app, 2);
    kiosk::StaffView shown = kiosk::build_staff(app);
    CHECK(line(shown, "Last reached the hub") == "not yet");
    // The hub answers the worker's heartbeat; nobody taps anything.
    ::kill(f.hub->pid(), SIGCONT);
    REQUIRE(wait_until([&] { return !sync.status()->last_success.empty(); }, 10s));
    kiosk::ViewInputs later = kiosk::view_inputs(app, 3);
    CHECK(later.app_revision == after_tap.app_revision);  // the App did nothing: the change came from the worker
    REQUIRE(later != after_tap);                          // so the kiosk rebuilds the staff screen on it
    shown = kiosk::build_staff(app);
    CHECK(line(shown, "Last reached the hub").find("today at") != std::string::npos);
    CHECK(line(shown, "Last problem") == "none");
}
