// The staff command's HTTP client for the hub's admin routes (publish, export, report).
#pragma once

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sync/protocol.h"

namespace httplib {
class Client;
}

namespace lantern::hub {

class AdminError : public std::runtime_error {
   public:
    using std::runtime_error::runtime_error;
};

class AdminClient {
   public:
    // `hub_url` like "https://hub.example:8470"; `ca_file` optional.
    AdminClient(const std::string& hub_url, std::string token, const std::string& ca_file = "");
    ~AdminClient();

    sync::Manifest publish_pack(const std::string& pack_bytes, const std::string& version,
                                const std::string& signature_b64);
    // {"referrals": [...], "next_after": N}
    nlohmann::json referrals(std::int64_t after, int limit, bool include_exported);
    int mark_exported(const std::vector<std::string>& ids);
    nlohmann::json report();
    nlohmann::json kiosks();

   private:
    nlohmann::json expect_json(const char* what, int status_wanted, int status, const std::string& body);
    std::unique_ptr<httplib::Client> cli_;
    std::string token_;
};

}  // namespace lantern::hub
