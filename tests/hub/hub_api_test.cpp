// The hub's HTTP surface against bad input: every hostile request gets a 4xx with a JSON error, nothing
// stored changes, and the hub keeps serving. A real lantern-hub process on loopback.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <nlohmann/json.hpp>

#include "hub/cli/admin_client.h"
#include "hub/shared/hub_config.h"
#include "hub/cli/kiosk_status.h"
#include "sync/encoding.h"
#include "tests/hub/hub_fixture.h"

using namespace lantern;
using test::HubFixture;
using json = nlohmann::json;

namespace {

httplib::Headers auth(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

std::string referral_body(const HubFixture& f, const std::string& id, const std::string& kiosk = "k1",
                          const std::string& centre = "HMP Example", const std::string& answers = "{\"answers\":{}}") {
    sync::ReferralPost p;
    p.id = id;
    p.kiosk = kiosk;
    p.reference = sync::new_reference_code();
    p.created = "2026-11-25T10:00:00Z";
    p.form_version = "3";
    p.sealed = sync::seal(answers, f.referral_keys.public_key);
    p.summary = {{"money"}, "adult", centre, "2026-11-25"};
    return sync::to_json(p).dump();
}

// Sends bytes over a fresh loopback connection and returns what comes back within two seconds.
std::string raw_request(int port, const std::string& bytes) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    timeval tv{2, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    REQUIRE(::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(bytes.size()));
    std::string answer;
    char buf[4096];
    for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;) {
        answer.append(buf, static_cast<std::size_t>(n));
        if (answer.find("\r\n\r\n") != std::string::npos && answer.find('}') != std::string::npos) break;
    }
    ::close(fd);
    return answer;
}

// A 4xx whose body is the hub's JSON error.
void check_json_error(const httplib::Result& r, int status) {
    REQUIRE(r);
    CHECK(r->status == status);
    auto body = json::parse(r->body, nullptr, false);
    REQUIRE_MESSAGE(body.is_object(), r->body);
    CHECK(body.contains("error"));
}

// The hub still answers a good request after whatever came before.
void check_still_serving(const HubFixture& f) {
    httplib::Client c(f.hub->url());
    auto r = c.Post("/api/v1/referrals", auth(f.kiosk_tokens.at("k1")), referral_body(f, sync::new_uuid_v4()),
                    "application/json");
    REQUIRE(r);
    CHECK_MESSAGE(r->status == 201, r->body);
}

}  // namespace

TEST_CASE("malformed JSON, wrong shapes and hostile strings get 400 and store nothing") {
    HubFixture f;
    httplib::Client c(f.hub->url());
    auto kiosk = auth(f.kiosk_tokens.at("k1"));
    std::string good = referral_body(f, sync::new_uuid_v4());
    std::vector<std::string> bodies = {
        "{",
        "not json at all",
        "[]",
        "null",
        std::string("{\"id\":\"\xff\xfe\"}"),
        R"({"id":"'; DROP TABLE referrals; --","kiosk":"k1"})",
        R"({"id":"%s%s%s%n","kiosk":"k1","sealed":"AAAA"})",
    };
    auto without_sealed = json::parse(good);
    without_sealed.erase("sealed");
    bodies.push_back(without_sealed.dump());
    auto bad_summary = json::parse(good);
    bad_summary["summary"]["needs"] = json::array({"Robert'); DROP TABLE referrals;--"});
    bodies.push_back(bad_summary.dump());
    auto free_text = json::parse(good);
    free_text["summary"]["name"] = "Jo Bloggs";
    bodies.push_back(free_text.dump());

    for (const auto& body : bodies) {
        CAPTURE(body.substr(0, 60));
        check_json_error(c.Post("/api/v1/referrals", kiosk, body, "application/json"), 400);
    }
    CHECK(f.hub_referral_count() == 0);
    check_still_serving(f);
    CHECK(f.hub_referral_count() == 1);
}

