// One contract for every hub store: each case runs against SQLite and against PostgreSQL (a throwaway cluster),
// with two store objects on the same data standing for two hub processes.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <thread>
#include <tuple>

#include "hub/shared/hub_config.h"
#include "hub/store/hub_store.h"
#include "hub/store/postgres_hub_store.h"
#include "hub/store/sqlite_hub_store.h"
#include "sync/encoding.h"
#include "tests/store/pg_cluster.h"
#include "tests/temp_dir.h"

using namespace lantern;
using json = nlohmann::json;

namespace {

struct SqliteStores {
    static constexpr const char* name = "SQLite";
    test::TempDir dir;
    bool available(std::string&) { return true; }
    std::unique_ptr<hub::HubStore> open() { return hub::open_store("", dir.path()); }
};

struct PostgresStores {
    static constexpr const char* name = "PostgreSQL";
    std::string uri;
    bool available(std::string& reason) {
        auto* cluster = test::PgCluster::shared(reason);
        if (!cluster) return false;
        if (uri.empty()) uri = cluster->create_database();
        return true;
    }
    std::unique_ptr<hub::HubStore> open() { return hub::open_store(uri, {}); }
};

// Skips the case (saying why) when the engine is not installed.
#define NEED_STORE(stores)                                              \
    do {                                                                \
        std::string why_not;                                            \
        if (!(stores).available(why_not)) {                             \
            MESSAGE("skipped on " << (stores).name << ": " << why_not); \
            return;                                                     \
        }                                                               \
    } while (false)

sync::ReferralPost post(const std::string& id, const std::string& centre = "HMP Example",
                        std::vector<std::string> needs = {"money"}, const std::string& date = "2026-11-25") {
    sync::ReferralPost p;
    p.id = id;
    p.kiosk = "k1";
    p.reference = "ABC-123";
    p.created = "2026-11-25T10:00:00Z";
    p.form_version = "3";
    p.sealed = {0, 1, 2, 0, 255, 254, 'x', 0};  // zero bytes and high bytes survive the round trip
    p.summary = {std::move(needs), "adult", centre, date};
    return p;
}

std::string hash_of(const sync::ReferralPost& p) { return sync::sha256_hex(sync::to_json(p).dump()); }

hub::StoredReferral store(hub::HubStore& s, const sync::ReferralPost& p) { return s.store_referral(p, hash_of(p)); }

bool is_utc_iso(const std::string& t) { return std::regex_match(t, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")); }

}  // namespace

TEST_CASE_TEMPLATE("store: kiosk and admin tokens are issued, checked, renewed and refused", S, SqliteStores,
                   PostgresStores) {
    S stores;
    NEED_STORE(stores);
    auto s = stores.open();
    std::string t1 = s->enrol_kiosk("k1");
    CHECK(t1.starts_with("lk_"));
    CHECK(s->kiosk_for_token(t1) == "k1");
    auto other = stores.open();  // another hub on the same data sees it
    CHECK(other->kiosk_for_token(t1) == "k1");
    std::string t2 = s->enrol_kiosk("k1");  // renewal: the old token stops working
    CHECK(t2 != t1);
    CHECK_FALSE(s->kiosk_for_token(t1));
    CHECK(other->kiosk_for_token(t2) == "k1");
    CHECK_THROWS_AS(s->enrol_kiosk("bad name!"), std::invalid_argument);
    CHECK_THROWS_AS(s->enrol_kiosk(""), std::invalid_argument);

    std::string admin = s->create_admin_token("ops");
    CHECK(admin.starts_with("la_"));
    CHECK(other->is_admin_token(admin));
    CHECK_FALSE(s->is_admin_token(t2));  // a kiosk token is not an admin token
    CHECK_FALSE(s->kiosk_for_token(admin));
    CHECK_FALSE(s->is_admin_token(""));
    CHECK_FALSE(s->is_admin_token(std::string(201, 'a')));
    CHECK_FALSE(s->kiosk_for_token("lk_not-a-token"));
}

TEST_CASE_TEMPLATE("store: a referral is stored once; a retry gets the same receipt, a changed body 409", S,
                   SqliteStores, PostgresStores) {
    S stores;
    NEED_STORE(stores);
    auto s = stores.open();
    auto p = post(sync::new_uuid_v4());
    auto first = store(*s, p);
    CHECK(first.outcome == hub::StoreOutcome::created);
    CHECK(first.receipt.id == p.id);
    CHECK(is_utc_iso(first.receipt.received_at));

    auto again = store(*stores.open(), p);  // a retry that lands on another hub
    CHECK(again.outcome == hub::StoreOutcome::duplicate);
    CHECK(again.receipt == first.receipt);

    auto changed = p;
    changed.summary.needs = {"housing"};
    CHECK(store(*s, changed).outcome == hub::StoreOutcome::conflict);
    auto other_kiosk = p;
    other_kiosk.kiosk = "k2";
    CHECK(store(*s, other_kiosk).outcome == hub::StoreOutcome::conflict);
    CHECK(s->referral_count() == 1);

    auto rows = s->referrals_after(0, 10, false);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].id == p.id);
    CHECK(rows[0].kiosk == "k1");
    CHECK(rows[0].reference == p.reference);
    CHECK(rows[0].created == p.created);
    CHECK(rows[0].form_version == p.form_version);
    CHECK(rows[0].sealed == p.sealed);
    CHECK(json::parse(rows[0].summary_json) == sync::to_json(p.summary));
    CHECK(rows[0].received_at == first.receipt.received_at);
    CHECK(rows[0].exported_at.empty());
}

