// Each group of `lantern` subcommands registers itself on the CLI11 app here.
#pragma once

#include <CLI/CLI.hpp>

namespace lantern::hub {

// Each register_* adds its subcommands; the callback sets `exit_code` when a command fails.
void register_content_commands(CLI::App& app, int& exit_code);
void register_keys_commands(CLI::App& app, int& exit_code);
void register_kiosk_commands(CLI::App& app, int& exit_code);
// Adds `content sign` and `content publish`; call after register_content_commands.
void register_publish_commands(CLI::App& app, int& exit_code);
void register_notices_commands(CLI::App& app, int& exit_code);
void register_referrals_commands(CLI::App& app, int& exit_code);
void register_report_commands(CLI::App& app, int& exit_code);
void register_services_commands(CLI::App& app, int& exit_code);

}  // namespace lantern::hub
