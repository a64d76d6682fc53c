// What a visitor typed is gone from this process's memory once her visit is wiped: a canary typed key by key
// through the App is looked for in every writable mapping, after the idle wipe, Quick exit and Send, in the
// form, an interest request, the search box (whose words pass through the pack's search and SQLite's FTS5) and a staff
// notice. This program links the kiosk's wiping heap (common/wiping_heap.cpp), as lantern-kiosk does.
#include <doctest/doctest.h>

#include <cstdint>
#include <fstream>
#include <random>
#include <sstream>

#include "common/wiping_heap.h"
#include "kiosk/app/app.h"
#include "kiosk/views/family_views.h"
#include "kiosk/views/form_views.h"
#include "kiosk/views/kept_views.h"
#include "kiosk/parts/kiosk_sync.h"
#include "kiosk/views/search_views.h"
#include "kiosk/views/staff_views.h"
#include "kiosk/views/view_models.h"
#include "sync/sealing.h"
#include "tests/fixture_pack.h"

using namespace lantern::kiosk;
using lantern::content::Audience;

namespace {

// The canary is made at run time from random letters and is only ever held masked (each byte XOR k_mask): the
// test's own code never writes it in plain, so every plain copy found was made by the kiosk's code.
constexpr unsigned char k_mask = 0x5A;
constexpr std::size_t k_canary_chars = 24;  // longer than any std::string keeps inside itself (15)

struct Canary {
    std::vector<unsigned char> masked;
    char at(std::size_t i) const { return static_cast<char>(masked[i] ^ k_mask); }
};

Canary make_canary(unsigned seed) {
    std::mt19937 rng(seed);
    Canary c;
    for (std::size_t i = 0; i < k_canary_chars; ++i)
        c.masked.push_back(static_cast<unsigned char>(('a' + rng() % 26) ^ k_mask));
    return c;
}

struct Region {
    std::uintptr_t begin, end;
};

// Every readable and writable mapping of this process: heap, stacks, globals, the allocator's regions. Left
// out: mappings of devices, and the sanitizer's shadow (terabytes reserved, holding only its own bookkeeping
// bytes, never program data).
std::vector<Region> writable_regions() {
    std::vector<Region> out;
    std::ifstream maps("/proc/self/maps");
    std::string line;
    while (std::getline(maps, line)) {
        std::istringstream in(line);
        std::string range, perms, offset, dev, inode, path;
        in >> range >> perms >> offset >> dev >> inode;
        std::getline(in >> std::ws, path);
        if (perms.size() < 2 || perms[0] != 'r' || perms[1] != 'w') continue;
        if (path.rfind("/dev/", 0) == 0) continue;
        std::size_t dash = range.find('-');
        std::uintptr_t b = std::stoull(range.substr(0, dash), nullptr, 16);
        std::uintptr_t e = std::stoull(range.substr(dash + 1), nullptr, 16);
        if (e - b > (std::uintptr_t{1} << 34)) continue;  // 16 GiB and more: the sanitizer's shadow
        out.push_back({b, e});
    }
    return out;
}

// Reads memory directly, freed blocks included (hence no sanitizer here); compares byte by byte against the
// masked canary, so no plain copy is made while looking.
__attribute__((no_sanitize("address", "undefined"))) std::size_t count_in(const Region& r, const Canary& c) {
    const auto* p = reinterpret_cast<const volatile unsigned char*>(r.begin);
    std::size_t n = r.end - r.begin, found = 0;
    if (n < k_canary_chars) return 0;
    for (std::size_t i = 0; i + k_canary_chars <= n; ++i) {
        std::size_t k = 0;
        while (k < k_canary_chars && static_cast<unsigned char>(p[i + k] ^ k_mask) == c.masked[k]) ++k;
        if (k == k_canary_chars) ++found;
    }
    return found;
}

std::size_t occurrences(const Canary& c) {
    std::size_t found = 0;
    for (const Region& r : writable_regions()) found += count_in(r, c);
    return found;
}

class Desk final : public StaffDesk {
   public:
    std::vector<StaffStatusLine> status() const override { return {}; }
    std::uint64_t status_revision() const override { return 0; }
    void sync_now() override {}
    std::int64_t kept_aside() const override { return 0; }
    lantern::Result<std::int64_t> retry_kept_aside() override { return 0; }
    std::vector<BannerNotice> notices_today() const override { return {}; }
    std::vector<BannerNotice> hub_notices_today() const override { return {}; }
    std::uint64_t notices_revision() const override { return 0; }
    lantern::Result<> post_notice(const BannerNotice&) override { return {}; }
    lantern::Result<> clear_notices_today() override { return {}; }
    std::vector<std::string> usb_packs() const override { return {}; }
    lantern::Result<> import_pack(const std::string&) override { return lantern::Error{"no"}; }
    StaffImportStatus import_status() const override { return {}; }
    lantern::Result<int> wrong_pins() const override { return 0; }
    lantern::Result<> set_wrong_pins(int) override { return {}; }
    lantern::Result<std::optional<lantern::sync::KioskSettings>> saved_settings() const override {
        return std::optional<lantern::sync::KioskSettings>{};
    }
    lantern::Result<> save_settings(const lantern::sync::KioskSettings&) override { return {}; }
};

// The views as the frame loop keeps them (kept_views.h): a slot a screen, the showing one rebuilt after every
// change and every other emptied, so their copies of what she typed are part of what must go.
struct Slot {
    KeptSlot kept;
};
template <class Build>
Slot slot(Build build) {
    using View = std::decay_t<decltype(build_view(build, std::declval<const App&>(), 0.0))>;
    return {kept_slot(build, std::make_shared<View>())};
}
std::map<Screen, Slot> kept_views() {
    std::map<Screen, Slot> views{
        {Screen::attract, slot(build_attract)},
        {Screen::audience, slot(build_audience)},
        {Screen::topics, slot(build_topics)},
        {Screen::topic_pages, slot(build_page_list)},
        {Screen::page, slot(build_page)},
        {Screen::services, slot(build_services)},
        {Screen::form_step, slot(build_form_step)},
        {Screen::form_review, slot(build_form_review)},
        {Screen::form_done, slot(build_form_done)},
        {Screen::search, slot(build_search)},
        {Screen::family_services, slot(build_family_services)},
        {Screen::interest, slot(build_interest)},
        {Screen::interest_done, slot(build_interest_done)},
        {Screen::staff_pin, slot(build_staff_pin)},
        {Screen::staff, slot(build_staff)},
        {Screen::staff_settings, slot(build_staff_settings)},
    };
    REQUIRE(static_cast<int>(views.size()) == k_screen_count);
    return views;
}

// The kiosk as it runs: the real outbox, sealing to a real key; the views kept and rebuilt as the frame loop
// does.
struct Kiosk {
    lantern::test::TempDir dir;
    std::shared_ptr<const lantern::content::PackReader> pack = lantern::test::build_fixture_pack(dir);
    lantern::sync::KeyPair keys = lantern::sync::generate_referral_keys();
    lantern::sync::OutboxStore outbox{std::filesystem::path(dir.path()) / "outbox.sqlite"};
    App app{pack, "en", IdleSettings{90, 30}};
    std::map<Screen, Slot> views = kept_views();
    double t = 0;

