// Notices from the hub: `lantern notices publish` to a real hub, a real kiosk sync worker picking them up, the
// home screens showing them from their start date to their end date, and bad or older documents refused whole.
#include <doctest/doctest.h>

#include <SQLiteCpp/Database.h>

#include <fstream>

#include "hub/cli/admin_client.h"
#include "hub/cli/kiosk_status.h"
#include "hub/cli/notices_file.h"
#include "kiosk/app/app.h"
#include "kiosk/parts/kiosk_sync.h"
#include "kiosk/staff/kiosk_staff_desk.h"
#include "kiosk/staff/staff_lock.h"
#include "kiosk/views/view_inputs.h"
#include "kiosk/views/view_models.h"
#include "sync/notices.h"
#include "tests/fixture_pack.h"
#include "tests/hub/hub_fixture.h"
#include "tests/read_file.h"

using namespace lantern;
using namespace std::chrono_literals;
using test::HubFixture;
using test::wait_until;

namespace {

// The team's notices.yaml: one for everyone everywhere, one for adults here in both languages, one for another
// centre only.
const char* k_notices_yaml = R"(version: 5
notices:
  - id: family-day
    centres: [all]
    start: 2026-12-01
    end: 2026-12-03
    text:
      en: There is a family day on Saturday.
      cy: Mae diwrnod teulu ddydd Sadwrn.
  - id: debt-advice
    centres: [HMP Example]
    audiences: [adult]
    start: 2026-12-02
    end: 2026-12-02
    text:
      en: A debt adviser is here this afternoon.
      cy: Mae cynghorydd dyled yma y prynhawn yma.
  - id: elsewhere
    centres: [HMP Somewhere Else]
    start: 2026-11-01
    end: 2026-12-31
    text:
      en: The car park at Somewhere Else is closed.
)";

int count(const std::vector<std::string>& v, const std::string& s) {
    return static_cast<int>(std::count(v.begin(), v.end(), s));
}

struct Kiosk {
    kiosk::KioskConfig config;
    std::unique_ptr<kiosk::KioskSync> sync;
    std::shared_ptr<kiosk::KioskStaffDesk> desk;
    std::shared_ptr<const content::PackReader> pack;
    std::unique_ptr<kiosk::App> app;
    std::string today = "2026-11-30";

    Kiosk(const HubFixture& f, const std::string& hub_url) {
        config.name = "k1";
        config.centre = "HMP Example";
        config.hub_url = hub_url;
        config.hub_token = f.kiosk_tokens.at("k1");
        config.data_dir = (f.dir / "kiosk").string();
        config.referral_public_key = (f.dir / "referral.pub").string();
        config.content_public_key = (f.dir / "content-signing.pub").string();
        sync::write_key_file(f.dir / "referral.pub", f.referral_keys.public_key);
        sync = std::make_unique<kiosk::KioskSync>(config, "4", std::function<void()>{});
        desk = std::make_shared<kiosk::KioskStaffDesk>(sync.get(), nullptr, std::vector<std::string>{}, hub_url,
                                                       [] { return std::string("4"); });
        desk->set_today([this] { return today; });
        pack = test::build_fixture_pack(f.dir);
        app = std::make_unique<kiosk::App>(pack, "en", kiosk::IdleSettings{90, 30});
        app->set_staff(desk, kiosk::hash_staff_pin("2468"), 0);
    }
    std::vector<std::string> attract() { return kiosk::build_attract(*app).notices; }
    std::vector<std::string> home(content::Audience a, const std::string& lang) {
        app->apply({kiosk::QuickExit{}}, 1);
        app->apply({kiosk::Start{}, kiosk::ChooseAudience{a}, kiosk::SetLanguage{lang}}, 1);
        return kiosk::build_topics(*app).notices;
    }
};

}  // namespace

