// The staff command's HTTP client for the hub's admin routes (publish, export, report, kiosk status).
#pragma once

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "hub/shared/admin_api.h"
#include "sync/notices.h"
#include "sync/protocol.h"

namespace httplib {
class Client;
}

namespace lantern::hub {

// A call that did not get the answer it wanted: no connection, an error status, or an answer that does not
// parse (the message then names the route and the field, as the admin API's parsers say it).
class AdminError : public std::runtime_error {
   public:
    using std::runtime_error::runtime_error;
};

// Each call sends its route's request and reads the answer through hub/shared/admin_api.h; none returns a
// default in place of a missing or mistyped field.
class AdminClient {
   public:
    // `hub_url` like "https://hub.example:8470"; `ca_file` optional.
    AdminClient(const std::string& hub_url, std::string token, const std::string& ca_file = "");
    ~AdminClient();

    sync::Manifest publish_pack(const std::string& pack_bytes, const std::string& version,
                                const std::string& signature_b64);
    api::ReferralsPage referrals(std::int64_t after, int limit, bool include_exported);
    // How many of `ids` (at most 1000) this call marked exported.
    std::int64_t mark_exported(const std::vector<std::string>& ids);
    api::Report report();
    api::KiosksAnswer kiosks();
    api::NoticesAnswer publish_notices(const sync::SignedNotices& notices);

   private:
    std::unique_ptr<httplib::Client> cli_;
    std::string token_;
};

}  // namespace lantern::hub