TEST_CASE_TEMPLATE("store: the same referral from many threads on two store objects is stored exactly once", S,
                   SqliteStores, PostgresStores) {
    S stores;
    NEED_STORE(stores);
    auto a = stores.open();
    auto b = stores.open();
    for (int round = 0; round < 5; ++round) {
        auto p = post(sync::new_uuid_v4());
        auto changed = p;
        changed.reference = "XYZ-999";
        std::atomic<int> created{0}, duplicate{0}, conflict{0}, errors{0};
        std::vector<std::thread> threads;
        for (int i = 0; i < 8; ++i)
            threads.emplace_back([&, i] {
                try {
                    auto r = store(i % 2 ? *a : *b, p);
                    (r.outcome == hub::StoreOutcome::created     ? created
                     : r.outcome == hub::StoreOutcome::duplicate ? duplicate
                                                                 : conflict)++;
                } catch (...) {
                    errors++;
                }
            });
        for (auto& t : threads) t.join();
        CHECK(created == 1);
        CHECK(duplicate == 7);
        CHECK(conflict == 0);
        CHECK(errors == 0);
        CHECK(store(*b, changed).outcome == hub::StoreOutcome::conflict);
    }
    CHECK(a->referral_count() == 5);
}

TEST_CASE_TEMPLATE("store: referrals_after pages in seq order and leaves out exported ones unless asked", S,
                   SqliteStores, PostgresStores) {
    S stores;
    NEED_STORE(stores);
    auto s = stores.open();
    std::vector<std::string> ids;
    for (int i = 0; i < 5; ++i) {
        ids.push_back(sync::new_uuid_v4());
        store(*s, post(ids.back()));
    }
    auto all = s->referrals_after(0, 100, false);
    REQUIRE(all.size() == 5);
    for (int i = 0; i < 5; ++i) CHECK(all[static_cast<std::size_t>(i)].id == ids[static_cast<std::size_t>(i)]);
    for (std::size_t i = 1; i < all.size(); ++i) CHECK(all[i].seq > all[i - 1].seq);
    auto page = s->referrals_after(all[1].seq, 2, false);
    REQUIRE(page.size() == 2);
    CHECK(page[0].id == ids[2]);
    CHECK(page[1].id == ids[3]);

    CHECK(s->mark_exported({ids[0], ids[2]}) == 2);
    auto unexported = s->referrals_after(0, 100, false);
    REQUIRE(unexported.size() == 3);
    CHECK(unexported[0].id == ids[1]);
    auto with_exported = s->referrals_after(0, 100, true);
    REQUIRE(with_exported.size() == 5);
    CHECK(is_utc_iso(with_exported[0].exported_at));
    CHECK(with_exported[1].exported_at.empty());
}

TEST_CASE_TEMPLATE("store: mark_exported marks each referral once, even with two exports at once", S, SqliteStores,
                   PostgresStores) {
    S stores;
    NEED_STORE(stores);
    auto s = stores.open();
    std::vector<std::string> ids;
    for (int i = 0; i < 60; ++i) {
        ids.push_back(sync::new_uuid_v4());
        store(*s, post(ids.back()));
    }
    CHECK(s->mark_exported({}) == 0);
    CHECK(s->mark_exported({sync::new_uuid_v4()}) == 0);  // unknown: nothing
    CHECK(s->mark_exported({ids[0]}) == 1);
    CHECK(s->mark_exported({ids[0]}) == 0);  // already exported

    // Two exporters (two store objects) mark the same 59 at the same moment, four times over.
    std::vector<std::string> rest(ids.begin() + 1, ids.end());
    auto a = stores.open();
    auto b = stores.open();
    std::atomic<int> marked{0}, errors{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 4; ++i)
        threads.emplace_back([&, i] {
            try {
                // Opposite orders: the exports must not deadlock, nor fail, nor both count a row.
                auto mine = rest;
                if (i % 2) std::reverse(mine.begin(), mine.end());
                marked += (i % 2 ? *a : *b).mark_exported(mine);
            } catch (...) {
                errors++;
            }
        });
    for (auto& t : threads) t.join();
    CHECK(errors == 0);
    CHECK(marked == 59);
    CHECK(s->referrals_after(0, 100, false).empty());
}

