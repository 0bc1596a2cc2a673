// The voices behind read-aloud: espeak-ng (platform/espeak.hpp: in meedoen-kiosk a module loaded on
// the speech thread) where it has a voice for the language, else a centre's recorded clips
// (docs/read-aloud.md: clips_dir/<language>/<message id>.wav, 16-bit mono PCM at 22050 Hz).
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "platform/espeak.hpp"
#include "platform/log.hpp"
#include "platform/speech.hpp"

namespace meedoen::platform {

namespace {

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

class Voices final : public Synthesiser {
 public:
  explicit Voices(std::string clips_dir) : m_clips_dir(std::move(clips_dir)) {}

  std::vector<std::string> start(const std::vector<std::string>& languages) override {
    m_espeak = espeak::start();
    if (!m_espeak)
      log_line(
          "read aloud: espeak-ng did not start (is espeak-ng-data installed, and its module?); recorded clips only");
    std::vector<std::string> found;
    for (const auto& lang : languages) {
      if (const std::string voice = m_espeak ? espeak::voice_for(lang) : ""; !voice.empty()) {
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
    return espeak::speak(voice->second, what.text(), sink);
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
  std::set<std::string> m_reported;             // clips already logged as unusable
};

}  // namespace

std::unique_ptr<Synthesiser> make_voices(const std::string& clips_dir) { return std::make_unique<Voices>(clips_dir); }

}  // namespace meedoen::platform
