// How the client classifies answers: only the hub's receipt for the id is a delivery.
#include <doctest/doctest.h>

#include "sync/hub_client.h"

using namespace lantern::sync;

TEST_CASE("only a JSON receipt naming the id counts as delivered") {
    std::string id = new_uuid_v4();
    std::string receipt = to_json(Receipt{id, "2024-05-01T10:00:00Z", "stored"}).dump();
    CHECK(classify_post_response(id, 201, "application/json", receipt).delivery == Delivery::delivered);
    CHECK(classify_post_response(id, 200, "application/json; charset=utf-8", receipt).delivery == Delivery::delivered);
    // Captive portal, wrong id, wrong content type: retry, never delivered.
    CHECK(classify_post_response(id, 200, "text/html", "<html>Log in to Guest WiFi</html>").delivery ==
          Delivery::retry);
    CHECK(classify_post_response(new_uuid_v4(), 200, "application/json", receipt).delivery == Delivery::retry);
    CHECK(classify_post_response(id, 200, "text/plain", receipt).delivery == Delivery::retry);
    CHECK(classify_post_response(id, 302, "text/html", "").delivery == Delivery::retry);
}

TEST_CASE("only the hub's 4xx naming this referral keeps it aside; a proxy's JSON error is retried") {
    std::string id = new_uuid_v4();
    std::string err = error_body("bad", id);
    CHECK(classify_post_response(id, 409, "application/json", err).delivery == Delivery::refused);
    CHECK(classify_post_response(id, 400, "application/json", err).delivery == Delivery::refused);
    CHECK(classify_post_response(id, 413, "application/json", err).delivery == Delivery::refused);
    CHECK(classify_post_response(id, 400, "text/html", "<h1>Bad</h1>").delivery == Delivery::retry);
    // A middlebox's JSON error, or one naming another referral, says nothing about this one.
    for (long s : {400L, 409L, 413L, 422L}) {
        CHECK(classify_post_response(id, s, "application/json", error_body("bad")).delivery == Delivery::retry);
        CHECK(classify_post_response(id, s, "application/json", error_body("bad", new_uuid_v4())).delivery ==
              Delivery::retry);
        CHECK(classify_post_response(id, s, "application/json", R"({"error":"x","id":5})").delivery == Delivery::retry);
    }
    for (long s : {401L, 403L, 404L, 408L, 429L, 500L, 502L, 503L, 504L})
        CHECK(classify_post_response(id, s, "application/json", err).delivery == Delivery::retry);
}

TEST_CASE("an unreachable hub is a retry with a network error") {
    HubClientOptions o;
    o.base_url = "http://127.0.0.1:1";
    o.connect_timeout_ms = 500;
    o.request_timeout_ms = 1000;
    HubClient client(o);
    ReferralPost post{new_uuid_v4(),
                      "k",
                      "ACDEFHJK",
                      utc_now_iso(),
                      "1",
                      Bytes(64, 1),
                      ReferralSummary{{}, "adult", "c", "2024-05-01"}};
    auto out = client.post_referral(post);
    CHECK(out.delivery == Delivery::retry);
    CHECK(out.error.rfind("network:", 0) == 0);
}
