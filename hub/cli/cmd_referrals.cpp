// `lantern referrals open|export`: decrypt on the staff machine with the referral private key.
#include <fstream>
#include <iostream>
#include <sstream>

#include "hub/cli/commands.h"
#include "hub/cli/referral_export.h"

namespace lantern::hub {

void register_referrals_commands(CLI::App& app, int& exit_code) {
    auto* referrals = app.add_subcommand("referrals", "Open and export referrals");
    referrals->require_subcommand(1);

    struct OpenArgs {
        std::string key, packet;
    };
    auto oa = std::make_shared<OpenArgs>();
    auto* open = referrals->add_subcommand("open", "Open one sealed payload (raw or base64 file) and print it");
    open->add_option("--key", oa->key, "referral.key")->required();
    open->add_option("PACKET", oa->packet, "File holding the sealed payload")->required()->check(CLI::ExistingFile);
    open->callback([oa, &exit_code] {
        auto secret = sync::read_secret_key_file(oa->key, sync::k_referral_secret_key_bytes);
        std::ifstream in(oa->packet, std::ios::binary);
        std::string raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::string text = raw;
        while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
        auto sealed = sync::from_base64(text);
        sync::Bytes bytes = sealed ? *sealed : sync::Bytes(raw.begin(), raw.end());
        try {
            std::string plain = sync::open_sealed(bytes, sync::referral_public_key_of(secret), secret);
            std::cout << plain << "\n";
            sync::wipe(plain);
        } catch (const sync::CryptoError& e) {
            std::cerr << "lantern referrals open: " << e.what() << "\n";
            exit_code = 1;
        }
    });

    struct ExportArgs {
        std::string hub, token, key, format = "csv", out, ca, services;
        std::vector<std::string> areas;
        bool all = false, no_mark = false;
    };
    auto xa = std::make_shared<ExportArgs>();
    auto* exp = referrals->add_subcommand("export", "Fetch new referrals, open them here, mark them exported");
    exp->add_option("--hub", xa->hub, "Hub URL")->required();
    exp->add_option("--token", xa->token, "Admin token")->required()->envname("LANTERN_ADMIN_TOKEN");
    exp->add_option("--key", xa->key, "referral.key")->required();
    exp->add_option("--format", xa->format, "csv or json")->check(CLI::IsMember({"csv", "json"}));
    exp->add_option("-o,--output", xa->out, "Output file (mode 0600); default stdout");
    exp->add_option("--ca-file", xa->ca, "CA bundle for the hub's certificate");
    exp->add_flag("--all", xa->all, "Include referrals already exported");
    exp->add_flag("--no-mark", xa->no_mark, "Do not mark the exported referrals on the hub");
    exp->add_option("--services", xa->services,
                    "Suggest services from this directory (services.json or a content pack) for each referral");
    exp->add_option(
        "--area", xa->areas,
        "With --services: an area the centres serve (\"Cardiff\"), or one centre's (\"HMP Example=Cardiff\")");
    exp->callback([xa, &exit_code] {
        auto secret = sync::read_secret_key_file(xa->key, sync::k_referral_secret_key_bytes);
        // The directory is read before anything is fetched, so a bad one stops the export with nothing marked.
        std::optional<std::vector<content::Service>> directory;
        if (!xa->services.empty()) directory = read_service_directory(xa->services);
        AdminClient client(xa->hub, xa->token, xa->ca);
        auto result = fetch_and_open(client, secret, xa->all);
        if (directory) add_suggestions(result.referrals, *directory, content::CentreAreas(xa->areas));
        std::string text = xa->format == "json" ? to_json_text(result.referrals) : to_csv(result.referrals);
        if (xa->out.empty()) {
            std::cout << text;
        } else {
            write_private_file(xa->out, text);
        }
        sync::wipe(text);
        // Mark only after the output is safely written.
        std::vector<std::string> ids;
        for (const auto& r : result.referrals) ids.push_back(r.id);
        std::int64_t marked = 0;
        if (!xa->no_mark)
            for (std::size_t i = 0; i < ids.size(); i += 1000)
                marked += client.mark_exported(
                    std::vector<std::string>(ids.begin() + i, ids.begin() + std::min(ids.size(), i + 1000)));
        std::cerr << "exported " << result.referrals.size() << " referrals, marked " << marked << "\n";
        if (!result.failed_ids.empty()) {
            std::cerr << result.failed_ids.size() << " could not be opened with this key (not marked):";
            for (const auto& id : result.failed_ids) std::cerr << " " << id;
            std::cerr << "\n";
            exit_code = 1;
        }
    });
}

}  // namespace lantern::hub
