// Two real lantern-hub processes on one PostgreSQL database, with kiosks enrolled: the set-up of the pair tests.
#pragma once

#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "hub/store/hub_store.h"
#include "sync/sealing.h"
#include "sync/sync_worker.h"
#include "tests/hub/hub_process.h"
#include "tests/store/pg_cluster.h"
#include "tests/temp_dir.h"

namespace lantern::test {

struct HubPair {
    TempDir dir;
    std::string uri;  // the one database both hubs use
    std::string admin_token;
    std::map<std::string, std::string> kiosk_tokens;
    sync::KeyPair referral_keys = sync::generate_referral_keys();
    std::unique_ptr<HubProcess> one, two;

    // quiet = false: each hub logs "referral <id> <status>", which tells which hub created a referral and which
    // found it already stored. Every kiosk comes from 127.0.0.1 here, hence the per-address cap.
    HubPair(PgCluster& cluster, const std::vector<std::string>& kiosks,
            const std::string& extra_toml = "threads = 64\nmax_connections_per_address = 512\n")
        : uri(cluster.create_database()) {
        {
            auto store = hub::open_store(uri, {});
            admin_token = store->create_admin_token("tests");
            for (const auto& k : kiosks) kiosk_tokens[k] = store->enrol_kiosk(k);
        }
        std::string toml = "store = \"" + uri + "\"\nquiet = false\n" + extra_toml;
        one = std::make_unique<HubProcess>(LANTERN_BINARY_DIR "/hub/lantern-hub", dir / "one", 0, toml);
        two = std::make_unique<HubProcess>(LANTERN_BINARY_DIR "/hub/lantern-hub", dir / "two", 0, toml);
    }

    std::vector<int> ports() const { return {one->port(), two->port()}; }

    // What the database holds, read through the store: every referral id (with exported ones), and how many
    // rows that was.
    std::set<std::string> stored_ids(std::size_t& rows) const {
        auto store = hub::open_store(uri, {});
        std::set<std::string> ids;
        rows = 0;
        std::int64_t after = 0;
        for (;;) {
            auto page = store->referrals_after(after, 1000, true);
            if (page.empty()) break;
            for (const auto& r : page) {
                ids.insert(r.id);
                ++rows;
                after = std::max(after, r.seq);
            }
        }
        return ids;
    }
    std::int64_t referral_count() const { return hub::open_store(uri, {})->referral_count(); }

    // Each hub's answers to referral posts from its log: id -> the statuses it answered, in order.
    static std::map<std::string, std::vector<int>> answers(const HubProcess& hub) {
        std::map<std::string, std::vector<int>> out;
        std::istringstream in(hub.log());
        std::string line;
        while (std::getline(in, line)) {
            std::istringstream words(line);
            std::string when, what, id;
            int status = 0;
            if (words >> when >> what >> id >> status && what == "referral") out[id].push_back(status);
        }
        return out;
    }

    // Lines of a hub's log that contain `needle` (its request log: "POST /api/v1/heartbeat 200 ...").
    static int log_lines_with(const HubProcess& hub, const std::string& needle) {
        std::istringstream in(hub.log());
        std::string line;
        int n = 0;
        while (std::getline(in, line))
            if (line.find(needle) != std::string::npos) ++n;
        return n;
    }

    sync::SyncWorkerOptions worker_options(const std::string& url, const std::string& kiosk) const {
        sync::SyncWorkerOptions o;
        o.hub.base_url = url;
        o.hub.token = kiosk_tokens.at(kiosk);
        o.hub.connect_timeout_ms = 1000;
        o.hub.request_timeout_ms = 5000;
        o.hub.download_stall_timeout_s = 2;
        o.kiosk_name = kiosk;
        o.backoff_initial = std::chrono::milliseconds(5);
        o.backoff_max = std::chrono::milliseconds(50);
        o.manifest_interval = std::chrono::hours(1);
        o.heartbeat_interval = std::chrono::hours(1);
        o.idle_interval = std::chrono::milliseconds(50);
        return o;
    }

    sync::SealedReferral referral(const std::string& plaintext) const {
        return {"3", sync::seal(plaintext, referral_keys.public_key),
                sync::ReferralSummary{{"money"}, "adult", "HMP Example", "2026-12-01"}};
    }
};

}  // namespace lantern::test
