// systemd's notify protocol, as systemd would see it: a datagram socket set as NOTIFY_SOCKET, the real kiosk
// (on the tests' X display) and the real hub sending READY=1 and WATCHDOG=1 to it.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>

#include "tests/temp_dir.h"

namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
const std::filesystem::path k_build = LANTERN_BINARY_DIR;
const std::filesystem::path k_source = LANTERN_SOURCE_DIR;

// The socket systemd listens on for a service's notifications.
class NotifySocket {
   public:
    explicit NotifySocket(const std::filesystem::path& path) : path_(path) {
        fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", path.c_str());
        REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    }
    ~NotifySocket() { ::close(fd_); }

    // The messages that arrive within `wait` (each may hold several lines).
    std::vector<std::string> receive_for(Clock::duration wait) {
        std::vector<std::string> out;
        auto deadline = Clock::now() + wait;
        while (Clock::now() < deadline) {
            pollfd p{fd_, POLLIN, 0};
            auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
            if (::poll(&p, 1, static_cast<int>(std::max<long long>(left, 1))) <= 0) continue;
            char buf[4096];
            auto n = ::recv(fd_, buf, sizeof buf, 0);
            if (n > 0) out.emplace_back(buf, static_cast<std::size_t>(n));
        }
        return out;
    }

    // Waits up to `wait` for a message holding `line`; the messages seen before it go to `before`.
    bool wait_for(const std::string& line, Clock::duration wait, std::vector<std::string>* before = nullptr) {
        auto deadline = Clock::now() + wait;
        while (Clock::now() < deadline) {
            pollfd p{fd_, POLLIN, 0};
            if (::poll(&p, 1, 100) <= 0) continue;
            char buf[4096];
            auto n = ::recv(fd_, buf, sizeof buf, 0);
            if (n <= 0) continue;
            std::string msg(buf, static_cast<std::size_t>(n));
            if (msg.find(line) != std::string::npos) return true;
            if (before) before->push_back(msg);
        }
        return false;
    }

    std::string path() const { return path_.string(); }

   private:
    std::filesystem::path path_;
    int fd_ = -1;
};

int count(const std::vector<std::string>& messages, const std::string& line) {
    int n = 0;
    for (const auto& m : messages) n += m.find(line) != std::string::npos;
    return n;
}

// A child process with extra environment; killed (SIGKILL) when the test ends.
class Child {
   public:
    Child(std::vector<std::string> args, const std::vector<std::pair<std::string, std::string>>& env,
          const std::filesystem::path& log, int* stdout_pipe = nullptr) {
        int out[2] = {-1, -1};
        if (stdout_pipe) REQUIRE(::pipe(out) == 0);
        pid_ = ::fork();
        REQUIRE(pid_ >= 0);
        if (pid_ == 0) {
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            for (const auto& [k, v] : env) ::setenv(k.c_str(), v.c_str(), 1);
            int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
            ::dup2(fd, 2);
            ::dup2(stdout_pipe ? out[1] : fd, 1);
            std::vector<char*> argv;
            for (auto& a : args) argv.push_back(a.data());
            argv.push_back(nullptr);
            ::execv(argv[0], argv.data());
            ::_exit(127);
        }
        if (stdout_pipe) {
            ::close(out[1]);
            *stdout_pipe = out[0];
        }
    }
    ~Child() { kill(SIGKILL); }
    bool alive() const { return pid_ > 0 && ::waitpid(pid_, nullptr, WNOHANG) == 0; }
    // Sends `sig` and waits; the exit code, or 128 + the signal.
    int kill(int sig) {
        if (pid_ <= 0) return -1;
        ::kill(pid_, sig);
        int status = 0;
        ::waitpid(pid_, &status, 0);
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }

   private:
    pid_t pid_ = -1;
};

}  // namespace

TEST_CASE("the kiosk says READY=1 after its first frame, pets the watchdog while idle, and stops when its loop hangs") {
    if (!std::getenv("DISPLAY")) {
        MESSAGE("no DISPLAY: run through scripts/test.sh, which starts Xvfb");
        return;
    }
    lantern::test::TempDir dir;
    auto pack = dir / "pack.sqlite";
    std::string build = (k_build / "hub/lantern").string() + " content build " +
                        (k_source / "tests/fixtures/content").string() + " -o " + pack.string() + " >/dev/null";
    REQUIRE(std::system(build.c_str()) == 0);
    NotifySocket sock(dir / "notify.sock");
    auto hang_file = dir / "hang";
    // WATCHDOG_USEC 1 s: a pet every half second at most, so an idle kiosk must wake by itself to send it.
    Child kiosk({(k_build / "kiosk/lantern-kiosk").string(), "--pack", pack.string(), "--size", "800x600", "--audience",
                 "adult"},
                {{"NOTIFY_SOCKET", sock.path()}, {"WATCHDOG_USEC", "1000000"}, {"LANTERN_TEST_HANG_FILE", hang_file}},
                dir / "kiosk.log");

    std::vector<std::string> before_ready;
    REQUIRE_MESSAGE(sock.wait_for("READY=1", 90s, &before_ready), "no READY=1; kiosk log: " << (dir / "kiosk.log"));
    // Idle on an adult home screen (nothing animates): only the watchdog's timeout wakes the loop.
    auto idle = sock.receive_for(3s);
    int pets = count(idle, "WATCHDOG=1");
    MESSAGE("WATCHDOG=1 in 3 s while idle: " << pets);
    CHECK(pets >= 2);   // one each half second, less frame time: 3 s would hold 4 to 6
    CHECK(pets <= 13);  // rate-limited: not one per frame

    std::ofstream(hang_file) << "hang";
    sock.receive_for(1500ms);  // a pet already on its way may still arrive
    auto hung = sock.receive_for(3s);
    CHECK(count(hung, "WATCHDOG=1") == 0);
    CHECK(kiosk.alive());  // hung, not gone: only the watchdog would end it
}

