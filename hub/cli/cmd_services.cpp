// `lantern services import`: an Open Referral UK feed (file or API) into a content folder's services.json.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "content/oruk_import.h"
#include "hub/cli/commands.h"
#include "hub/cli/oruk_fetch.h"

namespace lantern::hub {

namespace {

std::string read_whole(const std::string& path, const char* what) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw content::OrukError(std::string("cannot read the ") + what + " " + path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

void register_services_commands(CLI::App& app, int& exit_code) {
    auto* services = app.add_subcommand("services", "The services directory (\"Find local help\")");
    services->require_subcommand(1);

    struct Args {
        std::string file, url, map, out, ca;
        std::vector<std::string> areas;
    };
    auto a = std::make_shared<Args>();
    auto* import = services->add_subcommand(
        "import", "Read an Open Referral UK feed and write the services serving the centre's area into services.json");
    auto* file = import->add_option("--file", a->file, "An Open Referral UK services feed saved as JSON");
    auto* url = import->add_option("--url", a->url, "An Open Referral UK API's address (it reads /services)");
    file->excludes(url);
    url->excludes(file);
    import->add_option("--map", a->map, "Taxonomy terms to the form's needs (assets/oruk/taxonomy-needs.json)")
        ->required();
    import
        ->add_option("--area", a->areas,
                     "A place the centre serves, as the feed names it (local authority or nation); repeat for more")
        ->required();
    import->add_option("--services", a->out, "The services.json to update (e.g. assets/content/services.json)")
        ->required();
    import->add_option("--ca-file", a->ca, "CA bundle for the API's certificate");
    import->callback([a, &exit_code] {
        try {
            if (a->file.empty() == a->url.empty()) throw content::OrukError("give --file or --url");
    auto map = content::parse_taxonomy_map(read_whole(a->map, "taxonomy map"));
    // Read the services file before the feed: a broken one stops here, before any download.
    std::string existing;
    if (std::filesystem::exists(a->out)) existing = read_whole(a->out, "services file");
    std::vector<std::string> notes;
    std::vector<nlohmann::json> feed = a->url.empty() ? content::oruk_feed_services(read_whole(a->file, "feed"))
                                                      : fetch_oruk_services(a->url, a->ca, notes);
    auto result = content::import_oruk_services(feed, map, a->areas);
    for (const auto& n : notes) std::cerr << "note: " << n << "\n";
    for (const auto& p : result.problems) std::cerr << p << "\n";
    std::cout << "read " << result.read << " services: " << result.local << " local and " << result.national
              << " national kept; " << result.outside_area << " outside the area, " << result.not_active
              << " not active, " << result.no_need << " with no need the kiosk offers, " << result.malformed
              << " malformed\n";
    if (result.services.empty()) throw content::OrukError("no service in the feed serves these areas or is national");
    std::vector<std::string> clashes;
    std::string text = content::merge_imported_services(existing, result.services, clashes);
    for (const auto& c : clashes) std::cerr << c << "\n";
    content::replace_file_atomically(a->out, text);
    std::cout << "wrote " << result.services.size() - clashes.size() << " imported services to " << a->out
              << "; check it with `lantern content lint`\n";
}
catch (const content::OrukError& e) {
    std::cerr << "lantern services import: " << e.what() << "; " << a->out << " was left as it was\n";
    exit_code = 1;
}
}  // namespace lantern::hub
);
}

}  // namespace lantern::hub
