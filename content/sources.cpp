// Parses and validates a content source folder into typed values, collecting every problem with file:line.
#include "content/sources.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "content/form_model.h"
#include "content/lint.h"
#include "content/service_fields.h"
#include "content/translation.h"
#include "content/utf8.h"

namespace fs = std::filesystem;

namespace lantern::content {

std::string SourceIssue::to_string() const {
    std::string out = file;
    if (line > 0) out += ":" + std::to_string(line);
    out += severity == Severity::error ? ": error: " : ": warning: ";
    out += message;
    return out;
}

bool Sources::has_errors() const {
    return std::any_of(issues.begin(), issues.end(),
                       [](const SourceIssue& i) { return i.severity == SourceIssue::Severity::error; });
}

namespace {

struct Reader {
    Sources& out;
    void error(const std::string& file, int line, const std::string& msg) {
        out.issues.push_back({SourceIssue::Severity::error, file, line, msg});
    }
    void warning(const std::string& file, int line, const std::string& msg) {
        out.issues.push_back({SourceIssue::Severity::warning, file, line, msg});
    }

    std::string rel(const fs::path& p) const { return fs::relative(p, out.root).generic_string(); }

    std::optional<std::string> read_text(const fs::path& p) {
        std::ifstream in(p, std::ios::binary);
        if (!in) {
            error(rel(p), 0, "cannot read the file");
            return std::nullopt;
        }
        std::stringstream ss;
        ss << in.rdbuf();
        std::string text = ss.str();
        if (auto bad = first_invalid_utf8(text)) {
            int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(*bad), '\n'));
            error(rel(p), line, "invalid UTF-8 (save the file as UTF-8)");
            return std::nullopt;
        }
        return text;
    }

    std::vector<Audience> audiences(const YAML::Node& node, const std::string& file, int line) {
        std::vector<Audience> result;
        if (!node || !(node.IsSequence() || node.IsScalar())) {
            error(file, line, "\"audience\" must be a list of: adult, teen, child, little");
            return result;
        }
        std::vector<std::string> names;
        if (node.IsScalar()) names.push_back(node.as<std::string>());
        else
            for (const auto& n : node) names.push_back(n.IsScalar() ? n.as<std::string>() : std::string("?"));
        for (const auto& name : names) {
            if (auto a = audience_from_string(name)) result.push_back(*a);
            else error(file, line, "unknown audience \"" + name + "\" (use adult, teen, child or little)");
        }
        if (result.empty() && names.empty()) error(file, line, "\"audience\" is empty");
        return result;
    }

    void read_topics() {
        fs::path p = out.root / "topics.yaml";
        if (!fs::exists(p)) {
            error("topics.yaml", 0, "missing: every pack needs topics.yaml");
            return;
        }
        auto text = read_text(p);
        if (!text) return;
        YAML::Node doc;
        try {
            doc = YAML::Load(*text);
        } catch (const YAML::Exception& e) {
            error("topics.yaml", e.mark.line + 1, e.msg);
            return;
        }
        const YAML::Node list = doc["topics"];
        if (!list || !list.IsSequence()) {
            error("topics.yaml", 1, "expected a \"topics:\" list");
            return;
        }
        std::set<std::string> seen;
        for (const auto& t : list) {
            int line = t.Mark().line + 1;
            SourceTopic topic;
            if (!t.IsMap() || !t["id"] || !t["id"].IsScalar()) {
                error("topics.yaml", line, "each topic needs an \"id\"");
                continue;
            }
            topic.id = t["id"].as<std::string>();
            if (!seen.insert(topic.id).second) error("topics.yaml", line, "duplicate topic id \"" + topic.id + "\"");
            if (t["icon"]) topic.icon = t["icon"].as<std::string>("");
            topic.audiences = audiences(t["audience"] ? t["audience"] : t["audiences"], "topics.yaml", line);
            topic.adult_only = t["adult_only"] && t["adult_only"].as<bool>(false);
            const YAML::Node titles = t["title"];
            if (!titles || !titles.IsMap()) {
                error("topics.yaml", line,
                      "topic \"" + topic.id + "\" needs a title per language, e.g. title: {en: ...}");
                continue;
            }
            for (const auto& kv : titles)
                topic.titles.emplace_back(kv.first.as<std::string>(), kv.second.as<std::string>(""));
            if (std::none_of(topic.titles.begin(), topic.titles.end(), [](auto& p) { return p.first == "en"; }))
                error("topics.yaml", line, "topic \"" + topic.id + "\" has no English title");
            out.topics.push_back(std::move(topic));
        }
    }

