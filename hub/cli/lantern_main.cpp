// `lantern`: the staff command (keys, content, kiosks, referrals, reports).
#include <iostream>

#include "hub/cli/commands.h"

int main(int argc, char** argv) {
    CLI::App app{"lantern: the staff command for Lantern kiosks and hub"};
    app.set_version_flag("--version", "lantern " LANTERN_VERSION);
    app.require_subcommand(1);
    int exit_code = 0;
    lantern::hub::register_content_commands(app, exit_code);
    lantern::hub::register_keys_commands(app, exit_code);
    lantern::hub::register_kiosk_commands(app, exit_code);
    lantern::hub::register_publish_commands(app, exit_code);
    lantern::hub::register_notices_commands(app, exit_code);
    lantern::hub::register_referrals_commands(app, exit_code);
    lantern::hub::register_report_commands(app, exit_code);
    lantern::hub::register_services_commands(app, exit_code);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    } catch (const std::exception& e) {
        std::cerr << "lantern: " << e.what() << "\n";
        return 1;
    }
    return exit_code;
}
