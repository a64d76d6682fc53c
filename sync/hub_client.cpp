// libcurl calls to the hub: TLS verified (optionally pinned), timeouts on every call, strict receipts.
#include "sync/hub_client.h"

#include <curl/curl.h>
#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <mutex>

#include "sync/sealing.h"

namespace lantern::sync {

namespace {

void ensure_curl() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct BodySink {
    std::string body;
    std::size_t limit = 0;
    bool overflow = false;
};

size_t write_body(char* ptr, size_t size, size_t nmemb, void* user) {
    auto* sink = static_cast<BodySink*>(user);
    size_t n = size * nmemb;
    if (sink->body.size() + n > sink->limit) {
        sink->overflow = true;
        return 0;
    }
    sink->body.append(ptr, n);
    return n;
}

struct HeaderSink {
    std::string etag;
    std::string content_type;
};

std::string trim(std::string s) {
    while (!s.empty() && (s.back() == '\r' || s.back() == '\n' || s.back() == ' ')) s.pop_back();
    size_t i = 0;
    while (i < s.size() && s[i] == ' ') ++i;
    return s.substr(i);
}

size_t write_header(char* ptr, size_t size, size_t nmemb, void* user) {
    auto* sink = static_cast<HeaderSink*>(user);
    std::string line(ptr, size * nmemb);
    auto colon = line.find(':');
    if (colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (name == "etag") sink->etag = trim(line.substr(colon + 1));
        if (name == "content-type") sink->content_type = trim(line.substr(colon + 1));
    } else if (line.rfind("HTTP/", 0) == 0) {
        *sink = {};  // a new response (after 100-continue); forget the earlier headers
    }
    return size * nmemb;
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    auto* flag = static_cast<const std::atomic<bool>*>(user);
    return flag && flag->load() ? 1 : 0;
}

bool is_json(const std::string& content_type) { return content_type.find("application/json") != std::string::npos; }

std::string network_error(CURLcode code) {
    if (code == CURLE_OPERATION_TIMEDOUT) return "network: timed out";
    return std::string("network: ") + curl_easy_strerror(code);
}

}  // namespace

struct HubClient::Response {
    CURLcode code = CURLE_OK;
    long status = 0;
    std::string body;
    std::string etag;
    std::string content_type;
    bool overflow = false;
};

HubClient::HubClient(HubClientOptions options) : options_(std::move(options)) {
    ensure_curl();
    while (!options_.base_url.empty() && options_.base_url.back() == '/') options_.base_url.pop_back();
    curl_ = curl_easy_init();
    if (!curl_) throw std::runtime_error("libcurl failed to initialise");
}

HubClient::~HubClient() { curl_easy_cleanup(static_cast<CURL*>(curl_)); }

void HubClient::apply_common(const std::string& url, const std::vector<std::string>&) {
    CURL* c = static_cast<CURL*>(curl_);
    curl_easy_reset(c);
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);  // a redirect is a captive portal, not the hub
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, options_.connect_timeout_ms);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!options_.ca_file.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, options_.ca_file.c_str());
    if (!options_.pinned_public_key.empty())
        curl_easy_setopt(c, CURLOPT_PINNEDPUBLICKEY, options_.pinned_public_key.c_str());
    curl_easy_setopt(c, CURLOPT_USERAGENT, "lantern-kiosk");
    if (cancel_) {
        curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
        curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
        curl_easy_setopt(c, CURLOPT_XFERINFODATA, const_cast<std::atomic<bool>*>(cancel_));
    }
}

HubClient::Response HubClient::request(const std::string& method, const std::string& path, const std::string& body,
                                       const std::vector<std::string>& headers) {
    CURL* c = static_cast<CURL*>(curl_);
    apply_common(options_.base_url + path, headers);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, options_.request_timeout_ms);

    curl_slist* list = nullptr;
    std::string auth = "Authorization: Bearer " + options_.token;
    list = curl_slist_append(list, auth.c_str());
    list = curl_slist_append(list, "Accept: application/json");
    list = curl_slist_append(list, "Expect:");
    for (const auto& h : headers) list = curl_slist_append(list, h.c_str());
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, list);

    if (method == "POST") {
        curl_easy_setopt(c, CURLOPT_POST, 1L);
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.data());
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    }

    BodySink sink{{}, options_.max_json_response, false};
    HeaderSink hs;
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, write_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, write_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &hs);

    Response r;
    r.code = curl_easy_perform(c);
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r.status);
    curl_slist_free_all(list);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, nullptr);
    r.body = std::move(sink.body);
    r.overflow = sink.overflow;
    r.etag = hs.etag;
    r.content_type = hs.content_type;
    return r;
}

