// A middlebox between kiosk and hub (a proxy's JSON errors, a captive portal's "ok") must neither keep
// referrals aside nor pass for the hub; kept-aside referrals come back once the hub is proven reachable.
#include <doctest/doctest.h>
#include <httplib.h>

#include <set>

#include "hub/cli/admin_client.h"
#include "sync/sealing.h"
#include "tests/hub/fault_proxy.h"
#include "tests/hub/hub_fixture.h"

using namespace lantern;
using namespace std::chrono_literals;
using test::HubFixture;
using test::wait_until;

namespace {

std::set<std::string> hub_ids(const HubFixture& f) {
    hub::AdminClient admin(f.hub->url(), f.admin_token);
    std::set<std::string> ids;
    std::size_t rows = 0;
    auto page = admin.referrals(0, 1000, true);
    for (const auto& r : page.referrals) {
        ids.insert(r.id);
        ++rows;
    }
    CHECK(rows == ids.size());
    return ids;
}

}  // namespace

TEST_CASE("a middlebox's JSON 400 and 413 keep nothing aside, and once the hub is back all arrive exactly once") {
    HubFixture f;
    test::FaultProxy proxy(f.hub->port(), {});
    proxy.set_canned({{400, "application/json", R"({"error":"bad request"})"},
                      {413, "application/json", R"({"error":"Request Entity Too Large"})"}});

    sync::OutboxStore outbox(f.dir / "outbox.sqlite");
    std::set<std::string> submitted;
    std::vector<std::string> ids;
    for (int i = 0; i < 20; ++i) ids.push_back(outbox.submit(f.referral("referral " + std::to_string(i))).id);
    submitted.insert(ids.begin(), ids.end());
    // Five kept aside by an older kiosk that believed the middlebox: they must come back by themselves.
    for (int i = 0; i < 5; ++i) CHECK(outbox.mark_refused(ids[static_cast<std::size_t>(i)], "HTTP 400: refused"));

    sync::SyncWorker worker(outbox, f.worker_options(proxy.url()));
    worker.start();
    REQUIRE(wait_until([&] { return proxy.canned_answers() >= 12; }, 20s));
    auto during = worker.status();
    CHECK(outbox.depth().refused == 5);  // none more
    CHECK(outbox.depth().queued == 15);
    CHECK(outbox.depth().delivered == 0);
    CHECK(during.last_error.find("without the hub's verdict") != std::string::npos);
    CHECK(during.last_success.empty());
    CHECK(f.hub_referral_count() == 0);

    proxy.set_canned({});  // the real hub is reachable again
    bool all = wait_until([&] { return outbox.depth().delivered == 20; }, 30s);
    worker.stop();
    REQUIRE(all);
    CHECK(outbox.depth().refused == 0);
    CHECK(outbox.depth().queued == 0);
    CHECK(f.hub_referral_count() == 20);
    CHECK(hub_ids(f) == submitted);
}

