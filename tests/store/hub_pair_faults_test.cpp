// The fault proxy's cases of tests/hub (resets, stalls, cut and truncated answers, a captive portal, a middlebox's
// JSON errors) with two hubs on one PostgreSQL database behind it, each connection to the next hub: nothing is
// stranded in the outbox, nothing stored twice. LANTERN_PAIR_FAULT_REFERRALS sizes the reset case (ctest: 200).
#include <doctest/doctest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "tests/hub/fault_proxy.h"
#include "tests/hub/hub_fixture.h"
#include "tests/store/hub_pair.h"

using namespace lantern;
using namespace std::chrono_literals;
using test::HubPair;
using test::wait_until;

namespace {

test::PgCluster* cluster_or_skip() {
    std::string why_not;
    auto* cluster = test::PgCluster::shared(why_not);
    if (!cluster) MESSAGE("skipped: " << why_not);
    return cluster;
}

// Every referral sent is in the database once, and both hubs stored some of them.
void check_stored_once(const HubPair& pair, const std::set<std::string>& submitted) {
    std::size_t rows = 0;
    auto ids = pair.stored_ids(rows);
    CHECK(pair.referral_count() == static_cast<std::int64_t>(submitted.size()));
    CHECK(rows == ids.size());
    CHECK(ids == submitted);
    auto a1 = HubPair::answers(*pair.one), a2 = HubPair::answers(*pair.two);
    int created = 0;
    for (const auto& [id, statuses] : a1)
        created += static_cast<int>(std::count(statuses.begin(), statuses.end(), 201));
    for (const auto& [id, statuses] : a2)
        created += static_cast<int>(std::count(statuses.begin(), statuses.end(), 201));
    CHECK(created == static_cast<int>(submitted.size()));
    CHECK_FALSE(a1.empty());
    CHECK_FALSE(a2.empty());
}

}  // namespace

TEST_CASE("referrals reach the pair exactly once through a round-robin proxy that resets, stalls and cuts") {
    auto* cluster = cluster_or_skip();
    if (!cluster) return;
    const char* size = std::getenv("LANTERN_PAIR_FAULT_REFERRALS");
    const int n = size && *size ? std::atoi(size) : 200;
    HubPair pair(*cluster, {"k1"});
    test::FaultProxy::Odds odds;
    odds.reset_at_connect = 15;
    odds.stall = 2;
    odds.cut_response = 30;
    odds.truncate_response = 13;
    odds.stall_ms = 2000ms;  // longer than the client's request timeout below
    test::FaultProxy proxy(pair.ports(), odds);

    sync::OutboxStore outbox(pair.dir / "outbox.sqlite");
    std::set<std::string> submitted;
    for (int i = 0; i < n; ++i) submitted.insert(outbox.submit(pair.referral("referral " + std::to_string(i))).id);
    auto opts = pair.worker_options(proxy.url(), "k1");
    opts.hub.request_timeout_ms = 1500;
    sync::SyncWorker worker(outbox, opts);
    worker.start();
    bool drained = wait_until([&] { return worker.status().outbox_depth == 0; }, 150s);
    worker.stop();
    MESSAGE("proxy connections ", proxy.connections(), ", faults ", proxy.faults());
    REQUIRE(drained);
    CHECK(proxy.faults() > n / 10);
    auto d = outbox.depth();
    CHECK(d.delivered == n);
    CHECK(d.refused == 0);
    CHECK(outbox.next_queued(1).empty());
    check_stored_once(pair, submitted);
}

TEST_CASE("a captive portal's 200 HTML page in front of the pair marks nothing delivered; then all arrive once") {
    auto* cluster = cluster_or_skip();
    if (!cluster) return;
    HubPair pair(*cluster, {"k1"});
    test::FaultProxy proxy(pair.ports(), {});
    proxy.set_canned({{200, "text/html", "<html><body>Welcome to Guest WiFi. Please log in.</body></html>"}});
    sync::OutboxStore outbox(pair.dir / "outbox.sqlite");
    std::set<std::string> submitted;
    for (int i = 0; i < 10; ++i) submitted.insert(outbox.submit(pair.referral("r" + std::to_string(i))).id);
    sync::SyncWorker worker(outbox, pair.worker_options(proxy.url(), "k1"));
    worker.start();
    REQUIRE(wait_until([&] { return proxy.canned_answers() >= 5; }, 10s));
    auto during = worker.status();
    CHECK(outbox.depth().queued == 10);
    CHECK(outbox.depth().delivered == 0);
    CHECK(outbox.depth().refused == 0);
    CHECK(during.last_success.empty());
    CHECK(pair.referral_count() == 0);

    proxy.set_canned({});  // the portal lets the kiosk through to the pair
    bool all = wait_until([&] { return outbox.depth().delivered == 10; }, 30s);
    worker.stop();
    REQUIRE(all);
    CHECK(outbox.depth().queued == 0);
    check_stored_once(pair, submitted);
}