PostOutcome classify_post_response(const std::string& id, long status, const std::string& content_type,
                                   const std::string& body) {
    PostOutcome out;
    out.http_status = status;
    std::string code = "HTTP " + std::to_string(status);
    if (status == 200 || status == 201) {
        auto receipt = is_json(content_type) ? parse_receipt(body) : Parsed<Receipt>{};
        if (receipt && receipt.value->id == id) {
            out.delivery = Delivery::delivered;
            out.receipt = receipt.value;
        } else {
            out.delivery = Delivery::retry;
            out.error = code + " but not the hub's receipt for this referral (captive portal or proxy?)";
        }
        return out;
    }
    // These say something about the path to the hub or the kiosk's credentials, not about this
    // referral, so refusing the referral for good would be wrong.
    if (status == 401 || status == 403) {
        out.error = code + ": the hub did not accept this kiosk's token";
        return out;
    }
    if (status == 404 || status == 408 || status == 429 || status < 400 || status >= 500) {
        out.error = code;
        return out;
    }
    // Any other 4xx counts as the hub's verdict on this referral only when the hub's JSON error names this
    // referral's id. A proxy's or captive portal's 400/413, HTML or even JSON {"error": ...}, names none: it
    // says nothing about the referral, so it is retried (a kept-aside referral is never delivered on its own).
    auto j = nlohmann::json::parse(body, nullptr, false);
    bool names_id = j.is_object() && j.contains("error") && j.contains("id") && j["id"].is_string() &&
                    j["id"].get_ref<const std::string&>() == id;
    if (is_json(content_type) && names_id) {
        out.delivery = Delivery::refused;
        out.error =
            status == 409 ? code + ": the hub holds this id with a different body" : code + ": refused by the hub";
    } else {
        out.error = code + " without the hub's verdict on this referral (a proxy or captive portal?)";
    }
    return out;
}

PostOutcome HubClient::post_referral(const ReferralPost& post) {
    std::string body = to_json(post).dump();
    auto r =
        request("POST", "/api/v1/referrals", body, {"Content-Type: application/json", "Idempotency-Key: " + post.id});
    if (r.code != CURLE_OK && !(r.overflow && r.code == CURLE_WRITE_ERROR)) {
        PostOutcome out;
        out.error = network_error(r.code);
        return out;
    }
    if (r.overflow) {
        PostOutcome out;
        out.http_status = r.status;
        out.error = "HTTP " + std::to_string(r.status) + " with an oversized body (not the hub)";
        return out;
    }
    return classify_post_response(post.id, r.status, r.content_type, r.body);
}

ManifestOutcome HubClient::get_manifest(const std::string& etag) {
    std::vector<std::string> headers;
    if (!etag.empty()) headers.push_back("If-None-Match: " + etag);
    auto r = request("GET", "/api/v1/content/manifest", "", headers);
    ManifestOutcome out;
    out.http_status = r.status;
    if (r.code != CURLE_OK) {
        out.error = r.overflow ? "manifest: oversized answer" : "manifest: " + network_error(r.code);
        return out;
    }
    if (r.status == 304) {
        out.kind = ManifestOutcome::Kind::not_modified;
        out.etag = etag;
        return out;
    }
    if (r.status == 404 && is_json(r.content_type)) {
        out.kind = ManifestOutcome::Kind::none;
        return out;
    }
    if (r.status != 200 || !is_json(r.content_type)) {
        out.error = "manifest: HTTP " + std::to_string(r.status);
        return out;
    }
    auto m = parse_manifest(r.body);
    if (!m) {
        out.error = "manifest: " + m.error;
        return out;
    }
    out.kind = ManifestOutcome::Kind::updated;
    out.manifest = *m.value;
    out.etag = r.etag;
    return out;
}

NoticesOutcome HubClient::get_notices(const std::string& etag) {
    std::vector<std::string> headers;
    if (!etag.empty()) headers.push_back("If-None-Match: " + etag);
    auto r = request("GET", "/api/v1/notices", "", headers);
    NoticesOutcome out;
    if (r.code != CURLE_OK) {
        out.error = r.overflow ? "notices: oversized answer" : "notices: " + network_error(r.code);
        return out;
    }
    if (r.status == 304) {
        out.kind = NoticesOutcome::Kind::not_modified;
        out.etag = etag;
        return out;
    }
    if (r.status == 404 && is_json(r.content_type)) {
        out.kind = NoticesOutcome::Kind::none;
        return out;
    }
    if (r.status != 200 || !is_json(r.content_type)) {
        out.error = "notices: HTTP " + std::to_string(r.status);
        return out;
    }
    auto s = parse_signed_notices(r.body);
    if (!s) {
        out.error = s.error;
        return out;
    }
    out.kind = NoticesOutcome::Kind::updated;
    out.notices = std::move(*s.value);
    out.etag = r.etag;
    return out;
}

