// Choosing the hub's store from its config, and the tokens every store hands out.
#include "hub/store/hub_store.h"

#include <sodium.h>

#include <stdexcept>

#include "hub/store/postgres_hub_store.h"
#include "hub/store/sqlite_hub_store.h"
#include "sync/encoding.h"

namespace lantern::hub {

std::string new_token(const std::string& prefix) {
    sync::ensure_sodium();
    unsigned char raw[32];
    randombytes_buf(raw, sizeof raw);
    char b64[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
    sodium_bin2base64(b64, sizeof b64, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    sodium_memzero(raw, sizeof raw);
    return prefix + b64;
}

bool is_postgres_store(const std::string& setting) {
    return setting.starts_with("postgresql://") || setting.starts_with("postgres://");
}

std::unique_ptr<HubStore> open_store(const std::string& setting, const std::filesystem::path& data_dir) {
    if (setting.empty()) return open_sqlite_store(sqlite_store_file(data_dir));
    if (is_postgres_store(setting)) return open_postgres_store(setting);
    // Not echoed: a mistyped URI may still hold a password.
    throw std::runtime_error("store must be empty (the SQLite file in the data folder) or a postgresql:// URI");
}

}  // namespace lantern::hub
