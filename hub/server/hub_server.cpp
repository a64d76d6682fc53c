// Routes of DESIGN.md's wire protocol table. Every answer is JSON; logs carry ids, codes and sizes only.
#include "hub/server/hub_server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <condition_variable>
#include <ctime>
#include <fstream>
#include <mutex>
#include <thread>
#include <utility>
#include <sstream>

#include "content/pack_check.h"
#include "hub/server/guarded_server.h"
#include "hub/server/log_text.h"
#include "hub/shared/admin_api.h"
#include "hub/shared/report_rule.h"
#include "sync/encoding.h"
#include "sync/notices.h"
#include "sync/protocol.h"
#include "sync/sealing.h"

namespace lantern::hub {

using nlohmann::json;

namespace {

constexpr const char* k_json = "application/json";

enum class Role { anyone, kiosk, admin };  // anyone: no token (the watchdog's health check)

struct RouteRule {
    const char* method;
    const char* path;
    bool prefix;
    Role role;
    std::size_t HubConfig::*limit;  // nullptr: no body expected
    bool transfer;                  // a pack goes up or down: transfer_timeout_seconds, not request_timeout
};

// Which token each route needs and how big its body may be; checked before the body is read.
const RouteRule k_rules[] = {
    {"POST", "/api/v1/referrals/exported", false, Role::admin, &HubConfig::max_json_bytes, false},
    {"POST", "/api/v1/referrals", false, Role::kiosk, &HubConfig::max_referral_bytes, false},
    {"GET", "/api/v1/referrals", false, Role::admin, nullptr, false},
    {"GET", "/api/v1/content/manifest", false, Role::kiosk, nullptr, false},
    {"GET", "/api/v1/content/packs/", true, Role::kiosk, nullptr, true},
    {"POST", "/api/v1/heartbeat", false, Role::kiosk, &HubConfig::max_json_bytes, false},
    {"POST", "/api/v1/content", false, Role::admin, &HubConfig::max_pack_bytes, true},
    {"POST", "/api/v1/notices", false, Role::admin, &HubConfig::max_json_bytes, false},
    {"GET", "/api/v1/notices", false, Role::kiosk, nullptr, false},
    {"GET", "/api/v1/report", false, Role::admin, nullptr, false},
    {"GET", "/api/v1/kiosks", false, Role::admin, nullptr, false},
    {"GET", "/api/v1/health", false, Role::anyone, nullptr, false},
};

const RouteRule* find_rule(const httplib::Request& req) {
    for (const auto& r : k_rules) {
        if (req.method != r.method) continue;
        if (r.prefix ? req.path.rfind(r.path, 0) == 0 : req.path == r.path) return &r;
    }
    return nullptr;
}

std::string bearer(const httplib::Request& req) {
    auto h = req.get_header_value("Authorization");
    constexpr std::string_view scheme = "Bearer ";
    if (h.size() <= scheme.size() || h.compare(0, scheme.size(), scheme) != 0) return {};
    return h.substr(scheme.size());
}

void reply(httplib::Response& res, int status, const json& body) {
    res.status = status;
    res.set_content(body.dump(), k_json);
}

void fail(httplib::Response& res, int status, const std::string& message) {
    res.status = status;
    res.set_content(sync::error_body(message), k_json);
}

// A referral route's error names the referral (its Idempotency-Key) so the kiosk can tell the hub's verdict
// on that referral from a proxy's or portal's JSON error, which names none.
void fail_referral(const httplib::Request& req, httplib::Response& res, int status, const std::string& message) {
    std::string id = req.get_header_value("Idempotency-Key");
    res.status = status;
    res.set_content(sync::is_uuid(id) ? sync::error_body(message, id) : sync::error_body(message), k_json);
}

const char* default_message(int status) {
    switch (status) {
        case 400: return "bad request";
        case 401: return "missing or wrong token";
        case 404: return "no such route";
        case 405: return "method not allowed";
        case 411: return "a Content-Length is required";
        case 413: return "body too large";
        case 414: return "URI too long";
        case 416: return "range not satisfiable";
        default: return status >= 500 ? "internal error" : "request failed";
    }
}

// "now minus `days`" in the form exported_at is stored in.
std::string utc_iso_days_ago(int days) {
    std::time_t t = std::time(nullptr) - static_cast<std::time_t>(days) * 24 * 3600;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

}  // namespace

struct HubServer::Impl {
    HubConfig config;
    HubStore& store;
    std::ostream& log;
    std::mutex log_mutex;
    std::mutex publish_mutex;
    sync::Bytes content_key;
    std::unique_ptr<httplib::Server> svr;
    std::mutex purge_mutex;  // guards stopping and run_returned
    std::condition_variable purge_cv;
    bool stopping = false;      // stop() was called, or run() ended on its own
    bool run_returned = false;  // the listen loop has ended
    // The listening socket, seen by the socket-options hook while bind() runs (-1 otherwise).
    int listen_fd = -1;
    bool binding = false;

