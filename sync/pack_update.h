// Checks a downloaded content pack against its manifest: size, SHA-256, Ed25519 signature, version order.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "sync/outbox_store.h"
#include "sync/protocol.h"

namespace lantern::sync {

// Empty when the file is the pack the manifest describes, signed by `signing_public_key`, newer than
// `current_version`, and passes the structural pack check (content::validate_pack_file); otherwise the reason
// it is rejected.
std::string verify_pack_file(const std::filesystem::path& file, const Manifest& manifest,
                             const Bytes& signing_public_key, const std::string& current_version);

struct PackInfo {
    std::filesystem::path path;
    std::string version;
};

// The largest pack a kiosk takes (the hub's default max_pack_bytes): a bigger file is refused unread.
inline constexpr std::int64_t k_max_pack_bytes = 256LL * 1024 * 1024;

// Bytes done of the total (the pack is read twice: checked, then copied).
using ImportProgress = std::function<void(std::int64_t done, std::int64_t total)>;

// A pack brought by hand on a USB stick: PACK and the PACK.sig that `lantern content sign` wrote beside it.
// Both are opened without following links (a link on the stick is refused) and must be ordinary files. The
// signature file is checked first (signed by `signing_public_key`, newer than `current_version`), then the
// pack's size (over k_max_pack_bytes: refused unread); the pack is read once to check its SHA-256 against the
// signed one, and only then copied from the same open file into `packs_dir` (0600), the copy hashed again,
// flushed, and given the structural pack check. Empty on success (`version_out` says which version, and it
// is the pending pack); otherwise why not, in words for staff, and nothing is left in `packs_dir`.
std::string import_signed_pack(OutboxStore& store, const std::filesystem::path& pack,
                               const std::filesystem::path& packs_dir, const Bytes& signing_public_key,
                               const std::string& current_version, std::string& version_out,
                               const ImportProgress& progress = {});

// The pack verified and waiting for the next session start, if any.
std::optional<PackInfo> pending_pack(const OutboxStore& store);
// Hands the pending pack over: it becomes the current pack (recorded in the store) and is no longer
// pending. The kiosk calls this at a session start and opens the returned file.
std::optional<PackInfo> take_pending_pack(OutboxStore& store);
// The pack last taken over, if any (what the kiosk should open after a restart).
std::optional<PackInfo> current_pack(const OutboxStore& store);
// The pack in use before the current one: the last good pack, to fall back to if the current one fails.
std::optional<PackInfo> previous_pack(const OutboxStore& store);

// Keys in the outbox's sync_state table.
namespace state_key {
inline constexpr const char* pending_pack_path = "pending_pack_path";
inline constexpr const char* pending_pack_version = "pending_pack_version";
inline constexpr const char* current_pack_path = "current_pack_path";
inline constexpr const char* current_pack_version = "current_pack_version";
inline constexpr const char* previous_pack_path = "previous_pack_path";
inline constexpr const char* previous_pack_version = "previous_pack_version";
inline constexpr const char* manifest_etag = "manifest_etag";
inline constexpr const char* last_success = "last_success";
// The hub's notices: the signed document as it came (checked again when read back) and its ETag.
inline constexpr const char* notices_document = "notices_document";
inline constexpr const char* notices_signature = "notices_signature";
inline constexpr const char* notices_etag = "notices_etag";
}  // namespace state_key

}  // namespace lantern::sync
