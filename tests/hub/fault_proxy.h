// A loopback TCP proxy for tests that resets, stalls, cuts and truncates connections to the hub, or stands in
// for a middlebox (a proxy's error page, a captive portal) answering every request itself. Given several hubs it
// is also a round-robin load balancer: each new connection goes to the next hub in turn.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <string>
#include <mutex>
#include <random>
#include <stdexcept>
#include <thread>
#include <vector>

namespace lantern::test {

class FaultProxy {
   public:
    struct Odds {
        int reset_at_connect = 0;   // percent: RST before anything is forwarded
        int stall = 0;              // percent: swallow the request, answer nothing for stall_ms
        int cut_response = 0;       // percent: forward requests, then drop a response and RST
        int truncate_response = 0;  // percent: forward half of a response, then RST
        std::chrono::milliseconds stall_ms{1000};
    };

    FaultProxy(int upstream_port, Odds odds, unsigned seed = 1234)
        : FaultProxy(std::vector<int>{upstream_port}, odds, seed) {}

    // Connection n goes to upstream_ports[n % size]: one kiosk's connections alternate between two hubs, so a
    // retry after a cut or reset lands on the other hub.
    FaultProxy(std::vector<int> upstream_ports, Odds odds, unsigned seed = 1234)
        : upstream_ports_(std::move(upstream_ports)), odds_(odds), rng_(seed) {
        if (upstream_ports_.empty()) throw std::runtime_error("proxy needs an upstream");
        listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        int one = 1;
        ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::listen(listen_fd_, 64) != 0)
            throw std::runtime_error("proxy cannot listen");
        socklen_t len = sizeof a;
        ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&a), &len);
        port_ = ntohs(a.sin_port);
        accept_thread_ = std::thread([this] { accept_loop(); });
    }

    ~FaultProxy() {
        stop_ = true;
        accept_thread_.join();
        while (active_ > 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
        ::close(listen_fd_);
    }

    int port() const { return port_; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    int faults() const { return faults_; }
    int connections() const { return connections_; }
    void set_enabled(bool on) { enabled_ = on; }

    // An answer a middlebox gives instead of the hub.
    struct Canned {
        int status = 200;
        std::string content_type = "application/json";
        std::string body;
    };
    // While `answers` is not empty, each request is answered by the next of them in turn (the hub never sees
    // it); empty: forward to the hub again.
    void set_canned(std::vector<Canned> answers) {
        std::lock_guard lock(mutex_);
        canned_ = std::move(answers);
    }
    int canned_answers() const { return canned_count_; }
    // Every byte the kiosk sent that was forwarded to the hub, in order of arrival (privacy checks read it).
    std::string forwarded() const {
        std::lock_guard lock(mutex_);
        return forwarded_;
    }

   private:
    enum class Mode { pass, reset, stall, cut, truncate };

    static void hard_close(int fd) {
        linger l{1, 0};  // close with RST
        ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
        ::close(fd);
    }

    void accept_loop() {
        while (!stop_) {
            pollfd p{listen_fd_, POLLIN, 0};
            if (::poll(&p, 1, 50) <= 0) continue;
            int client = ::accept(listen_fd_, nullptr, nullptr);
            if (client < 0) continue;
            ++connections_;
            Mode mode = Mode::pass;
            int after_chunks = 0;
            {
                std::lock_guard lock(mutex_);
                int roll = static_cast<int>(rng_() % 100);
                if (enabled_) {
                    if ((roll -= odds_.reset_at_connect) < 0) mode = Mode::reset;
                    else if ((roll -= odds_.stall) < 0) mode = Mode::stall;
                    else if ((roll -= odds_.cut_response) < 0) mode = Mode::cut;
                    else if ((roll -= odds_.truncate_response) < 0) mode = Mode::truncate;
                }
                after_chunks = static_cast<int>(rng_() % 4);
            }
            if (mode != Mode::pass) ++faults_;
            int upstream = upstream_ports_[static_cast<std::size_t>(connections_ - 1) % upstream_ports_.size()];
            ++active_;
            std::thread([this, client, mode, after_chunks, upstream] {
                if (!answer_canned(client)) serve(client, mode, after_chunks, upstream);
                --active_;
            }).detach();
        }
    }

    void serve(int client, Mode mode, int after_chunks, int upstream_port) {
        if (mode == Mode::reset) return hard_close(client);
        if (mode == Mode::stall) {
            auto until = std::chrono::steady_clock::now() + odds_.stall_ms;
            char buf[4096];
            while (!stop_ && std::chrono::steady_clock::now() < until) {
                pollfd p{client, POLLIN, 0};
                if (::poll(&p, 1, 20) > 0 && ::read(client, buf, sizeof buf) <= 0) break;
            }
            return hard_close(client);
        }
        int up = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a.sin_port = htons(static_cast<uint16_t>(upstream_port));
        if (::connect(up, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
            ::close(up);
            return hard_close(client);
        }
        int chunks = 0;
        char buf[16384];
        while (!stop_) {
            pollfd p[2] = {{client, POLLIN, 0}, {up, POLLIN, 0}};
            if (::poll(p, 2, 20) <= 0) continue;
            if (p[0].revents & (POLLIN | POLLHUP | POLLERR)) {
                auto n = ::read(client, buf, sizeof buf);
                if (n > 0) {
                    std::lock_guard lock(mutex_);
                    forwarded_.append(buf, static_cast<std::size_t>(n));
                }
                if (n <= 0 || !write_all(up, buf, static_cast<std::size_t>(n))) break;
            }
            if (p[1].revents & (POLLIN | POLLHUP | POLLERR)) {
                auto n = ::read(up, buf, sizeof buf);
                if (n <= 0) break;
                if (mode == Mode::cut && chunks == after_chunks) {
                    // The hub has answered, so it stored the row; the kiosk never hears it.
                    hard_close(client);
                    hard_close(up);
                    return;
                }
                if (mode == Mode::truncate && chunks == after_chunks) {
                    write_all(client, buf, static_cast<std::size_t>(n) / 2);
                    hard_close(client);
                    hard_close(up);
                    return;
                }
                ++chunks;
                if (!write_all(client, buf, static_cast<std::size_t>(n))) break;
                // Even a good connection is short-lived, so the client keeps meeting new faults.
                if (mode == Mode::pass && enabled_ && chunks > after_chunks + 2) break;
            }
        }
        ::close(client);
        ::close(up);
    }

    // Middlebox mode: reads each request whole (headers, then Content-Length bytes), answers it with the
    // next canned answer. False when not in that mode (the connection is then forwarded).
    bool answer_canned(int client) {
        {
            std::lock_guard lock(mutex_);
            if (canned_.empty()) return false;
        }
        std::string in;
        char buf[16384];
        while (!stop_) {
            auto end = in.find("\r\n\r\n");
            if (end != std::string::npos) {
                std::size_t length = 0;
                std::string head = in.substr(0, end);
                for (auto& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                if (auto at = head.find("content-length:"); at != std::string::npos)
                    length = std::strtoull(head.c_str() + at + 15, nullptr, 10);
                if (in.size() >= end + 4 + length) {
                    Canned c;
                    {
                        std::lock_guard lock(mutex_);
                        if (canned_.empty()) break;
                        c = canned_[static_cast<std::size_t>(canned_count_++) % canned_.size()];
                    }
                    std::string out = "HTTP/1.1 " + std::to_string(c.status) +
                                      " Canned\r\nContent-Type: " + c.content_type +
                                      "\r\nContent-Length: " + std::to_string(c.body.size()) +
                                      "\r\nConnection: close\r\n\r\n" + c.body;
                    write_all(client, out.data(), out.size());
                    break;
                }
            }
            pollfd p{client, POLLIN, 0};
            if (::poll(&p, 1, 20) <= 0) continue;
            auto n = ::read(client, buf, sizeof buf);
            if (n <= 0) break;
            in.append(buf, static_cast<std::size_t>(n));
        }
        ::shutdown(client, SHUT_WR);
        ::close(client);
        return true;
    }

    static bool write_all(int fd, const char* p, std::size_t n) {
        while (n > 0) {
            auto w = ::send(fd, p, n, MSG_NOSIGNAL);
            if (w <= 0) return false;
            p += w;
            n -= static_cast<std::size_t>(w);
        }
        return true;
    }

    std::vector<int> upstream_ports_;
    Odds odds_;
    std::mt19937 rng_;
    mutable std::mutex mutex_;
    int listen_fd_ = -1;
    int port_ = 0;
    std::atomic<bool> stop_{false};
    std::atomic<bool> enabled_{true};
    std::atomic<int> faults_{0};
    std::atomic<int> connections_{0};
    std::thread accept_thread_;
    std::atomic<int> active_{0};
    std::vector<Canned> canned_;  // guarded by mutex_
    std::string forwarded_;       // guarded by mutex_
    std::atomic<int> canned_count_{0};
};

}  // namespace lantern::test
