// The hub's files under the usual umask 022: its store and folders are the hub user's alone.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <cstdlib>
#include <fstream>

#include "tests/hub/hub_process.h"
#include "tests/temp_dir.h"

using namespace lantern;

namespace {

int mode_of(const std::filesystem::path& p) {
    struct stat st {};
    REQUIRE_MESSAGE(::stat(p.c_str(), &st) == 0, p.string());
    return static_cast<int>(st.st_mode & 07777);
}

// Restores the test process's umask however the test ends.
struct Umask {
    explicit Umask(mode_t m) : old(::umask(m)) {}
    ~Umask() { ::umask(old); }
    mode_t old;
};

}  // namespace

TEST_CASE("under umask 022 the hub's data folders are 0700 and hub.sqlite, -wal and -shm are 0600") {
    Umask umask(022);
    test::TempDir dir;
    auto data = dir / "hub";
    std::filesystem::create_directories(data);
    std::ofstream(data / "hub.sqlite").close();  // as an older hub left it: 0644
    REQUIRE(mode_of(data / "hub.sqlite") == 0644);
    REQUIRE(mode_of(data) == 0755);

    test::HubProcess hub(LANTERN_BINARY_DIR "/hub/lantern-hub", data);
    // `lantern admin-token -o FILE` writes the token 0600, as README tells the operator to.
    std::string cmd = "'" LANTERN_BINARY_DIR "/hub/lantern' admin-token --data '" + data.string() + "' -o '" +
                      (dir / "admin-token").string() + "' > /dev/null";
    REQUIRE(std::system(cmd.c_str()) == 0);
    CHECK(mode_of(dir / "admin-token") == 0600);
    std::ifstream token(dir / "admin-token");
    std::string line;
    std::getline(token, line);
    CHECK(line.size() > 20);

    CHECK(mode_of(data) == 0700);
    CHECK(mode_of(data / "packs") == 0700);
    for (const char* name : {"hub.sqlite", "hub.sqlite-wal", "hub.sqlite-shm"}) {
        CAPTURE(name);
        CHECK(mode_of(data / name) == 0600);
    }
}
