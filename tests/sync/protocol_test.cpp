// Wire protocol parsing: good bodies round trip, hostile ones are refused with a reason.
#include <doctest/doctest.h>

#include <functional>

#include "sync/protocol.h"

using namespace lantern::sync;
using nlohmann::json;

namespace {
ReferralPost sample_post() {
    return {new_uuid_v4(),
            "kiosk-1",
            "ACDEFHJK",
            "2024-05-01T10:00:00Z",
            "3",
            Bytes(64, 7),
            ReferralSummary{{"money", "travel"}, "adult", "HMP Example", "2024-05-01"}};
}
}  // namespace

TEST_CASE("a referral post round trips through JSON") {
    auto post = sample_post();
    auto parsed = parse_referral_post(to_json(post).dump());
    REQUIRE_MESSAGE(parsed, parsed.error);
    CHECK(*parsed.value == post);
}

TEST_CASE("hostile referral bodies are refused with a reason") {
    auto good = to_json(sample_post());
    auto with = [&](const char* key, json value) {
        json j = good;
        j[key] = std::move(value);
        return j.dump();
    };
    std::vector<std::string> bad = {
        "",
        "null",
        "[]",
        "{",
        "\"string\"",
        std::string(10000, '['),
        with("id", "1; DROP TABLE referrals; --"),
        with("id", 42),
        with("kiosk", "' OR '1'='1"),
        with("kiosk", ""),
        with("reference", "AAAA-BBBB"),
        with("created", "yesterday"),
        with("form_version", std::string(1000, 'x')),
        with("sealed", "not base64!"),
        with("sealed", ""),
        with("sealed", json::array()),
        with("summary", "x"),
        with("summary", json{{"needs", {"money"}},
                             {"audience", "adult"},
                             {"centre", "c"},
                             {"date", "2024-05-01"},
                             {"name", "Sam Smith"}}),
        with("summary", json{{"needs", {"Sam Smith"}}, {"audience", "adult"}, {"centre", "c"}, {"date", "2024-05-01"}}),
        with("summary", json{{"needs", json::array()}, {"audience", "boss"}, {"centre", "c"}, {"date", "2024-05-01"}}),
        with("summary", json{{"needs", json::array()}, {"audience", "adult"}, {"centre", "c"}, {"date", "2024-13-01"}}),
        with("extra", "field"),
    };
    json missing = good;
    missing.erase("sealed");
    bad.push_back(missing.dump());
    for (const auto& body : bad) {
        auto parsed = parse_referral_post(body);
        CHECK_FALSE(parsed);
        CHECK_FALSE(parsed.error.empty());
        // Errors name fields; they never echo the values sent.
        CHECK(parsed.error.find("Sam") == std::string::npos);
        CHECK(parsed.error.find("DROP") == std::string::npos);
    }
}

TEST_CASE("a receipt must name an id, a time and status stored") {
    std::string id = new_uuid_v4();
    auto ok = parse_receipt(to_json(Receipt{id, "2024-05-01T10:00:00Z", "stored"}).dump());
    REQUIRE(ok);
    CHECK(ok.value->id == id);
    CHECK_FALSE(parse_receipt("<html><body>Welcome to Guest WiFi</body></html>"));
    CHECK_FALSE(parse_receipt("{}"));
    CHECK_FALSE(parse_receipt(json{{"id", id}, {"received_at", "2024-05-01T10:00:00Z"}, {"status", "queued"}}.dump()));
    CHECK_FALSE(parse_receipt(json{{"id", 5}, {"received_at", "2024-05-01T10:00:00Z"}, {"status", "stored"}}.dump()));
}

TEST_CASE("a manifest needs a SHA-256, a size, a signature and a path") {
    Manifest m{"7", sha256_hex("x"), 10, to_base64(Bytes(64, 1)), "/api/v1/content/packs/" + sha256_hex("x")};
    auto ok = parse_manifest(to_json(m).dump());
    REQUIRE(ok);
    CHECK(*ok.value == m);
    auto bad = [&](const char* key, json v) {
        json j = to_json(m);
        j[key] = std::move(v);
        return parse_manifest(j.dump());
    };
    CHECK_FALSE(bad("sha256", "abc"));
    CHECK_FALSE(bad("size", -1));
    CHECK_FALSE(bad("size", "10"));
    CHECK_FALSE(bad("signature", "AAAA"));
    CHECK_FALSE(bad("url", "http://elsewhere.example/pack"));
}

TEST_CASE("a heartbeat round trips and refuses personal-looking usage keys") {
    Heartbeat h{"0.1.0", "7", 3, 1, "2024-05-01T10:00:00Z", "HTTP 503", {{"page_views", 12}}};
    auto ok = parse_heartbeat(to_json(h).dump());
    REQUIRE(ok);
    CHECK(*ok.value == h);
    json j = to_json(h);
    j["usage"] = {{"Sam Smith", 1}};
    CHECK_FALSE(parse_heartbeat(j.dump()));
    j = to_json(h);
    j["outbox_depth"] = -4;
    CHECK_FALSE(parse_heartbeat(j.dump()));
    // The nonce the hub must answer, and a fallen-back pack's fault, round trip; a nonce is 64 hex.
    h.nonce = std::string(64, 'a');
    h.pack_fault = "content version 3 cannot be used: no \"topics\" table";
    auto with = parse_heartbeat(to_json(h).dump());
    REQUIRE(with);
    CHECK(*with.value == h);
    j = to_json(h);
    j["nonce"] = "not hex";
    CHECK_FALSE(parse_heartbeat(j.dump()));
    j = to_json(h);
    j["pack_fault"] = "bell\a";
    CHECK_FALSE(parse_heartbeat(j.dump()));
}

