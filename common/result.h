// The project's error convention for failures a caller must handle (docs/DESIGN.md, "Errors"): a Result holds
// either the value or an Error saying why, in words fit for staff or a log (never personal data).
#pragma once

#include <string>
#include <type_traits>
#include <utility>
#include <variant>

namespace lantern {

struct Error {
    std::string message;
};

// Nothing to return but success or why not: Result<> (its value is std::monostate).
template <class T = std::monostate>
class [[nodiscard]] Result {
   public:
    Result() requires std::is_same_v<T, std::monostate> : v_(std::monostate{}) {}
    Result(T value) : v_(std::move(value)) {}
    Result(Error error) : v_(std::move(error)) {}

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    // Only when ok(): std::bad_variant_access otherwise (a bug, so an exception).
    const T& value() const { return std::get<0>(v_); }
    // Only when !ok().
    const Error& error() const { return std::get<1>(v_); }

   private:
    std::variant<T, Error> v_;
};

}  // namespace lantern