    void read_page(const fs::path& p) {
        std::string file = rel(p);
        auto text = read_text(p);
        if (!text) return;
        // Front matter: a first line of "---", YAML, then a line of "---".
        if (text->rfind("---", 0) != 0) {
            error(file, 1, "missing front matter: the file must start with a line of ---");
            return;
        }
        size_t start = text->find('\n');
        size_t end = start == std::string::npos ? std::string::npos : text->find("\n---", start);
        if (end == std::string::npos) {
            error(file, 1, "front matter is not closed with a line of ---");
            return;
        }
        std::string yaml = text->substr(start + 1, end - start - 1);
        size_t body_start = text->find('\n', end + 4);
        SourcePage page;
        page.file = file;
        page.body = body_start == std::string::npos ? std::string() : text->substr(body_start + 1);
        page.body_line =
            1 + static_cast<int>(std::count(
                    text->begin(),
                    text->begin() + static_cast<long>(body_start == std::string::npos ? text->size() : body_start + 1),
                    '\n'));
        YAML::Node fm;
        try {
            fm = YAML::Load(yaml);
        } catch (const YAML::Exception& e) {
            error(file, e.mark.line + 2, "front matter: " + e.msg);
            return;
        }
        if (!fm.IsMap()) {
            error(file, 2, "front matter must be \"key: value\" lines");
            return;
        }
        auto line_of = [&](const char* key) { return fm[key] ? fm[key].Mark().line + 2 : 2; };
        for (const auto& kv : fm)
            if (kv.first.IsScalar()) page.key_lines[kv.first.Scalar()] = kv.first.Mark().line + 2;
        auto scalar = [&](const char* key, bool required) -> std::string {
            const YAML::Node n = fm[key];
            if (!n) {
                if (required) error(file, 2, std::string("front matter: \"") + key + "\" is missing");
                return {};
            }
            if (!n.IsScalar()) {
                error(file, line_of(key), std::string("front matter: \"") + key + "\" must be a single value");
                return {};
            }
            return n.as<std::string>();
        };
        page.id = scalar("id", true);
        page.lang = scalar("lang", true);
        page.title = scalar("title", true);
        page.summary = scalar("summary", false);
        page.topic = scalar("topic", true);
        page.reviewed = scalar("reviewed", true);
        page.icon = scalar("icon", false);
        page.image = scalar("image", false);
        page.translation = scalar("translation", false);
        page.english_hash = scalar("english_hash", false);
        std::string order = scalar("order", false);
        if (!order.empty()) {
            try {
                page.order = std::stoi(order);
            } catch (const std::exception&) {
                error(file, line_of("order"), "front matter: \"order\" must be a whole number");
            }
        }
        if (fm["audience"]) page.audiences = audiences(fm["audience"], file, line_of("audience"));
        else error(file, 2, "front matter: \"audience\" is missing");
        if (fm["sources"] && fm["sources"].IsSequence())
            for (const auto& s : fm["sources"]) page.sources.push_back(s.as<std::string>(""));
        if (!page.id.empty() && page.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos)
            error(file, line_of("id"), "id \"" + page.id + "\" may use only a-z, 0-9 and -");
        if (!page.lang.empty() && (page.lang.size() < 2 || page.lang.size() > 3 ||
                                   page.lang.find_first_not_of("abcdefghijklmnopqrstuvwxyz") != std::string::npos))
            error(file, line_of("lang"), "lang \"" + page.lang + "\" must be a language code such as en or cy");
        if (!page.reviewed.empty() &&
            (page.reviewed.size() != 10 || page.reviewed[4] != '-' || page.reviewed[7] != '-'))
            error(file, line_of("reviewed"), "reviewed \"" + page.reviewed + "\" must be a date like 2026-11-24");
        if (!page.translation.empty() && page.translation != k_translation_unreviewed &&
            page.translation != k_translation_reviewed)
            error(file, line_of("translation"),
                  "translation \"" + page.translation + "\" must be " + k_translation_unreviewed + " or " +
                      k_translation_reviewed);
        if (!page.english_hash.empty() &&
            (page.english_hash.size() != k_english_hash_length ||
             page.english_hash.find_first_not_of("0123456789abcdef") != std::string::npos))
            error(file, line_of("english_hash"),
                  "english_hash \"" + page.english_hash +
                      "\" must be 12 hex digits: `lantern content hash` prints the English page's");
        out.pages.push_back(std::move(page));
    }

