// `lantern notices publish`: checks the team's notices.yaml, signs it with the content-signing key, uploads it.
#include <fstream>
#include <iostream>
#include <sstream>

#include "hub/cli/admin_client.h"
#include "hub/cli/commands.h"
#include "hub/cli/notices_file.h"
#include "sync/sealing.h"

namespace lantern::hub {

void register_notices_commands(CLI::App& app, int& exit_code) {
    auto* notices = app.add_subcommand("notices", "Notices from the hub to the kiosks' home screens");
    notices->require_subcommand(1);
    struct Args {
        std::string file, key, hub, token, ca;
    };
    auto a = std::make_shared<Args>();
    auto* publish = notices->add_subcommand(
        "publish", "Check, sign and publish notices.yaml (it replaces every notice published before)");
    publish->add_option("FILE", a->file, "notices.yaml")->required()->check(CLI::ExistingFile);
    publish->add_option("--key", a->key, "content-signing.key")->required();
    publish->add_option("--hub", a->hub, "Hub URL")->required();
    publish->add_option("--token", a->token, "Admin token")->required()->envname("LANTERN_ADMIN_TOKEN");
    publish->add_option("--ca-file", a->ca, "CA bundle for the hub's certificate");
    publish->callback([a, &exit_code] {
        std::ifstream in(a->file, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        auto doc = read_notices_yaml(text.str(), notices_version_now());
        if (!doc) {
            std::cerr << "lantern notices publish: " << a->file << ": " << doc.error().message << "\n";
            exit_code = 1;
            return;
        }
        for (const auto& n : doc.value().notices)
            if (n.text_cy.empty())
                std::cout << "note: " << n.id << " has no Welsh (cy): Welsh readers will see the English\n";
        auto key = sync::read_secret_key_file(a->key, sync::k_signing_secret_key_bytes);
        auto signed_notices = sync::sign_notices(doc.value(), key);
        AdminClient client(a->hub, a->token, a->ca);
        auto answer = client.publish_notices(signed_notices);
        std::cout << "published notices version " << answer.version << " (" << answer.notices << " notices)\n";
    });
}

}  // namespace lantern::hub
