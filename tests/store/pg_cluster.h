// A throwaway PostgreSQL cluster for tests: Debian's initdb and postgres in a temp folder, listening only on a
// unix socket there, run as `nobody` when the tests run as root (PostgreSQL refuses root). Stopped and removed
// when the test program ends; if the program dies, the server gets SIGQUIT too (parent-death signal).
#pragma once

#include <fcntl.h>
#include <grp.h>
#include <libpq-fe.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace lantern::test {

class PgCluster {
   public:
    // The one cluster of this test program, started on first use; nullptr (and why in `reason`) if Debian's
    // postgresql package is not installed. Throws if it is installed but the cluster does not start.
    static PgCluster* shared(std::string& reason) {
        static std::unique_ptr<PgCluster> cluster;
        static std::string missing;
        if (!cluster && missing.empty()) {
            auto bin = find_bin();
            if (bin.empty())
                missing = "PostgreSQL binaries not found (/usr/lib/postgresql/*/bin/initdb): install postgresql";
            else cluster.reset(new PgCluster(bin, false));
        }
        reason = missing;
        return cluster.get();
    }

    // A cluster of the caller's own. `durable` keeps PostgreSQL's defaults (fsync on, synchronous commit), as
    // the bench needs to compare it fairly with SQLite's synchronous=FULL; the tests' cluster skips fsync.
    // nullptr (and why in `reason`) if the postgresql package is not installed.
    static std::unique_ptr<PgCluster> start(bool durable, std::string& reason) {
        auto bin = find_bin();
        if (bin.empty()) {
            reason = "PostgreSQL binaries not found (/usr/lib/postgresql/*/bin/initdb): install postgresql";
            return nullptr;
        }
        return std::unique_ptr<PgCluster>(new PgCluster(bin, durable));
    }

    ~PgCluster() {
        if (server_ > 0) {
            ::kill(server_, SIGINT);  // fast shutdown
            int status = 0;
            ::waitpid(server_, &status, 0);
        }
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }

    // A new, empty database; returns its connection URI. Its collation is ICU's English, where "HMP a" sorts
    // before "HMP B": a store that left ordering to the database's locale would fail the byte-order contract.
    std::string create_database() {
        std::string name = "lantern_test_" + std::to_string(++databases_);
        PGconn* c = PQconnectdb(uri("postgres").c_str());
        if (PQstatus(c) != CONNECTION_OK) {
            std::string why = PQerrorMessage(c);
            PQfinish(c);
            throw std::runtime_error("test cluster: " + why);
        }
        PGresult* r = PQexec(c, ("CREATE DATABASE " + name +
                                 " TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'")
                                    .c_str());
        bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
        std::string why = PQerrorMessage(c);
        PQclear(r);
        PQfinish(c);
        if (!ok) throw std::runtime_error("test cluster: CREATE DATABASE failed: " + why);
        return uri(name);
    }

    std::string uri(const std::string& database) const {
        return "postgresql:///" + database + "?host=" + dir_.string() + "&port=5432&user=lantern";
    }
    const std::filesystem::path& socket_dir() const { return dir_; }

   private:
    PgCluster(const std::filesystem::path& bin, bool durable) {
        char tmpl[] = "/tmp/lantern-pg-XXXXXX";
        if (!::mkdtemp(tmpl)) throw std::runtime_error("test cluster: mkdtemp failed");
        dir_ = tmpl;
        if (::geteuid() == 0) {
            passwd* pw = ::getpwnam("nobody");
            if (!pw) throw std::runtime_error("test cluster: running as root and there is no user nobody");
            uid_ = pw->pw_uid;
            gid_ = pw->pw_gid;
            if (::chown(dir_.c_str(), uid_, gid_) != 0) throw std::runtime_error("test cluster: chown failed");
        }
        auto data = (dir_ / "data").string(), log = (dir_ / "server.log").string();
        int rc = wait_for(spawn({(bin / "initdb").string(), "-D", data, "-U", "lantern", "--auth=trust", "--no-sync",
                                 "-E", "UTF8", "--locale=C.UTF-8"},
                                (dir_ / "initdb.log").string()));
        if (rc != 0) throw std::runtime_error("test cluster: initdb failed: " + read(dir_ / "initdb.log"));
        // Only the unix socket in our folder: nothing on the network, no clash with another cluster.
        server_ = spawn({(bin / "postgres").string(), "-D", data, "-k", dir_.string(), "-p", "5432", "-c",
                         "listen_addresses=", "-c", durable ? "fsync=on" : "fsync=off", "-c", "max_connections=200"},
                        log);
        auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(90);
        std::string ping = "host=" + dir_.string() + " port=5432 user=lantern dbname=postgres";
        while (PQping(ping.c_str()) != PQPING_OK) {
            int status = 0;
            if (::waitpid(server_, &status, WNOHANG) == server_) {
                server_ = -1;
                throw std::runtime_error("test cluster: postgres exited: " + read(log));
            }
            if (std::chrono::steady_clock::now() > deadline)
                throw std::runtime_error("test cluster: postgres did not start in 90 s: " + read(log));
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    }

    static std::filesystem::path find_bin() {
        std::error_code ec;
        for (const auto& v : std::filesystem::directory_iterator("/usr/lib/postgresql", ec))
            if (std::filesystem::exists(v.path() / "bin" / "initdb") &&
                std::filesystem::exists(v.path() / "bin/postgres"))
                return v.path() / "bin";
        return {};
    }

    static std::string read(const std::filesystem::path& p) {
        std::ifstream in(p);
        return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    }

    pid_t spawn(std::vector<std::string> args, const std::string& log) {
        pid_t pid = ::fork();
        if (pid < 0) throw std::runtime_error("test cluster: fork failed");
        if (pid == 0) {
            if (uid_ != 0 && (::setgroups(0, nullptr) != 0 || ::setgid(gid_) != 0 || ::setuid(uid_) != 0)) ::_exit(126);
            // After the user change, which would clear it.
            ::prctl(PR_SET_PDEATHSIG, SIGQUIT);
            if (::chdir(dir_.c_str()) != 0) ::_exit(126);
            int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
            if (fd >= 0) {
                ::dup2(fd, 1);
                ::dup2(fd, 2);
            }
            std::vector<char*> argv;
            for (auto& a : args) argv.push_back(a.data());
            argv.push_back(nullptr);
            ::execv(argv[0], argv.data());
            ::_exit(127);
        }
        return pid;
    }

    static int wait_for(pid_t pid) {
        int status = 0;
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
    }

    std::filesystem::path dir_;
    uid_t uid_ = 0;
    gid_t gid_ = 0;
    pid_t server_ = -1;
    std::atomic<int> databases_{0};
};

}  // namespace lantern::test