    Impl(const HubConfig& c, HubStore& s, std::ostream& l) : config(c), store(s), log(l) {}

    // Deletes sealed answers exported more than retention_days ago; logs only the count.
    void purge_expired() {
        try {
            int n = store.purge_exported_before(utc_iso_days_ago(config.retention_days));
            if (n > 0)
                log_line("retention: deleted the sealed answers of " + std::to_string(n) + " exported referrals");
        } catch (const std::exception& e) {
            log_line(std::string("retention: purge failed: ") + e.what());
        }
    }

    // Hourly, and once at start, until stop(); then it stops the listen loop. This thread is the only caller
    // of httplib's stop(), exactly once, and only once the loop runs: before that stop() does nothing (a
    // SIGTERM just as the hub started was lost, and the hub ran on until SIGKILL), and a second call while
    // the loop drains trips an assertion in Debian's build.
    void purge_loop() {
        std::unique_lock lock(purge_mutex);
        while (!stopping) {
            lock.unlock();
            purge_expired();
            lock.lock();
            purge_cv.wait_for(lock, std::chrono::hours(1), [this] { return stopping; });
        }
        while (!run_returned && !svr->is_running())
            purge_cv.wait_for(lock, std::chrono::milliseconds(10), [this] { return run_returned; });
        if (run_returned) return;
        lock.unlock();
        svr->stop();
    }

    void log_line(const std::string& line) {
        if (config.quiet) return;
        std::lock_guard lock(log_mutex);
        log << sync::utc_now_iso() << " " << escape_for_log(line) << "\n" << std::flush;
    }

    std::optional<std::string> kiosk_of(const httplib::Request& req) { return store.kiosk_for_token(bearer(req)); }

    // Runs once the headers are in and before any body is read: an unknown route, a body the route does not
    // take or cannot take at that size, or a wrong token is answered at once, and the connection closes
    // (see the error handler) so the unread body is never parsed as further requests.
    httplib::Server::HandlerResponse pre_route(const httplib::Request& req, httplib::Response& res) {
        auto refuse = [&](int status, const std::string& message) {
            fail(res, status, message);
            return httplib::Server::HandlerResponse::Handled;
        };
        const RouteRule* rule = find_rule(req);
        if (!rule) return refuse(404, "no such route");
        // httplib 0.11 reads a chunked body with no size limit, and prefers it to a Content-Length.
        if (req.has_header("Transfer-Encoding"))
            return refuse(411, "a Content-Length is required (Transfer-Encoding is not accepted)");
        std::size_t limit = rule->limit ? config.*(rule->limit) : 0;
        if (rule->limit && !req.has_header("Content-Length")) return refuse(411, "a Content-Length is required");
        if (req.get_header_value_count("Content-Length") > 1) return refuse(400, "more than one Content-Length");
        if (req.has_header("Content-Length")) {
            std::string text = req.get_header_value("Content-Length");
            bool numeric =
                !text.empty() && text.size() <= 18 && text.find_first_not_of("0123456789") == std::string::npos;
            if (!numeric || std::stoull(text) > limit) {
                // Names the referral's id, so its kiosk knows the hub itself refused it (the error handler closes).
                fail_referral(req, res, 413, "body too large");
                return httplib::Server::HandlerResponse::Handled;
            }
        }
        std::string token = bearer(req);
        bool ok = rule->role == Role::anyone  ? true
                  : rule->role == Role::kiosk ? store.kiosk_for_token(token).has_value()
                                              : store.is_admin_token(token);
        if (!ok) {
            res.set_header("WWW-Authenticate", "Bearer");
            return refuse(401, "missing or wrong token");
        }
        if (auto* connection = current_connection())
            connection->allow_body(limit, std::chrono::seconds(rule->transfer ? config.transfer_timeout_seconds
                                                                              : config.request_timeout_seconds));
        return httplib::Server::HandlerResponse::Unhandled;
    }

