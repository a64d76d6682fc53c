// Each step runs over a few frames: a tap is hover, press and release on separate frames, as a finger is.
#define GLFW_INCLUDE_NONE
#include "kiosk/ui/script_player.h"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <cfloat>
#include <cmath>

namespace lantern::kiosk::ui {
namespace {

constexpr int k_settle_frames = 3;
constexpr int k_find_retry_frames = 30;
constexpr int k_drag_frames = 12;
constexpr int k_hold_frames = 8;  // a finger held still this long has no speed left (TouchScroll halves it each frame)

std::string tappable_labels(const HitRegistry& hits) {
    std::string out;
    for (const auto& e : hits.last_frame())
        if (e.tappable) out += (out.empty() ? "\"" : ", \"") + e.label + "\"";
    return out;
}

int key_code(const std::string& name) {
    if (name == "Enter") return GLFW_KEY_ENTER;
    if (name == "Backspace") return GLFW_KEY_BACKSPACE;
    if (name == "Escape") return GLFW_KEY_ESCAPE;
    if (name == "Tab") return GLFW_KEY_TAB;
    return -1;
}

// Empty when the element is at least `px` wide and high; otherwise says which and how big it is.
std::string too_small(const HitElement& e, float px) {
    float w = e.max.x - e.min.x, h = e.max.y - e.min.y;
    if (w + 0.5f >= px && h + 0.5f >= px) return "";
    return "\"" + e.label + "\" is " + std::to_string(static_cast<int>(w)) + "x" + std::to_string(static_cast<int>(h)) +
           " px, under " + std::to_string(static_cast<int>(px));
}

}  // namespace

ScriptPlayer::ScriptPlayer(std::vector<ScriptStep> steps) : steps_(std::move(steps)) {
    // Let the first screen draw before anything happens.
    settle_ = k_settle_frames;
}

void ScriptPlayer::next_step() {
    ++index_;
    phase_ = 0;
    settle_ = k_settle_frames;
    if (index_ >= steps_.size()) finished_ = true;
}

void ScriptPlayer::fail(const std::string& message) {
    error_ = "script line " + std::to_string(step() ? step()->line : 0) + ": " + message;
    finished_ = true;
}

void ScriptPlayer::feed_input(ImGuiIO& io, const HitRegistry& hits, double& clock_offset) {
    // The script owns the pointer: whatever the real cursor does under Xvfb is ignored.
    auto apply_pointer = [&] {
        if (real_.move) {
            // The backend reads the pointer from GLFW; only changes are sent, as a finger moves.
            if (pointer_present_ && (x_ != sent_x_ || y_ != sent_y_)) {
                real_.move(x_, y_);
                sent_x_ = x_, sent_y_ = y_;
            }
            if (down_ != sent_down_) {
                real_.button(down_);
                sent_down_ = down_;
            }
            return;
        }
        io.MousePos = pointer_present_ ? ImVec2(x_, y_) : ImVec2(-FLT_MAX, -FLT_MAX);
        io.MouseDown[0] = down_;
    };
    for (bool& k : io.KeysDown) k = false;
    if (finished_ || steps_.empty()) {
        finished_ = true;
        apply_pointer();
        return;
    }
    if (settle_ > 0) {
        --settle_;
        apply_pointer();
        return;
    }
    const ScriptStep& s = *step();
    using K = ScriptStep::Kind;
    switch (s.kind) {
        case K::tap:
        case K::drag:
        case K::flick: {
            if (phase_ == 0) {
                auto el = hits.find_tappable(s.text, io.DisplaySize);
                if (!el) {
                    // The screen may still be changing: look again for a while before giving up.
                    if (++retries_ > k_find_retry_frames)
                        fail("nothing to tap labelled \"" + s.text + "\"; on screen: " + tappable_labels(hits));
                    apply_pointer();
                    return;
                }
                retries_ = 0;
                x_ = (el->min.x + el->max.x) / 2;
                y_ = (el->min.y + el->max.y) / 2;
                if (real_.move) x_ = std::floor(x_), y_ = std::floor(y_);  // a real pointer is on a whole pixel
                phase_ = 1;  // hover first, as a real pointer would arrive
                pointer_present_ = true;
            } else if (phase_ == 1) {
                if (real_.move && (std::fabs(io.MousePos.x - x_) > 0.5f || std::fabs(io.MousePos.y - y_) > 0.5f)) {
                    // The events may take a frame or two to arrive; a pointer that never lands is a failure.
                    if (++retries_ > k_find_retry_frames)
                        fail("the finger went to " + std::to_string(x_) + "," + std::to_string(y_) +
                             " but the kiosk saw the pointer at " + std::to_string(io.MousePos.x) + "," +
                             std::to_string(io.MousePos.y));
                    apply_pointer();
                    return;
                }
                retries_ = 0;
                down_ = true;
                phase_ = 2;
            } else if ((s.kind == K::drag || s.kind == K::flick) && phase_ < 2 + k_drag_frames) {
                x_ += static_cast<float>(s.x) / k_drag_frames;
                y_ += static_cast<float>(s.y) / k_drag_frames;
                ++phase_;
            } else if (s.kind == K::drag && phase_ < 2 + k_drag_frames + k_hold_frames) {
                ++phase_;
            } else if (down_) {
                down_ = false;
                ++phase_;
            } else {
                // One frame after the release the finger is gone, so nothing stays hovered (imgui #1470).
                pointer_present_ = false;
                apply_pointer();
                next_step();
                return;
            }
            apply_pointer();
            return;
        }
        case K::press:
            x_ = static_cast<float>(s.x);
            y_ = static_cast<float>(s.y);
            down_ = true;
            pointer_present_ = true;
            apply_pointer();
            next_step();
            return;
        case K::release:
            down_ = false;
            pointer_present_ = false;
            apply_pointer();
            next_step();
            return;
        case K::type:
            io.AddInputCharactersUTF8(s.text.c_str());
            apply_pointer();
            next_step();
            return;
        case K::key: {
            int code = key_code(s.text);
            if (code < 0) return fail("unknown key \"" + s.text + "\"");
            io.KeysDown[code] = true;
            apply_pointer();
            next_step();
            return;
        }
        case K::wait:
            apply_pointer();
            if (phase_++ >= static_cast<int>(s.x)) next_step();
            return;
        case K::advance:
            clock_offset += s.x;
            apply_pointer();
            next_step();
            return;
        case K::screenshot:
        case K::expect:
        case K::expect_not:
        case K::expect_whole:
        case K::expect_label_whole:
        case K::expect_min_size:
        case K::expect_all_min_size:
        case K::expect_text_fits:
        case K::expect_apart:
        case K::expect_no_overlap: apply_pointer(); return;  // done in after_render, on this frame's pixels
    }
}

void ScriptPlayer::after_render(const HitRegistry& hits,
                                const std::function<bool(const std::string&, std::string&)>& screenshot) {
    if (finished_ || settle_ > 0 || !step()) return;
    const ScriptStep& s = *step();
    ImVec2 screen = ImGui::GetIO().DisplaySize;
    switch (s.kind) {
        case ScriptStep::Kind::screenshot: {
            std::string err;
            if (!screenshot(s.text, err)) return fail(err);
            next_step();
            break;
        }
        case ScriptStep::Kind::expect:
            if (!hits.shows(s.text, screen)) return fail("expected to see \"" + s.text + "\" but it is not on screen");
            next_step();
            break;
        case ScriptStep::Kind::expect_not:
            if (hits.shows(s.text, screen)) return fail("\"" + s.text + "\" is on screen but should not be");
            next_step();
            break;
        case ScriptStep::Kind::expect_whole:
            if (!hits.shows_whole(s.text, screen)) {
                if (hits.shows(s.text, screen)) return fail("\"" + s.text + "\" is on screen only in part");
                return fail("expected to see \"" + s.text + "\" whole but it is not on screen");
            }
            next_step();
            break;
        case ScriptStep::Kind::expect_label_whole: {
            auto words = hits.find_words_of(s.text, screen);
            if (!words) return fail("no button labelled \"" + s.text + "\" on screen");
            if (words->squeezed) return fail("the label \"" + s.text + "\" is shrunk or broken to fit its button");
            next_step();
            break;
        }
        case ScriptStep::Kind::expect_min_size: {
            auto el = hits.find_tappable(s.text, screen);
            if (!el) return fail("nothing to measure labelled \"" + s.text + "\"");
            std::string small = too_small(*el, static_cast<float>(s.x));
            if (!small.empty()) return fail(small);
            next_step();
            break;
        }
        case ScriptStep::Kind::expect_all_min_size: {
            std::string small;
            // A button partly scrolled out of its region is measured where it is whole, not as the sliver
            // left showing: the visitor scrolls to it (expect_whole checks what must be whole).
            for (const auto& e : hits.last_frame())
                if (e.tappable && !e.cut && e.max.x > 0 && e.max.y > 0 && e.min.x < screen.x && e.min.y < screen.y) {
                    std::string one = too_small(e, static_cast<float>(s.x));
                    if (!one.empty()) small += (small.empty() ? "" : "; ") + one;
                }
            if (!small.empty()) return fail(small);
            next_step();
            break;
        }
        case ScriptStep::Kind::expect_apart: {
            auto target = hits.find_tappable(s.other, screen);
            if (!target) return fail("nothing to measure labelled \"" + s.other + "\"");
            if (!hits.shows(s.text, screen)) return fail("expected to see \"" + s.text + "\" but it is not on screen");
            std::string clash = overlapping(hits.last_frame(), s.text, *target);
            if (!clash.empty()) return fail(clash);
            next_step();
            break;
        }
        case ScriptStep::Kind::expect_no_overlap: {
            std::string clash = overlapping_tappables(hits.last_frame(), screen);
            if (!clash.empty()) return fail(clash);
            next_step();
            break;
        }
        case ScriptStep::Kind::expect_text_fits: {
            std::string bad = text_that_does_not_fit(hits.last_frame(), screen);
            if (!bad.empty()) return fail(bad);
            next_step();
            break;
        }
        default: break;
    }
}

}  // namespace lantern::kiosk::ui
