// sd_notify from libsystemd: READY=1, WATCHDOG=1 and STOPPING=1.
#include "sync/service_notify.h"

#include <systemd/sd-daemon.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <string>

namespace lantern::sync {

ServiceNotifier::ServiceNotifier() {
    std::uint64_t usec = 0;
    // > 0 only when WATCHDOG_USEC is set (and WATCHDOG_PID, if set, is this process).
    if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0) {
        pet_interval_ = static_cast<double>(usec) / 2e6;
        return;
    }
    // The kiosk runs as the child of its session (cage, or xinit), whose pid systemd put in WATCHDOG_PID; the
    // unit's NotifyAccess=all lets the child pet for it. The frame loop is what must be watched, not cage.
    const char* pid = std::getenv("WATCHDOG_PID");
    const char* text = std::getenv("WATCHDOG_USEC");
    if (pid && text && std::strtol(pid, nullptr, 10) == ::getppid()) {
        usec = std::strtoull(text, nullptr, 10);
        if (usec > 0) pet_interval_ = static_cast<double>(usec) / 2e6;
    }
}

void ServiceNotifier::ready() {
    if (ready_sent_) return;
    ready_sent_ = true;
    sd_notify(0, "READY=1");
    last_pet_ = std::chrono::steady_clock::now();
}

void ServiceNotifier::stopping() { sd_notify(0, "STOPPING=1"); }

void ServiceNotifier::pet() {
    if (!watchdog()) return;
    auto now = std::chrono::steady_clock::now();
    if (std::chrono::duration<double>(now - last_pet_).count() < pet_interval_ / 2) return;
    last_pet_ = now;
    sd_notify(0, "WATCHDOG=1");
}

}  // namespace lantern::sync
