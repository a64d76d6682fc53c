// libFuzzer: a real pack (the fixture content) changed by SQL, then opened by the kiosk's own reader. Byte
// mutations of a pack rarely get past SQLite's own checks; SQL makes packs that are sound files with odd
// contents (a NULL title, a page under no topic, a dropped column, a huge body), which the pack check and the
// reader must both survive. The input runs statement by statement, errors ignored.
#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

#include "content/pack_builder.h"
#include "tests/fuzz/fuzz_common.h"
#include "tests/fuzz/fuzz_pack_reader.h"

namespace fs = std::filesystem;

namespace {

const fs::path& base_pack() {
    static const fs::path path = [] {
        auto p = lantern::fuzz::scratch_dir() / "base.sqlite";
        auto sources = lantern::content::read_sources(fs::path(LANTERN_SOURCE_DIR) / "tests/fixtures/content");
        if (!lantern::content::write_pack(sources, p, {"1"})) std::abort();
        return p;
    }();
    return path;
}

// Nothing may reach outside the scratch pack: no other files attached or written, no extensions.
bool harmless(std::string sql) {
    std::transform(sql.begin(), sql.end(), sql.begin(), [](unsigned char c) { return std::tolower(c); });
    for (const char* word : {"attach", "vacuum", "load_extension", "temp_store_directory", "data_store_directory"})
        if (sql.find(word) != std::string::npos) return false;
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string sql(lantern::fuzz::as_text(data, size));
    if (sql.find('\0') != std::string::npos || !harmless(sql)) return -1;  // -1: not added to the corpus
    auto path = lantern::fuzz::scratch_dir() / "pack-sql.sqlite";
    for (const char* suffix : {"-journal", "-wal", "-shm"}) fs::remove(path.string() + suffix);
    fs::copy_file(base_pack(), path, fs::copy_options::overwrite_existing);
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK)
        sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
    sqlite3_close(db);
    lantern::fuzz::read_like_the_kiosk(path);
    return 0;
}
