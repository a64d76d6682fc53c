// The kiosk's strings table. Welsh follows the HMPPS Welsh Language Scheme: equal to English.
#include "kiosk/views/strings.h"

#include <map>
#include <utility>

namespace lantern::kiosk {
namespace {

using Table = std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>>;

const Table& table() {
    static const Table t = {
        {"attract.welcome", {{"en", "Welcome"}, {"cy", "Croeso"}}},
        {"attract.tagline",
         {{"en", "Information and support for families and friends"},
          {"cy", "Gwybodaeth a chymorth i deuluoedd a ffrindiau"}}},
        {"attract.touch", {{"en", "Touch to start"}, {"cy", "Cyffyrddwch i ddechrau"}}},
        {"audience.title", {{"en", "Who is reading?"}, {"cy", "Pwy sy'n darllen?"}}},
        {"audience.adult", {{"en", "Adult"}, {"cy", "Oedolyn"}}},
        {"audience.adult.hint", {{"en", "Family and friends"}, {"cy", "Teulu a ffrindiau"}}},
        {"audience.teen", {{"en", "Young person"}, {"cy", "Person ifanc"}}},
        {"audience.teen.hint", {{"en", "Age 12 to 17"}, {"cy", "Oed 12 i 17"}}},
        {"audience.child", {{"en", "Child"}, {"cy", "Plentyn"}}},
        {"audience.child.hint", {{"en", "Age 5 to 11"}, {"cy", "Oed 5 i 11"}}},
        {"audience.little", {{"en", "Under 5"}, {"cy", "Dan 5"}}},
        {"audience.little.hint", {{"en", "With a grown-up"}, {"cy", "Gydag oedolyn"}}},
        {"topics.title.adult", {{"en", "What would you like to know?"}, {"cy", "Beth hoffech chi ei wybod?"}}},
        {"topics.title.teen", {{"en", "Pick a topic"}, {"cy", "Dewiswch bwnc"}}},
        {"topics.title.child", {{"en", "What do you want to read about?"}, {"cy", "Am beth wyt ti eisiau darllen?"}}},
        {"topics.title.little", {{"en", "Let's read together"}, {"cy", "Gadewch i ni ddarllen gyda'n gilydd"}}},
        {"topics.empty", {{"en", "There is nothing here yet."}, {"cy", "Does dim byd yma eto."}}},
        {"nav.back", {{"en", "Back"}, {"cy", "Yn ôl"}}},
        {"nav.home", {{"en", "Home"}, {"cy", "Hafan"}}},
        {"nav.quick_exit", {{"en", "Quick exit"}, {"cy", "Gadael yn gyflym"}}},
        {"page.fallback",
         {{"en", "This page is not available in your language yet, so it is shown in English."},
          {"cy", "Nid yw'r dudalen hon ar gael yn Gymraeg eto, felly mae'n cael ei dangos yn Saesneg."}}},
        // On a page in a list shown in another language than the interface's (the English fallback).
        {"lang_tag.en", {{"en", "English"}, {"cy", "Saesneg"}}},
        {"lang_tag.cy", {{"en", "Welsh"}, {"cy", "Cymraeg"}}},
        {"lang_tag.pl", {{"en", "Polish"}, {"cy", "Pwyleg"}}},
        {"page.missing",
         {{"en", "Sorry, this page could not be found."},
          {"cy", "Mae'n ddrwg gennym, ni ellir dod o hyd i'r dudalen hon."}}},
        {"nav.text_size", {{"en", "Text size"}, {"cy", "Maint testun"}}},
        {"nav.contrast", {{"en", "Contrast"}, {"cy", "Cyferbyniad"}}},
        {"nav.read_aloud", {{"en", "Read aloud"}, {"cy", "Darllen yn uchel"}}},
        {"nav.stop_reading", {{"en", "Stop reading"}, {"cy", "Stopio darllen"}}},
        // A moment in words, for staff (human_time.cpp): {time} is 14:28, {date} is "3 Dec".
        {"time.today_at", {{"en", "today at {time}"}, {"cy", "heddiw am {time}"}}},
        {"time.yesterday_at", {{"en", "yesterday at {time}"}, {"cy", "ddoe am {time}"}}},
        {"time.date_at", {{"en", "{date} at {time}"}, {"cy", "{date} am {time}"}}},
        {"time.month.1", {{"en", "Jan"}, {"cy", "Ion"}}},
        {"time.month.2", {{"en", "Feb"}, {"cy", "Chwef"}}},
        {"time.month.3", {{"en", "Mar"}, {"cy", "Maw"}}},
        {"time.month.4", {{"en", "Apr"}, {"cy", "Ebr"}}},
        {"time.month.5", {{"en", "May"}, {"cy", "Mai"}}},
        {"time.month.6", {{"en", "Jun"}, {"cy", "Meh"}}},
        {"time.month.7", {{"en", "Jul"}, {"cy", "Gorff"}}},
        {"time.month.8", {{"en", "Aug"}, {"cy", "Awst"}}},
        {"time.month.9", {{"en", "Sep"}, {"cy", "Medi"}}},
        {"time.month.10", {{"en", "Oct"}, {"cy", "Hyd"}}},
        {"time.month.11", {{"en", "Nov"}, {"cy", "Tach"}}},
        {"time.month.12", {{"en", "Dec"}, {"cy", "Rhag"}}},
        {"topics.find_help", {{"en", "Find local help"}, {"cy", "Dod o hyd i help lleol"}}},
        {"topics.search", {{"en", "Search"}, {"cy", "Chwilio"}}},
        {"search.title", {{"en", "Search"}, {"cy", "Chwilio"}}},
        {"search.box", {{"en", "Search box"}, {"cy", "Blwch chwilio"}}},
        {"search.placeholder", {{"en", "Tap here and type a word"}, {"cy", "Tapiwch yma a theipiwch air"}}},
        {"search.hint",
         {{"en", "Type a word, like visits or travel."}, {"cy", "Teipiwch air, fel ymweld neu teithio."}}},
        {"search.none",
         {{"en", "Nothing found. Try another word."}, {"cy", "Dim byd wedi'i ganfod. Rhowch gynnig ar air arall."}}},
        {"search.found_one", {{"en", "1 page found"}, {"cy", "1 dudalen wedi'i chanfod"}}},
        {"search.found", {{"en", "{n} pages found"}, {"cy", "{n} tudalen wedi'u canfod"}}},
        // A search result shown in another language than the visitor's, because it has no version in theirs.
        {"search.in_lang.en", {{"en", "In English"}, {"cy", "Yn Saesneg"}}},
        {"search.in_lang.cy", {{"en", "In Welsh"}, {"cy", "Yn Gymraeg"}}},
        {"search.read_page", {{"en", "Read: {title}"}, {"cy", "Darllen: {title}"}}},
        {"services.title", {{"en", "Find local help"}, {"cy", "Dod o hyd i help lleol"}}},
        {"services.all", {{"en", "All"}, {"cy", "Y cyfan"}}},
        {"services.phone", {{"en", "Phone"}, {"cy", "Ffôn"}}},
        {"services.open", {{"en", "Open"}, {"cy", "Ar agor"}}},
        {"services.web", {{"en", "Website"}, {"cy", "Gwefan"}}},
        {"services.none",
         {{"en", "No services listed for this yet. Please ask a member of staff."},
          {"cy", "Dim gwasanaethau wedi'u rhestru ar gyfer hyn eto. Gofynnwch i aelod o staff."}}},
        {"need.money-debt", {{"en", "Money and debt"}, {"cy", "Arian a dyled"}}},
        {"need.housing", {{"en", "Housing"}, {"cy", "Tai"}}},
        {"need.physical-health", {{"en", "Physical health"}, {"cy", "Iechyd corfforol"}}},
        {"need.mental-health", {{"en", "Mental health and wellbeing"}, {"cy", "Iechyd meddwl a llesiant"}}},
        {"need.domestic-abuse", {{"en", "Domestic abuse"}, {"cy", "Cam-drin domestig"}}},
        {"need.drugs-alcohol", {{"en", "Drugs or alcohol"}, {"cy", "Cyffuriau neu alcohol"}}},
        {"need.feeling-alone", {{"en", "Feeling alone or judged"}, {"cy", "Teimlo'n unig neu'n cael eich barnu"}}},
        {"need.visits-travel", {{"en", "Visits and travel costs"}, {"cy", "Ymweliadau a chostau teithio"}}},
        {"need.staying-in-touch", {{"en", "Staying in touch"}, {"cy", "Cadw mewn cysylltiad"}}},
        {"need.parenting", {{"en", "Parenting"}, {"cy", "Magu plant"}}},
        {"need.children", {{"en", "Support for the children"}, {"cy", "Cymorth i'r plant"}}},
        {"need.release", {{"en", "Getting ready for release"}, {"cy", "Paratoi ar gyfer rhyddhau"}}},
        {"idle.title", {{"en", "Are you still there?"}, {"cy", "Ydych chi dal yna?"}}},
        {"idle.body",
         {{"en", "For your privacy, this screen will clear in {n} seconds."},
          {"cy", "Er eich preifatrwydd, bydd y sgrin hon yn clirio mewn {n} eiliad."}}},
        {"idle.still_here", {{"en", "I'm still here"}, {"cy", "Rydw i dal yma"}}},
        {"leave.title", {{"en", "Leave and clear your answers?"}, {"cy", "Gadael a chlirio eich atebion?"}}},
        {"leave.body",
         {{"en", "If you leave the form now, your answers will be deleted. Nobody else will see them."},
          {"cy",
           "Os byddwch chi'n gadael y ffurflen nawr, bydd eich atebion yn cael eu dileu. Fydd neb arall yn eu "
           "gweld."}}},
        {"leave.confirm", {{"en", "Leave and clear"}, {"cy", "Gadael a chlirio"}}},
        {"leave.stay", {{"en", "Stay on the form"}, {"cy", "Aros ar y ffurflen"}}},
        // The centre's own family services (adults only) and "I'm interested".
        {"topics.family_services", {{"en", "Family services here"}, {"cy", "Gwasanaethau teulu yma"}}},
        {"family.title", {{"en", "Family services here"}, {"cy", "Gwasanaethau teulu yma"}}},
        {"family.intro",
         {{"en",
           "This visitor centre runs these for families like yours. Tap \"I'm interested\" and the family team "
           "will get in touch."},
          {"cy",
           "Mae'r ganolfan ymwelwyr hon yn cynnal y rhain i deuluoedd fel eich un chi. Tapiwch \"Mae gen i "
           "ddiddordeb\" a bydd y tîm teulu yn cysylltu â chi."}}},
        {"family.when", {{"en", "When"}, {"cy", "Pryd"}}},
        {"family.how_to_join", {{"en", "How to join"}, {"cy", "Sut i ymuno"}}},
        {"family.interested", {{"en", "I'm interested"}, {"cy", "Mae gen i ddiddordeb"}}},
        {"interest.title", {{"en", "I'm interested in: {name}"}, {"cy", "Mae gen i ddiddordeb yn: {name}"}}},
        {"interest.intro",
         {{"en", "Tell us your first name and how the family team can reach you. Only the family team can read this."},
          {"cy",
           "Dywedwch wrthym eich enw cyntaf a sut gall y tîm teulu gysylltu â chi. Dim ond y tîm teulu all "
           "ddarllen hwn."}}},
        {"interest.first_name", {{"en", "Your first name"}, {"cy", "Eich enw cyntaf"}}},
        {"interest.contact", {{"en", "How can we reach you?"}, {"cy", "Sut gallwn ni gysylltu â chi?"}}},
        {"interest.contact.phone", {{"en", "Phone me"}, {"cy", "Ffoniwch fi"}}},
        {"interest.contact.desk", {{"en", "I'll ask at the desk"}, {"cy", "Gofynnaf i wrth y ddesg"}}},
        {"interest.phone", {{"en", "Your phone number"}, {"cy", "Eich rhif ffôn"}}},
        {"interest.send", {{"en", "Send"}, {"cy", "Anfon"}}},
        {"interest.error.name",
         {{"en", "Please tell us your first name."}, {"cy", "Dywedwch wrthym eich enw cyntaf."}}},
        {"interest.error.contact",
         {{"en", "Please choose how we can reach you."}, {"cy", "Dewiswch sut gallwn ni gysylltu â chi."}}},
        {"interest.error.not_saved",
         {{"en", "Sorry, this could not be saved. What you typed is still here. Please ask at the desk."},
          {"cy",
           "Mae'n ddrwg gennym, nid oedd modd cadw hyn. Mae'r hyn a deipioch chi yma o hyd. Gofynnwch wrth y "
           "ddesg."}}},
        {"interest.done.title",
         {{"en", "Thank you. The family team has your request."}, {"cy", "Diolch. Mae eich cais gyda'r tîm teulu."}}},
        {"interest.done.phone",
         {{"en", "The family team will phone you about it. Keep this reference in case you want to ask."},
          {"cy", "Bydd y tîm teulu yn eich ffonio chi amdano. Cadwch y cyfeirnod hwn rhag ofn eich bod eisiau holi."}}},
        {"interest.done.desk",
         {{"en", "Ask at the visitor centre desk and give them this reference."},
          {"cy", "Gofynnwch wrth ddesg y ganolfan ymwelwyr a rhowch y cyfeirnod hwn iddyn nhw."}}},
        {"error.no_pack",
         {{"en", "Information is not available right now. Please ask a member of staff."},
          {"cy", "Nid yw gwybodaeth ar gael ar hyn o bryd. Gofynnwch i aelod o staff."}}},
        // Staff: the PIN lockout's store failed, so the pad stays locked (it fails closed).
        {"staff.lock_failed",
         {{"en", "The staff lock could not be checked; restart the kiosk or call IT."},
          {"cy", "Doedd dim modd gwirio clo'r staff; ailgychwynnwch y ciosg neu ffoniwch TG."}}},
        // Staff: the usage figures (counts per day, never a visit's own).
        {"staff.notice.en", {{"en", "Notice in English"}, {"cy", "Hysbysiad yn Saesneg"}}},
        {"staff.notice.cy", {{"en", "Notice in Welsh"}, {"cy", "Hysbysiad yn Gymraeg"}}},
        {"staff.notice.cy_hint",
         {{"en", "The same notice in Welsh (optional)"}, {"cy", "Yr un hysbysiad yn Gymraeg (dewisol)"}}},
        {"staff.notice.for", {{"en", "Who should see it?"}, {"cy", "Pwy ddylai ei weld?"}}},
        {"staff.notice.everyone", {{"en", "Everyone"}, {"cy", "Pawb"}}},
        {"staff.notice.adults", {{"en", "Adults only"}, {"cy", "Oedolion yn unig"}}},
        {"staff.notice.adults_tag", {{"en", "adults only"}, {"cy", "oedolion yn unig"}}},
        {"staff.usage.title", {{"en", "How the kiosk was used"}, {"cy", "Sut cafodd y ciosg ei ddefnyddio"}}},
        {"staff.usage.today", {{"en", "Today"}, {"cy", "Heddiw"}}},
        {"staff.usage.week", {{"en", "Last 7 days"}, {"cy", "Y 7 diwrnod diwethaf"}}},
        {"staff.usage.visits", {{"en", "Visits"}, {"cy", "Ymweliadau"}}},
        {"staff.usage.pages", {{"en", "Pages read"}, {"cy", "Tudalennau a ddarllenwyd"}}},
        {"staff.usage.searches_nothing",
         {{"en", "Searches that found nothing"}, {"cy", "Chwiliadau na ddaeth o hyd i ddim"}}},
        {"staff.usage.form_started", {{"en", "Support forms started"}, {"cy", "Ffurflenni cymorth a ddechreuwyd"}}},
        {"staff.usage.form_sent", {{"en", "Support forms sent"}, {"cy", "Ffurflenni cymorth a anfonwyd"}}},
        {"staff.usage.interest_sent",
         {{"en", "Family service requests sent"}, {"cy", "Ceisiadau am wasanaethau teulu a anfonwyd"}}},
        {"staff.usage.quick_exits", {{"en", "Quick exits"}, {"cy", "Gadael yn gyflym"}}},
        {"staff.usage.read_aloud", {{"en", "Read aloud used"}, {"cy", "Defnyddio darllen yn uchel"}}},
        {"staff.usage.text_size", {{"en", "Text size changed"}, {"cy", "Newid maint y testun"}}},
    };
    return t;
}

}  // namespace

// The referral form's strings live in form_strings.cpp.
const Table& form_string_table();

namespace {
using ContentStrings = std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>>;

ContentStrings& content_strings() {
    static ContentStrings strings;
    return strings;
}

const std::string* content_string(std::string_view key, std::string_view lang) {
    const auto& c = content_strings();
    auto it = c.find(key);
    if (it == c.end()) return nullptr;
    auto l = it->second.find(lang);
    return l == it->second.end() ? nullptr : &l->second;
}
}  // namespace

void set_content_strings(std::map<std::string, std::map<std::string, std::string>> strings) {
    ContentStrings& c = content_strings();
    c.clear();
    for (auto& [key, by_lang] : strings) c[key] = {by_lang.begin(), by_lang.end()};
}

const std::string& tr(std::string_view key, std::string_view lang) {
    static const std::string empty;
    if (const std::string* words = content_string(key, lang)) return *words;
    const Table& t = table();
    auto it = t.find(key);
    const Table& form_table = form_string_table();
    bool in_main = it != t.end();
    if (!in_main) it = form_table.find(key);
    if (!in_main && it == form_table.end()) {
        static std::map<std::string, std::string, std::less<>> missing;
        return missing.emplace(std::string(key), std::string(key)).first->second;
    }
    if (auto l = it->second.find(lang); l != it->second.end()) return l->second;
    if (auto en = it->second.find("en"); en != it->second.end()) return en->second;
    return empty;
}

std::string language_name(std::string_view lang) {
    if (const std::string* name = content_string("language.name", lang)) return *name;
    if (lang == "en") return "English";
    if (lang == "cy") return "Cymraeg";
    if (lang == "pl") return "Polski";
    if (lang == "ro") return "Română";
    return std::string(lang);
}

std::string keep_together(std::string_view words) {
    std::string out;
    out.reserve(words.size() + 8);
    for (char c : words) {
        if (c == ' ') out += "\xC2\xA0";  // U+00A0: Dear ImGui wraps only at spaces, tabs and U+3000
        else out += c;
    }
    return out;
}

}  // namespace lantern::kiosk
