// Starts a real lantern-hub process on 127.0.0.1 and stops it with SIGTERM. Used by the hub tests and by
// the hub benchmark (bench/hub_bench.cpp), which names the binary itself.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace lantern::test {

class HubProcess {
   public:
    // `port` 0 picks a free one. `config_toml` goes into DATA/hub.toml.
    HubProcess(std::filesystem::path binary, std::filesystem::path data_dir, int port = 0,
               const std::string& config_toml = "")
        : binary_(std::move(binary)), data_dir_(std::move(data_dir)) {
        std::filesystem::create_directories(data_dir_);
        start(port, config_toml);
    }
    ~HubProcess() { stop(); }
    HubProcess(const HubProcess&) = delete;
    HubProcess& operator=(const HubProcess&) = delete;

    int port() const { return port_; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    bool running() const { return pid_ > 0; }
    pid_t pid() const { return pid_; }
    std::filesystem::path log_path() const { return data_dir_ / "hub.log"; }
    std::string log() const {
        std::ifstream in(log_path());
        return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    }

    // SIGTERM and wait; returns the exit status (or -1 if not running). A clean stop takes well under a
    // second; a hub still running after 10 s gets SIGKILL, so a stuck hub cannot hang a test or the bench.
    int stop() {
        if (pid_ <= 0) return -1;
        ::kill(pid_, SIGTERM);
        int status = 0;
        auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        for (;;) {
            auto r = ::waitpid(pid_, &status, WNOHANG);
            if (r == pid_ || (r < 0 && errno != EINTR)) break;
            if (std::chrono::steady_clock::now() > deadline) {
                ::kill(pid_, SIGKILL);
                ::waitpid(pid_, &status, 0);
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }

    // Power loss: SIGKILL at once, no chance to finish anything. True only when the kill hit a live hub (it
    // was running and died of this SIGKILL), so a crash test cannot count kills of a hub already gone.
    bool kill_now() {
        if (pid_ <= 0) return false;
        int status = 0;
        bool alive = ::waitpid(pid_, &status, WNOHANG) == 0;  // not yet exited (and not reaped here)
        if (alive) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, &status, 0);
        }
        pid_ = -1;
        return alive && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
    }

    void restart(const std::string& config_toml = "") {
        stop();
        start(port_, config_toml);
    }

   private:
    void start(int port, const std::string& config_toml) {
        std::vector<std::string> args = {binary_.string(), "--listen", "127.0.0.1:" + std::to_string(port), "--data",
                                         data_dir_.string()};
        if (!config_toml.empty()) {
            auto cfg = data_dir_ / "hub.toml";
            std::ofstream(cfg) << config_toml;
            args.push_back("--config");
            args.push_back(cfg.string());
        }
        int out[2];
        if (::pipe(out) != 0) throw std::runtime_error("pipe failed");
        pid_ = ::fork();
        if (pid_ < 0) throw std::runtime_error("fork failed");
        if (pid_ == 0) {
            // If the parent dies (a crashed test, a timed-out bench), the hub goes too instead of lingering.
            ::prctl(PR_SET_PDEATHSIG, SIGTERM);
            ::dup2(out[1], 1);
            int log = ::open(log_path().c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
            if (log >= 0) ::dup2(log, 2);
            ::close(out[0]);
            std::vector<char*> argv;
            for (auto& a : args) argv.push_back(a.data());
            argv.push_back(nullptr);
            ::execv(argv[0], argv.data());
            ::_exit(127);
        }
        ::close(out[1]);
        // Wait for "lantern-hub listening on http://127.0.0.1:PORT".
        std::string line;
        auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (line.find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline) {
            pollfd p{out[0], POLLIN, 0};
            if (::poll(&p, 1, 200) > 0) {
                char buf[256];
                auto n = ::read(out[0], buf, sizeof buf);
                if (n <= 0) break;
                line.append(buf, static_cast<std::size_t>(n));
            }
        }
        ::close(out[0]);
        auto colon = line.rfind(':');
        if (line.find("listening") == std::string::npos || colon == std::string::npos) {
            stop();
            throw std::runtime_error("lantern-hub did not start within 20 s: " + log());
        }
        port_ = std::stoi(line.substr(colon + 1));
    }

    std::filesystem::path binary_;
    std::filesystem::path data_dir_;
    pid_t pid_ = -1;
    int port_ = 0;
};

}  // namespace lantern::test
