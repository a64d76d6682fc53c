// Builds the kiosk's parts from the config, in dependency order, and takes them down in the reverse.
#include "kiosk/parts/kiosk_parts.h"

#include <filesystem>
#include <iostream>

#include "kiosk/parts/pack_choice.h"
#include "sync/durable_db.h"

namespace lantern::kiosk {
namespace {

std::string bundled_version(const std::string& path) {
    if (path.empty()) return "";
    try {
        return content::PackReader(path).meta().content_version;
    } catch (const std::exception& e) {
        // The kiosk still runs and says information is unavailable; staff see why in the log.
        std::cerr << "lantern-kiosk: " << e.what() << "\n";
        return "";
    }
}

}  // namespace

KioskParts::KioskParts(KioskPartsOptions options) : options_(std::move(options)) {
    const KioskConfig& config = options_.config;
    // Referrals go to the sealed outbox and the hub when the config names a key.
    try {
        sync_ = std::make_unique<KioskSync>(config, bundled_version(options_.pack_path), options_.wake_ui);
    } catch (const std::exception& e) {
        referral_fault_ = e.what();  // a full or read-only disk: staff are told, the form says so kindly
        std::cerr << "lantern-kiosk: referrals cannot be taken: " << e.what() << "\n";
    }
    // Newest first: the pack last switched to, the last good one before it, the shipped one. One that fails the
    // pack check (damaged, cut short, tables missing) is skipped, never crashed on, and staff and the hub
    // are told why.
    std::vector<PackCandidate> candidates;
    if (auto current = sync_ ? sync_->current_pack() : std::nullopt) {
        candidates.push_back({"content version " + current->version, current->path});
        if (auto previous = sync_->previous_pack(); previous && previous->path != current->path)
            candidates.push_back({"content version " + previous->version, previous->path});
    }
    candidates.push_back({"the content shipped with the kiosk", options_.pack_path});
    PackChoice choice = open_first_good_pack(candidates);
    pack_ = choice.pack;
    if (!choice.fault.empty()) std::cerr << "lantern-kiosk: " << choice.fault << "\n";
    pack_fault_ = choice.fault;
    if (sync_) sync_->set_pack_fault(pack_fault_);

    app_ = std::make_unique<App>(pack_, options_.lang, options_.idle);
    app_->set_service_areas(config.areas);
    app_->set_centre(config.centre);  // whose family services to list, with or without a hub
    if (options_.discard_referrals)
        app_->set_referral_sink(std::make_shared<DiscardingReferralSink>(),
                                config.centre.empty() ? "demo" : config.centre);
    else if (sync_ && sync_->sink())
        app_->set_referral_sink(sync_->sink(), config.centre.empty() ? "unknown" : config.centre);
    // Demos keep no figures either; otherwise they go to the data folder, and to the hub with the heartbeat.
    if (!options_.discard_referrals && sync_ && sync_->usage_store())
        app_->usage().set_store(sync_->usage_store(), config.centre.empty() ? "unknown" : config.centre);

    if (!config.staff_pin_hash.empty()) {
        std::unique_ptr<StaffStore> store;
        std::string store_failure;
        if (!config.data_dir.empty()) {
            try {
                sync::create_private_dir(config.data_dir);
                store = std::make_unique<StaffStore>(std::filesystem::path(config.data_dir) / "staff.sqlite");
            } catch (const std::exception& e) {
                // Fails closed: without its store the lockout could be undone by a restart, so the pad stays shut.
                store_failure = std::string("the staff store could not be opened: ") + e.what();
                std::cerr << "lantern-kiosk: staff notices off and the PIN pad locked: " << e.what() << "\n";
            }
        }
        desk_ = std::make_shared<KioskStaffDesk>(sync_.get(), std::move(store), config.usb_paths, config.hub_url,
                                                 [this] { return pack_ ? pack_->meta().content_version : ""; });
        if (!store_failure.empty()) desk_->set_store_failure(store_failure);
        desk_->set_pack_fault(pack_fault_);
        desk_->set_referral_fault(referral_fault_);
        app_->set_staff(desk_, config.staff_pin_hash, options_.now);
    }
    speaker_ = std::make_shared<EspeakSpeaker>(EspeakSpeaker::SampleSink{}, options_.wake_ui);
    app_->set_speaker(speaker_);
    use_saved_settings();
}

void KioskParts::use_saved_settings() {
    // Staff's settings over kiosk.toml's, if they were saved and still pass the one check; the heartbeat then
    // reports whichever the kiosk runs with.
    if (desk_) {
        Result<std::optional<sync::KioskSettings>> saved = desk_->saved_settings();
        if (!saved) std::cerr << "lantern-kiosk: staff settings not used: " << saved.error().message << "\n";
        else if (saved.value()) {
            if (std::string why = sync::check_staff_settings(*saved.value(), options_.lang); !why.empty())
                std::cerr << "lantern-kiosk: staff settings not used: " << why << "\n";
            else app_->set_settings(*saved.value());
        }
    }
    if (sync_) sync_->set_settings(app_->settings());
}

KioskParts::~KioskParts() {
    // Threads first: the sync worker and a USB import call wake_ui and use the outbox and their status.
    if (sync_) sync_->stop();
    // The App holds the desk (which points at sync_), the speaker and the referral sink (which writes to sync_'s
    // outbox): it goes before all three.
    app_.reset();
    desk_.reset();
    speaker_.reset();
    sync_.reset();
}

bool KioskParts::switch_to_pending_pack() {
    if (!sync_ || app_->screen() != Screen::attract) return false;
    auto fresh = sync_->take_pending_pack();
    if (!fresh) return false;
    // Checked again before the switch (the file may have been damaged on disk since it arrived).
    PackChoice next = open_first_good_pack({{"content version " + fresh->version, fresh->path}});
    if (next.pack && app_->replace_pack(next.pack)) {
        pack_ = next.pack;
        note_pack_fault("");
        return true;
    }
    std::string fault = (next.fault.empty() ? "content version " + fresh->version + " was refused" : next.fault) +
                        "; still showing the content in use";
    std::cerr << "lantern-kiosk: " << fault << "\n";
    note_pack_fault(fault);
    return false;
}

void KioskParts::note_pack_fault(std::string fault) {
    pack_fault_ = std::move(fault);
    if (sync_) sync_->set_pack_fault(pack_fault_);
    if (desk_) desk_->set_pack_fault(pack_fault_);
}

}  // namespace lantern::kiosk
