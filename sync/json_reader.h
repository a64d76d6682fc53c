// One strict reader of a JSON object's fields, for every parser of the wire (sync/protocol.cpp, the hub's admin
// API): presence, type and size are checked the same way everywhere, and an error names the field, never its value.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>

#include <nlohmann/json.hpp>

namespace lantern::sync {

// The first problem is kept as "WHERE: what" and every later read fails, so a parser can read several fields
// in one condition and report the first that is wrong.
class JsonReader {
   public:
    // Fails at once unless `j` is an object. `error_out`, if given, receives the error too (for parsers whose
    // result carries its own error string).
    JsonReader(const nlohmann::json& j, std::string where, std::string* error_out = nullptr);

    bool ok() const { return error_.empty(); }
    const std::string& error() const { return error_; }
    bool fail(const std::string& what);
    // Every field is one of `allowed`: anything else is refused as "unknown field".
    bool only(std::initializer_list<const char*> allowed);
    bool has(const char* key) const { return j_.is_object() && j_.contains(key); }
    // The field, or nullptr (and the reader failed) when it is missing.
    const nlohmann::json* field(const char* key);

    // Required fields: missing, of another type or out of bounds fails.
    bool str(const char* key, std::string& out, std::size_t max = 256);
    bool integer(const char* key, std::int64_t& out, std::int64_t min = 0);
    bool boolean(const char* key, bool& out);
    const nlohmann::json* array(const char* key, std::size_t max);
    // Optional fields: absent leaves `out` as it was and succeeds; present is checked as above.
    bool optional_str(const char* key, std::string& out, std::size_t max = 256);
    bool optional_integer(const char* key, std::int64_t& out, std::int64_t min = 0);
    // A check on a value already read: fails naming `key` with `what` ("\"size\" must be positive").
    bool check(bool good, const char* key, const std::string& what);

   private:
    const nlohmann::json& j_;
    std::string where_;
    std::string error_;
    std::string* error_out_;
};

}  // namespace lantern::sync
