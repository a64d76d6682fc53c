// form.json's structure: steps, fields, types, labels, options and show_if, with errors naming the field.
#include <doctest/doctest.h>

#include <algorithm>

#include "content/form_schema.h"
#include "tests/content/sample_sources.h"

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

TEST_CASE("a well-formed form has no issues") { CHECK(texts(validate_form_json(k_good_form)).empty()); }

TEST_CASE("an unknown field type is an error naming the field, its line and the type") {
    auto issues = validate_form_json(replaced(k_good_form, R"("type": "phone")", R"("type": "fone")"));
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].to_string().rfind("form.json:10: error: field \"phone\": unknown type \"fone\"", 0) == 0);
}

TEST_CASE("missing ids and labels are errors") {
    auto no_label = validate_form_json(replaced(k_good_form, R"("label": {"en": "Phone number"},)", ""));
    CHECK(any_contains(no_label, "field \"phone\": missing \"label\""));
    auto no_english = validate_form_json(replaced(k_good_form, R"({"en": "Phone number"})", R"({"cy": "Rhif ffôn"})"));
    CHECK(any_contains(no_english, "field \"phone\": \"label\" has no English"));
    auto no_id = validate_form_json(replaced(k_good_form, R"("id": "more", )", ""));
    CHECK(any_contains(no_id, "step \"needs\", field 2: missing \"id\""));
    auto no_step_title = validate_form_json(replaced(k_good_form, R"("title": {"en": "What would help"},)", ""));
    CHECK(any_contains(no_step_title, "step \"needs\": missing \"title\""));
    auto no_option_label = validate_form_json(replaced(k_good_form, R"("label": {"en": "Email"})", R"("x": 1)"));
    CHECK(any_contains(no_option_label, "field \"how\", option \"email\": missing \"label\""));
}

TEST_CASE("duplicate field ids are an error at the second one") {
    auto issues = validate_form_json(replaced(k_good_form, R"("id": "more")", R"("id": "how")"));
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].to_string().rfind("form.json:23: error: field \"how\": duplicate field id", 0) == 0);
}

TEST_CASE("show_if naming an unknown field, or an option the field lacks, is an error") {
    auto unknown = validate_form_json(replaced(k_good_form, R"({"field": "how")", R"({"field": "hwo")"));
    CHECK(any_is(unknown, "form.json:10: error: field \"phone\": show_if names unknown field \"hwo\""));
    auto option = validate_form_json(replaced(k_good_form, R"("equals": "phone")", R"("equals": "pigeon")"));
    CHECK(any_contains(option, "field \"phone\": show_if: field \"how\" has no option \"pigeon\""));
    auto both =
        validate_form_json(replaced(k_good_form, R"("not_empty": true)", R"("not_empty": true, "equals": "x")"));
    CHECK(any_contains(both, "needs exactly one of \"equals\" or \"not_empty\""));
}

TEST_CASE("a choice field needs options, and text that is not a form object is refused") {
    auto no_options = validate_form_json(
        replaced(k_good_form, R"("options": [{"id": "money", "label": {"en": "Money and debt"}}])", R"("x": 0)"));
    CHECK(any_contains(no_options, "field \"needs\": a choices field needs \"options\""));
    CHECK(any_contains(validate_form_json("[1, 2]"), "form.json:1: error: must be a JSON object"));
    CHECK(any_contains(validate_form_json("{\"version\": \"1\",\n \"steps\": [\n}"),
                       "form.json:3: error: not valid JSON"));
    CHECK(any_contains(validate_form_json(R"({"steps": []})"), "needs a \"version\" string"));
    CHECK(any_contains(validate_form_json(R"({"version": "1"})"), "needs a non-empty \"steps\" list"));
    CHECK_FALSE(validate_form_json("").empty());
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
