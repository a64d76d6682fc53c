// The attract screen's lantern and today's notices never overlap, whatever the number of notices.
#include <doctest/doctest.h>

#include "kiosk/ui/attract_layout.h"

using lantern::kiosk::ui::place_lantern;

TEST_CASE("the lantern keeps its place under one notice and moves down and shrinks under more") {
    const float top = 0, bottom = 1080, welcome_y = 0.46f * 1080, scale = 1, gap = 24;
    auto none = place_lantern(top, bottom, top, welcome_y, scale, gap);
    CHECK(none.size == 1.0f);
    CHECK(none.centre_y == doctest::Approx(0.28f * 1080));
    // One notice ends at about 130 px: the glow (radius 150 around 302) still clears it.
    CHECK(place_lantern(top, bottom, 130, welcome_y, scale, gap).size == 1.0f);
    // Two or three notices: the glow starts below them and ends above the welcome.
    for (float notices_bottom : {200.0f, 260.0f, 330.0f}) {
        auto p = place_lantern(top, bottom, notices_bottom, welcome_y, scale, gap);
        float radius = 150 * scale * p.size;
        CHECK(p.centre_y - radius >= notices_bottom - 0.01f);
        CHECK(p.centre_y + radius <= welcome_y - gap + 0.01f);
        CHECK(p.size < 1.0f);
    }
}
