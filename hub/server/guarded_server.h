// The hub's httplib server, with deadlines, byte budgets and a per-address cap on each connection.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>

namespace httplib {
class Server;
}

namespace lantern::hub {

struct ConnectionLimits {
    int max_per_address = 8;               // open connections from one client address; more are refused
    int header_seconds = 10;               // from a request's first awaited byte to the end of its headers
    std::size_t header_bytes = 64 * 1024;  // request line and headers together
    int keep_alive_seconds = 5;            // idle wait for the next request on a kept-alive connection
    int keep_alive_max = 1000;             // requests on one connection
    int io_seconds = 10;                   // longest wait for any one read or write
};

// The connection the calling worker thread serves. Only valid inside httplib's handlers and hooks, which
// run on that thread; nullptr elsewhere.
class Connection {
   public:
    virtual ~Connection() = default;
    // From now on this request may read at most `bytes` more (chunk framing included), and it must be
    // read and answered within `time`; past either the connection fails and is closed.
    virtual void allow_body(std::size_t bytes, std::chrono::seconds time) = 0;
    // The connection closes once the current answer is written: its unread body is never parsed as
    // further requests.
    virtual void close_after_answer() = 0;
    // The request read past its allow_body() budget.
    virtual bool over_budget() const = 0;
};
Connection* current_connection();

// An httplib server (HTTPS when `tls_cert` is set) whose connections are served by this file's loop
// rather than httplib's: httplib 0.11 has only a per-read timeout (a client sending a byte every few
// seconds holds a thread for ever), no limit on a chunked body, and reads on after answering
// "Connection: close". Throws std::runtime_error if the TLS files cannot be used.
std::unique_ptr<httplib::Server> make_guarded_server(const ConnectionLimits& limits,
                                                     const std::filesystem::path& tls_cert,
                                                     const std::filesystem::path& tls_key);

}  // namespace lantern::hub