    void read_pages() {
        fs::path dir = out.root / "pages";
        if (!fs::is_directory(dir)) {
            error("pages", 0, "missing: put one Markdown file per page per language under pages/");
            return;
        }
        std::vector<fs::path> files;
        for (const auto& e : fs::recursive_directory_iterator(dir))
            if (e.is_regular_file() && e.path().extension() == ".md") files.push_back(e.path());
        std::sort(files.begin(), files.end());
        for (const auto& f : files) {
            // One page's surprise (a YAML value of an odd type) must not stop the other pages' checks.
            try {
                read_page(f);
            } catch (const YAML::Exception& e) {
                error(rel(f), e.mark.line >= 0 ? e.mark.line + 2 : 0, "front matter: " + e.msg);
            } catch (const std::exception& e) {
                error(rel(f), 0, e.what());
            }
        }
    }

    void read_images() {
        fs::path dir = out.root / "images";
        if (!fs::is_directory(dir)) return;
        std::map<std::string, std::string> alts;
        fs::path alt_file = dir / "alt.yaml";
        if (fs::exists(alt_file)) {
            if (auto text = read_text(alt_file)) {
                try {
                    YAML::Node n = YAML::Load(*text);
                    if (n.IsMap())
                        for (const auto& kv : n) alts[kv.first.as<std::string>()] = kv.second.as<std::string>("");
                    else error("images/alt.yaml", 1, "expected \"file.png: alt text\" lines");
                } catch (const YAML::Exception& e) {
                    error("images/alt.yaml", e.mark.line + 1, e.msg);
                }
            }
        }
        std::vector<fs::path> files;
        for (const auto& e : fs::directory_iterator(dir))
            if (e.is_regular_file()) files.push_back(e.path());
        std::sort(files.begin(), files.end());
        for (const auto& f : files) {
            std::string ext = f.extension().string();
            std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
            if (ext == ".yaml") continue;
            std::string mime = ext == ".png" ? "image/png" : (ext == ".jpg" || ext == ".jpeg") ? "image/jpeg" : "";
            if (mime.empty()) {
                warning(rel(f), 0, "not a PNG or JPEG image; left out of the pack");
                continue;
            }
            std::ifstream in(f, std::ios::binary);
            std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            bool png = bytes.size() > 8 && bytes[0] == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G';
            bool jpg = bytes.size() > 3 && bytes[0] == 0xFF && bytes[1] == 0xD8;
            if ((mime == "image/png" && !png) || (mime == "image/jpeg" && !jpg)) {
                error(rel(f), 0, "the file is not a valid " + ext.substr(1) + " image");
                continue;
            }
            std::string name = f.filename().string();
            out.images.push_back({name, mime, alts.count(name) ? alts[name] : std::string(), std::move(bytes)});
        }
    }

    // The text of a source file that may be left out: nullopt when it is absent, or unreadable (an issue).
    std::optional<std::string> optional_text(const char* name) {
        fs::path p = out.root / name;
        if (!fs::exists(p)) return std::nullopt;
        return read_text(p);
    }

