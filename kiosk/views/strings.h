// Every word of the kiosk's own (not from the content pack), per language, with English as fallback.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace lantern::kiosk {

// Returns the text for `key` in `lang`, else English, else the key itself (so a gap is visible, never blank).
const std::string& tr(std::string_view key, std::string_view lang);

// Words from the content pack's strings.yaml (key -> lang -> text), used before the kiosk's own: a language
// the kiosk was not built with needs content only. Set whenever a pack is opened; empty clears them.
void set_content_strings(std::map<std::string, std::map<std::string, std::string>> strings);

// The name of a language in that language ("English", "Cymraeg"), for the language switch.
std::string language_name(std::string_view lang);

// The same words joined by no-break spaces, so wrapping never splits them: a phone number read off the
// screen must not start on one line and end on the next ("0800 / 5999 247").
std::string keep_together(std::string_view words);

}  // namespace lantern::kiosk
