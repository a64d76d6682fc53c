// Admin calls to the hub over cpp-httplib's client, with TLS verification on for https URLs.
#include "hub/cli/admin_client.h"

#include <httplib.h>

namespace lantern::hub {

AdminClient::AdminClient(const std::string& hub_url, std::string token, const std::string& ca_file)
    : token_(std::move(token)) {
    std::string url = hub_url;
    while (!url.empty() && url.back() == '/') url.pop_back();
    cli_ = std::make_unique<httplib::Client>(url);
    if (!cli_->is_valid()) throw AdminError("bad hub URL: " + hub_url);
    cli_->set_connection_timeout(10, 0);
    cli_->set_read_timeout(120, 0);
    cli_->set_write_timeout(120, 0);
    cli_->enable_server_certificate_verification(true);
    if (!ca_file.empty()) cli_->set_ca_cert_path(ca_file.c_str());
    cli_->set_bearer_token_auth(token_.c_str());
}

AdminClient::~AdminClient() = default;

namespace {

// The answer's body when it came with the status wanted; else an AdminError saying what the hub (or whatever
// answered in its place) said.
const std::string& expect(const char* route, int wanted, const httplib::Result& res) {
    if (!res) throw AdminError(std::string(route) + ": " + httplib::to_string(res.error()));
    if (res->status != wanted) {
        auto error = api::parse_error_answer(res->body);
        throw AdminError(std::string(route) + ": HTTP " + std::to_string(res->status) + ": " +
                         (error ? error.value() : "no JSON error"));
    }
    return res->body;
}

template <class T>
T value_or_throw(Result<T> parsed) {
    if (!parsed) throw AdminError(parsed.error().message);
    return parsed.value();
}

}  // namespace

sync::Manifest AdminClient::publish_pack(const std::string& pack_bytes, const std::string& version,
                                         const std::string& signature_b64) {
    auto headers = value_or_throw(api::parse_publish_headers(version, signature_b64));
    httplib::Headers h;
    for (const auto& [name, value] : api::to_headers(headers)) h.emplace(name, value);
    auto res = cli_->Post("/api/v1/content", h, pack_bytes, "application/octet-stream");
    return value_or_throw(api::parse_publish_answer(expect(api::k_publish_route, 201, res)));
}

api::ReferralsPage AdminClient::referrals(std::int64_t after, int limit, bool include_exported) {
    std::string path = "/api/v1/referrals?" + api::to_query({after, limit, include_exported});
    auto res = cli_->Get(path.c_str());
    return value_or_throw(api::parse_referrals_page(expect(api::k_referrals_route, 200, res)));
}

std::int64_t AdminClient::mark_exported(const std::vector<std::string>& ids) {
    auto res =
        cli_->Post("/api/v1/referrals/exported", api::to_json(api::ExportedRequest{ids}).dump(), "application/json");
    return value_or_throw(api::parse_exported_answer(expect(api::k_exported_route, 200, res))).marked;
}

api::Report AdminClient::report() {
    auto res = cli_->Get("/api/v1/report");
    return value_or_throw(api::parse_report(expect(api::k_report_route, 200, res)));
}

api::NoticesAnswer AdminClient::publish_notices(const sync::SignedNotices& notices) {
    auto res = cli_->Post("/api/v1/notices", sync::to_json(notices).dump(), "application/json");
    return value_or_throw(api::parse_notices_answer(expect(api::k_notices_route, 201, res)));
}

api::KiosksAnswer AdminClient::kiosks() {
    auto res = cli_->Get("/api/v1/kiosks");
    return value_or_throw(api::parse_kiosks_answer(expect(api::k_kiosks_route, 200, res)));
}

}  // namespace lantern::hub
