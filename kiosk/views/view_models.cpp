// Builds each screen's view model from the App's state and the content pack.
#include "kiosk/views/view_models.h"

#include <algorithm>

#include "content/audience_policy.h"
#include "content/service_listing.h"
#include "kiosk/views/family_views.h"
#include "kiosk/views/form_views.h"
#include "kiosk/views/strings.h"

namespace lantern::kiosk {
namespace {

// The languages a visitor may choose (the pack's, as staff settings allow), or the kiosk's own without a pack.
std::vector<std::string> offered_languages(const App& app) {
    std::vector<std::string> langs = app.languages_offered();
    if (langs.empty()) langs.push_back(app.default_lang());
    return langs;
}

// Content, not a kiosk word: the pack's strings.yaml holds it, so the team that writes the pages words it.
constexpr const char* k_grown_up_note = "little.grown_up_note";

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

}  // namespace

ChromeView build_chrome(const App& app, bool has_voice) {
    const std::string& lang = app.visit().lang;
    ChromeView v;
    v.show_nav = app.screen() != Screen::attract;
    bool staff = is_staff_screen(app.screen());
    v.show_home =
        app.screen() != Screen::attract && app.screen() != Screen::audience && app.screen() != Screen::topics && !staff;
    v.back = tr("nav.back", lang);
    v.home = tr("nav.home", lang);
    v.quick_exit = tr("nav.quick_exit", lang);
    v.audience = app.visit().audience;
    v.text_size = tr("nav.text_size", lang);
    v.contrast = tr("nav.contrast", lang);
    v.show_read_aloud = has_voice && app.screen() == Screen::page;
    v.read_aloud = tr(app.visit().reading_aloud ? "nav.stop_reading" : "nav.read_aloud", lang);
    if (v.show_read_aloud) v.words = build_read_aloud(app);
    for (const auto& code : offered_languages(app)) v.languages.push_back({code, language_name(code), code == lang});
    return v;
}

AttractView build_attract(const App& app) {
    AttractView v;
    for (const auto& code : offered_languages(app)) v.welcomes.push_back({code, tr("attract.welcome", code)});
    v.tagline = tr("attract.tagline", app.visit().lang);
    // Anyone passing sees the attract screen, children too: only notices meant for everyone. Three at most,
    // the staff's own first, so the welcome keeps its place.
    v.notices = build_notices(app, std::nullopt);
    if (v.notices.size() > 3) v.notices.resize(3);
    v.touch = {app.visit().lang, tr("attract.touch", app.visit().lang)};
    v.staff_corner = app.staff_enabled();
    for (const auto& code : offered_languages(app)) {
        const std::string& other = tr("attract.touch", code);
        if (other == v.touch.words) continue;  // the same words, or a language with no translation yet
        v.touch_elsewhere.push_back({code, other});
    }
    return v;
}

AudienceView build_audience(const App& app) {
    const std::string& lang = app.visit().lang;
    AudienceView v;
    v.title = tr("audience.title", lang);
    for (content::Audience a : content::k_all_audiences) {
        std::string key = std::string("audience.") + content::to_string(a);
        v.choices.push_back({a, tr(key, lang), tr(key + ".hint", lang)});
    }
    return v;
}

TopicsView build_topics(const App& app) {
    const Visit& s = app.visit();
    TopicsView v;
    v.title = tr(std::string("topics.title.") + content::to_string(s.audience), s.lang);
    v.empty = tr(app.pack() ? "topics.empty" : "error.no_pack", s.lang);
    if (!app.pack()) return v;
    for (const auto& t : app.pack()->topics(s.audience, s.lang)) v.tiles.push_back({t.id, t.title, t.icon});
    v.notices = build_notices(app, s.audience);
    // Little ones browse with a grown-up, who can find help from the adult screens.
    if (s.audience != content::Audience::little) v.find_help = tr("topics.find_help", s.lang);
    v.search = tr("topics.search", s.lang);
    if (form_entry_shown(app)) v.ask_support = tr("form.entry", s.lang);
    v.family_services = family_services_entry(app);
    return v;
}

PageListView build_page_list(const App& app) {
    const Visit& s = app.visit();
    PageListView v;
    if (!app.pack()) return v;
    for (const auto& t : app.pack()->topics(s.audience, s.lang))
        if (t.id == s.place.topic) v.title = t.title;
    for (const auto& p : app.pack()->pages_in_topic(s.place.topic, s.audience, s.lang))
        v.pages.push_back({p.id, p.title, p.summary, language_tag(p.lang, s.lang)});
    return v;
}

PageView build_page(const App& app) {
    const Visit& s = app.visit();
    PageView v;
    v.lang = s.lang;
    auto page = app.pack() ? app.pack()->page(s.place.page, s.lang) : std::nullopt;
    // A page this audience may not see is treated as missing, so a child can never reach an adult page.
    if (!page || !content::may_see(s.audience, *page)) {
        v.notice = tr("page.missing", s.lang);
        return v;
    }
    v.found = true;
    v.title = page->title;
    v.lang = page->lang;
    if (page->fell_back) v.notice = tr("page.fallback", s.lang);
    v.doc = content::parse_markdown(page->body_markdown);
    // The page's picture goes on top, unless its words already show it where it belongs (children's pages
    // put every picture beside its idea): one picture is never shown twice.
    bool in_text = std::any_of(v.doc.blocks.begin(), v.doc.blocks.end(), [&](const content::Block& b) {
        return b.kind == content::BlockKind::image && b.image == page->image;
    });
    if (!in_text) v.image = page->image;
    // Under-5s read with a grown-up: the pack's note for them (strings.yaml), in the interface's language.
    if (s.audience == content::Audience::little) {
        const std::string& note = tr(k_grown_up_note, s.lang);
        if (note != k_grown_up_note) v.grown_up = note;
    }
    return v;
}

ServicesView build_services(const App& app) {
    static const char* const needs[] = {"money-debt",       "housing",       "physical-health", "mental-health",
                                        "domestic-abuse",   "drugs-alcohol", "feeling-alone",   "visits-travel",
                                        "staying-in-touch", "parenting",     "children",        "release"};
    const Visit& s = app.visit();
    // An adult-only need asked for by a young audience (by any route) filters nothing: it is never shown.
    const std::string need = content::may_see_need(s.audience, s.place.need) ? s.place.need : std::string();
    ServicesView v;
    v.title = tr("services.title", s.lang);
    v.none = tr("services.none", s.lang);
    v.phone_label = tr("services.phone", s.lang);
    v.open_label = tr("services.open", s.lang);
    v.web_label = tr("services.web", s.lang);
    if (!app.pack()) return v;
    // Young people are offered help made for them first, never adult-only subjects; adults see local help first.
    const std::vector<content::Service> shown =
        content::services_for_visitor(app.pack()->services("", s.lang), s.audience, app.service_areas());
    // Only needs with a service this audience may see: a filter that can only answer "No services listed" is a
    // dead end. With none, there is no filter row at all.
    for (const char* n : needs) {
        if (!content::may_see_need(s.audience, n)) continue;
        bool has_service = std::any_of(shown.begin(), shown.end(), [&](const content::Service& svc) {
            return std::find(svc.needs.begin(), svc.needs.end(), n) != svc.needs.end();
        });
        if (has_service) v.needs.push_back({n, tr(std::string("need.") + n, s.lang), need == n});
    }
    if (!v.needs.empty()) v.needs.insert(v.needs.begin(), {"", tr("services.all", s.lang), need.empty()});
    for (const auto& svc : shown) {
        if (!need.empty() && std::find(svc.needs.begin(), svc.needs.end(), need) == svc.needs.end()) continue;
        // "Refuge: National Domestic Abuse Helpline", but "Karma Nirvana Helpline", not the name said twice.
        bool named_in_name = svc.name.rfind(svc.organisation, 0) == 0;
        std::string name = svc.organisation.empty() || named_in_name ? svc.name : svc.organisation + ": " + svc.name;
        v.services.push_back({name, svc.description, svc.phone, svc.opening_times, svc.website});
    }
    return v;
}

std::vector<std::string> build_notices(const App& app, std::optional<content::Audience> audience) {
    // What the centre's staff posted on this kiosk today comes first: it is the newest news. Then the support
    // team's, from the hub. Both by one rule: for everyone, or for this visitor's audience only (an adult-only
    // notice never reaches a child's screen, nor the attract screen, whose reader is unknown), in her language
    // (English when no Welsh was written).
    std::vector<std::string> notices;
    auto add = [&](const std::vector<BannerNotice>& list) {
        for (const auto& n : list) {
            bool for_them =
                n.audiences.empty() || (audience && std::find(n.audiences.begin(), n.audiences.end(),
                                                              content::to_string(*audience)) != n.audiences.end());
            if (for_them) notices.push_back(app.visit().lang == "cy" && !n.cy.empty() ? n.cy : n.en);
        }
    };
    if (app.staff_desk()) {
        add(app.staff_desk()->notices_today());
        add(app.staff_desk()->hub_notices_today());
    }
    if (!app.pack()) return notices;
    auto from_pack = app.pack()->notices(app.visit().lang, audience);
    // Today's news matters more than its language: English when staff wrote none in this one.
    if (from_pack.empty() && app.visit().lang != "en") from_pack = app.pack()->notices("en", audience);
    notices.insert(notices.end(), from_pack.begin(), from_pack.end());
    return notices;
}

IdleView build_idle(const App& app, double now) {
    IdleView v;
    v.showing = app.idle_countdown_showing(now);
    if (!v.showing) return v;
    const std::string& lang = app.visit().lang;
    v.title = tr("idle.title", lang);
    v.body = replace_all(tr("idle.body", lang), "{n}", std::to_string(app.idle_seconds_left(now)));
    v.button = tr("idle.still_here", lang);
    return v;
}

LeaveView build_leave(const App& app) {
    LeaveView v;
    v.showing = app.visit().leaving.has_value();
    if (!v.showing) return v;
    const std::string& lang = app.visit().lang;
    v.title = tr("leave.title", lang);
    v.body = tr("leave.body", lang);
    v.leave = tr("leave.confirm", lang);
    v.stay = tr("leave.stay", lang);
    return v;
}

std::string read_aloud_text(const PageView& page) {
    if (!page.found) return "";
    auto end_sentence = [](std::string& out) {
        while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
        if (out.empty()) return;
        char last = out.back();
        if (last != '.' && last != '!' && last != '?' && last != ':' && last != ';') out += '.';
        out += '\n';
    };
    std::string out = page.title;
    end_sentence(out);
    for (const content::Block& b : page.doc.blocks) {
        if (b.kind == content::BlockKind::image || b.kind == content::BlockKind::rule) continue;
        for (const content::Span& s : b.spans) {
            if (s.link.rfind("tel:", 0) != 0) {
                out += s.text;
                continue;
            }
            for (char c : s.text) {
                if (c == ' ') continue;
                out += c;
                out += ' ';
            }
        }
        end_sentence(out);
    }
    return out;
}

std::string language_tag(const std::string& page_lang, const std::string& interface_lang) {
    if (page_lang.empty() || page_lang == interface_lang) return "";
    std::string key = "lang_tag." + page_lang;
    const std::string& words = tr(key, interface_lang);
    // A language the strings table does not name yet is still marked, by its own name for itself.
    return words == key ? language_name(page_lang) : words;
}

ReadAloudText build_read_aloud(const App& app) {
    if (app.screen() != Screen::page) return {};
    PageView page = build_page(app);
    return {read_aloud_text(page), page.lang};
}

}  // namespace lantern::kiosk
