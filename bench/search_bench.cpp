// Search latency on a large pack: builds a pack of N pages from the real sources (their words, mixed),
// then times PackReader::search over many queries and prints median and p99 in milliseconds.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "content/pack_builder.h"
#include "content/pack_reader.h"
#include "content/sources.h"

using namespace lantern::content;
namespace fs = std::filesystem;

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: lantern-bench-search SOURCES_DIR OUT_PACK [PAGES=2000] [QUERIES=2000]\n");
        return 2;
    }
    fs::path src = argv[1], out = argv[2];
    int n_pages = argc > 3 ? std::atoi(argv[3]) : 2000;
    int n_queries = argc > 4 ? std::atoi(argv[4]) : 2000;

    Sources s = read_sources(src);
    if (s.has_errors()) {
        for (auto& i : s.issues) std::fprintf(stderr, "%s\n", i.to_string().c_str());
        return 1;
    }
    std::vector<SourcePage> originals;
    for (auto& p : s.pages)
        if (p.lang == "en") originals.push_back(p);
    if (originals.empty()) return 1;

    // Each generated page: a real page's front matter and body, with paragraphs borrowed from two
    // others, so the vocabulary and page lengths are those of real content, only 2,000 times over.
    std::mt19937 rng(42);
    std::vector<SourcePage> pages = s.pages;
    for (int i = 0; static_cast<int>(pages.size()) < n_pages; ++i) {
        SourcePage p = originals[i % originals.size()];
        const SourcePage& a = originals[rng() % originals.size()];
        const SourcePage& b = originals[rng() % originals.size()];
        p.id = p.id + "-gen" + std::to_string(i);
        p.file = "pages/gen/" + p.id + ".md";
        p.title = p.title + " " + std::to_string(i);
        p.body += "\n\n" + a.body.substr(0, a.body.size() / 2) + "\n\n" + b.body.substr(b.body.size() / 2);
        pages.push_back(std::move(p));
    }
    s.pages = std::move(pages);
    auto t0 = std::chrono::steady_clock::now();
    if (!write_pack(s, out, {"bench"})) {
        for (auto& i : s.issues) std::fprintf(stderr, "%s\n", i.to_string().c_str());
        std::fprintf(stderr, "lantern-bench-search: the generated pack has errors\n");
        return 1;
    }
    double build_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

    PackReader pack(out.string());
    // Queries as a visitor types them: whole words, two-word phrases, and a word cut short.
    const char* queries[] = {"visit",
                             "visiting times",
                             "money",
                             "travel costs",
                             "bus",
                             "release",
                             "housing",
                             "telling the children",
                             "phone",
                             "letters",
                             "help with",
                             "book",
                             "booking a visit",
                             "ID",
                             "debt",
                             "feel",
                             "worried",
                             "prison",
                             "family support",
                             "visi",
                             "mon",
                             "tra",
                             "what to bring",
                             "search",
                             "court",
                             "benefits",
                             "nobody",
                             "xyzzy",
                             "first days",
                             "drugs",
                             "video call",
                             "email a prisoner",
                             "children",
                             "Samaritans"};
    const Audience audiences[] = {Audience::adult, Audience::adult, Audience::teen, Audience::child};
    std::vector<double> ms;
    std::map<std::string, std::vector<double>> by_query;
    size_t hits = 0;
    for (int i = 0; i < n_queries; ++i) {
        const char* q = queries[i % std::size(queries)];
        Audience aud = audiences[(i / std::size(queries)) % std::size(audiences)];
        auto a = std::chrono::steady_clock::now();
        auto r = pack.search(q, aud, "en");
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - a).count());
        by_query[q].push_back(ms.back());
        hits += r.size();
    }
    // The slowest queries by their own median, on stderr, for whoever profiles next.
    std::vector<std::pair<double, std::string>> slow;
    for (auto& [q, v] : by_query) {
        std::sort(v.begin(), v.end());
        slow.push_back({v[v.size() / 2], q});
    }
    std::sort(slow.rbegin(), slow.rend());
    for (size_t i = 0; i < std::min<size_t>(5, slow.size()); ++i)
        std::fprintf(stderr, "lantern-bench-search: \"%s\" median %.3f ms\n", slow[i].second.c_str(), slow[i].first);
    std::sort(ms.begin(), ms.end());
    auto pct = [&](double p) { return ms[std::min(ms.size() - 1, static_cast<size_t>(p * ms.size()))]; };
    std::printf(
        "{\"pages\": %zu, \"queries\": %d, \"hits\": %zu, \"build_s\": %.3f, \"pack_bytes\": %ju, "
        "\"median_ms\": %.4f, \"p99_ms\": %.4f, \"max_ms\": %.4f}\n",
        s.pages.size(), n_queries, hits, build_s, static_cast<uintmax_t>(fs::file_size(out)), pct(0.5), pct(0.99),
        ms.back());
    return 0;
}
