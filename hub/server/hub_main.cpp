// `lantern-hub`: the central server kiosks sync to. Stops cleanly on SIGTERM/SIGINT. `backup` and `restore`
// copy its store while it serves and put a copy back.
#include <pthread.h>
#include <signal.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <thread>

#include "hub/shared/hub_config.h"
#include "hub/server/hub_server.h"
#include "hub/store/hub_store.h"
#include "hub/store/sqlite_backup.h"
#include "hub/store/sqlite_hub_store.h"
#include "hub/server/service_watch.h"

int main(int argc, char** argv) {
    using namespace lantern::hub;
    CLI::App app{"lantern-hub: receives referrals, serves content packs"};
    app.set_version_flag("--version", "lantern-hub " LANTERN_VERSION);
    std::string listen, data, config_file, tls_cert, tls_key;
    bool quiet = false;
    app.add_option("--listen", listen, "HOST:PORT to listen on (default 127.0.0.1:8470; port 0 = any free)");
    app.add_option("--data", data, "Data folder (packs, and the SQLite store unless the config names another)");
    app.add_option("--config", config_file, "TOML config file")->check(CLI::ExistingFile);
    app.add_option("--tls-cert", tls_cert, "PEM certificate: serve HTTPS");
    app.add_option("--tls-key", tls_key, "PEM private key for --tls-cert");
    app.add_flag("--quiet", quiet, "No per-request log lines");
    std::string backup_to, restore_from;
    int step_pages = 256;
    auto* backup = app.add_subcommand("backup", "Copy the store while the hub serves (SQLite online backup)");
    backup->add_option("--to", backup_to, "Backup file to write (replaced only once the copy is checked)")->required();
    backup->add_option("--data", data, "Data folder of the hub");
    backup->add_option("--step-pages", step_pages, "Pages copied per step (default 256); the hub writes between steps")
        ->check(CLI::Range(1, 1 << 20));
    backup->add_option("--config", config_file, "The hub's TOML config (for its data folder)")
        ->check(CLI::ExistingFile);
    auto* restore = app.add_subcommand("restore", "Put a backup in place as the store of a STOPPED hub");
    restore->add_option("--from", restore_from, "Backup file written by `lantern-hub backup`")->required();
    restore->add_option("--data", data, "Data folder of the hub");
    restore->add_option("--config", config_file, "The hub's TOML config (for its data folder)")
        ->check(CLI::ExistingFile);
    app.require_subcommand(0, 1);
    CLI11_PARSE(app, argc, argv);

    if (*backup || *restore) {
        try {
            HubConfig config;
            if (!config_file.empty()) load_config_file(config_file, config);
            if (!data.empty()) config.data_dir = data;
            if (!config.store.empty())
                throw std::runtime_error(
                    "the store is PostgreSQL: back it up and restore it with PostgreSQL's own tools (pg_dump, "
                    "pg_basebackup), see docs/OPERATIONS.md");
            auto file = sqlite_store_file(config.data_dir);
            BackupReport r =
                *backup ? backup_store(file, backup_to, step_pages) : restore_store(restore_from, config.data_dir);
            std::cout << (*backup ? "backup written: " + backup_to : "restored into " + file.string()) << " ("
                      << r.referrals << " referrals, schema " << r.schema_version << ", integrity ok)\n";
            if (*restore) std::cout << "packs/ is not in the store: copy it back from your file backup too\n";
            return 0;
        } catch (const std::exception& e) {
            std::cerr << "lantern-hub: " << e.what() << "\n";
            return 1;
        }
    }

    // Block the stop signals in every thread; one thread waits for them and stops the server, so no
    // work happens inside a signal handler.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    signal(SIGPIPE, SIG_IGN);

    HubConfig config;
    try {
        if (!config_file.empty()) load_config_file(config_file, config);
        if (!listen.empty()) parse_listen(listen, config);
        if (!data.empty()) config.data_dir = data;
        if (!tls_cert.empty()) config.tls_cert = tls_cert;
        if (!tls_key.empty()) config.tls_key = tls_key;
        if (quiet) config.quiet = true;
        prepare_data_dir(config);
    } catch (const std::exception& e) {
        std::cerr << "lantern-hub: " << e.what() << "\n";
        return 2;
    }

    try {
        auto store = open_store(config.store, config.data_dir);
        HubServer server(config, *store, std::cerr);
        int port = server.bind();
        std::cout << "lantern-hub listening on " << (config.tls_cert.empty() ? "http" : "https") << "://" << config.host
                  << ":" << port << std::endl;
        ServiceWatch service_watch(config, port);  // systemd: READY=1 once it answers, then WATCHDOG=1

        std::thread waiter([&] {
            int sig = 0;
            sigwait(&stop_signals, &sig);
            std::cerr << "lantern-hub: stopping\n";
            service_watch.stop();
            server.stop();
        });
        server.run();  // returns after stop(), once in-flight requests are done
        // If run() ended on its own (error), wake the waiter so it can be joined.
        pthread_kill(waiter.native_handle(), SIGTERM);
        waiter.join();
        std::cerr << "lantern-hub: stopped\n";
    } catch (const std::exception& e) {
        std::cerr << "lantern-hub: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
