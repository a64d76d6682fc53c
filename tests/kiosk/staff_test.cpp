// Staff mode without a window: the PIN and its lockout, the notices store, finding packs on a stick, and the
// App's staff screens driven through a desk that records what it was asked.
#include <doctest/doctest.h>

#include <algorithm>
#include <regex>
#include <utility>

#include <SQLiteCpp/Database.h>

#include "kiosk/app/app.h"
#include "kiosk/parts/config.h"
#include "kiosk/staff/kiosk_staff_desk.h"
#include "kiosk/staff/staff_store.h"
#include "kiosk/views/strings.h"
#include "kiosk/views/staff_views.h"
#include "kiosk/views/view_models.h"
#include "sync/encoding.h"
#include "sync/pack_update.h"
#include "sync/sealing.h"
#include "tests/fixture_pack.h"

using namespace lantern::kiosk;
using lantern::test::TempDir;

namespace {

const std::string& pin_hash_2468() {
    static const std::string hash = hash_staff_pin("2468");
    return hash;
}

struct RecordingDesk : StaffDesk {
    std::vector<BannerNotice> notices;
    std::vector<BannerNotice> hub_notices;
    std::vector<std::string> packs = {"/media/STICK/lantern.sqlite"};
    std::vector<std::string> imported;
    int syncs = 0;
    std::string import_answer;  // empty: accepted
    int wrong = 0;

    std::vector<StaffStatusLine> status() const override { return {{"Hub", "http://127.0.0.1:1", false}}; }
    std::uint64_t status_revision() const override { return 0; }
    void sync_now() override { ++syncs; }
    std::vector<BannerNotice> notices_today() const override { return notices; }
    std::vector<BannerNotice> hub_notices_today() const override { return hub_notices; }
    std::uint64_t notices_revision() const override { return hub_notices.size(); }
    lantern::Result<> post_notice(const BannerNotice& notice) override {
        if (notice.en.empty()) return lantern::Error{"Write the notice first."};
        notices.push_back(notice);
        return {};
    }
    lantern::Result<> clear_notices_today() override {
        notices.clear();
        return {};
    }
    std::vector<std::string> usb_packs() const override { return packs; }
    lantern::Result<> import_pack(const std::string& path) override {
        imported.push_back(path);
        if (!import_answer.empty()) return lantern::Error{import_answer};
        return {};
    }
    StaffImportStatus import_status() const override { return {}; }
    std::int64_t kept_aside() const override { return kept; }
    lantern::Result<std::int64_t> retry_kept_aside() override { return std::exchange(kept, 0); }
    std::int64_t kept = 0;
    lantern::Result<int> wrong_pins() const override { return wrong; }
    lantern::Result<> set_wrong_pins(int count) override {
        wrong = count;
        return {};
    }
    std::optional<lantern::sync::KioskSettings> settings;  // as saved
    std::string save_answer;                               // empty: saved
    lantern::Result<std::optional<lantern::sync::KioskSettings>> saved_settings() const override { return settings; }
    lantern::Result<> save_settings(const lantern::sync::KioskSettings& s) override {
        if (!save_answer.empty()) return lantern::Error{save_answer};
        settings = s;
        return {};
    }
};

struct Fixture {
    TempDir dir;
    std::shared_ptr<const lantern::content::PackReader> pack = lantern::test::build_fixture_pack(dir);
    App app{pack, "en", IdleSettings{90, 30}};
    std::shared_ptr<RecordingDesk> desk = std::make_shared<RecordingDesk>();

    Fixture() { app.set_staff(desk, pin_hash_2468()); }
    void pin(const std::string& digits, double now) {
        for (char c : digits) app.apply({PinKey{PinKey::Kind::digit, c}}, now);
        app.apply({PinKey{PinKey::Kind::ok}}, now);
    }
};

}  // namespace

TEST_CASE("the staff PIN is checked against its Argon2id hash, and wrong guesses lock it for longer each time") {
    const std::string& hash = pin_hash_2468();
    CHECK(hash.rfind("$argon2id$", 0) == 0);
    CHECK(hash.find("2468") == std::string::npos);
    CHECK_THROWS(hash_staff_pin("12"));
    CHECK_THROWS(hash_staff_pin("12ab"));

    StaffLock lock(hash);
    CHECK(lock.check("2468", 0).result == PinCheck::Result::accepted);
    // Two slips are free.
    CHECK(lock.check("1111", 1).result == PinCheck::Result::wrong);
    CHECK(lock.check("1111", 2).seconds_locked == 0);
    // The third locks for 30 s, during which even the right PIN is not checked.
    auto third = lock.check("1111", 3);
    CHECK(third.result == PinCheck::Result::wrong);
    CHECK(third.seconds_locked == 30);
    CHECK(lock.check("2468", 20).result == PinCheck::Result::locked);
    // The fourth, after the lock, locks for 60 s; and so on up to 15 minutes.
    CHECK(lock.check("1111", 34).seconds_locked == 60);
    double t = 100;
    for (int i = 0; i < 10; ++i) {
        t += lock.seconds_locked(t) + 1;
        lock.check("0000", t);
    }
    CHECK(lock.seconds_locked(t) == 15 * 60);
    // The right PIN after the lock resets the count: the next slip is free again.
    t += lock.seconds_locked(t) + 1;
    CHECK(lock.check("2468", t).result == PinCheck::Result::accepted);
    CHECK(lock.check("1111", t + 1).seconds_locked == 0);

    // A kiosk switched off while locked starts locked: the count is kept, and its lock starts again.
    StaffLock restarted(hash, 4, 0);
    CHECK(restarted.seconds_locked(0) == 60);
    CHECK(restarted.check("2468", 10).result == PinCheck::Result::locked);
    CHECK(restarted.check("2468", 61).result == PinCheck::Result::accepted);
    CHECK(restarted.wrong_so_far() == 0);
    CHECK(StaffLock(hash, 2, 0).seconds_locked(0) == 0);

    StaffLock off("");
    CHECK_FALSE(off.enabled());
    CHECK(off.check("2468", 0).result == PinCheck::Result::wrong);
}

