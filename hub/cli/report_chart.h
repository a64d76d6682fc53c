// Formats the hub's anonymised report: a plain-text table and a simple SVG bar chart.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "hub/shared/admin_api.h"

namespace lantern::hub {

// A row of the hub's report: count nullopt when suppressed (fewer than 5).
using ReportRow = api::ReportRow;

// The report's usage section as table rows: `need` holds the figure's name (sync/usage.h), e.g. "visit:adult:cy".
std::vector<ReportRow> usage_table_rows(const std::vector<api::UsageRow>& usage);
// The report's interest section as table rows: `need` holds the family service's id.
std::vector<ReportRow> interest_table_rows(const std::vector<api::InterestRow>& interest);
// `what` names the third column; `none` is said when there are no rows.
std::string report_table(const std::vector<ReportRow>& rows, const std::string& what = "need",
                         const std::string& none = "(no referrals yet)");
std::string report_svg(const std::vector<ReportRow>& rows);

}  // namespace lantern::hub
