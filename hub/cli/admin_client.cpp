// Admin calls to the hub over cpp-httplib's client, with TLS verification on for https URLs.
#include "hub/cli/admin_client.h"

#include <httplib.h>

namespace lantern::hub {

using nlohmann::json;

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

json AdminClient::expect_json(const char* what, int wanted, int status, const std::string& body) {
    auto j = json::parse(body, nullptr, false);
    if (status != wanted) {
        std::string detail = j.is_object() && j.contains("error") && j["error"].is_string()
                                 ? j["error"].get<std::string>()
                                 : "no JSON error";
        throw AdminError(std::string(what) + ": HTTP " + std::to_string(status) + ": " + detail);
    }
    if (j.is_discarded()) throw AdminError(std::string(what) + ": the answer is not JSON");
    return j;
}

namespace {
[[noreturn]] void transport_error(const char* what, httplib::Error e) {
    throw AdminError(std::string(what) + ": " + httplib::to_string(e));
}
}  // namespace

sync::Manifest AdminClient::publish_pack(const std::string& pack_bytes, const std::string& version,
                                         const std::string& signature_b64) {
    httplib::Headers h{{"X-Lantern-Version", version}, {"X-Lantern-Signature", signature_b64}};
    auto res = cli_->Post("/api/v1/content", h, pack_bytes, "application/octet-stream");
    if (!res) transport_error("publish", res.error());
    auto j = expect_json("publish", 201, res->status, res->body);
    auto m = sync::parse_manifest(j.dump());
    if (!m) throw AdminError("publish: " + m.error);
    return *m.value;
}

json AdminClient::referrals(std::int64_t after, int limit, bool include_exported) {
    std::string path = "/api/v1/referrals?after=" + std::to_string(after) + "&limit=" + std::to_string(limit);
    if (include_exported) path += "&include_exported=1";
    auto res = cli_->Get(path.c_str());
    if (!res) transport_error("referrals", res.error());
    return expect_json("referrals", 200, res->status, res->body);
}

int AdminClient::mark_exported(const std::vector<std::string>& ids) {
    auto res = cli_->Post("/api/v1/referrals/exported", json{{"ids", ids}}.dump(), "application/json");
    if (!res) transport_error("mark exported", res.error());
    auto j = expect_json("mark exported", 200, res->status, res->body);
    return j.value("marked", 0);
}

json AdminClient::report() {
    auto res = cli_->Get("/api/v1/report");
    if (!res) transport_error("report", res.error());
    return expect_json("report", 200, res->status, res->body);
}

json AdminClient::kiosks() {
    auto res = cli_->Get("/api/v1/kiosks");
    if (!res) transport_error("kiosks", res.error());
    return expect_json("kiosks", 200, res->status, res->body);
}

}  // namespace lantern::hub