TEST_CASE("a middlebox's JSON 400 and 413 in front of the pair keep nothing aside; kept-aside ones come back once") {
    auto* cluster = cluster_or_skip();
    if (!cluster) return;
    HubPair pair(*cluster, {"k1"});
    test::FaultProxy proxy(pair.ports(), {});
    proxy.set_canned({{400, "application/json", R"({"error":"bad request"})"},
                      {413, "application/json", R"({"error":"Request Entity Too Large"})"}});
    sync::OutboxStore outbox(pair.dir / "outbox.sqlite");
    std::vector<std::string> ids;
    for (int i = 0; i < 20; ++i) ids.push_back(outbox.submit(pair.referral("referral " + std::to_string(i))).id);
    std::set<std::string> submitted(ids.begin(), ids.end());
    // Five kept aside by an older kiosk that believed a middlebox: they come back by themselves.
    for (int i = 0; i < 5; ++i) CHECK(outbox.mark_refused(ids[static_cast<std::size_t>(i)], "HTTP 400: refused"));
    sync::SyncWorker worker(outbox, pair.worker_options(proxy.url(), "k1"));
    worker.start();
    REQUIRE(wait_until([&] { return proxy.canned_answers() >= 12; }, 20s));
    CHECK(outbox.depth().refused == 5);  // none more
    CHECK(outbox.depth().queued == 15);
    CHECK(worker.status().last_error.find("without the hub's verdict") != std::string::npos);
    CHECK(pair.referral_count() == 0);

    proxy.set_canned({});
    bool all = wait_until([&] { return outbox.depth().delivered == 20; }, 30s);
    worker.stop();
    REQUIRE(all);
    CHECK(outbox.depth().refused == 0);
    check_stored_once(pair, submitted);
}

TEST_CASE("a captive portal's 200 {\"status\": \"ok\"} to a heartbeat is not the pair; either hub's proof is") {
    auto* cluster = cluster_or_skip();
    if (!cluster) return;
    HubPair pair(*cluster, {"k1"});
    test::FaultProxy proxy(pair.ports(), {});
    proxy.set_canned({{200, "application/json", R"({"status":"ok"})"}});
    sync::OutboxStore outbox(pair.dir / "outbox.sqlite");
    auto opts = pair.worker_options(proxy.url(), "k1");
    opts.heartbeat_interval = 50ms;
    sync::SyncWorker worker(outbox, opts);
    worker.start();
    REQUIRE(wait_until([&] { return proxy.canned_answers() >= 3; }, 10s));
    CHECK(worker.status().last_success.empty());
    CHECK(worker.status().last_error.find("not the hub's answer") != std::string::npos);
    CHECK_FALSE(outbox.get_state(sync::state_key::last_success));

    proxy.set_canned({});
    // Heartbeats every 50 ms over connections that alternate: both hubs answer with the proof.
    auto beats_answered = [&](const test::HubProcess& hub) {
        return HubPair::log_lines_with(hub, "POST /api/v1/heartbeat 200");
    };
    REQUIRE(wait_until(
        [&] {
            return !worker.status().last_success.empty() && beats_answered(*pair.one) > 0 &&
                   beats_answered(*pair.two) > 0;
        },
        10s));
    worker.stop();
    CHECK(worker.status().last_error.empty());
    auto beats = hub::open_store(pair.uri, {})->heartbeats();
    REQUIRE(beats.size() == 1);
    CHECK(beats[0].kiosk == "k1");
    CHECK_FALSE(nlohmann::json::parse(beats[0].json).contains("nonce"));
}
