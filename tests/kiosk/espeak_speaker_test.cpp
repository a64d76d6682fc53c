// The espeak-ng speaker with its samples handed to the test instead of a sound device: real synthesis, no audio.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "kiosk/parts/espeak_speaker.h"

using namespace lantern::kiosk;
using Clock = std::chrono::steady_clock;

namespace {

// Counts samples per utterance, in the order chunks arrived; optionally paced like a real sound device.
struct Recorder {
    std::mutex mutex;
    std::vector<std::pair<std::uint64_t, int>> chunks;
    std::chrono::milliseconds pace{0};
    Clock::time_point last_chunk;
    std::map<std::uint64_t, int> peak;  // the loudest sample of each utterance

    EspeakSpeaker::SampleSink sink() {
        return [this](std::uint64_t utterance, const short* samples, int count) {
            bool sound = false;
            for (int i = 0; i < count && !sound; ++i) sound = samples[i] != 0;
            {
                std::lock_guard lock(mutex);
                if (sound || count > 0) chunks.emplace_back(utterance, count);
                for (int i = 0; i < count; ++i) peak[utterance] = std::max(peak[utterance], std::abs(int{samples[i]}));
                last_chunk = Clock::now();
            }
            if (pace.count() > 0) std::this_thread::sleep_for(pace);
        };
    }
    long samples(std::uint64_t utterance) {
        std::lock_guard lock(mutex);
        long n = 0;
        for (auto& [u, c] : chunks)
            if (u == utterance) n += c;
        return n;
    }
};

// Waits up to `seconds` for `done`, polling the speaker as the frame loop would.
template <class F>
bool wait_for(F done, double seconds) {
    auto until = Clock::now() + std::chrono::duration<double>(seconds);
    while (Clock::now() < until) {
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return done();
}

std::string long_text() {
    std::string text;
    for (int i = 0; i < 200; ++i) text += "This is a long page that a visitor may not want to hear to the end. ";
    return text;
}

}  // namespace

TEST_CASE("espeak-ng synthesises an English and a Welsh sentence and reports each finished") {
    Recorder rec;
    EspeakSpeaker speaker(rec.sink());
    REQUIRE(speaker.wait_ready(10));
    CHECK(speaker.sample_rate() > 8000);

    speaker.speak("Book your visit early.", "en");
    REQUIRE(wait_for([&] { return speaker.poll_finished(); }, 20));
    long english = rec.samples(1);
    // Half a second of speech at least: a sentence, not a click.
    CHECK(english > speaker.sample_rate() / 2);

    speaker.speak("Croeso i'r ganolfan ymwelwyr. Mae croeso i chi yma.", "cy");
    REQUIRE(wait_for([&] { return speaker.poll_finished(); }, 20));
    CHECK(rec.samples(2) > speaker.sample_rate() / 2);
    CHECK_FALSE(speaker.poll_finished());  // reported once
}

TEST_CASE("the English and Welsh voices exist") {
    CHECK(EspeakSpeaker::voice_for("en") == "en-gb");
    CHECK(EspeakSpeaker::voice_for("cy") == "cy");
}

TEST_CASE("stop interrupts a long text promptly and a stopped text never reports finished") {
    Recorder rec;
    rec.pace = std::chrono::milliseconds(20);  // about as fast as a device plays 60 ms chunks
    EspeakSpeaker speaker(rec.sink());
    REQUIRE(speaker.wait_ready(10));
    speaker.speak(long_text(), "en");
    REQUIRE(wait_for([&] { return rec.samples(1) > 0; }, 20));
    CHECK(speaker.busy());

    auto asked = Clock::now();
    speaker.stop();
    REQUIRE(wait_for([&] { return !speaker.busy(); }, 5));
    auto stopped_after = std::chrono::duration<double>(Clock::now() - asked).count();
    CHECK(stopped_after < 0.5);
    long heard = rec.samples(1);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    CHECK(rec.samples(1) == heard);  // nothing more after the stop
    // The whole text would be minutes of speech; only the start was made.
    CHECK(heard < speaker.sample_rate() * 60);
    CHECK_FALSE(speaker.poll_finished());
}

TEST_CASE("speaking again stops the first text: never two voices at once") {
    Recorder rec;
    rec.pace = std::chrono::milliseconds(20);
    EspeakSpeaker speaker(rec.sink());
    REQUIRE(speaker.wait_ready(10));
    speaker.speak(long_text(), "en");
    REQUIRE(wait_for([&] { return rec.samples(1) > 0; }, 20));
    speaker.speak("Short and done.", "en");
    REQUIRE(wait_for([&] { return speaker.poll_finished(); }, 20));
    CHECK(rec.samples(2) > 0);
    std::lock_guard lock(rec.mutex);
    bool second_started = false;
    for (auto& [u, c] : rec.chunks) {
        if (u == 2) second_started = true;
        if (second_started) CHECK(u == 2);  // once the second voice began, the first never sounded again
    }
}

TEST_CASE("a speaker destroyed mid-text stops at once") {
    Recorder rec;
    rec.pace = std::chrono::milliseconds(20);
    auto speaker = std::make_unique<EspeakSpeaker>(rec.sink());
    REQUIRE(speaker->wait_ready(10));
    speaker->speak(long_text(), "en");
    REQUIRE(wait_for([&] { return rec.samples(1) > 0; }, 20));
    auto start = Clock::now();
    speaker.reset();
    CHECK(std::chrono::duration<double>(Clock::now() - start).count() < 0.5);
}

TEST_CASE("the read-aloud volume staff set makes the voice quieter, from the next text on") {
    Recorder rec;
    EspeakSpeaker speaker(rec.sink());
    REQUIRE(speaker.wait_ready(10));
    speaker.speak("Book your visit early.", "en");
    REQUIRE(wait_for([&] { return speaker.poll_finished(); }, 20));
    speaker.set_volume(30);
    speaker.speak("Book your visit early.", "en");
    REQUIRE(wait_for([&] { return speaker.poll_finished(); }, 20));
    std::lock_guard lock(rec.mutex);
    INFO("peaks: " << rec.peak[1] << " then " << rec.peak[2]);
    CHECK(rec.peak[1] > 1000);
    // The same words at 30%: clearly quieter, yet still sound.
    CHECK(rec.peak[2] < rec.peak[1] * 6 / 10);
    CHECK(rec.peak[2] > 0);
}