    Kiosk() {
        app.set_referral_sink(std::make_shared<OutboxReferralSink>(outbox, keys.public_key, nullptr), "HMP Test");
        app.set_staff(std::make_shared<Desk>(), hash_staff_pin("2468"));
    }
    void act(Action a) {
        app.apply({std::move(a)}, t += 1);
        frame();
    }
    // What the frame loop does after anything changed: the chrome, and the kept views by their one rule.
    void frame() {
        build_chrome(app);
        rebuild_showing(views, app, t);
    }
    // She walks away: the idle wipe, then the frame that shows the attract screen.
    void walk_away() {
        app.tick(t += 121);
        frame();
    }
    // Key by key on the on-screen keyboard: no action ever holds more than one of its letters.
    void type_canary(const Canary& c) {
        for (std::size_t i = 0; i < k_canary_chars; ++i) act(Key{KeyKind::insert, std::string(1, c.at(i))});
    }
    void type(const std::string& field, const std::string& text) {
        act(Focus{field});
        act(Type{text});
        act(Key{KeyKind::done});
    }
    void pick(const std::string& field, const std::string& option) { act(FormPick{field, option}); }
    // A visitor opens the form and types the canary as the name to call her by.
    void canary_as_name(const Canary& c) {
        act(Start{});
        act(ChooseAudience{Audience::adult});
        act(OpenForm{});
        act(Focus{"call_me"});
        type_canary(c);
    }
};

}  // namespace