TEST_CASE("an impossible date in a summary or heartbeat gets 400 naming the field, and stores nothing") {
    HubFixture f;
    httplib::Client c(f.hub->url());
    auto kiosk = auth(f.kiosk_tokens.at("k1"));
    auto body = json::parse(referral_body(f, sync::new_uuid_v4()));
    body["summary"]["date"] = "2026-02-31";
    auto r = c.Post("/api/v1/referrals", kiosk, body.dump(), "application/json");
    check_json_error(r, 400);
    CHECK(r->body.find("real calendar date") != std::string::npos);
    body["summary"]["date"] = "2026-02-28";
    body["created"] = "2026-11-25T25:00:00Z";
    r = c.Post("/api/v1/referrals", kiosk, body.dump(), "application/json");
    check_json_error(r, 400);
    CHECK(r->body.find("created") != std::string::npos);
    json hb{{"app_version", "1.0"}, {"outbox_depth", 0}, {"last_success", "2026-02-30T10:00:00Z"}};
    r = c.Post("/api/v1/heartbeat", kiosk, hb.dump(), "application/json");
    check_json_error(r, 400);
    CHECK(r->body.find("last_success") != std::string::npos);
    CHECK(f.hub_referral_count() == 0);
    check_still_serving(f);
}

TEST_CASE("SQL-looking text in an allowed field is stored as plain text and harms nothing") {
    HubFixture f;
    httplib::Client c(f.hub->url());
    std::string centre = "HMP X'); DELETE FROM referrals; --";
    auto r = c.Post("/api/v1/referrals", auth(f.kiosk_tokens.at("k1")),
                    referral_body(f, sync::new_uuid_v4(), "k1", centre), "application/json");
    REQUIRE(r);
    CHECK(r->status == 201);
    check_still_serving(f);
    CHECK(f.hub_referral_count() == 2);
}

TEST_CASE("missing, wrong and wrong-kind tokens get 401 and change nothing") {
    HubFixture f;
    httplib::Client c(f.hub->url());
    std::string body = referral_body(f, sync::new_uuid_v4());
    check_json_error(c.Post("/api/v1/referrals", body, "application/json"), 401);
    check_json_error(c.Post("/api/v1/referrals", auth("not-a-token"), body, "application/json"), 401);
    check_json_error(c.Post("/api/v1/referrals", auth(f.kiosk_tokens.at("k1") + "x"), body, "application/json"), 401);
    // The admin token is not a kiosk token, and a kiosk token cannot read referrals.
    check_json_error(c.Post("/api/v1/referrals", auth(f.admin_token), body, "application/json"), 401);
    check_json_error(c.Get("/api/v1/referrals", auth(f.kiosk_tokens.at("k1"))), 401);
    check_json_error(c.Get("/api/v1/report"), 401);
    CHECK(f.hub_referral_count() == 0);
    // A kiosk may only post as itself.
    check_json_error(c.Post("/api/v1/referrals", auth(f.kiosk_tokens.at("k1")),
                            referral_body(f, sync::new_uuid_v4(), "k2"), "application/json"),
                     403);
    CHECK(f.hub_referral_count() == 0);
    check_still_serving(f);
}

TEST_CASE("oversize bodies get 413 before they are read, and unknown routes 404, both as JSON") {
    HubFixture f;
    httplib::Client c(f.hub->url());
    // Only the headers go out: the hub must answer from Content-Length alone, before any body arrives.
    for (const char* path : {"/api/v1/referrals", "/api/v1/heartbeat"}) {
        std::string answer = raw_request(f.hub->port(), std::string("POST ") + path +
                                                            " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
                                                            f.kiosk_tokens.at("k1") +
                                                            "\r\nContent-Type: application/json\r\n"
                                                            "Content-Length: 3145728\r\n\r\n");
        CAPTURE(answer);
        CHECK(answer.rfind("HTTP/1.1 413", 0) == 0);
        CHECK(answer.find("\"error\"") != std::string::npos);
    }
    // A client that sends the whole body anyway may see the connection closed under it; either way the
    // hub stores nothing and keeps serving.
    std::string huge(3 * 1024 * 1024, 'x');
    auto r = c.Post("/api/v1/referrals", auth(f.kiosk_tokens.at("k1")), huge, "application/json");
    if (r) check_json_error(r, 413);
    check_json_error(c.Get("/api/v1/nothing-here", auth(f.admin_token)), 404);
    check_json_error(c.Get("/../../etc/passwd"), 404);
    check_json_error(c.Delete("/api/v1/referrals", auth(f.admin_token)), 404);
    CHECK(f.hub_referral_count() == 0);
    check_still_serving(f);
}

