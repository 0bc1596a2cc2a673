// Read aloud: time from a tap's say() to the first audio handed to the audio device, per language
// (espeak-ng on the speech thread, as in the kiosk). Usage: bench_speech [REPEATS]
// A home screen's worth of text each time; the device's own buffer (1,024 samples, 46 ms at
// 22,050 Hz) comes on top of the figure printed.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "bench/plain_build.hpp"
#include "platform/speech.hpp"

using namespace meedoen;
using Clock = std::chrono::steady_clock;

namespace {

// Notes when the first samples after a say() arrive.
class FirstAudio final : public platform::AudioOut {
 public:
  std::atomic<long long> first_ns{0};
  void play(const std::int16_t*, std::size_t) override {
    long long expected = 0;
    first_ns.compare_exchange_strong(expected, Clock::now().time_since_epoch().count());
  }
  void clear() override {}
};

struct Sample {
  const char* language;
  std::vector<const char*> parts;  // a home screen: greeting, status, the big button, the tiles, done
};

const std::vector<Sample> kSamples{
    {"nl",
     {"Goedemorgen, Fatima", "Tik om in te checken", "Inchecken", "Activiteiten", "Ik kan niet komen",
      "Vrijwilligersuren", "Wat ik deed", "Klaar"}},
    {"en",
     {"Good morning, Fatima", "Tap to check in", "Check in", "Activities", "I can't come", "Volunteer hours",
      "What I did", "Done"}},
    {"tr",
     {"Günaydın, Fatma", "Giriş için dokunun", "Giriş yap", "Etkinlikler", "Gelemiyorum", "Gönüllü saatler",
      "Yaptıklarım", "Tamam"}},
    {"pl",
     {"Dzień dobry, Piotr", "Dotknij, aby się zameldować", "Zamelduj się", "Zajęcia", "Nie mogę przyjść",
      "Godziny wolontariatu", "Co zrobiłem", "Gotowe"}},
    {"ar",
     {"صباح الخير يا فاطمة", "المس لتسجيل الدخول", "تسجيل الدخول", "الأنشطة", "لا أستطيع الحضور", "ساعات التطوع",
      "ما قمت به", "تم"}},
};

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

}  // namespace

int main(int argc, char** argv) {
  meedoen::bench::say_if_sanitized("bench_speech");
  const int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 50;
  std::vector<std::string> langs;
  for (const auto& s : kSamples) langs.push_back(s.language);
  auto out = std::make_unique<FirstAudio>();
  FirstAudio* first = out.get();
  std::vector<std::unique_ptr<platform::AudioOut>> outs;
  outs.push_back(std::move(out));
  platform::Speech speech(platform::make_voices(""), std::move(outs), langs);
  std::printf("language  repeats  median_ms  p99_ms  max_ms   (say() to the first audio chunk)\n");
  for (const auto& s : kSamples) {
    if (!speech.can_read(s.language)) {
      std::printf("%-8s  no voice\n", s.language);
      continue;
    }
    ui::Spoken what{s.language, {}};
    for (const char* p : s.parts) what.parts.push_back({"", p});
    std::vector<double> ms;
    for (int i = 0; i < repeats + 1; ++i) {
      first->first_ns = 0;
      const auto t0 = Clock::now();
      speech.say(what);
      while (first->first_ns == 0) std::this_thread::sleep_for(std::chrono::microseconds(100));
      const double took = static_cast<double>(first->first_ns - t0.time_since_epoch().count()) / 1e6;
      if (i > 0) ms.push_back(took);  // the first run loads the voice: reported apart below
      else std::printf("%-8s  first use (voice loading): %.1f ms\n", s.language, took);
      speech.stop();  // the next tap silences it, as on the kiosk
      while (speech.busy()) std::this_thread::sleep_for(std::chrono::microseconds(100));
    }
    std::printf("%-8s  %7d  %9.1f  %6.1f  %6.1f\n", s.language, repeats, percentile(ms, 0.5), percentile(ms, 0.99),
                *std::max_element(ms.begin(), ms.end()));
  }
  return 0;
}
