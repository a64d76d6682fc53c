// libFuzzer: one file of a content source folder (a page's front matter and Markdown, services.json, the YAML
// files) read by read_sources, the rest of the folder being tests/fixtures/content.
// LANTERN_FUZZ_SOURCE names the file the input becomes; without it the input's first byte picks a YAML file.
// LANTERN_FUZZ_TOPICS_ONLY: the folder holds topics.yaml alone beside it (pages and services need no more).
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

#include "content/sources.h"
#include "tests/fuzz/fuzz_common.h"

namespace {

namespace fs = std::filesystem;

const fs::path& source_copy() {
    static const fs::path dir = [] {
        auto d = lantern::fuzz::scratch_dir() / "content";
        fs::path fixtures = fs::path(LANTERN_SOURCE_DIR) / "tests/fixtures/content";
#ifdef LANTERN_FUZZ_TOPICS_ONLY
        // Only what the file needs beside it (topics.yaml), so each run reads one small folder, not the whole
        // fixture content: many more inputs a second.
        fs::create_directories(d / "pages/en");
        fs::copy_file(fixtures / "topics.yaml", d / "topics.yaml");
#else
        fs::copy(fixtures, d, fs::copy_options::recursive);
#endif
        return d;
    }();
    return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const fs::path& root = source_copy();
#ifdef LANTERN_FUZZ_SOURCE
    fs::path file = root / LANTERN_FUZZ_SOURCE;
#else
    static const char* const yaml_files[] = {"topics.yaml", "search.yaml", "notices.yaml", "strings.yaml"};
    if (size == 0) return 0;
    fs::path file = root / yaml_files[data[0] % 4];
    ++data;
    --size;
#endif
    // The file is put back after each run, so every input is read beside the fixture's other files.
    std::string original;
    bool existed = fs::exists(file);
    if (existed) {
        std::ifstream in(file, std::ios::binary);
        original.assign(std::istreambuf_iterator<char>(in), {});
    }
    lantern::fuzz::write_bytes(file, data, size);
    auto sources = lantern::content::read_sources(root);
    for (const auto& issue : sources.issues) (void)issue.to_string();
    if (existed)
        lantern::fuzz::write_bytes(file, reinterpret_cast<const std::uint8_t*>(original.data()), original.size());
    else fs::remove(file);
    return 0;
}