namespace {
struct PartSink {
    CURL* curl = nullptr;
    std::FILE* file = nullptr;
    std::filesystem::path path;
    std::int64_t have = 0;  // bytes already in the file before this request
    std::int64_t expected = 0;
    std::int64_t written = 0;
    bool started = false;
    long status = 0;
    std::string error;
};

size_t write_part(char* ptr, size_t size, size_t nmemb, void* user) {
    auto* s = static_cast<PartSink*>(user);
    size_t n = size * nmemb;
    if (!s->started) {
        s->started = true;
        curl_easy_getinfo(s->curl, CURLINFO_RESPONSE_CODE, &s->status);
        int flags = O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC;
        if (s->status == 200) {
            // The server ignored the Range: start over.
            int fd = ::open(s->path.c_str(), flags | O_TRUNC, 0600);  // the kiosk's alone, whatever the umask
            s->file = fd >= 0 ? ::fdopen(fd, "wb") : nullptr;
            if (fd >= 0 && !s->file) ::close(fd);
            s->have = 0;
        } else if (s->status == 206) {
            int fd = ::open(s->path.c_str(), flags | O_APPEND, 0600);
            s->file = fd >= 0 ? ::fdopen(fd, "ab") : nullptr;
            if (fd >= 0 && !s->file) ::close(fd);
        } else {
            s->error = "pack: HTTP " + std::to_string(s->status);
            return 0;
        }
        if (!s->file) {
            s->error = "pack: cannot write the download file";
            return 0;
        }
    }
    if (s->have + s->written + static_cast<std::int64_t>(n) > s->expected) {
        s->error = "pack: larger than the manifest says";
        return 0;
    }
    if (std::fwrite(ptr, 1, n, s->file) != n) {
        s->error = "pack: cannot write the download file";
        return 0;
    }
    s->written += static_cast<std::int64_t>(n);
    return n;
}
}  // namespace

DownloadOutcome HubClient::download_pack(const Manifest& manifest, const std::filesystem::path& part_file) {
    DownloadOutcome out;
    std::error_code ec;
    std::int64_t have = std::filesystem::exists(part_file, ec)
                            ? static_cast<std::int64_t>(std::filesystem::file_size(part_file, ec))
                            : 0;
    if (ec || have > manifest.size) {
        std::filesystem::remove(part_file, ec);
        have = 0;
    }
    if (have == manifest.size) {
        out.complete = true;
        return out;
    }

    CURL* c = static_cast<CURL*>(curl_);
    apply_common(options_.base_url + manifest.url, {});
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, options_.download_stall_timeout_s);
    curl_slist* list = nullptr;
    std::string auth = "Authorization: Bearer " + options_.token;
    list = curl_slist_append(list, auth.c_str());
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, list);
    std::string range = std::to_string(have) + "-";
    if (have > 0) curl_easy_setopt(c, CURLOPT_RANGE, range.c_str());

    PartSink sink;
    sink.curl = c;
    sink.path = part_file;
    sink.have = have;
    sink.expected = manifest.size;
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, write_part);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
    CURLcode code = curl_easy_perform(c);
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(list);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, nullptr);
    if (sink.file) std::fclose(sink.file);

    if (!sink.error.empty()) {
        out.error = sink.error;
    } else if (code != CURLE_OK) {
        out.error = "pack: " + network_error(code);
    } else if (status != 200 && status != 206) {
        out.error = "pack: HTTP " + std::to_string(status);
    }
    auto now = std::filesystem::exists(part_file, ec) ? std::filesystem::file_size(part_file, ec) : 0;
    out.complete = out.error.empty() && static_cast<std::int64_t>(now) == manifest.size;
    if (out.error.empty() && !out.complete) out.error = "pack: download ended early";
    return out;
}

bool HubClient::post_heartbeat(const Heartbeat& heartbeat, std::string& error, std::vector<std::string>* stored_days) {
    Heartbeat hb = heartbeat;
    hb.nonce = new_heartbeat_nonce();
    auto r = request("POST", "/api/v1/heartbeat", to_json(hb).dump(), {"Content-Type: application/json"});
    if (r.code != CURLE_OK) {
        error = "heartbeat: " + network_error(r.code);
        return false;
    }
    // Only the hub, holding this kiosk's token, can answer the fresh nonce: a captive portal's or proxy's
    // 200 {"status": "ok"} is not the hub, and must never show staff a false "Last reached the hub".
    auto j = nlohmann::json::parse(r.body, nullptr, false);
    bool proven = r.status == 200 && is_json(r.content_type) && j.is_object() && j.value("status", "") == "ok" &&
                  j.contains("proof") && j["proof"].is_string() &&
                  same_proof(j["proof"].get_ref<const std::string&>(), heartbeat_proof(options_.token, hb.nonce));
    if (!proven) {
        error = "heartbeat: HTTP " + std::to_string(r.status) +
                (r.status == 200 ? " but not the hub's answer (captive portal or proxy?)" : "");
        return false;
    }
    if (stored_days) {
        stored_days->clear();
        // Only days this heartbeat sent count: anything else in the answer is ignored.
        if (auto it = j.find("usage_stored"); it != j.end() && it->is_array())
            for (const auto& d : *it)
                if (d.is_string())
                    for (const auto& sent : hb.usage_days)
                        if (sent.day == d.get_ref<const std::string&>()) stored_days->push_back(sent.day);
    }
    return true;
}

}  // namespace lantern::sync