TEST_CASE("a retry of the same referral answers 200 with the first receipt and stores one row") {
    HubFixture f;
    httplib::Client c(f.hub->url());
    auto kiosk = auth(f.kiosk_tokens.at("k1"));
    std::string id = sync::new_uuid_v4();
    std::string body = referral_body(f, id);
    auto first = c.Post("/api/v1/referrals", kiosk, body, "application/json");
    REQUIRE(first);
    CHECK(first->status == 201);
    auto again = c.Post("/api/v1/referrals", kiosk, body, "application/json");
    REQUIRE(again);
    CHECK(again->status == 200);
    CHECK(json::parse(again->body) == json::parse(first->body));
    CHECK(f.hub_referral_count() == 1);
}

TEST_CASE("an acknowledged referral survives SIGTERM and a restart, and the log holds no payload or token") {
    HubFixture f;
    std::string id = sync::new_uuid_v4();
    std::string body = referral_body(f, id);
    {
        httplib::Client c(f.hub->url());
        auto r = c.Post("/api/v1/referrals", auth(f.kiosk_tokens.at("k1")), body, "application/json");
        REQUIRE(r);
        CHECK(r->status == 201);
    }
    CHECK(f.hub->stop() == 0);
    CHECK(f.hub_referral_count() == 1);
    f.hub->restart();
    httplib::Client c(f.hub->url());
    auto r = c.Post("/api/v1/referrals", auth(f.kiosk_tokens.at("k1")), body, "application/json");
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(f.hub_referral_count() == 1);

    std::string log = f.hub->log();
    CHECK_FALSE(log.empty());
    CHECK(log.find(json::parse(body)["sealed"].get<std::string>().substr(0, 40)) == std::string::npos);
    CHECK(log.find(f.kiosk_tokens.at("k1")) == std::string::npos);
    CHECK(log.find(f.admin_token) == std::string::npos);
}

TEST_CASE("50 kiosks connecting at the same moment are all let in at once, not after a 1 s SYN retry") {
    HubFixture f;
    // Freeze the hub so it accepts nothing: only the kernel's listen backlog holds the connections, as when
    // every kiosk of a region reconnects in the same instant after an outage.
    REQUIRE(::kill(f.hub->pid(), SIGSTOP) == 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(f.hub->port()));
    ::inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    std::vector<pollfd> socks;
    for (int i = 0; i < 50; ++i) {
        int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
        if (fd < 0) break;
        ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
        socks.push_back({fd, POLLOUT, 0});
    }
    // A loopback handshake takes microseconds; a dropped SYN is only retried after 1 s.
    int connected = 0;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(700);
    while (std::chrono::steady_clock::now() < deadline) {
        connected = 0;
        ::poll(socks.data(), socks.size(), 50);
        for (auto& p : socks) {
            int err = -1;
            socklen_t len = sizeof err;
            if ((p.revents & POLLOUT) && ::getsockopt(p.fd, SOL_SOCKET, SO_ERROR, &err, &len) == 0 && err == 0)
                ++connected;
        }
        if (connected == static_cast<int>(socks.size())) break;
    }
    ::kill(f.hub->pid(), SIGCONT);
    for (auto& p : socks) ::close(p.fd);
    CHECK(socks.size() == 50);
    CHECK(connected == 50);

    httplib::Client c(f.hub->url());
    auto r = c.Get("/api/v1/kiosks", auth(f.admin_token));
    REQUIRE(r);
    CHECK(r->status == 200);
}

