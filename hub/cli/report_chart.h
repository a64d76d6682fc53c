// Formats the hub's anonymised report: a plain-text table and a simple SVG bar chart.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace lantern::hub {

struct ReportRow {
    std::string centre, month, need;
    std::optional<std::int64_t> count;  // nullopt: suppressed (fewer than 5)
};

std::vector<ReportRow> report_rows_from_json(const nlohmann::json& report);
std::string report_table(const std::vector<ReportRow>& rows);
std::string report_svg(const std::vector<ReportRow>& rows);

}  // namespace lantern::hub
