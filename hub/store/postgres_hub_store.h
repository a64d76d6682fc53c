// The hub's PostgreSQL store: one database shared by every hub process of a service.
#pragma once

#include <memory>
#include <string>

#include "hub/store/hub_store.h"

namespace lantern::hub {

// The schema this code writes: the number of its migrations (rows in the lantern_schema table).
int postgres_store_schema_version();
// Connects to `uri` (a libpq connection URI), creating or migrating the schema under an advisory lock, so two
// hubs starting at once migrate once. Throws std::runtime_error saying what failed (unreachable, refused,
// written by a newer Lantern); the message never holds the URI's password.
std::unique_ptr<HubStore> open_postgres_store(const std::string& uri);

}  // namespace lantern::hub
