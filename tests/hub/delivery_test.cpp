// Referral delivery against a real hub: exactly once through faults, captive portals, outages, 409s.
#include <doctest/doctest.h>

#include <thread>
#include <httplib.h>

#include <set>

#include "hub/cli/admin_client.h"
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
    std::int64_t after = 0;
    std::size_t rows = 0;
    for (;;) {
        auto page = admin.referrals(after, 1000, true);
        if (page.referrals.empty()) break;
        for (const auto& r : page.referrals) {
            ids.insert(r.id);
            ++rows;
        }
        after = page.next_after;
    }
    CHECK(rows == ids.size());
    return ids;
}

}  // namespace

TEST_CASE("1,000 referrals arrive exactly once through a proxy that resets, stalls and cuts responses") {
    HubFixture f;
    test::FaultProxy::Odds odds;
    odds.reset_at_connect = 15;
    odds.stall = 2;
    odds.cut_response = 30;
    odds.truncate_response = 13;
    odds.stall_ms = 2000ms;  // longer than the client's 1.5 s request timeout
    test::FaultProxy proxy(f.hub->port(), odds);

    sync::OutboxStore outbox(f.dir / "outbox.sqlite");
    std::set<std::string> submitted;
    for (int i = 0; i < 1000; ++i) submitted.insert(outbox.submit(f.referral("referral " + std::to_string(i))).id);

    sync::SyncWorker worker(outbox, f.worker_options(proxy.url()));
    worker.start();
    bool drained = wait_until([&] { return worker.status().outbox_depth == 0; }, 150s);
    worker.stop();
    MESSAGE("proxy connections ", proxy.connections(), ", faults ", proxy.faults());
    REQUIRE(drained);
    CHECK(proxy.faults() > 50);

    auto d = outbox.depth();
    CHECK(d.delivered == 1000);
    CHECK(d.refused == 0);
    CHECK(f.hub_referral_count() == 1000);
    CHECK(hub_ids(f) == submitted);
    for (const auto& row : outbox.next_queued(1)) FAIL("still queued: ", row.id);
    auto row = outbox.find(*submitted.begin());
    REQUIRE(row);
    CHECK(row->sealed.empty());
    CHECK_FALSE(row->delivered_at.empty());
}

TEST_CASE("a captive portal's 200 HTML page marks nothing delivered") {
    HubFixture f;
    httplib::Server portal;
    std::atomic<int> hits{0};
    portal.set_error_handler([&](const httplib::Request&, httplib::Response& res) {
        ++hits;
        res.status = 200;
        res.set_content("<html><body>Welcome to Guest WiFi. Please log in.</body></html>", "text/html");
    });
    int port = portal.bind_to_any_port("127.0.0.1");
    std::thread t([&] { portal.listen_after_bind(); });
    while (!portal.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(5));

    sync::OutboxStore outbox(f.dir / "outbox.sqlite");
    for (int i = 0; i < 3; ++i) outbox.submit(f.referral("r" + std::to_string(i)));
    sync::SyncWorker worker(outbox, f.worker_options("http://127.0.0.1:" + std::to_string(port)));
    worker.start();
    CHECK(wait_until([&] { return hits >= 5; }, 10s));
    auto status = worker.status();
    worker.stop();
    portal.stop();
    t.join();

    CHECK(outbox.depth().queued == 3);
    CHECK(outbox.depth().delivered == 0);
    CHECK(status.outbox_depth == 3);
    CHECK(status.last_error.find("not the hub's receipt") != std::string::npos);
    CHECK(outbox.next_queued(1)[0].attempts >= 1);
}

TEST_CASE("the same id with a different body gets 409, is kept aside for staff, and the queue goes on") {
    HubFixture f;
    sync::OutboxStore outbox(f.dir / "outbox.sqlite");
    auto first = outbox.submit(f.referral("first"));
    auto second = outbox.submit(f.referral("second"));

    // Someone else already stored `first`'s id with other content.
    auto row = *outbox.find(first.id);
    sync::ReferralPost other{row.id,
                             "k1",
                             row.reference_code,
                             row.created,
                             row.form_version,
                             sync::seal("different", f.referral_keys.public_key),
                             row.summary};
    httplib::Client cli(f.hub->url());
    cli.set_bearer_token_auth(f.kiosk_tokens["k1"].c_str());
    auto body = sync::to_json(other).dump();
    auto res = cli.Post("/api/v1/referrals", body, "application/json");
    REQUIRE(res);
    CHECK(res->status == 201);
    auto again = cli.Post("/api/v1/referrals", body, "application/json");
    REQUIRE(again);
    CHECK(again->status == 200);
    CHECK(again->body == res->body);  // a safe retry gets the same receipt

    sync::SyncWorker worker(outbox, f.worker_options(f.hub->url()));
    worker.start();
    // The second's receipt proves the path, so the first goes back to the queue by itself and meets 409 again
    // (at most k_max_auto_requeues times): wait until it has stayed kept aside with the queue empty for 2 s.
    auto settled = [&] {
        return worker.status().outbox_depth == 0 && outbox.find(first.id)->state == sync::OutboxState::refused;
    };
    CHECK(wait_until(
        [&] {
            if (!settled()) return false;
            std::this_thread::sleep_for(2s);
            return settled();
        },
        30s));
    worker.stop();
    CHECK(outbox.find(first.id)->state == sync::OutboxState::refused);
    CHECK(outbox.find(first.id)->last_error.find("409") != std::string::npos);
    CHECK_FALSE(outbox.find(first.id)->sealed.empty());
    CHECK(outbox.find(second.id)->state == sync::OutboxState::delivered);
    CHECK(worker.status().refused == 1);
    CHECK(f.hub_referral_count() == 2);
}

