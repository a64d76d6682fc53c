// Verification of downloaded packs and the pending -> current hand-over.
#include "sync/pack_update.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <utility>
#include <nlohmann/json.hpp>

#include "content/pack_check.h"
#include "sync/durable_db.h"
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
    // Signed is not enough: a pack the kiosk could not show must never be switched to.
    if (auto why = content::validate_pack_file(file); !why.empty()) return "pack rejected: " + why;
    return {};
}

namespace {

constexpr const char* k_not_a_sig = "Not imported: the .sig file beside it is not one `lantern content sign` wrote.";

struct Fd {
    int fd = -1;
    Fd() = default;
    explicit Fd(int f) : fd(f) {}
    Fd(Fd&& o) noexcept : fd(std::exchange(o.fd, -1)) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

// A regular file on the stick, never through a link (O_NOFOLLOW) and never a FIFO or device (O_NONBLOCK, so
// opening one cannot hang; fstat then refuses it). Empty `why` on success.
Fd open_stick_file(const std::filesystem::path& path, const std::string& what, struct stat& st, std::string& why) {
    Fd f(::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
    if (f.fd < 0) {
        if (errno == ELOOP)
            why = "Not imported: the " + what + " on the stick is a link to another file, not a file on the stick.";
        else if (errno == ENOENT) why = "Not imported: the " + what + " (" + path.filename().string() + ") is missing.";
        else why = "Not imported: the " + what + " cannot be read (is the stick still in?).";
        return f;
    }
    if (::fstat(f.fd, &st) != 0 || !S_ISREG(st.st_mode))
        why = "Not imported: the " + what + " is not an ordinary file.";
    return f;
}

// SHA-256 of the whole of `fd` read from offset 0; a copy of each block goes to `out_fd` when it is >= 0.
// False if reading (or writing) fails or the file is not `size` bytes long.
bool hash_fd(int fd, std::int64_t size, int out_fd, std::string& hex,
             const std::function<void(std::int64_t)>& on_bytes) {
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    std::vector<unsigned char> buf(1 << 20);
    std::int64_t offset = 0;
    for (;;) {
        ssize_t n = ::pread(fd, buf.data(), buf.size(), offset);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return false;
        if (n == 0) break;
        crypto_hash_sha256_update(&state, buf.data(), static_cast<unsigned long long>(n));
        for (ssize_t done = 0; out_fd >= 0 && done < n;) {
            ssize_t w = ::write(out_fd, buf.data() + done, static_cast<std::size_t>(n - done));
            if (w < 0 && errno == EINTR) continue;
            if (w <= 0) return false;
            done += w;
        }
        offset += n;
        if (offset > size) return false;  // grew while being read
        if (on_bytes) on_bytes(offset);
    }
    if (offset != size) return false;
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&state, digest);
    hex = to_hex(digest, sizeof digest);
    return true;
}

}  // namespace

std::string import_signed_pack(OutboxStore& store, const std::filesystem::path& pack,
                               const std::filesystem::path& packs_dir, const Bytes& signing_public_key,
                               const std::string& current_version, std::string& version_out,
                               const ImportProgress& progress) {
    if (signing_public_key.empty())
        return "Not imported: this kiosk has no content-signing key (hub.content_public_key) to check packs with.";
    // The signature file first: small, and it says what the pack must be.
    struct stat sig_st {};
    std::string why;
    std::filesystem::path sig_path = pack.string() + ".sig";
    Fd sig_fd = open_stick_file(sig_path, "signature file", sig_st, why);
    if (!why.empty()) return why;
    if (sig_st.st_size > 4096) return k_not_a_sig;  // a few hundred bytes when real: never read a huge one
    std::string text(static_cast<std::size_t>(sig_st.st_size), '\0');
    if (::pread(sig_fd.fd, text.data(), text.size(), 0) != static_cast<ssize_t>(text.size()))
        return "Not imported: the signature file cannot be read (is the stick still in?).";
    auto sig = nlohmann::json::parse(text, nullptr, false);
    if (!sig.is_object() || !sig["version"].is_string() || !sig["sha256"].is_string() || !sig["signature"].is_string())
        return k_not_a_sig;
    std::string version = sig["version"];
    std::string sha = sig["sha256"];
    if (!is_sha256_hex(sha) || version.empty() || version.size() > 64) return k_not_a_sig;
    auto signature = from_base64(sig["signature"].get<std::string>());
    if (!signature || !verify_pack_signature(version, sha, *signature, signing_public_key))
        return "Not imported: its signature is not from your organisation's content-signing key.";
    if (!current_version.empty() && compare_versions(version, current_version) <= 0)
        return "Not imported: this pack is version " + version + ", and the kiosk already has version " +
               current_version + ".";

    // Then the pack: its size is checked before a byte of it is read.
    struct stat st {};
    Fd in = open_stick_file(pack, "pack", st, why);
    if (!why.empty()) return why;
    const std::int64_t size = st.st_size;
    if (size > k_max_pack_bytes)
        return "Not imported: the file is " + std::to_string(size / (1024 * 1024)) + " MB, more than the " +
               std::to_string(k_max_pack_bytes / (1024 * 1024)) + " MB a content pack may be.";
    if (size < 512) return "Not imported: the file is too small to be a content pack.";
    auto report = [&](std::int64_t done) {
        if (progress) progress(done, 2 * size);
    };
    // Read once, streaming, and check the signed hash before anything is written to the kiosk.
    std::string stick_sha;
    if (!hash_fd(in.fd, size, -1, stick_sha, report))
        return "Not imported: the pack could not be read whole (is the stick still in?).";
    if (stick_sha != sha)
        return "Not imported: the pack is not the one its signature file names (changed or damaged since it was "
               "signed).";

    // Then copy from the same open file, hashing the copy: a file swapped or changed on the stick meanwhile
    // can only make the import fail.
    try {
        create_private_dir(packs_dir);
    } catch (const std::exception&) {
        return "Not imported: the kiosk cannot write to its data folder.";
    }
    auto part = packs_dir / (sha + ".import");
    std::error_code ec;
    std::filesystem::remove(part, ec);
    std::string copy_sha;
    {
        Fd out(::open(part.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
        bool ok = out.fd >= 0 &&
                  hash_fd(in.fd, size, out.fd, copy_sha, [&](std::int64_t done) { report(size + done); }) &&
                  ::fsync(out.fd) == 0;
        if (!ok || copy_sha != sha) {
            std::filesystem::remove(part, ec);
            return "Not imported: the pack changed or could not be copied whole (is the stick still in?).";
        }
    }
    if (auto bad = content::validate_pack_file(part); !bad.empty()) {
        std::filesystem::remove(part, ec);
        return "Not imported: " + bad + ".";
    }
    auto final_path = packs_dir / ("pack-" + sha + ".sqlite");
    std::filesystem::rename(part, final_path, ec);
    if (ec) {
        std::filesystem::remove(part, ec);
        return "Not imported: the kiosk cannot move the copy into place.";
    }
    if (auto old = pending_pack(store); old && old->path != final_path) std::filesystem::remove(old->path, ec);
    store.update_state(
        {{state_key::pending_pack_path, final_path.string()}, {state_key::pending_pack_version, version}});
    version_out = version;
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
    // The pack in use until now is kept as the last good one to fall back to; the one before it goes.
    // One transaction: a power cut mid-switch leaves the old state or the new, never a mix (a current path
    // with another pack's version, a pending pack already current).
    auto old_previous = previous_pack(store);
    auto old = current_pack(store);
    bool keep_old = old && old->path != p->path;
    std::vector<std::pair<std::string, std::optional<std::string>>> changes;
    if (keep_old) {
        changes.emplace_back(state_key::previous_pack_path, old->path.string());
        changes.emplace_back(state_key::previous_pack_version, old->version);
    }
    changes.emplace_back(state_key::current_pack_path, p->path.string());
    changes.emplace_back(state_key::current_pack_version, p->version);
    changes.emplace_back(state_key::pending_pack_path, std::nullopt);
    changes.emplace_back(state_key::pending_pack_version, std::nullopt);
    store.update_state(changes);
    // Only once nothing names it any more does the pack before the last good one go.
    std::error_code ec;
    if (keep_old && old_previous && old_previous->path != old->path && old_previous->path != p->path)
        std::filesystem::remove(old_previous->path, ec);
    return p;
}

std::optional<PackInfo> previous_pack(const OutboxStore& store) {
    auto path = store.get_state(state_key::previous_pack_path);
    auto version = store.get_state(state_key::previous_pack_version);
    if (!path || !version) return std::nullopt;
    return PackInfo{*path, *version};
}

std::optional<PackInfo> current_pack(const OutboxStore& store) {
    auto path = store.get_state(state_key::current_pack_path);
    auto version = store.get_state(state_key::current_pack_version);
    if (!path || !version) return std::nullopt;
    return PackInfo{*path, *version};
}

}  // namespace lantern::sync
