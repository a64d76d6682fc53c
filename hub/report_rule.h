// The anonymised report's one rule for small counts, for the needs and the usage figures alike.
#pragma once

#include <cstdint>

#include <nlohmann/json.hpp>

namespace lantern::hub {

// Small counts could point at a family: below this they are published only as "fewer than 5".
inline constexpr std::int64_t k_suppress_below = 5;

// A report row's "count" and "suppressed" by that rule.
inline void publish_count(nlohmann::json& row, std::int64_t count) {
    bool suppressed = count < k_suppress_below;
    row["count"] = suppressed ? nlohmann::json(nullptr) : nlohmann::json(count);
    row["suppressed"] = suppressed;
}

}  // namespace lantern::hub
