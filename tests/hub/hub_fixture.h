// Shared set-up for hub integration tests: a data folder with tokens, a running hub, fast worker options.
#pragma once

#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <functional>
#include <map>
#include <memory>
#include <thread>

#include "hub/store/hub_store.h"
#include "sync/outbox_store.h"
#include "sync/sealing.h"
#include "sync/sync_worker.h"
#include "tests/hub/hub_process.h"
#include "tests/read_file.h"
#include "tests/temp_dir.h"

namespace lantern::test {

inline bool wait_until(const std::function<bool()>& done, std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return done();
}

struct HubFixture {
    TempDir dir;
    std::string admin_token;
    std::map<std::string, std::string> kiosk_tokens;
    sync::KeyPair referral_keys = sync::generate_referral_keys();
    sync::KeyPair signing_keys = sync::generate_signing_keys();
    std::unique_ptr<HubProcess> hub;

    // The hub trusts signing_keys' public half for published packs (content_public_key), as a real one must.
    explicit HubFixture(std::vector<std::string> kiosks = {"k1"}, const std::string& config_toml = "quiet = false\n") {
        {
            std::filesystem::create_directories(data_dir());
            auto store = hub::open_store("", data_dir());
            admin_token = store->create_admin_token("tests");
            for (const auto& k : kiosks) kiosk_tokens[k] = store->enrol_kiosk(k);
        }
        sync::write_key_file(dir / "content-signing.pub", signing_keys.public_key);
        std::string toml = "content_public_key = \"" + (dir / "content-signing.pub").string() + "\"\n" + config_toml;
        hub = std::make_unique<HubProcess>(hub_binary(), data_dir(), 0, toml);
    }

    // The hub built with the tests, or LANTERN_HUB_BINARY: the soak measures a Release hub's memory, since the
    // sanitizers' own allocator holds and fragments freed memory in ways a real hub's does not.
    static std::string hub_binary() {
        const char* v = std::getenv("LANTERN_HUB_BINARY");
        return v && *v ? v : LANTERN_BINARY_DIR "/hub/lantern-hub";
    }

    std::filesystem::path data_dir() const { return dir / "hub"; }

    // A fresh read of the hub's store (the hub process keeps running).
    std::int64_t hub_referral_count() const { return hub::open_store("", data_dir())->referral_count(); }

    sync::SyncWorkerOptions worker_options(const std::string& url, const std::string& kiosk = "k1") const {
        sync::SyncWorkerOptions o;
        o.hub.base_url = url;
        o.hub.token = kiosk_tokens.at(kiosk);
        o.hub.connect_timeout_ms = 1000;
        o.hub.request_timeout_ms = 1500;
        o.hub.download_stall_timeout_s = 2;
        o.kiosk_name = kiosk;
        o.backoff_initial = std::chrono::milliseconds(5);
        o.backoff_max = std::chrono::milliseconds(50);
        o.manifest_interval = std::chrono::hours(1);
        o.heartbeat_interval = std::chrono::hours(1);
        o.idle_interval = std::chrono::milliseconds(50);
        return o;
    }

    sync::SealedReferral referral(const std::string& plaintext, const std::string& centre = "HMP Example",
                                  std::vector<std::string> needs = {"money"}) const {
        return {"3", sync::seal(plaintext, referral_keys.public_key),
                sync::ReferralSummary{std::move(needs), "adult", centre, "2024-05-01"}};
    }
};

// What the real `lantern` command did: its exit code and what it printed.
struct CliRun {
    int code = -1;
    std::string out, err;
};

// Runs `lantern ARGS` against the fixture's hub as staff would: the admin token travels in the environment.
inline CliRun run_lantern(const HubFixture& f, const std::string& args) {
    auto out = f.dir / "cli.out";
    auto err = f.dir / "cli.err";
    std::string cmd = "LANTERN_ADMIN_TOKEN='" + f.admin_token + "' '" LANTERN_BINARY_DIR "/hub/lantern' " + args +
                      " > '" + out.string() + "' 2> '" + err.string() + "'";
    int status = std::system(cmd.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_file(out), read_file(err)};
}

}  // namespace lantern::test
