// lantern-hub settings: defaults, a TOML file, then command-line flags, validated at the edge.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

namespace lantern::hub {

struct HubConfig {
    std::string host = "127.0.0.1";
    int port = 8470;  // 0: any free port (printed at start)
    std::filesystem::path data_dir = "hub-data";
    // Where referrals, tokens and heartbeats live: empty for the SQLite file in data_dir (the default), or a
    // PostgreSQL URI ("postgresql://user@host/db") shared by every hub of a service. Packs stay in data_dir.
    std::string store;
    std::filesystem::path tls_cert, tls_key;
    std::filesystem::path content_public_key;  // optional: published packs must verify against it
    std::size_t max_json_bytes = 64 * 1024;
    std::size_t max_referral_bytes = 512 * 1024;
    std::size_t max_pack_bytes = 256u * 1024 * 1024;
    // Worker threads: each open connection holds one while it is served (see docs/OPERATIONS.md, Limits).
    int threads = 64;
    int max_connections_per_address = 8;
    int header_timeout_seconds = 10;     // a request's line and headers must arrive within this
    int request_timeout_seconds = 30;    // then its body must arrive and its answer leave within this
    int transfer_timeout_seconds = 600;  // the same for a pack upload or download
    int keep_alive_seconds = 5;
    bool quiet = false;  // no per-request log lines
    // Sealed answers are deleted this many days after the support team exported them (0: at once); the
    // row stays for safe retries and the anonymised report. Never before export: nothing is lost unread.
    int retention_days = 30;

    std::filesystem::path packs_dir() const { return data_dir / "packs"; }
};

// Applies a TOML file on top of `config`; throws std::runtime_error "FILE:LINE: what".
// Keys: listen = "HOST:PORT", data, store, tls_cert, tls_key, content_public_key, max_json_bytes,
// max_referral_bytes, max_pack_bytes, threads, max_connections_per_address, header_timeout_seconds,
// request_timeout_seconds, transfer_timeout_seconds, keep_alive_seconds, quiet, retention_days.
void load_config_file(const std::filesystem::path& file, HubConfig& config);
// Creates the data and packs folders if needed and makes them 0700 whatever the umask (the store in them
// holds referral summaries); throws std::filesystem::filesystem_error.
void prepare_data_dir(const HubConfig& config);
// "HOST:PORT" -> host, port; throws std::invalid_argument.
void parse_listen(const std::string& text, HubConfig& config);

}  // namespace lantern::hub
