// Routing in the export: referrals delivered to a real hub, exported by `lantern referrals export --services`,
// each carrying the directory's services for its needs and its centre's area.
#include <doctest/doctest.h>

#include <cstdlib>

#include <nlohmann/json.hpp>

#include "tests/hub/hub_fixture.h"
#include "tests/read_file.h"

using namespace lantern;
using namespace std::chrono_literals;
using json = nlohmann::json;
using test::HubFixture;
using test::wait_until;

namespace {

const char* const k_directory = R"([
  {"id": "national-money", "name": "National Money Line", "phone": "0808 157 0100", "needs": ["money-debt"],
   "areas": ["national"]},
  {"id": "cardiff-money", "name": "Cardiff Money", "phone": "01632 960100", "needs": ["money-debt", "housing"],
   "areas": ["Cardiff"]},
  {"id": "swansea-housing", "name": "Swansea Housing", "website": "https://housing.example.org",
   "needs": ["housing"], "areas": ["Swansea"]}
])";

int run(const std::string& args) {
    std::string cmd = "'" LANTERN_BINARY_DIR "/hub/lantern' referrals export " + args + " 2>/dev/null";
    int status = std::system(cmd.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Three referrals from two centres reach the hub through the real sync worker.
void deliver(HubFixture& f) {
    sync::OutboxStore outbox(f.dir / "outbox.sqlite");
    outbox.submit(f.referral(R"({"answers": {}})", "HMP Cardiff", {"money-debt", "housing"}));
    outbox.submit(f.referral(R"({"answers": {}})", "HMP Swansea", {"housing"}));
    outbox.submit(f.referral(R"({"answers": {}})", "HMP Swansea", {"drugs-alcohol"}));
    sync::SyncWorker worker(outbox, f.worker_options(f.hub->url()));
    worker.start();
    REQUIRE(wait_until([&] { return outbox.depth().delivered == 3; }, 15s));
    worker.stop();
}

}  // namespace

TEST_CASE("each exported referral suggests the directory's services for its needs and its centre's area") {
    HubFixture f;
    sync::write_key_file(f.dir / "referral.key", f.referral_keys.secret_key.bytes());
    f.dir.write_file("services.json", k_directory);
    deliver(f);

    std::string common = "--hub " + f.hub->url() + " --token " + f.admin_token + " --key '" +
                         (f.dir / "referral.key").string() + "' --services '" + (f.dir / "services.json").string() +
                         "' --area 'HMP Cardiff=Cardiff' --area 'HMP Swansea=Swansea' --no-mark";
    REQUIRE(run(common + " --format json -o '" + (f.dir / "out.json").string() + "'") == 0);
    auto exported = json::parse(test::read_file(f.dir / "out.json"));
    REQUIRE(exported.size() == 3);
    std::map<std::string, json> by_needs;
    for (const auto& r : exported) by_needs[r["summary"]["needs"].dump()] = r["suggested"];

    const json& cardiff = by_needs[R"(["money-debt","housing"])"];
    REQUIRE(cardiff.size() == 2);
    CHECK(cardiff[0]["id"] == "cardiff-money");  // local first
    CHECK(cardiff[0]["phone"] == "01632 960100");
    CHECK(cardiff[0]["for"] == json::array({"money-debt", "housing"}));
    CHECK(cardiff[1]["id"] == "national-money");

    const json& swansea = by_needs[R"(["housing"])"];
    REQUIRE(swansea.size() == 1);
    CHECK(swansea[0]["id"] == "swansea-housing");  // never Cardiff's, though it helps with housing too
    CHECK(by_needs[R"(["drugs-alcohol"])"] == json::array());

    REQUIRE(run(common + " --format csv -o '" + (f.dir / "out.csv").string() + "'") == 0);
    std::string csv = test::read_file(f.dir / "out.csv");
    CHECK(csv.rfind("id,reference,kiosk,created,received_at,form_version,centre,date,needs,kind,service,suggested",
                    0) == 0);
    CHECK(csv.find("\"Cardiff Money (01632 960100); National Money Line (0808 157 0100)\"") != std::string::npos);
    CHECK(csv.find("\"Swansea Housing (https://housing.example.org)\"") != std::string::npos);
    CHECK(csv.find("\"none in the directory for these needs and area\"") != std::string::npos);
}

TEST_CASE("an export given a directory that is not one fails before anything is fetched or marked") {
    HubFixture f;
    sync::write_key_file(f.dir / "referral.key", f.referral_keys.secret_key.bytes());
    f.dir.write_file("bad.json", "{\"not\": \"a list\"}");
    deliver(f);
    std::string common = "--hub " + f.hub->url() + " --token " + f.admin_token + " --key '" +
                         (f.dir / "referral.key").string() + "' --format json";
    CHECK(run(common + " --services '" + (f.dir / "bad.json").string() + "' -o '" + (f.dir / "bad-out.json").string() +
              "'") != 0);
    CHECK_FALSE(std::filesystem::exists(f.dir / "bad-out.json"));
    // Nothing was marked: a plain export still has all three, without suggestions.
    REQUIRE(run(common + " -o '" + (f.dir / "out.json").string() + "'") == 0);
    auto exported = json::parse(test::read_file(f.dir / "out.json"));
    CHECK(exported.size() == 3);
    CHECK_FALSE(exported[0].contains("suggested"));
}
