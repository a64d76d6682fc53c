// Usage figures from kiosk to hub: sent with the heartbeat through real libcurl to a real lantern-hub, kept per
// (kiosk, day) whatever is sent again, kept by the kiosk while the hub is away, reported with small counts
// suppressed; and nothing a visitor typed in anything the kiosk sends or stores.
#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <iterator>

#include "hub/cli/admin_client.h"
#include "hub/shared/admin_api.h"
#include "kiosk/app/app.h"
#include "kiosk/parts/kiosk_sync.h"
#include "sync/encoding.h"
#include "sync/usage_store.h"
#include "tests/fixture_pack.h"
#include "tests/hub/fault_proxy.h"
#include "tests/hub/hub_fixture.h"

using namespace lantern;
using namespace std::chrono_literals;
using json = nlohmann::json;
using test::HubFixture;
using test::wait_until;

namespace {

// The hub's usage sums as "centre|month|name" -> count, read from its store.
std::map<std::string, std::int64_t> hub_usage(const HubFixture& f) {
    std::map<std::string, std::int64_t> out;
    for (const auto& c : hub::open_store("", f.data_dir())->usage_counts())
        out[c.centre + "|" + c.month + "|" + c.name] = c.count;
    return out;
}

std::string file_bytes(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Every file under `dir`, as bytes, that holds `needle`.
std::vector<std::string> files_holding(const std::filesystem::path& dir, const std::string& needle) {
    std::vector<std::string> hits;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
        if (e.is_regular_file() && file_bytes(e.path()).find(needle) != std::string::npos)
            hits.push_back(e.path().string());
    return hits;
}

std::string run(const std::string& cmd) {
    std::string out;
    FILE* p = ::popen(cmd.c_str(), "r");
    if (!p) return out;
    char buf[4096];
    while (auto n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
    ::pclose(p);
    return out;
}

}  // namespace

TEST_CASE("usage figures go with the heartbeat, are kept while the hub is away, and a resend never doubles them") {
    HubFixture f;
    std::filesystem::create_directories(f.dir / "kiosk");
    sync::OutboxStore outbox(f.dir / "kiosk/outbox.sqlite");
    sync::UsageStore usage(f.dir / "kiosk/usage.sqlite");
    usage.add("HMP A", {{"2026-11-30", {{"visits", 3}, {"pages", 2}, {"page:first-visit", 2}}},
                        {"2026-12-01", {{"visits", 1}}}});

    // The hub is away: every connection is reset.
    test::FaultProxy proxy(f.hub->port(), {.reset_at_connect = 100});
    auto o = f.worker_options(proxy.url());
    o.usage = &usage;
    o.today = [] { return std::string("2026-12-01"); };
    {
        sync::SyncWorker worker(outbox, o);
        worker.start();
        worker.sync_now();
        REQUIRE(wait_until([&] { return !worker.status().last_error.empty(); }, 10s));
        CHECK(worker.status().last_error.find("heartbeat") != std::string::npos);
        CHECK(usage.pending(7).size() == 2);  // kept
        CHECK(hub_usage(f).empty());

        // Back: the days arrive, the past day is done on the kiosk, today stays to be sent again.
        proxy.set_enabled(false);
        worker.sync_now();
        REQUIRE(wait_until([&] { return usage.pending(7).size() == 1; }, 10s));
        CHECK(usage.pending(7)[0].day.day == "2026-12-01");
        CHECK(hub_usage(f) == std::map<std::string, std::int64_t>{{"HMP A|2026-11|visits", 3},
                                                                  {"HMP A|2026-11|pages", 2},
                                                                  {"HMP A|2026-11|page:first-visit", 2},
                                                                  {"HMP A|2026-12|visits", 1}});

        // Today goes on counting and is sent again: the hub replaces the day, it never adds the two sends.
        usage.add("HMP A", {{"2026-12-01", {{"visits", 2}}}});
        worker.sync_now();
        REQUIRE(wait_until([&] { return hub_usage(f)["HMP A|2026-12|visits"] == 3; }, 10s));
    }

    // The hub stores a day but its answer is lost: the kiosk sends the same day again (real libcurl, twice), and
    // it still counts once.
    sync::Heartbeat hb;
    hb.app_version = "0.1.0";
    hb.usage_days = {{"2026-11-29", "HMP A", {{"visits", 5}}}};
    std::string error;
    std::vector<std::string> stored;
    auto direct = o.hub;
    direct.base_url = f.hub->url();
    sync::HubClient straight(direct);
    REQUIRE(straight.post_heartbeat(hb, error, &stored));
    CHECK(stored == std::vector<std::string>{"2026-11-29"});
    REQUIRE(straight.post_heartbeat(hb, error, &stored));
    CHECK(hub_usage(f)["HMP A|2026-11|visits"] == 8);
}

TEST_CASE("lantern report shows usage per centre and month, counts under 5 suppressed as the needs are") {
    HubFixture f;
    {
        auto store = hub::open_store("", f.data_dir());
        store->record_usage("k1", {{"2026-11-02", "HMP A", {{"visits", 3}, {"search_nothing:debt", 4}}},
                                   {"2026-11-03", "HMP A", {{"visits", 4}, {"quick_exits", 1}}}});
        store->record_usage("k2", {{"2026-11-03", "HMP B", {{"visits", 4}}}});
    }
    hub::AdminClient client(f.hub->url(), f.admin_token);
    // The typed answer: its parser refuses a count under the threshold that is not suppressed.
    hub::api::Report report = client.report();
    std::map<std::string, std::optional<std::int64_t>> got;
    for (const auto& r : report.usage) got[r.centre + "|" + r.month + "|" + r.name] = r.count;
    CHECK(got == std::map<std::string, std::optional<std::int64_t>>{{"HMP A|2026-11|quick_exits", std::nullopt},
                                                                    {"HMP A|2026-11|search_nothing:debt", std::nullopt},
                                                                    {"HMP A|2026-11|visits", 7},
                                                                    {"HMP B|2026-11|visits", std::nullopt}});
    CHECK(report.suppressed_below == 5);
    json wire = hub::api::to_json(report);
    for (const auto& r : wire["usage"]) CHECK(r["suppressed"] == r["count"].is_null());

    std::string out = run("LANTERN_ADMIN_TOKEN='" + f.admin_token +
                          "' '" LANTERN_BINARY_DIR "/hub/lantern' report --hub " + f.hub->url() + " 2>&1");
    CHECK(out.find("Kiosk usage") != std::string::npos);
    CHECK(out.find("HMP A   2026-11  visits") != std::string::npos);
    CHECK(out.find("search_nothing:debt  <5") != std::string::npos);
    CHECK(out.find("HMP B   2026-11  visits               <5") != std::string::npos);
}

TEST_CASE(
    "privacy canary: what a visitor types in the form, the search box and \"I'm interested\" is in nothing the "
    "kiosk sends or keeps") {
    const std::string canary = "Quistcanary";
    HubFixture f;
    test::FaultProxy proxy(f.hub->port(), {});  // passes everything, and keeps what the kiosk sent
    sync::write_key_file(f.dir / "referral.pub", f.referral_keys.public_key);
    kiosk::KioskConfig config;
    config.name = "k1";
    config.centre = "HMP Test";  // the fixture pack runs family days here
    config.hub_url = proxy.url();
    config.hub_token = f.kiosk_tokens.at("k1");
    config.data_dir = (f.dir / "kiosk").string();
    config.referral_public_key = (f.dir / "referral.pub").string();
    auto pack = test::build_fixture_pack(f.dir);
    {
        kiosk::KioskSync sync(config, "1", {});
        REQUIRE(sync.usage_store());
        kiosk::App app(pack, "en", kiosk::IdleSettings{90, 30});
        app.set_referral_sink(sync.sink(), config.centre);
        app.usage().set_store(sync.usage_store(), config.centre);
        double t = 0;
        auto act = [&](kiosk::Action a) { app.apply({std::move(a)}, t += 1); };
        auto type = [&](const std::string& field, const std::string& text) {
            act(kiosk::Focus{field});
            act(kiosk::Type{text});
        };
        act(kiosk::Start{});
        act(kiosk::ChooseAudience{content::Audience::adult});
        // The search box: a word only she would type, then one with her number.
        act(kiosk::OpenSearch{});
        act(kiosk::Type{"Zephyrine " + canary});
        act(kiosk::Home{});
        act(kiosk::OpenSearch{});
        act(kiosk::Type{"07700 900456 " + canary});
        act(kiosk::Home{});
        // The form, every typed field holding the canary, sent.
        act(kiosk::OpenForm{});
        type("call_me", "Zephyrine " + canary);
        act(kiosk::FormPick{"relationship", "partner"});
        act(kiosk::FormPick{"interpreter", "no"});
        act(kiosk::FormNext{});
        type("phone", "07700 900456");
        act(kiosk::FormPick{"safe_to_call", "yes"});
        act(kiosk::FormPick{"safe_message", "no"});
        act(kiosk::FormNext{});
        type("prison", "HMP " + canary);
        act(kiosk::FormNext{});
        act(kiosk::FormPick{"has_children", "no"});
        act(kiosk::FormNext{});
        act(kiosk::FormPick{"needs", "housing"});
        act(kiosk::FormNext{});
        type("anything_else", "canary-plaintext " + canary);
        act(kiosk::FormNext{});
        act(kiosk::FormPick{"consent_contact", "agree"});
        act(kiosk::FormPick{"consent_sensitive", "yes"});
        act(kiosk::FormNext{});
        REQUIRE(app.screen() == kiosk::Screen::form_review);
        act(kiosk::FormSubmit{});
        REQUIRE(app.screen() == kiosk::Screen::form_done);
        act(kiosk::FormFinish{});  // the visit ends: its figures are written
        // The next visitor: "I'm interested" in family days, her name and number typed and sent.
        act(kiosk::Start{});
        act(kiosk::ChooseAudience{content::Audience::adult});
        act(kiosk::OpenFamilyServices{});
        act(kiosk::InterestOpen{"family-days"});
        REQUIRE(app.screen() == kiosk::Screen::interest);
        type("first_name", "Zephyrine" + canary);
        act(kiosk::InterestContactPick{false});
        type("phone", "07700 900456");
        act(kiosk::InterestSend{});
        REQUIRE(app.screen() == kiosk::Screen::interest_done);
        act(kiosk::InterestFinish{});

        sync.sync_now();
        REQUIRE(wait_until([&] { return f.hub_referral_count() == 2; }, 20s));
        // The figures arrived with a heartbeat, so the test saw what it checks.
        REQUIRE(wait_until(
            [&] {
                auto u = hub_usage(f);
                return u["HMP Test|" + sync::local_date().substr(0, 7) + "|interest_sent"] == 1;
            },
            20s));
    }
    auto u = hub_usage(f);
    std::string month = "HMP Test|" + sync::local_date().substr(0, 7) + "|";
    CHECK(u[month + "searches_nothing"] == 2);
    CHECK(u[month + "search_nothing_unlisted"] == 2);
    CHECK(u[month + "form_started"] == 1);
    CHECK(u[month + "form_sent"] == 1);
    CHECK(u[month + "visits"] == 2);
    CHECK(u[month + "family_services"] == 1);
    CHECK(u[month + "interest_started"] == 1);

    std::string sent = proxy.forwarded();
    REQUIRE(sent.find("POST /api/v1/heartbeat") != std::string::npos);
    REQUIRE(sent.find("\"usage_days\"") != std::string::npos);
    hub::AdminClient client(f.hub->url(), f.admin_token);
    std::string from_hub = hub::api::to_json(client.report()).dump() + hub::api::to_json(client.kiosks()).dump() +
                           hub::api::to_json(client.referrals(0, 100, true)).dump();
    for (const std::string& needle : {canary, std::string("Zephyrine"), std::string("900456")}) {
        CAPTURE(needle);
        CHECK(sent.find(needle) == std::string::npos);          // every byte the kiosk sent
        CHECK(from_hub.find(needle) == std::string::npos);      // what the hub gives out
        CHECK(files_holding(f.data_dir(), needle).empty());     // what the hub keeps
        CHECK(files_holding(f.dir / "kiosk", needle).empty());  // everything in the kiosk's data folder
    }
}
