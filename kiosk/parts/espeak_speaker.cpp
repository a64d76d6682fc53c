// Read-aloud on espeak-ng: one worker thread owns the voice, synthesises in small chunks and stops between them.
#include "kiosk/parts/espeak_speaker.h"

#include <alsa/error.h>

#include <espeak-ng/speak_lib.h>
#include <pcaudiolib/audio.h>

#include <chrono>
#include <iostream>

namespace lantern::kiosk {
namespace {

// espeak-ng keeps one voice per process, so every speaker shares it under this lock.
std::mutex g_espeak_mutex;
int g_sample_rate = 0;
bool g_espeak_tried = false;

// Chunks of this many milliseconds: the longest a stop waits for the voice to notice.
constexpr int k_chunk_ms = 60;

struct Utterance {
    EspeakSpeaker* speaker;
    std::uint64_t id;
};

audio_object* as_audio(void* p) { return static_cast<audio_object*>(p); }

}  // namespace

EspeakSpeaker::EspeakSpeaker(SampleSink sink, std::function<void()> on_change)
    : sink_(std::move(sink)), on_change_(std::move(on_change)) {
    worker_ = std::thread([this] { run(); });
}

EspeakSpeaker::~EspeakSpeaker() {
    {
        std::lock_guard lock(mutex_);
        quit_ = true;
        pending_.reset();
        current_ = 0;  // whatever is being read stops at its next chunk
    }
    wake_.notify_all();
    worker_.join();
    if (audio_) audio_object_destroy(as_audio(audio_));
}

std::string EspeakSpeaker::voice_for(const std::string& lang) {
    if (lang == "en") return "en-gb";
    return lang;
}

void EspeakSpeaker::speak(const std::string& text, const std::string& lang) {
    {
        std::lock_guard lock(mutex_);
        std::uint64_t id = ++next_utterance_;
        pending_ = Request{text, lang, id};
        current_ = id;  // the text being read, if any, is no longer current and stops
    }
    wake_.notify_all();
}

void EspeakSpeaker::stop() {
    std::lock_guard lock(mutex_);
    pending_.reset();
    current_ = 0;
}

bool EspeakSpeaker::poll_finished() {
    std::uint64_t done = finished_.load();
    if (done == 0 || done != current_.load() || done == reported_) return false;
    reported_ = done;
    return true;
}

bool EspeakSpeaker::wait_ready(double seconds) const {
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, std::chrono::duration<double>(seconds), [this] { return state_.load() != State::starting; });
    return state_.load() == State::ready;
}

namespace {
// ALSA prints its own lines to stderr when there is no sound card (every kiosk under Xvfb or in CI);
// the one line below says what matters, so its chatter is dropped.
void quiet_alsa(const char*, int, const char*, int, const char*, ...) {}
}  // namespace

bool EspeakSpeaker::open_device() {
    snd_lib_error_set_handler(quiet_alsa);
    // Only the reason goes to the log: never the words being read.
    if (!audio_) audio_ = create_audio_device_object(nullptr, "lantern-kiosk", "Read aloud");
    if (!audio_) {
        std::cerr << "lantern-kiosk: read-aloud off: no sound device\n";
        return false;
    }
    int err = audio_object_open(as_audio(audio_), AUDIO_OBJECT_FORMAT_S16LE, sample_rate_.load(), 1);
    if (err != 0) {
        std::cerr << "lantern-kiosk: read-aloud off: cannot open the sound device: "
                  << audio_object_strerror(as_audio(audio_), err) << "\n";
        return false;
    }
    audio_open_ = true;
    return true;
}

void EspeakSpeaker::run() {
    {
        std::lock_guard g(g_espeak_mutex);
        if (!g_espeak_tried) {
            g_espeak_tried = true;
            // DONT_EXIT: without it espeak-ng ends the whole process when its voice data is missing.
            g_sample_rate =
                espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, k_chunk_ms, nullptr, espeakINITIALIZE_DONT_EXIT);
        }
        sample_rate_ = g_sample_rate;
    }
    bool ok = sample_rate_.load() > 0;
    if (!ok) std::cerr << "lantern-kiosk: read-aloud off: espeak-ng could not start (voice data missing?)\n";
    if (ok && !sink_) {
        // Try the sound device once now, so a kiosk without one never shows a button that cannot work.
        ok = open_device();
        if (ok) {
            audio_object_close(as_audio(audio_));
            audio_open_ = false;
        }
    }
    {
        std::lock_guard lock(mutex_);
        state_ = ok ? State::ready : State::failed;
    }
    wake_.notify_all();
    if (on_change_) on_change_();

    for (;;) {
        Request r;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return quit_ || pending_; });
            if (quit_) return;
            r = std::move(*pending_);
            pending_.reset();
        }
        busy_ = true;
        if (ok) read(r);
        // A text that was read to its end, or could not be read at all, is finished; a stopped one is not.
        bool finished = current_.load() == r.utterance;
        if (finished) finished_ = r.utterance;
        busy_ = false;
        if (finished && on_change_) on_change_();
    }
}

void EspeakSpeaker::read(const Request& r) {
    std::lock_guard g(g_espeak_mutex);
    espeak_SetSynthCallback(
        [](short* wav, int count, espeak_EVENT* events) { return EspeakSpeaker::on_samples(wav, count, events); });
    std::string voice = voice_for(r.lang);
    // Voices are found by language ("en-gb", "cy"); their names ("English (Great Britain)") are for people.
    espeak_VOICE wanted{};
    wanted.languages = voice.c_str();
    if (espeak_SetVoiceByProperties(&wanted) != EE_OK) {
        std::cerr << "lantern-kiosk: read-aloud: no voice for language \"" << r.lang << "\"\n";
        return;
    }
    espeak_SetParameter(espeakRATE, 150, 0);  // a little slower than espeak's 175 words a minute
    espeak_SetParameter(espeakVOLUME, volume_.load(), 0);
    if (!sink_ && !open_device()) return;
    Utterance u{this, r.utterance};
    espeak_Synth(r.text.c_str(), r.text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, &u);
    if (audio_open_) {
        if (current_.load() == r.utterance) audio_object_drain(as_audio(audio_));
        else audio_object_flush(as_audio(audio_));  // stopped: drop what the device still holds
        audio_object_close(as_audio(audio_));
        audio_open_ = false;
    }
}

int EspeakSpeaker::on_samples(short* wav, int count, void* events) {
    auto* list = static_cast<espeak_EVENT*>(events);
    auto* u = static_cast<Utterance*>(list ? list->user_data : nullptr);
    if (!u) return 1;
    EspeakSpeaker* self = u->speaker;
    if (self->current_.load() != u->id) return 1;  // stopped, or another text asked for: stop at once
    if (wav && count > 0) {
        if (self->sink_) self->sink_(u->id, wav, count);
        else if (self->audio_open_) audio_object_write(as_audio(self->audio_), wav, static_cast<size_t>(count) * 2);
    }
    return self->current_.load() != u->id ? 1 : 0;
}

}  // namespace lantern::kiosk
