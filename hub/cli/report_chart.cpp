// Table and SVG rendering of report rows; suppressed counts show as "<5" and draw no bar.
#include "hub/cli/report_chart.h"

#include <algorithm>
#include <sstream>

namespace lantern::hub {

std::vector<ReportRow> usage_table_rows(const std::vector<api::UsageRow>& usage) {
    std::vector<ReportRow> rows;
    for (const auto& u : usage) rows.push_back({u.centre, u.month, u.name, u.count});
    return rows;
}

std::vector<ReportRow> interest_table_rows(const std::vector<api::InterestRow>& interest) {
    std::vector<ReportRow> rows;
    for (const auto& i : interest) rows.push_back({i.centre, i.month, i.service, i.count});
    return rows;
}

std::string report_table(const std::vector<ReportRow>& rows, const std::string& what, const std::string& none) {
    std::size_t wc = 6, wm = 7, wn = what.size();
    for (const auto& r : rows) {
        wc = std::max(wc, r.centre.size());
        wn = std::max(wn, r.need.size());
    }
    auto pad = [](const std::string& s, std::size_t w) {
        return s + std::string(w > s.size() ? w - s.size() : 0, ' ');
    };
    std::ostringstream out;
    out << pad("centre", wc) << "  " << pad("month", wm) << "  " << pad(what, wn) << "  count\n";
    for (const auto& r : rows)
        out << pad(r.centre, wc) << "  " << pad(r.month, wm) << "  " << pad(r.need, wn) << "  "
            << (r.count ? std::to_string(*r.count) : "<5") << "\n";
    if (rows.empty()) out << none << "\n";
    return out.str();
}

namespace {
std::string xml(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '&': out += "&amp;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default: out += c;
        }
    }
    return out;
}
}  // namespace

std::string report_svg(const std::vector<ReportRow>& rows) {
    const int bar_h = 22, gap = 6, label_w = 360, chart_w = 400, top = 40;
    std::int64_t max = 1;
    for (const auto& r : rows)
        if (r.count) max = std::max(max, *r.count);
    int height = top + static_cast<int>(rows.size()) * (bar_h + gap) + 30;
    std::ostringstream s;
    s << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << label_w + chart_w + 80 << "\" height=\"" << height
      << "\" font-family=\"sans-serif\" font-size=\"13\">\n"
      << "<title>Referral needs by centre and month</title>\n"
      << "<text x=\"10\" y=\"24\" font-size=\"16\">Referral needs by centre and month (counts under 5 shown as "
         "&lt;5)</text>\n";
    int y = top;
    for (const auto& r : rows) {
        std::string label = r.centre + " " + r.month + " " + r.need;
        s << "<text x=\"10\" y=\"" << y + 16 << "\">" << xml(label) << "</text>\n";
        if (r.count) {
            int w = static_cast<int>(static_cast<double>(*r.count) / static_cast<double>(max) * chart_w);
            s << "<rect x=\"" << label_w << "\" y=\"" << y << "\" width=\"" << std::max(w, 1) << "\" height=\"" << bar_h
              << "\" fill=\"#2b6cb0\"/>\n"
              << "<text x=\"" << label_w + w + 6 << "\" y=\"" << y + 16 << "\">" << *r.count << "</text>\n";
        } else {
            s << "<text x=\"" << label_w << "\" y=\"" << y + 16 << "\" fill=\"#666\">&lt;5</text>\n";
        }
        y += bar_h + gap;
    }
    s << "</svg>\n";
    return s.str();
}

}  // namespace lantern::hub
