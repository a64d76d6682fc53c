// The hub's limits against a hostile client: huge and chunked bodies, slow connections, many connections
// from one address, log forgery, a body after an error answer. A real lantern-hub process on loopback.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "hub/server/log_text.h"
#include "tests/hub/hub_fixture.h"

using namespace lantern;
using namespace std::chrono_literals;
using test::HubFixture;
using test::wait_until;

namespace {

// The hub process's resident memory in MB, from /proc/PID/status.
long rss_mb(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6)) / 1024;
    return -1;
}

// A raw TCP connection to the hub, from a chosen loopback source address (the whole of 127/8 is local).
class Raw {
   public:
    explicit Raw(int port, const char* from = "127.0.0.1") {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        REQUIRE(fd_ >= 0);
        sockaddr_in src{};
        src.sin_family = AF_INET;
        ::inet_pton(AF_INET, from, &src.sin_addr);
        REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&src), sizeof src) == 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<uint16_t>(port));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    }
    ~Raw() { ::close(fd_); }
    Raw(const Raw&) = delete;
    Raw& operator=(const Raw&) = delete;

    // False once the hub has closed or reset the connection.
    bool send(const std::string& bytes) {
        std::size_t done = 0;
        while (done < bytes.size()) {
            pollfd p{fd_, POLLOUT, 0};
            if (::poll(&p, 1, 2000) <= 0) return false;
            auto n = ::send(fd_, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL | MSG_DONTWAIT);
            if (n <= 0) return false;
            done += static_cast<std::size_t>(n);
        }
        return true;
    }
    // Everything the hub sends until it closes, or until `timeout` passes.
    std::string read_until_closed(std::chrono::milliseconds timeout = 3000ms) {
        std::string out;
        auto deadline = std::chrono::steady_clock::now() + timeout;
        char buf[4096];
        while (std::chrono::steady_clock::now() < deadline) {
            pollfd p{fd_, POLLIN, 0};
            if (::poll(&p, 1, 50) <= 0) continue;
            auto n = ::recv(fd_, buf, sizeof buf, 0);
            if (n <= 0) {
                closed_ = true;
                break;
            }
            out.append(buf, static_cast<std::size_t>(n));
        }
        return out;
    }
    bool closed() const { return closed_; }
    // True if the hub has closed the connection (EOF or reset) within `timeout`.
    bool closed_within(std::chrono::milliseconds timeout) {
        read_until_closed(timeout);
        return closed_;
    }

   private:
    int fd_ = -1;
    bool closed_ = false;
};

int count_of(const std::string& text, const std::string& what) {
    int n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

bool serves(const HubFixture& f) {
    httplib::Client cli("127.0.0.1", f.hub->port());
    cli.set_connection_timeout(2);
    cli.set_read_timeout(2);
    auto res = cli.Get("/api/v1/report", {{"Authorization", "Bearer " + f.admin_token}});
    return res && res->status == 200;
}

// Sends a chunked body of up to `max_mb` MB (or for up to 10 s); returns the MB the hub took in.
long send_chunked(Raw& c, long max_mb) {
    std::string chunk = "100000\r\n" + std::string(0x100000, 'x') + "\r\n";  // 1 MB a chunk
    long sent = 0;
    auto deadline = std::chrono::steady_clock::now() + 10s;
    while (sent < max_mb && std::chrono::steady_clock::now() < deadline && c.send(chunk)) ++sent;
    return sent;
}

}  // namespace

TEST_CASE("escape_for_log keeps printable ASCII and shows every other byte as \\xNN") {
    CHECK(hub::escape_for_log("GET /api/v1/report") == "GET /api/v1/report");
    CHECK(hub::escape_for_log("/a\nFAKE 200") == "/a\\x0aFAKE 200");
    CHECK(hub::escape_for_log("\x1b[31mred\r") == "\\x1b[31mred\\x0d");
    CHECK(hub::escape_for_log("back\\slash") == "back\\\\slash");
    CHECK(hub::escape_for_log("caf\xc3\xa9\x7f") == "caf\\xc3\\xa9\\x7f");
}

