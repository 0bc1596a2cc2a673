// Where read-aloud goes: the default SDL audio device (SDL_QueueAudio; a kiosk without one, as
// under Xvfb, logs it once and goes on silently) and, for tests, a WAV file (--audio-out).
#include <SDL.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "platform/log.hpp"
#include "platform/speech.hpp"

namespace meedoen::platform {

namespace {

class SdlAudioOut final : public AudioOut {
 public:
  static std::unique_ptr<SdlAudioOut> open() {
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
      log_line(std::string("read aloud: no audio (") + SDL_GetError() + "); speech is prepared but not heard");
      return nullptr;
    }
    SDL_AudioSpec want{};
    want.freq = kSpeechSampleRate;
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = 1024;  // about 46 ms: short enough that the first word is heard at once
    const SDL_AudioDeviceID dev = SDL_OpenAudioDevice(nullptr, 0, &want, nullptr, 0);
    if (dev == 0) {
      log_line(std::string("read aloud: no audio device (") + SDL_GetError() + "); speech is prepared but not heard");
      SDL_QuitSubSystem(SDL_INIT_AUDIO);
      return nullptr;
    }
    SDL_PauseAudioDevice(dev, 0);
    return std::unique_ptr<SdlAudioOut>(new SdlAudioOut(dev));
  }
  ~SdlAudioOut() override {
    SDL_CloseAudioDevice(m_dev);
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
  }
  void play(const std::int16_t* samples, std::size_t count) override {
    SDL_QueueAudio(m_dev, samples, static_cast<Uint32>(count * sizeof(std::int16_t)));
  }
  void clear() override { SDL_ClearQueuedAudio(m_dev); }

 private:
  explicit SdlAudioOut(SDL_AudioDeviceID dev) : m_dev(dev) {}
  SDL_AudioDeviceID m_dev;
};

// Every utterance appended to one 16-bit mono WAV file; the header is brought up to date after
// each utterance, so the file is valid whenever the kiosk stops.
class WavFileOut final : public AudioOut {
 public:
  static std::unique_ptr<WavFileOut> open(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) {
      log_line("read aloud: cannot write " + path + ": " + std::strerror(errno));
      return nullptr;
    }
    auto out = std::unique_ptr<WavFileOut>(new WavFileOut(f));
    out->header();
    return out;
  }
  ~WavFileOut() override {
    header();
    std::fclose(m_file);
  }
  void play(const std::int16_t* samples, std::size_t count) override {
    std::fseek(m_file, 0, SEEK_END);
    m_bytes += static_cast<std::uint32_t>(std::fwrite(samples, sizeof(std::int16_t), count, m_file) * 2);
  }
  void clear() override {}  // the file keeps what was synthesised: tests listen to all of it
  void finished() override { header(); }

 private:
  explicit WavFileOut(std::FILE* f) : m_file(f) {}
  void header() {
    auto u32 = [](std::uint32_t v, char* p) { std::memcpy(p, &v, 4); };
    auto u16 = [](std::uint16_t v, char* p) { std::memcpy(p, &v, 2); };
    char h[44];
    std::memcpy(h, "RIFF", 4);
    u32(36 + m_bytes, h + 4);
    std::memcpy(h + 8, "WAVEfmt ", 8);
    u32(16, h + 16);
    u16(1, h + 20);  // PCM
    u16(1, h + 22);  // mono
    u32(kSpeechSampleRate, h + 24);
    u32(kSpeechSampleRate * 2, h + 28);
    u16(2, h + 32);
    u16(16, h + 34);
    std::memcpy(h + 36, "data", 4);
    u32(m_bytes, h + 40);
    std::fseek(m_file, 0, SEEK_SET);
    std::fwrite(h, 1, sizeof h, m_file);
    std::fflush(m_file);
  }
  std::FILE* m_file;
  std::uint32_t m_bytes = 0;
};

}  // namespace

std::unique_ptr<Speech> make_speech(const std::vector<std::string>& languages, const std::string& clips_dir,
                                    const std::string& audio_out) {
  std::vector<std::unique_ptr<AudioOut>> outs;
  if (auto sdl = SdlAudioOut::open()) outs.push_back(std::move(sdl));
  if (!audio_out.empty())
    if (auto file = WavFileOut::open(audio_out)) outs.push_back(std::move(file));
  return std::make_unique<Speech>(make_voices(clips_dir), std::move(outs), languages);
}

}  // namespace meedoen::platform
