// Checks a downloaded content pack against its manifest: size, SHA-256, Ed25519 signature, version order.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "sync/outbox_store.h"
#include "sync/protocol.h"

namespace lantern::sync {

// Empty when the file is the pack the manifest describes, signed by `signing_public_key`, and newer
// than `current_version`; otherwise the reason it is rejected.
std::string verify_pack_file(const std::filesystem::path& file, const Manifest& manifest,
                             const Bytes& signing_public_key, const std::string& current_version);

struct PackInfo {
    std::filesystem::path path;
    std::string version;
};

// A pack brought by hand on a USB stick: PACK and the PACK.sig that `lantern content sign` wrote beside
// it. Copied into `packs_dir` and flushed to disk, the copy is checked like a download (SHA-256, Ed25519
// signature, newer than `current_version`) and made the pending pack. Empty on success (`version_out` says which
// version); otherwise why not, and nothing changes.
std::string import_signed_pack(OutboxStore& store, const std::filesystem::path& pack,
                               const std::filesystem::path& packs_dir, const Bytes& signing_public_key,
                               const std::string& current_version, std::string& version_out);

// The pack verified and waiting for the next session start, if any.
std::optional<PackInfo> pending_pack(const OutboxStore& store);
// Hands the pending pack over: it becomes the current pack (recorded in the store) and is no longer
// pending. The kiosk calls this at a session start and opens the returned file.
std::optional<PackInfo> take_pending_pack(OutboxStore& store);
// The pack last taken over, if any (what the kiosk should open after a restart).
std::optional<PackInfo> current_pack(const OutboxStore& store);

// Keys in the outbox's sync_state table.
namespace state_key {
inline constexpr const char* pending_pack_path = "pending_pack_path";
inline constexpr const char* pending_pack_version = "pending_pack_version";
inline constexpr const char* current_pack_path = "current_pack_path";
inline constexpr const char* current_pack_version = "current_pack_version";
inline constexpr const char* manifest_etag = "manifest_etag";
inline constexpr const char* last_success = "last_success";
}  // namespace state_key

}  // namespace lantern::sync
