// The kiosk's libcurl client for the hub: referral post, manifest, resumable pack download, heartbeat.
#pragma once

#include <atomic>
#include <filesystem>
#include <optional>
#include <string>

#include "sync/notices.h"
#include "sync/protocol.h"

namespace lantern::sync {

struct HubClientOptions {
    std::string base_url;           // "https://hub.example:8470" (no trailing slash needed)
    std::string token;              // kiosk token, sent as Authorization: Bearer
    std::string ca_file;            // optional CA bundle (CURLOPT_CAINFO)
    std::string pinned_public_key;  // optional CURLOPT_PINNEDPUBLICKEY: "sha256//<base64>" or a PEM/DER file
    long connect_timeout_ms = 10'000;
    long request_timeout_ms = 30'000;    // whole request, for JSON calls
    long download_stall_timeout_s = 30;  // pack downloads abort after this long below 1 byte/s
    std::size_t max_json_response = 1 << 20;
};

enum class Delivery {
    delivered,  // the hub's receipt named this id
    refused,    // the hub judged this referral bad (409, 400, 413 ... with its JSON error naming this id)
    retry,      // anything else: network, timeout, 5xx, 408/429, auth or a page that is not the hub's
};

struct PostOutcome {
    Delivery delivery = Delivery::retry;
    long http_status = 0;
    std::string error;  // our wording plus status codes only
    std::optional<Receipt> receipt;
};

struct ManifestOutcome {
    enum class Kind { updated, not_modified, none, error } kind = Kind::error;
    Manifest manifest;
    std::string etag;
    std::string error;
    long http_status = 0;
};

// GET /api/v1/notices: the signed document as the hub serves it (not yet checked: the worker does that).
struct NoticesOutcome {
    enum class Kind { updated, not_modified, none, error } kind = Kind::error;
    SignedNotices notices;
    std::string etag;
    std::string error;
};

struct DownloadOutcome {
    bool complete = false;  // the .part file now holds `size` bytes (not yet verified)
    std::string error;
};

class HubClient {
   public:
    explicit HubClient(HubClientOptions options);
    ~HubClient();
    HubClient(const HubClient&) = delete;
    HubClient& operator=(const HubClient&) = delete;

    const HubClientOptions& options() const { return options_; }
    // While *flag is true every transfer aborts within about a second (for a prompt shutdown).
    void set_cancel_flag(const std::atomic<bool>* flag) { cancel_ = flag; }

    PostOutcome post_referral(const ReferralPost& post);
    ManifestOutcome get_manifest(const std::string& etag);
    NoticesOutcome get_notices(const std::string& etag);
    // Downloads into `part_file`, resuming with a Range request from whatever it already holds.
    DownloadOutcome download_pack(const Manifest& manifest, const std::filesystem::path& part_file);
    // True when the hub answered {"status": "ok"} with the proof of this kiosk's token over a fresh nonce
    // (heartbeat_proof); otherwise sets `error`.
    // `stored_days`, if given, gets the usage days the hub says it stored ("usage_stored").
    bool post_heartbeat(const Heartbeat& heartbeat, std::string& error,
                        std::vector<std::string>* stored_days = nullptr);

   private:
    struct Response;
    Response request(const std::string& method, const std::string& path, const std::string& body,
                     const std::vector<std::string>& headers);
    void apply_common(const std::string& url, const std::vector<std::string>& headers);

    HubClientOptions options_;
    const std::atomic<bool>* cancel_ = nullptr;
    void* curl_ = nullptr;  // CURL*, reused so connections are kept alive
};

// Classifies an HTTP answer to a referral post (exposed for tests).
PostOutcome classify_post_response(const std::string& id, long status, const std::string& content_type,
                                   const std::string& body);

}  // namespace lantern::sync
