// The voices behind read-aloud: espeak-ng (synchronous mode, its audio through our callback,
// never its own output) where it has a voice for the language, else a centre's recorded clips
// (docs/read-aloud.md: clips_dir/<language>/<message id>.wav, 16-bit mono PCM at 22050 Hz).
#include <espeak-ng/speak_lib.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "platform/log.hpp"
#include "platform/speech.hpp"

namespace meedoen::platform {

namespace {

constexpr int kWordsPerMinute = 145;  // a little slower than espeak-ng's 175: for those who read little

// [SECTION] WAV clips

// The samples of a 16-bit mono PCM WAV file at kSpeechSampleRate; "" or why it cannot be used.
std::string read_clip(const std::filesystem::path& path, std::vector<std::int16_t>& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "cannot be read";
  char riff[12];
  if (!in.read(riff, 12) || std::memcmp(riff, "RIFF", 4) != 0 || std::memcmp(riff + 8, "WAVE", 4) != 0)
    return "is not a WAV file";
  bool format_ok = false;
  for (;;) {
    char head[8];
    if (!in.read(head, 8)) return "has no data chunk";
    std::uint32_t size = 0;
    std::memcpy(&size, head + 4, 4);
    if (std::memcmp(head, "fmt ", 4) == 0) {
      char fmt[16] = {};
      if (size < 16 || !in.read(fmt, 16)) return "has a short fmt chunk";
      std::uint16_t tag = 0, channels = 0, bits = 0;
      std::uint32_t rate = 0;
      std::memcpy(&tag, fmt, 2);
      std::memcpy(&channels, fmt + 2, 2);
      std::memcpy(&rate, fmt + 4, 4);
      std::memcpy(&bits, fmt + 14, 2);
      if (tag != 1 || channels != 1 || bits != 16 || rate != kSpeechSampleRate)
        return "is not 16-bit mono PCM at 22050 Hz";
      format_ok = true;
      in.seekg(size - 16 + (size & 1), std::ios::cur);
    } else if (std::memcmp(head, "data", 4) == 0) {
      if (!format_ok) return "has its data before its fmt chunk";
      if (size > 60u * kSpeechSampleRate * 2) return "is longer than a minute";
      out.resize(size / 2);
      if (!in.read(reinterpret_cast<char*>(out.data()), static_cast<std::streamsize>(out.size() * 2)))
        return "is cut short";
      return "";
    } else {
      in.seekg(size + (size & 1), std::ios::cur);
    }
  }
}

// [SECTION] espeak-ng

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

// The espeak-ng voice name for a language code ("nl" -> "Dutch"), "" when there is none.
// An exact language first ("en"), else a dialect of it ("en-gb").
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

class Voices final : public Synthesiser {
 public:
  explicit Voices(std::string clips_dir) : m_clips_dir(std::move(clips_dir)) {}

  std::vector<std::string> start(const std::vector<std::string>& languages) override {
    // Once per process: espeak-ng keeps global state and does not come back after espeak_Terminate.
    static const bool started = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nullptr, 0) > 0;
    m_espeak = started;
    if (m_espeak) espeak_SetSynthCallback(on_audio);
    else log_line("read aloud: espeak-ng did not start (is espeak-ng-data installed?); recorded clips only");
    std::vector<std::string> found;
    for (const auto& lang : languages) {
      if (const std::string voice = m_espeak ? voice_for(lang) : ""; !voice.empty()) {
        m_voices[lang] = voice;
        found.push_back(lang);
      } else if (has_clips(lang)) {
        found.push_back(lang);
        log_line("read aloud in " + lang + ": recorded clips from " + m_clips_dir + "/" + lang);
      } else {
        log_line("read aloud: no voice for " + lang + " and no recorded clips in " + m_clips_dir + "/" + lang +
                 ": no speaker button in " + lang);
      }
    }
    return found;
  }

  bool speak(const ui::Spoken& what, const Sink& sink) override {
    const auto voice = m_voices.find(what.language);
    if (voice == m_voices.end()) return play_clips(what, sink);
    if (voice->second != m_current && espeak_SetVoiceByName(voice->second.c_str()) != EE_OK) return false;
    if (voice->second != m_current) espeak_SetParameter(espeakRATE, kWordsPerMinute, 0);
    m_current = voice->second;
    const std::string text = what.text();
    SynthContext ctx{&sink};
    const espeak_ERROR e =
        espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, &ctx);
    return e == EE_OK && !ctx.stopped;
  }

 private:
  bool has_clips(const std::string& lang) const {
    std::error_code ec;
    for (const auto& f : std::filesystem::directory_iterator(std::filesystem::path(m_clips_dir) / lang, ec))
      if (f.path().extension() == ".wav") return true;
    return false;
  }

  // One clip per part that has a message id; names and numbers have none (the screen shows them).
  bool play_clips(const ui::Spoken& what, const Sink& sink) {
    constexpr std::size_t kChunk = 1024;
    for (const auto& part : what.parts) {
      if (part.id.empty()) continue;
      const std::filesystem::path path = std::filesystem::path(m_clips_dir) / what.language / (part.id + ".wav");
      std::vector<std::int16_t> samples;
      const std::string error = std::filesystem::exists(path) ? read_clip(path, samples) : "";
      if (!error.empty() && m_reported.insert(path.string()).second)
        log_line("read aloud: " + path.string() + " " + error + " (docs/read-aloud.md)");
      for (std::size_t i = 0; i < samples.size(); i += kChunk)
        if (!sink(samples.data() + i, std::min(kChunk, samples.size() - i))) return false;
    }
    return true;
  }

  std::string m_clips_dir;
  bool m_espeak = false;
  std::map<std::string, std::string> m_voices;  // language -> espeak-ng voice name
  std::string m_current;
  std::set<std::string> m_reported;  // clips already logged as unusable
};

}  // namespace

std::unique_ptr<Synthesiser> make_voices(const std::string& clips_dir) { return std::make_unique<Voices>(clips_dir); }

}  // namespace meedoen::platform
