// Two real lantern-hub processes on one PostgreSQL database: a referral posted to both, as a kiosk's retry
// landing on the other hub would be, is stored once; a changed body under the same id gets 409 from either.
#include <doctest/doctest.h>
#include <httplib.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <thread>
#include <nlohmann/json.hpp>
#include <sys/wait.h>

#include "hub/store/hub_store.h"
#include "sync/encoding.h"
#include "sync/sealing.h"
#include "tests/hub/hub_process.h"
#include "tests/store/pg_cluster.h"
#include "tests/temp_dir.h"

using namespace lantern;
using json = nlohmann::json;

namespace {

const char* const k_hub_binary = LANTERN_BINARY_DIR "/hub/lantern-hub";

// What a POST got back (status 0: no answer at all).
struct Answer {
    int status = 0;
    std::string body;
};

Answer post(httplib::Client& c, const std::string& path, const std::string& token, const std::string& body) {
    auto r = c.Post(path, {{"Authorization", "Bearer " + token}}, body, "application/json");
    return r ? Answer{r->status, r->body} : Answer{};
}

std::string body(const std::string& id, const sync::KeyPair& keys, const std::string& answers) {
    sync::ReferralPost p;
    p.id = id;
    p.kiosk = "k1";
    p.reference = sync::new_reference_code();
    p.created = "2026-12-01T10:00:00Z";
    p.form_version = "3";
    p.sealed = sync::seal(answers, keys.public_key);
    p.summary = {{"money"}, "adult", "HMP Example", "2026-12-01"};
    return sync::to_json(p).dump();
}

// Standard output of a command.
std::string run_output(const std::string& cmd) {
    std::string out;
    FILE* p = ::popen(cmd.c_str(), "r");
    if (!p) return out;
    char buf[256];
    while (auto n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
    ::pclose(p);
    return out;
}

}  // namespace

TEST_CASE("two hubs on one PostgreSQL database store a referral once and refuse a changed body with 409") {
    std::string why_not;
    auto* cluster = test::PgCluster::shared(why_not);
    if (!cluster) {
        MESSAGE("skipped: " << why_not);
        return;
    }
    std::string uri = cluster->create_database();
    test::TempDir dir;
    std::string toml = "store = \"" + uri + "\"\n";
    std::string kiosk_token = hub::open_store(uri, {})->enrol_kiosk("k1");
    // The staff command reaches the same store through the hub's config.
    std::ofstream(dir / "hub.toml") << toml << "data = \"" << (dir / "cli").string() << "\"\n";
    std::string admin_token =
        run_output(std::string(LANTERN_BINARY_DIR "/hub/lantern admin-token --config ") + (dir / "hub.toml").string());
    REQUIRE(admin_token.starts_with("la_"));
    admin_token.pop_back();  // the newline
    CHECK(hub::open_store(uri, {})->is_admin_token(admin_token));
    test::HubProcess one(k_hub_binary, dir / "one", 0, toml);
    test::HubProcess two(k_hub_binary, dir / "two", 0, toml);
    httplib::Client c1(one.url()), c2(two.url());

    auto keys = sync::generate_referral_keys();
    for (int round = 0; round < 10; ++round) {
        std::string id = sync::new_uuid_v4();
        std::string b = body(id, keys, "{\"answers\":{\"round\":" + std::to_string(round) + "}}");
        // Both hubs at once, as a kiosk whose first attempt timed out and whose retry went to the other hub.
        Answer r1, r2;
        std::thread t([&] { r1 = post(c1, "/api/v1/referrals", kiosk_token, b); });
        r2 = post(c2, "/api/v1/referrals", kiosk_token, b);
        t.join();
        std::multiset<int> statuses{r1.status, r2.status};
        REQUIRE(statuses == std::multiset<int>{200, 201});  // one created it, the other found it
        CHECK(json::parse(r1.body)["received_at"] == json::parse(r2.body)["received_at"]);

        std::string changed = body(id, keys, "{\"answers\":{\"changed\":true}}");
        CHECK(post(c2, "/api/v1/referrals", kiosk_token, changed).status == 409);
        CHECK(post(c1, "/api/v1/referrals", kiosk_token, changed).status == 409);
        CHECK(post(c1, "/api/v1/referrals", kiosk_token, b).status == 200);  // the original, again
    }
    CHECK(hub::open_store(uri, {})->referral_count() == 10);

    // Export through one hub, then through the other: each referral is marked once between them.
    std::vector<std::string> ids;
    auto list = c1.Get("/api/v1/referrals", {{"Authorization", "Bearer " + admin_token}});
    REQUIRE(list);
    json page = json::parse(list->body);
    for (const auto& r : page["referrals"]) ids.push_back(r["id"]);
    REQUIRE(ids.size() == 10);
    std::string marks = json{{"ids", ids}}.dump();
    Answer m1, m2;
    std::thread t([&] { m1 = post(c1, "/api/v1/referrals/exported", admin_token, marks); });
    m2 = post(c2, "/api/v1/referrals/exported", admin_token, marks);
    t.join();
    REQUIRE(m1.status == 200);
    REQUIRE(m2.status == 200);
    CHECK(json::parse(m1.body)["marked"].get<int>() + json::parse(m2.body)["marked"].get<int>() == 10);
    CHECK(one.stop() == 0);
    CHECK(two.stop() == 0);
}

TEST_CASE("a hub whose PostgreSQL store is unreachable says so and exits non-zero") {
    test::TempDir dir;
    // A socket folder with no server: the connection is refused at once.
    std::ofstream(dir / "hub.toml") << "store = \"postgresql:///lantern?host=" << dir.path().string() << "&port=1\"\n";
    std::string cmd = std::string(k_hub_binary) + " --listen 127.0.0.1:0 --data " + (dir / "data").string() +
                      " --config " + (dir / "hub.toml").string() + " > /dev/null 2> " + (dir / "err").string();
    int status = std::system(cmd.c_str());
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 1);
    std::ifstream in(dir / "err");
    std::string err{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    CHECK(err.find("cannot connect to the PostgreSQL store") != std::string::npos);
    CHECK(err.find("AddressSanitizer") == std::string::npos);

    // Backup and restore are the SQLite store's: with PostgreSQL they refuse and name the tools to use.
    cmd = std::string(k_hub_binary) + " backup --config " + (dir / "hub.toml").string() + " --to " +
          (dir / "b.sqlite").string() + " 2> " + (dir / "err").string();
    status = std::system(cmd.c_str());
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 1);
    std::ifstream again(dir / "err");
    err.assign(std::istreambuf_iterator<char>(again), std::istreambuf_iterator<char>());
    CHECK(err.find("pg_dump") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "b.sqlite"));
}
