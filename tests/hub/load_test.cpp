// Load and power loss at the hub: many kiosks send to one real lantern-hub at once (with heartbeats and pack
// downloads) or while it is killed with SIGKILL again and again; every referral is stored exactly once, and
// under load the hub's memory stays flat. LANTERN_LOAD_KIOSKS, LANTERN_LOAD_PER_KIOSK (default 50 x 200),
// LANTERN_HUB_KILLS (default 20) and LANTERN_HUB_KILL_KIOSKS (5) size it, LANTERN_STEADY_SECONDS (10) the steady
// load's length; scripts/soak.sh runs them bigger and longer.
#include <doctest/doctest.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>
#include <set>
#include <thread>

#include <SQLiteCpp/Database.h>

#include "hub/cli/admin_client.h"
#include "sync/sealing.h"
#include "tests/fixture_pack.h"
#include "tests/hub/hub_fixture.h"

using namespace lantern;
using namespace std::chrono_literals;
using test::HubFixture;
using test::wait_until;

namespace {

int env_int(const char* name, int fallback) {
    const char* v = std::getenv(name);
    return v && *v ? std::atoi(v) : fallback;
}

// The hub's own resident memory in kB, from /proc: anonymous pages (its heap and stacks), not the pages of
// files it maps (SQLite's -shm), which the kernel may keep or drop as it likes.
long rss_kb(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string key;
    while (in >> key) {
        if (key == "RssAnon:") {
            long kb = 0;
            in >> kb;
            return kb;
        }
        in.ignore(4096, '\n');
    }
    return -1;
}

int open_fds(pid_t pid) {
    int n = 0;
    std::error_code ec;
    for (auto it = std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/fd", ec);
         !ec && it != std::filesystem::directory_iterator(); it.increment(ec))
        ++n;
    return n;
}

std::set<std::string> hub_ids(const HubFixture& f, std::size_t& rows) {
    hub::AdminClient admin(f.hub->url(), f.admin_token);
    std::set<std::string> ids;
    std::int64_t after = 0;
    rows = 0;
    for (;;) {
        auto page = admin.referrals(after, 1000, true);
        if (page.referrals.empty()) break;
        for (const auto& r : page.referrals) {
            ids.insert(r.id);
            ++rows;
        }
        after = page.next_after;
    }
    return ids;
}

// ASan keeps freed memory in quarantine (256 MB by default) and gives little back to the system, which would
// hide a real leak behind its own growth: the hub under test gets a small quarantine and returns free memory
// each second, so what grows is the hub's.
struct SmallQuarantine {
    std::string saved;
    bool had = false;
    SmallQuarantine() {
        if (const char* v = std::getenv("ASAN_OPTIONS")) {
            saved = v;
            had = true;
        }
        std::string opts = had ? saved + ":" : "";
        ::setenv("ASAN_OPTIONS", (opts + "quarantine_size_mb=8:allocator_release_to_os_interval_ms=1000").c_str(), 1);
    }
    ~SmallQuarantine() {
        if (had) ::setenv("ASAN_OPTIONS", saved.c_str(), 1);
        else ::unsetenv("ASAN_OPTIONS");
    }
};

}  // namespace