TEST_CASE(
    "the hub's own 409 naming the referral keeps it aside; it comes back a bounded number of times, and "
    "always by staff") {
    HubFixture f;
    sync::OutboxStore outbox(f.dir / "outbox.sqlite");
    auto bad = outbox.submit(f.referral("first"));
    // Someone else already stored `bad`'s id with other content.
    auto row = *outbox.find(bad.id);
    sync::ReferralPost other{row.id,
                             "k1",
                             row.reference_code,
                             row.created,
                             row.form_version,
                             sync::seal("different", f.referral_keys.public_key),
                             row.summary};
    httplib::Client cli(f.hub->url());
    cli.set_bearer_token_auth(f.kiosk_tokens["k1"].c_str());
    REQUIRE(cli.Post("/api/v1/referrals", sync::to_json(other).dump(), "application/json")->status == 201);
    // The hub's error names the id it is about (the Idempotency-Key).
    httplib::Headers idempotency{{"Idempotency-Key", row.id}};
    auto conflict = cli.Post("/api/v1/referrals", idempotency,
                             sync::to_json(sync::ReferralPost{row.id, "k1", row.reference_code, row.created,
                                                              row.form_version, row.sealed, row.summary})
                                 .dump(),
                             "application/json");
    REQUIRE(conflict);
    CHECK(conflict->status == 409);
    CHECK(nlohmann::json::parse(conflict->body)["id"] == row.id);

    sync::SyncWorker worker(outbox, f.worker_options(f.hub->url()));
    worker.start();
    REQUIRE(wait_until([&] { return outbox.depth().refused == 1; }, 10s));
    // Each later delivery proves the path and gives it another go; after k_max_auto_requeues it stays aside.
    for (int i = 0; i < sync::k_max_auto_requeues + 3; ++i) {
        outbox.submit(f.referral("good " + std::to_string(i)));
        worker.wake();
        REQUIRE(wait_until(
            [&] {
                return outbox.depth().delivered == i + 1 && outbox.depth().queued == 0 && worker.status().refused == 1;
            },
            10s));
    }
    CHECK(outbox.find(bad.id)->state == sync::OutboxState::refused);
    CHECK(outbox.find(bad.id)->attempts == 1 + sync::k_max_auto_requeues);
    CHECK(outbox.find(bad.id)->last_error.find("409") != std::string::npos);

    // Staff: "Try kept-aside referrals again" sends it once more.
    CHECK(worker.retry_kept_aside() == 1);
    REQUIRE(wait_until([&] { return outbox.find(bad.id)->attempts == 2 + sync::k_max_auto_requeues; }, 10s));
    REQUIRE(wait_until([&] { return outbox.depth().refused == 1; }, 10s));
    worker.stop();
    CHECK(f.hub_referral_count() == 1 + sync::k_max_auto_requeues + 3);
}

TEST_CASE("a captive portal's 200 {\"status\": \"ok\"} to a heartbeat is not the hub; the hub's proof is") {
    HubFixture f;
    test::FaultProxy proxy(f.hub->port(), {});
    proxy.set_canned({{200, "application/json", R"({"status":"ok"})"}});
    sync::OutboxStore outbox(f.dir / "outbox.sqlite");
    auto opts = f.worker_options(proxy.url());
    opts.heartbeat_interval = 50ms;
    sync::SyncWorker worker(outbox, opts);
    worker.start();
    REQUIRE(wait_until([&] { return proxy.canned_answers() >= 3; }, 10s));
    auto during = worker.status();
    CHECK(during.last_success.empty());
    CHECK(during.last_error.find("not the hub's answer") != std::string::npos);
    CHECK_FALSE(outbox.get_state(sync::state_key::last_success));

    proxy.set_canned({});
    REQUIRE(wait_until([&] { return !worker.status().last_success.empty(); }, 10s));
    worker.stop();
    CHECK(worker.status().last_error.empty());
    // The nonce is answered, not kept with the heartbeat.
    hub::AdminClient admin(f.hub->url(), f.admin_token);
    auto kiosks = admin.kiosks();
    REQUIRE(kiosks.kiosks.size() == 1);
    CHECK(kiosks.kiosks[0].heartbeat.nonce.empty());
}

TEST_CASE("a heartbeat proof is bound to the token and the nonce") {
    auto n1 = sync::new_heartbeat_nonce();
    auto n2 = sync::new_heartbeat_nonce();
    CHECK(n1 != n2);
    CHECK(sync::is_sha256_hex(n1));
    CHECK(sync::heartbeat_proof("token-a", n1) == sync::heartbeat_proof("token-a", n1));
    CHECK(sync::heartbeat_proof("token-a", n1) != sync::heartbeat_proof("token-b", n1));
    CHECK(sync::heartbeat_proof("token-a", n1) != sync::heartbeat_proof("token-a", n2));
    CHECK(sync::same_proof("abc", "abc"));
    CHECK_FALSE(sync::same_proof("abc", "abd"));
    CHECK_FALSE(sync::same_proof("abc", "ab"));
}
