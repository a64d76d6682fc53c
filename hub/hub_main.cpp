// `lantern-hub`: the central server kiosks sync to. Stops cleanly on SIGTERM/SIGINT.
#include <pthread.h>
#include <signal.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <thread>

#include "hub/hub_config.h"
#include "hub/hub_server.h"
#include "hub/hub_store.h"

int main(int argc, char** argv) {
    using namespace lantern::hub;
    CLI::App app{"lantern-hub: receives referrals, serves content packs"};
    std::string listen, data, config_file, tls_cert, tls_key;
    bool quiet = false;
    app.add_option("--listen", listen, "HOST:PORT to listen on (default 127.0.0.1:8470; port 0 = any free)");
    app.add_option("--data", data, "Data folder (SQLite store and packs)");
    app.add_option("--config", config_file, "TOML config file")->check(CLI::ExistingFile);
    app.add_option("--tls-cert", tls_cert, "PEM certificate: serve HTTPS");
    app.add_option("--tls-key", tls_key, "PEM private key for --tls-cert");
    app.add_flag("--quiet", quiet, "No per-request log lines");
    CLI11_PARSE(app, argc, argv);

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
        HubStore store(config.db_path());
        HubServer server(config, store, std::cerr);
        int port = server.bind();
        std::cout << "lantern-hub listening on " << (config.tls_cert.empty() ? "http" : "https") << "://" << config.host
                  << ":" << port << std::endl;

        std::thread waiter([&] {
            int sig = 0;
            sigwait(&stop_signals, &sig);
            std::cerr << "lantern-hub: stopping\n";
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
