// Content packs from a real hub: verified, resumed with Range, kept pending; bad or older packs rejected.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <map>
#include <random>

#include <SQLiteCpp/Database.h>

#include "tests/read_file.h"
#include "hub/cli/admin_client.h"
#include "tests/fixture_pack.h"
#include "tests/hub/hub_fixture.h"

using namespace lantern;
using namespace std::chrono_literals;
using test::HubFixture;
using test::wait_until;

namespace {

std::string random_bytes(std::size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::string s(n, '\0');
    for (auto& c : s) c = static_cast<char>(rng());
    return s;
}

// These tests are about the kiosk's side, so the pack goes straight into the hub's store and packs folder
// as a publish leaves it: the hub's own checks would refuse the broken and wrongly signed packs offered here
// (tests/hub/publish_check_test.cpp tests those checks).
sync::Manifest publish(const HubFixture& f, const std::string& bytes, const std::string& version,
                       const sync::SecretBytes& key) {
    std::string sha = sync::sha256_hex(bytes);
    auto sig = sync::to_base64(sync::sign_pack(version, sha, key));
    std::ofstream(f.data_dir() / "packs" / (sha + ".pack"), std::ios::binary) << bytes;
    hub::PackRecord rec{sha, version, sig, static_cast<std::int64_t>(bytes.size()), ""};
    REQUIRE(hub::open_store("", f.data_dir())->add_pack(rec));
    return {version, sha, rec.size, sig, "/api/v1/content/packs/" + sha};
}

sync::SyncWorkerOptions content_options(const HubFixture& f, const std::string& installed) {
    auto o = f.worker_options(f.hub->url());
    o.packs_dir = f.dir / "packs";
    o.content_public_key = f.signing_keys.public_key;
    o.installed_pack_version = installed;
    o.manifest_interval = 50ms;
    return o;
}

// Rejected packs leave no pack file behind and nothing pending.
void check_nothing_pending(sync::SyncWorker& worker, sync::OutboxStore& outbox, const HubFixture& f) {
    CHECK_FALSE(worker.take_pending_pack());
    CHECK_FALSE(sync::pending_pack(outbox));
    CHECK(worker.status().pack_version == "1");
    if (std::filesystem::exists(f.dir / "packs"))
        for (const auto& e : std::filesystem::directory_iterator(f.dir / "packs"))
            CHECK_MESSAGE(e.path().extension() != ".sqlite", e.path().string());
}

}  // namespace

TEST_CASE("a new signed pack is downloaded, verified, and waits for the next session start") {
    HubFixture f;
    std::string bytes = test::fixture_pack_bytes(f.dir, "2");
    publish(f, bytes, "2", f.signing_keys.secret_key);

    sync::OutboxStore outbox(f.dir / "outbox.sqlite");
    sync::SyncWorker worker(outbox, content_options(f, "1"));
    worker.start();
    REQUIRE(wait_until([&] { return worker.status().pending_pack_version == "2"; }, 10s));
    CHECK(worker.status().pack_version == "1");  // not switched under anyone's finger

    auto pack = worker.take_pending_pack();
    REQUIRE(pack);
    CHECK(pack->version == "2");
    CHECK(lantern::test::read_file(pack->path) == bytes);
    CHECK(worker.status().pack_version == "2");
    CHECK_FALSE(worker.take_pending_pack());
    // The same manifest again is answered 304 and nothing new is fetched.
    std::this_thread::sleep_for(200ms);
    CHECK_FALSE(worker.take_pending_pack());
    CHECK(worker.status().last_error.empty());
    worker.stop();
    CHECK(sync::current_pack(outbox)->version == "2");
    CHECK(f.hub->log().find("/api/v1/content/manifest 304") != std::string::npos);
}

TEST_CASE("a pack waiting for the next session is still handed over after the kiosk restarts") {
    HubFixture f;
    publish(f, test::fixture_pack_bytes(f.dir, "2"), "2", f.signing_keys.secret_key);
    sync::OutboxStore outbox(f.dir / "outbox.sqlite");
    {
        sync::SyncWorker worker(outbox, content_options(f, "1"));
        worker.start();
        REQUIRE(wait_until([&] { return worker.status().pending_pack_version == "2"; }, 10s));
    }
    sync::SyncWorker restarted(outbox, content_options(f, "1"));  // not started: what it knows from the outbox
    CHECK(restarted.status().pending_pack_version == "2");
    auto pack = restarted.take_pending_pack();
    REQUIRE(pack);
    CHECK(pack->version == "2");
    CHECK_FALSE(restarted.take_pending_pack());
}