TEST_CASE(
    "50 kiosks (x 200 referrals in the soak) at once, with heartbeats and pack downloads: each stored once, memory "
    "flat") {
    const int kiosks = env_int("LANTERN_LOAD_KIOSKS", 50);
    const int per_kiosk = env_int("LANTERN_LOAD_PER_KIOSK", 200);
    const int total = kiosks * per_kiosk;
    std::vector<std::string> names;
    for (int i = 0; i < kiosks; ++i) names.push_back("kiosk-" + std::to_string(i));
    SmallQuarantine quarantine;
    // Every kiosk comes from 127.0.0.1 here, where real ones each have an address of their own.
    HubFixture f(names, "quiet = true\nthreads = 64\nmax_connections_per_address = 256\n");
    std::string pack = test::fixture_pack_bytes(f.dir, "2");
    {
        std::string sha = sync::sha256_hex(pack);
        hub::AdminClient(f.hub->url(), f.admin_token)
            .publish_pack(pack, "2", sync::to_base64(sync::sign_pack("2", sha, f.signing_keys.secret_key)));
    }
    const long rss_start = rss_kb(f.hub->pid());

    std::vector<std::unique_ptr<sync::OutboxStore>> outboxes;
    std::vector<std::unique_ptr<sync::SyncWorker>> workers;
    for (int k = 0; k < kiosks; ++k) {
        outboxes.push_back(std::make_unique<sync::OutboxStore>(f.dir / ("outbox-" + std::to_string(k) + ".sqlite")));
        auto o = f.worker_options(f.hub->url(), names[k]);
        o.hub.request_timeout_ms = 20000;  // the hub commits each referral durably; 50 at once queue for the disk
        o.packs_dir = f.dir / ("packs-" + std::to_string(k));
        o.content_public_key = f.signing_keys.public_key;
        o.installed_pack_version = "1";
        o.manifest_interval = 200ms;
        o.heartbeat_interval = 200ms;
        workers.push_back(std::make_unique<sync::SyncWorker>(*outboxes.back(), o));
    }
    for (auto& w : workers) w->start();

    // Each kiosk takes its referrals as visitors send them, while its worker sends what is already queued.
    std::vector<std::set<std::string>> submitted(static_cast<std::size_t>(kiosks));
    std::atomic<long> rss_mid{-1};
    {
        std::vector<std::thread> visitors;
        for (int k = 0; k < kiosks; ++k)
            visitors.emplace_back([&, k] {
                for (int i = 0; i < per_kiosk; ++i) {
                    submitted[static_cast<std::size_t>(k)].insert(
                        outboxes[static_cast<std::size_t>(k)]->submit(f.referral("r " + std::to_string(i))).id);
                    workers[static_cast<std::size_t>(k)]->wake();
                }
            });
        for (auto& t : visitors) t.join();
    }
    // The hub's memory half way, once 50 connections' threads and buffers have all been used, against the end:
    // at 10% it was still climbing to that (50 x 20 and 50 x 200 both ended near 115-137 MB, from 74-100 at 10%).
    REQUIRE(wait_until([&] { return f.hub_referral_count() >= total / 2; }, 600s));
    rss_mid = rss_kb(f.hub->pid());
    bool drained = wait_until(
        [&] {
            for (auto& w : workers)
                if (w->status().outbox_depth != 0) return false;
            return true;
        },
        600s);
    // A little longer under heartbeats alone, then the end figure.
    std::this_thread::sleep_for(1s);
    const long rss_end = rss_kb(f.hub->pid());
    int downloaded = 0;
    for (auto& w : workers) {
        if (w->status().pending_pack_version == "2") ++downloaded;
        w->stop();
    }
    REQUIRE(drained);

    std::set<std::string> all;
    for (const auto& s : submitted) all.insert(s.begin(), s.end());
    REQUIRE(all.size() == static_cast<std::size_t>(total));
    std::size_t rows = 0;
    auto ids = hub_ids(f, rows);
    CHECK(f.hub_referral_count() == total);
    CHECK(rows == ids.size());  // none twice
    CHECK(ids == all);          // none lost, none invented
    CHECK(downloaded == kiosks);
    auto heartbeats = hub::open_store("", f.data_dir())->heartbeats();
    std::set<std::string> beat;
    for (const auto& h : heartbeats) beat.insert(h.kiosk);
    CHECK(beat.size() == static_cast<std::size_t>(kiosks));
    std::cout << "load: " << kiosks << " kiosks x " << per_kiosk << " referrals: " << total << " sent, "
              << f.hub_referral_count() << " stored (" << ids.size() << " distinct); " << downloaded
              << " pack downloads; heartbeats from " << beat.size() << " kiosks; hub RSS " << rss_start / 1024
              << " MB at start, " << rss_mid / 1024 << " MB at half, " << rss_end / 1024 << " MB at end\n";
    // Flat: over the second half (5,000 referrals at full size) the hub grows by less than 16 MB; a per-request
    // leak of 4 kB would be 20 MB. Below 100 per kiosk (ctest) the half is too short to tell: figures only.
    if (per_kiosk >= 100) CHECK(rss_end - rss_mid < 16 * 1024);
}

