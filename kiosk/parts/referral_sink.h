// Where a finished referral goes: the sealed outbox in the kiosk, a test double in tests.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "sync/protocol.h"

namespace lantern::kiosk {

// The one summary type, the wire's: non-identifying need categories, audience, centre and date.
using sync::ReferralSummary;

struct SubmitResult {
    std::string reference;  // a code the visitor can read out, e.g. "K7MX-3QPA"; empty on failure
    std::string error;      // for the log: never holds an answer
};

class ReferralSink {
   public:
    virtual ~ReferralSink() = default;
    // Seals and stores `answers_json` durably before returning. The caller wipes `answers_json` afterwards.
    virtual SubmitResult submit(const std::string& form_version, const std::string& answers_json,
                                const ReferralSummary& summary) = 0;
};

// Keeps nothing and returns a fresh reference: for demos and UI tests when no outbox is configured.
class DiscardingReferralSink : public ReferralSink {
   public:
    SubmitResult submit(const std::string& form_version, const std::string& answers_json,
                        const ReferralSummary& summary) override;
    int submitted = 0;
};

// The outbox's eight unambiguous characters, shown as "ACDE-FHJK".
std::string make_reference_code();

}  // namespace lantern::kiosk
