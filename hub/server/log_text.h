// Makes untrusted text safe to print in the hub's log: one line, no control or terminal escape bytes.
#pragma once

#include <string>
#include <string_view>

namespace lantern::hub {

// Printable ASCII is kept; a backslash becomes "\\" and every other byte (CR, LF, ESC, DEL, any byte of
// 0x80 and above) "\xNN", so no request can forge a log line or drive the reader's terminal.
std::string escape_for_log(std::string_view text);

}  // namespace lantern::hub
