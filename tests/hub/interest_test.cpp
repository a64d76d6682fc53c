// "I'm interested" in a family service, end to end: the kiosk's sink seals the request into the outbox, the real
// sync worker delivers it to a real hub through a proxy that resets, stalls and cuts, and `lantern referrals
// export` opens it once, its kind and service readable to staff.
#include <doctest/doctest.h>

#include <cstdlib>
#include <set>

#include <nlohmann/json.hpp>

#include "content/service_fields.h"
#include "hub/cli/admin_client.h"
#include "kiosk/form/interest.h"
#include "kiosk/parts/kiosk_sync.h"
#include "tests/hub/fault_proxy.h"
#include "tests/hub/hub_fixture.h"
#include "tests/read_file.h"

using namespace lantern;
using namespace std::chrono_literals;
using json = nlohmann::json;
using test::HubFixture;
using test::wait_until;

namespace {

int run_export(const HubFixture& f, const std::string& format, const std::filesystem::path& out,
               const std::string& extra = "") {
    return test::run_lantern(f, "referrals export --hub " + f.hub->url() + " --key '" +
                                    (f.dir / "referral.key").string() + "' --format " + format + " " + extra + " -o '" +
                                    out.string() + "'")
        .code;
}

}  // namespace

TEST_CASE("interest requests in a family service are delivered exactly once through the fault proxy") {
    HubFixture f;
    sync::write_key_file(f.dir / "referral.pub", f.referral_keys.public_key);
    sync::write_key_file(f.dir / "referral.key", f.referral_keys.secret_key.bytes());

    // The family service as the pack gives it, in English (what staff read in the export).
    auto directory = content::services_from_json_text(
        R"([{"id": "family-days", "kind": "family-service", "family_type": "whole-family",
             "centres": ["HMP Example"], "name": "Family days", "when": "Saturdays", "how_to_join": "Ask"}])");
    auto here = content::family_services_at(directory, "HMP Example");
    REQUIRE(here.size() == 1);

    // Written on a kiosk with no hub in reach: the sink seals each request and commits it to the outbox.
    kiosk::KioskConfig offline;
    offline.name = "k1";
    offline.centre = "HMP Example";
    offline.referral_public_key = (f.dir / "referral.pub").string();
    offline.data_dir = (f.dir / "kiosk").string();
    std::set<std::string> references;
    const int requests = 40;
    {
        kiosk::KioskSync sync(offline, "1", {});
        for (int i = 0; i < requests; ++i) {
            kiosk::InterestSession s;
            s.service = here[0].id;
            s.first_name.append("Siân " + std::to_string(i));
            s.contact = i % 2 ? kiosk::InterestContact::phone : kiosk::InterestContact::desk;
            if (s.contact == kiosk::InterestContact::phone) s.phone.append("07700 900123");
            REQUIRE_FALSE(kiosk::check_interest(s).has_value());
            kiosk::SecretText sealed = kiosk::interest_json(s, here[0], "cy");
            auto r = sync.sink()->submit(kiosk::k_interest_form_version, std::string(sealed.view()),
                                         kiosk::interest_summary(s.service, "adult", "HMP Example", "2026-12-02"));
            REQUIRE_MESSAGE(r.error.empty(), r.error);
            references.insert(r.reference);
        }
        // And one referral from the form beside them: both kinds share the outbox and the hub's table.
        REQUIRE(sync.sink()->submit("3", "{}", {{"money"}, "adult", "HMP Example", "2026-12-02"}).error.empty());
    }

    test::FaultProxy::Odds odds;
    odds.reset_at_connect = 20;
    odds.stall = 3;
    odds.cut_response = 40;  // stored by the hub, the receipt lost: the retry must not store it twice
    odds.truncate_response = 15;
    odds.stall_ms = 2000ms;
    test::FaultProxy proxy(f.hub->port(), odds);
    sync::OutboxStore outbox(f.dir / "kiosk" / "outbox.sqlite");
    REQUIRE(outbox.depth().queued == requests + 1);
    sync::SyncWorker worker(outbox, f.worker_options(proxy.url()));
    worker.start();
    bool drained = wait_until([&] { return worker.status().outbox_depth == 0; }, 120s);
    worker.stop();
    MESSAGE("proxy connections ", proxy.connections(), ", faults ", proxy.faults());
    REQUIRE(drained);
    CHECK(proxy.faults() > 5);
    CHECK(outbox.depth().delivered == requests + 1);
    CHECK(outbox.depth().refused == 0);
    CHECK(f.hub_referral_count() == requests + 1);

    // The hub tells the kinds apart without opening anything: the admin API's summaries say so.
    hub::AdminClient admin(f.hub->url(), f.admin_token);
    auto page = admin.referrals(0, 1000, true);
    REQUIRE(page.referrals.size() == static_cast<std::size_t>(requests + 1));
    int interest = 0;
    for (const auto& r : page.referrals)
        if (r.summary.kind == "interest") {
            ++interest;
            CHECK(r.summary.service == "family-days");
            CHECK(r.summary.needs.empty());
        }
    CHECK(interest == requests);

    // The report counts them per service, by the needs report's suppression rule, and not as needs.
    auto report = admin.report();
    REQUIRE(report.interest.size() == 1);
    CHECK(report.interest[0].centre == "HMP Example");
    CHECK(report.interest[0].month == "2026-12");
    CHECK(report.interest[0].service == "family-days");
    CHECK(report.interest[0].count == std::optional<std::int64_t>(requests));
    REQUIRE(report.rows.size() == 1);
    CHECK(report.rows[0].need == "money");
    CHECK_FALSE(report.rows[0].count);  // one referral: suppressed

    // The export opens each once, with its kind, service and what she typed.
    REQUIRE(run_export(f, "json", f.dir / "out.json") == 0);
    auto exported = json::parse(test::read_file(f.dir / "out.json"));
    REQUIRE(exported.size() == static_cast<std::size_t>(requests + 1));
    std::set<std::string> names;
    for (const auto& r : exported) {
        if (r["summary"].value("kind", "referral") != "interest") continue;
        CHECK(r["summary"]["service"] == "family-days");
        CHECK(r["answers"]["service_name"] == "Family days");
        CHECK(r["answers"]["lang"] == "cy");
        names.insert(r["answers"]["first_name"].get<std::string>());
        CHECK(references.count(r["reference"].get<std::string>()) == 1);
        if (r["answers"]["contact"] == "phone") CHECK(r["answers"]["phone"] == "07700 900123");
        else CHECK_FALSE(r["answers"].contains("phone"));
    }
    CHECK(names.size() == static_cast<std::size_t>(requests));
    CHECK(names.count("Siân 7") == 1);

    // Marked exported by the first run: the CSV run asks for them all again.
    REQUIRE(run_export(f, "csv", f.dir / "out.csv", "--all") == 0);
    std::string csv = test::read_file(f.dir / "out.csv");
    CHECK(csv.rfind("id,reference,kiosk,created,received_at,form_version,centre,date,needs,kind,service", 0) == 0);
    CHECK(csv.find("\"interest\",\"family-days\"") != std::string::npos);
    // Every column has its own name: the sealed "kind" and "service" are answers.kind and answers.service.
    std::string header = csv.substr(0, csv.find("\r\n"));
    std::set<std::string> columns;
    for (std::size_t start = 0; start <= header.size();) {
        std::size_t comma = std::min(header.find(',', start), header.size());
        CHECK_MESSAGE(columns.insert(header.substr(start, comma - start)).second, header);
        start = comma + 1;
    }
    CHECK(columns.count("\"answers.kind\"") + columns.count("answers.kind") == 1);
    CHECK(csv.find("\"referral\",\"\"") != std::string::npos);
}
