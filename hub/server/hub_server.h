// lantern-hub's HTTP(S) API (cpp-httplib): routes, auth, limits, JSON errors, request log.
#pragma once

#include <memory>
#include <ostream>
#include <string>

#include "hub/shared/hub_config.h"
#include "hub/store/hub_store.h"

namespace httplib {
class Server;
}

namespace lantern::hub {

class HubServer {
   public:
    // Throws std::runtime_error if TLS files are set but unusable or the content key cannot be read.
    HubServer(const HubConfig& config, HubStore& store, std::ostream& log);
    ~HubServer();
    HubServer(const HubServer&) = delete;
    HubServer& operator=(const HubServer&) = delete;

    // Binds to config.host:config.port (0 = any); returns the bound port or throws.
    int bind();
    // Serves until stop(); in-flight requests finish before it returns.
    void run();
    // Safe from another thread.
    void stop();

   private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace lantern::hub