TEST_CASE("a heartbeat's settings round trip; every field is required and checked; older kiosks send none") {
    Heartbeat h{"0.1.0", "7", 0, 0, "", "", {}};
    CHECK_FALSE(parse_heartbeat(to_json(h).dump()).value->settings);  // an older kiosk: no settings, still fine
    h.settings = KioskSettings{120, 20, {"en", "cy"}, 70};
    auto ok = parse_heartbeat(to_json(h).dump());
    REQUIRE(ok);
    CHECK(*ok.value == h);
    auto error_with = [&](const std::string& key, json value) {
        json j = to_json(h);
        if (value.is_null()) j["settings"].erase(key);
        else j["settings"][key] = std::move(value);
        return parse_heartbeat(j.dump()).error;
    };
    CHECK(error_with("idle_seconds", nullptr) == "heartbeat: settings: missing \"idle_seconds\"");
    CHECK(error_with("idle_seconds", 4) == "heartbeat: settings: \"idle_seconds\" is out of range");
    CHECK(error_with("idle_seconds", 3601) == "heartbeat: settings: \"idle_seconds\" is out of range");
    CHECK(error_with("countdown_seconds", "20") == "heartbeat: settings: \"countdown_seconds\" must be an integer");
    CHECK(error_with("read_aloud_volume", 101) == "heartbeat: settings: \"read_aloud_volume\" is out of range");
    CHECK(error_with("languages", json::array({"en", "Sam Smith"})).find("language codes") != std::string::npos);
    CHECK(error_with("languages", "en").find("must be an array") != std::string::npos);
    CHECK(error_with("colour", "red") == "heartbeat: settings: unknown field");
}

TEST_CASE("a heartbeat says which notices document the kiosk holds; older kiosks say nothing; it is checked") {
    Heartbeat h{"0.1.0", "7", 0, 0, "", "", {}};
    CHECK_FALSE(to_json(h).contains("notices_version"));  // none held yet: as an older kiosk
    CHECK(parse_heartbeat(to_json(h).dump()).value->notices_version == 0);
    h.notices_version = 20261201;
    json j = to_json(h);
    CHECK(j["notices_version"] == 20261201);
    auto ok = parse_heartbeat(j.dump());
    REQUIRE(ok);
    CHECK(ok.value->notices_version == 20261201);
    j["notices_version"] = -1;
    CHECK(parse_heartbeat(j.dump()).error == "heartbeat: \"notices_version\" must be at least 0");
    j["notices_version"] = "3";
    CHECK(parse_heartbeat(j.dump()).error == "heartbeat: \"notices_version\" must be an integer");
}

TEST_CASE("impossible dates and times in a referral or heartbeat are refused, naming the field") {
    auto post = sample_post();
    post.summary.date = "2026-02-31";
    auto parsed = parse_referral_post(to_json(post).dump());
    CHECK_FALSE(parsed);
    CHECK(parsed.error.find("\"date\" must be a real calendar date") != std::string::npos);

    post = sample_post();
    post.created = "2026-02-29T10:00:00Z";  // 2026 is not a leap year
    parsed = parse_referral_post(to_json(post).dump());
    CHECK_FALSE(parsed);
    CHECK(parsed.error.find("\"created\"") != std::string::npos);

    post = sample_post();
    post.summary.date = "2024-02-29";
    CHECK(parse_referral_post(to_json(post).dump()));

    json hb{{"app_version", "1.0"}, {"outbox_depth", 0}, {"last_success", "2026-04-31T10:00:00Z"}};
    auto beat = parse_heartbeat(hb.dump());
    CHECK_FALSE(beat);
    CHECK(beat.error.find("\"last_success\"") != std::string::npos);
    hb["last_success"] = "2026-04-30T23:59:59Z";
    CHECK(parse_heartbeat(hb.dump()));
}

