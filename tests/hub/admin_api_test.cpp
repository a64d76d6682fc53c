// The admin API's types (hub/shared/admin_api.h): a round trip through to_json and the parser changes nothing,
// and every parser refuses each missing or mistyped field with a message naming the route and the field.
#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <vector>

#include "hub/shared/admin_api.h"

using namespace lantern;
using namespace lantern::hub;
using nlohmann::json;

namespace {

sync::Heartbeat heartbeat() {
    sync::Heartbeat h;
    h.app_version = "0.1.0";
    h.pack_version = "7";
    h.outbox_depth = 2;
    h.refused = 1;
    h.last_success = "2026-12-01T09:00:00Z";
    h.last_error = "hub unreachable";
    h.usage = {{"page_views", 12}, {"visits", 3}};
    h.pack_fault = "pack 8 failed its check";
    return h;
}

api::ReferralsPage page() {
    api::ReferralRow a{1,
                       "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f",
                       "k1",
                       "ACDEFHJK",
                       "2026-12-01T10:00:00Z",
                       "3",
                       sync::Bytes(64, 7),
                       {{"money", "housing"}, "adult", "HMP Example", "2026-12-01"},
                       "2026-12-01T10:00:01Z",
                       ""};
    api::ReferralRow b = a;
    b.seq = 4;
    b.id = "0d1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f";
    b.exported_at = "2026-12-02T08:00:00Z";
    // An interest request in a family service: the same row, its summary of another kind.
    api::ReferralRow c = a;
    c.seq = 6;
    c.id = "1e1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f";
    c.form_version = "interest-1";
    c.summary = {{}, "adult", "HMP Example", "2026-12-01", "interest", "family-days"};
    return {{a, b, c}, 6};
}

api::Report report() {
    return {5,
            {{"HMP Example", "2026-12", "housing", std::nullopt}, {"HMP Example", "2026-12", "money", 12}},
            {{"HMP Example", "2026-12", "visits", 40}, {"HMP Example", "2026-12", "search_nothing:debt", std::nullopt}},
            {{"HMP Example", "2026-12", "family-days", 7}, {"HMP Example", "2026-12", "homework-club", std::nullopt}}};
}

api::KiosksAnswer kiosks() {
    sync::Heartbeat quiet;
    quiet.app_version = "0.1.0";
    return {{{"k1", "2026-12-01T10:00:00Z", heartbeat()}, {"k2", "2026-12-01T11:00:00Z", quiet}}};
}

// A value of another JSON type than `v`'s.
json mistyped(const json& v) {
    if (v.is_string()) return 12345;
    if (v.is_number()) return "12";
    if (v.is_boolean()) return "yes";
    if (v.is_null()) return "none";
    if (v.is_array()) return "a list";
    return json::array();
}

struct Case {
    std::string route;
    std::function<std::string(const std::string&)> parse;  // the error, or "" when it parsed
    json good;
    std::vector<std::vector<std::string>> objects;  // paths to objects whose every field is checked; "0" indexes
};

json& at(json& j, const std::vector<std::string>& path) {
    json* cur = &j;
    for (const auto& p : path) cur = cur->is_array() ? &(*cur)[std::stoul(p)] : &(*cur)[p];
    return *cur;
}

template <class T>
std::function<std::string(const std::string&)> error_of(Result<T> (*parse)(std::string_view)) {
    return [parse](const std::string& body) {
        auto r = parse(body);
        return r ? std::string() : r.error().message;
    };
}

// Every field of every listed object, left out and then given the wrong type: an error naming route and field.
void check_every_field(const Case& c) {
    REQUIRE(c.parse(c.good.dump()) == "");
    for (const auto& path : c.objects) {
        json original = c.good;
        for (auto it = at(original, path).begin(); it != at(original, path).end(); ++it) {
            const std::string key = it.key();
            CAPTURE(c.route);
            CAPTURE(key);
            json missing = c.good;
            at(missing, path).erase(key);
            std::string error = c.parse(missing.dump());
            CHECK(error.rfind(c.route + ": ", 0) == 0);
            CHECK(error.find("\"" + key + "\"") != std::string::npos);
            json wrong = c.good;
            at(wrong, path)[key] = mistyped(at(wrong, path)[key]);
            error = c.parse(wrong.dump());
            CHECK(error.rfind(c.route + ": ", 0) == 0);
            CHECK((error.find("\"" + key + "\"") != std::string::npos || error.find(key + ":") != std::string::npos));
        }
    }
    // Not JSON, or not an object: refused, naming the route.
    CHECK(c.parse("<html>Sign in to the wifi</html>").rfind(c.route + ": ", 0) == 0);
    CHECK(c.parse("[]").rfind(c.route + ": ", 0) == 0);
}

}  // namespace

