// The hub's readiness and watchdog probe: GET /api/v1/health on its own listening socket.
#include "hub/server/service_watch.h"

#include <httplib.h>

#include <algorithm>
#include <cstdlib>

namespace lantern::hub {

ServiceWatch::ServiceWatch(const HubConfig& config, int port) {
    if (!std::getenv("NOTIFY_SOCKET")) return;
    // A hub listening on every address is asked on loopback; one on a single address, there.
    std::string host = config.host == "0.0.0.0" || config.host.empty() ? "127.0.0.1"
                       : config.host == "::"                           ? "[::1]"
                                                                       : config.host;
    std::string url = (config.tls_cert.empty() ? "http://" : "https://") + host + ":" + std::to_string(port);
    thread_ = std::thread([this, url] { loop(url); });
}

ServiceWatch::~ServiceWatch() { stop(); }

void ServiceWatch::stop() {
    {
        std::lock_guard lock(mutex_);
        if (stopping_) return;
        stopping_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) {
        thread_.join();
        notifier_.stopping();
    }
}

void ServiceWatch::loop(std::string url) {
    httplib::Client client(url);
    // The hub's own certificate may name a public host, not loopback: this probe checks liveness, not identity.
    client.enable_server_certificate_verification(false);
    double interval = notifier_.watchdog() ? notifier_.pet_interval() : 0.2;
    double timeout = std::min(interval, 5.0);
    client.set_connection_timeout(std::chrono::duration<double>(timeout));
    client.set_read_timeout(std::chrono::duration<double>(timeout));
    std::unique_lock lock(mutex_);
    bool ready = false;
    while (!stopping_) {
        lock.unlock();
        auto res = client.Get("/api/v1/health");
        bool alive = res && res->status == 200;
        lock.lock();
        if (stopping_) break;
        if (alive && !ready) {
            notifier_.ready();
            ready = true;
        }
        if (alive) notifier_.pet();
        // Until ready, ask again soon; after that, every half watchdog interval (or never, without one).
        if (ready && !notifier_.watchdog()) cv_.wait(lock, [this] { return stopping_; });
        else
            cv_.wait_for(lock, std::chrono::duration<double>(ready ? interval / 2 : 0.05),
                         [this] { return stopping_; });
    }
}

}  // namespace lantern::hub
