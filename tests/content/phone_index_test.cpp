// The phone index finds every number the content shows, with each place and its cited source, and flags
// places with none.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>

#include "content/phone_index.h"
#include "tests/read_file.h"

using namespace lantern::content;

namespace {

SourcePage page(std::string id, std::string body, std::vector<std::string> sources) {
    SourcePage p;
    p.id = id;
    p.lang = "en";
    p.file = "pages/en/" + id + ".md";
    p.body_line = 10;
    p.body = std::move(body);
    p.sources = std::move(sources);
    return p;
}

const PhoneEntry* find(const std::vector<PhoneEntry>& index, const std::string& digits) {
    auto it = std::find_if(index.begin(), index.end(), [&](const PhoneEntry& e) { return e.digits == digits; });
    return it == index.end() ? nullptr : &*it;
}

bool shown_in(const PhoneEntry* e, const std::string& file, const std::string& id = "") {
    return e && std::any_of(e->uses.begin(), e->uses.end(),
                            [&](const PhoneUse& u) { return u.file == file && (id.empty() || u.id == id); });
}

std::vector<std::string> texts(const std::vector<SourceIssue>& issues) {
    std::vector<std::string> out;
    for (const auto& i : issues) out.push_back(i.to_string());
    return out;
}

}  // namespace

TEST_CASE("a number is found in a page's text and its tel: link, once per page, and amounts and dates are not") {
    Sources s;
    s.pages.push_back(
        page("a",
             "On 2026-12-01 about 200,000 children, £1,250 a month, 20p a mile, 24 hours.\n"
             "Call [0808 808 2003](tel:08088082003) or 116 123.\n"
             "From abroad: +44 808 808 2003. In danger, call [999](tel:999). Page https://x.org/DG_196243.\n",
             {"https://example.org/a"}));
    auto index = index_phone_numbers(s);
    std::vector<std::string> digits;
    for (const auto& e : index) digits.push_back(e.digits);
    CHECK(digits == std::vector<std::string>{"08088082003", "116123", "999"});
    const PhoneEntry* families = find(index, "08088082003");
    REQUIRE(families);
    CHECK(families->written == "0808 808 2003");
    REQUIRE(families->uses.size() == 1);
    CHECK(families->uses[0].line == 11);
    CHECK(families->uses[0].sources == std::vector<std::string>{"https://example.org/a"});
    CHECK(families->cited_somewhere());
    CHECK(lint_phone_sources(index).empty());
}

TEST_CASE("a number only in a tel: link is found too") {
    Sources s;
    s.pages.push_back(page("a", "Ring [the helpline](tel:08001111) any time.\n", {"https://example.org/a"}));
    auto index = index_phone_numbers(s);
    REQUIRE(index.size() == 1);
    CHECK(index[0].digits == "08001111");
    CHECK(index[0].uses[0].line == 10);
}

TEST_CASE("a page showing a number with no sources is flagged at the number's line") {
    Sources s;
    s.pages.push_back(page("cited", "Call 0808 808 2003.\n", {"https://example.org"}));
    s.pages.push_back(page("bare", "Hello.\nText 07860 077333 or call 0808 808 2003.\n", {}));
    auto index = index_phone_numbers(s);
    auto issues = texts(lint_phone_sources(index));
    REQUIRE(issues.size() == 2);
    CHECK(issues[0].find("pages/en/bare.md:11: warning: shows phone number 07860 077333") == 0);
    CHECK(issues[1] ==
          "pages/en/bare.md:11: warning: shows phone number 0808 808 2003 but has no sources: cite where the number "
          "comes from");
    // The number is still cited elsewhere, by the other page.
    CHECK(find(index, "08088082003")->cited_somewhere());
    CHECK_FALSE(find(index, "07860077333")->cited_somewhere());
}

