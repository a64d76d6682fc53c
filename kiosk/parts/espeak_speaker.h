// The Speaker on espeak-ng: synthesis on a worker thread, played through pcaudiolib or handed to a callback.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "kiosk/parts/speaker.h"

namespace lantern::kiosk {

class EspeakSpeaker final : public Speaker {
   public:
    // Receives synthesised 16-bit mono samples instead of a sound device (tests, or a headless machine).
    // `utterance` counts up from 1 with each speak(). Called on the worker thread.
    using SampleSink = std::function<void(std::uint64_t utterance, const short* samples, int count)>;

    // With no sink the voice plays on the default sound device. Where there is none (Xvfb, CI) the speaker
    // says so once on stderr and stays unavailable; nothing fails and nothing waits.
    // `on_change` runs on the worker thread when the speaker becomes available (or not) and when a text has
    // been read to its end, so a sleeping frame loop can wake (glfwPostEmptyEvent) and redraw the button.
    explicit EspeakSpeaker(SampleSink sink = {}, std::function<void()> on_change = {});
    ~EspeakSpeaker() override;
    EspeakSpeaker(const EspeakSpeaker&) = delete;
    EspeakSpeaker& operator=(const EspeakSpeaker&) = delete;

    bool available() const override { return state_.load() == State::ready; }
    void speak(const std::string& text, const std::string& lang) override;
    void stop() override;
    bool poll_finished() override;
    void set_volume(int percent) override { volume_ = percent; }

    // Whether the worker is reading right now (tests); false once a stop has taken effect.
    bool busy() const { return busy_.load(); }
    // Blocks until the worker has tried to open the voice and device; for tests and a clear log line.
    bool wait_ready(double seconds) const;
    int sample_rate() const { return sample_rate_.load(); }

    // The espeak voice name for a kiosk language code: "en" -> "en-gb", "cy" -> "cy".
    static std::string voice_for(const std::string& lang);

   private:
    enum class State { starting, ready, failed };
    struct Request {
        std::string text, lang;
        std::uint64_t utterance = 0;
    };

    void run();
    bool open_device();
    void read(const Request& r);
    static int on_samples(short* wav, int count, void* events);

    SampleSink sink_;
    std::function<void()> on_change_;
    std::atomic<State> state_{State::starting};
    std::atomic<int> volume_{100};  // espeak's own scale: 100 is its normal loudness
    std::atomic<int> sample_rate_{0};
    std::atomic<bool> busy_{false};
    // The utterance that should be sounding now; anything else still being synthesised stops at its next chunk.
    std::atomic<std::uint64_t> current_{0};
    std::atomic<std::uint64_t> finished_{0};
    std::uint64_t reported_ = 0;  // UI thread only

    mutable std::mutex mutex_;
    mutable std::condition_variable wake_;
    std::optional<Request> pending_;
    std::uint64_t next_utterance_ = 0;
    bool quit_ = false;
    void* audio_ = nullptr;  // struct audio_object*, worker thread only
    bool audio_open_ = false;
    std::thread worker_;
};

}  // namespace lantern::kiosk
