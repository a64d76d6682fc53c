// Tells systemd the hub is ready and alive only after a request through its own socket was answered.
#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "hub/shared/hub_config.h"
#include "sync/service_notify.h"

namespace lantern::hub {

// A thread that asks GET /api/v1/health on the hub's own port: the first answer sends READY=1, each answer
// after that (every half WatchdogSec) WATCHDOG=1. A listen loop, worker pool or store that stops answering
// stops the pets, and systemd restarts the hub. Does nothing when systemd did not start the hub.
class ServiceWatch {
   public:
    ServiceWatch(const HubConfig& config, int port);
    ~ServiceWatch();
    ServiceWatch(const ServiceWatch&) = delete;
    ServiceWatch& operator=(const ServiceWatch&) = delete;

    // STOPPING=1, and the thread ends.
    void stop();

   private:
    void loop(std::string url);
    sync::ServiceNotifier notifier_;
    std::mutex mutex_;
    std::condition_variable cv_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace lantern::hub