TEST_CASE(
    "staff notices are kept for their day, survive a restart, and bad text is refused with nothing lost; so does the "
    "wrong-PIN count") {
    TempDir dir;
    {
        StaffStore n(dir / "notices.sqlite");
        CHECK(n.post(BannerNotice{"  The play area is closed today.  ", "", {}}, "2026-11-30").ok());
        CHECK(n.post(BannerNotice{"Robert'); DROP TABLE notices;--", "", {}}, "2026-11-30").ok());
        CHECK(n.post(BannerNotice{"Tomorrow's news", "", {}}, "2026-12-01").ok());
        CHECK_FALSE(n.post(BannerNotice{"   ", "", {}}, "2026-11-30").ok());
        CHECK_FALSE(n.post(BannerNotice{std::string(161, 'a'), "", {}}, "2026-11-30").ok());
        CHECK(n.post(BannerNotice{std::string(160, 'a'), "", {}}, "2026-12-02").ok());
        CHECK_FALSE(n.post(BannerNotice{"bell\a", "", {}}, "2026-11-30").ok());
        CHECK_FALSE(n.post(BannerNotice{"bad \xC3\x28 utf8", "", {}}, "2026-11-30").ok());
    }
    StaffStore n(dir / "notices.sqlite");
    auto today = n.for_day("2026-11-30");
    REQUIRE(today.size() == 2);
    CHECK(today[0].en == "The play area is closed today.");
    CHECK(today[1].en == "Robert'); DROP TABLE notices;--");
    n.clear_day("2026-11-30");
    CHECK(n.for_day("2026-11-30").empty());
    CHECK(n.for_day("2026-12-01") == std::vector<BannerNotice>{{"Tomorrow's news", "", {}}});
    CHECK(local_day_today().size() == 10);

    CHECK(n.wrong_pins() == 0);
    n.set_wrong_pins(4);
    n.set_wrong_pins(5);
    CHECK(StaffStore(dir / "notices.sqlite").wrong_pins() == 5);
}

TEST_CASE("only files with a signature beside them are offered from a USB stick") {
    TempDir dir;
    dir.write_file("usb/STICK/new.sqlite", "pack");
    dir.write_file("usb/STICK/new.sqlite.sig", "{}");
    dir.write_file("usb/STICK/photo.jpg", "not a pack");
    dir.write_file("usb/OTHER/a/b/c/d/deep.sqlite", "too deep");
    dir.write_file("usb/OTHER/a/b/c/d/deep.sqlite.sig", "{}");
    auto found = find_signed_packs({(dir / "usb").string(), (dir / "missing").string()});
    REQUIRE(found.size() == 1);
    CHECK(found[0] == (dir / "usb/STICK/new.sqlite").string());
}

TEST_CASE("links on a USB stick are neither offered nor imported: not a linked file, not a linked folder") {
    TempDir dir;
    auto secret = dir.write_file("kiosk/secret.sqlite", "the kiosk's own file");
    dir.write_file("kiosk/secret.sqlite.sig", "{}");
    std::filesystem::create_directories(dir / "usb/STICK");
    std::filesystem::create_symlink(secret, dir / "usb/STICK/link.sqlite");
    dir.write_file("usb/STICK/link.sqlite.sig", "{}");
    std::filesystem::create_directory_symlink(dir / "kiosk", dir / "usb/LINKED");
    dir.write_file("usb/STICK/real.sqlite", "pack");
    dir.write_file("usb/STICK/real.sqlite.sig", "{}");
    std::vector<std::string> roots = {(dir / "usb").string()};
    CHECK(find_signed_packs(roots) == std::vector<std::string>{(dir / "usb/STICK/real.sqlite").string()});
    CHECK(is_on_a_stick((dir / "usb/STICK/real.sqlite").string(), roots));
    CHECK_FALSE(is_on_a_stick((dir / "usb/STICK/link.sqlite").string(), roots));
    CHECK_FALSE(is_on_a_stick((dir / "usb/LINKED/secret.sqlite").string(), roots));
    CHECK_FALSE(is_on_a_stick((dir / "usb/../kiosk/secret.sqlite").string(), roots));
    CHECK_FALSE(is_on_a_stick(secret.string(), roots));
}

