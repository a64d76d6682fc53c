// Keeps a visitor's answers out of core dumps: the kiosk process never writes one.
#pragma once

namespace lantern::kiosk {

struct ProcessGuardResult {
    bool core_limit_zero = false;  // RLIMIT_CORE is 0, soft and hard
    bool not_dumpable = false;     // PR_SET_DUMPABLE is 0: no core, and /proc/PID/mem only for root
};

// Sets RLIMIT_CORE to 0 and, when `not_dumpable`, PR_SET_DUMPABLE to 0. Sanitizer builds pass false:
// LeakSanitizer stops the world with ptrace, which a non-dumpable process refuses to a non-root user.
ProcessGuardResult guard_process_memory(bool not_dumpable);

}  // namespace lantern::kiosk