TEST_CASE("1,500 MB chunked to an unknown route is refused before it is read and the hub's memory stays flat") {
    HubFixture f;
    REQUIRE(serves(f));
    long before = rss_mb(f.hub->pid());
    Raw c(f.hub->port());
    REQUIRE(c.send("POST /nope HTTP/1.1\r\nHost: hub\r\nTransfer-Encoding: chunked\r\n\r\n"));
    long taken = send_chunked(c, 1500);
    std::string answer = c.read_until_closed();
    long after = rss_mb(f.hub->pid());
    MESSAGE("chunked to /nope: the hub took " << taken << " MB before closing; VmRSS " << before << " -> " << after
                                              << " MB");
    CHECK(answer.rfind("HTTP/1.1 404", 0) == 0);
    CHECK(taken < 64);  // socket buffers only
    CHECK(after - before < 20);
    CHECK(serves(f));
}

TEST_CASE("a chunked body to a real route is refused with 411 even with a good token and a Content-Length") {
    HubFixture f;
    long before = rss_mb(f.hub->pid());
    for (std::string extra : {"", "Content-Length: 100\r\n"}) {
        Raw c(f.hub->port());
        REQUIRE(c.send("POST /api/v1/referrals HTTP/1.1\r\nHost: hub\r\nAuthorization: Bearer " + f.kiosk_tokens["k1"] +
                       "\r\n" + extra + "Transfer-Encoding: chunked\r\n\r\n"));
        long taken = send_chunked(c, 600);
        std::string answer = c.read_until_closed();
        CHECK(answer.rfind("HTTP/1.1 411", 0) == 0);
        CHECK(answer.find("Transfer-Encoding") != std::string::npos);
        CHECK(taken < 64);
    }
    long after = rss_mb(f.hub->pid());
    MESSAGE("chunked to /api/v1/referrals: VmRSS " << before << " -> " << after << " MB");
    CHECK(after - before < 20);
    CHECK(serves(f));
    CHECK(f.hub_referral_count() == 0);
}

TEST_CASE("each route has its own body limit, checked with the token before any body is read") {
    HubFixture f;
    auto answer_to = [&](const std::string& head) {
        Raw c(f.hub->port());
        REQUIRE(c.send(head));
        return c.read_until_closed(2000ms);  // the hub answers without waiting for the body
    };
    std::string kiosk = "Authorization: Bearer " + f.kiosk_tokens["k1"] + "\r\n";
    std::string admin = "Authorization: Bearer " + f.admin_token + "\r\n";
    // 1 MB is over a referral's 512 KB and a heartbeat's 64 KB, but far under the pack size.
    CHECK(answer_to("POST /api/v1/referrals HTTP/1.1\r\n" + kiosk + "Content-Length: 1048576\r\n\r\n")
              .rfind("HTTP/1.1 413", 0) == 0);
    CHECK(answer_to("POST /api/v1/heartbeat HTTP/1.1\r\n" + kiosk + "Content-Length: 100000\r\n\r\n")
              .rfind("HTTP/1.1 413", 0) == 0);
    // The pack size is only for the pack route, and only with the admin token.
    CHECK(answer_to("POST /api/v1/content HTTP/1.1\r\n" + kiosk + "Content-Length: 1048576\r\n\r\n")
              .rfind("HTTP/1.1 401", 0) == 0);
    CHECK(answer_to("POST /api/v1/content HTTP/1.1\r\nContent-Length: 1048576\r\n\r\n").rfind("HTTP/1.1 401", 0) == 0);
    CHECK(answer_to("POST /api/v1/content HTTP/1.1\r\n" + admin + "Content-Length: 999999999999\r\n\r\n")
              .rfind("HTTP/1.1 413", 0) == 0);
    // A route that takes no body takes none.
    CHECK(
        answer_to("GET /api/v1/report HTTP/1.1\r\n" + admin + "Content-Length: 10\r\n\r\n").rfind("HTTP/1.1 413", 0) ==
        0);
    // An unknown route or method is refused before its body.
    CHECK(answer_to("PUT /api/v1/referrals HTTP/1.1\r\n" + kiosk + "Content-Length: 1048576\r\n\r\n")
              .rfind("HTTP/1.1 404", 0) == 0);
    CHECK(serves(f));
}