    void read_services() {
        out.services_json = "[]";
        auto text = optional_text("services.json");
        if (!text) return;
        nlohmann::json j;
        try {
            j = nlohmann::json::parse(*text);
        } catch (const nlohmann::json::parse_error& e) {
            int line = 1 + static_cast<int>(std::count(
                               text->begin(), text->begin() + static_cast<long>(std::min(e.byte, text->size())), '\n'));
            error("services.json", line, std::string("not valid JSON: ") + e.what());
            return;
        }
        if (!j.is_array()) {
            error("services.json", 1, "must be a JSON array of services");
            return;
        }
        std::set<std::string> ids;
        for (size_t i = 0; i < j.size(); ++i) {
            const auto& s = j[i];
            std::string where = "service " + std::to_string(i + 1);
            if (!s.is_object() || !s.contains("id") || !s["id"].is_string() || !s.contains("name")) {
                error("services.json", 0, where + ": needs at least \"id\" and \"name\"");
                continue;
            }
            for (const auto& problem : check_service_fields(s))
                error("services.json", 0, where + " (\"" + s["id"].get<std::string>() + "\"): " + problem);
            if (!ids.insert(s["id"].get<std::string>()).second)
                error("services.json", 0, where + ": duplicate id \"" + s["id"].get<std::string>() + "\"");
            if (s.contains("translations")) {
                // {"cy": {"description": "..."}}: the kiosk reads only strings from it, so anything else is a slip.
                bool ok = s["translations"].is_object();
                if (ok)
                    for (const auto& [lang, words] : s["translations"].items()) {
                        ok = ok && words.is_object();
                        if (ok)
                            for (const auto& [key, text] : words.items()) ok = ok && text.is_string();
                    }
                if (!ok)
                    error("services.json", 0,
                          where + " (\"" + s["id"].get<std::string>() +
                              "\"): \"translations\" must be {\"cy\": {\"description\": \"...\"}}: words by language");
            }
        }
        out.services_json = j.dump();
    }

    void read_form() {
        auto text = optional_text("form.json");
        if (!text) return;
        // The one form parser, the kiosk's own: a form it would refuse never reaches a pack.
        auto parsed = form::parse_form(*text);
        out.issues.insert(out.issues.end(), parsed.issues.begin(), parsed.issues.end());
        if (!parsed.form) return;
        out.form_version = parsed.form->version;
        out.form_json = nlohmann::json::parse(*text).dump();
    }

    void read_notices() {
        auto text = optional_text("notices.yaml");
        if (!text) return;
        try {
            YAML::Node n = YAML::Load(*text);
            for (const auto& item : n["notices"]) {
                SourceNotice notice{item["lang"].as<std::string>("en"), item["text"].as<std::string>(""), {}};
                // A notice meant for grown-ups only (say, a domestic-abuse drop-in) names its audience.
                if (item["audience"])
                    notice.audiences = audiences(item["audience"], "notices.yaml", item["audience"].Mark().line + 1);
                out.notices.push_back(std::move(notice));
            }
        } catch (const YAML::Exception& e) {
            error("notices.yaml", e.mark.line + 1, e.msg);
        }
    }

    void read_ui_strings() {
        auto text = optional_text("strings.yaml");
        if (!text) return;
        try {
            YAML::Node n = YAML::Load(*text);
            if (!n.IsMap()) return error("strings.yaml", 1, "must map each string's key to its words per language");
            for (const auto& entry : n) {
                int line = entry.first.Mark().line + 1;
                if (!entry.second.IsMap()) {
                    error("strings.yaml", line,
                          "\"" + entry.first.as<std::string>() + "\" must map languages to words");
                    continue;
                }
                for (const auto& words : entry.second) {
                    if (!words.second.IsScalar() || words.second.as<std::string>().empty()) {
                        error("strings.yaml", words.first.Mark().line + 1, "each language needs words");
                        continue;
                    }
                    out.ui_strings[entry.first.as<std::string>()][words.first.as<std::string>()] =
                        words.second.as<std::string>();
                }
            }
        } catch (const YAML::Exception& e) {
            error("strings.yaml", e.mark.line + 1, e.msg);
        }
    }