TEST_CASE("each admin answer survives to_json and its parser unchanged") {
    auto p = api::parse_referrals_page(api::to_json(page()).dump());
    REQUIRE(p);
    CHECK(p.value() == page());
    auto r = api::parse_report(api::to_json(report()).dump());
    REQUIRE(r);
    CHECK(r.value() == report());
    auto k = api::parse_kiosks_answer(api::to_json(kiosks()).dump());
    REQUIRE(k);
    CHECK(k.value() == kiosks());
    auto m = api::parse_exported_answer(api::to_json(api::ExportedAnswer{17}).dump());
    REQUIRE(m);
    CHECK(m.value().marked == 17);
    api::ExportedRequest ids{{"6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f", "0d1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f"}};
    auto q = api::parse_exported_request(api::to_json(ids).dump());
    REQUIRE(q);
    CHECK(q.value() == ids);
    api::ReferralsPage empty{{}, 9};
    CHECK(api::parse_referrals_page(api::to_json(empty).dump()).value() == empty);
    auto n = api::parse_notices_answer(api::to_json(api::NoticesAnswer{20261202093000, 3}).dump());
    REQUIRE(n);
    CHECK(n.value() == api::NoticesAnswer{20261202093000, 3});
}

TEST_CASE("the referrals query and the publish headers survive their writer and their parser") {
    for (const api::ReferralsQuery& q : {api::ReferralsQuery{}, api::ReferralsQuery{42, 1000, true}}) {
        std::multimap<std::string, std::string> params;
        std::string text = api::to_query(q);
        for (std::size_t start = 0; start < text.size();) {
            std::size_t amp = text.find('&', start);
            std::string pair = text.substr(start, amp == std::string::npos ? std::string::npos : amp - start);
            params.emplace(pair.substr(0, pair.find('=')), pair.substr(pair.find('=') + 1));
            start = amp == std::string::npos ? text.size() : amp + 1;
        }
        auto parsed = api::parse_referrals_query(params);
        REQUIRE(parsed);
        CHECK(parsed.value() == q);
    }
    api::PublishHeaders h{"2026.12.1", sync::Bytes(64, 3)};
    auto headers = api::to_headers(h);
    auto parsed = api::parse_publish_headers(headers.at("X-Lantern-Version"), headers.at("X-Lantern-Signature"));
    REQUIRE(parsed);
    CHECK(parsed.value() == h);
}

TEST_CASE("every admin answer parser refuses a missing or mistyped field, naming the route and the field") {
    check_every_field(
        {"GET /api/v1/referrals", error_of(api::parse_referrals_page), api::to_json(page()), {{}, {"referrals", "0"}}});
    check_every_field({"GET /api/v1/report",
                       error_of(api::parse_report),
                       api::to_json(report()),
                       {{}, {"rows", "0"}, {"rows", "1"}}});
    check_every_field(
        {"GET /api/v1/kiosks", error_of(api::parse_kiosks_answer), api::to_json(kiosks()), {{}, {"kiosks", "0"}}});
    check_every_field({"POST /api/v1/referrals/exported",
                       error_of(api::parse_exported_answer),
                       api::to_json(api::ExportedAnswer{3}),
                       {{}}});
    check_every_field({"POST /api/v1/referrals/exported",
                       error_of(api::parse_exported_request),
                       api::to_json(api::ExportedRequest{{"6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f"}}),
                       {{}}});
    sync::Manifest m{"7", std::string(64, 'a'), 4096, sync::to_base64(sync::Bytes(64, 1)),
                     "/api/v1/content/packs/" + std::string(64, 'a')};
    check_every_field({"POST /api/v1/content", error_of(api::parse_publish_answer), sync::to_json(m), {{}}});
    check_every_field(
        {"POST /api/v1/notices", error_of(api::parse_notices_answer), api::to_json(api::NoticesAnswer{4, 2}), {{}}});
    CHECK_FALSE(api::parse_notices_answer(R"({"version": 0, "notices": 1})"));
    CHECK_FALSE(api::parse_notices_answer(R"({"version": 4, "notices": 101})"));
}

