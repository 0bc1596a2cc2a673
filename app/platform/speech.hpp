// Read aloud: one worker thread owns the synthesiser (espeak-ng, or a centre's recorded clips
// where espeak-ng has no voice) and hands the audio to the outputs (SDL's queue, a WAV file).
// The UI thread only posts: say() and stop() never wait for synthesis or audio; a newer say()
// or a stop() cuts off what is under way. ui/spoken.hpp decides what is said and when.
#pragma once
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "ui/spoken.hpp"

namespace meedoen::platform {

// espeak-ng's rate; the audio device and the recorded clips use it too (docs/read-aloud.md).
constexpr int kSpeechSampleRate = 22050;

// Turns a spoken description into 16-bit mono audio. Used on the speech thread only.
class Synthesiser {
 public:
  using Sink = std::function<bool(const std::int16_t* samples, std::size_t count)>;  // false: stop now
  virtual ~Synthesiser() = default;
  // Called once on the speech thread first: of these languages, the ones it can read.
  virtual std::vector<std::string> start(const std::vector<std::string>& languages) = 0;
  // Hands the audio to sink chunk by chunk, stopping as soon as sink returns false; false when it failed.
  virtual bool speak(const ui::Spoken& what, const Sink& sink) = 0;
};

// Where the audio goes. play() is called on the speech thread, clear() on the UI thread.
class AudioOut {
 public:
  virtual ~AudioOut() = default;
  virtual void play(const std::int16_t* samples, std::size_t count) = 0;
  virtual void clear() = 0;   // forget what is queued and not yet heard
  virtual void finished() {}  // the end of one utterance
};

class Speech {
 public:
  // Starts the thread and waits for the synthesiser's start() (once, before the first frame).
  Speech(std::unique_ptr<Synthesiser> synth, std::vector<std::unique_ptr<AudioOut>> outs,
         const std::vector<std::string>& languages);
  ~Speech();
  Speech(const Speech&) = delete;
  Speech& operator=(const Speech&) = delete;

  bool can_read(const std::string& language) const;
  void say(const ui::Spoken& what);  // never waits; replaces whatever is said now
  void stop();                       // never waits
  // Every text said so far, in order (replays check them with expect-spoken).
  std::vector<std::string> said() const;
  bool busy() const;  // an utterance is waiting or being synthesised

 private:
  void run();
  bool play(std::uint64_t generation, const std::int16_t* samples, std::size_t count);

  std::unique_ptr<Synthesiser> m_synth;
  std::vector<std::unique_ptr<AudioOut>> m_outs;
  std::vector<std::string> m_languages;  // written once before the thread serves

  mutable std::mutex m_mutex;  // the queue and the log; never held during synthesis
  std::condition_variable m_wake;
  bool m_quit = false;
  bool m_has_next = false;
  ui::Spoken m_next;
  std::uint64_t m_next_generation = 0;
  bool m_working = false;
  std::vector<std::string> m_said;

  std::atomic<std::uint64_t> m_generation{0};  // bumped by say() and stop(): older audio is dropped
  std::mutex m_out_mutex;                      // no old chunk slips into an output after clear()
  std::thread m_thread;
};

// The kiosk's speech: espeak-ng for the languages it has a voice for, else recorded clips from
// clips_dir/<language>/<message id>.wav; audio to the default SDL audio device (none under Xvfb:
// logged once, speech still synthesised) and, when audio_out is set, appended to that WAV file.
std::unique_ptr<Speech> make_speech(const std::vector<std::string>& languages, const std::string& clips_dir,
                                    const std::string& audio_out);

// The synthesiser make_speech uses (benchmarks time it directly).
std::unique_ptr<Synthesiser> make_voices(const std::string& clips_dir);

}  // namespace meedoen::platform
