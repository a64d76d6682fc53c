// `lantern content ...`: build a pack from sources, lint the sources, describe a built pack.
#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "content/lint.h"
#include "content/pack_builder.h"
#include "content/pack_reader.h"
#include "content/sources.h"
#include "content/translation.h"
#include "hub/commands.h"

namespace lantern::hub {
namespace {

struct BuildArgs {
    std::string src, out, version;
};

struct LintArgs {
    std::string src, today;
};

struct HashArgs {
    std::string src, page;
};

struct InfoArgs {
    std::string pack;
    bool json = false;
};

int count_errors(const std::vector<content::SourceIssue>& issues) {
    int n = 0;
    for (const auto& i : issues) n += i.severity == content::SourceIssue::Severity::error;
    return n;
}

int run_build(const BuildArgs& args) {
    content::Sources sources = content::read_sources(args.src);
    content::sort_issues(sources.issues);
    for (const auto& issue : sources.issues) std::cerr << issue.to_string() << "\n";
    if (sources.has_errors()) {
        // write_pack would refuse too; saying so here keeps the message next to the errors.
        std::cerr << "lantern content build: " << count_errors(sources.issues) << " error(s) above; no pack written, "
                  << args.out << " left as it was\n";
        return 1;
    }
    try {
        content::write_pack(sources, args.out, {args.version});
    } catch (const std::exception& e) {
        std::cerr << "lantern content build: " << e.what() << "\n";
        return 1;
    }
    std::cout << "wrote " << args.out << ": " << sources.pages.size() << " pages, " << sources.topics.size()
              << " topics, " << sources.images.size() << " images\n";
    return 0;
}

int run_lint(const LintArgs& args) {
    content::Sources sources = content::read_sources(args.src);
    std::vector<content::SourceIssue> issues = sources.issues;
    // Lint rules on top of broken sources would mostly repeat the same problem, so they run only
    // when the sources could be read at all (pages present).
    if (!sources.pages.empty()) {
        auto more = content::lint_sources(sources, {args.today});
        issues.insert(issues.end(), more.begin(), more.end());
    }
    content::sort_issues(issues);
    for (const auto& issue : issues) std::cout << issue.to_string() << "\n";
    int errors = count_errors(issues);
    int warnings = static_cast<int>(issues.size()) - errors;
    std::cout << args.src << ": " << sources.pages.size() << " pages, " << errors << " error(s), " << warnings
              << " warning(s)\n";
    return errors > 0 ? 1 : 0;
}

// Prints the fingerprint a translation of an English page carries as `english_hash:`.
int run_hash(const HashArgs& args) {
    content::Sources sources = content::read_sources(args.src);
    bool found = false;
    for (const auto& p : sources.pages) {
        if (p.lang != "en" || (!args.page.empty() && p.id != args.page)) continue;
        found = true;
        std::string hash = content::english_fingerprint(p.title, p.body);
        if (args.page.empty()) std::cout << p.id << " " << hash << "\n";
        else std::cout << "english_hash: " << hash << "\n";
    }
    if (!found) {
        std::cerr << "lantern content hash: " << args.src << ": no English page"
                  << (args.page.empty() ? "s" : " with id \"" + args.page + "\"") << "\n";
        return 1;
    }
    return 0;
}

// "unsigned" unless a detached signature sits beside the pack; checking it is `content verify`'s job.
std::string signature_state(const std::string& pack) {
    std::error_code ec;
    return std::filesystem::exists(pack + ".sig", ec) ? "present" : "unsigned";
}

int run_info(const InfoArgs& args) {
    try {
        content::PackReader pack(args.pack);
        content::PackMeta meta = pack.meta();
        auto counts = pack.page_counts();
        std::string signature = signature_state(args.pack);
        // ordered_json keeps the keys in the order a person reads them, not alphabetical.
        nlohmann::ordered_json j;
        j["format_version"] = meta.format_version;
        j["content_version"] = meta.content_version;
        j["built_at"] = meta.built_at;
        j["languages"] = meta.languages;
        j["signature"] = signature;
        nlohmann::ordered_json pages = nlohmann::ordered_json::object();
        for (content::Audience a : content::k_all_audiences) {
            nlohmann::ordered_json by_lang = nlohmann::ordered_json::object();
            // Languages in the pack's order (English first), then any others found in the pages.
            for (const auto& lang : meta.languages)
                if (auto it = counts[a].find(lang); it != counts[a].end()) by_lang[lang] = it->second;
            for (const auto& [lang, n] : counts[a])
                if (!by_lang.contains(lang)) by_lang[lang] = n;
            pages[content::to_string(a)] = by_lang;
        }
        j["pages"] = pages;
        j["unreviewed"] = pack.unreviewed_counts();
        j["images"] = pack.image_count();
        j["services"] = pack.service_count();
        if (args.json) {
            std::cout << j.dump(2) << "\n";
            return 0;
        }
        std::string langs;
        for (const auto& l : meta.languages) langs += (langs.empty() ? "" : ", ") + l;
        std::cout << "pack:             " << args.pack << "\n"
                  << "format version:   " << meta.format_version << "\n"
                  << "content version:  " << meta.content_version << "\n"
                  << "built at:         " << meta.built_at << "\n"
                  << "languages:        " << langs << "\n"
                  << "signature:        "
                  << (signature == "present" ? "present (" + args.pack + ".sig, not verified here)" : signature) << "\n"
                  << "pages:\n";
        for (const auto& [audience, by_lang] : pages.items()) {
            std::string line;
            for (const auto& [lang, n] : by_lang.items())
                line += (line.empty() ? "" : ", ") + lang + " " + std::to_string(n.get<int>());
            std::cout << "  " << audience << std::string(8 - std::min<std::size_t>(audience.size(), 7), ' ')
                      << (line.empty() ? "none" : line) << "\n";
        }
        std::string unreviewed;
        for (const auto& [lang, n] : j["unreviewed"].items())
            unreviewed += (unreviewed.empty() ? "" : ", ") + lang + " " + std::to_string(n.get<int>());
        std::cout << "unreviewed:       " << (unreviewed.empty() ? "none" : unreviewed)
                  << " (translated pages no fluent speaker has checked)\n";
        std::cout << "images:           " << j["images"].get<int>() << "\n"
                  << "services:         " << j["services"].get<int>() << "\n";
        return 0;
    } catch (const content::PackError& e) {
        std::cerr << "lantern content info: " << e.what() << "\n";
    } catch (const std::exception& e) {
        std::cerr << "lantern content info: " << args.pack << ": " << e.what() << "\n";
    }
    return 1;
}

}  // namespace

void register_content_commands(CLI::App& app, int& exit_code) {
    auto* content = app.add_subcommand("content", "Build, check and publish content packs");
    content->require_subcommand(1);

    auto build_args = std::make_shared<BuildArgs>();
    auto* build = content->add_subcommand("build", "Validate sources and write a content pack");
    build->add_option("SRC", build_args->src, "Source folder (pages/, topics.yaml, images/, ...)")->required();
    build->add_option("-o,--output", build_args->out, "Pack file to write")->required();
    build->add_option("--content-version", build_args->version, "Content version (default: build time)");
    build->callback([build_args, &exit_code] { exit_code = run_build(*build_args); });

    auto lint_args = std::make_shared<LintArgs>();
    auto* lint = content->add_subcommand(
        "lint", "Check sources: reading level, adult subjects, translations, links, images, dates, phone numbers");
    lint->add_option("SRC", lint_args->src, "Source folder")->required();
    lint->add_option("--today", lint_args->today, "Date to judge review dates against (YYYY-MM-DD; default today)");
    lint->callback([lint_args, &exit_code] { exit_code = run_lint(*lint_args); });

    auto hash_args = std::make_shared<HashArgs>();
    auto* hash = content->add_subcommand(
        "hash", "Print the english_hash a translation of an English page carries (every English page without PAGE)");
    hash->add_option("SRC", hash_args->src, "Source folder")->required();
    hash->add_option("PAGE", hash_args->page, "Page id");
    hash->callback([hash_args, &exit_code] { exit_code = run_hash(*hash_args); });

    auto info_args = std::make_shared<InfoArgs>();
    auto* info = content->add_subcommand("info", "Describe a content pack: versions, languages, signature, counts");
    info->add_option("PACK", info_args->pack, "Pack file")->required();
    info->add_flag("--json", info_args->json, "Print JSON");
    info->callback([info_args, &exit_code] { exit_code = run_info(*info_args); });
}

}  // namespace lantern::hub
