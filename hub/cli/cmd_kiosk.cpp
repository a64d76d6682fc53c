// `lantern kiosk enrol` and `lantern admin-token`: tokens created in the hub's store (run on the hub).
#include <fstream>
#include <iostream>

#include "hub/cli/commands.h"
#include "hub/shared/hub_config.h"
#include "hub/cli/admin_client.h"
#include "hub/store/hub_store.h"
#include "hub/cli/kiosk_status.h"
#include "hub/cli/referral_export.h"
#include "common/pin_hash.h"

namespace lantern::hub {

namespace {
std::string toml_string(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (static_cast<unsigned char>(c) < 0x20) continue;
        out += c;
    }
    return out + "\"";
}

// The store of the hub whose data folder or config file is given (the config's data folder and store, then
// --data over its data folder), as the hub itself opens it.
std::unique_ptr<HubStore> open_hub_store(const std::string& data, const std::string& config_file) {
    if (data.empty() && config_file.empty()) throw std::runtime_error("give the hub's --data folder or its --config");
    HubConfig c;
    if (!config_file.empty()) load_config_file(config_file, c);
    if (!data.empty()) c.data_dir = data;
    prepare_data_dir(c);
    return open_store(c.store, c.data_dir);
}
}  // namespace

void register_kiosk_commands(CLI::App& app, int& exit_code) {
    auto* kiosk = app.add_subcommand("kiosk", "Manage kiosks known to the hub");
    kiosk->require_subcommand(1);
    struct EnrolArgs {
        std::string name, hub, data, config, centre, referral_pub = "referral.pub", content_pub = "content-signing.pub",
                                                     out;
    };
    auto ea = std::make_shared<EnrolArgs>();
    auto* enrol = kiosk->add_subcommand("enrol", "Create (or renew) a kiosk's token and print its config");
    enrol->add_option("NAME", ea->name, "Kiosk name (A-Z a-z 0-9 . _ -)")->required();
    enrol->add_option("--hub", ea->hub, "Hub URL the kiosk will use")->required();
    enrol->add_option("--data", ea->data, "The hub's data folder (or give --config)");
    enrol->add_option("--config", ea->config, "The hub's TOML config (its data folder and store)")
        ->check(CLI::ExistingFile);
    enrol->add_option("--centre", ea->centre, "Visitor centre name shown in reports (default: NAME)");
    enrol->add_option("--referral-public-key", ea->referral_pub, "Path of referral.pub on the kiosk");
    enrol->add_option("--content-public-key", ea->content_pub, "Path of content-signing.pub on the kiosk");
    enrol->add_option("-o,--output", ea->out, "Write the kiosk config here (mode 0600) instead of printing it");
    enrol->callback([ea, &exit_code] {
        auto store = open_hub_store(ea->data, ea->config);
        std::string token;
        try {
            token = store->enrol_kiosk(ea->name);
        } catch (const std::invalid_argument& e) {
            std::cerr << "lantern kiosk enrol: " << e.what() << "\n";
            exit_code = 1;
            return;
        }
        std::string toml =
            "# Lantern kiosk config written by `lantern kiosk enrol`\n"
            "[kiosk]\n"
            "name = " +
            toml_string(ea->name) +
            "\n"
            "centre = " +
            toml_string(ea->centre.empty() ? ea->name : ea->centre) +
            "\n\n"
            "[hub]\n"
            "url = " +
            toml_string(ea->hub) +
            "\n"
            "token = " +
            toml_string(token) +
            "\n"
            "referral_public_key = " +
            toml_string(ea->referral_pub) +
            "\n"
            "content_public_key = " +
            toml_string(ea->content_pub) +
            "\n"
            "# ca_file = \"hub-ca.pem\"\n"
            "# pinned_public_key = \"sha256//...\"\n";
        if (ea->out.empty()) {
            std::cout << toml;
        } else {
            write_private_file(ea->out, toml);
            std::cout << "wrote " << ea->out << "\n";
        }
    });

    // The PIN comes on standard input, so it never sits in the shell's history or the process list.
    auto* pin =
        kiosk->add_subcommand("pin", "Read a staff PIN (4-12 digits) on standard input; print its [staff] config");
    pin->callback([&exit_code] {
        std::string digits;
        std::getline(std::cin, digits);
        while (!digits.empty() && (digits.back() == '\r' || digits.back() == ' ')) digits.pop_back();
        if (!pin::is_valid_staff_pin(digits)) {
            std::cerr << "lantern kiosk pin: a staff PIN is 4 to 12 digits (type it, then Enter)\n";
            exit_code = 1;
            return;
        }
        std::cout << "# Add to the kiosk's config. Staff hold the attract screen's top-left corner for 3 s.\n"
                     "[staff]\n"
                     "pin_hash = "
                  << toml_string(pin::hash_staff_pin(digits)) << "\n";
    });

    struct StatusArgs {
        std::string hub, token, ca;
        int stale_minutes = 60;
    };
    auto sa = std::make_shared<StatusArgs>();
    auto* status = kiosk->add_subcommand("status", "Every kiosk's last heartbeat; those needing a look are marked !");
    status->add_option("--hub", sa->hub, "Hub URL")->required();
    status->add_option("--token", sa->token, "Admin token")->required()->envname("LANTERN_ADMIN_TOKEN");
    status->add_option("--ca-file", sa->ca, "CA bundle for the hub's certificate");
    status->add_option("--stale-minutes", sa->stale_minutes, "Mark a kiosk not heard from for this long")
        ->check(CLI::Range(1, 100000));
    status->callback([sa] {
        AdminClient client(sa->hub, sa->token, sa->ca);
        std::cout << kiosk_status_table(client.kiosks(), std::time(nullptr), sa->stale_minutes);
    });

    struct AdminArgs {
        std::string data, config, label = "admin", out;
    };
    auto aa = std::make_shared<AdminArgs>();
    auto* admin = app.add_subcommand("admin-token", "Create an admin token in the hub's store and print it");
    admin->add_option("--data", aa->data, "The hub's data folder");
    admin->add_option("--config", aa->config, "The hub's TOML config (its data folder and store)")
        ->check(CLI::ExistingFile);
    admin->add_option("--label", aa->label, "Who or what the token is for");
    admin->add_option("-o,--output", aa->out, "Write the token here (mode 0600) instead of printing it");
    admin->callback([aa] {
        std::string token = open_hub_store(aa->data, aa->config)->create_admin_token(aa->label);
        if (aa->out.empty()) {
            std::cout << token << "\n";
        } else {
            write_private_file(aa->out, token + "\n");
            std::cout << "wrote " << aa->out << "\n";
        }
    });
}

}  // namespace lantern::hub
