// Tells systemd that a service is ready and still alive (sd_notify); does nothing when systemd did not start it.
#pragma once

#include <chrono>
#include <string>

namespace lantern::sync {

// Used by the kiosk's frame loop and the hub's watchdog thread. With Type=notify and WatchdogSec= set,
// systemd passes NOTIFY_SOCKET and WATCHDOG_USEC; a service that stops petting is killed and restarted.
class ServiceNotifier {
   public:
    ServiceNotifier();

    // READY=1, once; later calls do nothing.
    void ready();
    // STOPPING=1: a clean stop is under way (systemd then does not count a slow exit as a hang).
    void stopping();
    // WATCHDOG=1 if at least half the pet interval has passed since the last one. Cheap to call every frame.
    void pet();
    // How long the caller may sleep and still pet in time: half of WATCHDOG_USEC, in seconds; 0 when there
    // is no watchdog.
    double pet_interval() const { return pet_interval_; }
    bool watchdog() const { return pet_interval_ > 0; }

   private:
    bool ready_sent_ = false;
    double pet_interval_ = 0;
    std::chrono::steady_clock::time_point last_pet_{};
};

}  // namespace lantern::sync
