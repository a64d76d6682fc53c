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
// The report's usage section as rows: `need` holds the figure's name (sync/usage.h), e.g. "visit:adult:cy".
std::vector<ReportRow> usage_rows_from_json(const nlohmann::json& report);
// `what` names the third column; `none` is said when there are no rows.
std::string report_table(const std::vector<ReportRow>& rows, const std::string& what = "need",
                         const std::string& none = "(no referrals yet)");
std::string report_svg(const std::vector<ReportRow>& rows);

}  // namespace lantern::hub