TEST_CASE("a canary typed into the form is nowhere in memory after the idle wipe") {
    Canary c = make_canary(1);
    Kiosk k;
    k.canary_as_name(c);
    REQUIRE(k.app.screen() == Screen::form_step);
    CHECK(occurrences(c) >= 1);  // the search finds it while it is there
    k.walk_away();
    REQUIRE(k.app.screen() == Screen::attract);
    CHECK(occurrences(c) == 0);
}

TEST_CASE("a canary typed into a staff notice, English or Welsh, is nowhere in memory after Quick exit") {
    for (const char* box : {"", k_staff_notice_cy}) {
        CAPTURE(box);
        Canary notice = make_canary(box[0] ? 7 : 3);
        Kiosk k;
        k.act(StaffOpen{});
        for (char d : {'2', '4', '6', '8'}) k.act(PinKey{PinKey::Kind::digit, d});
        k.act(PinKey{PinKey::Kind::ok});
        REQUIRE(k.app.screen() == Screen::staff);
        k.act(Focus{box});
        k.type_canary(notice);
        CHECK(occurrences(notice) >= 1);
        k.act(QuickExit{});
        CHECK(occurrences(notice) == 0);
    }
}

TEST_CASE("a canary typed into the form is nowhere in memory once the referral is sealed and the visit ends") {
    Canary c = make_canary(4);
    Kiosk k;
    k.canary_as_name(c);
    k.act(Key{KeyKind::done});
    k.pick("relationship", "partner");
    k.pick("interpreter", "no");
    k.act(FormNext{});
    k.type("phone", "07700 900123");
    k.pick("safe_to_call", "yes");
    k.pick("safe_message", "no");
    k.act(FormNext{});
    k.type("prison", "HMP Cardiff");
    k.act(FormNext{});
    k.pick("has_children", "no");
    k.act(FormNext{});
    k.pick("needs", "housing");
    k.act(FormNext{});
    k.act(FormNext{});
    k.pick("consent_contact", "agree");
    k.pick("consent_sensitive", "yes");
    k.act(FormNext{});
    REQUIRE(k.app.screen() == Screen::form_review);
    CHECK(occurrences(c) >= 1);
    k.act(FormSubmit{});
    REQUIRE(k.app.screen() == Screen::form_done);
    REQUIRE(k.outbox.depth().queued == 1);  // sealed and stored: only the sealed box holds her answers now
    k.act(FormFinish{});
    REQUIRE(k.app.screen() == Screen::attract);
    CHECK(occurrences(c) == 0);
}

TEST_CASE("a canary searched for is nowhere in memory after Quick exit, nor after leaving the search") {
    REQUIRE(lantern::sqlite_frees_wiped());
    for (bool quick_exit : {true, false}) {
        CAPTURE(quick_exit);
        Canary c = make_canary(quick_exit ? 5 : 6);
        Kiosk k;
        k.act(Start{});
        k.act(ChooseAudience{Audience::adult});
        k.act(OpenSearch{});
        REQUIRE(k.app.screen() == Screen::search);
        k.type_canary(c);  // every key runs the pack's full-text search (FTS5 in SQLite) on what is typed so far
        REQUIRE(build_search(k.app).status.size() > 0);
        CHECK(occurrences(c) >= 1);
        if (quick_exit) {
            k.act(QuickExit{});
            REQUIRE(k.app.screen() == Screen::attract);
        } else {
            k.act(Home{});
            REQUIRE(k.app.screen() != Screen::search);
        }
        CHECK(occurrences(c) == 0);
    }
}

TEST_CASE("a canary typed as the first name of an interest request is gone after Send, the idle wipe or Quick exit") {
    for (int ending = 0; ending < 3; ++ending) {
        CAPTURE(ending);
        Canary c = make_canary(7 + static_cast<unsigned>(ending));
        Kiosk k;
        k.act(Start{});
        k.act(ChooseAudience{Audience::adult});
        k.act(OpenFamilyServices{});
        k.act(InterestOpen{"family-days"});
        REQUIRE(k.app.screen() == Screen::interest);
        k.type_canary(c);  // the name box has the keyboard from the start
        k.act(InterestContactPick{true});
        CHECK(occurrences(c) >= 1);
        if (ending == 0) {
            k.act(InterestSend{});
            REQUIRE(k.app.screen() == Screen::interest_done);
            REQUIRE(k.outbox.depth().queued == 1);  // sealed: only the sealed box holds her name now
            k.act(InterestFinish{});
        } else if (ending == 1) {
            k.walk_away();
        } else {
            k.act(QuickExit{});
        }
        REQUIRE(k.app.screen() == Screen::attract);
        CHECK(occurrences(c) == 0);
    }
}
