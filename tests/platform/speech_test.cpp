// Read aloud's worker (platform/speech.hpp): with a fake synthesiser that takes its time, the UI
// thread's say() and stop() never wait and a stop silences at once; with espeak-ng itself, the
// kiosk's languages have voices and Tigrinya speaks only from a centre's recorded clips.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include "platform/speech.hpp"
#include "support/temp_dir.hpp"
#include "support/wav.hpp"

using namespace meedoen;
using platform::Speech;
using Clock = std::chrono::steady_clock;

namespace {

ui::Spoken spoken(const std::string& lang, const std::string& text, const std::string& id = "") {
  return ui::Spoken{lang, {{id, text}}};
}

// 200 chunks of 10 ms each (2 s of work) per utterance, stopping when the sink says so.
class SlowSynth final : public platform::Synthesiser {
 public:
  std::atomic<int> chunks_made{0};
  std::atomic<int> aborted{0};
  std::vector<std::string> start(const std::vector<std::string>& languages) override { return languages; }
  bool speak(const ui::Spoken& what, const Sink& sink) override {
    std::vector<std::int16_t> chunk(220, static_cast<std::int16_t>(what.text().size()));
    for (int i = 0; i < 200; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      ++chunks_made;
      if (!sink(chunk.data(), chunk.size())) {
        ++aborted;
        return false;
      }
    }
    return true;
  }
};

// Remembers what reached it and when it was cleared (owned by Speech; the test keeps a pointer).
class Recorder final : public platform::AudioOut {
 public:
  void play(const std::int16_t* s, std::size_t n) override {
    std::lock_guard lock(m);
    samples.insert(samples.end(), s, s + n);
  }
  void clear() override { ++clears; }
  void finished() override { ++utterances; }
  std::size_t size() {
    std::lock_guard lock(m);
    return samples.size();
  }
  std::mutex m;
  std::vector<std::int16_t> samples;
  std::atomic<int> clears{0};
  std::atomic<int> utterances{0};
};

struct Rig {
  SlowSynth* synth;
  Recorder* out;
  std::unique_ptr<Speech> speech;
};

Rig rig(const std::vector<std::string>& langs = {"nl"}) {
  auto synth = std::make_unique<SlowSynth>();
  auto out = std::make_unique<Recorder>();
  Rig r{synth.get(), out.get(), nullptr};
  std::vector<std::unique_ptr<platform::AudioOut>> outs;
  outs.push_back(std::move(out));
  r.speech = std::make_unique<Speech>(std::move(synth), std::move(outs), langs);
  return r;
}

// Polls until the condition holds, at most `limit`.
template <class F>
bool eventually(F f, std::chrono::milliseconds limit = std::chrono::milliseconds(3000)) {
  const auto end = Clock::now() + limit;
  while (Clock::now() < end) {
    if (f()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return f();
}

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

}  // namespace

TEST_CASE("speech: say and stop never wait for the synthesiser", "[platform]") {
  Rig r = rig();
  const auto t0 = Clock::now();
  r.speech->say(spoken("nl", "Inchecken"));
  CHECK(ms_since(t0) < 50);  // 2 s of synthesis run on the worker, not here
  REQUIRE(eventually([&] { return r.out->size() > 0; }));
  CHECK(r.speech->busy());
  const auto t1 = Clock::now();
  r.speech->stop();
  CHECK(ms_since(t1) < 50);
  REQUIRE(eventually([&] { return !r.speech->busy(); }, std::chrono::milliseconds(500)));
  CHECK(r.synth->aborted == 1);  // cut off within a chunk, not run to the end
  CHECK(r.synth->chunks_made < 100);
  const std::size_t heard = r.out->size();
  std::this_thread::sleep_for(std::chrono::milliseconds(60));
  CHECK(r.out->size() == heard);  // nothing after the stop
  CHECK(r.out->clears >= 1);      // and the device's queue was emptied
  CHECK(r.out->utterances == 0);  // a stopped utterance is not a finished one
}

TEST_CASE("speech: a newer say cuts off the one under way", "[platform]") {
  Rig r = rig();
  r.speech->say(spoken("nl", "een"));
  REQUIRE(eventually([&] { return r.out->size() > 0; }));
  r.speech->say(spoken("nl", "twee twee"));
  REQUIRE(eventually([&] { return r.out->utterances == 1; }, std::chrono::milliseconds(5000)));
  CHECK(r.synth->aborted == 1);
  const std::vector<std::string> said = r.speech->said();
  REQUIRE(said.size() == 2);
  CHECK(said[0] == "een.");
  CHECK(said[1] == "twee twee.");
  std::lock_guard lock(r.out->m);
  CHECK(r.out->samples.back() == static_cast<std::int16_t>(said[1].size()));  // the second one finished
}

TEST_CASE("speech: a stop before the worker starts means nothing is said", "[platform]") {
  Rig r = rig();
  r.speech->say(spoken("nl", "een"));
  r.speech->stop();
  r.speech->say(spoken("nl", "twee"));
  r.speech->stop();
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  CHECK_FALSE(r.speech->busy());
  CHECK(r.out->utterances == 0);
  CHECK(r.speech->said().size() <= 2);
}

TEST_CASE("speech: languages the synthesiser cannot read have no speaker", "[platform]") {
  Rig r = rig({"nl", "en"});
  CHECK(r.speech->can_read("nl"));
  CHECK(r.speech->can_read("en"));
  CHECK_FALSE(r.speech->can_read("ti"));
}

TEST_CASE("speech: espeak-ng has voices for nl, en, tr, pl and ar, not for ti", "[platform]") {
  test::TempDir clips;
  auto voices = platform::make_voices(clips.path().string());
  const std::vector<std::string> found = voices->start({"nl", "en", "tr", "pl", "ar", "ti"});
  CHECK(found == std::vector<std::string>{"nl", "en", "tr", "pl", "ar"});
  for (const auto& [lang, text] : std::vector<std::pair<std::string, std::string>>{
           {"nl", "Je bent ingecheckt."}, {"ar", "\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7"}, {"pl", "Nie wiem."}}) {
    std::size_t samples = 0;
    int chunks = 0;
    CHECK(voices->speak(spoken(lang, text), [&](const std::int16_t*, std::size_t n) {
      samples += n;
      ++chunks;
      return true;
    }));
    INFO(lang);
    CHECK(samples > 22050 / 4);  // at least a quarter of a second of speech
    CHECK(chunks > 0);
  }
  SECTION("a sink that says stop ends the synthesis early") {
    std::size_t samples = 0;
    CHECK_FALSE(voices->speak(spoken("nl", "Dit is een lange zin die nooit helemaal wordt uitgesproken."),
                              [&](const std::int16_t*, std::size_t n) {
                                samples += n;
                                return false;
                              }));
    CHECK(samples > 0);
    CHECK(samples < 22050);
  }
}

TEST_CASE("speech: Tigrinya plays a centre's recorded clips per message id", "[platform]") {
  test::TempDir clips;
  std::filesystem::create_directories(clips.path() / "ti");
  test::write_wav(clips.path() / "ti" / "question.yes.wav", std::vector<std::int16_t>(1000, 7));
  test::write_wav(clips.path() / "ti" / "question.no.wav", std::vector<std::int16_t>(500, 9));
  test::write_wav(clips.path() / "ti" / "question.title.wav", std::vector<std::int16_t>(500, 1), 44100);  // wrong rate
  auto voices = platform::make_voices(clips.path().string());
  CHECK(voices->start({"nl", "ti"}) == std::vector<std::string>{"nl", "ti"});
  ui::Spoken what{
      "ti",
      {{"question.title", "x"}, {"", "12:30"}, {"question.yes", "y"}, {"question.no", "n"}, {"question.unknown", "u"}}};
  std::vector<std::int16_t> heard;
  CHECK(voices->speak(what, [&](const std::int16_t* s, std::size_t n) {
    heard.insert(heard.end(), s, s + n);
    return true;
  }));
  // The clip at 44.1 kHz is refused (logged), a missing clip and the time are skipped.
  REQUIRE(heard.size() == 1500);
  CHECK(heard.front() == 7);
  CHECK(heard.back() == 9);
}

TEST_CASE("speech: without clips a language without a voice is not offered", "[platform]") {
  test::TempDir clips;
  std::filesystem::create_directories(clips.path() / "ti");  // an empty folder is no clips
  auto voices = platform::make_voices(clips.path().string());
  CHECK(voices->start({"ti"}).empty());
}

TEST_CASE("speech: --audio-out gets every utterance as a valid WAV file, without an audio device", "[platform]") {
  test::TempDir dir;
  const std::string wav = dir.file("spoken.wav");
  {
    auto speech = platform::make_speech({"nl"}, dir.path().string(), wav);
    REQUIRE(speech->can_read("nl"));
    speech->say(spoken("nl", "Je bent ingecheckt om 09:42."));
    REQUIRE(eventually([&] { return !speech->busy(); }, std::chrono::milliseconds(10000)));
    CHECK(test::wav_data_bytes(wav) > 22050);  // valid while the kiosk still runs
    CHECK(speech->said() == std::vector<std::string>{"Je bent ingecheckt om 09:42."});
  }
  CHECK(test::wav_data_bytes(wav) > 22050);
}
