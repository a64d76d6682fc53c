// The hub's SQLite store (WAL), the default: one file in the data folder, nothing to set up.
#pragma once

#include <filesystem>
#include <memory>

#include "hub/store/hub_store.h"

namespace lantern::hub {

// The store's file in a hub's data folder.
std::filesystem::path sqlite_store_file(const std::filesystem::path& data_dir);
// The schema (PRAGMA user_version) this code writes: the number of its migrations.
int sqlite_store_schema_version();
// Opens (creating, 0600, or migrating) the SQLite store `file`. Throws std::runtime_error.
std::unique_ptr<HubStore> open_sqlite_store(const std::filesystem::path& file);

}  // namespace lantern::hub
