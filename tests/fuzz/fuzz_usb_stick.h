// The USB stick the .sig harness imports from, shared with the seed generator: a fixed signing key (so a
// seed's signature verifies in the harness) and a pack file that is signed but is not a pack, so a valid
// signature carries the import through the hash, the copy and the pack check without ever installing it.
#pragma once

#include <sodium.h>

#include <string>

#include <nlohmann/json.hpp>

#include "sync/encoding.h"
#include "sync/sealing.h"

namespace lantern::fuzz {

struct UsbStick {
    sync::Bytes public_key;
    sync::Bytes secret_key;
    std::string pack_bytes;
    std::string version = "20261202";

    UsbStick() {
        if (sodium_init() < 0) std::abort();
        unsigned char seed[crypto_sign_SEEDBYTES];
        for (unsigned i = 0; i < sizeof seed; ++i) seed[i] = static_cast<unsigned char>(i * 7 + 1);
        public_key.resize(crypto_sign_PUBLICKEYBYTES);
        secret_key.resize(crypto_sign_SECRETKEYBYTES);
        crypto_sign_seed_keypair(public_key.data(), secret_key.data(), seed);
        for (int i = 0; i < 4096; ++i) pack_bytes.push_back(static_cast<char>((i * 31) & 0xff));
    }

    std::string pack_sha() const { return sync::sha256_hex(pack_bytes); }

    // What `lantern content sign` writes beside a pack (hub/cli/cmd_publish.cpp), for `version`.
    std::string sig_file(const std::string& for_version) const {
        unsigned char sig[crypto_sign_BYTES];
        std::string message = sync::pack_signing_message(for_version, pack_sha());
        crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                             secret_key.data());
        nlohmann::json j{{"version", for_version},
                         {"sha256", pack_sha()},
                         {"signature", sync::to_base64(sync::Bytes(sig, sig + sizeof sig))}};
        return j.dump(2) + "\n";
    }
};

}  // namespace lantern::fuzz
