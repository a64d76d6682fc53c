// National-day simulation: many kiosks, a day of heartbeats and referrals, time-compressed, against real hubs.
//
//   lantern-bench-day --hub build/hub/lantern-hub --store sqlite|postgresql [--kiosks 600] [--referrals 20]
//                     [--day-seconds 600]
//
// `sqlite`: one hub on its SQLite file. `postgresql`: two hubs on one database of a throwaway cluster with
// PostgreSQL's durable defaults; kiosk k talks to hub k % 2 and retries on the other, as behind a load balancer.
// Each simulated kiosk is a thread with the kiosk's own libcurl client (sync::HubClient). A day of 86,400 s runs in
// --day-seconds: every kiosk sends a heartbeat and checks the content manifest at the kiosk's real interval
// (SyncWorkerOptions' 5 minutes, so 288 times a day) divided by the same factor, from a random phase, on a fresh
// connection each time (five minutes apart, a real kiosk's connection has long been closed), and sends its
// referrals at random times in visiting hours (09:00-17:00). A referral that fails is an error, and is retried
// (on the other hub for the pair) until stored. At the end: every referral stored once (count and distinct ids,
// through the store), each hub's peak resident memory (VmHWM), latencies. Prints one JSON object on stdout.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "hub/store/hub_store.h"
#include "sync/encoding.h"
#include "sync/hub_client.h"
#include "sync/sealing.h"
#include "sync/sync_worker.h"
#include "tests/hub/hub_process.h"
#include "tests/store/pg_cluster.h"
#include "tests/temp_dir.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using namespace lantern;

