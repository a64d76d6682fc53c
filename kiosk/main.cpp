// lantern-kiosk: parses the command line and runs the kiosk.
#include <CLI/CLI.hpp>
#include <chrono>
#include <iostream>
#include <thread>

#include "content/pack_reader.h"
#include "kiosk/parts/config.h"
#include "kiosk/parts/kiosk_sync.h"
#include "kiosk/parts/process_guard.h"
#include "kiosk/ui/kiosk_loop.h"

namespace lantern::kiosk {

// For staff and run.sh: does this kiosk reach its hub? Exit 0 once the outbox is empty after a hub answer.
int sync_outbox_now(const KioskConfig& config, double seconds) {
    if (config.hub_url.empty() || config.referral_public_key.empty()) {
        std::cerr << "lantern-kiosk: --sync-now needs a --config with [hub] url and referral_public_key\n";
        return 2;
    }
    try {
        // The pack's version goes into the heartbeat, so the hub's `lantern kiosk status` can show it.
        std::string installed;
        try {
            if (!config.pack.empty()) installed = content::PackReader(config.pack).meta().content_version;
        } catch (const std::exception&) {
        }
        KioskSync sync(config, installed, {});
        auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
        sync::SyncStatus s;
        do {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            s = *sync.status();
        } while ((s.outbox_depth > 0 || s.last_success.empty()) && std::chrono::steady_clock::now() < deadline);
        std::cout << "outbox: " << s.outbox_depth << " waiting, " << s.delivered << " delivered, " << s.refused
                  << " kept aside for staff\n"
                  << "last success: " << (s.last_success.empty() ? "never" : s.last_success) << "\n";
        if (!s.last_error.empty()) std::cout << "last error: " << s.last_error << "\n";
        return s.outbox_depth == 0 && !s.last_success.empty() ? 0 : 1;
    } catch (const std::exception& e) {
        std::cerr << "lantern-kiosk: " << e.what() << "\n";
        return 2;
    }
}

}  // namespace lantern::kiosk

int main(int argc, char** argv) {
    using namespace lantern;
    // Before any answer can be typed: a crash must never write a visitor's words into a core file.
#if defined(__SANITIZE_ADDRESS__)
    kiosk::guard_process_memory(false);
#else
    kiosk::guard_process_memory(true);
#endif
    CLI::App cli{"lantern-kiosk: the Lantern touchscreen kiosk"};
    cli.set_version_flag("--version", "lantern-kiosk " LANTERN_VERSION);
    kiosk::ui::RunOptions o;
    std::string size = "1920x1080", audience, config_path;
    cli.add_option("--config", config_path, "Kiosk config (TOML): centre, languages, timeouts, hub, paths");
    cli.add_option("--pack", o.pack_path, "Content pack (SQLite) to show");
    cli.add_option("--size", size, "Window size WxH")->check([](const std::string& s) {
        int w = 0, h = 0;
        char x = 0;
        return (std::sscanf(s.c_str(), "%d%c%d", &w, &x, &h) == 3 && x == 'x' && w >= 320 && h >= 240 && w <= 16384 &&
                h <= 16384)
                   ? std::string()
                   : std::string("--size must look like 1920x1080");
    });
    cli.add_flag("--fullscreen", o.window.fullscreen, "Fill the primary monitor");
    cli.add_option("--lang", o.lang, "Starting language (default en)");
    cli.add_option("--audience", audience, "Start as this audience: adult, teen, child or little")
        ->check(CLI::IsMember({"adult", "teen", "child", "little"}));
    cli.add_option("--open", o.open_page, "With --audience: open this page id");
    cli.add_option("--screenshot", o.screenshot, "Render, write a PNG of the screen reached, and exit");
    cli.add_option("--script", o.script, "Play scripted input (see kiosk/input/script.h), then exit");
    cli.add_option("--frame-stats", o.frame_stats, "Write each frame's CPU+GPU time in ms to this file, one a line");
    cli.add_option("--idle-seconds", o.idle.idle_seconds, "Seconds without input before the countdown")
        ->check(CLI::Range(5.0, 3600.0));
    cli.add_option("--countdown-seconds", o.idle.countdown_seconds, "Seconds of countdown before the wipe")
        ->check(CLI::Range(5.0, 600.0));
    cli.add_option("--text-scale", o.text_scale, "Text size: 1, 1.25 or 1.5")->check(CLI::Range(0.75, 2.0));
    cli.add_flag("--high-contrast", o.high_contrast, "High-contrast theme");
    cli.add_flag("--discard-referrals", o.discard_referrals, "Accept referrals without keeping them (demos, UI tests)");
    cli.add_flag("--print-references", o.print_references,
                 "Print each referral reference as it is shown (a random code, never an answer)");
    double sync_now = 0;
    cli.add_option("--sync-now", sync_now,
                   "No window: send the outbox to the hub now, wait up to this many seconds, print the state")
        ->check(CLI::Range(1.0, 3600.0));
    cli.add_flag("--real-input", o.real_input, "With --script: tap through the X server (XTest) as a touchscreen does");
    CLI11_PARSE(cli, argc, argv);

    // The config file gives the defaults; options on the command line win.
    if (!config_path.empty()) {
        auto loaded = kiosk::load_kiosk_config(config_path);
        if (auto* err = std::get_if<kiosk::ConfigError>(&loaded)) {
            std::cerr << "lantern-kiosk: " << err->message << "\n";
            return 2;
        }
        const auto& c = std::get<kiosk::KioskConfig>(loaded);
        o.config = c;
        if (o.pack_path.empty()) o.pack_path = c.pack;
        if (cli.count("--lang") == 0) o.lang = c.default_language;
        if (cli.count("--idle-seconds") == 0) o.idle.idle_seconds = c.idle_seconds;
        if (cli.count("--countdown-seconds") == 0) o.idle.countdown_seconds = c.countdown_seconds;
        if (cli.count("--text-scale") == 0) o.text_scale = static_cast<float>(c.text_scale);
        o.high_contrast = o.high_contrast || c.high_contrast;
        o.window.fullscreen = o.window.fullscreen || c.fullscreen;
    }

    if (sync_now > 0) return kiosk::sync_outbox_now(o.config, sync_now);

    std::sscanf(size.c_str(), "%dx%d", &o.window.width, &o.window.height);
    if (!audience.empty()) o.audience = content::audience_from_string(audience);
    try {
        return kiosk::ui::run_kiosk(o);
    } catch (const std::exception& e) {
        std::cerr << "lantern-kiosk: " << e.what() << "\n";
        return 1;
    }
}