    // A map of language -> words, English required: {en: "Talk to someone", cy: "Siarad â rhywun"}.
    PerLanguage per_language(const YAML::Node& node, const std::string& what, int line) {
        PerLanguage out;
        if (!node || !node.IsMap()) {
            error("search.yaml", line, what + " must give words per language, e.g. {en: ..., cy: ...}");
            return out;
        }
        for (const auto& kv : node) {
            std::string words = kv.second.IsScalar() ? kv.second.as<std::string>() : std::string();
            if (words.empty()) error("search.yaml", kv.first.Mark().line + 1, what + ": each language needs words");
            else out[kv.first.as<std::string>()] = words;
        }
        if (!out.empty() && !out.count("en")) error("search.yaml", line, what + " has no English");
        return out;
    }

    std::vector<std::string> word_list(const YAML::Node& node, const std::string& what, int line) {
        std::vector<std::string> out;
        if (!node || !node.IsSequence() || node.size() == 0) {
            error("search.yaml", line, what + " must be a list, e.g. [bus, train]");
            return out;
        }
        for (const auto& w : node) {
            std::string word = w.IsScalar() ? w.as<std::string>() : std::string();
            if (word.find_first_not_of(" \t") == std::string::npos)
                error("search.yaml", w.Mark().line + 1, what + ": an empty or odd entry");
            else out.push_back(word);
        }
        return out;
    }

    void read_search() {
        auto text = optional_text("search.yaml");
        if (!text) return;
        YAML::Node doc;
        try {
            doc = YAML::Load(*text);
        } catch (const YAML::Exception& e) {
            return error("search.yaml", e.mark.line + 1, e.msg);
        }
        if (!doc.IsMap()) return error("search.yaml", 1, "expected helplines:, synonyms:, harm_words: and cards:");
        SearchSources& search = out.search;
        std::set<std::string> helpline_ids;
        if (const YAML::Node list = doc["helplines"]) {
            if (!list.IsMap()) error("search.yaml", list.Mark().line + 1, "helplines: must map an id to each helpline");
            else
                for (const auto& kv : list) {
                    int line = kv.first.Mark().line + 1;
                    SourceHelpline h;
                    h.id = kv.first.as<std::string>();
                    const YAML::Node& v = kv.second;
                    if (!v.IsMap()) {
                        error("search.yaml", line, "helpline \"" + h.id + "\" needs name: and number:");
                        continue;
                    }
                    h.name = per_language(v["name"], "helpline \"" + h.id + "\" name", line);
                    h.number = v["number"] && v["number"].IsScalar() ? v["number"].as<std::string>() : "";
                    if (h.number.empty() || h.number.find_first_not_of("0123456789 ") != std::string::npos)
                        error("search.yaml", line,
                              "helpline \"" + h.id + "\" needs a number: of digits and spaces, like \"0800 1111\"");
                    if (v["about"]) h.about = per_language(v["about"], "helpline \"" + h.id + "\" about", line);
                    helpline_ids.insert(h.id);
                    search.helplines.push_back(std::move(h));
                }
        }
        each_entry(doc, "synonyms",
                   "each synonym entry needs words: and pages:", [&](const YAML::Node& item, int line) {
                       search.synonyms.push_back(
                           {line, word_list(item["words"], "words", line), word_list(item["pages"], "pages", line)});
                   });
        each_entry(doc, "harm_words",
                   "each harm_words entry needs audience: and words:", [&](const YAML::Node& item, int line) {
                       search.harm_words.push_back({line, audiences(item["audience"], "search.yaml", line),
                                                    word_list(item["words"], "words", line)});
                   });
        each_entry(doc, "cards",
                   "each card needs show:, audience:, title: and text:", [&](const YAML::Node& item, int line) {
                       SourceSearchCard card;
                       card.line = line;
                       std::string show = item["show"] && item["show"].IsScalar() ? item["show"].as<std::string>() : "";
                       if (show == "harm") card.show = SourceSearchCard::Show::harm;
                       else if (show == "nothing_found") card.show = SourceSearchCard::Show::nothing_found;
                       else error("search.yaml", line, "card show: must be harm or nothing_found");
                       card.audiences = audiences(item["audience"], "search.yaml", line);
                       card.title = per_language(item["title"], "card title", line);
                       card.text = per_language(item["text"], "card text", line);
                       if (item["helplines"])
                           for (const auto& id : word_list(item["helplines"], "helplines", line)) {
                               if (!helpline_ids.count(id))
                                   error("search.yaml", line,
                                         "card names helpline \"" + id + "\", which is not under helplines:");
                               card.helplines.push_back(id);
                           }
                       if (item["page"]) card.page = item["page"].as<std::string>("");
                       card.find_local_help = item["find_local_help"] && item["find_local_help"].as<bool>(false);
                       search.cards.push_back(std::move(card));
                   });
    }

