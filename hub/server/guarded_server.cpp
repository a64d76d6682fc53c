// Serves each connection of the hub's httplib server with deadlines, byte budgets and a per-address cap.
#include "hub/server/guarded_server.h"

#include <fcntl.h>
#include <httplib.h>
#include <netdb.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <type_traits>

namespace lantern::hub {

namespace {

using Clock = std::chrono::steady_clock;

thread_local Connection* t_current = nullptr;

std::string peer_address(int fd, int* port = nullptr) {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    if (::getpeername(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) return {};
    char host[NI_MAXHOST];
    char serv[NI_MAXSERV];
    if (::getnameinfo(reinterpret_cast<sockaddr*>(&addr), len, host, sizeof host, serv, sizeof serv,
                      NI_NUMERICHOST | NI_NUMERICSERV) != 0)
        return {};
    if (port) *port = std::atoi(serv);
    return host;
}

void local_address(int fd, std::string& ip, int& port) {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    if (::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) return;
    char host[NI_MAXHOST];
    char serv[NI_MAXSERV];
    if (::getnameinfo(reinterpret_cast<sockaddr*>(&addr), len, host, sizeof host, serv, sizeof serv,
                      NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
        ip = host;
        port = std::atoi(serv);
    }
}

// Open connections per client address, shared by all worker threads.
class AddressCounter {
   public:
    bool enter(const std::string& address, int max) {
        std::lock_guard lock(mutex_);
        int& n = open_[address];
        if (n >= max) {
            if (n == 0) open_.erase(address);
            return false;
        }
        ++n;
        return true;
    }
    void leave(const std::string& address) {
        std::lock_guard lock(mutex_);
        auto it = open_.find(address);
        if (it != open_.end() && --it->second <= 0) open_.erase(it);
    }

   private:
    std::mutex mutex_;
    std::map<std::string, int> open_;
};

// One client connection, plain or TLS, as httplib's Stream. Every read and write waits no longer than
// io_seconds and never past the request's deadline; reads stop at the request's byte budget.
class GuardedStream final : public httplib::Stream, public Connection {
   public:
    GuardedStream(int fd, SSL* ssl, const ConnectionLimits& limits) : fd_(fd), ssl_(ssl), limits_(limits) {
        ::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL) | O_NONBLOCK);
    }

    // ---- Connection ----
    void allow_body(std::size_t bytes, std::chrono::seconds time) override {
        budget_ = bytes;
        deadline_ = Clock::now() + time;
    }
    void close_after_answer() override { close_ = true; }
    bool over_budget() const override { return over_budget_; }

    // ---- the serving loop's view ----
    void start_request() {
        budget_ = limits_.header_bytes;
        over_budget_ = false;
        deadline_ = Clock::now() + std::chrono::seconds(limits_.header_seconds);
    }
    void set_deadline(Clock::time_point t) { deadline_ = t; }
    bool must_close() const { return close_ || failed_; }

    // Waits until a request's first byte is here, up to `until`, giving up early once `stopping` says so.
    template <class StopFn>
    bool wait_for_request(Clock::time_point until, StopFn stopping) {
        while (!stopping()) {
            if (pos_ < len_ || (ssl_ && SSL_pending(ssl_) > 0)) return true;
            auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count();
            if (left <= 0) return false;
            pollfd p{fd_, POLLIN, 0};
            int r = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, 200)));
            if (r > 0) return (p.revents & POLLIN) != 0;
            if (r < 0 && errno != EINTR) return false;
        }
        return false;
    }

    bool tls_accept() {
        for (;;) {
            int r = SSL_accept(ssl_);
            if (r == 1) return true;
            if (!wait_io(SSL_get_error(ssl_, r))) return false;
        }
    }

    // ---- httplib::Stream ----
    bool is_readable() const override { return pos_ < len_ || (ssl_ && SSL_pending(ssl_) > 0) || poll_for(POLLIN); }
    bool is_writable() const override { return !failed_ && poll_for(POLLOUT); }

    ssize_t read(char* ptr, std::size_t size) override {
        if (failed_) return -1;
        if (size == 0) return 0;
        if (budget_ == 0) {
            over_budget_ = true;
            failed_ = true;
            return -1;
        }
        size = std::min(size, budget_);
        if (pos_ == len_) {
            ssize_t n = raw_read(buf_, sizeof buf_);
            if (n <= 0) return n;
            pos_ = 0;
            len_ = static_cast<std::size_t>(n);
        }
        std::size_t n = std::min(size, len_ - pos_);
        std::copy_n(buf_ + pos_, n, ptr);
        pos_ += n;
        budget_ -= n;
        return static_cast<ssize_t>(n);
    }

    ssize_t write(const char* ptr, std::size_t size) override {
        if (failed_) return -1;
        std::size_t done = 0;
        while (done < size) {
            ssize_t n;
            if (ssl_) {
                int r = SSL_write(ssl_, ptr + done, static_cast<int>(std::min<std::size_t>(size - done, 1 << 30)));
                if (r <= 0) {
                    if (!wait_io(SSL_get_error(ssl_, r))) return fail();
                    continue;
                }
                n = r;
            } else {
                n = ::send(fd_, ptr + done, size - done, MSG_NOSIGNAL);
                if (n < 0) {
                    if (errno == EINTR) continue;
                    if ((errno != EAGAIN && errno != EWOULDBLOCK) || !wait(POLLOUT)) return fail();
                    continue;
                }
            }
            done += static_cast<std::size_t>(n);
        }
        return static_cast<ssize_t>(size);
    }

    void get_remote_ip_and_port(std::string& ip, int& port) const override { ip = peer_address(fd_, &port); }
    void get_local_ip_and_port(std::string& ip, int& port) const override { local_address(fd_, ip, port); }
    socket_t socket() const override { return fd_; }

   private:
    ssize_t fail() {
        failed_ = true;
        return -1;
    }

    ssize_t raw_read(char* ptr, std::size_t size) {
        for (;;) {
            if (ssl_) {
                int r = SSL_read(ssl_, ptr, static_cast<int>(size));
                if (r > 0) return r;
                int e = SSL_get_error(ssl_, r);
                if (e == SSL_ERROR_ZERO_RETURN) return 0;
                if (!wait_io(e)) return fail();
            } else {
                ssize_t n = ::recv(fd_, ptr, size, 0);
                if (n >= 0) return n;
                if (errno == EINTR) continue;
                if ((errno != EAGAIN && errno != EWOULDBLOCK) || !wait(POLLIN)) return fail();
            }
        }
    }

    // After an SSL call asked to wait: waits for the socket, or false (error, deadline or io timeout).
    bool wait_io(int ssl_error) {
        if (ssl_error == SSL_ERROR_WANT_READ) return wait(POLLIN);
        if (ssl_error == SSL_ERROR_WANT_WRITE) return wait(POLLOUT);
        ERR_clear_error();
        return false;
    }

    // The wait for one read or write: io_seconds at most, and never past the deadline.
    int wait_ms() const {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - Clock::now()).count();
        return static_cast<int>(std::clamp<long long>(left, 0, limits_.io_seconds * 1000LL));
    }
    bool poll_for(short events) const {
        pollfd p{fd_, events, 0};
        int r;
        do r = ::poll(&p, 1, wait_ms());
        while (r < 0 && errno == EINTR);
        return r > 0 && (p.revents & (events | POLLHUP | POLLERR)) != 0;
    }
    bool wait(short events) {
        if (poll_for(events)) return true;
        failed_ = true;
        return false;
    }

    int fd_;
    SSL* ssl_;
    const ConnectionLimits& limits_;
    char buf_[16 * 1024];
    std::size_t pos_ = 0, len_ = 0;
    std::size_t budget_ = 0;
    Clock::time_point deadline_ = Clock::now();
    bool over_budget_ = false;
    bool failed_ = false;
    bool close_ = false;
};