TEST_CASE_TEMPLATE("store: retention purges only the answers of referrals exported before the cutoff", S, SqliteStores,
                   PostgresStores) {
    S stores;
    NEED_STORE(stores);
    auto s = stores.open();
    auto kept = post(sync::new_uuid_v4()), exported = post(sync::new_uuid_v4());
    store(*s, kept);
    auto receipt = store(*s, exported).receipt;
    CHECK(s->purge_exported_before("2999-01-01T00:00:00Z") == 0);  // nothing exported: nothing purged
    CHECK(s->mark_exported({exported.id}) == 1);
    CHECK(s->purge_exported_before("2000-01-01T00:00:00Z") == 0);  // exported after the cutoff
    CHECK(stores.open()->purge_exported_before("2999-01-01T00:00:00Z") == 1);
    CHECK(s->purge_exported_before("2999-01-01T00:00:00Z") == 0);  // once
    auto rows = s->referrals_after(0, 10, true);
    REQUIRE(rows.size() == 1);  // the purged one is no longer offered
    CHECK(rows[0].id == kept.id);
    CHECK(rows[0].sealed == kept.sealed);
    CHECK(s->referral_count() == 2);  // the row stays
    // A late retry of the purged referral is still a duplicate with its first receipt, not a new row or a 409.
    auto retry = store(*s, exported);
    CHECK(retry.outcome == hub::StoreOutcome::duplicate);
    CHECK(retry.receipt == receipt);
    // The anonymised report still counts it.
    std::int64_t money = 0;
    for (const auto& c : s->need_counts()) money += c.need == "money" ? c.count : 0;
    CHECK(money == 2);
}

TEST_CASE_TEMPLATE("store: need counts group by centre, month and need, in byte order", S, SqliteStores,
                   PostgresStores) {
    S stores;
    NEED_STORE(stores);
    auto s = stores.open();
    store(*s, post(sync::new_uuid_v4(), "HMP b", {"money", "housing"}, "2026-11-02"));
    store(*s, post(sync::new_uuid_v4(), "HMP b", {"money"}, "2026-11-30"));
    store(*s, post(sync::new_uuid_v4(), "HMP B", {"money"}, "2026-12-01"));
    store(*s, post(sync::new_uuid_v4(), "HMP a", {"z-need", "A-need"}, "2026-11-02"));
    auto counts = s->need_counts();
    std::vector<std::tuple<std::string, std::string, std::string, std::int64_t>> got;
    for (const auto& c : counts) got.emplace_back(c.centre, c.month, c.need, c.count);
    // Byte order: "B" (0x42) before "a" (0x61) before "b"; a locale's order would put "HMP a" first.
    decltype(got) want = {{"HMP B", "2026-12", "money", 1},
                          {"HMP a", "2026-11", "A-need", 1},
                          {"HMP a", "2026-11", "z-need", 1},
                          {"HMP b", "2026-11", "housing", 1},
                          {"HMP b", "2026-11", "money", 2}};
    CHECK(got == want);
}

TEST_CASE_TEMPLATE("store: interest requests count per centre, month and family service, never as needs", S,
                   SqliteStores, PostgresStores) {
    S stores;
    NEED_STORE(stores);
    auto s = stores.open();
    auto interest = [](const std::string& centre, const std::string& service, const std::string& date) {
        sync::ReferralPost p = post(sync::new_uuid_v4(), centre, {}, date);
        p.form_version = "interest-1";
        p.summary.kind = sync::k_kind_interest;
        p.summary.service = service;
        return p;
    };
    store(*s, interest("HMP b", "family-days", "2026-11-02"));
    store(*s, interest("HMP b", "family-days", "2026-11-30"));
    store(*s, interest("HMP b", "homework-club", "2026-11-30"));
    store(*s, interest("HMP B", "family-days", "2026-12-01"));
    store(*s, post(sync::new_uuid_v4(), "HMP b", {"money"}, "2026-11-02"));  // a referral: not an interest
    std::vector<std::tuple<std::string, std::string, std::string, std::int64_t>> got;
    for (const auto& c : s->interest_counts()) got.emplace_back(c.centre, c.month, c.service, c.count);
    decltype(got) want = {{"HMP B", "2026-12", "family-days", 1},
                          {"HMP b", "2026-11", "family-days", 2},
                          {"HMP b", "2026-11", "homework-club", 1}};
    CHECK(got == want);
    auto needs = s->need_counts();
    REQUIRE(needs.size() == 1);
    CHECK(needs[0].need == "money");
    // The stored summary keeps its kind for export.
    auto rows = s->referrals_after(0, 10, true);
    REQUIRE(rows.size() == 5);
    CHECK(json::parse(rows[0].summary_json)["kind"] == "interest");
    CHECK_FALSE(json::parse(rows[4].summary_json).contains("kind"));
}

