// Every heap block the kiosk frees is zeroed first, C++'s and SQLite's alike. What a visitor types passes
// through code that makes copies we cannot wipe one by one (std::string temporaries, the pack's search,
// SQLite's FTS5 query parser and bound parameters); zeroing at free leaves no copy behind for the next visitor,
// a memory dump or a swap file. Linked into the kiosk only (an OBJECT library: its definitions replace the
// standard ones for the whole program).
#include <malloc.h>
#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>

namespace {

void wipe_and_free(void* p) noexcept {
    if (!p) return;
    // The whole usable size, not just what was asked for: a string that shrank left its old tail there.
    explicit_bzero(p, malloc_usable_size(p));
    std::free(p);
}

void* allocate(std::size_t n) {
    if (n == 0) n = 1;
    for (;;) {
        if (void* p = std::malloc(n)) return p;
        std::new_handler handler = std::get_new_handler();
        if (!handler) throw std::bad_alloc();
        handler();
    }
}

void* allocate_aligned(std::size_t n, std::align_val_t al) {
    auto align = static_cast<std::size_t>(al);
    if (align < sizeof(void*)) align = sizeof(void*);
    if (n == 0) n = 1;
    for (;;) {
        void* p = nullptr;
        if (posix_memalign(&p, align, n) == 0) return p;
        std::new_handler handler = std::get_new_handler();
        if (!handler) throw std::bad_alloc();
        handler();
    }
}

// SQLite's allocator: the C library's, wiping on free, and a realloc that never leaves the old block unwiped.
void* sqlite_malloc(int n) { return std::malloc(static_cast<std::size_t>(n)); }
void sqlite_free(void* p) { wipe_and_free(p); }
int sqlite_size(void* p) { return p ? static_cast<int>(malloc_usable_size(p)) : 0; }
void* sqlite_realloc(void* p, int n) {
    void* fresh = std::malloc(static_cast<std::size_t>(n));
    if (!fresh) return nullptr;
    if (p) {
        std::size_t old = malloc_usable_size(p);
        std::memcpy(fresh, p, old < static_cast<std::size_t>(n) ? old : static_cast<std::size_t>(n));
        wipe_and_free(p);
    }
    return fresh;
}
int sqlite_roundup(int n) { return (n + 7) & ~7; }
int sqlite_init(void*) { return SQLITE_OK; }
void sqlite_shutdown(void*) {}

// Before main, so before any database is opened (SQLite takes its allocator only before it initialises). No
// lookaside either: its slots are reused inside one big block and never pass through xFree.
const bool sqlite_wipes = [] {
    static const sqlite3_mem_methods methods{sqlite_malloc,  sqlite_free, sqlite_realloc,  sqlite_size,
                                             sqlite_roundup, sqlite_init, sqlite_shutdown, nullptr};
    bool ok = sqlite3_config(SQLITE_CONFIG_MALLOC, &methods) == SQLITE_OK &&
              sqlite3_config(SQLITE_CONFIG_LOOKASIDE, 0, 0) == SQLITE_OK;
    if (!ok) std::fputs("lantern: SQLite was set up before the wiping heap; freed memory is not wiped\n", stderr);
    return ok;
}();

}  // namespace

namespace lantern {
// True when SQLite frees through the wiping heap (tests check it took).
bool sqlite_frees_wiped() { return sqlite_wipes; }
}  // namespace lantern

void* operator new(std::size_t n) { return allocate(n); }
void* operator new[](std::size_t n) { return allocate(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return std::malloc(n ? n : 1); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return std::malloc(n ? n : 1); }
void* operator new(std::size_t n, std::align_val_t al) { return allocate_aligned(n, al); }
void* operator new[](std::size_t n, std::align_val_t al) { return allocate_aligned(n, al); }

void operator delete(void* p) noexcept { wipe_and_free(p); }
void operator delete[](void* p) noexcept { wipe_and_free(p); }
void operator delete(void* p, std::size_t) noexcept { wipe_and_free(p); }
void operator delete[](void* p, std::size_t) noexcept { wipe_and_free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { wipe_and_free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { wipe_and_free(p); }
void operator delete(void* p, std::align_val_t) noexcept { wipe_and_free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { wipe_and_free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { wipe_and_free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { wipe_and_free(p); }
