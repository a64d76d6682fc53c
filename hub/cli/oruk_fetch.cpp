// Open Referral UK over HTTP: page through /services, then fetch each service's details; bounded in size,
// pages and time so a misbehaving API cannot hang or flood the staff machine.
#include "hub/cli/oruk_fetch.h"

#include <curl/curl.h>

#include <memory>

#include "content/oruk_import.h"

namespace lantern::hub {

using content::OrukError;
using nlohmann::json;

namespace {

constexpr std::size_t k_max_body = 32u << 20;  // one page or one service
constexpr int k_max_pages = 1000;

struct Response {
    long status = 0;
    std::string body;
    std::string error;  // empty when the request completed
};

size_t on_body(char* data, size_t size, size_t n, void* out) {
    auto* body = static_cast<std::string*>(out);
    if (body->size() + size * n > k_max_body) return 0;  // abort: larger than any real page
    body->append(data, size * n);
    return size * n;
}

Response get(const std::string& url, const std::string& ca_file) {
    Response r;
    std::unique_ptr<CURL, void (*)(CURL*)> c(curl_easy_init(), curl_easy_cleanup);
    if (!c) return {0, "", "cannot start libcurl"};
    char error[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(c.get(), CURLOPT_URL, url.c_str());
    curl_easy_setopt(c.get(), CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c.get(), CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c.get(), CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c.get(), CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(c.get(), CURLOPT_MAXREDIRS, 3L);
    curl_easy_setopt(c.get(), CURLOPT_CONNECTTIMEOUT, 15L);
    curl_easy_setopt(c.get(), CURLOPT_TIMEOUT, 120L);
    curl_easy_setopt(c.get(), CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(c.get(), CURLOPT_SSL_VERIFYHOST, 2L);
    if (!ca_file.empty()) curl_easy_setopt(c.get(), CURLOPT_CAINFO, ca_file.c_str());
    curl_easy_setopt(c.get(), CURLOPT_USERAGENT, "lantern-services-import");
    curl_easy_setopt(c.get(), CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(c.get(), CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(c.get(), CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c.get(), CURLOPT_WRITEDATA, &r.body);
    CURLcode rc = curl_easy_perform(c.get());
    if (rc != CURLE_OK) {
        r.error = error[0] ? error : curl_easy_strerror(rc);
        if (rc == CURLE_WRITE_ERROR) r.error = "the answer is larger than 32 MB";
        return r;
    }
    curl_easy_getinfo(c.get(), CURLINFO_RESPONSE_CODE, &r.status);
    return r;
}

std::string escaped(const std::string& s) {
    std::unique_ptr<char, void (*)(void*)> e(curl_easy_escape(nullptr, s.data(), static_cast<int>(s.size())),
                                             curl_free);
    return e ? std::string(e.get()) : std::string();
}

}  // namespace

std::vector<json> fetch_oruk_services(const std::string& api_url, const std::string& ca_file,
                                      std::vector<std::string>& notes) {
    std::string base = api_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    const std::string suffix = "/services";
    if (base.size() >= suffix.size() && base.compare(base.size() - suffix.size(), suffix.size(), suffix) == 0)
        base.resize(base.size() - suffix.size());

    std::vector<json> out;
    for (int page = 1; page <= k_max_pages; ++page) {
        std::string url = base + "/services?page=" + std::to_string(page) + "&per_page=100";
        Response r = get(url, ca_file);
        if (!r.error.empty()) throw OrukError(url + ": " + r.error);
        if (r.status == 404 && page > 1) return out;  // a list without a page count ends where pages do
        if (r.status != 200) throw OrukError(url + ": HTTP " + std::to_string(r.status));
        auto doc = json::parse(r.body, nullptr, false);
        if (!doc.is_object() || !doc.contains("contents") || !doc["contents"].is_array())
            throw OrukError(url + ": not an Open Referral services page (no \"contents\" list)");
        for (const auto& item : doc["contents"]) {
            if (!item.is_object() || !item.contains("id") || !item["id"].is_string()) {
                out.push_back(item);  // the import names it
                continue;
            }
            std::string id = item["id"].get<std::string>();
            Response d = get(base + "/services/" + escaped(id), ca_file);
            auto full = d.error.empty() && d.status == 200 ? json::parse(d.body, nullptr, false) : json();
            if (full.is_object() && full.value("id", json()) == item["id"]) {
                out.push_back(std::move(full));
            } else {
                notes.push_back("service \"" + id + "\": its details could not be read (" +
                                (d.error.empty() ? "HTTP " + std::to_string(d.status) : d.error) +
                                "); the list's summary is used");
                out.push_back(item);
            }
        }
        bool last = doc["contents"].empty() || (doc.contains("last_page") && doc["last_page"] == true);
        if (doc.contains("total_pages") && doc["total_pages"].is_number_integer() &&
            page >= doc["total_pages"].get<long long>())
            last = true;
        if (last) return out;
    }
    throw OrukError(base + ": more than " + std::to_string(k_max_pages) + " pages of services");
}

}  // namespace lantern::hub
