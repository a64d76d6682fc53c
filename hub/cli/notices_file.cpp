// Reads notices.yaml into JSON as it is written, then lets sync::parse_notices_document judge every field.
#include "hub/cli/notices_file.h"

#include <yaml-cpp/yaml.h>

#include "sync/encoding.h"

namespace lantern::hub {

namespace {

// Every scalar stays text (a date is "2026-12-01", not a number); the parser says what each field must be.
nlohmann::json to_json(const YAML::Node& node) {
    switch (node.Type()) {
        case YAML::NodeType::Sequence: {
            auto a = nlohmann::json::array();
            for (const auto& item : node) a.push_back(to_json(item));
            return a;
        }
        case YAML::NodeType::Map: {
            auto o = nlohmann::json::object();
            for (const auto& kv : node) o[kv.first.as<std::string>()] = to_json(kv.second);
            return o;
        }
        case YAML::NodeType::Scalar: return node.as<std::string>();
        default: return nullptr;
    }
}

}  // namespace

std::int64_t notices_version_now() {
    std::string digits;  // 2026-12-02T09:30:00Z as 20261202093000
    for (char c : sync::utc_now_iso())
        if (c >= '0' && c <= '9') digits += c;
    return std::stoll(digits);
}

Result<sync::NoticesDocument> read_notices_yaml(const std::string& text, std::int64_t default_version) {
    YAML::Node doc;
    try {
        doc = YAML::Load(text);
    } catch (const YAML::Exception& e) {
        return Error{"not valid YAML: " + e.msg + " (line " + std::to_string(e.mark.line + 1) + ")"};
    }
    if (!doc.IsMap()) return Error{"expected \"notices:\" (and optionally \"version:\") at the top"};
    nlohmann::json j = to_json(doc);
    if (!j.contains("notices")) return Error{"missing \"notices:\""};
    if (j["notices"].is_null()) j["notices"] = nlohmann::json::array();  // "notices:" with none: clears them all
    if (auto v = j.find("version"); v != j.end()) {
        const std::string s = v->is_string() ? v->get<std::string>() : "";
        if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != std::string::npos)
            return Error{"\"version\" must be a whole number"};
        *v = std::stoll(s);
    } else {
        j["version"] = default_version;
    }
    auto parsed = sync::parse_notices_document(j.dump());
    if (!parsed) return Error{parsed.error};
    return *parsed.value;
}

}  // namespace lantern::hub
