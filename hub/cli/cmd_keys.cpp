// `lantern keys generate`: the content-signing (Ed25519) and referral (X25519) key pairs.
#include <iostream>

#include "hub/cli/commands.h"
#include "sync/sealing.h"

namespace lantern::hub {

void register_keys_commands(CLI::App& app, int& exit_code) {
    auto* keys = app.add_subcommand("keys", "Create the hub's key pairs");
    keys->require_subcommand(1);
    struct Args {
        std::string out;
        bool force = false;
    };
    auto args = std::make_shared<Args>();
    auto* gen = keys->add_subcommand("generate", "Write content-signing.{key,pub} and referral.{key,pub}");
    gen->add_option("--out", args->out, "Folder for the key files")->required();
    gen->add_flag("--force", args->force, "Overwrite existing key files");
    gen->callback([args, &exit_code] {
        namespace fs = std::filesystem;
        fs::path dir = args->out;
        fs::create_directories(dir);
        const char* names[] = {"content-signing.key", "content-signing.pub", "referral.key", "referral.pub"};
        for (const char* n : names) {
            if (fs::exists(dir / n) && !args->force) {
                std::cerr << "lantern keys generate: " << (dir / n).string()
                          << " exists; refusing to overwrite (use --force)\n";
                exit_code = 1;
                return;
            }
        }
        auto signing = sync::generate_signing_keys();
        auto referral = sync::generate_referral_keys();
        sync::write_key_file(dir / "content-signing.key", signing.secret_key.bytes());
        sync::write_key_file(dir / "content-signing.pub", signing.public_key);
        sync::write_key_file(dir / "referral.key", referral.secret_key.bytes());
        sync::write_key_file(dir / "referral.pub", referral.public_key);
        std::cout << "wrote " << dir.string() << "/content-signing.key (keep with the content team)\n"
                  << "wrote " << dir.string() << "/content-signing.pub (to every kiosk and the hub)\n"
                  << "wrote " << dir.string() << "/referral.key (export machine only, never the hub)\n"
                  << "wrote " << dir.string() << "/referral.pub (to every kiosk)\n";
    });
}

}  // namespace lantern::hub
