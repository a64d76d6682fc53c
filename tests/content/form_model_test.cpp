// The one form.json parser: steps, fields, types, labels, options and show_if, with errors naming the field.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <SQLiteCpp/SQLiteCpp.h>
#include <nlohmann/json.hpp>

#include "content/form_model.h"
#include "content/pack_builder.h"
#include "content/pack_check.h"
#include "tests/content/sample_sources.h"
#include "tests/read_file.h"

using namespace lantern::content;

namespace {

const char* k_good_form = R"({
  "version": "2026-11",
  "steps": [
    {
      "id": "contact",
      "title": {"en": "How to contact you", "cy": "Sut i gysylltu â chi"},
      "fields": [
        {"id": "how", "type": "choice", "required": true, "label": {"en": "How should we contact you?"},
         "options": [{"id": "phone", "label": {"en": "Phone"}}, {"id": "email", "label": {"en": "Email"}}]},
        {"id": "phone", "type": "phone", "label": {"en": "Phone number"},
         "help": {"en": "We will call from a withheld number."},
         "show_if": {"field": "how", "equals": "phone"}},
        {"id": "safe_to_call", "type": "yesno", "label": {"en": "Is it safe to call this number?"},
         "show_if": {"field": "phone", "not_empty": true}}
      ]
    },
    {
      "id": "needs",
      "title": {"en": "What would help"},
      "fields": [
        {"id": "needs", "type": "choices", "label": {"en": "Tick all that apply"},
         "options": [{"id": "money", "label": {"en": "Money and debt"}}]},
        {"id": "more", "type": "multiline", "required": false, "label": {"en": "Anything else?"}}
      ]
    }
  ]
})";

std::vector<SourceIssue> issues_of(const std::string& text) { return form::parse_form(text).issues; }

std::vector<std::string> texts(const std::vector<SourceIssue>& issues) {
    std::vector<std::string> out;
    for (const auto& i : issues) out.push_back(i.to_string());
    return out;
}

bool any_is(const std::vector<SourceIssue>& issues, const std::string& text) {
    return std::any_of(issues.begin(), issues.end(), [&](const SourceIssue& i) { return i.to_string() == text; });
}

bool any_contains(const std::vector<SourceIssue>& issues, const std::string& text) {
    return std::any_of(issues.begin(), issues.end(),
                       [&](const SourceIssue& i) { return i.to_string().find(text) != std::string::npos; });
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("a well-formed form has no issues") { CHECK(texts(issues_of(k_good_form)).empty()); }

TEST_CASE("an unknown field type is an error naming the field, its line and the type") {
    auto issues = issues_of(replaced(k_good_form, R"("type": "phone")", R"("type": "fone")"));
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].to_string().rfind("form.json:10: error: field \"phone\": unknown type \"fone\"", 0) == 0);
}

TEST_CASE("missing ids and labels are errors") {
    auto no_label = issues_of(replaced(k_good_form, R"("label": {"en": "Phone number"},)", ""));
    CHECK(any_contains(no_label, "field \"phone\": missing \"label\""));
    auto no_english = issues_of(replaced(k_good_form, R"({"en": "Phone number"})", R"({"cy": "Rhif ffôn"})"));
    CHECK(any_contains(no_english, "field \"phone\": \"label\" has no English"));
    auto no_id = issues_of(replaced(k_good_form, R"("id": "more", )", ""));
    CHECK(any_contains(no_id, "step \"needs\", field 2: missing \"id\""));
    auto no_step_title = issues_of(replaced(k_good_form, R"("title": {"en": "What would help"},)", ""));
    CHECK(any_contains(no_step_title, "step \"needs\": missing \"title\""));
    auto no_option_label = issues_of(replaced(k_good_form, R"("label": {"en": "Email"})", R"("x": 1)"));
    CHECK(any_contains(no_option_label, "field \"how\", option \"email\": missing \"label\""));
}

TEST_CASE("duplicate field ids are an error at the second one") {
    auto issues = issues_of(replaced(k_good_form, R"("id": "more")", R"("id": "how")"));
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].to_string().rfind("form.json:23: error: field \"how\": duplicate field id", 0) == 0);
}

