// `lantern-hub backup` while the real hub takes referrals from several kiosks at once, then `restore` into a new
// data folder and a hub started on it: every referral in the backup is served, and the backup is consistent.
#include <doctest/doctest.h>
#include <httplib.h>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <atomic>
#include <cstdlib>
#include <mutex>
#include <set>
#include <thread>
#include <nlohmann/json.hpp>

#include "hub/store/sqlite_hub_store.h"
#include "sync/encoding.h"
#include "tests/hub/hub_fixture.h"
#include "tests/read_file.h"

using namespace lantern;
using json = nlohmann::json;

namespace {

std::string referral_body(const test::HubFixture& f, const std::string& id) {
    sync::ReferralPost p;
    p.id = id;
    p.kiosk = "k1";
    p.reference = sync::new_reference_code();
    p.created = "2026-12-01T10:00:00Z";
    p.form_version = "3";
    p.sealed = sync::seal(std::string(400, 'x'), f.referral_keys.public_key);
    p.summary = {{"money"}, "adult", "HMP Example", "2026-12-01"};
    return sync::to_json(p).dump();
}

int run(const std::string& command) { return std::system(command.c_str()); }

std::set<std::string> ids_in(const std::filesystem::path& db_file) {
    SQLite::Database db(db_file.string(), SQLite::OPEN_READONLY);
    SQLite::Statement q(db, "SELECT id FROM referrals");
    std::set<std::string> ids;
    while (q.executeStep()) ids.insert(q.getColumn(0).getString());
    return ids;
}

}  // namespace

TEST_CASE("a backup taken while kiosks send referrals restores to a hub that serves every referral it holds") {
    test::HubFixture f;
    const std::string hub_bin = LANTERN_BINARY_DIR "/hub/lantern-hub";
    const auto headers = httplib::Headers{{"Authorization", "Bearer " + f.kiosk_tokens.at("k1")}};
    std::mutex mutex;
    std::set<std::string> acknowledged;
    auto send_one = [&](httplib::Client& c) {
        std::string id = sync::new_uuid_v4();
        auto r = c.Post("/api/v1/referrals", headers, referral_body(f, id), "application/json");
        if (r && r->status == 201) {
            std::lock_guard lock(mutex);
            acknowledged.insert(id);
        }
    };
    {
        // Enough rows that the copy takes many steps of 8 pages.
        httplib::Client c(f.hub->url());
        for (int i = 0; i < 400; ++i) send_one(c);
    }
    REQUIRE(acknowledged.size() == 400);

    std::atomic<bool> stop{false};
    std::atomic<int> during{0};
    std::atomic<bool> backing_up{false};
    std::vector<std::thread> kiosks;
    for (int k = 0; k < 4; ++k)
        kiosks.emplace_back([&] {
            httplib::Client c(f.hub->url());
            while (!stop) {
                send_one(c);
                if (backing_up) ++during;
            }
        });
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    std::set<std::string> before_backup;
    {
        std::lock_guard lock(mutex);
        before_backup = acknowledged;
    }
    auto backup = f.dir / "backups" / "hub-backup.sqlite";
    std::filesystem::create_directories(backup.parent_path());
    backing_up = true;
    int rc = run(hub_bin + " backup --data " + f.data_dir().string() + " --to " + backup.string() +
                 " --step-pages 8 > " + (f.dir / "backup.out").string() + " 2>&1");
    backing_up = false;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    stop = true;
    for (auto& t : kiosks) t.join();
    REQUIRE_MESSAGE(rc == 0, "backup failed");
    MESSAGE("referrals acknowledged while the backup ran: " << during.load());
    CHECK(during > 0);  // the hub kept serving during the copy

    // Consistent: integrity_check on the copy, and every referral acknowledged before the backup is in it.
    std::set<std::string> in_backup;
    {
        SQLite::Database db(backup.string(), SQLite::OPEN_READONLY);
        CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
        CHECK(db.execAndGet("PRAGMA user_version").getInt() == hub::sqlite_store_schema_version());
    }
    in_backup = ids_in(backup);
    for (const auto& id : before_backup) CHECK_MESSAGE(in_backup.count(id) == 1, "missing from the backup: " << id);
    for (const auto& id : in_backup) CHECK(acknowledged.count(id) == 1);  // nothing invented or half-written
    CHECK_FALSE(std::filesystem::exists(backup.string() + ".partial"));

    // Restore into a new data folder and serve it.
    auto restored = f.dir / "restored";
    REQUIRE(run(hub_bin + " restore --from " + backup.string() + " --data " + restored.string() + " > /dev/null") == 0);
    test::HubProcess hub2(hub_bin, restored);
    httplib::Client admin(hub2.url());
    std::set<std::string> served;
    std::int64_t after = 0;
    for (;;) {
        auto r = admin.Get("/api/v1/referrals?include_exported=1&limit=1000&after=" + std::to_string(after),
                           httplib::Headers{{"Authorization", "Bearer " + f.admin_token}});
        REQUIRE(r);
        REQUIRE(r->status == 200);
        auto body = json::parse(r->body);
        if (body["referrals"].empty()) break;
        for (const auto& row : body["referrals"]) {
            served.insert(row["id"].get<std::string>());
            CHECK_FALSE(row["sealed"].get<std::string>().empty());
        }
        after = body["next_after"].get<std::int64_t>();
    }
    CHECK(served == in_backup);
    // The kiosk token in the backup still works on the restored hub, and a late retry of a restored
    // referral is answered as a duplicate, not stored twice.
    httplib::Client kiosk(hub2.url());
    auto retry = kiosk.Post("/api/v1/referrals", headers, referral_body(f, *in_backup.begin()), "application/json");
    REQUIRE(retry);
    CHECK(retry->status == 409);  // same id, different sealed bytes: refused, the stored one kept
}

TEST_CASE("a backup of a missing store, and a restore of a damaged file, fail with a message and change nothing") {
    test::TempDir dir;
    const std::string hub_bin = LANTERN_BINARY_DIR "/hub/lantern-hub";
    auto out = (dir / "out.txt").string();
    CHECK(run(hub_bin + " backup --data " + (dir / "none").string() + " --to " + (dir / "b.sqlite").string() + " 2> " +
              out) != 0);
    CHECK_FALSE(std::filesystem::exists(dir / "b.sqlite"));
    CHECK(test::read_file(out).find("no hub store") != std::string::npos);

    auto bad = dir.write_file("bad.sqlite", std::string(8192, 'z'));
    std::filesystem::create_directories(dir / "data");
    std::string token;
    { token = hub::open_store("", dir / "data")->create_admin_token("kept"); }
    CHECK(run(hub_bin + " restore --from " + bad.string() + " --data " + (dir / "data").string() + " 2> " + out) != 0);
    CHECK(test::read_file(out).find("damaged") != std::string::npos);
    CHECK(hub::open_store("", dir / "data")->is_admin_token(token));
    CHECK(std::filesystem::exists(dir / "data" / "hub.sqlite"));
    CHECK_FALSE(std::filesystem::exists(dir / "data" / "hub.sqlite.before-restore"));
}
