// Verification of downloaded packs and the pending -> current hand-over.
#include "sync/pack_update.h"

#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "sync/encoding.h"
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

namespace {

// Copies to `to` and fsyncs it, so a power cut after the import never leaves a half pack marked pending.
bool copy_durably(const std::filesystem::path& from, const std::filesystem::path& to) {
    std::error_code ec;
    std::filesystem::copy_file(from, to, std::filesystem::copy_options::overwrite_existing, ec);
    if (ec) return false;
    int fd = ::open(to.c_str(), O_RDONLY);
    if (fd < 0) return false;
    bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

}  // namespace

std::string import_signed_pack(OutboxStore& store, const std::filesystem::path& pack,
                               const std::filesystem::path& packs_dir, const Bytes& signing_public_key,
                               const std::string& current_version, std::string& version_out) {
    constexpr const char* k_not_a_sig = "pack rejected: the signature file is not one `lantern content sign` wrote";
    if (signing_public_key.empty()) return "pack rejected: this kiosk has no content-signing key to check it with";
    std::filesystem::path sig_path = pack.string() + ".sig";
    std::error_code ec;
    auto sig_size = std::filesystem::file_size(sig_path, ec);
    if (ec) return "pack rejected: no signature file (" + sig_path.filename().string() + ") beside it";
    if (sig_size > 4096) return k_not_a_sig;  // a few hundred bytes when real: never read a huge one
    std::ifstream in(sig_path);
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    auto sig = nlohmann::json::parse(text, nullptr, false);
    if (!sig.is_object() || !sig["version"].is_string() || !sig["sha256"].is_string() || !sig["signature"].is_string())
        return k_not_a_sig;
    std::string sha = sig["sha256"];
    if (sha.size() != 64 || sha.find_first_not_of("0123456789abcdef") != std::string::npos) return k_not_a_sig;

    // The copy is what gets checked and used: the stick is read once, and pulling it out or changing the
    // file mid-copy can only make the check fail.
    std::filesystem::create_directories(packs_dir, ec);
    auto part = packs_dir / (sha + ".import");
    if (!copy_durably(pack, part)) {
        std::filesystem::remove(part, ec);
        return "pack rejected: it could not be copied whole (is the stick still in?)";
    }
    Manifest m{sig["version"], sha, static_cast<std::int64_t>(std::filesystem::file_size(part, ec)), sig["signature"],
               ""};
    if (auto why = verify_pack_file(part, m, signing_public_key, current_version); !why.empty()) {
        std::filesystem::remove(part, ec);
        return why;
    }
    auto final_path = packs_dir / ("pack-" + sha + ".sqlite");
    std::filesystem::rename(part, final_path, ec);
    if (ec) return "pack rejected: cannot move the copy into place";
    if (auto old = pending_pack(store); old && old->path != final_path) std::filesystem::remove(old->path, ec);
    store.set_state(state_key::pending_pack_path, final_path.string());
    store.set_state(state_key::pending_pack_version, m.version);
    version_out = m.version;
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