TEST_CASE("the hub killed with SIGKILL again and again while kiosks send: every referral stored once, none lost") {
    const int kiosks = env_int("LANTERN_HUB_KILL_KIOSKS", 5);
    const int kills = env_int("LANTERN_HUB_KILLS", 20);
    std::vector<std::string> names;
    for (int i = 0; i < kiosks; ++i) names.push_back("kiosk-" + std::to_string(i));
    const std::string toml = "quiet = true\nthreads = 16\nmax_connections_per_address = 64\n";
    HubFixture f(names, toml);
    std::vector<std::unique_ptr<sync::OutboxStore>> outboxes;
    std::vector<std::unique_ptr<sync::SyncWorker>> workers;
    for (int k = 0; k < kiosks; ++k) {
        outboxes.push_back(std::make_unique<sync::OutboxStore>(f.dir / ("outbox-" + std::to_string(k) + ".sqlite")));
        workers.push_back(
            std::make_unique<sync::SyncWorker>(*outboxes.back(), f.worker_options(f.hub->url(), names[k])));
        workers.back()->start();
    }
    // Visitors keep sending through every kill; a referral "sent" is one the kiosk took (a reference shown).
    std::vector<std::set<std::string>> submitted(static_cast<std::size_t>(kiosks));
    std::atomic<bool> stop{false};
    std::vector<std::thread> visitors;
    for (int k = 0; k < kiosks; ++k)
        visitors.emplace_back([&, k] {
            auto ku = static_cast<std::size_t>(k);
            for (int i = 0; !stop; ++i) {
                submitted[ku].insert(outboxes[ku]->submit(f.referral("r " + std::to_string(i))).id);
                workers[ku]->wake();
                std::this_thread::sleep_for(std::chrono::milliseconds(5 + (i * 7 + k * 13) % 20));
            }
        });
    std::mt19937 rng(std::random_device{}());
    int live_kills = 0;
    std::int64_t stored_before = 0;
    int kills_while_storing = 0;
    for (int i = 0; i < kills; ++i) {
        // Up after a random time in which kiosks get through (the hub is mid-request most of the time).
        std::this_thread::sleep_for(std::chrono::milliseconds(50 + rng() % 400));
        std::int64_t now_stored = f.hub_referral_count();
        if (now_stored > stored_before) ++kills_while_storing;
        stored_before = now_stored;
        if (f.hub->kill_now()) ++live_kills;
        f.hub->restart(toml);
    }
    stop = true;
    for (auto& t : visitors) t.join();
    bool drained = wait_until(
        [&] {
            for (auto& w : workers)
                if (w->status().outbox_depth != 0) return false;
            return true;
        },
        120s);
    for (auto& w : workers) w->stop();
    CHECK(live_kills == kills);               // every SIGKILL hit a live hub
    CHECK(kills_while_storing >= kills / 2);  // and most landed while referrals were arriving
    REQUIRE(drained);
    std::set<std::string> all;
    for (const auto& s : submitted) all.insert(s.begin(), s.end());
    std::size_t rows = 0;
    auto ids = hub_ids(f, rows);
    CHECK(rows == ids.size());
    CHECK(ids == all);
    {
        SQLite::Database db((f.data_dir() / "hub.sqlite").string(), SQLite::OPEN_READONLY);
        CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
    }
    std::cout << "hub power loss: " << live_kills << " SIGKILLs of a live hub (" << kills_while_storing
              << " while referrals were arriving); " << all.size() << " referrals sent by " << kiosks << " kiosks, "
              << ids.size() << " stored, each once\n";
}

