// The kiosk's composition root: builds every long-lived part from the config (sync, the pack on screen, staff
// store and desk, speaker, the App) and owns them with explicit lifetimes, so the frame loop only runs frames.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "content/pack_reader.h"
#include "kiosk/app/app.h"
#include "kiosk/parts/config.h"
#include "kiosk/parts/espeak_speaker.h"
#include "kiosk/staff/kiosk_staff_desk.h"
#include "kiosk/parts/kiosk_sync.h"

namespace lantern::kiosk {

struct KioskPartsOptions {
    KioskConfig config;
    std::string pack_path;  // the pack shipped with the kiosk (the last fallback)
    std::string lang = "en";
    IdleSettings idle;
    bool discard_referrals = false;  // demos and UI tests: accept referrals without keeping them
    // Called from any thread when something the screen shows changed (glfwPostEmptyEvent). Must not throw.
    std::function<void()> wake_ui;
    double now = 0;  // the frame clock at start: a PIN lock carried over a restart counts from here
};

class KioskParts {
   public:
    // Never throws for a bad pack, key file or store: the kiosk still runs, says what it cannot do, and
    // stderr says why. A store the staff lock needs but cannot open keeps the PIN pad locked (fails closed).
    explicit KioskParts(KioskPartsOptions options);
    // Stops every thread (sync worker, USB import) before anything it uses goes; then the App (which holds
    // the desk, speaker and referral sink), then the desk, speaker and sync (whose outbox the sink writes to).
    ~KioskParts();
    KioskParts(const KioskParts&) = delete;
    KioskParts& operator=(const KioskParts&) = delete;

    App& app() { return *app_; }
    const App& app() const { return *app_; }
    KioskSync* sync() { return sync_.get(); }             // null when the referral key or outbox cannot be used
    KioskStaffDesk* staff_desk() { return desk_.get(); }  // null when the config sets no staff PIN
    Speaker& speaker() { return *speaker_; }
    // The pack on screen (null when none could be opened): shared with the App and the texture cache.
    const std::shared_ptr<const content::PackReader>& pack() const { return pack_; }
    // Why the kiosk is not showing its newest pack (staff and the heartbeat are told too); empty: all well.
    const std::string& pack_fault() const { return pack_fault_; }

    // Between visitors only (the attract screen): a pending pack that passes its check becomes the App's.
    // True when the pack on screen changed.
    bool switch_to_pending_pack();

   private:
    void note_pack_fault(std::string fault);
    // The settings staff saved in the staff store, if any, over the config's; then told to the heartbeat.
    void use_saved_settings();

    KioskPartsOptions options_;
    std::shared_ptr<const content::PackReader> pack_;
    std::string pack_fault_;
    std::string referral_fault_;  // why the outbox did not open at start, if it did not
    // Built in this order; the destructor takes them down explicitly (see ~KioskParts).
    std::unique_ptr<KioskSync> sync_;
    std::shared_ptr<EspeakSpeaker> speaker_;
    std::shared_ptr<KioskStaffDesk> desk_;
    std::unique_ptr<App> app_;
};

}  // namespace lantern::kiosk