TEST_CASE("a download cut halfway resumes with a Range request") {
    HubFixture f;
    std::string bytes = test::fixture_pack_bytes(f.dir, "2");
    auto m = publish(f, bytes, "2", f.signing_keys.secret_key);
    std::filesystem::create_directories(f.dir / "packs");
    std::ofstream(f.dir / "packs" / (m.sha256 + ".part"), std::ios::binary) << bytes.substr(0, bytes.size() / 2);

    sync::OutboxStore outbox(f.dir / "outbox.sqlite");
    sync::SyncWorker worker(outbox, content_options(f, "1"));
    worker.start();
    REQUIRE(wait_until([&] { return worker.status().pending_pack_version == "2"; }, 10s));
    worker.stop();
    auto pack = sync::pending_pack(outbox);
    REQUIRE(pack);
    CHECK(lantern::test::read_file(pack->path) == bytes);
    CHECK(f.hub->log().find("/api/v1/content/packs/" + m.sha256 + " 206") != std::string::npos);
}

TEST_CASE("a corrupt pack is rejected and the current one kept") {
    HubFixture f;
    std::string bytes = test::fixture_pack_bytes(f.dir, "2");
    auto m = publish(f, bytes, "2", f.signing_keys.secret_key);
    // Flip bytes on the hub's disk: same size, different SHA-256.
    std::string corrupt = bytes;
    corrupt[100] ^= 0x55;
    std::ofstream(f.data_dir() / "packs" / (m.sha256 + ".pack"), std::ios::binary | std::ios::trunc) << corrupt;

    sync::OutboxStore outbox(f.dir / "outbox.sqlite");
    sync::SyncWorker worker(outbox, content_options(f, "1"));
    worker.start();
    CHECK(wait_until([&] { return worker.status().last_error.find("SHA-256") != std::string::npos; }, 10s));
    worker.stop();
    check_nothing_pending(worker, outbox, f);
}

TEST_CASE("a truncated pack is rejected and the current one kept") {
    HubFixture f;
    std::string bytes = test::fixture_pack_bytes(f.dir, "2");
    auto m = publish(f, bytes, "2", f.signing_keys.secret_key);
    std::ofstream(f.data_dir() / "packs" / (m.sha256 + ".pack"), std::ios::binary | std::ios::trunc)
        << bytes.substr(0, 1000);

    sync::OutboxStore outbox(f.dir / "outbox.sqlite");
    sync::SyncWorker worker(outbox, content_options(f, "1"));
    worker.start();
    CHECK(wait_until([&] { return worker.status().last_error.rfind("pack:", 0) == 0; }, 10s));
    worker.stop();
    check_nothing_pending(worker, outbox, f);
}

TEST_CASE("a pack signed with the wrong key is rejected and the current one kept") {
    HubFixture f;
    auto other = sync::generate_signing_keys();
    publish(f, random_bytes(10 * 1024, 5), "2", other.secret_key);

    sync::OutboxStore outbox(f.dir / "outbox.sqlite");
    sync::SyncWorker worker(outbox, content_options(f, "1"));
    worker.start();
    CHECK(wait_until([&] { return worker.status().last_error.find("bad signature") != std::string::npos; }, 10s));
    worker.stop();
    check_nothing_pending(worker, outbox, f);
}

TEST_CASE("an older pack than the one in use is not fetched") {
    HubFixture f;
    publish(f, random_bytes(10 * 1024, 6), "5", f.signing_keys.secret_key);

    sync::OutboxStore outbox(f.dir / "outbox.sqlite");
    auto opts = content_options(f, "10");
    sync::SyncWorker worker(outbox, opts);
    worker.start();
    CHECK(wait_until([&] { return !worker.status().last_success.empty(); }, 10s));
    std::this_thread::sleep_for(200ms);
    worker.stop();
    CHECK_FALSE(worker.take_pending_pack());
    CHECK(worker.status().pack_version == "10");
    CHECK_MESSAGE(worker.status().last_error.empty(), worker.status().last_error);
    CHECK(f.hub->log().find("/api/v1/content/packs/") == std::string::npos);
}