TEST_CASE("holding the corner opens the PIN pad only on the attract screen and only when staff mode is set up") {
    Fixture f;
    CHECK(build_attract(f.app).staff_corner);
    f.app.apply({Start{}}, 0);
    f.app.apply({StaffOpen{}}, 1);
    CHECK(f.app.screen() == Screen::audience);  // a visitor's screen: ignored
    f.app.apply({QuickExit{}}, 2);

    TempDir dir;
    App no_staff(lantern::test::build_fixture_pack(dir), "en");
    CHECK_FALSE(build_attract(no_staff).staff_corner);
    no_staff.apply({StaffOpen{}}, 0);
    CHECK(no_staff.screen() == Screen::attract);

    f.app.apply({StaffOpen{}}, 3);
    CHECK(f.app.screen() == Screen::staff_pin);
    CHECK_FALSE(build_chrome(f.app).show_home);
}

TEST_CASE("a wrong PIN says so; the pad knows how many digits, never which; the right PIN opens the staff screen") {
    Fixture f;
    f.app.apply({StaffOpen{}}, 0);
    f.app.apply({PinKey{PinKey::Kind::digit, '1'}, PinKey{PinKey::Kind::digit, '3'}}, 1);
    CHECK(build_staff_pin(f.app, 1).digits == 2);
    f.app.apply({PinKey{PinKey::Kind::ok}}, 2);
    CHECK(f.app.screen() == Screen::staff_pin);
    CHECK(f.app.visit().staff.pin.empty());
    CHECK(build_staff_pin(f.app, 2).problem);
    CHECK(build_staff_pin(f.app, 2).digits == 0);
    // Typing again starts a new try: the old answer goes.
    f.app.apply({PinKey{PinKey::Kind::digit, '5'}, PinKey{PinKey::Kind::erase}}, 2);
    CHECK(build_staff_pin(f.app, 2).message.empty());
    CHECK(build_staff_pin(f.app, 2).digits == 0);
    // Staff actions do nothing before the PIN.
    f.app.apply({StaffSyncNow{}}, 3);
    CHECK(f.desk->syncs == 0);

    f.pin("2468", 4);
    CHECK(f.app.screen() == Screen::staff);
    StaffView v = build_staff(f.app);
    REQUIRE(v.status.size() == 1);
    REQUIRE(v.packs.size() == 1);
    CHECK(v.packs[0].path == "/media/STICK/lantern.sqlite");
    // Back leaves staff mode for the attract screen, not for the PIN pad.
    f.app.apply({Back{}}, 5);
    CHECK(f.app.screen() == Screen::attract);
}

TEST_CASE("three wrong PINs lock the pad, and the lock outlives leaving, coming back and a restart") {
    Fixture f;
    f.app.apply({StaffOpen{}}, 0);
    for (int i = 0; i < 3; ++i) f.pin("1111", 1);
    CHECK(f.desk->wrong == 3);
    {
        // The kiosk is switched off and on: a new App with the same desk (its store) is locked from the start.
        App restarted{f.pack, "en", IdleSettings{90, 30}};
        restarted.set_staff(f.desk, pin_hash_2468(), 0);
        restarted.apply({StaffOpen{}}, 1);
        for (char c : std::string("2468")) restarted.apply({PinKey{PinKey::Kind::digit, c}}, 1);
        restarted.apply({PinKey{PinKey::Kind::ok}}, 1);
        CHECK(restarted.screen() == Screen::staff_pin);
        CHECK(build_staff_pin(restarted, 1).message.find("Try again in") != std::string::npos);
    }
    CHECK(build_staff_pin(f.app, 2).message.find("Try again in") != std::string::npos);
    f.app.apply({QuickExit{}}, 3);
    f.app.apply({StaffOpen{}}, 4);
    f.pin("2468", 5);
    CHECK(f.app.screen() == Screen::staff_pin);  // still locked: the right PIN is not even checked
    f.pin("2468", 40);
    CHECK(f.app.screen() == Screen::staff);
    CHECK(f.desk->wrong == 0);
}

namespace {

// The real desk over a real store in `dir`, as run_kiosk makes it.
struct StoreFixture {
    TempDir dir;
    std::shared_ptr<const lantern::content::PackReader> pack = lantern::test::build_fixture_pack(dir);
    App app{pack, "en", IdleSettings{90, 30}};

    void pin(App& a, const std::string& digits, double now) {
        a.apply({StaffOpen{}}, now);
        for (char c : digits) a.apply({PinKey{PinKey::Kind::digit, c}}, now);
        a.apply({PinKey{PinKey::Kind::ok}}, now);
    }
};

const std::string k_lock_failed = "The staff lock could not be checked; restart the kiosk or call IT.";

}  // namespace