TEST_CASE("show_if naming an unknown field, or an option the field lacks, is an error") {
    auto unknown = issues_of(replaced(k_good_form, R"({"field": "how")", R"({"field": "hwo")"));
    CHECK(any_is(unknown, "form.json:12: error: field \"phone\": show_if names unknown field \"hwo\""));
    auto option = issues_of(replaced(k_good_form, R"("equals": "phone")", R"("equals": "pigeon")"));
    CHECK(any_contains(option, "field \"phone\": show_if: field \"how\" has no option \"pigeon\""));
    auto both = issues_of(replaced(k_good_form, R"("not_empty": true)", R"("not_empty": true, "equals": "x")"));
    CHECK(any_contains(both, "needs exactly one of \"equals\" or \"not_empty\""));
}

TEST_CASE("a choice field needs options, and text that is not a form object is refused") {
    auto no_options = issues_of(
        replaced(k_good_form, R"("options": [{"id": "money", "label": {"en": "Money and debt"}}])", R"("x": 0)"));
    CHECK(any_contains(no_options, "field \"needs\": a choices field needs \"options\""));
    CHECK(any_contains(issues_of("[1, 2]"), "form.json:1: error: must be a JSON object"));
    CHECK(any_contains(issues_of("{\"version\": \"1\",\n \"steps\": [\n}"), "form.json:3: error: not valid JSON"));
    CHECK(any_contains(issues_of(R"({"steps": []})"), "needs a \"version\" string"));
    CHECK(any_contains(issues_of(R"({"version": "1"})"), "needs a non-empty \"steps\" list"));
    CHECK_FALSE(issues_of("").empty());
}

TEST_CASE("read_sources keeps a good form and refuses a bad one with the form's errors") {
    lantern::test::TempDir dir;
    lantern::test::write_sample_sources(dir);
    dir.write_file("form.json", k_good_form);
    Sources good = read_sources(dir.path());
    CHECK_FALSE(good.has_errors());
    CHECK(good.form_version == "2026-11");
    CHECK_FALSE(good.form_json.empty());

    dir.write_file("form.json", replaced(k_good_form, R"("type": "phone")", R"("type": "fone")"));
    Sources bad = read_sources(dir.path());
    CHECK(bad.has_errors());
    CHECK(bad.form_json.empty());
    CHECK(any_contains(bad.issues, "form.json:10: error: field \"phone\": unknown type \"fone\""));
}

TEST_CASE("a malformed all/any/not rule is an error naming form.json and the rule's own line") {
    auto empty_all = issues_of(replaced(k_good_form, R"({"field": "how", "equals": "phone"})", R"({"all": []})"));
    CHECK(any_is(empty_all,
                 "form.json:12: error: field \"phone\": show_if: \"all\" needs a non-empty list of conditions"));
    auto bad_not = issues_of(replaced(k_good_form, R"({"field": "how", "equals": "phone"})",
                                      R"({"any": [{"field": "how", "equals": "phone"}, {"not": 3}]})"));
    CHECK(any_is(bad_not, "form.json:12: error: field \"phone\": show_if.any[2]: \"not\" needs one condition object"));
    auto mixed = issues_of(replaced(k_good_form, R"({"field": "how", "equals": "phone"})",
                                    R"({"not": {"field": "how", "equals": "phone"}, "field": "how"})"));
    CHECK(any_contains(mixed, "form.json:12: error: field \"phone\": show_if: \"not\" stands alone in its object"));
    // A rule over several lines: the error names the line of the part that is wrong.
    auto deep = issues_of(replaced(k_good_form, R"({"field": "how", "equals": "phone"})",
                                   "{\"any\": [\n{\"field\": \"how\", \"equals\": \"phone\"},\n"
                                   "{\"field\": \"how\", \"equals\": \"pigeon\"}]}"));
    CHECK(any_is(deep, "form.json:14: error: field \"phone\": show_if.any[2]: field \"how\" has no option \"pigeon\""));
    auto unknown_key = issues_of(replaced(k_good_form, R"("equals": "phone")", R"("equals": "phone", "eq": 1)"));
    CHECK(any_contains(unknown_key, "form.json:12: error: field \"phone\": show_if: unknown key \"eq\""));
}

TEST_CASE("fields that show each other round a loop are an error") {
    auto loop = issues_of(replaced(k_good_form, R"({"field": "how", "equals": "phone"})",
                                   R"({"not": {"field": "safe_to_call", "equals": "yes"}})"));
    CHECK(any_contains(loop, "error: field \"phone\": show_if depends on itself through other fields"));
}

