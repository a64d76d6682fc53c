// Turns core dumps off for the kiosk process (issue 17: answers in memory must not reach a disk).
#include "kiosk/parts/process_guard.h"

#include <sys/prctl.h>
#include <sys/resource.h>

namespace lantern::kiosk {

ProcessGuardResult guard_process_memory(bool not_dumpable) {
    ProcessGuardResult r;
    rlimit none{0, 0};
    r.core_limit_zero = setrlimit(RLIMIT_CORE, &none) == 0;
    if (not_dumpable) r.not_dumpable = prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0;
    return r;
}

}  // namespace lantern::kiosk