TEST_CASE("a staff store that fails keeps the PIN pad locked, even for the right PIN, and tells staff why") {
    StoreFixture f;
    auto file = f.dir.path() / "data" / "staff.sqlite";
    std::filesystem::create_directories(file.parent_path());
    auto desk = std::make_shared<KioskStaffDesk>(nullptr, std::make_unique<StaffStore>(file),
                                                 std::vector<std::string>{}, "", nullptr);
    f.app.set_staff(desk, pin_hash_2468(), 0);
    // The store works: the right PIN opens staff mode.
    f.pin(f.app, "2468", 1);
    REQUIRE(f.app.screen() == Screen::staff);
    f.app.apply({QuickExit{}}, 2);

    // The lock's table is gone (a damaged file, a bad restore): its count of wrong PINs cannot be read.
    {
        SQLite::Database other(file.string(), SQLite::OPEN_READWRITE);
        other.exec("DROP TABLE staff_lock");
    }
    CHECK_FALSE(desk->wrong_pins().ok());
    f.pin(f.app, "2468", 3);
    CHECK(f.app.screen() == Screen::staff_pin);
    CHECK(f.app.staff_lock_failed());
    StaffPinView v = build_staff_pin(f.app, 3);
    CHECK(v.message == k_lock_failed);
    CHECK(v.problem);
    // Wrong guesses meanwhile are not counted anywhere, so none is checked either.
    f.pin(f.app, "1111", 4);
    CHECK(f.app.screen() == Screen::staff_pin);
    CHECK(build_staff_pin(f.app, 4).message == k_lock_failed);
}

TEST_CASE("a staff store that cannot be opened at start keeps the pad locked; Welsh staff read why in Welsh") {
    StoreFixture f;
    auto file = f.dir.write_file("data/staff.sqlite", std::string(8192, 'x'));  // not a database
    std::string why;
    std::unique_ptr<StaffStore> store;
    try {
        store = std::make_unique<StaffStore>(file);
    } catch (const std::exception& e) {
        why = e.what();
    }
    REQUIRE_FALSE(why.empty());
    auto desk = std::make_shared<KioskStaffDesk>(nullptr, nullptr, std::vector<std::string>{}, "", nullptr);
    desk->set_store_failure(why);
    f.app.set_staff(desk, pin_hash_2468(), 0);
    CHECK(f.app.staff_lock_failed());
    f.pin(f.app, "2468", 1);
    CHECK(f.app.screen() == Screen::staff_pin);
    CHECK(build_staff_pin(f.app, 1).message == k_lock_failed);

    App welsh{f.pack, "cy", IdleSettings{90, 30}};
    welsh.set_staff(desk, pin_hash_2468(), 0);
    f.pin(welsh, "2468", 1);
    CHECK(welsh.screen() == Screen::staff_pin);
    std::string cy = build_staff_pin(welsh, 1).message;
    CHECK(cy == tr("staff.lock_failed", "cy"));
    CHECK(cy != k_lock_failed);
}

TEST_CASE("staff post a notice with the keyboard; every home screen shows it; sync now and import reach the desk") {
    Fixture f;
    f.app.apply({StaffOpen{}}, 0);
    f.pin("2468", 1);
    f.app.apply({Focus{}}, 2);
    CHECK(build_staff(f.app).notice_focused);
    CHECK_FALSE(build_staff(f.app).keys.empty());
    f.app.apply({Key{KeyKind::insert, "N"}, Type{"o visits"}}, 3);
    f.app.apply({Key{KeyKind::space}, Type{"today"}}, 3);
    CHECK(f.app.visit().staff.notice == "No visits today");
    f.app.apply({StaffPostNotice{}}, 4);
    CHECK(f.desk->notices == std::vector<BannerNotice>{{"No visits today", "", {}}});
    CHECK(f.app.visit().staff.notice.empty());
    CHECK_FALSE(build_staff(f.app).problem);

    f.app.apply({StaffSyncNow{}}, 5);
    CHECK(f.desk->syncs == 1);
    // "Try kept-aside referrals again" is offered only when some are kept aside, and sends them all again.
    CHECK_FALSE(build_staff(f.app).can_retry_kept_aside);
    f.desk->kept = 2;
    CHECK(build_staff(f.app).can_retry_kept_aside);
    f.app.apply({StaffRetryKeptAside{}}, 5);
    CHECK(f.desk->kept == 0);
    CHECK(build_staff(f.app).message.find("2 kept-aside referral(s)") != std::string::npos);
    CHECK_FALSE(build_staff(f.app).can_retry_kept_aside);
    // Only a pack the desk found can be imported: an action cannot name any other file.
    f.app.apply({StaffImportPack{"/etc/passwd"}}, 6);
    CHECK(f.desk->imported.empty());
    f.app.apply({StaffImportPack{"/media/STICK/lantern.sqlite"}}, 7);
    CHECK(f.desk->imported.size() == 1);
    CHECK_FALSE(build_staff(f.app).problem);
    f.desk->import_answer = "pack rejected: bad signature";
    f.app.apply({StaffImportPack{"/media/STICK/lantern.sqlite"}}, 8);
    CHECK(build_staff(f.app).message == "pack rejected: bad signature");
    CHECK(build_staff(f.app).problem);

    f.app.apply({QuickExit{}}, 9);
    // The attract screen shows three at most, the staff's first.
    f.desk->notices = {{"No visits today", "", {}}, {"Two", "", {}}, {"Three", "", {}}, {"Four", "", {}}};
    CHECK(build_attract(f.app).notices == std::vector<std::string>{"No visits today", "Two", "Three"});
    f.desk->notices = {{"No visits today", "", {}}};
    auto attract = build_attract(f.app).notices;
    REQUIRE_FALSE(attract.empty());
    CHECK(attract[0] == "No visits today");
    f.app.apply({Start{}, ChooseAudience{lantern::content::Audience::child}}, 10);
    CHECK(build_topics(f.app).notices[0] == "No visits today");
}

