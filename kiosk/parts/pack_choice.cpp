// Falls back from a pack that fails its check to the last good one, then to the shipped one.
#include "kiosk/parts/pack_choice.h"

#include "content/pack_check.h"

namespace lantern::kiosk {

PackChoice open_first_good_pack(const std::vector<PackCandidate>& candidates) {
    PackChoice choice;
    for (const auto& c : candidates) {
        if (c.path.empty()) continue;
        std::string why = content::validate_pack_file(c.path);
        if (why.empty()) {
            try {
                choice.pack = std::make_shared<content::PackReader>(c.path.string());
            } catch (const std::exception& e) {
                why = e.what();
            }
        }
        if (choice.pack) {
            if (!choice.fault.empty()) choice.fault += "; showing " + c.label + " instead";
            return choice;
        }
        if (!choice.fault.empty()) choice.fault += "; ";
        choice.fault += c.label + " cannot be used: " + why;
    }
    if (!choice.fault.empty()) choice.fault += "; no content can be shown";
    return choice;
}

}  // namespace lantern::kiosk