    // ---- kiosk routes ----

    void post_referral(const httplib::Request& req, httplib::Response& res) {
        auto kiosk = kiosk_of(req);
        if (!kiosk) return fail(res, 401, "missing or wrong token");
        if (req.body.size() > config.max_referral_bytes) return fail_referral(req, res, 413, "body too large");
        auto parsed = sync::parse_referral_post(req.body);
        if (!parsed) return fail_referral(req, res, 400, parsed.error);
        const auto& post = *parsed.value;
        if (post.kiosk != *kiosk) return fail(res, 403, "referral names a different kiosk than the token");
        if (req.has_header("Idempotency-Key") && req.get_header_value("Idempotency-Key") != post.id)
            return fail(res, 400, "Idempotency-Key differs from the referral id");  // names no id: retried
        // Hash of the canonical form, so a retry that re-serialises the same values still matches.
        std::string body_hash = sync::sha256_hex(sync::to_json(post).dump());
        auto stored = store.store_referral(post, body_hash);
        switch (stored.outcome) {
            case StoreOutcome::created: reply(res, 201, sync::to_json(stored.receipt)); break;
            case StoreOutcome::duplicate: reply(res, 200, sync::to_json(stored.receipt)); break;
            case StoreOutcome::conflict:
                fail_referral(req, res, 409, "this id is already stored with a different body");
                break;
        }
        log_line("referral " + post.id + " " + std::to_string(res.status));
    }

    void get_manifest(const httplib::Request& req, httplib::Response& res) {
        auto pack = store.latest_pack();
        if (!pack) return fail(res, 404, "no content published");
        std::string etag = "\"" + pack->sha256 + "\"";
        res.set_header("ETag", etag);
        if (req.get_header_value("If-None-Match") == etag) {
            res.status = 304;
            return;
        }
        sync::Manifest m{pack->version, pack->sha256, pack->size, pack->signature,
                         "/api/v1/content/packs/" + pack->sha256};
        reply(res, 200, sync::to_json(m));
    }

    void get_pack(const httplib::Request& req, httplib::Response& res) {
        std::string sha = req.matches[1];
        auto pack = store.find_pack(sha);
        auto file = config.packs_dir() / (sha + ".pack");
        std::error_code ec;
        if (!pack || !std::filesystem::exists(file, ec)) return fail(res, 404, "no such pack");
        auto size = static_cast<std::size_t>(pack->size);
        auto in = std::make_shared<std::ifstream>(file, std::ios::binary);
        if (!*in) return fail(res, 500, "pack unreadable");
        res.set_header("ETag", "\"" + sha + "\"");
        // httplib applies any Range header to a provider with a known length (206 + Content-Range).
        res.set_content_provider(size, "application/octet-stream",
                                 [in](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                                     std::vector<char> buf(std::min<std::size_t>(length, 64 * 1024));
                                     in->clear();
                                     in->seekg(static_cast<std::streamoff>(offset));
                                     in->read(buf.data(), static_cast<std::streamsize>(buf.size()));
                                     auto n = in->gcount();
                                     if (n <= 0) return false;
                                     return sink.write(buf.data(), static_cast<std::size_t>(n));
                                 });
    }

    void post_heartbeat(const httplib::Request& req, httplib::Response& res) {
        auto kiosk = kiosk_of(req);
        if (!kiosk) return fail(res, 401, "missing or wrong token");
        auto hb = sync::parse_heartbeat(req.body);
        if (!hb) return fail(res, 400, hb.error);
        std::string nonce = std::exchange(hb.value->nonce, "");  // answered, not kept
        // The figures first, kept per day (a resend replaces the day); the last heartbeat is kept without them.
        auto days = std::exchange(hb.value->usage_days, {});
        store.record_usage(*kiosk, days);
        store.record_heartbeat(*kiosk, sync::to_json(*hb.value).dump());
        json answer{{"status", "ok"}};
        if (!days.empty()) {
            answer["usage_stored"] = json::array();
            for (const auto& d : days) answer["usage_stored"].push_back(d.day);
        }
        // Bound to the token the kiosk sent: only this hub (or whoever holds the token) can answer it.
        if (!nonce.empty()) answer["proof"] = sync::heartbeat_proof(bearer(req), nonce);
        reply(res, 200, answer);
    }