TEST_CASE("a nested object's own fields are checked too, and named") {
    json j = api::to_json(page());
    j["referrals"][1]["summary"].erase("audience");
    auto p = api::parse_referrals_page(j.dump());
    REQUIRE_FALSE(p);
    CHECK(p.error().message == "GET /api/v1/referrals: referrals[1]: summary: missing \"audience\"");

    json k = api::to_json(kiosks());
    k["kiosks"][0]["heartbeat"]["outbox_depth"] = "two";
    auto a = api::parse_kiosks_answer(k.dump());
    REQUIRE_FALSE(a);
    CHECK(a.error().message == "GET /api/v1/kiosks: kiosks[0]: heartbeat: \"outbox_depth\" must be an integer");
}

TEST_CASE("the report's suppression is checked: a small count shown, or a count with \"suppressed\", is refused") {
    json j = api::to_json(report());
    j["rows"][1]["count"] = 3;  // under suppressed_below, yet shown
    auto r = api::parse_report(j.dump());
    REQUIRE_FALSE(r);
    CHECK(r.error().message.find("rows[1]: \"count\" is under \"suppressed_below\"") != std::string::npos);
    j = api::to_json(report());
    j["rows"][0]["count"] = 2;  // suppressed, yet a count
    r = api::parse_report(j.dump());
    REQUIRE_FALSE(r);
    CHECK(r.error().message.find("rows[0]: \"count\" must be null") != std::string::npos);
    // The usage figures by the same rule.
    j = api::to_json(report());
    j["usage"][1]["count"] = 4;
    j["usage"][1]["suppressed"] = false;
    r = api::parse_report(j.dump());
    REQUIRE_FALSE(r);
    CHECK(r.error().message.find("usage[1]: \"count\" is under \"suppressed_below\"") != std::string::npos);
    j = api::to_json(report());
    j["usage"][0]["name"] = "Sam Smith";
    r = api::parse_report(j.dump());
    REQUIRE_FALSE(r);
    CHECK(r.error().message == "GET /api/v1/report: usage[0]: \"name\" is not a usage figure's name");
}

TEST_CASE("values are checked, not just types, and an error never echoes what it refused") {
    json j = api::to_json(page());
    j["referrals"][0]["kiosk"] = "Sam Smith 07700 900123";
    auto p = api::parse_referrals_page(j.dump());
    REQUIRE_FALSE(p);
    CHECK(p.error().message == "GET /api/v1/referrals: referrals[0]: \"kiosk\" is not a kiosk name");
    j = api::to_json(page());
    j["referrals"][1]["seq"] = 1;  // not after the first row's
    CHECK_FALSE(api::parse_referrals_page(j.dump()));
    j = api::to_json(page());
    j["referrals"][0]["sealed"] = "not base64!";
    CHECK_FALSE(api::parse_referrals_page(j.dump()));
    j = api::to_json(page());
    j["next_after"] = -1;
    CHECK_FALSE(api::parse_referrals_page(j.dump()));
    j = api::to_json(report());
    j["rows"][0]["month"] = "December";
    CHECK(api::parse_report(j.dump()).error().message == "GET /api/v1/report: rows[0]: \"month\" must be YYYY-MM");
    CHECK_FALSE(api::parse_exported_answer(R"({"marked": 1001})"));
    CHECK_FALSE(api::parse_exported_answer(R"({"marked": 18446744073709551615})"));
}

TEST_CASE("the export request refuses unknown fields, too many ids and anything but referral UUIDs") {
    std::string id = "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f";
    CHECK(api::parse_exported_request(json{{"ids", {id}}, {"all", true}}.dump()).error().message ==
          "POST /api/v1/referrals/exported: unknown field");
    CHECK(api::parse_exported_request(json{{"ids", std::vector<std::string>(1001, id)}}.dump()).error().message ==
          "POST /api/v1/referrals/exported: \"ids\" has too many entries");
    CHECK(
        api::parse_exported_request(json{{"ids", {id, "Robert'); DROP TABLE referrals;--"}}}.dump()).error().message ==
        "POST /api/v1/referrals/exported: ids[1] must be a referral UUID");
    CHECK(api::parse_exported_request(json{{"ids", std::vector<std::string>(1000, id)}}.dump()));
}