TEST_CASE("a staff notice keeps its Welsh and its audience across a restart; a bad Welsh text or audience is refused") {
    TempDir dir;
    {
        StaffStore n(dir / "notices.sqlite");
        CHECK(n.post({"Debt advice until 4pm.", "  Cyngor ar ddyled tan 4pm.  ", {"adult"}}, "2026-12-02").ok());
        CHECK(n.post({"For everyone.", "", {}}, "2026-12-02").ok());
        auto bad_cy = n.post({"Fine English.", "bell\a", {}}, "2026-12-02");
        REQUIRE_FALSE(bad_cy.ok());
        CHECK(bad_cy.error().message.rfind("The Welsh: ", 0) == 0);
        CHECK_FALSE(n.post({"Fine English.", std::string(161, 'a'), {}}, "2026-12-02").ok());
        CHECK_FALSE(n.post({"Fine English.", "", {"adults"}}, "2026-12-02").ok());
        CHECK_FALSE(n.post({"", "Cymraeg yn unig.", {}}, "2026-12-02").ok());  // English is required
    }
    auto day = StaffStore(dir / "notices.sqlite").for_day("2026-12-02");
    CHECK(day == std::vector<BannerNotice>{{"Debt advice until 4pm.", "Cyngor ar ddyled tan 4pm.", {"adult"}},
                                           {"For everyone.", "", {}}});
}

TEST_CASE(
    "staff write a notice in English and Welsh for adults only: an adult reading Welsh sees the Welsh, a child "
    "and the attract screen never see it") {
    Fixture f;
    f.app.apply({StaffOpen{}}, 0);
    f.pin("2468", 1);
    f.app.apply({Focus{}, Type{"Debt advice until 4pm."}}, 2);
    f.app.apply({Focus{k_staff_notice_cy}}, 3);
    CHECK(build_staff(f.app).notice_cy_focused);
    CHECK_FALSE(build_staff(f.app).notice_focused);
    f.app.apply({Type{"Cyngor ar ddyled tan 4pm."}}, 3);
    CHECK(f.app.visit().staff.notice == "Debt advice until 4pm.");  // the Welsh went to its own box
    CHECK(f.app.visit().staff.notice_cy == "Cyngor ar ddyled tan 4pm.");
    f.app.apply({StaffNoticeAudience{true}}, 4);
    CHECK(build_staff(f.app).notice_adults_only);
    f.app.apply({StaffPostNotice{}}, 5);
    REQUIRE(f.desk->notices.size() == 1);
    CHECK(f.desk->notices[0] == BannerNotice{"Debt advice until 4pm.", "Cyngor ar ddyled tan 4pm.", {"adult"}});
    CHECK(f.app.visit().staff.notice_cy.empty());
    CHECK_FALSE(build_staff(f.app).notice_adults_only);  // the next notice starts for everyone again
    CHECK(build_staff(f.app).notices_today ==
          std::vector<std::string>{"Debt advice until 4pm. / Cyngor ar ddyled tan 4pm. (adults only)"});

    f.app.apply({QuickExit{}}, 6);
    auto attract = build_attract(f.app).notices;
    CHECK(std::count(attract.begin(), attract.end(), "Debt advice until 4pm.") == 0);
    f.app.apply({Start{}, ChooseAudience{lantern::content::Audience::adult}, SetLanguage{"cy"}}, 7);
    auto welsh = build_topics(f.app).notices;
    REQUIRE_FALSE(welsh.empty());
    CHECK(welsh[0] == "Cyngor ar ddyled tan 4pm.");
    f.app.apply({QuickExit{}}, 8);
    f.app.apply({Start{}, ChooseAudience{lantern::content::Audience::child}}, 9);
    auto child = build_topics(f.app).notices;
    CHECK(std::count(child.begin(), child.end(), "Debt advice until 4pm.") == 0);
    CHECK(std::count(child.begin(), child.end(), "Cyngor ar ddyled tan 4pm.") == 0);
}

TEST_CASE("staff mode left alone is wiped like a visitor's session, half-typed PIN and notice included") {
    Fixture f;
    f.app.apply({StaffOpen{}}, 0);
    f.app.apply({PinKey{PinKey::Kind::digit, '2'}}, 1);
    f.app.tick(1 + 90 + 30);
    CHECK(f.app.screen() == Screen::attract);
    CHECK(f.app.visit().staff.pin.empty());

    f.app.apply({StaffOpen{}}, 200);
    f.pin("2468", 201);
    f.app.apply({Type{"half a notice"}}, 202);
    f.app.tick(202 + 90 + 30);
    CHECK(f.app.screen() == Screen::attract);
    CHECK(f.app.visit().staff.notice.empty());
    CHECK(f.desk->notices.empty());
}