TEST_CASE("a steady load for LANTERN_STEADY_SECONDS: every referral stored once, hub memory and files flat") {
    const int seconds = env_int("LANTERN_STEADY_SECONDS", 10);
    const int kiosks = env_int("LANTERN_STEADY_KIOSKS", 10);
    std::vector<std::string> names;
    for (int i = 0; i < kiosks; ++i) names.push_back("kiosk-" + std::to_string(i));
    SmallQuarantine quarantine;
    HubFixture f(names, "quiet = true\nthreads = 32\nmax_connections_per_address = 128\n");
    std::string pack = test::fixture_pack_bytes(f.dir, "2");
    hub::AdminClient(f.hub->url(), f.admin_token)
        .publish_pack(pack, "2",
                      sync::to_base64(sync::sign_pack("2", sync::sha256_hex(pack), f.signing_keys.secret_key)));
    std::vector<std::unique_ptr<sync::OutboxStore>> outboxes;
    std::vector<std::unique_ptr<sync::SyncWorker>> workers;
    for (int k = 0; k < kiosks; ++k) {
        outboxes.push_back(std::make_unique<sync::OutboxStore>(f.dir / ("outbox-" + std::to_string(k) + ".sqlite")));
        auto o = f.worker_options(f.hub->url(), names[k]);
        o.packs_dir = f.dir / ("packs-" + std::to_string(k));
        o.content_public_key = f.signing_keys.public_key;
        o.installed_pack_version = "1";
        o.manifest_interval = 1s;
        o.heartbeat_interval = 1s;
        workers.push_back(std::make_unique<sync::SyncWorker>(*outboxes.back(), o));
        workers.back()->start();
    }
    std::vector<std::set<std::string>> submitted(static_cast<std::size_t>(kiosks));
    std::atomic<bool> stop{false};
    std::vector<std::thread> visitors;
    for (int k = 0; k < kiosks; ++k)
        visitors.emplace_back([&, k] {
            auto ku = static_cast<std::size_t>(k);
            for (int i = 0; !stop; ++i) {
                submitted[ku].insert(outboxes[ku]->submit(f.referral("r " + std::to_string(i))).id);
                workers[ku]->wake();
                std::this_thread::sleep_for(200ms);  // 5 referrals a second per kiosk
            }
        });
    // Figures once the hub has settled in (a tenth of the time, at least 2 s), then each minute, then at the end.
    auto t0 = std::chrono::steady_clock::now();
    std::this_thread::sleep_for(std::chrono::seconds(std::max(2, seconds / 10)));
    const long rss_start = rss_kb(f.hub->pid());
    const int fds_start = open_fds(f.hub->pid());
    std::cout << "steady: hub RSS " << rss_start / 1024 << " MB, " << fds_start << " fds after settling" << std::endl;
    auto end = t0 + std::chrono::seconds(seconds);
    auto next_print = std::chrono::steady_clock::now() + 60s;
    while (std::chrono::steady_clock::now() < end) {
        std::this_thread::sleep_for(
            std::min<std::chrono::steady_clock::duration>(1s, end - std::chrono::steady_clock::now()));
        if (std::chrono::steady_clock::now() >= next_print) {
            next_print += 60s;
            std::cout << "steady: " << f.hub_referral_count() << " stored; hub RSS " << rss_kb(f.hub->pid()) / 1024
                      << " MB, " << open_fds(f.hub->pid()) << " fds" << std::endl;
        }
    }
    stop = true;
    for (auto& t : visitors) t.join();
    bool drained = wait_until(
        [&] {
            for (auto& w : workers)
                if (w->status().outbox_depth != 0) return false;
            return true;
        },
        120s);
    const long rss_end = rss_kb(f.hub->pid());
    const int fds_end = open_fds(f.hub->pid());
    for (auto& w : workers) w->stop();
    REQUIRE(drained);
    std::set<std::string> all;
    for (const auto& s : submitted) all.insert(s.begin(), s.end());
    std::size_t rows = 0;
    auto ids = hub_ids(f, rows);
    CHECK(rows == ids.size());
    CHECK(ids == all);
    std::cout << "steady: " << seconds << " s, " << kiosks << " kiosks: " << all.size() << " referrals sent, "
              << ids.size() << " stored once; hub RSS " << rss_start / 1024 << " -> " << rss_end / 1024 << " MB, fds "
              << fds_start << " -> " << fds_end << std::endl;
    CHECK(rss_end - rss_start < 32 * 1024);
    CHECK(fds_end <= fds_start + 8);  // connections come and go; files and sockets must not pile up
}
