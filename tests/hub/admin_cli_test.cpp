// The staff command through the typed admin API: `lantern report`, `kiosk status` and `referrals export` against
// a real lantern-hub; and against a stand-in hub whose answers lack a field or mistype one, a clear error naming
// route and field, a non-zero exit, and nothing marked exported.
#include <doctest/doctest.h>
#include <httplib.h>

#include <atomic>
#include <cstdlib>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "hub/shared/admin_api.h"
#include "sync/protocol.h"
#include "sync/sealing.h"
#include "tests/hub/hub_fixture.h"
#include "tests/read_file.h"

using namespace lantern;
using json = nlohmann::json;
using test::HubFixture;

namespace {

struct Run {
    int code = -1;
    std::string out, err;
};

// Runs `lantern ARGS` with the admin token in the environment, as staff are told to.
Run lantern_cli(const test::TempDir& dir, const std::string& token, const std::string& args) {
    auto out = dir / "cli.out";
    auto err = dir / "cli.err";
    std::string cmd = "LANTERN_ADMIN_TOKEN='" + token + "' '" LANTERN_BINARY_DIR "/hub/lantern' " + args + " > '" +
                      out.string() + "' 2> '" + err.string() + "'";
    int status = std::system(cmd.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, test::read_file(out), test::read_file(err)};
}

std::string referral_body(const HubFixture& f, const std::string& need) {
    sync::ReferralPost p;
    p.id = sync::new_uuid_v4();
    p.kiosk = "k1";
    p.reference = sync::new_reference_code();
    p.created = "2026-12-01T10:00:00Z";
    p.form_version = "3";
    p.sealed = sync::seal(R"({"answers":{"call_me":"Sam"}})", f.referral_keys.public_key);
    p.summary = {{need}, "adult", "HMP Example", "2026-12-01"};
    return sync::to_json(p).dump();
}

// A stand-in for the hub on loopback that answers each admin route with the body it is given.
struct FakeHub {
    httplib::Server server;
    std::thread thread;
    int port = 0;
    std::atomic<int> marks{0};  // POST /api/v1/referrals/exported calls

    explicit FakeHub(std::map<std::string, std::string> answers) {
        for (const auto& [path, body] : answers) {
            if (path == "/api/v1/referrals/exported") {
                server.Post(path, [this, body = body](const httplib::Request&, httplib::Response& res) {
                    ++marks;
                    res.set_content(body, "application/json");
                });
            } else if (path == "/api/v1/referrals") {
                // The page given first; after it, an empty page (the end of the export).
                server.Get(path, [body = body](const httplib::Request& req, httplib::Response& res) {
                    std::string after = req.get_param_value("after");
                    res.set_content(after == "0" ? body : R"({"referrals": [], "next_after": )" + after + "}",
                                    "application/json");
                });
            } else {
                server.Get(path, [body = body](const httplib::Request&, httplib::Response& res) {
                    res.set_content(body, "application/json");
                });
            }
        }
        port = server.bind_to_any_port("127.0.0.1");
        thread = std::thread([this] { server.listen_after_bind(); });
        while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    ~FakeHub() {
        server.stop();
        thread.join();
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port); }
};

}  // namespace

TEST_CASE("lantern report, kiosk status and referrals export read a real hub's answers through the admin API") {
    HubFixture f;
    httplib::Client c(f.hub->url());
    httplib::Headers kiosk{{"Authorization", "Bearer " + f.kiosk_tokens.at("k1")}};
    for (int i = 0; i < 6; ++i)
        REQUIRE(c.Post("/api/v1/referrals", kiosk, referral_body(f, "money"), "application/json")->status == 201);
    REQUIRE(c.Post("/api/v1/referrals", kiosk, referral_body(f, "housing"), "application/json")->status == 201);
    sync::Heartbeat hb;
    hb.app_version = "0.1.0";
    hb.pack_version = "7";
    hb.outbox_depth = 3;
    REQUIRE(c.Post("/api/v1/heartbeat", kiosk, sync::to_json(hb).dump(), "application/json")->status == 200);

    Run report = lantern_cli(f.dir, f.admin_token, "report --hub " + f.hub->url());
    INFO(report.err);
    CHECK(report.code == 0);
    auto line_with = [](const std::string& text, const std::string& word) {
        std::istringstream lines(text);
        for (std::string line; std::getline(lines, line);)
            if (line.find(word) != std::string::npos) return line;
        return std::string("(no line with " + word + ")");
    };
    CHECK(line_with(report.out, "money").find(" 6") != std::string::npos);
    CHECK(line_with(report.out, "housing").find("<5") != std::string::npos);  // one referral: suppressed

    Run status = lantern_cli(f.dir, f.admin_token, "kiosk status --hub " + f.hub->url());
    INFO(status.err);
    CHECK(status.code == 0);
    CHECK(status.out.find("k1") != std::string::npos);
    CHECK(status.out.find("just now") != std::string::npos);

    sync::write_key_file(f.dir / "referral.key", f.referral_keys.secret_key.bytes());
    Run exported = lantern_cli(
        f.dir, f.admin_token,
        "referrals export --format json --hub " + f.hub->url() + " --key '" + (f.dir / "referral.key").string() + "'");
    INFO(exported.err);
    CHECK(exported.code == 0);
    auto rows = json::parse(exported.out);
    REQUIRE(rows.size() == 7);
    CHECK(rows[0]["summary"]["centre"] == "HMP Example");
    CHECK(exported.err.find("marked 7") != std::string::npos);
}

