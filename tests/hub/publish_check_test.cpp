// Publishing: `lantern content publish` and the hub offer kiosks only signed packs the content library can read.
#include <doctest/doctest.h>

#include <SQLiteCpp/Database.h>
#include <httplib.h>

#include <cstdlib>
#include <random>

#include "hub/store/hub_store.h"
#include "tests/fixture_pack.h"
#include "tests/hub/hub_fixture.h"
#include "tests/read_file.h"

using namespace lantern;
using test::HubFixture;

namespace {

httplib::Result post_pack(int port, const std::string& admin_token, const std::string& bytes,
                          const std::string& version, const sync::SecretBytes& key) {
    auto sig = sync::sign_pack(version, sync::sha256_hex(bytes), key);
    httplib::Client c("127.0.0.1", port);
    c.set_read_timeout(10);
    return c.Post("/api/v1/content",
                  {{"Authorization", "Bearer " + admin_token},
                   {"X-Lantern-Version", version},
                   {"X-Lantern-Signature", sync::to_base64(sig)}},
                  bytes, "application/octet-stream");
}

std::string random_bytes(std::size_t n) {
    std::mt19937 rng(42);
    std::string s(n, '\0');
    for (auto& c : s) c = static_cast<char>(rng());
    return s;
}

// Runs `lantern ARGS`; returns the exit status and puts standard error in `err`.
int run_lantern(const test::TempDir& dir, const std::string& args, std::string& err) {
    auto err_file = dir / "lantern.err";
    std::string cmd = "'" LANTERN_BINARY_DIR "/hub/lantern' " + args + " > /dev/null 2> '" + err_file.string() + "'";
    int status = std::system(cmd.c_str());
    err = test::read_file(err_file);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("the hub publishes a signed sound pack and refuses a broken, a garbage or a wrongly signed one") {
    HubFixture f;
    test::TempDir packs;
    test::build_fixture_pack(packs);
    std::string good = test::read_file(packs / "pack.sqlite");
    std::filesystem::copy_file(packs / "pack.sqlite", packs / "no-pages.sqlite");
    SQLite::Database((packs / "no-pages.sqlite").string(), SQLite::OPEN_READWRITE).exec("DROP TABLE pages");
    std::string no_pages = test::read_file(packs / "no-pages.sqlite");

    auto r = post_pack(f.hub->port(), f.admin_token, no_pages, "2", f.signing_keys.secret_key);
    REQUIRE(r);
    CHECK(r->status == 422);
    std::string error = nlohmann::json::parse(r->body).value("error", "");
    CHECK(error.rfind("pack refused: ", 0) == 0);
    CHECK(error.find("no \"pages\" table") != std::string::npos);
    CHECK(r->body.find(f.data_dir().string()) == std::string::npos);  // no server paths in the answer

    r = post_pack(f.hub->port(), f.admin_token, random_bytes(50 * 1024), "3", f.signing_keys.secret_key);
    REQUIRE(r);
    CHECK(r->status == 422);

    r = post_pack(f.hub->port(), f.admin_token, good, "4", sync::generate_signing_keys().secret_key);
    REQUIRE(r);
    CHECK(r->status == 422);
    CHECK(r->body.find("signature") != std::string::npos);

    // Nothing refused was offered to kiosks, and no file was left behind.
    httplib::Client c("127.0.0.1", f.hub->port());
    auto m = c.Get("/api/v1/content/manifest", {{"Authorization", "Bearer " + f.kiosk_tokens.at("k1")}});
    REQUIRE(m);
    CHECK(m->status == 404);
    CHECK(std::filesystem::is_empty(f.data_dir() / "packs"));

    r = post_pack(f.hub->port(), f.admin_token, good, "5", f.signing_keys.secret_key);
    REQUIRE(r);
    CHECK(r->status == 201);
    m = c.Get("/api/v1/content/manifest", {{"Authorization", "Bearer " + f.kiosk_tokens.at("k1")}});
    REQUIRE(m);
    CHECK(m->status == 200);
    CHECK(m->body.find("\"version\":\"5\"") != std::string::npos);
}

TEST_CASE("a hub without content_public_key publishes nothing") {
    test::TempDir dir;
    std::string admin;
    {
        std::filesystem::create_directories(dir / "hub");
        admin = hub::open_store("", dir / "hub")->create_admin_token("tests");
    }
    test::HubProcess hub(LANTERN_BINARY_DIR "/hub/lantern-hub", dir / "hub");
    test::TempDir packs;
    test::build_fixture_pack(packs);
    auto r = post_pack(hub.port(), admin, test::read_file(packs / "pack.sqlite"), "2",
                       sync::generate_signing_keys().secret_key);
    REQUIRE(r);
    CHECK(r->status == 403);
    CHECK(r->body.find("content_public_key") != std::string::npos);
}

TEST_CASE("lantern content publish refuses an unsigned pack and a file that is not a pack, before uploading") {
    HubFixture f;
    test::TempDir packs;
    test::build_fixture_pack(packs);
    std::string err;
    std::string hub_args = " --hub " + f.hub->url() + " --token " + f.admin_token;

    CHECK(run_lantern(packs, "content publish '" + (packs / "pack.sqlite").string() + "'" + hub_args, err) != 0);
    CHECK(err.find("is not signed") != std::string::npos);

    // Garbage with a signature file that is right for it: still refused, by the pack check.
    std::string garbage = random_bytes(4096);
    std::ofstream(packs / "garbage.sqlite", std::ios::binary) << garbage;
    auto sig = sync::sign_pack("2", sync::sha256_hex(garbage), f.signing_keys.secret_key);
    std::ofstream(packs / "garbage.sqlite.sig") << nlohmann::json{
        {"version", "2"},
        {"sha256", sync::sha256_hex(garbage)},
        {"signature", sync::to_base64(sig)}}.dump();
    CHECK(run_lantern(packs, "content publish '" + (packs / "garbage.sqlite").string() + "'" + hub_args, err) != 0);
    CHECK(err.find("garbage.sqlite") != std::string::npos);
    CHECK(f.hub->log().find("/api/v1/content ") == std::string::npos);  // nothing reached the hub

    // `lantern content sign` will not sign it either.
    auto key = packs / "content-signing.key";
    sync::write_key_file(key, f.signing_keys.secret_key.bytes());
    CHECK(run_lantern(packs,
                      "content sign '" + (packs / "garbage.sqlite").string() + "' --key '" + key.string() +
                          "' --content-version 3",
                      err) != 0);
    CHECK(err.find("garbage.sqlite") != std::string::npos);
}