TEST_CASE("a second hub started on a port already in use refuses to start instead of sharing it") {
    HubFixture f;
    test::TempDir other;
    CHECK_THROWS_AS(test::HubProcess(LANTERN_BINARY_DIR "/hub/lantern-hub", other / "hub", f.hub->port()),
                    std::runtime_error);
    CHECK(f.hub->running());
}

namespace {

std::string file_bytes(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::int64_t money_count(const HubFixture& f) {
    std::int64_t n = 0;
    for (const auto& c : hub::open_store("", f.data_dir())->need_counts())
        if (c.need == "money") n += c.count;
    return n;
}

}  // namespace

TEST_CASE(
    "with retention_days = 0 an exported referral's sealed answers leave the hub's files at once; retry and report "
    "still work") {
    HubFixture f({"k1"}, "quiet = false\nretention_days = 0\n");
    std::string kept = sync::new_uuid_v4(), exported = sync::new_uuid_v4();
    // Long answers: the ciphertext spills onto SQLite overflow pages, which purging frees.
    std::string exported_body = referral_body(f, exported, "k1", "HMP Example", std::string(9000, 'a'));
    auto sealed = sync::from_base64(json::parse(exported_body)["sealed"].get<std::string>());
    REQUIRE(sealed);
    std::string sealed_probe(sealed->begin() + 6000, sealed->begin() + 6032);  // 32 bytes on an overflow page
    httplib::Client c(f.hub->url());
    for (const auto& [id, body] : {std::pair{kept, referral_body(f, kept)}, std::pair{exported, exported_body}}) {
        auto r = c.Post("/api/v1/referrals", auth(f.kiosk_tokens.at("k1")), body, "application/json");
        REQUIRE(r);
        CHECK(r->status == 201);
    }
    auto marked =
        c.Post("/api/v1/referrals/exported", auth(f.admin_token), json{{"ids", {exported}}}.dump(), "application/json");
    REQUIRE(marked);
    CHECK(json::parse(marked->body)["marked"] == 1);

    // Export again (even asking for exported ones too) offers only the referral not yet exported.
    auto list = c.Get("/api/v1/referrals?include_exported=1", auth(f.admin_token));
    REQUIRE(list);
    auto rows = json::parse(list->body)["referrals"];
    REQUIRE(rows.size() == 1);
    CHECK(rows[0]["id"] == kept);
    // Not in the database file nor its write-ahead log.
    std::string db = file_bytes(f.data_dir() / "hub.sqlite") + file_bytes(f.data_dir() / "hub.sqlite-wal");
    CHECK(db.find(sealed_probe) == std::string::npos);

    // A kiosk that never got its receipt may still retry: the same answer as the first time, no 409.
    auto retry = c.Post("/api/v1/referrals", auth(f.kiosk_tokens.at("k1")), exported_body, "application/json");
    REQUIRE(retry);
    CHECK(retry->status == 200);
    CHECK(f.hub_referral_count() == 2);
    CHECK(money_count(f) == 2);  // the anonymised figures keep both
}

TEST_CASE("by default an exported referral's answers stay 30 days, and one never exported is never purged") {
    HubFixture f;
    std::string id = sync::new_uuid_v4();
    httplib::Client c(f.hub->url());
    REQUIRE(c.Post("/api/v1/referrals", auth(f.kiosk_tokens.at("k1")), referral_body(f, id), "application/json"));
    auto store = hub::open_store("", f.data_dir());
    CHECK(store->purge_exported_before("2999-01-01T00:00:00Z") == 0);  // not exported: kept whatever the date
    CHECK(store->mark_exported({id}) == 1);
    CHECK(store->purge_exported_before("2000-01-01T00:00:00Z") == 0);  // exported now: not yet due
    CHECK(store->referrals_after(0, 10, true).size() == 1);
    CHECK(store->purge_exported_before("2999-01-01T00:00:00Z") == 1);
    CHECK(store->referrals_after(0, 10, true).empty());
    CHECK(store->purge_exported_before("2999-01-01T00:00:00Z") == 0);

    test::TempDir dir;
    hub::HubConfig config;
    CHECK(config.retention_days == 30);
    hub::load_config_file(dir.write_file("hub.toml", "retention_days = 7\n"), config);
    CHECK(config.retention_days == 7);
    CHECK_THROWS(hub::load_config_file(dir.write_file("bad.toml", "retention_days = -1\n"), config));
}

TEST_CASE("lantern kiosk status lists each kiosk's last heartbeat and marks the ones that need a look") {
    HubFixture f({"k1", "k2"});
    httplib::Client c(f.hub->url());
    sync::Heartbeat healthy;
    healthy.app_version = "1.0";
    healthy.pack_version = "7";
    healthy.last_success = sync::utc_now_iso();
    healthy.settings = sync::KioskSettings{105, 30, {"en", "cy"}, 80};
    sync::Heartbeat troubled = healthy;
    troubled.settings.reset();  // a kiosk from before staff settings
    troubled.refused = 2;
    troubled.outbox_depth = 5;
    troubled.last_error = "referral: hub answered 500";
    for (const auto& [kiosk, hb] : {std::pair{"k1", healthy}, std::pair{"k2", troubled}}) {
        auto r =
            c.Post("/api/v1/heartbeat", auth(f.kiosk_tokens.at(kiosk)), sync::to_json(hb).dump(), "application/json");
        REQUIRE(r);
        CHECK(r->status < 300);
    }
    auto kiosks = hub::AdminClient(f.hub->url(), f.admin_token).kiosks();
    std::string now_table = hub::kiosk_status_table(kiosks, std::time(nullptr));
    INFO(now_table);
    std::istringstream lines(now_table);
    std::string header, first, second;
    std::getline(lines, header);
    std::getline(lines, first);
    std::getline(lines, second);
    std::string k1 = first.find("k1") != std::string::npos ? first : second;
    std::string k2 = first.find("k2") != std::string::npos ? first : second;
    CHECK(k1.rfind("!", 0) == std::string::npos);
    CHECK(k1.find("just now") != std::string::npos);
    CHECK(k1.find("105+30 s, en cy, 80%") != std::string::npos);
    CHECK(k2.rfind("!", 0) == 0);
    CHECK(k2.find("hub answered 500") != std::string::npos);
    CHECK(now_table.find("1 kiosk(s) marked !") != std::string::npos);
    // Two hours later with no heartbeat, both are marked.
    std::string later = hub::kiosk_status_table(kiosks, std::time(nullptr) + 2 * 3600);
    CHECK(later.find("2 kiosk(s) marked !") != std::string::npos);
    CHECK(later.find("2 h ago") != std::string::npos);
    CHECK(hub::kiosk_status_table(hub::api::KiosksAnswer{}, 0).find("no kiosk") != std::string::npos);
    CHECK(hub::parse_utc_iso("not a time") == -1);
    CHECK(hub::parse_utc_iso("1970-01-01T00:01:00Z") == 60);
}

TEST_CASE("a SIGTERM that arrives the moment the hub starts still stops it cleanly") {
    // httplib ignores a stop before its listen loop has begun; the hub must not.
    test::TempDir dir;
    for (int i = 0; i < 15; ++i) {
        test::HubProcess hub(LANTERN_BINARY_DIR "/hub/lantern-hub", dir / ("hub" + std::to_string(i)), 0,
                             "quiet = true\n");
        CHECK(hub.stop() == 0);  // 137 would mean it ignored SIGTERM and was killed after 10 s
    }
}
