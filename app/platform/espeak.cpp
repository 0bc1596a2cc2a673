// espeak-ng itself (platform/espeak.hpp): synchronous mode, the audio through our callback.
#include "platform/espeak.hpp"

#include <espeak-ng/speak_lib.h>

#include <cstring>

namespace meedoen::platform::espeak {

namespace {

constexpr int kWordsPerMinute = 145;  // a little slower than espeak-ng's 175: for those who read little

struct SynthContext {
  const Synthesiser::Sink* sink;
  bool stopped = false;
};

int on_audio(short* wav, int count, espeak_EVENT* events) {
  auto* ctx = events ? static_cast<SynthContext*>(events->user_data) : nullptr;
  if (!ctx) return 0;
  if (!ctx->stopped && wav && count > 0) ctx->stopped = !(*ctx->sink)(wav, static_cast<std::size_t>(count));
  return ctx->stopped ? 1 : 0;  // 1 tells espeak-ng to abandon the text
}

}  // namespace

bool start() {
  // Once per process: espeak-ng keeps global state and does not come back after espeak_Terminate.
  static const bool started = [] {
    if (espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nullptr, 0) <= 0) return false;
    espeak_SetSynthCallback(on_audio);
    return true;
  }();
  return started;
}

std::string voice_for(const std::string& language) {
  const espeak_VOICE** voices = espeak_ListVoices(nullptr);
  for (const bool exact : {true, false})
    for (const espeak_VOICE** v = voices; v && *v; ++v) {
      // languages: a priority byte, a name, a zero byte ... and a final zero byte.
      for (const char* l = (*v)->languages; l && *l; l += std::strlen(l + 1) + 2) {
        const std::string name = l + 1;
        if (exact ? name == language : name.rfind(language + "-", 0) == 0) return (*v)->name;
      }
    }
  return "";
}

bool speak(const std::string& voice, const std::string& text, const Synthesiser::Sink& sink) {
  static std::string current;  // the speech thread's voice; espeak-ng's state is the process's
  if (voice != current) {
    if (espeak_SetVoiceByName(voice.c_str()) != EE_OK) return false;
    espeak_SetParameter(espeakRATE, kWordsPerMinute, 0);
    current = voice;
  }
  SynthContext ctx{&sink};
  const espeak_ERROR e =
      espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, &ctx);
  return e == EE_OK && !ctx.stopped;
}

}  // namespace meedoen::platform::espeak