TEST_CASE("the [staff] config: a PIN hash from `lantern kiosk pin` and the USB folders; a plain PIN is refused") {
    auto ok =
        parse_kiosk_config("[staff]\npin_hash = \"" + pin_hash_2468() + "\"\nusb_paths = [\"/media/usb\"]\n", "k.toml");
    REQUIRE(std::holds_alternative<KioskConfig>(ok));
    CHECK(std::get<KioskConfig>(ok).staff_pin_hash == pin_hash_2468());
    CHECK(std::get<KioskConfig>(ok).usb_paths == std::vector<std::string>{"/media/usb"});

    auto plain = parse_kiosk_config("[staff]\npin_hash = \"2468\"\n", "k.toml");
    REQUIRE(std::holds_alternative<ConfigError>(plain));
    CHECK(std::get<ConfigError>(plain).message.find("staff.pin_hash") != std::string::npos);
    CHECK(std::get<ConfigError>(plain).message.find("2468") == std::string::npos);

    auto bad_paths = parse_kiosk_config("[staff]\nusb_paths = \"/media\"\n", "k.toml");
    REQUIRE(std::holds_alternative<ConfigError>(bad_paths));
    CHECK(std::get<ConfigError>(bad_paths).message.find("staff.usb_paths") != std::string::npos);
}

TEST_CASE("staff see when the kiosk last reached the hub in local, human words, not raw UTC") {
    TempDir dir;
    auto keys = lantern::sync::generate_referral_keys();
    lantern::sync::write_key_file(dir / "referral.pub", keys.public_key);
    std::filesystem::create_directories(dir / "data");
    {
        lantern::sync::OutboxStore outbox(dir / "data" / "outbox.sqlite");
        outbox.set_state(lantern::sync::state_key::last_success, lantern::sync::utc_now_iso());
    }
    KioskConfig config;
    config.referral_public_key = (dir / "referral.pub").string();
    config.data_dir = (dir / "data").string();
    config.hub_url = "http://127.0.0.1:1";  // nothing listens: the worker fails, last_success stays as stored
    KioskSync sync(config, "1", {});
    KioskStaffDesk desk(&sync, nullptr, {}, config.hub_url, [] { return std::string("1"); });
    std::string when;
    for (const auto& line : desk.status())
        if (line.label == "Last reached the hub") when = line.value;
    // Just now, by the kiosk's clock ("yesterday" only if midnight passed since the line above).
    CHECK_MESSAGE(std::regex_match(when, std::regex("(today|yesterday) at [0-2][0-9]:[0-5][0-9]")), when);
}

TEST_CASE("a referral the kiosk could not store is shown to staff at once; an outbox that never opened too") {
    TempDir dir;
    auto keys = lantern::sync::generate_referral_keys();
    lantern::sync::write_key_file(dir / "referral.pub", keys.public_key);
    KioskConfig config;
    config.referral_public_key = (dir / "referral.pub").string();
    config.data_dir = (dir / "data").string();
    KioskSync sync(config, "1", {});
    KioskStaffDesk desk(&sync, nullptr, {}, config.hub_url, [] { return std::string("1"); });
    auto line = [&](const std::string& label) {
        for (const auto& l : desk.status())
            if (l.label == label) return l;
        return lantern::kiosk::StaffStatusLine{};
    };
    CHECK(line("Referrals not saved").label.empty());
    // The outbox refuses it (here a summary it cannot hold; on a kiosk, a full or read-only disk).
    auto r = sync.sink()->submit("1", "{}", {{"money"}, "nobody", "HMP Test", "2024-05-01"});
    CHECK(r.reference.empty());
    auto failed = line("Referrals not saved");
    CHECK(failed.problem);
    CHECK(failed.value.find("1 since the kiosk started") != std::string::npos);
    // The outbox never opened at start (kiosk_loop passes KioskSync's error): nothing can be saved, and staff see why.
    KioskStaffDesk no_outbox(nullptr, nullptr, {}, "", [] { return std::string("1"); });
    no_outbox.set_referral_fault("disk I/O error");
    bool told = false;
    for (const auto& l : no_outbox.status())
        if (l.label == "Referrals not saved" && l.problem && l.value.find("disk I/O error") != std::string::npos)
            told = true;
    CHECK(told);
}

