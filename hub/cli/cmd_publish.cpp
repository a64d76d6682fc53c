// `lantern content sign` and `lantern content publish`, added under cmd_content.cpp's `content` group.
#include <fstream>
#include <iostream>
#include <sstream>

#include "content/pack_check.h"
#include "content/pack_reader.h"
#include "hub/cli/admin_client.h"
#include "hub/cli/commands.h"
#include "sync/sealing.h"

namespace lantern::hub {

namespace {
std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
}  // namespace

void register_publish_commands(CLI::App& app, int& exit_code) {
    CLI::App* content = nullptr;
    try {
        content = app.get_subcommand("content");
    } catch (const CLI::OptionNotFound&) {
        content = app.add_subcommand("content", "Build, check and publish content packs");
    }

    struct SignArgs {
        std::string pack, key, version, out;
    };
    auto sa = std::make_shared<SignArgs>();
    auto* sign = content->add_subcommand("sign", "Sign a pack with the content-signing key (writes PACK.sig)");
    sign->add_option("PACK", sa->pack, "Pack file")->required()->check(CLI::ExistingFile);
    sign->add_option("--key", sa->key, "content-signing.key")->required();
    sign->add_option("--content-version", sa->version, "Version to sign (default: the pack's own)");
    sign->add_option("-o,--output", sa->out, "Signature file (default PACK.sig)");
    sign->callback([sa, &exit_code] {
        if (std::string problem = content::validate_pack_file(sa->pack); !problem.empty()) {
            std::cerr << "lantern content sign: " << sa->pack << ": " << problem << "\n";
            exit_code = 1;
            return;
        }
        std::string version = sa->version;
        if (version.empty()) {
            try {
                version = content::PackReader(sa->pack).meta().content_version;
            } catch (const std::exception& e) {
                std::cerr << "lantern content sign: " << e.what() << " (or pass --content-version)\n";
                exit_code = 1;
                return;
            }
        }
        auto key = sync::read_secret_key_file(sa->key, sync::k_signing_secret_key_bytes);
        std::string sha = sync::sha256_file_hex(sa->pack);
        auto sig = sync::sign_pack(version, sha, key);
        nlohmann::json j{{"version", version}, {"sha256", sha}, {"signature", sync::to_base64(sig)}};
        std::string out = sa->out.empty() ? sa->pack + ".sig" : sa->out;
        std::ofstream(out) << j.dump(2) << "\n";
        std::cout << "signed " << sa->pack << " version " << version << " -> " << out << "\n";
    });

    struct PublishArgs {
        std::string pack, sig, hub, token, ca;
    };
    auto pa = std::make_shared<PublishArgs>();
    auto* publish = content->add_subcommand("publish", "Upload a signed pack to the hub");
    publish->add_option("PACK", pa->pack, "Pack file")->required()->check(CLI::ExistingFile);
    publish->add_option("--sig", pa->sig, "Signature file (default PACK.sig)");
    publish->add_option("--hub", pa->hub, "Hub URL")->required();
    publish->add_option("--token", pa->token, "Admin token")->required()->envname("LANTERN_ADMIN_TOKEN");
    publish->add_option("--ca-file", pa->ca, "CA bundle for the hub's certificate");
    publish->callback([pa, &exit_code] {
        // Kiosks install only signed packs that open: anything else is refused here, before the upload.
        std::string sig_path = pa->sig.empty() ? pa->pack + ".sig" : pa->sig;
        std::error_code ec;
        if (!std::filesystem::is_regular_file(sig_path, ec)) {
            std::cerr << "lantern content publish: " << pa->pack << " is not signed (no " << sig_path
                      << "): sign it first with `lantern content sign`\n";
            exit_code = 1;
            return;
        }
        if (std::string problem = content::validate_pack_file(pa->pack); !problem.empty()) {
            std::cerr << "lantern content publish: " << pa->pack << ": " << problem << "\n";
            exit_code = 1;
            return;
        }
        auto sig = nlohmann::json::parse(read_all(sig_path), nullptr, false);
        auto text_field = [&](const char* key) { return sig.is_object() && sig.contains(key) && sig[key].is_string(); };
        if (!text_field("version") || !text_field("signature") || !text_field("sha256")) {
            std::cerr << "lantern content publish: the signature file is not one `lantern content sign` wrote\n";
            exit_code = 1;
            return;
        }
        std::string bytes = read_all(pa->pack);
        if (sync::sha256_hex(bytes) != sig["sha256"].get<std::string>()) {
            std::cerr << "lantern content publish: the pack changed since it was signed\n";
            exit_code = 1;
            return;
        }
        AdminClient client(pa->hub, pa->token, pa->ca);
        auto m = client.publish_pack(bytes, sig["version"].get<std::string>(), sig["signature"].get<std::string>());
        std::cout << "published version " << m.version << " (" << m.size << " bytes, sha256 " << m.sha256 << ")\n";
    });
}

}  // namespace lantern::hub
