// `lantern services import` as staff run it: from the fixture feed file and from a loopback Open Referral UK
// API (paginated /services, details from /services/{id}); a failed import leaves services.json byte for byte.
#include <doctest/doctest.h>
#include <httplib.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include <nlohmann/json.hpp>

#include "tests/read_file.h"
#include "tests/temp_dir.h"

using json = nlohmann::json;
using lantern::test::read_file;
using lantern::test::TempDir;

namespace {

const std::filesystem::path source_dir = LANTERN_SOURCE_DIR;
const std::string k_hand_written =
    R"([{"id": "samaritans", "name": "Samaritans", "phone": "116 123", "needs": ["mental-health"], "areas": ["national"]}])";

struct Run {
    int status = -1;
    std::string out, err;
};

const std::string shipped_map = (source_dir / "assets/oruk/taxonomy-needs.json").string();

Run import(const TempDir& dir, const std::string& args, const std::string& map = shipped_map) {
    std::string cmd = "'" LANTERN_BINARY_DIR "/hub/lantern' services import --map '" + map + "' --services '" +
                      (dir / "services.json").string() + "' " + args + " >'" + (dir / "out.txt").string() + "' 2>'" +
                      (dir / "err.txt").string() + "'";
    int status = std::system(cmd.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_file(dir / "out.txt"), read_file(dir / "err.txt")};
}

std::vector<std::string> ids_in(const std::filesystem::path& services) {
    std::vector<std::string> out;
    for (const auto& s : json::parse(read_file(services))) out.push_back(s["id"]);
    return out;
}

int files_in(const TempDir& dir) {
    int n = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path())) ++n;
    return n;
}

const std::string fixture = (source_dir / "tests/content/fixtures/oruk_feed.json").string();

}  // namespace

TEST_CASE("an import from the fixture file keeps hand-written services and adds the centre's, naming the rest") {
    TempDir dir;
    dir.write_file("services.json", k_hand_written);
    Run r = import(dir, "--file '" + fixture + "' --area Cardiff --area 'Vale of Glamorgan'");
    CHECK(r.status == 0);
    CHECK(r.out.find("read 12 services: 3 local and 1 national kept; 2 outside the area") != std::string::npos);
    CHECK(ids_in(dir / "services.json") ==
          std::vector<std::string>{
              "samaritans", "oruk-6a1f0c2e-0001-4c11-8a01-000000000001", "oruk-6a1f0c2e-0002-4c11-8a01-000000000002",
              "oruk-6a1f0c2e-0004-4c11-8a01-000000000004", "oruk-6a1f0c2e-0011-4c11-8a01-000000000011"});
    CHECK(r.err.find(R"("Broken Phones Service"): malformed: "phones" is not a list)") != std::string::npos);
    CHECK(r.err.find("service 9: malformed: not an object") != std::string::npos);

    // Again with a narrower area: last time's imports are replaced, not piled up.
    r = import(dir, "--file '" + fixture + "' --area Swansea");
    CHECK(r.status == 0);
    CHECK(ids_in(dir / "services.json") == std::vector<std::string>{"samaritans",
                                                                    "oruk-6a1f0c2e-0003-4c11-8a01-000000000003",
                                                                    "oruk-6a1f0c2e-0004-4c11-8a01-000000000004"});
}

TEST_CASE("a failed import leaves services.json exactly as it was and no file beside it") {
    TempDir dir;
    dir.write_file("services.json", k_hand_written);
    dir.write_file("bad.json", "{\"contents\": [");
    dir.write_file("map.json", "{\"terms\": 3}");
    dir.write_file("empty.json", R"({"contents": [42, {"id": "x"}]})");
    const int before = files_in(dir);

    struct Case {
        std::string args, expected, map = shipped_map;
    };
    const Case cases[] = {
        {"--file '" + (dir / "bad.json").string() + "' --area Cardiff", "the feed is not valid JSON"},
        {"--file '" + (dir / "empty.json").string() + "' --area Cardiff",
         "no service in the feed serves these areas or is national"},
        {"--file '" + (dir / "missing.json").string() + "' --area Cardiff", "cannot read the feed"},
        {"--url http://127.0.0.1:1/api --area Cardiff", "http://127.0.0.1:1/api/services?page=1"},
        {"--file '" + fixture + "' --area Cardiff", "taxonomy map: must be", (dir / "map.json").string()},
    };
    for (const auto& c : cases) {
        INFO(c.args);
        Run r = import(dir, c.args, c.map);
        CHECK(r.status == 1);
        CHECK_MESSAGE(r.err.find(c.expected) != std::string::npos, r.err);
        CHECK(r.err.find("was left as it was") != std::string::npos);
        CHECK(read_file(dir / "services.json") == k_hand_written);
        CHECK(files_in(dir) == before + 2);  // out.txt and err.txt only
    }

    // A services file that is not a list is never overwritten, even by a good feed.
    dir.write_file("services.json", "{\"oops\": true}");
    Run r = import(dir, "--file '" + fixture + "' --area Cardiff");
    CHECK(r.status == 1);
    CHECK(r.err.find("the services file is not a JSON list") != std::string::npos);
    CHECK(read_file(dir / "services.json") == "{\"oops\": true}");
}