    // The newest notices document as it was signed; kiosks check it themselves (the hub is not trusted).
    void get_notices(const httplib::Request& req, httplib::Response& res) {
        auto notices = store.latest_notices();
        if (!notices) return fail(res, 404, "no notices published");
        std::string etag =
            "\"n" + std::to_string(notices->version) + "-" + sync::sha256_hex(notices->document).substr(0, 16) + "\"";
        res.set_header("ETag", etag);
        if (req.get_header_value("If-None-Match") == etag) {
            res.status = 304;
            return;
        }
        reply(res, 200, json{{"document", notices->document}, {"signature", notices->signature}});
    }

    // ---- admin routes ----

    // The same checks a kiosk makes (signature, every notice), so a document no kiosk would take is refused
    // here, where the team sees why, and never offered.
    void post_notices(const httplib::Request& req, httplib::Response& res) {
        auto signed_notices = sync::parse_signed_notices(req.body);
        if (!signed_notices) return fail(res, 400, signed_notices.error);
        if (content_key.empty())
            return fail(res, 403, "publishing is off: this hub has no content_public_key in its config");
        auto doc = sync::open_signed_notices(*signed_notices.value, content_key);
        if (!doc) return fail(res, 422, doc.error);
        NoticesRecord rec{doc.value->version, signed_notices.value->document,
                          sync::to_base64(signed_notices.value->signature), ""};
        if (!store.add_notices(rec)) return fail(res, 409, "version is not higher than the published notices'");
        reply(res, 201,
              api::to_json(api::NoticesAnswer{rec.version, static_cast<std::int64_t>(doc.value->notices.size())}));
        log_line("notices published version " + std::to_string(rec.version) + " (" +
                 std::to_string(doc.value->notices.size()) + " notices)");
    }

    void post_content(const httplib::Request& req, httplib::Response& res) {
        auto headers = api::parse_publish_headers(req.get_header_value("X-Lantern-Version"),
                                                  req.get_header_value("X-Lantern-Signature"));
        if (!headers) return fail(res, 400, headers.error().message);
        const std::string& version = headers.value().version;
        const sync::Bytes& sig = headers.value().signature;
        if (req.body.empty()) return fail(res, 400, "empty pack");
        // Without the content key the hub cannot tell a signed pack from anything else: it publishes nothing.
        if (content_key.empty())
            return fail(res, 403, "publishing is off: this hub has no content_public_key in its config");
        std::string sha = sync::sha256_hex(req.body);
        if (!sync::verify_pack_signature(version, sha, sig, content_key))
            return fail(res, 422, "signature does not verify with the hub's content key");

        std::lock_guard lock(publish_mutex);
        if (auto latest = store.latest_pack(); latest && sync::compare_versions(version, latest->version) <= 0)
            return fail(res, 409, "version is not newer than the published pack");
        std::error_code ec;
        std::filesystem::create_directories(config.packs_dir(), ec);
        auto file = config.packs_dir() / (sha + ".pack");
        auto tmp = config.packs_dir() / (sha + ".tmp");
        {
            std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
            out.write(req.body.data(), static_cast<std::streamsize>(req.body.size()));
            out.flush();
            if (!out) return fail(res, 500, "cannot store the pack");
        }
        // A signed pack can still be broken (a build gone wrong, the wrong file signed): kiosks would fetch
        // it and fail on it, so the hub offers only packs the content library can read.
        if (std::string problem = content::validate_pack_file(tmp); !problem.empty()) {
            std::filesystem::remove(tmp, ec);
            std::string prefix = tmp.string() + ": ";
            if (problem.rfind(prefix, 0) == 0) problem.erase(0, prefix.size());  // no server paths in answers
            return fail(res, 422, "pack refused: " + problem);
        }
        std::filesystem::rename(tmp, file, ec);
        if (ec) return fail(res, 500, "cannot store the pack");
        PackRecord rec{sha, version, sync::to_base64(sig), static_cast<std::int64_t>(req.body.size()), ""};
        if (!store.add_pack(rec)) return fail(res, 409, "version is not newer than the published pack");
        sync::Manifest m{version, sha, rec.size, rec.signature, "/api/v1/content/packs/" + sha};
        reply(res, 201, sync::to_json(m));
        log_line("pack published " + sha + " " + std::to_string(req.body.size()) + "B");
    }

