// Hub ingest benchmark: a real lantern-hub on loopback, 20 concurrent libcurl clients, and the outbox drain.
//
//   lantern-bench-hub --hub build/hub/lantern-hub [--clients 20] [--per-client 100] [--runs 5] [--drain 500]
//                     [--postgres]
//
// Each run starts a fresh hub (temp data folder, kiosks enrolled straight into its store as `lantern kiosk
// enrol` does), then:
//  - ingest: every client is one kiosk with its own sync::HubClient (one kept-alive connection) posting
//    pre-sealed referrals back to back; referrals/s = all of them / wall time from the start signal until
//    the last receipt. Sealing is kiosk work done at submit time, so it happens before the clock starts.
//  - drain: one kiosk's OutboxStore holds N queued referrals; a real sync::SyncWorker is started and the
//    clock runs until the outbox says nothing is queued. That is HTTP + the hub's commit + the kiosk's own
//    durable mark_delivered per referral, one at a time, as a kiosk really drains after an outage.
// With --postgres, each run also ingests the same workload into one hub on PostgreSQL and into two hubs on one
// PostgreSQL database (clients split between them), in the same run as the SQLite ingest (the order turning round
// each run): a throwaway cluster with PostgreSQL's durable defaults (fsync, synchronous commit), as SQLite's
// synchronous=FULL. Ratios are taken run by run, so a neighbour's load slows both alike.
// Prints one JSON object (medians plus every run) on stdout; progress and errors go to stderr. Exits 1 on
// any failed delivery or a hub that does not start, and never waits for ever: every wait has a deadline.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "hub/store/hub_store.h"
#include "sync/encoding.h"
#include "sync/hub_client.h"
#include "sync/outbox_store.h"
#include "sync/sealing.h"
#include "sync/sync_worker.h"
#include "tests/hub/hub_process.h"
#include "tests/store/pg_cluster.h"
#include "tests/temp_dir.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using namespace lantern;

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    if (v.empty()) return 0;
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    if (v.empty()) return 0;
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

struct Setup {
    test::TempDir dir;
    std::vector<std::string> kiosks;
    std::vector<std::string> tokens;
    sync::KeyPair keys = sync::generate_referral_keys();
    std::vector<std::unique_ptr<test::HubProcess>> hubs;
    std::string store_uri;

    // `uri` empty: one hub on its own SQLite file. A PostgreSQL URI: `n_hubs` hubs on that one database,
    // and kiosk k talks to hub k % n_hubs (as a load balancer would spread them).
    Setup(const fs::path& hub_binary, int n_kiosks, const std::string& config_toml, const std::string& uri = "",
          int n_hubs = 1)
        : store_uri(uri) {
        fs::create_directories(dir / "hub");
        {
            auto store = hub::open_store(store_uri, dir / "hub");
            for (int i = 0; i < n_kiosks; ++i) {
                kiosks.push_back("bench-kiosk-" + std::to_string(i));
                tokens.push_back(store->enrol_kiosk(kiosks.back()));
            }
        }
        std::string toml = store_uri.empty() ? config_toml : "store = \"" + store_uri + "\"\n" + config_toml;
        for (int h = 0; h < n_hubs; ++h)
            hubs.push_back(std::make_unique<test::HubProcess>(
                hub_binary, h == 0 ? dir / "hub" : dir / ("hub-" + std::to_string(h)), 0, toml));
    }

    // Referrals in the store, read through it.
    std::int64_t stored() const { return hub::open_store(store_uri, dir / "hub")->referral_count(); }

    sync::HubClientOptions client_options(int k) const {
        sync::HubClientOptions o;
        o.base_url = hubs[static_cast<std::size_t>(k) % hubs.size()]->url();
        o.token = tokens[static_cast<std::size_t>(k)];
        o.connect_timeout_ms = 5'000;
        o.request_timeout_ms = 15'000;
        return o;
    }

    // A referral of realistic size: a filled 7-step form is about 1.5 KB of JSON before sealing.
    sync::SealedReferral referral() const {
        std::string answers(1500, 'x');
        return {"3", sync::seal(answers, keys.public_key),
                sync::ReferralSummary{{"money", "travel"}, "adult", "HMP Example", "2024-05-01"}};
    }
};

struct IngestRun {
    double seconds = 0;
    int delivered = 0;
    int failed = 0;
    std::vector<double> latencies_ms;
    std::string first_error;
};

