// meedoen-kiosk's espeak-ng: the module loaded by start(), on the speech thread (platform/espeak.hpp).
// Without it start() is false: Voices reads the recorded clips only, and espeak-ng's languages get
// no speaker button.
#include "platform/espeak.hpp"

namespace meedoen::platform::espeak {

namespace {

// Loaded by the first start(), on the speech thread; after that the loader's cached answer.
const EspeakTable* table() { return modules::load_table<EspeakTable>(kEspeakModule, nullptr); }

}  // namespace

bool start() {
  const EspeakTable* t = table();  // a failure is logged there, with the path and dlerror()
  return t && t->start();
}

std::string voice_for(const std::string& language) {
  const EspeakTable* t = table();
  std::string voice;
  if (!t || !t->voice_for(language, voice)) return "";
  return voice;
}

bool speak(const std::string& voice, const std::string& text, const Synthesiser::Sink& sink) {
  const EspeakTable* t = table();
  return t && t->speak(voice, text, sink);
}

}  // namespace meedoen::platform::espeak