TEST_CASE("under cage, as the kiosk unit runs it, the kiosk draws through Xwayland, says READY=1 and pets for cage") {
    // cage refuses to run as root; the test runs it as nobody, with wlroots' headless backend (no GPU, no seat).
    bool have = ::geteuid() == 0 && std::filesystem::exists("/usr/bin/cage") &&
                std::filesystem::exists("/usr/bin/Xwayland") && std::filesystem::exists("/usr/bin/setpriv");
    if (!have) {
        MESSAGE("skipped: needs root, cage, Xwayland and setpriv (scripts/setup.sh installs them)");
        return;
    }
    lantern::test::TempDir dir;
    auto pack = dir / "pack.sqlite";
    std::string build = (k_build / "hub/lantern").string() + " content build " +
                        (k_source / "tests/fixtures/content").string() + " -o " + pack.string() + " >/dev/null";
    REQUIRE(std::system(build.c_str()) == 0);
    std::filesystem::permissions(dir.path(), std::filesystem::perms::all);  // nobody (the kiosk) reads and writes here
    auto xdg = dir / "xdg";
    std::filesystem::create_directories(xdg);
    REQUIRE(::chown(xdg.c_str(), 65534, 65534) == 0);
    std::filesystem::permissions(xdg, std::filesystem::perms::owner_all);
    NotifySocket sock(dir / "notify.sock");
    std::filesystem::permissions(dir / "notify.sock", std::filesystem::perms::all);
    // As systemd would start it: WATCHDOG_PID is cage's pid (sh's, kept by exec), the kiosk is cage's child.
    std::string inner = "export WATCHDOG_PID=$$; exec cage -d -- " + (k_build / "kiosk/lantern-kiosk").string() +
                        " --pack " + pack.string() + " --fullscreen --audience adult --open first-visit";
    Child cage({"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "/bin/sh", "-c", inner},
               {{"NOTIFY_SOCKET", sock.path()},
                {"WATCHDOG_USEC", "1000000"},
                {"XDG_RUNTIME_DIR", xdg.string()},
                {"HOME", dir.path().string()},
                {"WLR_BACKENDS", "headless"},
                {"WLR_LIBINPUT_NO_DEVICES", "1"},
                {"WLR_RENDERER", "pixman"},
                {"ASAN_OPTIONS", "detect_leaks=0"}},
               dir / "cage.log");
    REQUIRE_MESSAGE(sock.wait_for("READY=1", 90s), "no READY=1 from the kiosk under cage: " << (dir / "cage.log"));
    auto pets = count(sock.receive_for(3s), "WATCHDOG=1");
    MESSAGE("WATCHDOG=1 in 3 s under cage: " << pets);
    CHECK(pets >= 2);
    // SIGTERM, as systemd stops the unit. wlroots leaves Xwayland's lock file and socket behind when cage
    // stops this way; remove those of this test's (nobody's) dead Xwayland so runs do not pile them up.
    cage.kill(SIGTERM);
    for (const auto& entry : std::filesystem::directory_iterator("/tmp")) {
        std::string name = entry.path().filename().string();
        struct stat st {};
        if (name.rfind(".X", 0) != 0 || name.size() < 8 || name.substr(name.size() - 5) != "-lock") continue;
        if (::stat(entry.path().c_str(), &st) != 0 || st.st_uid != 65534) continue;
        std::string display = name.substr(2, name.size() - 7);
        std::ifstream lock(entry.path());
        long pid = 0;
        lock >> pid;
        if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) == 0) continue;  // still alive: not ours to touch
        std::filesystem::remove(entry.path());
        std::string socket = "/tmp/.X11-unix/X" + display;
        if (::stat(socket.c_str(), &st) == 0 && st.st_uid == 65534) std::filesystem::remove(socket);
    }
}

TEST_CASE("the hub says READY=1 once it answers on its socket, WATCHDOG=1 while it does, and STOPPING=1 on SIGTERM") {
    lantern::test::TempDir dir;
    NotifySocket sock(dir / "notify.sock");
    int out = -1;
    Child hub({(k_build / "hub/lantern-hub").string(), "--listen", "127.0.0.1:0", "--data", (dir / "data").string()},
              {{"NOTIFY_SOCKET", sock.path()}, {"WATCHDOG_USEC", "1000000"}}, dir / "hub.log", &out);
    std::string line;
    auto deadline = Clock::now() + 30s;
    while (line.find('\n') == std::string::npos && Clock::now() < deadline) {
        pollfd p{out, POLLIN, 0};
        if (::poll(&p, 1, 200) > 0) {
            char buf[256];
            auto n = ::read(out, buf, sizeof buf);
            if (n <= 0) break;
            line.append(buf, static_cast<std::size_t>(n));
        }
    }
    ::close(out);
    REQUIRE(line.find("listening") != std::string::npos);
    int port = std::stoi(line.substr(line.rfind(':') + 1));

    REQUIRE(sock.wait_for("READY=1", 30s));
    httplib::Client client("127.0.0.1", port);
    auto health = client.Get("/api/v1/health");
    REQUIRE(health);
    CHECK(health->status == 200);
    auto alive = sock.receive_for(3s);
    MESSAGE("hub WATCHDOG=1 in 3 s: " << count(alive, "WATCHDOG=1"));
    CHECK(count(alive, "WATCHDOG=1") >= 3);

    CHECK(hub.kill(SIGTERM) == 0);
    CHECK(count(sock.receive_for(500ms), "STOPPING=1") == 1);
}
