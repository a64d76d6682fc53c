// libFuzzer: a content pack file's bytes (random, and real packs mutated) opened by the kiosk's own reader.
#include <cstddef>
#include <cstdint>
#include <filesystem>

#include "tests/fuzz/fuzz_common.h"
#include "tests/fuzz/fuzz_pack_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto path = lantern::fuzz::scratch_dir() / "pack.sqlite";
    for (const char* suffix : {"-journal", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
    lantern::fuzz::write_bytes(path, data, size);
    lantern::fuzz::read_like_the_kiosk(path);
    return 0;
}