IngestRun ingest(const Setup& s, int clients, int per_client) {
    // Build every post before the clock starts.
    std::vector<std::vector<sync::ReferralPost>> posts(static_cast<std::size_t>(clients));
    auto sealed = s.referral();
    for (int c = 0; c < clients; ++c)
        for (int i = 0; i < per_client; ++i)
            posts[static_cast<std::size_t>(c)].push_back({sync::new_uuid_v4(), s.kiosks[static_cast<std::size_t>(c)],
                                                          sync::new_reference_code(), sync::utc_now_iso(),
                                                          sealed.form_version, sealed.sealed, sealed.summary});

    std::atomic<int> ready{0};
    std::atomic<bool> go{false};
    std::vector<IngestRun> per(static_cast<std::size_t>(clients));
    std::vector<std::thread> threads;
    for (int c = 0; c < clients; ++c) {
        threads.emplace_back([&, c] {
            auto& mine = per[static_cast<std::size_t>(c)];
            sync::HubClient client(s.client_options(c));
            ++ready;
            while (!go) std::this_thread::yield();
            for (const auto& post : posts[static_cast<std::size_t>(c)]) {
                auto t0 = Clock::now();
                auto out = client.post_referral(post);
                mine.latencies_ms.push_back(seconds_since(t0) * 1000);
                if (out.delivery == sync::Delivery::delivered) {
                    ++mine.delivered;
                } else {
                    ++mine.failed;
                    if (mine.first_error.empty())
                        mine.first_error = out.error + " (HTTP " + std::to_string(out.http_status) + ")";
                }
            }
        });
    }
    while (ready < clients) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    auto t0 = Clock::now();
    go = true;
    for (auto& t : threads) t.join();
    IngestRun r;
    r.seconds = seconds_since(t0);
    for (auto& p : per) {
        r.delivered += p.delivered;
        r.failed += p.failed;
        r.latencies_ms.insert(r.latencies_ms.end(), p.latencies_ms.begin(), p.latencies_ms.end());
        if (r.first_error.empty()) r.first_error = p.first_error;
    }
    return r;
}

struct DrainRun {
    double seconds = 0;
    std::int64_t delivered = 0;
    std::int64_t left = 0;
    std::string last_error;
};

