// espeak-ng behind read aloud (platform/speech_voices.cpp's Voices), on the speech thread only.
// A module (meedoen-espeak.so) that meedoen-kiosk loads on first use, on the speech thread after the
// first frame (modules/loader.hpp); the tests and benchmarks link it directly. Without the module
// read aloud is off for espeak-ng's languages and the recorded clips still play.
#pragma once
#include <string>

#include "modules/loader.hpp"
#include "platform/speech.hpp"

namespace meedoen::platform::espeak {

// Starts espeak-ng (once per process: synchronous, its audio through sink, never its own output);
// false when it cannot (no module, no espeak-ng-data).
bool start();
// The espeak-ng voice for a language code ("nl" -> "Dutch"): an exact language first ("en"), else a
// dialect of it ("en-gb"); "" when there is none.
std::string voice_for(const std::string& language);
// Says text (UTF-8) with voice at read aloud's rate, the audio to sink chunk by chunk; false when it
// failed or sink stopped it.
bool speak(const std::string& voice, const std::string& text, const Synthesiser::Sink& sink);

// The module's table; nothing throws across it.
struct EspeakTable {
  modules::ModuleHead head;
  bool (*start)();
  bool (*voice_for)(const std::string& language, std::string& voice);
  bool (*speak)(const std::string& voice, const std::string& text, const Synthesiser::Sink& sink);
};

// Bump the last number when EspeakTable or a type it passes changes.
inline constexpr modules::ModuleSpec kEspeakModule{"meedoen-espeak.so", "meedoen_espeak_module", 1};

}  // namespace meedoen::platform::espeak