TEST_CASE("staff settings change the idle times at once, within safe bounds, and are kept through the desk") {
    Fixture f;
    using Which = StaffStepSetting::Which;
    // Only from the staff screen: a visitor's screen, or the PIN pad, cannot reach them.
    f.app.apply({StaffOpenSettings{}}, 0);
    CHECK(f.app.screen() == Screen::attract);
    f.app.apply({StaffOpen{}}, 0);
    f.app.apply({StaffOpenSettings{}, StaffStepSetting{Which::idle_seconds, 1}}, 1);
    CHECK(f.app.screen() == Screen::staff_pin);
    CHECK_FALSE(f.desk->settings);
    f.pin("2468", 2);
    f.app.apply({StaffOpenSettings{}}, 3);
    REQUIRE(f.app.screen() == Screen::staff_settings);
    StaffSettingsView v = build_staff_settings(f.app);
    REQUIRE(v.rows.size() == 3);
    CHECK(v.rows[0].value == "90 s");
    CHECK(v.rows[0].raise == "+15 s");

    // +15 s twice: saved through the desk and used at once.
    f.app.apply({StaffStepSetting{Which::idle_seconds, 1}, StaffStepSetting{Which::idle_seconds, 1}}, 4);
    REQUIRE(f.desk->settings);
    CHECK(f.desk->settings->idle_seconds == 120);
    CHECK(f.app.settings().idle_seconds == 120);
    CHECK(build_staff_settings(f.app).rows[0].value == "120 s");
    CHECK_FALSE(build_staff_settings(f.app).problem);
    // The countdown down to its floor, and no further: the "-" button is then off.
    for (int i = 0; i < 10; ++i) f.app.apply({StaffStepSetting{Which::countdown_seconds, -1}}, 5);
    CHECK(f.desk->settings->countdown_seconds == lantern::sync::k_staff_countdown_seconds.min);
    CHECK_FALSE(build_staff_settings(f.app).rows[1].can_lower);
    CHECK(build_staff_settings(f.app).rows[1].can_raise);

    // A visitor now gets 120 s before the question and 10 s to answer it.
    f.app.apply({QuickExit{}}, 6);
    f.app.apply({Start{}, ChooseAudience{lantern::content::Audience::adult}}, 100);
    CHECK_FALSE(f.app.idle_countdown_showing(100 + 119));
    CHECK(f.app.idle_countdown_showing(100 + 121));
    f.app.tick(100 + 129);
    CHECK(f.app.screen() == Screen::topics);
    f.app.tick(100 + 131);
    CHECK(f.app.screen() == Screen::attract);
}

TEST_CASE("a setting the desk cannot save is not used, and staff are told why") {
    Fixture f;
    f.app.apply({StaffOpen{}}, 0);
    f.pin("2468", 1);
    f.app.apply({StaffOpenSettings{}}, 2);
    f.desk->save_answer = "The settings could not be saved: disk I/O error";
    f.app.apply({StaffStepSetting{StaffStepSetting::Which::idle_seconds, 1}}, 3);
    CHECK(f.app.settings().idle_seconds == 90);
    CHECK(build_staff_settings(f.app).message == f.desk->save_answer);
    CHECK(build_staff_settings(f.app).problem);
}

TEST_CASE("a language staff turn off is offered to no visitor, on no screen; the kiosk's own language stays") {
    Fixture f;
    REQUIRE(f.pack->languages() == std::vector<std::string>{"en", "cy"});
    auto chrome_languages = [&] {
        std::vector<std::string> codes;
        for (const auto& l : build_chrome(f.app, false).languages) codes.push_back(l.code);
        return codes;
    };
    f.app.apply({StaffOpen{}}, 0);
    f.pin("2468", 1);
    f.app.apply({StaffOpenSettings{}}, 2);
    StaffSettingsView v = build_staff_settings(f.app);
    REQUIRE(v.languages.size() == 2);
    CHECK(v.languages[0].fixed);  // English, the kiosk's own: no button
    CHECK(v.languages[1].label == "Cymraeg: offered");
    f.app.apply({StaffToggleLanguage{"cy"}}, 3);
    REQUIRE(f.desk->settings);
    CHECK(f.desk->settings->languages == std::vector<std::string>{"en"});
    CHECK(build_staff_settings(f.app).languages[1].label == "Cymraeg: not offered");
    // The default language cannot be turned off, whatever an action asks.
    f.app.apply({StaffToggleLanguage{"en"}}, 4);
    CHECK(f.desk->settings->languages == std::vector<std::string>{"en"});
    CHECK(build_staff_settings(f.app).problem);

    f.app.apply({QuickExit{}}, 5);
    CHECK(build_attract(f.app).welcomes.size() == 1);
    f.app.apply({Start{"cy"}}, 6);  // the Welsh invitation is not shown; its action starts an English visit
    CHECK(f.app.visit().lang == "en");
    f.app.apply({ChooseAudience{lantern::content::Audience::adult}}, 7);
    CHECK(chrome_languages() == std::vector<std::string>{"en"});
    f.app.apply({SetLanguage{"cy"}}, 8);
    CHECK(f.app.visit().lang == "en");

    // Back on: Welsh again everywhere.
    f.app.apply({QuickExit{}, StaffOpen{}}, 9);
    f.pin("2468", 10);
    f.app.apply({StaffOpenSettings{}, StaffToggleLanguage{"cy"}, QuickExit{}}, 11);
    CHECK(f.desk->settings->languages == std::vector<std::string>{"en", "cy"});
    CHECK(build_attract(f.app).welcomes.size() == 2);
    f.app.apply({Start{"cy"}}, 12);
    CHECK(f.app.visit().lang == "cy");
}