TEST_CASE("services, search helplines and the form's numbers are listed; uncited ones are flagged") {
    Sources s;
    s.pages.push_back(page("a", "Samaritans: [116 123](tel:116123).\n", {"https://www.samaritans.org"}));
    s.services_json = R"([{"id": "with-site", "phone": "0808 80 10 800", "website": "https://livefearfree.gov.wales"},
                          {"id": "no-site", "phone": "0300 063 2100"},
                          {"id": "no-phone", "website": "https://example.org"}])";
    s.search.helplines.push_back({"samaritans", {}, "116 123", {}});
    s.search.helplines.push_back({"emergency", {}, "999", {}});
    // The fixture's whole form (the one form parser reads only a whole form), with one helpline of its own.
    auto form = nlohmann::json::parse(
        lantern::test::read_file(std::filesystem::path(LANTERN_SOURCE_DIR) / "tests/fixtures/content/form.json"));
    form["helplines"]["lines"] = nlohmann::json::array({{{"name", {{"en", "x"}}}, {"number", "0800 999 5428"}}});
    form["team"]["phone"] = "PLACEHOLDER: set the family support team's phone number";
    s.form_json = form.dump();
    auto index = index_phone_numbers(s);
    CHECK(index.size() == 5);  // the placeholder has no number in it
    CHECK(shown_in(find(index, "08088010800"), "services.json", "with-site"));
    CHECK(shown_in(find(index, "03000632100"), "services.json", "no-site"));
    CHECK(shown_in(find(index, "116123"), "search.yaml", "samaritans"));
    CHECK(shown_in(find(index, "116123"), "pages/en/a.md"));
    CHECK(shown_in(find(index, "999"), "search.yaml", "emergency"));
    CHECK(shown_in(find(index, "08009995428"), "form.json", "helplines"));
    auto issues = texts(lint_phone_sources(index));
    REQUIRE(issues.size() == 3);
    CHECK(issues[0] ==
          "form.json: warning: the form's helplines: phone number 0800 999 5428 is on no page or service "
          "that cites a source: add it to one that does");
    CHECK(issues[1] ==
          "search.yaml: warning: helpline \"emergency\": phone number 999 is on no page or service that "
          "cites a source: add it to one that does");
    CHECK(issues[2] ==
          "services.json: warning: service \"no-site\" shows phone number 0300 063 2100 but has no "
          "website to cite");
}

// A second way of finding numbers (regular expressions over the raw files' text), so a number the index
// misses on the shipped content fails here.
TEST_CASE("the shipped content: every tel: link and written phone number of every page is in the index") {
    Sources s = read_sources(std::filesystem::path(LANTERN_SOURCE_DIR) / "assets/content");
    REQUIRE_FALSE(s.has_errors());
    auto index = index_phone_numbers(s);
    const std::regex tel(R"(\]\(tel:([0-9]+)\))");
    const std::regex written(R"((^|[^0-9A-Za-z:/_.-])(0[0-9]{2,4}(?: [0-9]{2,6}){1,3}|116 [0-9]{3}|999)(?![0-9]))");
    auto no_spaces = [](std::string t) {
        t.erase(std::remove(t.begin(), t.end(), ' '), t.end());
        return t;
    };
    int checked = 0;
    for (const auto& p : s.pages) {
        CAPTURE(p.file);
        for (std::sregex_iterator it(p.body.begin(), p.body.end(), tel), end; it != end; ++it, ++checked)
            CHECK_MESSAGE(shown_in(find(index, (*it)[1]), p.file), (*it)[1]);
        for (std::sregex_iterator it(p.body.begin(), p.body.end(), written), end; it != end; ++it, ++checked)
            CHECK_MESSAGE(shown_in(find(index, no_spaces((*it)[2])), p.file), (*it)[2]);
    }
    auto services = nlohmann::json::parse(s.services_json);
    for (const auto& svc : services)
        if (svc.contains("phone")) {
            ++checked;
            CHECK_MESSAGE(shown_in(find(index, no_spaces(svc["phone"].get<std::string>())), "services.json",
                                   svc["id"].get<std::string>()),
                          svc["id"].get<std::string>());
        }
    for (const auto& h : s.search.helplines) {
        ++checked;
        CHECK_MESSAGE(shown_in(find(index, no_spaces(h.number)), "search.yaml", h.id), h.id);
    }
    auto form = nlohmann::json::parse(s.form_json);
    for (const auto& line : form["helplines"]["lines"]) {
        ++checked;
        CHECK(shown_in(find(index, no_spaces(line["number"].get<std::string>())), "form.json", "helplines"));
    }
    CHECK(checked > 100);
    // And nothing the index lists for a page is missing from that page's text.
    for (const auto& e : index)
        for (const auto& u : e.uses) {
            if (u.kind != PhoneUse::Kind::page) continue;
            auto p =
                std::find_if(s.pages.begin(), s.pages.end(), [&](const SourcePage& sp) { return sp.file == u.file; });
            REQUIRE(p != s.pages.end());
            std::string where = u.file + ": " + e.written;
            CHECK_MESSAGE(no_spaces(p->body).find(e.digits) != std::string::npos, where);
        }
}
