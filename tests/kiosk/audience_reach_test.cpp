// Over the real bundled pack: an under-5, a child or a teen reaches no adult-only topic, page, need or
// service by any path the view models offer (topics, page lists, any page by id, search, its cards, help).
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "content/audience_policy.h"
#include "content/pack_builder.h"
#include "content/sources.h"
#include "kiosk/app/app.h"
#include "kiosk/views/search_views.h"
#include "kiosk/views/view_models.h"
#include "tests/temp_dir.h"

using namespace lantern;
using namespace lantern::kiosk;
using content::Audience;

namespace {

constexpr Audience k_young[] = {Audience::little, Audience::child, Audience::teen};

// A visitor at the kiosk: the only place this test speaks the App's action language.
struct Visitor {
    App app;
    Visitor(std::shared_ptr<const content::PackReader> pack, const std::string& lang, Audience a)
        : app(std::move(pack), lang, IdleSettings{90, 30}) {
        app.apply({Start{}, ChooseAudience{a}}, 1);
    }
    void open_topic(const std::string& id) { app.apply({OpenTopic{id}}, 2); }
    void open_page(const std::string& id) { app.apply({OpenPage{id}}, 2); }
    void open_services(const std::string& need) { app.apply({OpenServices{need}}, 2); }
    void search(const std::string& words) {
        app.apply({Home{}, OpenSearch{}}, 2);
        app.apply({Type{words}}, 2);
    }
};

struct PackRow {
    std::string id, title, topic;
    std::vector<std::string> audiences;
};

}  // namespace

TEST_CASE("young audiences reach no adult-only topic, page, need or service in the bundled pack, by any path") {
    test::TempDir dir;
    content::Sources sources = content::read_sources(std::filesystem::path(LANTERN_SOURCE_DIR) / "assets/content");
    REQUIRE_FALSE(sources.has_errors());
    REQUIRE(content::write_pack(sources, dir / "pack.sqlite", {"1"}));
    auto pack = std::make_shared<content::PackReader>((dir / "pack.sqlite").string());

    // Adult-only, as the pack says it: topics flagged so (which includes every adult-only subject).
    std::set<std::string> adult_topics;
    for (const auto& t : pack->topics(Audience::adult, "en"))
        if (t.adult_only) adult_topics.insert(t.id);
    for (auto subject : content::k_adult_only_subjects)
        if (!pack->pages_in_topic(std::string(subject), Audience::adult, "en").empty())
            CHECK_MESSAGE(adult_topics.count(std::string(subject)), subject);
    REQUIRE(adult_topics.size() >= 3);
    // Every page in the pack, in every language, with the words of its title to search for.
    std::map<std::string, std::string> topic_of;
    std::set<std::string> search_words;
    {
        SQLite::Database db((dir / "pack.sqlite").string(), SQLite::OPEN_READONLY);
        SQLite::Statement q(db, "SELECT id, title, topic FROM pages");
        while (q.executeStep()) {
            topic_of[q.getColumn(0).getString()] = q.getColumn(2).getString();
            if (!adult_topics.count(q.getColumn(2).getString())) continue;
            std::stringstream words(q.getColumn(1).getString());
            for (std::string w; words >> w;)
                if (w.size() > 3) search_words.insert(w);
        }
    }
    for (const auto& t : adult_topics) search_words.insert(t);
    REQUIRE(search_words.size() > 10);

    for (Audience a : k_young)
        for (const std::string lang : {"en", "cy"}) {
            INFO(content::to_string(a) << " in " << lang);
            Visitor v(pack, lang, a);
            auto allowed_page = [&](const std::string& id) {
                auto p = pack->page(id, lang);
                return p && !adult_topics.count(p->topic) &&
                       std::find(p->audiences.begin(), p->audiences.end(), a) != p->audiences.end();
            };
            // Topics, their page lists and their pages (a topic of one page opens it at once).
            auto tiles = build_topics(v.app).tiles;
            CHECK_FALSE(tiles.empty());
            for (const auto& tile : tiles) {
                CHECK_MESSAGE(!adult_topics.count(tile.id), tile.id);
                v.open_topic(tile.id);
                for (const auto& item : build_page_list(v.app).pages) CHECK_MESSAGE(allowed_page(item.id), item.id);
                if (v.app.visit().place.screen == Screen::page) CHECK(build_page(v.app).found);
                v.app.apply({Home{}}, 2);
            }
            // Any page by id, however a visitor came to ask for it: an adult-only one is never shown.
            int refused = 0, shown = 0;
            for (const auto& [id, topic] : topic_of) {
                v.open_page(id);
                PageView page = build_page(v.app);
                CHECK_MESSAGE(page.found == allowed_page(id), id);
                if (adult_topics.count(topic)) refused += !page.found;
                shown += page.found;
            }
            CHECK(refused > 0);  // the pack has adult-only pages, and each was refused
            CHECK(shown > 0);
            // Search, its results and its card's page, for every word of every adult-only page's title.
            for (const auto& w : search_words) {
                v.search(w);
                SearchView s = build_search(v.app);
                for (const auto& r : s.results) CHECK_MESSAGE(allowed_page(r.id), w << " -> " << r.id);
                if (s.card && !s.card->page_id.empty())
                    CHECK_MESSAGE(allowed_page(s.card->page_id), w << " -> card " << s.card->page_id);
            }
            // Find local help, unfiltered and asked for each need (adult-only ones too, as if by a stale tap). The
            // cards are in the visitor's language, so they are matched against the services in that language.
            const std::vector<content::Service> services = pack->services("", lang);
            std::set<std::string> needs{""};
            for (const auto& svc : services) needs.insert(svc.needs.begin(), svc.needs.end());
            REQUIRE(needs.count("domestic-abuse"));
            int listed = 0;
            for (const auto& need : needs) {
                v.open_services(need);
                ServicesView view = build_services(v.app);
                for (const auto& n : view.needs) CHECK_MESSAGE(!content::is_adult_only_subject(n.id), n.id);
                for (const auto& card : view.services) {
                    ++listed;
                    auto svc = std::find_if(services.begin(), services.end(), [&](const content::Service& x) {
                        return x.phone == card.phone && x.description == card.description;
                    });
                    REQUIRE(svc != services.end());
                    CHECK_MESSAGE(svc->age_range != "18+", card.name);
                    bool for_young = svc->needs.empty() ||
                                     std::any_of(svc->needs.begin(), svc->needs.end(), [](const std::string& n) {
                                         return !content::is_adult_only_subject(n);
                                     });
                    CHECK_MESSAGE(for_young, card.name);
                }
                v.app.apply({Back{}}, 2);
            }
            CHECK(listed > 0);
        }
}