TEST_CASE("a heartbeat's usage days round trip, and bad names, counts, days and sizes are refused") {
    Heartbeat h{"0.1.0", "7", 0, 0, "", ""};
    h.usage_days = {{"2026-11-30",
                     "HMP Example",
                     {{"visits", 3}, {"visit:teen:cy", 1}, {"page:first-visit", 2}, {"search_nothing:dŵr", 1}}},
                    {"2026-12-01", "HMP Example", {{"form_step:12", 1}, {"text_size:2", 1}}}};
    auto ok = parse_heartbeat(to_json(h).dump());
    REQUIRE(ok);
    CHECK(*ok.value == h);
    auto refused = [&](const std::function<void(json&)>& change) {
        json j = to_json(h);
        change(j);
        return !parse_heartbeat(j.dump());
    };
    // Names: only usage names, and never free text, digits or signs in a search's words.
    for (const char* name :
         {"Sam Smith", "visit:adult", "visit:someone:en", "page:Bad Id", "search_nothing:07700 900456",
          "search_nothing:sam@example.org", "search_nothing:a  b", "search_nothing:a b c d e", "form_step:0",
          "form_step:51", "text_size:3", "unknown", "page:"})
        CHECK_MESSAGE(refused([&](json& j) { j["usage_days"][0]["counts"][name] = 1; }), name);
    CHECK(refused([](json& j) { j["usage_days"][0]["counts"]["visits"] = -1; }));
    CHECK(refused([](json& j) { j["usage_days"][0]["counts"]["visits"] = k_max_usage_count + 1; }));
    CHECK(refused([](json& j) { j["usage_days"][0]["counts"]["visits"] = 1.5; }));
    CHECK(refused([](json& j) { j["usage_days"][0]["day"] = "2026-02-31"; }));
    CHECK(refused([](json& j) { j["usage_days"][0]["day"] = "2026-12-01"; }));  // the same day twice
    CHECK(refused([](json& j) { j["usage_days"][0]["centre"] = ""; }));
    CHECK(refused([](json& j) { j["usage_days"][0]["visitor"] = "Sam"; }));
    CHECK(refused([](json& j) { j["usage_days"] = json::object(); }));
    CHECK(refused([](json& j) {
        for (int i = 0; i < static_cast<int>(k_max_usage_keys_per_day) + 1; ++i)
            j["usage_days"][0]["counts"]["page:p" + std::to_string(i)] = 1;
    }));
    CHECK(refused([](json& j) {
        for (int d = 10; d < 10 + static_cast<int>(k_max_usage_days_per_heartbeat); ++d)
            j["usage_days"].push_back({{"day", "2026-10-" + std::to_string(d)}, {"centre", "C"}, {"counts", {}}});
    }));
    // At the limits, accepted.
    CHECK_FALSE(refused([](json& j) {
        j["usage_days"][0]["counts"] = json::object();
        for (int i = 0; i < static_cast<int>(k_max_usage_keys_per_day); ++i)
            j["usage_days"][0]["counts"]["page:p" + std::to_string(i)] = k_max_usage_count;
    }));
}

TEST_CASE("an interest request's summary names its family service, and a referral's body is as it always was") {
    ReferralSummary interest{{}, "adult", "HMP Example", "2024-05-01", k_kind_interest, "family-days"};
    auto j = to_json(interest);
    CHECK(j["kind"] == "interest");
    CHECK(j["service"] == "family-days");
    auto parsed = parse_summary(j);
    REQUIRE_MESSAGE(parsed, parsed.error);
    CHECK(*parsed.value == interest);

    // A referral sends no "kind", so an older hub's strict parser takes a newer kiosk's referrals; an older
    // kiosk's body (no "kind") is a referral.
    ReferralSummary referral{{"money"}, "adult", "HMP Example", "2024-05-01"};
    CHECK_FALSE(to_json(referral).contains("kind"));
    CHECK_FALSE(to_json(referral).contains("service"));
    auto old =
        parse_summary(json{{"needs", {"money"}}, {"audience", "adult"}, {"centre", "c"}, {"date", "2024-05-01"}});
    REQUIRE(old);
    CHECK(old.value->kind == "referral");
    auto explicit_kind = parse_summary(json{
        {"needs", {"money"}}, {"audience", "adult"}, {"centre", "c"}, {"date", "2024-05-01"}, {"kind", "referral"}});
    REQUIRE(explicit_kind);
    CHECK(*explicit_kind.value == *old.value);
}

TEST_CASE("a summary with a bad kind or service is refused, never echoing it") {
    json base{{"needs", json::array()}, {"audience", "adult"}, {"centre", "c"}, {"date", "2024-05-01"}};
    auto with = [&](json extra) {
        json j = base;
        for (auto it = extra.begin(); it != extra.end(); ++it) j[it.key()] = it.value();
        return j;
    };
    std::vector<json> bad = {
        with({{"kind", "gossip"}}),
        with({{"kind", 3}}),
        with({{"kind", "interest"}}),                                     // no service
        with({{"kind", "interest"}, {"service", "Sam Smith 07700"}}),     // free text
        with({{"kind", "interest"}, {"service", std::string(65, 'a')}}),  // too long
        with({{"kind", "interest"}, {"service", "family-days"}, {"needs", {"money"}}}),
        with({{"service", "family-days"}}),  // a referral names no service
    };
    for (const auto& j : bad) {
        auto parsed = parse_summary(j);
        CHECK_FALSE(parsed);
        CHECK(parsed.error.find("Sam") == std::string::npos);
        CHECK(parsed.error.find("gossip") == std::string::npos);
    }
    CHECK(is_valid_service_id(std::string(64, 'a')));
    CHECK_FALSE(is_valid_service_id(""));
}
