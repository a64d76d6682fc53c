// Verification of downloaded packs and the pending -> current hand-over.
#include "sync/pack_update.h"

#include "sync/sealing.h"

namespace lantern::sync {

std::string verify_pack_file(const std::filesystem::path& file, const Manifest& manifest,
                             const Bytes& signing_public_key, const std::string& current_version) {
    if (!current_version.empty() && compare_versions(manifest.version, current_version) <= 0)
        return "pack rejected: version " + manifest.version + " is not newer than " + current_version;
    std::error_code ec;
    auto size = std::filesystem::file_size(file, ec);
    if (ec) return "pack rejected: file missing";
    if (static_cast<std::int64_t>(size) != manifest.size) return "pack rejected: size differs from the manifest";
    std::string digest;
    try {
        digest = sha256_file_hex(file);
    } catch (const std::exception&) {
        return "pack rejected: cannot read the file";
    }
    if (digest != manifest.sha256) return "pack rejected: SHA-256 differs from the manifest";
    auto sig = from_base64(manifest.signature);
    if (!sig || !verify_pack_signature(manifest.version, manifest.sha256, *sig, signing_public_key))
        return "pack rejected: bad signature";
    return {};
}

std::optional<PackInfo> pending_pack(const OutboxStore& store) {
    auto path = store.get_state(state_key::pending_pack_path);
    auto version = store.get_state(state_key::pending_pack_version);
    if (!path || !version) return std::nullopt;
    return PackInfo{*path, *version};
}

std::optional<PackInfo> take_pending_pack(OutboxStore& store) {
    auto p = pending_pack(store);
    if (!p) return std::nullopt;
    store.set_state(state_key::current_pack_path, p->path.string());
    store.set_state(state_key::current_pack_version, p->version);
    store.erase_state(state_key::pending_pack_path);
    store.erase_state(state_key::pending_pack_version);
    return p;
}

std::optional<PackInfo> current_pack(const OutboxStore& store) {
    auto path = store.get_state(state_key::current_pack_path);
    auto version = store.get_state(state_key::current_pack_version);
    if (!path || !version) return std::nullopt;
    return PackInfo{*path, *version};
}

}  // namespace lantern::sync
