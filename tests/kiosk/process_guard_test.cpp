// The kiosk's process guard: no core file limit, and not dumpable when asked.
#include <doctest/doctest.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kiosk/parts/process_guard.h"

using namespace lantern::kiosk;

// Run in a child: the guard changes the whole process, and the test runner must stay dumpable.
static int in_child(bool not_dumpable) {
    pid_t pid = fork();
    if (pid == 0) {
        ProcessGuardResult r = guard_process_memory(not_dumpable);
        rlimit lim{};
        getrlimit(RLIMIT_CORE, &lim);
        int dumpable = prctl(PR_GET_DUMPABLE, 0, 0, 0, 0);
        bool ok = r.core_limit_zero && lim.rlim_cur == 0 && lim.rlim_max == 0 &&
                  (not_dumpable ? (r.not_dumpable && dumpable == 0) : dumpable == 1);
        _exit(ok ? 0 : 1);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST_CASE("the guard sets the core limit to zero and makes the process not dumpable") { CHECK(in_child(true) == 0); }

TEST_CASE("a sanitizer build keeps the process dumpable but still writes no core") { CHECK(in_child(false) == 0); }