DrainRun drain(const Setup& s, int n, double timeout_s) {
    sync::OutboxStore outbox(s.dir / "outbox.sqlite");
    auto sealed = s.referral();
    for (int i = 0; i < n; ++i) outbox.submit(sealed);
    sync::SyncWorkerOptions o;
    o.hub = s.client_options(0);
    o.kiosk_name = s.kiosks[0];
    // Content sync is off (no packs_dir); a heartbeat goes once at the start, as on a real kiosk.
    o.backoff_initial = std::chrono::milliseconds(50);
    o.backoff_max = std::chrono::milliseconds(500);
    sync::SyncWorker worker(outbox, o);
    auto t0 = Clock::now();
    worker.start();
    worker.wake();
    DrainRun r;
    while (seconds_since(t0) < timeout_s) {
        auto d = outbox.depth();
        if (d.queued == 0) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    r.seconds = seconds_since(t0);
    worker.stop();
    auto d = outbox.depth();
    r.delivered = d.delivered;
    r.left = d.queued + d.refused;
    r.last_error = worker.status().last_error;
    return r;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"lantern-bench-hub: hub ingest and outbox drain through a real lantern-hub on loopback"};
    std::string hub_binary;
    int clients = 20, per_client = 100, runs = 5, drain_n = 500, threads = 0;
    bool quiet_hub = true, postgres = false;
    app.add_option("--hub", hub_binary, "Path to lantern-hub")->required()->check(CLI::ExistingFile);
    app.add_option("--clients", clients, "Concurrent kiosks posting (each one enrolled)")->check(CLI::Range(1, 200));
    app.add_option("--per-client", per_client, "Referrals each client posts per run")->check(CLI::Range(1, 100000));
    app.add_option("--runs", runs, "Runs (each on a fresh hub); medians are reported")->check(CLI::Range(1, 100));
    app.add_option("--drain", drain_n, "Referrals queued in the outbox for the drain run")
        ->check(CLI::Range(1, 100000));
    app.add_option("--threads", threads, "Hub worker threads (0: the hub's default)")->check(CLI::Range(0, 256));
    app.add_flag("!--hub-logs", quiet_hub, "Let the hub log a line per request (its default)");
    app.add_flag("--postgres", postgres, "Also ingest into one and two hubs on PostgreSQL (Debian's postgresql)");
    CLI11_PARSE(app, argc, argv);
    ::signal(SIGPIPE, SIG_IGN);

    // Every simulated kiosk connects from 127.0.0.1: the per-address cap is for real networks.
    std::string config =
        std::string("quiet = ") + (quiet_hub ? "true" : "false") + "\nmax_connections_per_address = 4096\n";
    if (threads > 0) config += "threads = " + std::to_string(threads) + "\n";

    nlohmann::json out = {{"clients", clients},
                          {"per_client", per_client},
                          {"drain_n", drain_n},
                          {"hub_quiet", quiet_hub},
                          {"ingest_runs", nlohmann::json::array()},
                          {"drain_runs", nlohmann::json::array()}};
    std::vector<double> rates, drains, p50s, p99s;
    // PostgreSQL: [0] one hub, [1] two hubs; one figure per run, as for SQLite.
    std::vector<double> pg_rates[2], pg_p50s[2], pg_p99s[2];
    std::unique_ptr<test::PgCluster> cluster;
    if (postgres) {
        std::string why;
        try {
            cluster = test::PgCluster::start(true, why);
        } catch (const std::exception& e) {
            why = e.what();
        }
        if (!cluster) {
            std::cerr << "lantern-bench-hub: no PostgreSQL cluster: " << why << "\n";
            return 1;
        }
        out["postgres"] = {{"one_hub", {{"runs", nlohmann::json::array()}}},
                           {"two_hubs", {{"runs", nlohmann::json::array()}}}};
    }
    try {
        for (int run = 0; run < runs; ++run) {
            std::cerr << "lantern-bench-hub: run " << run + 1 << "/" << runs << " ingest";
            // kind 0: SQLite; 1: one hub on PostgreSQL; 2: two hubs on one PostgreSQL database. The order turns
            // round each run, so none always goes first (on a warm or a cold machine).
            const int kinds = postgres ? 3 : 1;
            for (int step = 0; step < kinds; ++step) {
                const int kind = run % 2 ? kinds - 1 - step : step;
                const char* label = kind == 0 ? "SQLite" : kind == 1 ? "PostgreSQL 1 hub" : "PostgreSQL 2 hubs";
                Setup s(hub_binary, clients, config, kind == 0 ? "" : cluster->create_database(), kind == 2 ? 2 : 1);
                auto r = ingest(s, clients, per_client);
                if (r.failed > 0) {
                    std::cerr << "\nlantern-bench-hub: " << label << ": " << r.failed << " of " << clients * per_client
                              << " referrals not delivered; first error: " << r.first_error << "\n";
                    return 1;
                }
                if (auto n = s.stored(); n != r.delivered) {
                    std::cerr << "\nlantern-bench-hub: " << label << ": the store holds " << n << " referrals, "
                              << r.delivered << " were delivered\n";
                    return 1;
                }
                double rate = r.delivered / r.seconds;
                nlohmann::json figures = {{"referrals", r.delivered},
                                          {"seconds", r.seconds},
                                          {"referrals_per_s", rate},
                                          {"p50_ms", percentile(r.latencies_ms, .5)},
                                          {"p99_ms", percentile(r.latencies_ms, .99)}};
                if (kind == 0) {
                    rates.push_back(rate);
                    p50s.push_back(figures["p50_ms"]);
                    p99s.push_back(figures["p99_ms"]);
                    out["ingest_runs"].push_back(figures);
                } else {
                    auto i = static_cast<std::size_t>(kind - 1);
                    pg_rates[i].push_back(rate);
                    pg_p50s[i].push_back(figures["p50_ms"]);
                    pg_p99s[i].push_back(figures["p99_ms"]);
                    out["postgres"][kind == 1 ? "one_hub" : "two_hubs"]["runs"].push_back(figures);
                }
                std::cerr << (step ? ", " : " ") << label << " " << static_cast<int>(rate) << " referrals/s";
            }
            {
                Setup s(hub_binary, 1, config);
                auto d = drain(s, drain_n, 120);
                if (d.left > 0 || d.delivered != drain_n) {
                    std::cerr << "\nlantern-bench-hub: outbox drain did not finish in 120 s (" << d.delivered << " of "
                              << drain_n << " delivered); last error: " << d.last_error << "\n";
                    return 1;
                }
                double rate = static_cast<double>(d.delivered) / d.seconds;
                drains.push_back(rate);
                out["drain_runs"].push_back({{"referrals", d.delivered}, {"seconds", d.seconds}, {"per_s", rate}});
                std::cerr << ", drain " << static_cast<int>(rate) << " referrals/s\n";
            }
        }
    } catch (const std::exception& e) {
        std::cerr << "\nlantern-bench-hub: " << e.what() << "\n";
        return 1;
    }
    out["referrals_per_s"] = median(rates);
    out["latency_p50_ms"] = median(p50s);
    out["latency_p99_ms"] = median(p99s);
    out["drain_per_s"] = median(drains);
    out["runs"] = runs;
    for (int i = 0; postgres && i < 2; ++i) {
        auto& o = out["postgres"][i == 0 ? "one_hub" : "two_hubs"];
        o["hubs"] = i + 1;
        o["referrals_per_s"] = median(pg_rates[i]);
        o["latency_p50_ms"] = median(pg_p50s[i]);
        o["latency_p99_ms"] = median(pg_p99s[i]);
        // Each run's ratio to the SQLite figure of the same run, then their median.
        std::vector<double> ratios;
        for (std::size_t r = 0; r < pg_rates[i].size() && r < rates.size(); ++r)
            ratios.push_back(pg_rates[i][r] / rates[r]);
        o["ratio_to_sqlite"] = median(ratios);
    }
    std::cout << out.dump() << "\n";
    return 0;
}
