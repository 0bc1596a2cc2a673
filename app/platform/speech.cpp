// The speech worker: a queue of one (the newest utterance wins), a generation counter that cuts
// off older audio, and the log of what was said (platform/speech.hpp).
#include "platform/speech.hpp"

#include <algorithm>
#include <future>

namespace meedoen::platform {

namespace {
constexpr std::size_t kSaidKept = 256;  // a day of taps stays small; replays look at the last few
}  // namespace

Speech::Speech(std::unique_ptr<Synthesiser> synth, std::vector<std::unique_ptr<AudioOut>> outs,
               const std::vector<std::string>& languages)
    : m_synth(std::move(synth)), m_outs(std::move(outs)) {
  // Shared with the thread: set_value may still be returning when the constructor goes on.
  auto ready = std::make_shared<std::promise<std::vector<std::string>>>();
  auto found = ready->get_future();
  m_thread = std::thread([this, languages, ready] {
    ready->set_value(m_synth->start(languages));  // the synthesiser lives on this thread from here
    run();
  });
  m_languages = found.get();
}

Speech::~Speech() {
  {
    std::lock_guard lock(m_mutex);
    m_quit = true;
  }
  ++m_generation;
  m_wake.notify_all();
  m_thread.join();
}

bool Speech::can_read(const std::string& language) const {
  return std::find(m_languages.begin(), m_languages.end(), language) != m_languages.end();
}

void Speech::say(const ui::Spoken& what) {
  const std::uint64_t generation = ++m_generation;
  {
    std::lock_guard lock(m_out_mutex);
    for (auto& o : m_outs) o->clear();
  }
  {
    std::lock_guard lock(m_mutex);
    m_next = what;
    m_next_generation = generation;
    m_has_next = true;
  }
  m_wake.notify_one();
}

void Speech::stop() {
  ++m_generation;
  {
    std::lock_guard lock(m_mutex);
    m_has_next = false;
  }
  std::lock_guard lock(m_out_mutex);
  for (auto& o : m_outs) o->clear();
}

std::vector<std::string> Speech::said() const {
  std::lock_guard lock(m_mutex);
  return m_said;
}

bool Speech::busy() const {
  std::lock_guard lock(m_mutex);
  return m_has_next || m_working;
}

bool Speech::play(std::uint64_t generation, const std::int16_t* samples, std::size_t count) {
  std::lock_guard lock(m_out_mutex);
  if (generation != m_generation) return false;  // a newer say() or a stop(): this one is over
  for (auto& o : m_outs) o->play(samples, count);
  return true;
}

void Speech::run() {
  for (;;) {
    ui::Spoken what;
    std::uint64_t generation = 0;
    {
      std::unique_lock lock(m_mutex);
      m_working = false;
      m_wake.wait(lock, [this] { return m_quit || m_has_next; });
      if (m_quit) {
        m_synth.reset();  // espeak-ng ends on the thread that owned it
        return;
      }
      what = std::move(m_next);
      generation = m_next_generation;
      m_has_next = false;
      if (generation != m_generation) continue;  // stopped before it began
      m_working = true;
      m_said.push_back(what.text());
      if (m_said.size() > kSaidKept) m_said.erase(m_said.begin());
    }
    const bool done = m_synth->speak(
        what, [&](const std::int16_t* samples, std::size_t count) { return play(generation, samples, count); });
    if (done && generation == m_generation) {
      std::lock_guard lock(m_out_mutex);
      for (auto& o : m_outs) o->finished();
    }
  }
}

}  // namespace meedoen::platform