struct ThreadConnection {
    explicit ThreadConnection(Connection* c) { t_current = c; }
    ~ThreadConnection() { t_current = nullptr; }
};

template <class Base>
class GuardedServer final : public Base {
   public:
    template <class... Args>
    explicit GuardedServer(const ConnectionLimits& limits, Args&&... args)
        : Base(std::forward<Args>(args)...), limits_(limits) {}

   private:
    bool process_and_close_socket(socket_t sock) override {
        std::string address = peer_address(sock);
        bool admitted = counter_.enter(address, limits_.max_per_address);
        if (admitted) {
            serve(sock);
            counter_.leave(address);
        } else if constexpr (!std::is_same_v<Base, httplib::SSLServer>) {
            // Plain HTTP can say why; a TLS client is simply closed before any handshake work.
            static const std::string body = R"({"error":"too many open connections from this address"})";
            static const std::string answer =
                "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: " +
                std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
            (void)::send(sock, answer.data(), answer.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
        }
        ::shutdown(sock, SHUT_RDWR);
        ::close(sock);
        return true;
    }

    void serve(int sock) {
        SSL* ssl = nullptr;
        if constexpr (std::is_same_v<Base, httplib::SSLServer>) {
            ssl = SSL_new(this->ssl_context());
            if (!ssl) return;
            SSL_set_fd(ssl, sock);
        }
        {
            GuardedStream stream(sock, ssl, limits_);
            ThreadConnection current(&stream);
            stream.start_request();
            bool ok = !ssl || stream.tls_accept();
            auto stopping = [this] { return this->svr_sock_ == INVALID_SOCKET; };
            for (int n = 0; ok && n < limits_.keep_alive_max; ++n) {
                auto idle = std::chrono::seconds(n == 0 ? limits_.header_seconds : limits_.keep_alive_seconds);
                if (!stream.wait_for_request(Clock::now() + idle, stopping)) break;
                stream.start_request();
                bool closed = false;
                bool last = n + 1 == limits_.keep_alive_max || stopping();
                ok = this->process_request(stream, last, closed, nullptr) && !closed && !stream.must_close();
            }
            if (ssl) {
                stream.set_deadline(Clock::now() + std::chrono::milliseconds(100));
                SSL_shutdown(ssl);
            }
        }
        if (ssl) SSL_free(ssl);
    }

    ConnectionLimits limits_;
    AddressCounter counter_;
};

}  // namespace

Connection* current_connection() { return t_current; }

std::unique_ptr<httplib::Server> make_guarded_server(const ConnectionLimits& limits,
                                                     const std::filesystem::path& tls_cert,
                                                     const std::filesystem::path& tls_key) {
    if (tls_cert.empty() && tls_key.empty()) return std::make_unique<GuardedServer<httplib::Server>>(limits);
    if (tls_cert.empty() || tls_key.empty()) throw std::runtime_error("TLS needs both a certificate and a key");
    auto ssl = std::make_unique<GuardedServer<httplib::SSLServer>>(limits, tls_cert.c_str(), tls_key.c_str());
    if (!ssl->is_valid()) throw std::runtime_error("TLS certificate or key cannot be used");
    return ssl;
}

}  // namespace lantern::hub