namespace {

std::string read_source(const std::string& rel) {
    return lantern::test::read_file(std::filesystem::path(LANTERN_SOURCE_DIR) / rel);
}

std::string default_form_text() { return read_source("assets/content/form.json"); }

int line_of(const std::string& text, const std::string& needle) {
    auto at = text.find(needle);
    REQUIRE(at != std::string::npos);
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

}  // namespace

TEST_CASE("the default form is well formed, and its placeholder team number is warned about on its line") {
    std::string text = default_form_text();
    auto issues = issues_of(text);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].severity == SourceIssue::Severity::warning);
    std::string expected = "form.json:" + std::to_string(line_of(text, "\"phone\": \"PLACEHOLDER")) +
                           ": warning: team: \"phone\" is a placeholder";
    CHECK(issues[0].to_string().rfind(expected, 0) == 0);
    // Set, it is no longer a placeholder.
    auto set = issues_of(replaced(text, "PLACEHOLDER: set the family support team's phone number", "01632 960001"));
    CHECK(set.empty());
    CHECK(form::is_placeholder_phone(""));
    CHECK(form::is_placeholder_phone("PLACEHOLDER"));
    CHECK_FALSE(form::is_placeholder_phone("01632 960001"));
}

TEST_CASE("safeguarding needs helplines; helplines, team and contact routes are checked with their lines") {
    std::string text = default_form_text();
    std::string no_helplines = text.substr(0, text.find("  \"helplines\"")) + text.substr(text.find("  \"team\""));
    CHECK(any_contains(issues_of(no_helplines), "error: \"safeguarding\" shows the helplines, but there is no"));

    auto no_number = issues_of(replaced(text, R"("number": "999")", R"("numbr": "999")"));
    CHECK(any_is(no_number, "form.json:" + std::to_string(line_of(text, R"("number": "999")") - 5) +
                                ": error: helplines: line 1: needs a \"number\""));

    std::string bad_route_text = replaced(text, R"("equals": "staff"
        },
        "next")",
                                          R"("equals": "staf"
        },
        "next")");
    auto bad_route = issues_of(bad_route_text);
    int route_if_line = line_of(text, R"("equals": "staff"
        },
        "next")") - 2;
    CHECK(any_is(bad_route, "form.json:" + std::to_string(route_if_line) +
                                ": error: done: route 1: if: field \"safe_route\" has no option \"staf\""));

    auto no_phone_word = issues_of(replaced(text, "phone number is {phone}.", "phone number is here."));
    CHECK(any_contains(no_phone_word, "error: team: \"contact\" in \"en\" must say {phone}"));
    auto no_withdraw = issues_of(replaced(text, "\"withdraw\"", "\"withdrew\""));
    CHECK(any_contains(no_withdraw, "error: done: missing \"withdraw\""));
}

TEST_CASE("the default form and the fixture form parse into seven steps with English and Welsh labels") {
    for (const char* path : {"assets/content/form.json", "tests/fixtures/content/form.json"}) {
        form::FormParseResult r = form::parse_form(read_source(path));
        INFO(path << ": " << r.error);
        REQUIRE(r.form);
        CHECK(r.form->steps.size() == 7);
        for (const auto& s : r.form->steps)
            for (const auto& f : s.fields) {
                CHECK_MESSAGE(f.label.by_lang.count("cy") == 1, f.id);
                for (const auto& o : f.options) CHECK_MESSAGE(o.label.by_lang.count("cy") == 1, (f.id + "/" + o.id));
            }
        const form::Field* needs = r.form->field("needs");
        REQUIRE(needs);
        std::vector<std::string> ids;
        for (const auto& o : needs->options) ids.push_back(o.id);
        CHECK(ids == std::vector<std::string>{"money-debt", "housing", "physical-health", "mental-health",
                                              "domestic-abuse", "drugs-alcohol", "feeling-alone", "visits-travel",
                                              "staying-in-touch", "parenting", "children", "release"});
        REQUIRE(r.form->field("safe_message"));
        REQUIRE(r.form->field("safe_message")->show_if);
        CHECK(r.form->field("safe_message")->show_if->field == "phone");
        CHECK(r.form->sensitive_consent == "consent_sensitive");
        CHECK(r.form->required_consent == "consent_contact");
    }
}