TEST_CASE(
    "a hub notice reaches the kiosk, shows from its start date to its end date, never before or after, and "
    "never at another centre; the kiosk keeps it across a restart with the hub away") {
    HubFixture f;
    sync::write_key_file(f.dir / "content-signing.key", f.signing_keys.secret_key.bytes());
    std::ofstream(f.dir / "notices.yaml") << k_notices_yaml;

    Kiosk k(f, f.hub->url());
    REQUIRE(wait_until([&] { return k.sync->status() && !k.sync->status()->last_success.empty(); }, 10s));
    CHECK(k.sync->status()->notices_version == 0);

    test::CliRun run = test::run_lantern(f, "notices publish '" + (f.dir / "notices.yaml").string() + "' --key '" +
                                                (f.dir / "content-signing.key").string() + "' --hub " + f.hub->url());
    REQUIRE_MESSAGE(run.code == 0, run.err);
    CHECK(run.out.find("published notices version 5 (3 notices)") != std::string::npos);
    // The CLI says which notice has no Welsh, so the team can add it.
    CHECK(run.out.find("elsewhere has no Welsh") != std::string::npos);

    auto inputs_before = kiosk::view_inputs(*k.app, 1);
    k.sync->sync_now();
    REQUIRE(wait_until([&] { return k.sync->status()->notices_version == 5; }, 10s));
    // The home screens are rebuilt on it by themselves: no one tapped anything.
    CHECK(kiosk::view_inputs(*k.app, 1) != inputs_before);
    CHECK(k.sync->status()->notices_count == 2);  // the other centre's is not kept
    // The support team sees it arrived: the kiosk's heartbeat names the version, and so does `kiosk status`.
    hub::AdminClient admin(f.hub->url(), f.admin_token);
    REQUIRE(wait_until(
        [&] {
            auto kiosks = admin.kiosks().kiosks;
            return !kiosks.empty() && kiosks[0].heartbeat.notices_version == 5;
        },
        10s));
    std::string table = hub::kiosk_status_table(admin.kiosks(), 0);
    std::size_t column = table.find("notices"), row = table.find('\n') + 1;
    REQUIRE(column < row);
    CHECK(table.substr(row + column, 3) == "5  ");  // the kiosk's row, under "notices"

    const std::string family = "There is a family day on Saturday.";
    const std::string family_cy = "Mae diwrnod teulu ddydd Sadwrn.";
    const std::string debt = "A debt adviser is here this afternoon.";
    const std::string debt_cy = "Mae cynghorydd dyled yma y prynhawn yma.";
    const std::string elsewhere = "The car park at Somewhere Else is closed.";

    // The day before it starts: nothing from the hub.
    k.today = "2026-11-30";
    CHECK(count(k.attract(), family) == 0);
    CHECK(count(k.home(content::Audience::adult, "en"), family) == 0);

    // Its start date: on the attract screen and every home screen.
    k.today = "2026-12-01";
    CHECK(count(k.attract(), family) == 1);
    CHECK(count(k.home(content::Audience::child, "en"), family) == 1);
    CHECK(count(k.home(content::Audience::adult, "cy"), family_cy) == 1);
    CHECK(count(k.home(content::Audience::adult, "en"), debt) == 0);  // the debt adviser comes tomorrow

    // The adult-only one on its day: an adult sees it in her language; a child, a teen and the attract screen never.
    k.today = "2026-12-02";
    CHECK(count(k.home(content::Audience::adult, "en"), debt) == 1);
    CHECK(count(k.home(content::Audience::adult, "cy"), debt_cy) == 1);
    for (auto a : {content::Audience::child, content::Audience::teen, content::Audience::little}) {
        auto seen = k.home(a, "en");
        CHECK(count(seen, debt) == 0);
        CHECK(count(seen, family) == 1);
    }
    CHECK(count(k.attract(), debt) == 0);

    // Its end date still shows it; the day after, it is gone.
    k.today = "2026-12-03";
    CHECK(count(k.home(content::Audience::adult, "en"), family) == 1);
    CHECK(count(k.home(content::Audience::adult, "en"), debt) == 0);
    k.today = "2026-12-04";
    CHECK(count(k.attract(), family) == 0);
    CHECK(count(k.home(content::Audience::adult, "en"), family) == 0);

    // Another centre's notice never shows here, on any day it runs.
    for (const char* day : {"2026-11-15", "2026-12-02", "2026-12-20"}) {
        k.today = day;
        CHECK(count(k.attract(), elsewhere) == 0);
        CHECK(count(k.home(content::Audience::adult, "en"), elsewhere) == 0);
    }

    // The kiosk restarts with the hub gone: it still has them, checked again from its own disk.
    k.app.reset();
    k.pack.reset();
    k.desk.reset();
    k.sync.reset();
    f.hub.reset();
    Kiosk again(f, "http://127.0.0.1:1");
    CHECK(again.sync->status()->notices_version == 5);
    again.today = "2026-12-02";
    CHECK(count(again.home(content::Audience::adult, "en"), debt) == 1);
}