    void get_referrals(const httplib::Request& req, httplib::Response& res) {
        auto query = api::parse_referrals_query(req.params);
        if (!query) return fail(res, 400, query.error().message);
        const auto& q = query.value();
        api::ReferralsPage page;
        page.next_after = q.after;
        for (auto& r : store.referrals_after(q.after, q.limit, q.include_exported)) {
            // Checked when it arrived: a summary that no longer parses is a damaged store (a 500, logged).
            auto summary = sync::parse_summary(json::parse(r.summary_json, nullptr, false));
            if (!summary) throw std::runtime_error("the stored summary of referral " + r.id + " does not parse");
            page.referrals.push_back({r.seq, r.id, r.kiosk, r.reference, r.created, r.form_version, std::move(r.sealed),
                                      std::move(*summary.value), r.received_at, r.exported_at});
            page.next_after = r.seq;
        }
        reply(res, 200, api::to_json(page));
    }

    void post_exported(const httplib::Request& req, httplib::Response& res) {
        auto request = api::parse_exported_request(req.body);
        if (!request) return fail(res, 400, request.error().message);
        int n = store.mark_exported(request.value().ids);
        if (config.retention_days == 0) purge_expired();  // kept no longer than the export itself
        reply(res, 200, api::to_json(api::ExportedAnswer{n}));
    }

    void get_report(const httplib::Request&, httplib::Response& res) {
        api::Report report{k_suppress_below, {}, {}, {}};
        for (const auto& c : store.need_counts())
            report.rows.push_back({c.centre, c.month, c.need, published_count(c.count)});
        for (const auto& c : store.usage_counts())
            report.usage.push_back({c.centre, c.month, c.name, published_count(c.count)});
        for (const auto& c : store.interest_counts())
            report.interest.push_back({c.centre, c.month, c.service, published_count(c.count)});
        reply(res, 200, api::to_json(report));
    }

    void get_kiosks(const httplib::Request&, httplib::Response& res) {
        api::KiosksAnswer answer;
        for (const auto& h : store.heartbeats()) {
            // Stored as the heartbeat route parsed it: one that no longer parses is a damaged store.
            auto hb = sync::parse_heartbeat(h.json);
            if (!hb) throw std::runtime_error("the stored heartbeat of kiosk " + h.kiosk + " does not parse");
            answer.kiosks.push_back({h.kiosk, h.received_at, std::move(*hb.value)});
        }
        reply(res, 200, api::to_json(answer));
    }

