// The kiosk's heap zeroes every block it frees (common/wiping_heap.cpp); linked by lantern_wiping_heap.
#pragma once

namespace lantern {

// True when SQLite took the wiping allocator (it must be set before SQLite's first use).
bool sqlite_frees_wiped();

}  // namespace lantern