TEST_CASE("after an error answer the hub closes the connection and never parses the body as a request") {
    HubFixture f;
    std::string smuggled = "GET /api/v1/smuggled HTTP/1.1\r\nHost: hub\r\n\r\n";
    // 411: no Content-Length; 401: wrong token with a body; 404: unknown route with a body.
    for (std::string head :
         {std::string("POST /api/v1/referrals HTTP/1.1\r\nHost: hub\r\n\r\n"),
          "POST /api/v1/heartbeat HTTP/1.1\r\nAuthorization: Bearer nope\r\nContent-Length: " +
              std::to_string(smuggled.size()) + "\r\n\r\n",
          "POST /nope HTTP/1.1\r\nContent-Length: " + std::to_string(smuggled.size()) + "\r\n\r\n"}) {
        Raw c(f.hub->port());
        REQUIRE(c.send(head + smuggled));
        std::string answer = c.read_until_closed();
        CHECK(c.closed());
        CHECK(count_of(answer, "HTTP/1.1 ") == 1);
        CHECK(answer.find("Connection: close") != std::string::npos);
    }
    CHECK(wait_until([&] { return f.hub->log().find("POST /nope") != std::string::npos; }, 2000ms));
    CHECK(f.hub->log().find("smuggled") == std::string::npos);
}

TEST_CASE("the hub's log shows control bytes and terminal escapes from a request as \\xNN") {
    HubFixture f;
    Raw c(f.hub->port());
    REQUIRE(c.send("GET /x%0a2026-01-01T00:00:00Z%20GET%20/forged%20200%1b[2J HTTP/1.1\r\nHost: hub\r\n\r\n"));
    CHECK(c.read_until_closed().rfind("HTTP/1.1 404", 0) == 0);
    REQUIRE(wait_until([&] { return f.hub->log().find("GET /x") != std::string::npos; }, 2000ms));
    std::string log = f.hub->log();
    CHECK(log.find("GET /x\\x0a2026-01-01T00:00:00Z GET /forged 200\\x1b[2J 404") != std::string::npos);
    CHECK(log.find('\x1b') == std::string::npos);
    CHECK(log.find("\n2026-01-01T00:00:00Z GET /forged") == std::string::npos);
}

TEST_CASE("slow connections are cut at the header deadline, capped per address, and never starve other clients") {
    HubFixture f({"k1"}, "header_timeout_seconds = 2\nmax_connections_per_address = 8\n");
    REQUIRE(serves(f));
    long before = rss_mb(f.hub->pid());
    // 24 slow clients from three addresses, 8 each (the cap), plus 4 more from the first: refused.
    std::vector<std::unique_ptr<Raw>> slow;
    for (const char* from : {"127.0.0.2", "127.0.0.3", "127.0.0.4"})
        for (int i = 0; i < 8; ++i) {
            slow.push_back(std::make_unique<Raw>(f.hub->port(), from));
            REQUIRE(slow.back()->send("P"));
        }
    std::this_thread::sleep_for(300ms);  // the hub has taken all 24 up
    for (int i = 0; i < 4; ++i) {
        Raw extra(f.hub->port(), "127.0.0.2");
        std::string answer = extra.read_until_closed(2000ms);
        CHECK(answer.rfind("HTTP/1.1 503", 0) == 0);
        CHECK(extra.closed());
    }
    // A byte every 500 ms (well inside the per-read wait) for 1.5 s: meanwhile others are served at once.
    const std::string request = "OST /api/v1/referrals HTTP/1.1\r\nHost: hub\r\n";
    for (int tick = 0; tick < 3; ++tick) {
        for (auto& c : slow) c->send(std::string(1, request[static_cast<std::size_t>(tick)]));
        auto t0 = std::chrono::steady_clock::now();
        CHECK(serves(f));
        CHECK(std::chrono::steady_clock::now() - t0 < 1s);
        std::this_thread::sleep_for(500ms);
    }
    // Still dribbling, but the 2 s header deadline has passed: every slow connection is closed by now.
    std::this_thread::sleep_for(1000ms);
    int closed = 0;
    for (auto& c : slow) {
        c->send("O");
        if (c->closed_within(200ms)) ++closed;
    }
    CHECK(closed == 24);
    long after = rss_mb(f.hub->pid());
    MESSAGE("24 slow connections: VmRSS " << before << " -> " << after << " MB");
    CHECK(after - before < 20);
    CHECK(serves(f));
}
