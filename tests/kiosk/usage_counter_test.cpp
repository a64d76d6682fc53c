// Usage figures counted from the App's actions: per day, once where a visit should count once, a search's words
// only when they are the pack's own, and kept on disk across a restart.
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>

#include "kiosk/app/app.h"
#include "kiosk/views/staff_views.h"
#include "sync/usage_store.h"
#include "tests/fixture_pack.h"

using namespace lantern::kiosk;
using lantern::content::Audience;
namespace lsync = lantern::sync;
using Counts = std::map<std::string, std::int64_t>;

namespace {

class QuietSpeaker final : public Speaker {
   public:
    bool available() const override { return true; }
    void speak(const std::string&, const std::string&) override {}
    void stop() override {}
    bool poll_finished() override { return false; }
    void set_volume(int) override {}
};

struct Fixture {
    lantern::test::TempDir dir;
    std::shared_ptr<const lantern::content::PackReader> pack = lantern::test::build_fixture_pack(dir);
    std::string today = "2026-12-01";
    App app{pack, "en", IdleSettings{90, 30}};
    double t = 0;

    Fixture() {
        app.usage().set_today([this] { return today; });
        app.set_speaker(std::make_shared<QuietSpeaker>());
    }
    void act(Action a) { app.apply({std::move(a)}, t += 1); }
    void start(Audience a, const std::string& lang = "") {
        act(Start{lang});
        act(ChooseAudience{a});
    }
    void search(const std::string& words) {
        act(OpenSearch{});
        act(Type{words});
        act(Home{});
    }
    Counts day(const std::string& d) const {
        auto it = app.usage().unwritten().find(d);
        return it == app.usage().unwritten().end() ? Counts{} : it->second;
    }
};

std::string file_bytes(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("usage: each thing a visitor does is counted on her day, and the audience once a visit") {
    Fixture f;
    f.start(Audience::adult);
    f.act(Back{});  // "Who is reading?" again, and the same choice: still one adult visit
    f.act(ChooseAudience{Audience::adult});
    f.act(OpenTopic{"visits"});  // its one page opens at once
    f.act(ReadAloud{"Your first visit", "en"});
    f.act(CycleTextSize{});
    f.act(CycleTextSize{});
    f.act(Home{});
    f.act(OpenTopic{"travel-costs"});
    f.act(QuickExit{});
    CHECK(f.day("2026-12-01") == Counts{{"visits", 1},
                                        {"visit:adult:en", 1},
                                        {"pages", 2},
                                        {"page:first-visit", 1},
                                        {"page:travel-costs", 1},
                                        {"read_aloud", 1},
                                        {"text_size", 2},
                                        {"text_size:1", 1},
                                        {"text_size:2", 1},
                                        {"quick_exits", 1}});

    // The next day, a child in Welsh whose visit ends by the idle timeout.
    f.today = "2026-12-02";
    f.start(Audience::child, "cy");
    f.act(OpenPage{"feelings"});
    f.app.tick(f.t + 121);
    CHECK(f.app.screen() == Screen::attract);
    CHECK(f.day("2026-12-02") ==
          Counts{{"visits", 1}, {"visit:child:cy", 1}, {"pages", 1}, {"page:feelings", 1}, {"idle_ends", 1}});
    CHECK(f.day("2026-12-01").at("visits") == 1);  // yesterday's stay yesterday's
}

TEST_CASE("usage: the form's funnel counts a start, each step the first time it is reached, the review and Send") {
    Fixture f;
    f.start(Audience::adult);
    f.act(OpenForm{});
    f.act(Focus{"call_me"});
    f.act(Type{"Sam"});
    f.act(FormPick{"relationship", "partner"});
    f.act(FormPick{"interpreter", "no"});
    f.act(FormNext{});
    f.act(Back{});  // back to step 1 and on again: step 2 is not reached twice
    f.act(FormNext{});
    Counts d = f.day("2026-12-01");
    CHECK(d["form_started"] == 1);
    CHECK(d["form_step:1"] == 1);
    CHECK(d["form_step:2"] == 1);
    CHECK(d.count("form_step:3") == 0);
    CHECK(d.count("form_review") == 0);
    CHECK(d.count("form_sent") == 0);
    // A second form in the same visit is a second start.
    f.act(Home{});  // "Leave and clear your answers?"
    f.act(LeaveConfirm{});
    f.act(OpenForm{});
    d = f.day("2026-12-01");
    CHECK(d["form_started"] == 2);
    CHECK(d["form_step:1"] == 2);
    CHECK(d["form_step:2"] == 1);
}

TEST_CASE("usage: family services count the list once a visit, each \"I'm interested\" and each request sent") {
    struct OkSink : ReferralSink {
        SubmitResult submit(const std::string&, const std::string&, const ReferralSummary&) override {
            return {"ACDE-FHJK", ""};
        }
    };
    Fixture f;
    f.app.set_referral_sink(std::make_shared<OkSink>(), "HMP Test");  // the fixture pack runs family days here
    f.start(Audience::adult);
    f.act(OpenFamilyServices{});
    f.act(Back{});
    f.act(OpenFamilyServices{});  // the list again in the same visit: still one
    f.act(InterestOpen{"family-days"});
    f.act(Back{});
    f.act(InterestOpen{"family-days"});
    f.act(Type{"Sam"});
    f.act(InterestContactPick{true});
    f.act(InterestSend{});
    REQUIRE(f.app.screen() == Screen::interest_done);
    Counts d = f.day("2026-12-01");
    CHECK(d["family_services"] == 1);
    CHECK(d["interest_started"] == 2);
    CHECK(d["interest_sent"] == 1);
    // A teen never sees them, so never counts them.
    f.act(InterestFinish{});
    f.start(Audience::teen);
    f.act(OpenFamilyServices{});
    CHECK(f.day("2026-12-01")["family_services"] == 1);
    // Staff see the requests sent today.
    bool shown = false;
    for (const auto& row : build_staff(f.app).usage)
        if (row.label == "Family service requests sent") shown = row.today == 1 && row.week == 1;
    CHECK(shown);
}

TEST_CASE("usage: a search that found nothing keeps its words only when every one is the pack's own") {
    Fixture f;
    f.start(Audience::child);
    f.search("Bus");              // a synonym of an adult page: nothing for a child, and a pack word
    f.search("bus Quistcanary");  // one word the pack does not hold: no words kept at all
    f.search("07700 900456");     // digits are never kept
    f.search("feelings");         // found something: not counted
    f.search("   ");              // nothing searched
    f.act(OpenSearch{});
    f.act(Type{"zephyrine"});
    f.act(QuickExit{});  // leaving search by Quick exit still counts it
    Counts d = f.day("2026-12-01");
    CHECK(d["searches_nothing"] == 4);
    CHECK(d["search_nothing:bus"] == 1);
    CHECK(d["search_nothing_unlisted"] == 3);
    for (const auto& [name, n] : d) {
        CHECK(name.find("quist") == std::string::npos);
        CHECK(name.find("zephyr") == std::string::npos);
        CHECK(name.find("900456") == std::string::npos);
        CHECK(lsync::is_valid_usage_key(name));
    }
}

TEST_CASE("usage: figures are written at the end of each visit, survive a restart, and staff see today and the week") {
    Fixture f;
    auto file = f.dir / "usage.sqlite";
    {
        auto store = std::make_shared<lsync::UsageStore>(file);
        f.app.usage().set_store(store, "HMP Test visitor centre");
        f.today = "2026-11-28";
        f.start(Audience::adult);
        f.act(QuickExit{});  // the visit ends: written
        CHECK(f.app.usage().unwritten().empty());
        f.today = "2026-12-01";
        f.start(Audience::teen);
        f.act(OpenPage{"feelings"});
        f.act(OpenSearch{});
        f.act(Type{"Quistcanary"});
        f.act(QuickExit{});
        f.start(Audience::adult);  // in a visit: counted, not yet written
        CHECK_FALSE(f.app.usage().unwritten().empty());

        StaffView v = build_staff(f.app);
        REQUIRE(v.usage.size() == 9);
        CHECK(v.usage_title == "How the kiosk was used");
        CHECK(v.usage[0].label == "Visits");
        CHECK(v.usage[0].today == 2);  // the teen's, and this one's (not yet written)
        CHECK(v.usage[0].week == 3);
        CHECK(v.usage[2].label == "Searches that found nothing");
        CHECK(v.usage[2].today == 1);
    }
    f.act(QuickExit{});
    // "Restart": a new store on the same file holds both days, with the centre.
    lsync::UsageStore again(file);
    auto days = again.all_days();
    REQUIRE(days.size() == 2);
    CHECK(days[0].day == "2026-11-28");
    CHECK(days[0].centre == "HMP Test visitor centre");
    CHECK(days[0].counts.at("visits") == 1);
    CHECK(days[1].counts.at("visits") == 2);
    CHECK(days[1].counts.at("visit:teen:en") == 1);
    CHECK(days[1].counts.at("search_nothing_unlisted") == 1);
    // Nothing she typed is in the file, its log or anywhere in the folder.
    for (const auto& e : std::filesystem::directory_iterator(f.dir.path()))
        if (e.path().filename().string().rfind("usage.sqlite", 0) == 0)
            CHECK(file_bytes(e.path()).find("Quistcanary") == std::string::npos);
}

TEST_CASE("usage: the staff screen's figures are in Welsh on a Welsh kiosk") {
    lantern::test::TempDir dir;
    App app(lantern::test::build_fixture_pack(dir), "cy", IdleSettings{90, 30});
    StaffView v = build_staff(app);
    CHECK(v.usage_title == "Sut cafodd y ciosg ei ddefnyddio");
    CHECK(v.usage_today == "Heddiw");
    CHECK(v.usage[0].label == "Ymweliadau");
}

TEST_CASE(
    "usage store: a past day the hub stored goes (its totals stay a week); today and a changed day are sent again") {
    lantern::test::TempDir dir;
    lsync::UsageStore store(dir / "usage.sqlite");
    store.add("HMP A", {{"2026-11-30", {{"visits", 3}, {"page:first-visit", 2}, {"pages", 2}}},
                        {"2026-12-01", {{"visits", 1}}}});
    auto pending = store.pending(7);
    REQUIRE(pending.size() == 2);
    CHECK(pending[0].day.counts.at("page:first-visit") == 2);
    // 2026-11-30 changes after it was read: that ack is for an older revision and does not count.
    store.add("HMP A", {{"2026-11-30", {{"visits", 1}}}});
    store.acknowledge("2026-11-30", pending[0].revision, "2026-12-01");
    store.acknowledge("2026-12-01", pending[1].revision, "2026-12-01");  // today: still counting
    pending = store.pending(7);
    REQUIRE(pending.size() == 2);
    CHECK(pending[0].day.counts.at("visits") == 4);
    store.acknowledge("2026-11-30", pending[0].revision, "2026-12-01");
    pending = store.pending(7);
    REQUIRE(pending.size() == 1);
    CHECK(pending[0].day.day == "2026-12-01");
    // The details went; the totals stay for the staff screen's week, then go.
    auto days = store.all_days();
    REQUIRE(days.size() == 2);
    CHECK(days[0].counts == Counts{{"visits", 4}, {"pages", 2}});
    CHECK(store.totals("2026-11-25", "2026-12-01") == Counts{{"visits", 5}, {"pages", 2}});
    store.acknowledge("2026-12-01", pending[0].revision, "2026-12-09");
    CHECK(store.all_days().size() == 0);
}

TEST_CASE("usage store: names that are not usage names are never stored, and a day holds a bounded number") {
    lantern::test::TempDir dir;
    lsync::UsageStore store(dir / "usage.sqlite");
    std::map<std::string, std::int64_t> counts{{"Sam Smith", 1},
                                               {"search_nothing:07700", 1},
                                               {"page:Bad Id", 1},
                                               {"visit:adult:en", 1},
                                               {"search_nothing:bus fare", 2}};
    store.add("HMP A", {{"2026-12-01", counts}, {"not a day", {{"visits", 1}}}});
    std::map<std::string, std::int64_t> pages;
    for (int i = 0; i < 400; ++i) pages["page:p" + std::to_string(i)] = 1;
    store.add("HMP A", {{"2026-12-01", pages}});
    auto days = store.all_days();
    REQUIRE(days.size() == 1);
    CHECK(days[0].counts.size() == lsync::k_max_usage_keys_per_day);
    CHECK(days[0].counts.count("Sam Smith") == 0);
    CHECK(days[0].counts.count("search_nothing:07700") == 0);
    CHECK(days[0].counts.count("page:Bad Id") == 0);
    CHECK(days[0].counts.at("search_nothing:bus fare") == 2);
}