TEST_CASE_TEMPLATE("store: packs are published only in rising version order, and found by hash", S, SqliteStores,
                   PostgresStores) {
    S stores;
    NEED_STORE(stores);
    auto s = stores.open();
    CHECK_FALSE(s->latest_pack());
    std::string sha1(64, 'a'), sha2(64, 'b'), sha3(64, 'c');
    CHECK(s->add_pack({sha1, "2026.11.01-1", "sig1", 100, ""}));
    CHECK(s->add_pack({sha2, "2026.11.02-1", "sig2", 200, ""}));
    CHECK_FALSE(s->add_pack({sha3, "2026.11.01-2", "sig3", 300, ""}));              // older than the latest
    CHECK_FALSE(stores.open()->add_pack({sha3, "2026.11.02-1", "sig3", 300, ""}));  // equal
    auto latest = stores.open()->latest_pack();
    REQUIRE(latest);
    CHECK(latest->sha256 == sha2);
    CHECK(latest->version == "2026.11.02-1");
    CHECK(latest->signature == "sig2");
    CHECK(latest->size == 200);
    CHECK(is_utc_iso(latest->published_at));
    auto first = s->find_pack(sha1);
    REQUIRE(first);
    CHECK(first->version == "2026.11.01-1");
    CHECK(first->size == 100);
    CHECK_FALSE(s->find_pack(sha3));

    // Two publishers at once with different versions: whatever the order, the latest is the highest version.
    auto a = stores.open();
    auto b = stores.open();
    std::thread ta([&] { a->add_pack({std::string(64, 'd'), "2026.12.01-1", "d", 1, ""}); });
    std::thread tb([&] { b->add_pack({std::string(64, 'e'), "2026.12.02-1", "e", 1, ""}); });
    ta.join();
    tb.join();
    CHECK(s->latest_pack()->version == "2026.12.02-1");
}

TEST_CASE_TEMPLATE("store: notices documents are published only in rising version order; the latest is served", S,
                   SqliteStores, PostgresStores) {
    S stores;
    NEED_STORE(stores);
    auto s = stores.open();
    CHECK_FALSE(s->latest_notices());
    CHECK(s->add_notices({3, R"({"version":3,"notices":[]})", "c2lnMw==", ""}));
    CHECK(s->add_notices({20261202093000, R"({"version":20261202093000,"notices":[]})", "c2lnNA==", ""}));
    CHECK_FALSE(s->add_notices({5, "{}", "x", ""}));                           // older than the latest
    CHECK_FALSE(stores.open()->add_notices({20261202093000, "{}", "x", ""}));  // equal, from another hub
    auto latest = stores.open()->latest_notices();
    REQUIRE(latest);
    CHECK(latest->version == 20261202093000);
    CHECK(latest->document == R"({"version":20261202093000,"notices":[]})");  // the exact signed text
    CHECK(latest->signature == "c2lnNA==");
    CHECK(is_utc_iso(latest->published_at));

    // Two publishers at once: whatever the order, the latest is the highest version.
    auto a = stores.open();
    auto b = stores.open();
    std::thread ta([&] { a->add_notices({20261203000000, "a", "a", ""}); });
    std::thread tb([&] { b->add_notices({20261204000000, "b", "b", ""}); });
    ta.join();
    tb.join();
    CHECK(s->latest_notices()->version == 20261204000000);
}

TEST_CASE_TEMPLATE("store: each kiosk's latest heartbeat is kept, listed in byte order", S, SqliteStores,
                   PostgresStores) {
    S stores;
    NEED_STORE(stores);
    auto s = stores.open();
    CHECK(s->heartbeats().empty());
    s->record_heartbeat("k2", R"({"app_version":"1.0","queued":3})");
    s->record_heartbeat("K9", R"({"app_version":"1.0"})");
    stores.open()->record_heartbeat("k2", R"({"app_version":"1.1","queued":0})");
    auto beats = s->heartbeats();
    REQUIRE(beats.size() == 2);
    CHECK(beats[0].kiosk == "K9");
    CHECK(beats[1].kiosk == "k2");
    CHECK(json::parse(beats[1].json) == json{{"app_version", "1.1"}, {"queued", 0}});
    CHECK(is_utc_iso(beats[1].received_at));
}