TEST_CASE(
    "a pack imported from a USB stick while a hub is set up waits like a download, and an older hub pack does not "
    "replace it") {
    HubFixture f;
    publish(f, test::fixture_pack_bytes(f.dir, "2"), "2", f.signing_keys.secret_key);
    std::string stick_bytes = test::fixture_pack_bytes(f.dir, "5");
    auto stick = f.dir / "usb" / "lantern.sqlite";
    std::filesystem::create_directories(stick.parent_path());
    std::ofstream(stick, std::ios::binary) << stick_bytes;
    auto sig = sync::sign_pack("5", sync::sha256_hex(stick_bytes), f.signing_keys.secret_key);
    std::ofstream(stick.string() + ".sig") << nlohmann::json{
        {"version", "5"},
        {"sha256", sync::sha256_hex(stick_bytes)},
        {"signature", sync::to_base64(sig)}}.dump();

    sync::OutboxStore outbox(f.dir / "outbox.sqlite");
    sync::SyncWorker worker(outbox, content_options(f, "1"));
    CHECK(worker.import_pack(stick) == "");
    CHECK(worker.status().pending_pack_version == "5");
    worker.start();
    // The worker talks to the hub (manifest version 2) and keeps the newer pack from the stick.
    REQUIRE(wait_until([&] { return !worker.status().last_success.empty(); }, 10s));
    std::this_thread::sleep_for(300ms);
    auto pack = worker.take_pending_pack();
    REQUIRE(pack);
    CHECK(pack->version == "5");
    CHECK(lantern::test::read_file(pack->path) == stick_bytes);
    worker.stop();
}

namespace {

// Signed, the right size and hash, and yet not a pack the kiosk could show.
std::map<std::string, std::string> broken_packs(const test::TempDir& dir) {
    std::string good = test::fixture_pack_bytes(dir, "2");
    std::map<std::string, std::string> kinds;
    kinds["truncated"] = good.substr(0, good.size() / 2);
    kinds["zeroed"] = std::string(good.size(), '\0');
    kinds["random"] = random_bytes(good.size(), 9);
    for (const char* table : {"pages", "topics"}) {
        auto path = dir / (std::string("no-") + table + ".sqlite");
        std::ofstream(path, std::ios::binary) << good;
        {
            SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
            db.exec(std::string("DROP TABLE ") + table);
            db.exec("VACUUM");
        }
        kinds[std::string("no ") + table + " table"] = lantern::test::read_file(path);
    }
    {
        auto path = dir / "no-topic-rows.sqlite";
        std::ofstream(path, std::ios::binary) << good;
        {
            SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
            db.exec("DELETE FROM topic_titles; DELETE FROM topics");
        }
        kinds["no topics"] = lantern::test::read_file(path);
    }
    {
        auto path = dir / "bad-form.sqlite";
        std::ofstream(path, std::ios::binary) << good;
        {
            SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
            db.exec("UPDATE form SET json = '{\"steps\": 5'");
        }
        kinds["form that does not parse"] = lantern::test::read_file(path);
    }
    return kinds;
}

}  // namespace

TEST_CASE(
    "a signed but broken pack (truncated, zeroed, random, a table or its topics missing, a bad form) is "
    "downloaded, refused by the pack check, and never switched to") {
    for (const auto& [kind, bytes] : broken_packs(test::TempDir())) {
        CAPTURE(kind);
        HubFixture f;
        publish(f, bytes, "2", f.signing_keys.secret_key);
        sync::OutboxStore outbox(f.dir / "outbox.sqlite");
        sync::SyncWorker worker(outbox, content_options(f, "1"));
        worker.start();
        CHECK(wait_until([&] { return worker.status().last_error.rfind("pack rejected: the pack", 0) == 0; }, 10s));
        MESSAGE(worker.status().last_error);
        worker.stop();
        check_nothing_pending(worker, outbox, f);
    }
}