TEST_CASE("an import from an Open Referral UK API pages through /services and reads each service in full") {
    // The fixture's services over two pages; the list gives only each service's own fields (as the API
    // reference allows), so areas, phones and taxonomy come only from /services/{id}.
    auto feed = json::parse(read_file(fixture))["contents"];
    std::vector<json> pages(2);
    std::map<std::string, json> full;
    for (std::size_t i = 0; i < feed.size(); ++i) {
        json summary = feed[i];
        if (summary.is_object()) {
            for (const char* child : {"phones", "service_areas", "service_at_locations", "attributes", "schedules",
                                      "languages", "contacts", "service_taxonomys", "regular_schedules"})
                summary.erase(child);
            if (feed[i].contains("id") && feed[i]["id"].is_string() && !full.count(feed[i]["id"]))
                full[feed[i]["id"]] = feed[i];
        }
        pages[i < 6 ? 0 : 1].push_back(summary);
    }
    const std::string failing = "6a1f0c2e-0003-4c11-8a01-000000000003";  // Swansea: its details fail

    httplib::Server api;
    std::atomic<int> detail_calls{0};
    api.Get("/v3/services", [&](const httplib::Request& req, httplib::Response& res) {
        int page = std::atoi(req.get_param_value("page").c_str());
        if (page < 1 || page > 2) {
            res.status = 404;
            return;
        }
        json body = {{"total_items", feed.size()},
                     {"total_pages", 2},
                     {"page_number", page},
                     {"size", pages[page - 1].size()},
                     {"first_page", page == 1},
                     {"last_page", page == 2},
                     {"empty", false},
                     {"contents", pages[page - 1]}};
        res.set_content(body.dump(), "application/json");
    });
    api.Get(R"(/v3/services/([^/]+))", [&](const httplib::Request& req, httplib::Response& res) {
        ++detail_calls;
        std::string id = req.matches[1];
        if (id == failing || !full.count(id)) {
            res.status = 500;
            return;
        }
        res.set_content(full[id].dump(), "application/json");
    });
    int port = api.bind_to_any_port("127.0.0.1");
    std::thread t([&] { api.listen_after_bind(); });
    while (!api.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(5));

    TempDir dir;
    dir.write_file("services.json", k_hand_written);
    Run r = import(dir, "--url http://127.0.0.1:" + std::to_string(port) + "/v3/ --area Cardiff --area Swansea");
    api.stop();
    t.join();

    CHECK_MESSAGE(r.status == 0, r.err);
    CHECK(detail_calls == 11);  // every list item with an id (the duplicate too)
    CHECK(ids_in(dir / "services.json") == std::vector<std::string>{"samaritans",
                                                                    "oruk-6a1f0c2e-0001-4c11-8a01-000000000001",
                                                                    "oruk-6a1f0c2e-0002-4c11-8a01-000000000002",
                                                                    "oruk-6a1f0c2e-0004-4c11-8a01-000000000004"});
    auto services = json::parse(read_file(dir / "services.json"));
    CHECK(services[1]["phone"] == "01632 960001");  // only in the details
    CHECK(services[1]["opening_times"] == "Monday, Tuesday and Wednesday, 09:30 to 16:00");
    // Swansea's details failed: named, and with no area or need in its summary it is not imported.
    CHECK(r.err.find("note: service \"" + failing + "\": its details could not be read (HTTP 500)") !=
          std::string::npos);
}