    void install_routes() {
        auto& s = *svr;
        using Req = const httplib::Request&;
        using Res = httplib::Response&;
        s.set_pre_routing_handler([this](Req q, Res r) { return pre_route(q, r); });
        // curl asks "Expect: 100-continue" before a large body: the same checks answer it, so a refused
        // upload is refused before it is sent.
        s.set_expect_100_continue_handler([this](Req q, Res r) {
            return pre_route(q, r) == httplib::Server::HandlerResponse::Handled ? r.status : 100;
        });
        s.Post("/api/v1/referrals/exported", [this](Req q, Res r) { post_exported(q, r); });
        s.Post("/api/v1/referrals", [this](Req q, Res r) { post_referral(q, r); });
        s.Get("/api/v1/referrals", [this](Req q, Res r) { get_referrals(q, r); });
        s.Get("/api/v1/content/manifest", [this](Req q, Res r) { get_manifest(q, r); });
        s.Get(R"(/api/v1/content/packs/([0-9a-f]{64}))", [this](Req q, Res r) { get_pack(q, r); });
        s.Post("/api/v1/heartbeat", [this](Req q, Res r) { post_heartbeat(q, r); });
        s.Post("/api/v1/content", [this](Req q, Res r) { post_content(q, r); });
        s.Get("/api/v1/notices", [this](Req q, Res r) { get_notices(q, r); });
        s.Post("/api/v1/notices", [this](Req q, Res r) { post_notices(q, r); });
        s.Get("/api/v1/report", [this](Req q, Res r) { get_report(q, r); });
        s.Get("/api/v1/kiosks", [this](Req q, Res r) { get_kiosks(q, r); });
        // Liveness for the systemd watchdog and monitoring, no token: answers only when a worker and the store do.
        s.Get("/api/v1/health", [this](Req, Res r) { reply(r, 200, json{{"ok", store.referral_count() >= 0}}); });
        s.set_error_handler([](Req q, Res r) {
            auto* connection = current_connection();
            if (connection && connection->over_budget()) {
                r.status = 413;
                r.body.clear();
            }
            if (r.body.empty() && r.status >= 400) fail(r, r.status, default_message(r.status));
            // After an error the rest of the request may be unread: it must never be taken for another one.
            if (connection) connection->close_after_answer();
            if (q.get_header_value("Connection") != "close") r.set_header("Connection", "close");
        });
        s.set_exception_handler([this](Req, Res r, std::exception_ptr ep) {
            std::string what = "unknown";
            try {
                if (ep) std::rethrow_exception(ep);
            } catch (const std::exception& e) {
                what = e.what();
            } catch (...) {
            }
            log_line("internal error: " + what.substr(0, 200));
            fail(r, 500, "internal error");
        });
        s.set_logger([this](Req q, const httplib::Response& r) {
            if (q.path == "/api/v1/health") return;  // every few seconds from the watchdog: not news
            log_line(q.method + " " + q.path + " " + std::to_string(r.status) + " in=" + std::to_string(q.body.size()) +
                     "B out=" + std::to_string(r.body.size()) + "B");
        });
    }
};

HubServer::HubServer(const HubConfig& config, HubStore& store, std::ostream& log)
    : impl_(std::make_unique<Impl>(config, store, log)) {
    auto& c = impl_->config;
    ConnectionLimits limits;
    limits.max_per_address = c.max_connections_per_address;
    limits.header_seconds = c.header_timeout_seconds;
    limits.keep_alive_seconds = c.keep_alive_seconds;
    impl_->svr = make_guarded_server(limits, c.tls_cert, c.tls_key);
    if (!c.content_public_key.empty())
        impl_->content_key = sync::read_key_file(c.content_public_key, sync::k_signing_public_key_bytes);
    int threads = c.threads;
    impl_->svr->new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
    impl_->svr->set_keep_alive_timeout(c.keep_alive_seconds);  // only what the answers' Keep-Alive header says
    impl_->svr->set_keep_alive_max_count(static_cast<std::size_t>(limits.keep_alive_max));
    impl_->svr->set_payload_max_length(std::max({c.max_pack_bytes, c.max_referral_bytes, c.max_json_bytes}));
    // httplib sends the status line and headers, then the body, as two writes. With Nagle's algorithm on,
    // the body waits for the client's delayed ACK of the headers: 40 ms per answer on Linux, which capped a
    // kept-alive kiosk at about 20 referrals/s and 20 kiosks at about 400/s (seen with strace in bench/).
    impl_->svr->set_tcp_nodelay(true);
    // Replaces httplib's default hook, which sets SO_REUSEPORT: that would let a second hub started by
    // mistake on the same port silently take half the kiosks. SO_REUSEADDR still allows a quick restart.
    impl_->svr->set_socket_options([impl = impl_.get()](int fd) {
        int yes = 1;
        ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        if (impl->binding) impl->listen_fd = fd;
    });
    impl_->install_routes();
}

HubServer::~HubServer() = default;

int HubServer::bind() {
    auto& c = impl_->config;
    int port = c.port;
    impl_->binding = true;
    bool bound =
        port == 0 ? (port = impl_->svr->bind_to_any_port(c.host)) >= 0 : impl_->svr->bind_to_port(c.host, port);
    impl_->binding = false;
    if (!bound) throw std::runtime_error("cannot listen on " + c.host + (c.port ? ":" + std::to_string(port) : ""));
    // Debian's httplib is a compiled library whose listen backlog is fixed at 5. When 20 kiosks connect at
    // once (after a hub restart or a network outage) the rest of their SYNs were dropped and each waited
    // the kernel's 1 s retransmit: one bench run in three had a 1 s p99 (nstat: TcpExtListenOverflows).
    // listen() again on the bound socket raises the backlog to the system's maximum.
    if (impl_->listen_fd >= 0) ::listen(impl_->listen_fd, SOMAXCONN);
    return port;
}

void HubServer::run() {
    std::thread purger([this] { impl_->purge_loop(); });
    impl_->svr->listen_after_bind();
    {
        std::lock_guard lock(impl_->purge_mutex);
        impl_->stopping = true;
        impl_->run_returned = true;
    }
    impl_->purge_cv.notify_all();
    purger.join();
}

void HubServer::stop() {
    {
        std::lock_guard lock(impl_->purge_mutex);
        impl_->stopping = true;
    }
    impl_->purge_cv.notify_all();  // the purge thread stops the listen loop (see purge_loop)
}

}  // namespace lantern::hub
