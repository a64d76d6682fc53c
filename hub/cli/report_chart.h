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

std::string report_table(const std::vector<ReportRow>& rows);
std::string report_svg(const std::vector<ReportRow>& rows);

}  // namespace lantern::hub