TEST_CASE(
    "a tampered or older notices document is refused whole: the old notices stay, and staff and the heartbeat "
    "say why") {
    HubFixture f;
    auto doc = [](std::int64_t version, const std::string& text) {
        sync::NoticesDocument d;
        d.version = version;
        d.notices.push_back({"n1", {"all"}, {}, "2026-12-01", "2026-12-31", text, ""});
        return d;
    };
    hub::AdminClient admin(f.hub->url(), f.admin_token);
    CHECK(admin.publish_notices(sync::sign_notices(doc(2, "Version two."), f.signing_keys.secret_key)).version == 2);

    sync::OutboxStore outbox(f.dir / "outbox.sqlite");
    auto o = f.worker_options(f.hub->url());
    o.content_public_key = f.signing_keys.public_key;
    o.manifest_interval = 50ms;
    o.centre = "HMP Example";
    sync::SyncWorker worker(outbox, o);
    worker.start();
    REQUIRE(wait_until([&] { return worker.status().notices_version == 2; }, 10s));
    REQUIRE(worker.hub_notices().size() == 1);
    CHECK(worker.hub_notices()[0].text_en == "Version two.");

    auto serve = [&](const sync::SignedNotices& s, std::int64_t version) {
        // A lying hub (or whoever can write its database) serves this, past the hub's own checks. The hub is
        // writing heartbeats meanwhile: wait for its lock as the hub itself would.
        SQLite::Database db((f.data_dir() / "hub.sqlite").string(), SQLite::OPEN_READWRITE, 10000);
        db.exec("DELETE FROM notices");
        SQLite::Statement q(db, "INSERT INTO notices VALUES (?, ?, ?, '2026-12-01T00:00:00Z')");
        q.bind(1, version);
        q.bind(2, s.document);
        q.bind(3, sync::to_base64(s.signature));
        q.exec();
    };

    SUBCASE("a document changed after signing") {
        auto s = sync::sign_notices(doc(3, "Version three."), f.signing_keys.secret_key);
        s.document.replace(s.document.find("Version three."), 14, "Call 0800 666.");
        serve(s, 3);
        REQUIRE(wait_until([&] { return !worker.status().notices_fault.empty(); }, 10s));
        CHECK(worker.status().notices_fault.find("signature does not verify") != std::string::npos);
    }
    SUBCASE("a document signed by another key") {
        auto other = sync::generate_signing_keys();
        serve(sync::sign_notices(doc(3, "Version three."), other.secret_key), 3);
        REQUIRE(wait_until([&] { return !worker.status().notices_fault.empty(); }, 10s));
        CHECK(worker.status().notices_fault.find("signature does not verify") != std::string::npos);
    }
    SUBCASE("an older version, rightly signed (a rollback)") {
        serve(sync::sign_notices(doc(1, "Version one."), f.signing_keys.secret_key), 1);
        REQUIRE(wait_until([&] { return !worker.status().notices_fault.empty(); }, 10s));
        CHECK(worker.status().notices_fault.find("version 1 is not newer than the version 2") != std::string::npos);
    }
    SUBCASE("a signed document with a bad notice") {
        auto bad = doc(3, "Version three.");
        bad.notices[0].end = "2026-11-01";  // ends before it starts
        serve(sync::sign_notices(bad, f.signing_keys.secret_key), 3);
        REQUIRE(wait_until([&] { return !worker.status().notices_fault.empty(); }, 10s));
        CHECK(worker.status().notices_fault.find("notices[0] (n1): \"end\" is before \"start\"") != std::string::npos);
    }
    // Whatever was refused, the old notices stay, here and after a restart.
    CHECK(worker.status().notices_version == 2);
    REQUIRE(worker.hub_notices().size() == 1);
    CHECK(worker.hub_notices()[0].text_en == "Version two.");
    // The heartbeat tells the hub why (last_error), as the staff screen does.
    std::string fault = worker.status().notices_fault;
    worker.sync_now();
    REQUIRE(wait_until(
        [&] {
            auto kiosks = admin.kiosks().kiosks;
            return !kiosks.empty() && kiosks[0].heartbeat.last_error.find("notices") != std::string::npos;
        },
        10s));
    CHECK(admin.kiosks().kiosks[0].heartbeat.last_error == fault.substr(0, 200));
    CHECK(admin.kiosks().kiosks[0].heartbeat.notices_version == 2);  // still the one it shows
    worker.stop();
    sync::SyncWorker restarted(outbox, o);
    CHECK(restarted.status().notices_version == 2);
    CHECK(restarted.hub_notices().size() == 1);
}

