// Reads lantern-hub's TOML config file into HubConfig.
#include "hub/shared/hub_config.h"

#include <toml++/toml.h>

#include <stdexcept>

#include "hub/store/hub_store.h"

namespace lantern::hub {

void parse_listen(const std::string& text, HubConfig& config) {
    auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0) throw std::invalid_argument("listen must be HOST:PORT");
    std::string host = text.substr(0, colon);
    std::string port = text.substr(colon + 1);
    if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos)
        throw std::invalid_argument("listen must be HOST:PORT with a numeric port");
    int p = std::stoi(port);
    if (p > 65535) throw std::invalid_argument("port out of range");
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    config.host = host;
    config.port = p;
}

void prepare_data_dir(const HubConfig& config) {
    for (const auto& dir : {config.data_dir, config.packs_dir()}) {
        std::filesystem::create_directories(dir);
        std::filesystem::permissions(dir, std::filesystem::perms::owner_all, std::filesystem::perm_options::replace);
    }
}

void load_config_file(const std::filesystem::path& file, HubConfig& config) {
    toml::table t;
    try {
        t = toml::parse_file(file.string());
    } catch (const toml::parse_error& e) {
        throw std::runtime_error(file.string() + ":" + std::to_string(e.source().begin.line) + ": " +
                                 std::string(e.description()));
    }
    auto where = [&](const toml::node& n) {
        return file.string() + ":" + std::to_string(n.source().begin.line) + ": ";
    };
    for (auto&& [key, value] : t) {
        std::string k(key.str());
        const toml::node& node = value;  // lambdas may not capture a structured binding before C++20 in clang 14
        auto need_string = [&]() -> std::string {
            if (!node.is_string()) throw std::runtime_error(where(node) + "\"" + k + "\" must be a string");
            return node.as_string()->get();
        };
        auto need_size = [&](std::int64_t min, std::int64_t max) -> std::int64_t {
            if (!node.is_integer()) throw std::runtime_error(where(node) + "\"" + k + "\" must be an integer");
            auto v = node.as_integer()->get();
            if (v < min || v > max) throw std::runtime_error(where(node) + "\"" + k + "\" is out of range");
            return v;
        };
        if (k == "listen") {
            try {
                parse_listen(need_string(), config);
            } catch (const std::invalid_argument& e) {
                throw std::runtime_error(where(node) + e.what());
            }
        } else if (k == "data") {
            config.data_dir = need_string();
        } else if (k == "store") {
            config.store = need_string();
            if (!config.store.empty() && !is_postgres_store(config.store))
                throw std::runtime_error(where(node) +
                                         "\"store\" must be empty (SQLite in the data folder) or a postgresql:// URI");
        } else if (k == "tls_cert") {
            config.tls_cert = need_string();
        } else if (k == "tls_key") {
            config.tls_key = need_string();
        } else if (k == "content_public_key") {
            config.content_public_key = need_string();
        } else if (k == "max_json_bytes") {
            config.max_json_bytes = static_cast<std::size_t>(need_size(1024, 16 << 20));
        } else if (k == "max_referral_bytes") {
            config.max_referral_bytes = static_cast<std::size_t>(need_size(1024, 64 << 20));
        } else if (k == "max_pack_bytes") {
            config.max_pack_bytes = static_cast<std::size_t>(need_size(1024, std::int64_t{4} << 30));
        } else if (k == "threads") {
            config.threads = static_cast<int>(need_size(1, 512));
        } else if (k == "max_connections_per_address") {
            config.max_connections_per_address = static_cast<int>(need_size(1, 4096));
        } else if (k == "header_timeout_seconds") {
            config.header_timeout_seconds = static_cast<int>(need_size(1, 300));
        } else if (k == "request_timeout_seconds") {
            config.request_timeout_seconds = static_cast<int>(need_size(1, 3600));
        } else if (k == "transfer_timeout_seconds") {
            config.transfer_timeout_seconds = static_cast<int>(need_size(1, 86400));
        } else if (k == "keep_alive_seconds") {
            config.keep_alive_seconds = static_cast<int>(need_size(1, 300));
        } else if (k == "retention_days") {
            config.retention_days = static_cast<int>(need_size(0, 3650));
        } else if (k == "quiet") {
            if (!node.is_boolean()) throw std::runtime_error(where(node) + "\"quiet\" must be true or false");
            config.quiet = node.as_boolean()->get();
        } else {
            throw std::runtime_error(where(node) + "unknown key \"" + k + "\"");
        }
    }
}

}  // namespace lantern::hub