TEST_CASE(
    "an answer with a missing or mistyped field stops the command with the route and field, and a non-zero exit") {
    test::TempDir dir;
    auto keys = sync::generate_referral_keys();
    sync::write_key_file(dir / "referral.key", keys.secret_key.bytes());
    hub::api::ReferralRow row{1,
                              sync::new_uuid_v4(),
                              "k1",
                              sync::new_reference_code(),
                              "2026-12-01T10:00:00Z",
                              "3",
                              sync::seal(R"({"answers":{}})", keys.public_key),
                              {{"money"}, "adult", "HMP Example", "2026-12-01"},
                              "2026-12-01T10:00:01Z",
                              ""};
    json page = hub::api::to_json(hub::api::ReferralsPage{{row}, 1});
    json report = json::parse(R"({"suppressed_below": 5, "rows": [
        {"centre": "HMP Example", "month": "2026-12", "need": "money", "suppressed": false}], "usage": [], "interest": []})");
    json kiosks = json::parse(R"({"kiosks": [{"kiosk": "k1", "received_at": "2026-12-01T10:00:00Z",
        "heartbeat": {"app_version": "0.1.0", "outbox_depth": "two"}}]})");

    SUBCASE("report") {
        FakeHub hub({{"/api/v1/report", report.dump()}});
        Run r = lantern_cli(dir, "la_x", "report --hub " + hub.url());
        CHECK(r.code == 1);
        CHECK(r.err == "lantern: GET /api/v1/report: rows[0]: missing \"count\"\n");
        CHECK(r.out.empty());
    }
    SUBCASE("kiosk status") {
        FakeHub hub({{"/api/v1/kiosks", kiosks.dump()}});
        Run r = lantern_cli(dir, "la_x", "kiosk status --hub " + hub.url());
        CHECK(r.code == 1);
        CHECK(r.err == "lantern: GET /api/v1/kiosks: kiosks[0]: heartbeat: \"outbox_depth\" must be an integer\n");
    }
    SUBCASE("referrals export: a page without next_after opens nothing and marks nothing") {
        json bad = page;
        bad.erase("next_after");
        FakeHub hub({{"/api/v1/referrals", bad.dump()}, {"/api/v1/referrals/exported", R"({"marked": 1})"}});
        Run r = lantern_cli(dir, "la_x",
                            "referrals export --hub " + hub.url() + " --key '" + (dir / "referral.key").string() + "'");
        CHECK(r.code == 1);
        CHECK(r.err == "lantern: GET /api/v1/referrals: missing \"next_after\"\n");
        CHECK(r.out.empty());
        CHECK(hub.marks == 0);
    }
    SUBCASE("referrals export: a mistyped \"marked\" is an error, not 0") {
        FakeHub hub({{"/api/v1/referrals", page.dump()}, {"/api/v1/referrals/exported", R"({"marked": "1"})"}});
        Run r = lantern_cli(dir, "la_x",
                            "referrals export --hub " + hub.url() + " --key '" + (dir / "referral.key").string() + "'");
        CHECK(r.code == 1);
        CHECK(r.err.find("lantern: POST /api/v1/referrals/exported: \"marked\" must be an integer") !=
              std::string::npos);
        CHECK(hub.marks == 1);
    }
}
