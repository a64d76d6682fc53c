// The wire's one strict JSON field reader.
#include "sync/json_reader.h"

#include <climits>
#include <set>

namespace lantern::sync {

using nlohmann::json;

namespace {
std::string quoted(const char* key) { return std::string("\"") + key + "\""; }
}  // namespace

JsonReader::JsonReader(const json& j, std::string where, std::string* error_out)
    : j_(j), where_(std::move(where)), error_out_(error_out) {
    if (!j_.is_object()) fail("expected a JSON object");
}

bool JsonReader::fail(const std::string& what) {
    if (error_.empty()) {
        error_ = (where_.empty() ? "" : where_ + ": ") + what;
        if (error_out_) *error_out_ = error_;
    }
    return false;
}

bool JsonReader::only(std::initializer_list<const char*> allowed) {
    if (!ok()) return false;
    std::set<std::string> known(allowed.begin(), allowed.end());
    for (auto it = j_.begin(); it != j_.end(); ++it)
        if (!known.count(it.key())) return fail("unknown field");
    return true;
}

const json* JsonReader::field(const char* key) {
    if (!ok()) return nullptr;
    auto it = j_.find(key);
    if (it == j_.end()) {
        fail("missing " + quoted(key));
        return nullptr;
    }
    return &*it;
}

bool JsonReader::str(const char* key, std::string& out, std::size_t max) {
    const json* v = field(key);
    if (!v) return false;
    if (!v->is_string()) return fail(quoted(key) + " must be a string");
    if (v->get_ref<const std::string&>().size() > max) return fail(quoted(key) + " is too long");
    out = v->get<std::string>();
    return true;
}

bool JsonReader::integer(const char* key, std::int64_t& out, std::int64_t min) {
    const json* v = field(key);
    if (!v) return false;
    if (!v->is_number_integer()) return fail(quoted(key) + " must be an integer");
    // An unsigned value past INT64_MAX would read as negative: refused as out of range, not wrapped.
    if (v->is_number_unsigned() && v->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX))
        return fail(quoted(key) + " is out of range");
    out = v->get<std::int64_t>();
    if (out < min) return fail(quoted(key) + " must be at least " + std::to_string(min));
    return true;
}

bool JsonReader::boolean(const char* key, bool& out) {
    const json* v = field(key);
    if (!v) return false;
    if (!v->is_boolean()) return fail(quoted(key) + " must be true or false");
    out = v->get<bool>();
    return true;
}

const json* JsonReader::array(const char* key, std::size_t max) {
    const json* v = field(key);
    if (!v) return nullptr;
    if (!v->is_array()) return fail(quoted(key) + " must be an array"), nullptr;
    if (v->size() > max) return fail(quoted(key) + " has too many entries"), nullptr;
    return v;
}

bool JsonReader::optional_str(const char* key, std::string& out, std::size_t max) {
    return !ok() ? false : has(key) ? str(key, out, max) : true;
}

bool JsonReader::optional_integer(const char* key, std::int64_t& out, std::int64_t min) {
    return !ok() ? false : has(key) ? integer(key, out, min) : true;
}

bool JsonReader::check(bool good, const char* key, const std::string& what) {
    return good || fail(quoted(key) + " " + what);
}

}  // namespace lantern::sync