TEST_CASE("bad form JSON is refused with an error that names where and what, never a crash") {
    CHECK(form::parse_form("{not json").error.rfind("form.json:1: error: not valid JSON", 0) == 0);
    CHECK(form::parse_form("").error.rfind("form.json:1: error: not valid JSON", 0) == 0);
    CHECK(form::parse_form("[]").error.find("must be a JSON object") != std::string::npos);
    CHECK(form::parse_form(R"({"steps":[]})").error.find("version") != std::string::npos);
    auto bad_type = form::parse_form(
        R"({"version":"1","steps":[{"id":"a","title":"A","fields":[{"id":"x","type":"text","label":"X"}]},
            {"id":"contact","title":"C","fields":[{"id":"phone","type":"fone","label":"P"}]}]})");
    CHECK(bad_type.error.rfind("form.json:2: error: field \"phone\": unknown type \"fone\" (use one of text,", 0) == 0);
    auto no_options = form::parse_form(
        R"({"version":"1","steps":[{"id":"a","title":"A","fields":[{"id":"x","type":"choice","label":"X"}]}]})");
    CHECK(no_options.error.find("needs \"options\"") != std::string::npos);
    auto dangling = form::parse_form(
        R"({"version":"1","steps":[{"id":"a","title":"A","fields":[{"id":"x","type":"text","label":"X","show_if":{"field":"nope","not_empty":true}}]}]})");
    CHECK(dangling.error.find("unknown field \"nope\"") != std::string::npos);
    auto dup = form::parse_form(
        R"({"version":"1","steps":[{"id":"a","title":"A","fields":[{"id":"x","type":"text","label":"X"},{"id":"x","type":"text","label":"Y"}]}]})");
    CHECK(dup.error.find("duplicate field id") != std::string::npos);
    auto no_label =
        form::parse_form(R"({"version":"1","steps":[{"id":"a","title":"A","fields":[{"id":"x","type":"text"}]}]})");
    CHECK(no_label.error.find("label") != std::string::npos);
    auto wrong_types = form::parse_form(R"({"version":1,"steps":{"a":1}})");
    CHECK_FALSE(wrong_types.form);
    CHECK_FALSE(wrong_types.error.empty());
}

TEST_CASE("every field type is named once: the parser knows each type's name, and no other") {
    std::vector<std::string> names;
    for (form::FieldType t : form::field_types()) {
        names.push_back(form::to_string(t));
        CHECK(form::field_type_from_string(names.back()) == t);
    }
    CHECK(form::known_field_types() == "text, multiline, phone, email, postcode, date, choice, choices, yesno, note");
    CHECK_FALSE(form::field_type_from_string("fone"));
    // A form using each type parses: the list the builder accepts is the list the kiosk draws.
    std::string fields;
    for (const auto& n : names) {
        bool options = n == "choice" || n == "choices";
        fields += std::string(fields.empty() ? "" : ",") + R"({"id":"f_)" + n + R"(","type":")" + n +
                  R"(","label":"L")" + (options ? R"(,"options":[{"id":"a","label":"A"}])" : "") + "}";
    }
    auto r = form::parse_form(R"({"version":"1","steps":[{"id":"s","title":"S","fields":[)" + fields + "]}]}");
    INFO(r.error);
    REQUIRE(r.form);
    CHECK(r.form->steps[0].fields.size() == names.size());
    CHECK(r.form->field("f_yesno")->options.size() == 2);
}

TEST_CASE("a form.json with an unknown field type is refused by the one parser, the pack builder's and the kiosk's") {
    std::string bad = replaced(k_good_form, R"("type": "phone")", R"("type": "fone")");
    auto r = form::parse_form(bad);
    CHECK_FALSE(r.form);
    CHECK(r.error.rfind("form.json:10: error: field \"phone\": unknown type \"fone\" (use one of text, multiline,",
                        0) == 0);
    // The builder: read_sources keeps no form, with the same message.
    lantern::test::TempDir dir;
    lantern::test::write_sample_sources(dir);
    dir.write_file("form.json", bad);
    Sources s = read_sources(dir.path());
    CHECK(any_contains(s.issues, "form.json:10: error: field \"phone\": unknown type \"fone\""));
    CHECK(s.form_json.empty());
    // The kiosk's pack check: a pack carrying that form (built, then altered) is never switched to.
    dir.write_file("form.json", k_good_form);
    Sources good = read_sources(dir.path());
    REQUIRE_FALSE(good.has_errors());
    auto pack = dir / "pack.sqlite";
    REQUIRE(write_pack(good, pack, {"1"}));
    CHECK(validate_pack_file(pack).empty());
    {
        SQLite::Database db(pack.string(), SQLite::OPEN_READWRITE);
        SQLite::Statement q(db, "UPDATE form SET json = ?1");
        q.bind(1, nlohmann::json::parse(bad).dump());
        REQUIRE(q.exec() == 1);
    }
    CHECK(validate_pack_file(pack).find("the pack's form does not parse: field \"phone\": unknown type \"fone\"") !=
          std::string::npos);
}