TEST_CASE("while the hub is down referrals wait, and the backlog drains once it is back") {
    HubFixture f;
    int port = f.hub->port();
    CHECK(f.hub->stop() == 0);  // clean exit on SIGTERM

    sync::OutboxStore outbox(f.dir / "outbox.sqlite");
    for (int i = 0; i < 20; ++i) outbox.submit(f.referral("r" + std::to_string(i)));
    sync::SyncWorker worker(outbox, f.worker_options("http://127.0.0.1:" + std::to_string(port)));
    worker.start();
    CHECK(wait_until([&] { return worker.status().consecutive_failures >= 3; }, 10s));
    CHECK(worker.status().outbox_depth == 20);
    CHECK(worker.status().last_error.rfind("network:", 0) == 0);

    f.hub->restart();
    REQUIRE(f.hub->port() == port);
    worker.wake();
    CHECK(wait_until([&] { return worker.status().outbox_depth == 0; }, 20s));
    worker.stop();
    CHECK(outbox.depth().delivered == 20);
    CHECK(f.hub_referral_count() == 20);
    CHECK(worker.status().last_error.empty());
    CHECK_FALSE(worker.status().last_success.empty());
}

TEST_CASE("5xx answers and timeouts back off instead of hammering the hub") {
    HubFixture f;
    httplib::Server flaky;
    std::atomic<int> hits{0};
    std::atomic<bool> slow{false};
    flaky.Post("/api/v1/referrals", [&](const httplib::Request&, httplib::Response& res) {
        ++hits;
        if (slow) std::this_thread::sleep_for(700ms);
        res.status = 503;
        res.set_content(sync::error_body("busy"), "application/json");
    });
    int port = flaky.bind_to_any_port("127.0.0.1");
    std::thread t([&] { flaky.listen_after_bind(); });
    while (!flaky.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(5));

    sync::OutboxStore outbox(f.dir / "outbox.sqlite");
    outbox.submit(f.referral("r"));
    auto opts = f.worker_options("http://127.0.0.1:" + std::to_string(port));
    opts.backoff_initial = 20ms;
    opts.backoff_max = 200ms;
    opts.hub.request_timeout_ms = 300;
    {
        sync::SyncWorker worker(outbox, opts);
        worker.start();
        std::this_thread::sleep_for(1500ms);
        auto status = worker.status();
        worker.stop();
        // Without backoff a loopback 503 would be retried hundreds of times in 1.5 s. With 20 ms doubling
        // to a 200 ms cap (jittered down to half) it is at most ~15.
        MESSAGE("503 attempts in 1.5 s: ", hits.load());
        CHECK(hits >= 4);
        CHECK(hits <= 20);
        CHECK(status.last_error.find("503") != std::string::npos);
        CHECK(status.consecutive_failures >= 4);
    }
    slow = true;
    hits = 0;
    {
        sync::SyncWorker worker(outbox, opts);
        worker.start();
        CHECK(wait_until([&] { return worker.status().last_error.find("timed out") != std::string::npos; }, 5s));
        auto t0 = std::chrono::steady_clock::now();
        worker.stop();
        CHECK(std::chrono::steady_clock::now() - t0 < 1500ms);  // stop() does not wait out a transfer
    }
    CHECK(outbox.depth().queued == 1);
    CHECK(outbox.depth().delivered == 0);
    flaky.stop();
    t.join();
}

TEST_CASE("20 kiosks at once each get every referral stored once") {
    std::vector<std::string> names;
    for (int i = 0; i < 20; ++i) names.push_back("kiosk-" + std::to_string(i));
    // All 20 come from 127.0.0.1, where real kiosks would each have an address of their own.
    HubFixture f(names, "quiet = true\nthreads = 32\nmax_connections_per_address = 64\n");
    std::vector<std::unique_ptr<sync::OutboxStore>> outboxes;
    std::vector<std::unique_ptr<sync::SyncWorker>> workers;
    std::set<std::string> submitted;
    for (int k = 0; k < 20; ++k) {
        outboxes.push_back(std::make_unique<sync::OutboxStore>(f.dir / ("outbox-" + std::to_string(k) + ".sqlite")));
        for (int i = 0; i < 25; ++i) submitted.insert(outboxes.back()->submit(f.referral("r")).id);
    }
    for (int k = 0; k < 20; ++k) {
        workers.push_back(std::make_unique<sync::SyncWorker>(*outboxes[k], f.worker_options(f.hub->url(), names[k])));
        workers.back()->start();
    }
    bool all = wait_until(
        [&] {
            for (auto& w : workers)
                if (w->status().outbox_depth != 0) return false;
            return true;
        },
        60s);
    for (auto& w : workers) w->stop();
    REQUIRE(all);
    CHECK(f.hub_referral_count() == 500);
    CHECK(hub_ids(f) == submitted);
}
