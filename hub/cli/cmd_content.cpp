// `lantern content ...`: build a pack from sources, lint the sources, list their phone numbers, describe a pack.
#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "content/lint.h"
#include "content/pack_builder.h"
#include "content/pack_reader.h"
#include "content/phone_index.h"
#include "content/sources.h"
#include "content/translation.h"
#include "hub/cli/commands.h"

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

struct PhonesArgs {
    std::string src;
    bool json = false;
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

// The organisation's own page when the place cites it, else the first source and how many more, so a
// table row stays one line.
std::string source_cell(const content::PhoneEntry& e, const content::PhoneUse& u) {
    if (std::string own = e.own_site_source(u); !own.empty() && u.kind == content::PhoneUse::Kind::page)
        return own + " (the organisation's site)";
    if (!u.sources.empty())
        return u.sources.front() +
               (u.sources.size() > 1 ? " (+" + std::to_string(u.sources.size() - 1) + " more)" : std::string());
    if (u.kind == content::PhoneUse::Kind::page) return "**no sources**";
    if (u.kind == content::PhoneUse::Kind::service) return "**no website**";
    return e.cited_somewhere() ? "none in this file; cited on a page or service above" : "**cited nowhere**";
}

std::string place_cell(const content::PhoneUse& u) {
    switch (u.kind) {
        case content::PhoneUse::Kind::page: return u.file + ":" + std::to_string(u.line);
        case content::PhoneUse::Kind::service: return "services.json: service `" + u.id + "`";
        case content::PhoneUse::Kind::search_helpline: return "search.yaml: helpline `" + u.id + "`";
        case content::PhoneUse::Kind::form_helpline:
            return u.id == "team" ? "form.json: the team's phone" : "form.json: helplines";
    }
    return u.file;
}

// Lists every phone number in the sources with each place that shows it and the source that place cites,
// as Markdown (docs/PHONE_NUMBERS.md is this output) or JSON. Places with no cited source are flagged.
int run_phones(const PhonesArgs& args) {
    content::Sources sources = content::read_sources(args.src);
    if (sources.has_errors() || sources.pages.empty()) {
        content::sort_issues(sources.issues);
        for (const auto& issue : sources.issues) std::cerr << issue.to_string() << "\n";
        std::cerr << "lantern content phones: " << args.src << ": the sources do not read cleanly (run lint)\n";
        return 1;
    }
    auto index = content::index_phone_numbers(sources);
    auto problems = content::lint_phone_sources(index);
    content::sort_issues(problems);
    if (args.json) {
        nlohmann::ordered_json j;
        j["numbers"] = nlohmann::ordered_json::array();
        for (const auto& e : index) {
            nlohmann::ordered_json n;
            n["number"] = e.written;
            n["digits"] = e.digits;
            n["spellings"] = e.spellings;
            n["cited"] = e.cited_somewhere();
            n["shown_on"] = nlohmann::ordered_json::array();
            for (const auto& u : e.uses) {
                nlohmann::ordered_json w;
                w["kind"] = content::to_string(u.kind);
                w["id"] = u.id;
                if (!u.lang.empty()) w["lang"] = u.lang;
                w["file"] = u.file;
                if (u.line > 0) w["line"] = u.line;
                w["sources"] = u.sources;
                if (std::string own = e.own_site_source(u); !own.empty()) w["own_site_source"] = own;
                n["shown_on"].push_back(w);
            }
            j["numbers"].push_back(n);
        }
        j["not_cited"] = nlohmann::ordered_json::array();
        for (const auto& p : problems) j["not_cited"].push_back(p.to_string());
        std::cout << j.dump(2) << "\n";
        return 0;
    }
    int pages = 0, own_site = 0;
    for (const auto& e : index)
        for (const auto& u : e.uses)
            if (u.kind == content::PhoneUse::Kind::page) {
                ++pages;
                own_site += !e.own_site_source(u).empty();
            }
    std::cout << "# Phone numbers in the content\n\n"
              << "Every phone number the content shows, each place that shows it, and the source that place cites\n"
              << "(a page's `sources:`, a service's website). Made by `lantern content phones " << args.src << "`:\n"
              << "after changing content, run it again and save its output over this file.\n\n"
              << index.size() << " numbers, shown by pages " << pages << " times (once per page and number); "
              << own_site
              << " of those\npages cite the website of the service with that number (the organisation's own page). "
              << problems.size() << " place(s)\nwith no cited source.\n";
    for (const auto& e : index) {
        std::cout << "\n## " << e.written << "\n\n";
        if (!e.spellings.empty()) {
            std::string also;
            for (const auto& w : e.spellings) also += (also.empty() ? "" : ", ") + w;
            std::cout << "Also written " << also << ".\n\n";
        }
        std::cout << "| shown on | source |\n|---|---|\n";
        for (const auto& u : e.uses) std::cout << "| " << place_cell(u) << " | " << source_cell(e, u) << " |\n";
    }
    std::cout << "\n## Not cited\n\n";
    if (problems.empty()) std::cout << "None: every number is shown with a cited source.\n";
    for (const auto& p : problems) std::cout << "- " << p.to_string() << "\n";
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

    auto phones_args = std::make_shared<PhonesArgs>();
    auto* phones = content->add_subcommand(
        "phones", "List every phone number in the sources, where it is shown and whether a source is cited there");
    phones->add_option("SRC", phones_args->src, "Source folder")->required();
    phones->add_flag("--json", phones_args->json, "Print JSON");
    phones->callback([phones_args, &exit_code] { exit_code = run_phones(*phones_args); });

    auto info_args = std::make_shared<InfoArgs>();
    auto* info = content->add_subcommand("info", "Describe a content pack: versions, languages, signature, counts");
    info->add_option("PACK", info_args->pack, "Pack file")->required();
    info->add_flag("--json", info_args->json, "Print JSON");
    info->callback([info_args, &exit_code] { exit_code = run_info(*info_args); });
}

}  // namespace lantern::hub
