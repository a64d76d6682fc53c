// `lantern content ...`: build a pack from sources.
#include <iostream>

#include "content/pack_builder.h"
#include "content/sources.h"
#include "hub/commands.h"

namespace lantern::hub {

void register_content_commands(CLI::App& app, int& exit_code) {
    auto* content = app.add_subcommand("content", "Build, check and publish content packs");
    content->require_subcommand(1);

    struct BuildArgs {
        std::string src, out, version;
    };
    auto args = std::make_shared<BuildArgs>();
    auto* build = content->add_subcommand("build", "Validate sources and write a content pack");
    build->add_option("SRC", args->src, "Source folder (pages/, topics.yaml, images/, ...)")->required();
    build->add_option("-o,--output", args->out, "Pack file to write")->required();
    build->add_option("--content-version", args->version, "Content version (default: build time)");
    build->callback([args, &exit_code] {
        content::Sources sources = content::read_sources(args->src);
        for (const auto& issue : sources.issues) std::cerr << issue.to_string() << "\n";
        if (sources.has_errors()) {
            std::cerr << "lantern content build: errors above; no pack written\n";
            exit_code = 1;
            return;
        }
        content::write_pack(sources, args->out, {args->version});
        std::cout << "wrote " << args->out << ": " << sources.pages.size() << " pages, " << sources.topics.size()
                  << " topics, " << sources.images.size() << " images\n";
    });
}

}  // namespace lantern::hub
