// The anonymised report's one rule for small counts, for the needs and the usage figures alike.
#pragma once

#include <cstdint>
#include <optional>

namespace lantern::hub {

// Small counts could point at a family: below this they are published only as "fewer than 5".
inline constexpr std::int64_t k_suppress_below = 5;

// A count as the report may publish it: nullopt (suppressed) below the threshold.
inline std::optional<std::int64_t> published_count(std::int64_t count) {
    if (count < k_suppress_below) return std::nullopt;
    return count;
}

}  // namespace lantern::hub