TEST_CASE_TEMPLATE(
    "store: usage figures are kept per kiosk and day, a day sent again replaces it, sums are by centre "
    "and month in byte order",
    S, SqliteStores, PostgresStores) {
    S stores;
    NEED_STORE(stores);
    auto s = stores.open();
    CHECK(s->usage_counts().empty());
    s->record_usage("k1", {{"2026-11-30", "HMP B", {{"visits", 4}, {"page:first-visit", 2}}},
                           {"2026-12-01", "HMP B", {{"visits", 1}}}});
    s->record_usage("k2", {{"2026-11-02", "HMP B", {{"visits", 3}}}, {"2026-11-02", "HMP A", {{"visits", 9}}}});
    // The same day again, from another store object (another hub): replaced, never added to.
    stores.open()->record_usage("k1", {{"2026-11-30", "HMP B", {{"visits", 6}, {"form_sent", 1}}}});
    s->record_usage("k1", {});  // nothing to keep: nothing changes
    auto rows = s->usage_counts();
    std::vector<std::tuple<std::string, std::string, std::string, std::int64_t>> got;
    for (const auto& r : rows) got.emplace_back(r.centre, r.month, r.name, r.count);
    // k2's second 2026-11-02 replaced its first (HMP B -> HMP A); k1's 2026-11-30 lost page:first-visit.
    CHECK(got == decltype(got){{"HMP A", "2026-11", "visits", 9},
                               {"HMP B", "2026-11", "form_sent", 1},
                               {"HMP B", "2026-11", "visits", 6},
                               {"HMP B", "2026-12", "visits", 1}});
}

TEST_CASE_TEMPLATE("store: what one store object wrote, a store opened later reads", S, SqliteStores, PostgresStores) {
    S stores;
    NEED_STORE(stores);
    std::string token;
    auto p = post(sync::new_uuid_v4());
    {
        auto s = stores.open();
        token = s->enrol_kiosk("k1");
        store(*s, p);
    }
    auto s = stores.open();  // and migrating an up-to-date store again changes nothing
    CHECK(s->kiosk_for_token(token) == "k1");
    CHECK(s->referral_count() == 1);
    CHECK(store(*s, p).outcome == hub::StoreOutcome::duplicate);
}

TEST_CASE("store: an unknown store setting and an unreachable PostgreSQL are clear errors") {
    test::TempDir dir;
    CHECK_THROWS_WITH_AS(hub::open_store("mysql://x", dir.path()), doctest::Contains("postgresql://"),
                         std::runtime_error);
    hub::HubConfig config;
    CHECK_THROWS_WITH_AS(hub::load_config_file(dir.write_file("hub.toml", "store = \"mysql://secret@x\"\n"), config),
                         doctest::Contains("postgresql://"), std::runtime_error);
    try {
        hub::load_config_file(dir / "hub.toml", config);
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()).find("secret") == std::string::npos);  // a password is never echoed
    }
    hub::load_config_file(dir.write_file("pg.toml", "store = \"postgresql://db.example.org/lantern\"\n"), config);
    CHECK(config.store == "postgresql://db.example.org/lantern");
    // A socket folder with no server in it: refused at once.
    CHECK_THROWS_WITH_AS(hub::open_store("postgresql:///x?host=" + dir.path().string() + "&port=1", {}),
                         doctest::Contains("cannot connect to the PostgreSQL store"), std::runtime_error);
}

TEST_CASE("store: a PostgreSQL store written by a newer Lantern is refused and left unchanged") {
    PostgresStores stores;
    NEED_STORE(stores);
    stores.open();
    PGconn* c = PQconnectdb(stores.uri.c_str());
    REQUIRE(PQstatus(c) == CONNECTION_OK);
    PQclear(PQexec(c, "INSERT INTO lantern_schema (version) VALUES (99)"));
    CHECK_THROWS_WITH_AS(stores.open(), doctest::Contains("newer Lantern"), std::runtime_error);
    PGresult* r = PQexec(c, "SELECT max(version) FROM lantern_schema");
    CHECK(std::string(PQgetvalue(r, 0, 0)) == "99");
    PQclear(r);
    PQfinish(c);
    CHECK(hub::postgres_store_schema_version() == 3);  // 3: notices from the hub
}