TEST_CASE("the staff settings' rule: steps, bounds, the languages offered, and what may be saved") {
    namespace s = lantern::sync;
    CHECK(s::step_setting(s::k_staff_idle_seconds, 90, 1) == 105);
    CHECK(s::step_setting(s::k_staff_idle_seconds, 90, -1) == 75);
    CHECK(s::step_setting(s::k_staff_idle_seconds, 95, -1) == 90);  // off the grid: onto it first
    CHECK(s::step_setting(s::k_staff_idle_seconds, 95, 1) == 105);
    CHECK(s::step_setting(s::k_staff_idle_seconds, 600, 1) == 600);
    CHECK(s::step_setting(s::k_staff_idle_seconds, 30, -1) == 30);
    CHECK(s::step_setting(s::k_staff_idle_seconds, 5, 1) == 30);  // kiosk.toml's 5 s: into the bounds on a tap
    CHECK(s::step_setting(s::k_staff_volume_percent, 3600, -1) == 100);

    s::KioskSettings ok{120, 20, {"en", "cy"}, 80};
    CHECK(s::check_staff_settings(ok, "en").empty());
    CHECK(s::check_staff_settings(s::KioskSettings{120, 20, {}, 80}, "en").empty());  // every language
    CHECK_FALSE(s::check_staff_settings(s::KioskSettings{29, 20, {}, 80}, "en").empty());
    CHECK_FALSE(s::check_staff_settings(s::KioskSettings{601, 20, {}, 80}, "en").empty());
    CHECK_FALSE(s::check_staff_settings(s::KioskSettings{120, 9, {}, 80}, "en").empty());
    CHECK_FALSE(s::check_staff_settings(s::KioskSettings{120, 20, {}, 0}, "en").empty());
    CHECK_FALSE(s::check_staff_settings(s::KioskSettings{120, 20, {"cy"}, 80}, "en").empty());
    CHECK_FALSE(s::check_staff_settings(s::KioskSettings{120, 20, {"en", "EN;"}, 80}, "en").empty());

    CHECK(s::offered_languages({"en", "cy"}, s::KioskSettings{}, "en") == std::vector<std::string>{"en", "cy"});
    CHECK(s::offered_languages({"en", "cy"}, s::KioskSettings{90, 30, {"en"}, 100}, "en") ==
          std::vector<std::string>{"en"});
    // A language the pack no longer has is simply not offered; the default always is.
    CHECK(s::offered_languages({"en"}, s::KioskSettings{90, 30, {"en", "cy"}, 100}, "en") ==
          std::vector<std::string>{"en"});
    CHECK(s::offered_languages({"en", "cy"}, s::KioskSettings{90, 30, {"cy"}, 100}, "en") ==
          std::vector<std::string>{"en", "cy"});
}

TEST_CASE(
    "a hub notice for adults only shows on an adult's home screen in her language, never a child's or the "
    "attract screen; one for everyone shows to all, in English where no Welsh was written") {
    Fixture f;
    auto pack_notices = build_attract(f.app).notices;  // the pack's own, for everyone
    f.desk->hub_notices = {{"Debt advice at the desk today.", "Cyngor ar ddyled wrth y ddesg heddiw.", {"adult"}},
                           {"Family day on Saturday.", "", {}}};
    auto without_pack = [&](std::vector<std::string> v) {
        for (const auto& p : pack_notices) v.erase(std::remove(v.begin(), v.end(), p), v.end());
        return v;
    };
    f.desk->hub_notices.push_back({"Only for teens.", "", {"teen"}});
    CHECK(without_pack(build_attract(f.app).notices) == std::vector<std::string>{"Family day on Saturday."});

    f.app.apply({Start{}}, 1);
    f.app.apply({ChooseAudience{lantern::content::Audience::adult}}, 1);
    auto adult = without_pack(build_topics(f.app).notices);
    CHECK(std::count(adult.begin(), adult.end(), "Debt advice at the desk today.") == 1);
    CHECK(std::count(adult.begin(), adult.end(), "Only for teens.") == 0);
    f.app.apply({SetLanguage{"cy"}}, 1);
    auto welsh = build_topics(f.app).notices;
    CHECK(std::count(welsh.begin(), welsh.end(), "Cyngor ar ddyled wrth y ddesg heddiw.") == 1);
    CHECK(std::count(welsh.begin(), welsh.end(), "Family day on Saturday.") == 1);  // no Welsh written: English

    Fixture child;
    child.desk->hub_notices = f.desk->hub_notices;
    child.app.apply({Start{}}, 1);
    child.app.apply({ChooseAudience{lantern::content::Audience::child}}, 1);
    auto seen = build_topics(child.app).notices;
    CHECK(std::count(seen.begin(), seen.end(), "Debt advice at the desk today.") == 0);
    CHECK(std::count(seen.begin(), seen.end(), "Only for teens.") == 0);
    CHECK(std::count(seen.begin(), seen.end(), "Family day on Saturday.") == 1);
}
