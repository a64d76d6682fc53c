// Kiosks sending to two real lantern-hub processes on one PostgreSQL database through a round-robin proxy that
// cuts and resets connections, so a retry lands on the other hub: every referral is stored once, a changed body
// gets 409 from either hub. LANTERN_PAIR_KIOSKS and LANTERN_PAIR_PER_KIOSK size it (ctest: 50 x 4).
#include <doctest/doctest.h>
#include <httplib.h>

#include <atomic>
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>

#include "tests/hub/fault_proxy.h"
#include "tests/hub/hub_fixture.h"
#include "tests/store/hub_pair.h"

using namespace lantern;
using namespace std::chrono_literals;
using test::HubPair;
using test::wait_until;

namespace {

int env_int(const char* name, int fallback) {
    const char* v = std::getenv(name);
    return v && *v ? std::atoi(v) : fallback;
}

test::PgCluster* cluster_or_skip() {
    std::string why_not;
    auto* cluster = test::PgCluster::shared(why_not);
    if (!cluster) MESSAGE("skipped: " << why_not);
    return cluster;
}

}  // namespace

TEST_CASE("50 kiosks send through both hubs with retries landing on either: every referral stored once") {
    auto* cluster = cluster_or_skip();
    if (!cluster) return;
    const int kiosks = env_int("LANTERN_PAIR_KIOSKS", 50);
    const int per_kiosk = env_int("LANTERN_PAIR_PER_KIOSK", 4);
    std::vector<std::string> names;
    for (int i = 0; i < kiosks; ++i) names.push_back("kiosk-" + std::to_string(i));
    HubPair pair(*cluster, names);

    // One proxy per kiosk, alternating its connections between the hubs: after a cut response (the hub stored
    // the referral, the kiosk never heard) or a reset, the kiosk's retry goes to the other hub.
    test::FaultProxy::Odds odds;
    odds.reset_at_connect = 10;
    odds.cut_response = 30;
    odds.truncate_response = 10;
    std::vector<std::unique_ptr<test::FaultProxy>> proxies;
    std::vector<std::unique_ptr<sync::OutboxStore>> outboxes;
    std::vector<std::unique_ptr<sync::SyncWorker>> workers;
    std::set<std::string> submitted;
    std::vector<std::string> first_ids;
    for (int k = 0; k < kiosks; ++k) {
        proxies.push_back(std::make_unique<test::FaultProxy>(pair.ports(), odds, 1000 + static_cast<unsigned>(k)));
        outboxes.push_back(std::make_unique<sync::OutboxStore>(pair.dir / ("outbox-" + std::to_string(k) + ".sqlite")));
        for (int i = 0; i < per_kiosk; ++i) {
            auto id = outboxes.back()->submit(pair.referral("r " + std::to_string(i))).id;
            if (i == 0) first_ids.push_back(id);
            submitted.insert(id);
        }
        workers.push_back(std::make_unique<sync::SyncWorker>(
            *outboxes.back(), pair.worker_options(proxies.back()->url(), names[static_cast<std::size_t>(k)])));
    }
    for (auto& w : workers) w->start();
    bool drained = wait_until(
        [&] {
            for (auto& w : workers)
                if (w->status().outbox_depth != 0) return false;
            return true;
        },
        300s);
    for (auto& w : workers) w->stop();
    int faults = 0;
    for (auto& p : proxies) faults += p->faults();
    REQUIRE(drained);
    for (auto& o : outboxes) {
        CHECK(o->depth().refused == 0);
        CHECK(o->depth().queued == 0);
    }

    // Stored once: as many rows as referrals sent, every one of them, none twice.
    const auto total = static_cast<std::size_t>(kiosks * per_kiosk);
    REQUIRE(submitted.size() == total);
    std::size_t rows = 0;
    auto ids = pair.stored_ids(rows);
    CHECK(pair.referral_count() == static_cast<std::int64_t>(total));
    CHECK(rows == ids.size());
    CHECK(ids == submitted);

    // The hubs' own logs: one 201 per referral between the two of them (the database decided once), and
    // retries that reached the other hub after the first had stored it were answered 200 there.
    auto a1 = HubPair::answers(*pair.one), a2 = HubPair::answers(*pair.two);
    int crossed = 0, created_on_one = 0, created_on_two = 0;
    for (const auto& id : submitted) {
        auto count = [&](const std::map<std::string, std::vector<int>>& a, int status) {
            auto it = a.find(id);
            return it == a.end() ? 0L : std::count(it->second.begin(), it->second.end(), status);
        };
        long c1 = count(a1, 201), c2 = count(a2, 201);
        CHECK_MESSAGE(c1 + c2 == 1, id);
        if (c1 == 1) ++created_on_one;
        if (c2 == 1) ++created_on_two;
        if ((c1 == 1 && count(a2, 200) > 0) || (c2 == 1 && count(a1, 200) > 0)) ++crossed;
    }
    std::cout << "hub pair: " << kiosks << " kiosks x " << per_kiosk << " referrals: " << total << " sent, "
              << ids.size() << " stored once (" << created_on_one << " created by one, " << created_on_two
              << " by two); " << faults << " faults at the proxies; " << crossed
              << " retries found their referral already stored by the other hub\n";
    CHECK(created_on_one > 0);
    CHECK(created_on_two > 0);
    CHECK(faults > static_cast<int>(total) / 4);
    CHECK(crossed > 0);

    // A changed body under a stored id is refused by either hub, naming the id; the stored row is unchanged.
    for (int k = 0; k < kiosks; ++k) {
        auto row = *outboxes[static_cast<std::size_t>(k)]->find(first_ids[static_cast<std::size_t>(k)]);
        sync::ReferralPost changed{row.id,
                                   names[static_cast<std::size_t>(k)],
                                   row.reference_code,
                                   row.created,
                                   row.form_version,
                                   sync::seal("changed", pair.referral_keys.public_key),
                                   row.summary};
        for (auto* hub : {pair.one.get(), pair.two.get()}) {
            httplib::Client c(hub->url());
            c.set_bearer_token_auth(pair.kiosk_tokens[names[static_cast<std::size_t>(k)]].c_str());
            // With the Idempotency-Key the kiosk sends, the hub's error names the id it is about.
            auto r = c.Post("/api/v1/referrals", {{"Idempotency-Key", row.id}}, sync::to_json(changed).dump(),
                            "application/json");
            REQUIRE(r);
            CHECK(r->status == 409);
            CHECK(nlohmann::json::parse(r->body)["id"] == row.id);
        }
    }
    CHECK(pair.referral_count() == static_cast<std::int64_t>(total));
    CHECK(pair.one->stop() == 0);
    CHECK(pair.two->stop() == 0);
}