    // Each entry of search.yaml's list `key`, read by `read`; an entry that is not a map is an error saying
    // what one needs.
    template <class ReadEntry>
    void each_entry(const YAML::Node& doc, const char* key, const std::string& needs, ReadEntry read) {
        const YAML::Node list = doc[key];
        if (!list) return;
        if (!list.IsSequence())
            return error("search.yaml", list.Mark().line + 1, std::string(key) + ": must be a list");
        for (const auto& item : list) {
            int line = item.Mark().line + 1;
            if (!item.IsMap()) error("search.yaml", line, needs);
            else read(item, line);
        }
    }

    void cross_check() {
        std::set<std::string> topic_ids;
        for (const auto& t : out.topics) topic_ids.insert(t.id);
        std::map<std::pair<std::string, std::string>, std::string> seen;
        for (const auto& p : out.pages) {
            if (p.id.empty() || p.lang.empty()) continue;
            auto [it, inserted] = seen.emplace(std::make_pair(p.id, p.lang), p.file);
            if (!inserted)
                error(p.file, line_of(p, "id"),
                      "duplicate page id \"" + p.id + "\" in language \"" + p.lang + "\" (also in " + it->second + ")");
            if (!p.topic.empty() && !topic_ids.count(p.topic))
                error(p.file, line_of(p, "topic"), "topic \"" + p.topic + "\" is not in topics.yaml");
        }
        std::set<std::string> page_ids;
        for (const auto& p : out.pages) page_ids.insert(p.id);
        for (const auto& syn : out.search.synonyms)
            for (const auto& id : syn.pages)
                if (!page_ids.count(id))
                    error("search.yaml", syn.line, "synonyms lead to page \"" + id + "\", which does not exist");
        for (const auto& card : out.search.cards)
            if (!card.page.empty() && !page_ids.count(card.page))
                error("search.yaml", card.line, "card page \"" + card.page + "\" does not exist");
        // Links and images: one set of rules, shared with `lantern content lint`.
        auto refs = check_references(out);
        out.issues.insert(out.issues.end(), refs.begin(), refs.end());
    }

    static int line_of(const SourcePage& p, const std::string& key) {
        auto it = p.key_lines.find(key);
        return it == p.key_lines.end() ? 2 : it->second;
    }
};

}  // namespace

Sources read_sources(const fs::path& root) {
    Sources out;
    out.root = root;
    if (!fs::is_directory(root)) {
        out.issues.push_back({SourceIssue::Severity::error, root.string(), 0, "not a folder"});
        return out;
    }
    Reader r{out};
    // Bad input must become an issue, never a crash: each step is guarded on its own so one broken
    // file does not hide the problems of the others.
    auto guarded = [&](const char* file, auto step) {
        try {
            step();
        } catch (const YAML::Exception& e) {
            r.error(file, e.mark.line >= 0 ? e.mark.line + 1 : 0, e.msg);
        } catch (const std::exception& e) {
            r.error(file, 0, e.what());
        }
    };
    guarded("topics.yaml", [&] { r.read_topics(); });
    guarded("images", [&] { r.read_images(); });
    guarded("pages", [&] { r.read_pages(); });
    guarded("services.json", [&] { r.read_services(); });
    guarded("form.json", [&] { r.read_form(); });
    guarded("notices.yaml", [&] { r.read_notices(); });
    guarded("strings.yaml", [&] { r.read_ui_strings(); });
    guarded("search.yaml", [&] { r.read_search(); });
    guarded(".", [&] { r.cross_check(); });
    return out;
}

}  // namespace lantern::content
