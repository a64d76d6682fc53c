// Read-aloud behind a small interface, so the App's rules (one voice, stop on every exit) test without sound.
#pragma once

#include <string>

namespace lantern::kiosk {

// Reads one text at a time. Every call returns at once: the voice lives on its own thread, never a frame's.
class Speaker {
   public:
    virtual ~Speaker() = default;
    // Whether this kiosk can speak at all (a voice and a sound device); false hides the Read aloud button.
    virtual bool available() const = 0;
    // Starts reading `text` in `lang` ("en", "cy", ...), first stopping whatever was being read.
    virtual void speak(const std::string& text, const std::string& lang) = 0;
    // Stops reading; a stopped text never reports finished.
    virtual void stop() = 0;
    // True once when the text last given to speak() has been read to its end (or could not be read at all),
    // so the screen can turn "Stop reading" back into "Read aloud".
    virtual bool poll_finished() = 0;
    // Loudness from now on, in percent of the voice's normal (staff settings: 10 to 100).
    virtual void set_volume(int percent) = 0;
};

}  // namespace lantern::kiosk