double ms_since(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    if (v.empty()) return 0;
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

// Peak resident memory of a process in kB (VmHWM), or -1.
long peak_rss_kb(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string key;
    while (in >> key) {
        if (key == "VmHWM:") {
            long kb = -1;
            in >> kb;
            return kb;
        }
        in.ignore(4096, '\n');
    }
    return -1;
}

std::string load_average() {
    std::ifstream in("/proc/loadavg");
    std::string a, b, c;
    in >> a >> b >> c;
    return a + " " + b + " " + c;
}

// What one kiosk measured.
struct KioskResult {
    std::vector<double> heartbeat_ms, referral_ms;
    double max_late_ms = 0;
    int heartbeats = 0, manifests = 0, heartbeat_errors = 0, manifest_errors = 0, referral_errors = 0;
    std::string first_error;
    std::vector<std::string> ids;
    Clock::time_point first_referral = Clock::time_point::max(), last_receipt = Clock::time_point::min();
};

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"lantern-bench-day: a compressed national day of kiosks against real hubs"};
    std::string hub_binary, store = "sqlite";
    int kiosks = 600, referrals = 20, threads = 0;
    double day_seconds = 600;
    app.add_option("--hub", hub_binary, "Path to lantern-hub")->required()->check(CLI::ExistingFile);
    app.add_option("--store", store, "sqlite (one hub) or postgresql (two hubs, one database)")
        ->check(CLI::IsMember({"sqlite", "postgresql"}));
    app.add_option("--kiosks", kiosks, "Kiosks")->check(CLI::Range(1, 5000));
    app.add_option("--referrals", referrals, "Referrals per kiosk in the day")->check(CLI::Range(0, 10000));
    app.add_option("--day-seconds", day_seconds, "Wall seconds the day of 86,400 s is compressed into")
        ->check(CLI::Range(10.0, 86400.0));
    app.add_option("--threads", threads, "Hub worker threads (0: the hub's default)")->check(CLI::Range(0, 1024));
    CLI11_PARSE(app, argc, argv);
    ::signal(SIGPIPE, SIG_IGN);

    const double factor = 86400.0 / day_seconds;
    const auto real_interval = sync::SyncWorkerOptions{}.heartbeat_interval;  // the kiosk's own
    const int beats = static_cast<int>(86400'000 / real_interval.count());
    const double interval_ms = static_cast<double>(real_interval.count()) / factor;
    const double open_ms = day_seconds * 1000 * 9 / 24, close_ms = day_seconds * 1000 * 17 / 24;
    const bool pair = store == "postgresql";

    try {
        std::unique_ptr<test::PgCluster> cluster;
        std::string uri;
        if (pair) {
            std::string why;
            cluster = test::PgCluster::start(true, why);
            if (!cluster) throw std::runtime_error(why);
            uri = cluster->create_database();
        }
        test::TempDir dir;
        fs::create_directories(dir / "hub");
        std::vector<std::string> tokens;
        {
            auto s = hub::open_store(uri, dir / "hub");
            for (int k = 0; k < kiosks; ++k) tokens.push_back(s->enrol_kiosk("day-kiosk-" + std::to_string(k)));
        }
        // Every simulated kiosk connects from 127.0.0.1: the per-address cap is for real networks.
        std::string toml =
            (pair ? "store = \"" + uri + "\"\n" : "") + "quiet = true\nmax_connections_per_address = 4096\n";
        if (threads > 0) toml += "threads = " + std::to_string(threads) + "\n";
        std::vector<std::unique_ptr<test::HubProcess>> hubs;
        for (int h = 0; h < (pair ? 2 : 1); ++h)
            hubs.push_back(
                std::make_unique<test::HubProcess>(hub_binary, dir / ("hub" + std::string(h ? "-2" : "")), 0, toml));

        auto keys = sync::generate_referral_keys();
        const auto sealed = sync::seal(std::string(1500, 'x'), keys.public_key);  // a filled form's size
        std::vector<KioskResult> results(static_cast<std::size_t>(kiosks));
        const std::string load_before = load_average();
        std::cerr << "lantern-bench-day: " << kiosks << " kiosks, "
                  << (pair ? "two hubs on PostgreSQL" : "one hub on SQLite") << ", a day in " << day_seconds
                  << " s (heartbeat every " << interval_ms << " ms); load " << load_before << "\n";
        const auto t0 = Clock::now() + std::chrono::seconds(1);
        std::vector<std::thread> workers;
        for (int k = 0; k < kiosks; ++k)
            workers.emplace_back([&, k] {
                auto& r = results[static_cast<std::size_t>(k)];
                std::mt19937 rng(static_cast<unsigned>(k) * 7919u + 17u);
                std::uniform_real_distribution<double> phase(0, interval_ms), visit(open_ms, close_ms);
                std::vector<double> at;
                for (int i = 0; i < referrals; ++i) at.push_back(visit(rng));
                std::sort(at.begin(), at.end());
                const double start = phase(rng);
                auto options = [&](int hub) {
                    sync::HubClientOptions o;
                    o.base_url = hubs[static_cast<std::size_t>(hub) % hubs.size()]->url();
                    o.token = tokens[static_cast<std::size_t>(k)];
                    o.connect_timeout_ms = 10'000;
                    o.request_timeout_ms = 30'000;
                    return o;
                };
                auto note = [&](const std::string& what) {
                    if (r.first_error.empty()) r.first_error = what;
                };
                const std::string name = "day-kiosk-" + std::to_string(k);
                std::size_t next_referral = 0;
                int beat = 0;
                while (beat < beats || next_referral < at.size()) {
                    double beat_at = beat < beats ? start + beat * interval_ms : 1e300;
                    double referral_at = next_referral < at.size() ? at[next_referral] : 1e300;
                    double due = std::min(beat_at, referral_at);
                    auto when = t0 + std::chrono::duration_cast<Clock::duration>(
                                         std::chrono::duration<double, std::milli>(due));
                    std::this_thread::sleep_until(when);
                    r.max_late_ms = std::max(r.max_late_ms, ms_since(when));
                    if (beat_at <= referral_at) {
                        // One pass of the kiosk's loop: heartbeat, then the content check, on one connection.
                        sync::HubClient client(options(k));
                        sync::Heartbeat hb;
                        hb.app_version = "0.1.0";
                        hb.pack_version = "1";
                        std::string error;
                        auto h0 = Clock::now();
                        bool ok = client.post_heartbeat(hb, error);
                        r.heartbeat_ms.push_back(ms_since(h0));
                        ++r.heartbeats;
                        if (!ok) {
                            ++r.heartbeat_errors;
                            note("heartbeat: " + error);
                        }
                        auto m = client.get_manifest("");
                        ++r.manifests;
                        if (m.kind == sync::ManifestOutcome::Kind::error) {
                            ++r.manifest_errors;
                            note("manifest: " + m.error);
                        }
                        ++beat;
                        continue;
                    }
                    sync::ReferralPost post{sync::new_uuid_v4(),
                                            name,
                                            sync::new_reference_code(),
                                            sync::utc_now_iso(),
                                            "3",
                                            sealed,
                                            sync::ReferralSummary{{"money"}, "adult", "HMP Example", "2026-12-02"}};
                    r.first_referral = std::min(r.first_referral, Clock::now());
                    for (int attempt = 0;; ++attempt) {
                        sync::HubClient client(options(k + attempt));  // a retry goes to the other hub of a pair
                        auto p0 = Clock::now();
                        auto out = client.post_referral(post);
                        r.referral_ms.push_back(ms_since(p0));
                        if (out.delivery == sync::Delivery::delivered) break;
                        ++r.referral_errors;
                        note("referral: " + out.error + " (HTTP " + std::to_string(out.http_status) + ")");
                        if (attempt >= 20) break;  // not stored: `stored_once` comes out false
                        std::this_thread::sleep_for(std::chrono::milliseconds(100));
                    }
                    r.last_receipt = std::max(r.last_receipt, Clock::now());
                    r.ids.push_back(post.id);
                    ++next_referral;
                }
            });
        for (auto& t : workers) t.join();
        const double wall_s = ms_since(t0) / 1000;
        std::vector<long> peak;
        for (auto& h : hubs) peak.push_back(peak_rss_kb(h->pid()));

        KioskResult all;
        std::set<std::string> sent;
        auto first = Clock::time_point::max();
        auto last = Clock::time_point::min();
        for (auto& r : results) {
            all.heartbeat_ms.insert(all.heartbeat_ms.end(), r.heartbeat_ms.begin(), r.heartbeat_ms.end());
            all.referral_ms.insert(all.referral_ms.end(), r.referral_ms.begin(), r.referral_ms.end());
            all.max_late_ms = std::max(all.max_late_ms, r.max_late_ms);
            all.heartbeats += r.heartbeats;
            all.manifests += r.manifests;
            all.heartbeat_errors += r.heartbeat_errors;
            all.manifest_errors += r.manifest_errors;
            all.referral_errors += r.referral_errors;
            if (all.first_error.empty()) all.first_error = r.first_error;
            sent.insert(r.ids.begin(), r.ids.end());
            first = std::min(first, r.first_referral);
            last = std::max(last, r.last_receipt);
        }
        // Stored once, read through the store: the count, and every id once in a full listing.
        auto s = hub::open_store(uri, dir / "hub");
        std::int64_t count = s->referral_count();
        std::set<std::string> stored;
        std::size_t rows = 0;
        std::int64_t after = 0;
        for (;;) {
            auto page = s->referrals_after(after, 5000, true);
            if (page.empty()) break;
            for (const auto& row : page) {
                stored.insert(row.id);
                ++rows;
                after = std::max(after, row.seq);
            }
        }
        auto heartbeats_kept = s->heartbeats().size();
        const double referral_window_s = std::chrono::duration<double>(last - first).count();
        const std::int64_t total = static_cast<std::int64_t>(kiosks) * referrals;
        const bool once = count == total && rows == stored.size() && stored == sent &&
                          static_cast<std::int64_t>(sent.size()) == total;
        nlohmann::json out = {
            {"store", store},
            {"hubs", hubs.size()},
            {"kiosks", kiosks},
            {"referrals_per_kiosk", referrals},
            {"day_seconds", day_seconds},
            {"compression", factor},
            {"heartbeat_interval_ms", interval_ms},
            {"wall_s", wall_s},
            {"heartbeats", all.heartbeats},
            {"heartbeats_expected", static_cast<std::int64_t>(kiosks) * beats},
            {"manifest_checks", all.manifests},
            {"heartbeat_p50_ms", percentile(all.heartbeat_ms, .5)},
            {"heartbeat_p99_ms", percentile(all.heartbeat_ms, .99)},
            {"heartbeat_max_ms", percentile(all.heartbeat_ms, 1)},
            {"max_late_ms", all.max_late_ms},
            {"referrals_sent", sent.size()},
            {"referrals_stored", count},
            {"referrals_distinct_stored", stored.size()},
            {"referral_rows_listed", rows},
            {"stored_once", once},
            {"referrals_per_s", referral_window_s > 0 ? static_cast<double>(sent.size()) / referral_window_s : 0},
            {"referrals_offered_per_s", static_cast<double>(total) / ((close_ms - open_ms) / 1000)},
            {"referral_p50_ms", percentile(all.referral_ms, .5)},
            {"referral_p99_ms", percentile(all.referral_ms, .99)},
            {"errors", all.heartbeat_errors + all.manifest_errors + all.referral_errors},
            {"heartbeat_errors", all.heartbeat_errors},
            {"manifest_errors", all.manifest_errors},
            {"referral_errors", all.referral_errors},
            {"first_error", all.first_error},
            {"kiosks_with_heartbeat", heartbeats_kept},
            {"peak_hub_rss_mib", nlohmann::json::array()},
            {"load_before", load_before},
            {"load_after", load_average()},
        };
        for (long kb : peak) out["peak_hub_rss_mib"].push_back(static_cast<double>(kb) / 1024);
        for (auto& h : hubs) h->stop();
        std::cout << out.dump() << "\n";
        std::cerr << "lantern-bench-day: " << out.dump(1) << "\n";
        return once && out["errors"] == 0 ? 0 : 1;
    } catch (const std::exception& e) {
        std::cerr << "lantern-bench-day: " << e.what() << "\n";
        return 1;
    }
}
