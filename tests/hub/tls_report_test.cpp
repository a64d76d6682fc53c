// HTTPS between kiosk and hub (verification on, optional key pinning) and the anonymised needs report.
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "hub/cli/admin_client.h"
#include "hub/cli/report_chart.h"
#include "tests/hub/hub_fixture.h"

using namespace lantern;
using namespace std::chrono_literals;
using test::HubFixture;
using test::wait_until;

namespace {

std::string run(const std::string& cmd) {
    std::string out;
    FILE* p = ::popen(cmd.c_str(), "r");
    REQUIRE(p);
    char buf[512];
    while (std::fgets(buf, sizeof buf, p)) out += buf;
    REQUIRE(::pclose(p) == 0);
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return out;
}

// A self-signed certificate for 127.0.0.1 and the pin of its public key, made with the openssl tool.
struct TestCertificate {
    std::filesystem::path cert, key;
    std::string pin;  // "sha256//base64"
    explicit TestCertificate(const std::filesystem::path& dir) : cert(dir / "cert.pem"), key(dir / "key.pem") {
        run("openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj /CN=127.0.0.1 "
            "-addext subjectAltName=IP:127.0.0.1 -keyout '" +
            key.string() + "' -out '" + cert.string() + "' 2>/dev/null");
        pin = "sha256//" + run("openssl x509 -in '" + cert.string() +
                               "' -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | "
                               "openssl base64 -A");
    }
};

std::string tls_config(const TestCertificate& c) {
    return "tls_cert = \"" + c.cert.string() + "\"\ntls_key = \"" + c.key.string() + "\"\n";
}

// Delivers one referral with these client settings; true when the hub's receipt came back.
bool delivers(const HubFixture& f, const std::string& ca_file, const std::string& pin, std::string& last_error) {
    test::TempDir dir;
    sync::OutboxStore outbox(dir / "outbox.sqlite");
    outbox.submit(f.referral("{}"));
    auto o = f.worker_options("https://127.0.0.1:" + std::to_string(f.hub->port()));
    o.hub.ca_file = ca_file;
    o.hub.pinned_public_key = pin;
    sync::SyncWorker worker(outbox, o);
    worker.start();
    bool ok = wait_until([&] { return outbox.depth().delivered == 1; }, 3s);
    last_error = worker.status().last_error;
    worker.stop();
    return ok;
}

}  // namespace

TEST_CASE("over HTTPS the kiosk checks the hub's certificate and, if pinned, its key") {
    test::TempDir certs;
    TestCertificate cert(certs.path());
    HubFixture f({"k1"}, tls_config(cert));
    std::string error;

    CHECK(delivers(f, cert.cert.string(), "", error));
    CHECK(delivers(f, cert.cert.string(), cert.pin, error));
    CHECK(f.hub_referral_count() == 2);

    // Not trusted: the self-signed certificate is not in the system's CA list.
    CHECK_FALSE(delivers(f, "", "", error));
    CHECK_FALSE(error.empty());
    // Trusted, but not the pinned key: someone else's certificate from the same CA would look like this.
    CHECK_FALSE(delivers(f, cert.cert.string(), "sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", error));
    CHECK(f.hub_referral_count() == 2);
}

TEST_CASE("the needs report counts by centre and month and hides counts under 5") {
    HubFixture f;
    test::TempDir dir;
    sync::OutboxStore outbox(dir / "outbox.sqlite");
    for (int i = 0; i < 6; ++i) outbox.submit(f.referral("{}", "HMP North", {"money", "housing"}));
    for (int i = 0; i < 3; ++i) outbox.submit(f.referral("{}", "HMP South", {"money"}));
    sync::SyncWorker worker(outbox, f.worker_options(f.hub->url()));
    worker.start();
    REQUIRE(wait_until([&] { return outbox.depth().delivered == 9; }, 15s));
    worker.stop();

    hub::AdminClient admin(f.hub->url(), f.admin_token);
    auto rows = admin.report().rows;
    auto find = [&](const std::string& centre, const std::string& need) -> const hub::ReportRow* {
        for (const auto& r : rows)
            if (r.centre == centre && r.need == need) return &r;
        return nullptr;
    };
    REQUIRE(find("HMP North", "money"));
    CHECK(find("HMP North", "money")->count == std::optional<std::int64_t>(6));
    CHECK(find("HMP North", "money")->month == "2024-05");
    REQUIRE(find("HMP South", "money"));
    CHECK_FALSE(find("HMP South", "money")->count.has_value());
    REQUIRE(find("HMP North", "housing"));
    CHECK(find("HMP North", "housing")->count.has_value());

    std::string table = hub::report_table(rows);
    CHECK(table.find("HMP North") != std::string::npos);
    CHECK(table.find("<5") != std::string::npos);
    CHECK(table.find(" 3 ") == std::string::npos);
    std::string svg = hub::report_svg(rows);
    CHECK(svg.rfind("<svg", 0) == 0);
    CHECK(svg.find("HMP North") != std::string::npos);
}
