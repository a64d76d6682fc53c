// The staff PIN: checked against an Argon2id hash, with a lockout that grows after wrong guesses, so a
// visitor cannot find the PIN by trying numbers at the kiosk.
#pragma once

#include <string>

#include "common/pin_hash.h"

namespace lantern::kiosk {

// The hash itself lives in common/ (lantern_pin), shared with the `lantern kiosk pin` command.
using pin::hash_staff_pin;
using pin::is_valid_staff_pin;

struct PinCheck {
    enum class Result { accepted, wrong, locked } result = Result::wrong;
    int seconds_locked = 0;  // wrong or locked: how long before the next try is allowed (0: straight away)
};

class StaffLock {
   public:
    // An empty hash: staff mode is off and every PIN is refused. `wrong_so_far` (kept across restarts) and
    // `now`: a kiosk switched off while locked starts locked again, for the whole lock of that count.
    explicit StaffLock(std::string pin_hash, int wrong_so_far = 0, double now = 0);

    bool enabled() const { return !hash_.empty(); }
    // `now` is seconds on a monotonic clock. While locked, the PIN is not even checked.
    PinCheck check(const std::string& pin, double now);
    int seconds_locked(double now) const;
    int wrong_so_far() const { return failures_; }

    // The first wrong guesses are free (a slip of the finger); after that each one locks for twice as
    // long as the last, from 30 s up to 15 minutes. A right PIN resets the count.
    static constexpr int k_free_tries = 3;
    static constexpr double k_first_lock_seconds = 30;
    static constexpr double k_max_lock_seconds = 15 * 60;

   private:
    static double lock_seconds(int failures);
    std::string hash_;
    int failures_ = 0;
    double locked_until_ = 0;
};

}  // namespace lantern::kiosk