TEST_CASE("a document refused under a wrong key is fetched again once the key is put right and the kiosk restarts") {
    HubFixture f;
    sync::NoticesDocument d;
    d.version = 2;
    d.notices.push_back({"n1", {"all"}, {}, "2026-12-01", "2026-12-31", "Version two.", ""});
    hub::AdminClient admin(f.hub->url(), f.admin_token);
    REQUIRE(admin.publish_notices(sync::sign_notices(d, f.signing_keys.secret_key)).version == 2);
    sync::OutboxStore outbox(f.dir / "outbox.sqlite");
    auto o = f.worker_options(f.hub->url());
    o.manifest_interval = 50ms;
    o.centre = "HMP Example";
    {
        auto wrong = o;
        wrong.content_public_key = sync::generate_signing_keys().public_key;  // installed with the wrong key
        sync::SyncWorker worker(outbox, wrong);
        worker.start();
        REQUIRE(wait_until([&] { return !worker.status().notices_fault.empty(); }, 10s));
        CHECK(worker.status().notices_version == 0);
        worker.stop();
    }
    o.content_public_key = f.signing_keys.public_key;  // IT puts the right key in and restarts the kiosk
    sync::SyncWorker fixed(outbox, o);
    fixed.start();
    CHECK(wait_until([&] { return fixed.status().notices_version == 2; }, 10s));
    CHECK(fixed.status().notices_fault.empty());
    fixed.stop();
}

TEST_CASE("the hub takes only a signed, valid, newer notices document from an admin, and serves it with an ETag") {
    HubFixture f;
    hub::AdminClient admin(f.hub->url(), f.admin_token);
    sync::NoticesDocument d;
    d.version = 3;
    d.notices.push_back({"n1", {"all"}, {"adult"}, "2026-12-01", "2026-12-02", "Hello.", "Helo."});
    auto good = sync::sign_notices(d, f.signing_keys.secret_key);

    auto other = sync::generate_signing_keys();
    CHECK_THROWS_WITH_AS(admin.publish_notices(sync::sign_notices(d, other.secret_key)), doctest::Contains("422"),
                         hub::AdminError);
    auto changed = good;
    changed.document.replace(changed.document.find("Hello."), 6, "Hullo.");
    CHECK_THROWS_AS(admin.publish_notices(changed), hub::AdminError);
    auto answer = admin.publish_notices(good);
    CHECK(answer.version == 3);
    CHECK(answer.notices == 1);
    // The same version again, or an older one: refused, and version 3 stays.
    CHECK_THROWS_WITH_AS(admin.publish_notices(good), doctest::Contains("409"), hub::AdminError);
    d.version = 2;
    CHECK_THROWS_WITH_AS(admin.publish_notices(sync::sign_notices(d, f.signing_keys.secret_key)),
                         doctest::Contains("409"), hub::AdminError);
    // A kiosk token cannot publish.
    hub::AdminClient kiosk_as_admin(f.hub->url(), f.kiosk_tokens.at("k1"));
    CHECK_THROWS_WITH_AS(kiosk_as_admin.publish_notices(good), doctest::Contains("401"), hub::AdminError);

    // A kiosk fetches the exact signed text, then 304 with its ETag.
    sync::HubClient client(f.worker_options(f.hub->url()).hub);
    auto got = client.get_notices("");
    REQUIRE(got.kind == sync::NoticesOutcome::Kind::updated);
    CHECK(got.notices == good);
    CHECK(client.get_notices(got.etag).kind == sync::NoticesOutcome::Kind::not_modified);
}

TEST_CASE("notices.yaml is read through the document's one strict parser: a bad field names its notice") {
    auto ok = hub::read_notices_yaml(
        "notices:\n  - id: a\n    centres: [all]\n    start: 2026-12-01\n"
        "    end: 2026-12-01\n    text: {en: Hello.}\n",
        20261201090000);
    REQUIRE(ok);
    CHECK(ok.value().version == 20261201090000);
    CHECK(ok.value().notices[0].text_cy.empty());
    auto bad = [](const std::string& yaml) {
        auto r = hub::read_notices_yaml(yaml, 1);
        return r ? std::string("accepted") : r.error().message;
    };
    const std::string head = "notices:\n  - id: a\n    centres: [all]\n";
    CHECK(bad(head + "    start: 2026-12-01\n    end: 2026-12-01\n    text: {cy: Helo.}\n").find("English") !=
          std::string::npos);
    CHECK(bad(head + "    start: 2026-02-30\n    end: 2026-03-01\n    text: {en: Hi.}\n").find("notices[0] (a)") !=
          std::string::npos);
    CHECK(bad(head + "    audiences: [adults]\n    start: 2026-12-01\n    end: 2026-12-01\n    text: {en: Hi.}\n")
              .find("\"audiences\"") != std::string::npos);
    CHECK(bad(head + "    start: 2026-12-01\n    end: 2026-12-01\n    colour: red\n    text: {en: Hi.}\n")
              .find("unknown field") != std::string::npos);
    CHECK(bad(head + "    start: 2026-12-01\n    end: 2026-12-01\n    text: {en: \"" + std::string(161, 'a') + "\"}\n")
              .find("1-160 letters") != std::string::npos);
    CHECK(bad("version: two\n" + head).find("whole number") != std::string::npos);
    CHECK(bad("notices: [1, 2").find("YAML") != std::string::npos);
}
