// `lantern report`: anonymised needs by centre and month as a table and an optional SVG bar chart.
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>

#include "hub/cli/admin_client.h"
#include "hub/cli/commands.h"
#include "hub/cli/report_chart.h"

namespace lantern::hub {

void register_report_commands(CLI::App& app, int&) {
    struct Args {
        std::string hub, token, svg, ca;
    };
    auto a = std::make_shared<Args>();
    auto* report = app.add_subcommand(
        "report", "Needs, kiosk usage and interest in family services by centre and month (counts under 5 suppressed)");
    report->add_option("--hub", a->hub, "Hub URL")->required();
    report->add_option("--token", a->token, "Admin token")->required()->envname("LANTERN_ADMIN_TOKEN");
    report->add_option("--svg", a->svg, "Also write a bar chart here");
    report->add_option("--ca-file", a->ca, "CA bundle for the hub's certificate");
    report->callback([a] {
        AdminClient client(a->hub, a->token, a->ca);
        auto report = client.report();
        const auto& rows = report.rows;
        std::cout << report_table(rows);
        std::cout << "\nKiosk usage (names: README, Usage figures)\n"
                  << report_table(usage_table_rows(report.usage), "figure", "(no usage figures yet)");
        std::cout << "\nInterest in family services (\"I'm interested\")\n"
                  << report_table(interest_table_rows(report.interest), "service", "(no interest requests yet)");
        if (!a->svg.empty()) {
            std::ofstream(a->svg) << report_svg(rows);
            std::cout << "wrote " << a->svg << "\n";
        }
    });
}

}  // namespace lantern::hub