TEST_CASE("the referrals query refuses unknown, repeated and malformed parameters") {
    using P = std::multimap<std::string, std::string>;
    CHECK(api::parse_referrals_query(P{}).value() == api::ReferralsQuery{});
    CHECK_FALSE(api::parse_referrals_query(P{{"limit", "0"}}));
    CHECK_FALSE(api::parse_referrals_query(P{{"limit", "1001"}}));
    CHECK_FALSE(api::parse_referrals_query(P{{"after", "-1"}}));
    CHECK_FALSE(api::parse_referrals_query(P{{"after", "1"}, {"after", "2"}}));
    CHECK_FALSE(api::parse_referrals_query(P{{"include_exported", "yes"}}));
    CHECK(api::parse_referrals_query(P{{"sort", "id"}}).error().message ==
          "GET /api/v1/referrals: unknown parameter (it takes after, limit and include_exported)");
}

TEST_CASE("the publish headers: a version and a base64 Ed25519 signature, each named when wrong") {
    std::string sig = sync::to_base64(sync::Bytes(64, 1));
    CHECK(api::parse_publish_headers("", sig).error().message ==
          "POST /api/v1/content: missing the X-Lantern-Version header");
    CHECK(api::parse_publish_headers("7", "").error().message ==
          "POST /api/v1/content: missing the X-Lantern-Signature header");
    CHECK(api::parse_publish_headers("7", sync::to_base64(sync::Bytes(10, 1)))
              .error()
              .message.find("X-Lantern-Signature") != std::string::npos);
    CHECK(api::parse_publish_headers("7\"", sig).error().message.find("X-Lantern-Version") != std::string::npos);
    CHECK(api::parse_publish_headers(std::string(65, '1'), sig).error().message.find("X-Lantern-Version") !=
          std::string::npos);
}

TEST_CASE("an error answer is read only in the hub's shape") {
    CHECK(api::parse_error_answer(R"({"error": "missing or wrong token"})").value() == "missing or wrong token");
    CHECK_FALSE(api::parse_error_answer("<html>502 Bad Gateway</html>"));
    CHECK_FALSE(api::parse_error_answer(R"({"error": 5})"));
}

TEST_CASE("a referrals page keeps an interest request's kind and service, and refuses a bad one by name") {
    auto p = api::parse_referrals_page(api::to_json(page()).dump());
    REQUIRE(p);
    CHECK(p.value().referrals[2].summary.kind == "interest");
    CHECK(p.value().referrals[2].summary.service == "family-days");
    CHECK(p.value().referrals[0].summary.kind == "referral");

    json j = api::to_json(page());
    j["referrals"][2]["summary"]["service"] = "Sam Smith";
    auto bad = api::parse_referrals_page(j.dump());
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message.find("referrals[2]: summary:") != std::string::npos);
    CHECK(bad.error().message.find("Sam") == std::string::npos);
    j = api::to_json(page());
    j["referrals"][0]["summary"]["kind"] = "gossip";
    CHECK_FALSE(api::parse_referrals_page(j.dump()));
}

TEST_CASE("the report's interest rows are suppressed by the same rule and name a family service's id") {
    json j = api::to_json(report());
    CHECK(j["interest"][1]["suppressed"] == true);
    j["interest"][0]["count"] = 2;  // a small count shown could point at a family
    auto small = api::parse_report(j.dump());
    REQUIRE_FALSE(small);
    CHECK(small.error().message.find("interest[0]: \"count\" is under \"suppressed_below\"") != std::string::npos);
    j = api::to_json(report());
    j["interest"][0]["service"] = "Family Days!";
    CHECK_FALSE(api::parse_report(j.dump()));
    j = api::to_json(report());
    j.erase("interest");
    auto missing = api::parse_report(j.dump());
    REQUIRE_FALSE(missing);
    CHECK(missing.error().message.find("missing \"interest\"") != std::string::npos);
}
