// The hub notices document: JSON both ways, strict checks, Ed25519 signing, and the day and centre filters.
#include "sync/notices.h"

#include <sodium.h>

#include <algorithm>
#include <set>

#include "common/place_name.h"

namespace lantern::sync {

using nlohmann::json;

namespace {

constexpr std::size_t k_max_centres = 50;

std::size_t code_points(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

// The notice's words: 1..160 letters with no control characters (nlohmann's parser has checked the UTF-8).
bool is_notice_text(std::string_view s) {
    return is_printable_text(s, 1, k_max_hub_notice_chars * 4) && code_points(s) <= k_max_hub_notice_chars &&
           s.find_first_not_of(' ') != std::string_view::npos && s.front() != ' ' && s.back() != ' ';
}

bool only_keys(const json& j, std::initializer_list<const char*> allowed) {
    std::set<std::string> ok(allowed.begin(), allowed.end());
    for (auto it = j.begin(); it != j.end(); ++it)
        if (!ok.count(it.key())) return false;
    return true;
}

// A string field, or why not.
std::string string_field(const json& j, const char* key, std::string& out, std::size_t max) {
    auto it = j.find(key);
    if (it == j.end()) return std::string("missing \"") + key + "\"";
    if (!it->is_string()) return std::string("\"") + key + "\" must be a string";
    if (it->get_ref<const std::string&>().size() > max) return std::string("\"") + key + "\" is too long";
    out = it->get<std::string>();
    return "";
}

std::string string_list(const json& j, const char* key, std::vector<std::string>& out, std::size_t max_items,
                        bool (*valid)(std::string_view)) {
    auto it = j.find(key);
    if (it == j.end()) return "";
    if (!it->is_array() || it->size() > max_items)
        return std::string("\"") + key + "\" must be a list of at most " + std::to_string(max_items);
    std::set<std::string> seen;
    for (const auto& v : *it) {
        if (!v.is_string() || !valid(v.get_ref<const std::string&>()))
            return std::string("\"") + key + "\" holds a value that is not allowed";
        if (!seen.insert(v.get<std::string>()).second) return std::string("\"") + key + "\" names a value twice";
        out.push_back(v.get<std::string>());
    }
    return "";
}

bool is_centre_name(std::string_view s) { return is_printable_text(s, 1, 100); }
bool is_audience_name(std::string_view s) { return is_valid_audience(s); }

// One notice, or why not (naming fields, never the text).
std::string parse_notice(const json& j, HubNotice& n) {
    if (!j.is_object()) return "expected a JSON object";
    if (!only_keys(j, {"id", "centres", "audiences", "start", "end", "text"})) return "unknown field";
    if (auto why = string_field(j, "id", n.id, 40); !why.empty()) return why;
    if (!is_valid_need(n.id)) return "\"id\" must be 1-40 of a-z 0-9 - _";
    if (!j.contains("centres")) return "missing \"centres\"";
    if (auto why = string_list(j, "centres", n.centres, k_max_centres, is_centre_name); !why.empty()) return why;
    if (n.centres.empty()) return "\"centres\" must name \"all\" or at least one centre";
    bool all = std::find(n.centres.begin(), n.centres.end(), "all") != n.centres.end();
    if (all && n.centres.size() > 1) return "\"centres\" is either [\"all\"] or centre names";
    if (auto why = string_list(j, "audiences", n.audiences, 4, is_audience_name); !why.empty()) return why;
    if (auto why = string_field(j, "start", n.start, 10); !why.empty()) return why;
    if (auto why = string_field(j, "end", n.end, 10); !why.empty()) return why;
    if (!is_valid_date(n.start)) return "\"start\" must be a real calendar date as YYYY-MM-DD";
    if (!is_valid_date(n.end)) return "\"end\" must be a real calendar date as YYYY-MM-DD";
    if (n.end < n.start) return "\"end\" is before \"start\"";
    auto text = j.find("text");
    if (text == j.end()) return "missing \"text\"";
    if (!text->is_object() || !only_keys(*text, {"en", "cy"}))
        return "\"text\" must be {\"en\": ..., \"cy\": ...} (English, and Welsh if written)";
    if (!text->contains("en")) return "\"text\" needs the English (\"en\")";
    for (const char* lang : {"en", "cy"}) {
        auto t = text->find(lang);
        if (t == text->end()) continue;
        std::string& out = std::string_view(lang) == "en" ? n.text_en : n.text_cy;
        if (!t->is_string() || !is_notice_text(t->get_ref<const std::string&>()))
            return std::string("\"text\".\"") + lang + "\" must be 1-" + std::to_string(k_max_hub_notice_chars) +
                   " letters with no line breaks or control characters";
        out = t->get<std::string>();
    }
    return "";
}

}  // namespace

json to_json(const NoticesDocument& d) {
    json list = json::array();
    for (const auto& n : d.notices) {
        json text{{"en", n.text_en}};
        if (!n.text_cy.empty()) text["cy"] = n.text_cy;
        json j{{"id", n.id}, {"centres", n.centres}, {"start", n.start}, {"end", n.end}, {"text", text}};
        if (!n.audiences.empty()) j["audiences"] = n.audiences;
        list.push_back(std::move(j));
    }
    return json{{"version", d.version}, {"notices", std::move(list)}};
}

Parsed<NoticesDocument> parse_notices_document(std::string_view text) {
    Parsed<NoticesDocument> r;
    if (text.size() > k_max_notices_document_bytes) {
        r.error = "notices: the document is larger than " + std::to_string(k_max_notices_document_bytes) + " bytes";
        return r;
    }
    json j = json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded()) {
        r.error = "notices: not valid JSON";
        return r;
    }
    if (!j.is_object() || !only_keys(j, {"version", "notices"})) {
        r.error = "notices: expected an object with only \"version\" and \"notices\"";
        return r;
    }
    NoticesDocument d;
    auto v = j.find("version");
    if (v == j.end() || !v->is_number_integer() || v->get<std::int64_t>() < 1) {
        r.error = "notices: \"version\" must be a whole number from 1";
        return r;
    }
    d.version = v->get<std::int64_t>();
    auto list = j.find("notices");
    if (list == j.end() || !list->is_array() || list->size() > k_max_hub_notices) {
        r.error = "notices: \"notices\" must be a list of at most " + std::to_string(k_max_hub_notices);
        return r;
    }
    std::set<std::string> ids;
    for (std::size_t i = 0; i < list->size(); ++i) {
        HubNotice n;
        std::string why = parse_notice((*list)[i], n);
        std::string where = "notices: notices[" + std::to_string(i) + "]";
        if (!n.id.empty() && is_valid_need(n.id)) where += " (" + n.id + ")";
        if (!why.empty()) {
            r.error = where + ": " + why;
            return r;
        }
        if (!ids.insert(n.id).second) {
            r.error = where + ": the id is used twice";
            return r;
        }
        d.notices.push_back(std::move(n));
    }
    r.value = std::move(d);
    return r;
}

json to_json(const SignedNotices& s) { return json{{"document", s.document}, {"signature", to_base64(s.signature)}}; }

Parsed<SignedNotices> parse_signed_notices(std::string_view body) {
    Parsed<SignedNotices> r;
    json j = json::parse(body.begin(), body.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object() || !only_keys(j, {"document", "signature"})) {
        r.error = "notices: expected {\"document\", \"signature\"}";
        return r;
    }
    SignedNotices s;
    std::string sig;
    if (auto why = string_field(j, "document", s.document, k_max_notices_document_bytes); !why.empty()) {
        r.error = "notices: " + why;
        return r;
    }
    if (auto why = string_field(j, "signature", sig, 128); !why.empty()) {
        r.error = "notices: " + why;
        return r;
    }
    auto bytes = from_base64(sig);
    if (!bytes || bytes->size() != k_signature_bytes) {
        r.error = "notices: \"signature\" is not a base64 Ed25519 signature";
        return r;
    }
    s.signature = std::move(*bytes);
    r.value = std::move(s);
    return r;
}

std::string notices_signing_message(std::string_view document) {
    return "lantern-notices-v1\n" + std::string(document);
}

SignedNotices sign_notices(const NoticesDocument& d, const SecretBytes& signing_key) {
    if (sodium_init() < 0) throw CryptoError("libsodium failed to initialise");
    if (signing_key.size() != crypto_sign_SECRETKEYBYTES) throw CryptoError("signing key has the wrong size");
    SignedNotices s;
    s.document = to_json(d).dump();
    std::string msg = notices_signing_message(s.document);
    s.signature.resize(crypto_sign_BYTES);
    crypto_sign_detached(s.signature.data(), nullptr, reinterpret_cast<const unsigned char*>(msg.data()), msg.size(),
                         signing_key.data());
    return s;
}

Parsed<NoticesDocument> open_signed_notices(const SignedNotices& s, const Bytes& signing_public_key) {
    Parsed<NoticesDocument> r;
    if (sodium_init() < 0) throw CryptoError("libsodium failed to initialise");
    std::string msg = notices_signing_message(s.document);
    bool ok = s.signature.size() == crypto_sign_BYTES && signing_public_key.size() == crypto_sign_PUBLICKEYBYTES &&
              crypto_sign_verify_detached(s.signature.data(), reinterpret_cast<const unsigned char*>(msg.data()),
                                          msg.size(), signing_public_key.data()) == 0;
    if (!ok) {
        r.error = "notices: the signature does not verify with the content-signing key";
        return r;
    }
    return parse_notices_document(s.document);
}

std::vector<HubNotice> notices_for_centre(const NoticesDocument& d, std::string_view centre) {
    std::vector<HubNotice> out;
    for (const auto& n : d.notices)
        for (const auto& c : n.centres)
            if (c == "all" || (!place_key(centre).empty() && place_key(c) == place_key(centre))) {
                out.push_back(n);
                break;
            }
    return out;
}

bool is_showing_on(const HubNotice& n, std::string_view day) { return n.start <= day && day <= n.end; }

}  // namespace lantern::sync
