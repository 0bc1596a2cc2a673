// The kiosk's window: the sleeping main loop over an opened kiosk (cli/kiosk_start.hpp opens it).
#include <SDL.h>
#include <SDL_opengl.h>
#include <imgui.h>
#include <malloc.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <sstream>

#include "platform/kiosk.hpp"
#include "platform/log.hpp"
#include "platform/replay.hpp"
#include "platform/screenshot.hpp"
#include "platform/service.hpp"
#include "platform/session.hpp"
#include "platform/speech.hpp"
#include "platform/tap_filter.hpp"
#include "platform/window.hpp"
#include "storage/store.hpp"
#include "sync/worker.hpp"
#include "ui/bidi/bidi.hpp"
#include "ui/bidi/mirror.hpp"
#include "ui/bidi/shown.hpp"
#include "ui/font_cache.hpp"
#include "ui/i18n.hpp"
#include "ui/screens/screens.hpp"
#include "ui/spoken.hpp"
#include "ui/theme.hpp"
#include "ui/view_models.hpp"
#include "ui/widgets/widgets.hpp"

namespace meedoen::platform {

namespace {

// [SECTION] Clock and helpers

core::TimeMs system_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// The app's clock: the system clock, shifted by --clock and by replay "advance" steps; or, for a
// replay from --clock (KioskOptions::fixed_clock), a clock that moves only by the script's steps.
struct AppClock {
  core::TimeMs offset = 0;
  std::optional<core::TimeMs> fixed;
  core::TimeMs now() const { return fixed ? *fixed : system_ms() + offset; }
  void advance(core::TimeMs ms) {
    if (fixed) *fixed += ms;
    else offset += ms;
  }
};

std::string read_file(const std::string& path, bool& ok) {
  std::ifstream in(path, std::ios::binary);
  ok = static_cast<bool>(in);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A USB card scanner is a keyboard: it types the code quickly and presses Enter.
struct ScanBuffer {
  static constexpr std::size_t kMax = 64;
  static constexpr core::TimeMs kGap = 1500;  // a pause longer than this starts a new code
  std::string text;
  core::TimeMs last = 0;
  void add(const char* utf8, core::TimeMs now) {
    if (now - last > kGap) text.clear();
    last = now;
    for (const char* p = utf8; *p; ++p)
      if (text.size() < kMax && static_cast<unsigned char>(*p) >= 0x20) text.push_back(*p);
  }
  std::string take() {
    std::string code;
    code.swap(text);
    return code;
  }
};

// [SECTION] The windowed kiosk

// An atlas built on a worker thread. The atlas holds Latin, the pictograms and the active
// language's script only: a language in another script needs a new one, built (~200 ms) while the
// frames go on in the language the current atlas has, and swapped in between two frames. The
// first one is built while the window opens (run_kiosk), for the size the window is to have.
struct PendingFonts {
  std::string language;
  float scale = 0;
  std::future<ui::BuiltFonts> built;
  std::chrono::steady_clock::time_point since;
  long frame = 0;  // the frame it was asked for: those after it were drawn while it was built
};

// cache: the font cache's folder (ui/font_cache.hpp); the worker reads the atlas from there when
// it was built before with the same plan, fonts and build, else builds it and keeps it there.
PendingFonts build_fonts_async(const std::string& language, ui::Strings& tr, float scale, long frame,
                               const std::string& cache) {
  // The plan reads the catalogue (not thread-safe): made here, the atlas built on the worker.
  PendingFonts p{language, scale, {}, std::chrono::steady_clock::now(), frame};
  p.built = std::async(std::launch::async, [plan = ui::font_plan(language, tr), scale, cache] {
    return ui::cached_fonts(plan, scale, cache);
  });
  return p;
}

class Kiosk final : public ReplayHost {
 public:
  Kiosk(const KioskOptions& o, Session& session, Window& window, AppClock& clock, ui::Strings& tr)
      : m_opt(o), m_session(session), m_window(window), m_clock(clock), m_tr(tr) {}

  void set_replay(std::unique_ptr<Replay> r) { m_replay = std::move(r); }
  // The start-up atlas, built since the window's size was known; start_theme builds one if not.
  void set_start_fonts(std::optional<PendingFonts> fonts) { m_start_fonts = std::move(fonts); }
  // Read aloud starts with a factory: opening the audio device and espeak-ng's voices takes
  // 100-200 ms, which is not the first frame's business. It runs after the first frame is on
  // screen (the speaker button then appears with the next frame), or before it when a replay or
  // a screenshot needs a deterministic screen.
  void set_speech_factory(std::function<std::unique_ptr<Speech>()> make) {
    m_make_speech = std::move(make);
    if (m_replay || !m_opt.screenshot.empty()) start_speech();
  }
  void start_speech() {
    if (!m_make_speech) return;
    m_owned_speech = m_make_speech();
    m_make_speech = nullptr;
    m_speech = m_owned_speech.get();
    m_extra_frames = std::max(m_extra_frames, 1);
    release_freed_memory();  // what opening the audio device and espeak-ng's voice list freed
  }
  // After a burst of start-up work: what it freed lies between live blocks of the heap, where
  // glibc keeps it (the welcome screen's memory, issue 17); malloc_trim hands those pages back.
  static void release_freed_memory() { malloc_trim(0); }
  void set_sync(sync::Worker* w) {
    m_sync = w;
    publish_sync_status();
  }
  // Hands the worker's status to the state, for the coach's Today screen.
  void publish_sync_status() {
    if (!m_sync) return;
    const sync::Status st = m_sync->status();
    core::SyncInfo info;
    info.configured = st.configured;
    info.online = st.online;
    info.last_success = st.last_success;
    info.unsent = st.unsent;
    info.rejected = st.rejected;
    info.clock_off = st.clock_off;
    m_session.dispatch(core::SyncChanged{info});
  }

  int run() {
    start_theme();
    m_last_input = m_clock.now();
    for (;;) {
      m_service.alive();
      const bool replaying = m_replay && !m_replay->finished();
      const int timeout = sleep_timeout(replaying);
      if (timeout >= 1000) idle_upkeep();
      SDL_Event ev;
      bool input = false;
      bool got = m_window.wait_event(ev, timeout);
      // Time first: input after a long sleep must be judged against the present, not the
      // moment of the last frame (else a card scan could meet an inactivity timeout at once).
      m_session.dispatch(core::Tick{m_clock.now()});
      const bool was_dark = m_dark;
      for (; got; got = m_window.poll_event(ev)) {
        if (ev.type == SDL_QUIT) return stop(0);
        // At night the first touch only wakes the screen: it must not press what nobody could see.
        if (was_dark && is_pointer(ev)) m_last_input = m_clock.now();
        else input |= handle(ev);
      }
      if (input) m_extra_frames = 3;
      if (night_frame()) continue;
      if (const std::optional<int> code = frame(replaying)) return stop(*code);
    }
  }

  // [SECTION] ReplayHost
  void scan(const std::string& code) override {
    m_scan.add(code.c_str(), m_clock.now());
    enter();
  }
  void advance_clock(long long ms) override { m_clock.advance(ms); }
  void waited(long long ms) override {
    if (m_clock.fixed) m_clock.advance(ms);
  }
  std::vector<std::string> spoken() const override { return m_speech ? m_speech->said() : std::vector<std::string>{}; }
  bool save_screenshot(const std::string& path, std::string& error) override {
    int w = 0, h = 0;
    m_window.size(w, h);
    return write_screenshot(path, w, h, error);
  }

 private:
  void start_theme() {
    int w = 0, h = 0;
    m_window.size(w, h);
    m_theme.scale = ui::scale_for(w, h);
    m_font_language = m_session.state().language;
    if (m_start_fonts && (m_start_fonts->scale != m_theme.scale || m_start_fonts->language != m_font_language)) {
      log_line("fonts: the window came out " + std::to_string(w) + "x" + std::to_string(h) +
               ", not the size expected: its atlas is built again");
      m_start_fonts.reset();  // waits for the build it no longer needs
    }
    if (!m_start_fonts) m_start_fonts = build_fonts_async(m_font_language, m_tr, m_theme.scale, 0, m_opt.font_cache);
    const auto asked = std::chrono::steady_clock::now();
    ui::BuiltFonts built = m_start_fonts->built.get();
    const auto waited = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - asked);
    install_fonts(m_font_language, std::move(built), m_start_fonts->since);
    log_line("fonts: the window waited " + std::to_string(waited.count() / 1000) + " ms for the start-up atlas");
    m_start_fonts.reset();
    ui::apply_style(m_theme);
  }

  // t0: when the build began (on this thread at start-up, on the worker after a language change).
  void install_fonts(const std::string& language, ui::BuiltFonts built, std::chrono::steady_clock::time_point t0) {
    using Ms = std::chrono::duration<double, std::milli>;
    if (!built.ok) log_line("fonts: " + built.error);
    const std::string origin = built.origin;
    const auto t1 = std::chrono::steady_clock::now();
    ui::install_fonts(m_theme, std::move(built));
    m_window.upload_font_texture();
    release_freed_memory();  // a copy of each font file, the atlas's pixels, an old atlas: ~6 MiB
    const auto t2 = std::chrono::steady_clock::now();
    const ui::AtlasStats st = ui::atlas_stats();
    char line[240];
    std::snprintf(line, sizeof line,
                  "fonts for %s: atlas %dx%d, %d glyphs, ready %.1f ms after the build began, swapped in and uploaded "
                  "on the UI thread in %.1f ms; ",
                  language.c_str(), st.width, st.height, st.glyphs, Ms(t1 - t0).count(), Ms(t2 - t1).count());
    log_line(line + origin);
    m_font_language = language;
  }

  void follow_language() {
    const std::string& language = m_session.state().language;
    if (m_pending_fonts) {
      // A replay or a screenshot waits for it: what it records must not depend on timing.
      if (m_replay || !m_opt.screenshot.empty()) m_pending_fonts->built.wait();
      if (m_pending_fonts->built.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
        if (ui::script_of(language) == ui::script_of(m_font_language)) m_font_language = language;
        return;
      }
      PendingFonts done = std::move(*m_pending_fonts);
      m_pending_fonts.reset();
      // Only if it is still the script wanted (a second tap may have gone back meanwhile).
      if (ui::script_of(done.language) == ui::script_of(language)) {
        install_fonts(language, done.built.get(), done.since);
        log_line("fonts for " + language + ": " + std::to_string(m_frame - done.frame) +
                 " frames drawn while the atlas was built");
      }
    }
    if (language == m_font_language) return;
    if (ui::script_of(language) == ui::script_of(m_font_language)) {
      m_font_language = language;
      return;
    }
    m_pending_fonts = build_fonts_async(language, m_tr, m_theme.scale, m_frame, m_opt.font_cache);
    if (m_replay || !m_opt.screenshot.empty()) follow_language();
  }

  // Sleep until input, a wake event, or the next moment the screen must change; never past
  // half the systemd watchdog interval.
  int sleep_timeout(bool replaying) const {
    if (replaying || m_extra_frames > 0 || !m_opt.screenshot.empty()) return 0;
    if (m_pending_fonts) return 16;  // look for the next language's atlas about once a frame
    const core::TimeMs now = m_clock.now();
    core::TimeMs wait = core::next_deadline(m_session.state()) - now + 1;
    if (m_dark) wait = 60'000;  // black screen: only the clock's switch back on (checked each minute)
    else if (const int m = core::minutes_to_screen_switch(m_session.state().config, core::to_local(now).minute_of_day);
             m >= 0)
      wait = std::min<core::TimeMs>(wait, (m + 1) * 60'000LL);
    return static_cast<int>(std::clamp<core::TimeMs>(wait, 1, m_service.max_sleep_ms()));
  }

  static bool is_pointer(const SDL_Event& ev) {
    return ev.type == SDL_MOUSEBUTTONDOWN || ev.type == SDL_MOUSEBUTTONUP || ev.type == SDL_FINGERDOWN ||
           ev.type == SDL_FINGERUP || ev.type == SDL_MOUSEMOTION || ev.type == SDL_FINGERMOTION;
  }

  // [screen] off_from/on_at: in those hours, once the kiosk is back on its idle screen and nobody
  // touched it for inactivity_seconds, it draws one black frame and sleeps. True while dark.
  bool night_frame() {
    const core::State& st = m_session.state();
    const core::TimeMs now = m_clock.now();
    const core::Screen idle = st.coach.office ? core::Screen::CoachPin : core::Screen::Welcome;
    const bool dark = m_opt.screenshot.empty() && !m_replay &&
                      core::screen_dark_at(st.config, core::to_local(now).minute_of_day) && st.screen == idle &&
                      now - m_last_input >= core::seconds(st.config.inactivity_seconds);
    if (dark && !m_dark) {
      log_line("screen off for the night");
      glClearColor(0.f, 0.f, 0.f, 1.f);
      glClear(GL_COLOR_BUFFER_BIT);
      m_window.present();
    } else if (!dark && m_dark) {
      log_line("screen on");
      m_extra_frames = 3;
    }
    m_dark = dark;
    return dark;
  }

  int stop(int code) {
    m_service.stopping();
    return code;
  }

  // Draws, shows and acts on one frame; an exit code when the run is over.
  std::optional<int> frame(bool replaying) {
    const ui::Actions actions = draw();
    ++m_frame;
    if (m_frame == 1 && m_opt.bench_startup) {
      glFinish();
      std::printf("first_frame_unix_ms=%lld\n", static_cast<long long>(system_ms()));
      std::fflush(stdout);  // now, not at exit: bench_light.sh's phases read the time of this write
      return 0;
    }
    if (m_replay) m_replay->after_frame(ui::frame_record(), *this, system_ms());
    if (!m_opt.screenshot.empty() && m_frame >= 3 && (!m_replay || m_replay->finished())) return finish_screenshot();
    m_window.present();
    m_service.ready();  // the first frame is on screen
    if (m_frame == 1) start_speech();
    for (const auto& a : actions) m_session.dispatch(a);
    // A list still gliding after a flick needs frames although no input arrives.
    if (!actions.empty() || ui::frame_record().animating) m_extra_frames = 3;
    if (m_sync && m_session.writes() != m_synced_writes) {  // a new event: push it soon
      m_synced_writes = m_session.writes();
      m_sync->notify_local_write();
    }
    if (m_replay && m_replay->finished() && m_opt.screenshot.empty()) return report_replay();
    if (replaying && !m_replay->finished()) SDL_Delay(1);  // no busy spin through a "wait" step
    if (m_extra_frames > 0) --m_extra_frames;
    return std::nullopt;
  }

  int finish_screenshot() {
    std::string error;
    if (!save_screenshot(m_opt.screenshot, error)) {
      log_line("screenshot failed: " + error);
      return 1;
    }
    return m_replay && m_replay->failed() ? report_replay() : 0;
  }

  int report_replay() {
    if (m_replay->failed()) {
      std::fprintf(stderr, "%s\n", m_replay->failure().c_str());
      return 1;
    }
    return 0;
  }

  // Before a long sleep on the welcome screen: fold new journal pages back into the database
  // file, so that work never lands on a participant's tap.
  void idle_upkeep() {
    const core::Screen idle = m_session.state().coach.office ? core::Screen::CoachPin : core::Screen::Welcome;
    if (m_session.state().screen != idle || m_session.writes() == m_checkpointed_writes) return;
    m_checkpointed_writes = m_session.writes();
    try {
      m_session.store().checkpoint();
    } catch (const storage::StorageError& e) {
      log_line(e.what());
    }
  }

  void enter() {
    const std::string code = m_scan.take();
    if (!code.empty()) m_session.dispatch(core::CardScanned{code});
  }

  // Returns true for input from a person (touch, mouse, keys).
  bool handle(const SDL_Event& ev) {
    m_window.process_for_imgui(ev);
    switch (ev.type) {
      case SDL_TEXTINPUT:
        m_last_input = m_clock.now();
        m_scan.add(ev.text.text, m_clock.now());
        m_session.dispatch(core::Touched{});
        return true;
      case SDL_KEYDOWN:
        m_last_input = m_clock.now();
        if (ev.key.keysym.sym == SDLK_RETURN || ev.key.keysym.sym == SDLK_KP_ENTER) enter();
        m_session.dispatch(core::Touched{});
        return true;
      case SDL_MOUSEBUTTONDOWN:
      case SDL_FINGERDOWN: m_last_input = m_clock.now(); return true;
      case SDL_MOUSEBUTTONUP:
      case SDL_MOUSEMOTION:
      case SDL_MOUSEWHEEL:
      case SDL_FINGERUP:
      case SDL_FINGERMOTION:
      case SDL_KEYUP: return true;
      case SDL_WINDOWEVENT: return true;  // exposed, resized, focus: redraw
      default:
        if (ev.type != m_window.wake_event_type()) return false;
        // The sync worker pulled roster, programme or other kiosks' events: show them.
        if (m_sync && m_sync->take_data_changed()) m_session.reload(m_clock.now());
        publish_sync_status();
        return true;
    }
  }

  // The speaker button shows where a voice (or a centre's clips) exists; say or stop as the cues tell.
  void read_aloud(ui::FrameView& view) {
    if (!m_speech) return;
    view.speaker = !view.spoken.empty() && m_speech->can_read(view.spoken.language);
    const ui::SpeechCues::Cue cue = m_cues.next(m_session.state(), view);
    if (cue.kind == ui::SpeechCues::Cue::Kind::Stop) m_speech->stop();
    else if (cue.kind == ui::SpeechCues::Cue::Kind::Say && m_speech->can_read(cue.what.language))
      m_speech->say(cue.what);
  }

  // Draws the state as the loop's Tick left it (the loop ticks once per iteration).
  ui::Actions draw() {
    follow_language();
    m_window.begin_frame();
    ImGuiIO& io = ImGui::GetIO();
    if (m_replay) {
      float x = io.MousePos.x, y = io.MousePos.y;
      bool down = io.MouseDown[0];
      m_replay->before_frame(x, y, down);
      io.MousePos = ImVec2(x, y);
      io.MouseDown[0] = down;
    }
    // Forgiving touch, for every screen: a second tap on the same spot within 500 ms never
    // reaches ImGui (the frame record still holds the last frame: where the repeat keys are).
    // A language written right to left mirrors the whole frame (ui/bidi/mirror.hpp): the pointer
    // is turned around before ImGui sees it, the frame and its record after drawing.
    const float width = io.DisplaySize.x;
    const bool mirrored = ui::bidi::direction_of(m_font_language) == ui::bidi::Direction::Rtl;
    ui::bidi::set_mirrored(mirrored);
    const long long input_ms = m_replay ? m_replay->input_ms() : system_ms();
    const long long dropped = m_taps.dropped();
    io.MouseDown[0] =
        m_taps.pressed(io.MousePos.x, io.MousePos.y, io.MouseDown[0], input_ms, m_theme.scale, ui::frame_record());
    if (m_taps.dropped() != dropped) log_line("a second tap on the same spot within 500 ms was ignored");
    if (mirrored && io.MousePos.x > -FLT_MAX) io.MousePos.x = ui::bidi::mirror_x(io.MousePos.x, width);
    ImGui::NewFrame();
    if (ImGui::IsMouseClicked(0)) {
      m_session.dispatch(core::Touched{});
      if (m_speech) m_speech->stop();  // the next tap silences what is being read
    }
    ui::frame_record().clear();
    // While the next script's atlas is being built, the frame stays in the language the atlas has.
    std::optional<core::State> held;
    if (m_font_language != m_session.state().language) {
      held = m_session.state();
      held->language = m_font_language;
    }
    ui::FrameView view = ui::make_frame_view(held ? *held : m_session.state(), m_tr);
    read_aloud(view);
    ui::Actions out;
    ui::draw_frame(view, m_theme, io.DisplaySize, out);
    if (mirrored) ui::bidi::mirror_record(ui::frame_record(), width);
    m_window.render(ui::colors::background, mirrored ? ui::bidi::mirror_draw_data : nullptr);
    return out;
  }

  const KioskOptions& m_opt;
  Session& m_session;
  Window& m_window;
  AppClock& m_clock;
  ui::Strings& m_tr;
  ui::Theme m_theme;
  std::string m_font_language;                  // the language the font atlas was built for, the one drawn
  std::optional<PendingFonts> m_pending_fonts;  // the next script's atlas, being built
  std::optional<PendingFonts> m_start_fonts;    // the first atlas, built while the window opened
  std::unique_ptr<Replay> m_replay;
  Speech* m_speech = nullptr;  // null: no read-aloud (never in a normal start after the first frame)
  std::function<std::unique_ptr<Speech>()> m_make_speech;
  std::unique_ptr<Speech> m_owned_speech;
  ui::SpeechCues m_cues;
  ScanBuffer m_scan;
  TapFilter m_taps;
  long m_checkpointed_writes = 0;
  sync::Worker* m_sync = nullptr;
  long m_synced_writes = 0;
  int m_extra_frames = 3;  // frames still to draw without input (an animation settles, a screen changes)
  long m_frame = 0;
  ServiceNotifier m_service;
  core::TimeMs m_last_input = 0;  // the last touch or key (the night's black screen waits for quiet)
  bool m_dark = false;            // the night's black frame is showing
};

}  // namespace

// [SECTION] run_kiosk

namespace {

int read_replay(const std::string& path, std::unique_ptr<Replay>& replay) {
  if (path.empty()) return 0;
  bool ok = false;
  const std::string script = read_file(path, ok);
  if (!ok) {
    std::fprintf(stderr, "meedoen-kiosk: cannot read the replay script %s\n", path.c_str());
    return 2;
  }
  ReplayParse parsed = parse_replay(script);
  if (!parsed.error.empty()) {
    std::fprintf(stderr, "meedoen-kiosk: %s: %s\n", path.c_str(), parsed.error.c_str());
    return 2;
  }
  replay = std::make_unique<Replay>(std::move(parsed.steps));
  return 0;
}

// Check-ins left open while the kiosk was off are closed at the end of their dagdeel.
void close_forgotten(storage::Store& store, const core::KioskConfig& cfg, core::TimeMs now) {
  try {
    for (const auto& a : store.close_forgotten(now, cfg))
      log_line("check-out of " + a.participant_id + " on " + a.date +
               " closed at the end of the dagdeel (not checked out)");
  } catch (const storage::StorageError& e) {
    log_line(std::string("could not close forgotten check-outs: ") + e.what());
  }
}

// The worker's thread wakes the main loop with an SDL user event (SDL_PushEvent is thread-safe).
void start_sync(sync::Worker& worker, const Window& window, Kiosk& kiosk, const std::string& url) {
  const unsigned wake = window.wake_event_type();
  worker.set_on_change([wake] {
    SDL_Event ev{};
    ev.type = wake;
    SDL_PushEvent(&ev);
  });
  kiosk.set_sync(&worker);
  worker.start();
  log_line("sync with " + url + " started");
}

}  // namespace

namespace {

// What the kiosk's own start gives the window, made on a thread of its own while the window opens.
struct Started {
  std::optional<KioskParts> parts;
  std::optional<AppClock> clock;
  std::optional<Session> session;
  std::optional<PendingFonts> fonts;  // the first atlas, read from the font cache or built
};

// Runs on the start's thread: the journal opened and checked, the settings, the catalogues and
// the session, then the first atlas for the window's scale (0: no window, no atlas).
int start_kiosk(const KioskOptions& o, const PrepareKiosk& prepare, std::future<float> scale, Started& s) {
  if (const int rc = prepare(s.parts)) return rc;
  const KioskParts& p = *s.parts;
  AppClock& clock = s.clock.emplace(AppClock{p.clock_offset, std::nullopt});
  if (o.fixed_clock) clock.fixed = clock.now();
  Session& session = s.session.emplace(p.cfg, p.store);
  session.set_strings(&p.tr);
  close_forgotten(p.store, p.cfg, clock.now());
  if (o.coach) session.start_in_coach_mode();
  session.reload(clock.now());
  session.dispatch(core::Tick{clock.now()});
  // The catalogue is this thread's until the window joins it: the plan is made here.
  if (const float sc = scale.get(); sc > 0)
    s.fonts = build_fonts_async(session.state().language, p.tr, sc, 0, o.font_cache);
  return 0;
}

// Runs the kiosk on its window once both are ready; the sync worker stops before the window goes.
int run_window(const KioskOptions& o, Started& s, Window& window, std::unique_ptr<Replay> replay) {
  const KioskParts& p = *s.parts;
  log_line("kiosk started: database " + p.db_path + ", device " + p.store.device_id() +
           (p.config_file.empty() ? ", built-in settings" : ", settings " + p.config_file));
  std::vector<std::string> languages{p.cfg.default_language};
  for (const auto& l : p.cfg.languages)
    if (l != p.cfg.default_language) languages.push_back(l);
  Kiosk kiosk(o, *s.session, window, *s.clock, p.tr);
  kiosk.set_replay(std::move(replay));
  kiosk.set_start_fonts(std::move(s.fonts));
  kiosk.set_speech_factory(
      [languages, audio_out = o.audio_out] { return make_speech(languages, ui::assets_dir() + "/voice", audio_out); });
  if (p.worker) start_sync(*p.worker, window, kiosk, p.cfg.server_url);
  const int code = kiosk.run();
  if (p.worker) {
    p.worker->stop();  // before the window goes: no wake events into a closed SDL
    if (p.describe_sync) log_line(p.describe_sync(p.worker->status()));
  }
  return code;
}

}  // namespace

int run_kiosk(const KioskOptions& o, const PrepareKiosk& prepare) {
  std::unique_ptr<Replay> replay;
  if (const int rc = read_replay(o.replay, replay)) return rc;
  // X and Mesa open the window (~50 ms) while the kiosk's own start runs beside it: on a year-old
  // journal its check alone takes ~50 ms (issue 17). The start's thread builds the first atlas as
  // soon as the window's size is known.
  std::promise<float> scale;
  bool scale_given = false;
  const auto give_scale = [&](float sc) {
    if (scale_given) return;
    scale_given = true;
    scale.set_value(sc);
  };
  Started s;
  // Started once SDL is up, not before: SDL_Init has Xlib read the locale's Compose table (~390,000
  // getc calls), and glibc locks a FILE only once the process has a second thread: +8 ms otherwise.
  std::future<int> started;
  const auto start = [&] {
    if (started.valid()) return;
    started = std::async(std::launch::async, [&o, &prepare, &s, f = scale.get_future()]() mutable {
      return start_kiosk(o, prepare, std::move(f), s);
    });
  };
  std::unique_ptr<Window> window;
  std::string window_error;
  try {
    window = std::make_unique<Window>("Meedoen", o.width, o.height, o.fullscreen, [&](int w, int h) {
      start();
      give_scale(ui::scale_for(w, h));
    });
  } catch (const std::exception& e) {
    window_error = e.what();
  }
  start();        // when SDL never got as far as the window's size
  give_scale(0);  // ... then no atlas ahead (start_theme builds one)
  // A settings or journal error is told before a display error, as when they ran one after the other.
  if (const int rc = started.get()) return rc;
  if (!window) {
    std::fprintf(stderr, "meedoen-kiosk: %s\n", window_error.c_str());
    return 4;
  }
  return run_window(o, s, *window, std::move(replay));
}

}  // namespace meedoen::platform
