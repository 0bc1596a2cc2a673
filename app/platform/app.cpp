// The kiosk's composition: configuration, database, session, window and the sleeping main loop.
#include <SDL.h>
#include <SDL_opengl.h>
#include <imgui.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>

#include "config/kiosk_config.hpp"
#include "config/paths.hpp"
#include "platform/exports.hpp"
#include "platform/kiosk.hpp"
#include "platform/log.hpp"
#include "platform/replay.hpp"
#include "platform/screenshot.hpp"
#include "platform/session.hpp"
#include "platform/window.hpp"
#include "storage/demo_centre.hpp"
#include "storage/store.hpp"
#include "sync/worker.hpp"
#include "ui/i18n.hpp"
#include "ui/screens/screens.hpp"
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

// The app's clock: the system clock, shifted by --clock and by replay "advance" steps.
struct AppClock {
  core::TimeMs offset = 0;
  core::TimeMs now() const { return system_ms() + offset; }
};

// "2026-11-23T09:42" or "2026-11-23T09:42:30" in local time -> ms since epoch; -1 if malformed.
core::TimeMs parse_local(const std::string& s) {
  std::tm tm{};
  int sec = 0;
  const int n = std::sscanf(s.c_str(), "%d-%d-%dT%d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
                            &tm.tm_min, &sec);
  if (n < 5) return -1;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  tm.tm_sec = sec;
  tm.tm_isdst = -1;
  const std::time_t t = std::mktime(&tm);
  return t == -1 ? -1 : static_cast<core::TimeMs>(t) * 1000;
}

std::string assets_dir() {
  if (const char* env = std::getenv("MEEDOEN_ASSETS"); env && *env) return env;
  std::error_code ec;
  if (std::filesystem::exists(MEEDOEN_ASSETS_DIR, ec)) return MEEDOEN_ASSETS_DIR;
  return "/usr/share/meedoen";
}

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

class Kiosk final : public ReplayHost {
 public:
  Kiosk(const KioskOptions& o, Session& session, Window& window, AppClock& clock, ui::Strings& tr)
      : m_opt(o), m_session(session), m_window(window), m_clock(clock), m_tr(tr) {}

  void set_replay(std::unique_ptr<Replay> r) { m_replay = std::move(r); }
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
    int w = 0, h = 0;
    m_window.size(w, h);
    m_theme.scale = ui::scale_for(w, h);
    std::string font_error;
    if (!ui::load_fonts(m_theme, font_error)) log_line("fonts: " + font_error);
    ui::apply_style(m_theme);

    int extra_frames = 3;
    long frame = 0;
    for (;;) {
      // Sleep until input, a wake event, or the next moment the screen must change.
      const core::TimeMs now = m_clock.now();
      int timeout = 0;
      const bool replaying = m_replay && !m_replay->finished();
      if (!replaying && extra_frames <= 0 && m_opt.screenshot.empty()) {
        const core::TimeMs wait = core::next_deadline(m_session.state()) - now + 1;
        timeout = static_cast<int>(std::clamp<core::TimeMs>(wait, 1, 60'000));
      }
      if (timeout >= 1000) idle_upkeep();
      SDL_Event ev;
      bool input = false;
      bool got = m_window.wait_event(ev, timeout);
      // Time first: input after a long sleep must be judged against the present, not the
      // moment of the last frame (else a card scan could meet an inactivity timeout at once).
      m_session.dispatch(core::Tick{m_clock.now()});
      for (; got; got = m_window.poll_event(ev)) {
        if (ev.type == SDL_QUIT) return 0;
        input |= handle(ev);
      }
      if (input) extra_frames = 3;

      const ui::Actions actions = draw();
      ++frame;
      if (frame == 1 && m_opt.bench_startup) {
        glFinish();
        std::printf("first_frame_unix_ms=%lld\n", static_cast<long long>(system_ms()));
        return 0;
      }
      if (m_replay) m_replay->after_frame(ui::frame_record(), *this, system_ms());
      if (!m_opt.screenshot.empty() && frame >= 3 && (!m_replay || m_replay->finished())) {
        std::string error;
        if (!save_screenshot(m_opt.screenshot, error)) {
          log_line("screenshot failed: " + error);
          return 1;
        }
        return m_replay && m_replay->failed() ? report_replay() : 0;
      }
      m_window.present();
      for (const auto& a : actions) m_session.dispatch(a);
      // A list still gliding after a flick needs frames although no input arrives.
      if (!actions.empty() || ui::frame_record().animating) extra_frames = 3;
      if (m_sync && m_session.writes() != m_synced_writes) {  // a new event: push it soon
        m_synced_writes = m_session.writes();
        m_sync->notify_local_write();
      }
      if (m_replay && m_replay->finished() && m_opt.screenshot.empty()) return report_replay();
      if (replaying && !m_replay->finished()) SDL_Delay(1);  // no busy spin through a "wait" step
      if (extra_frames > 0) --extra_frames;
    }
  }

  // [SECTION] ReplayHost
  void scan(const std::string& code) override {
    m_scan.add(code.c_str(), m_clock.now());
    enter();
  }
  void advance_clock(long long ms) override { m_clock.offset += ms; }
  bool save_screenshot(const std::string& path, std::string& error) override {
    int w = 0, h = 0;
    m_window.size(w, h);
    return write_screenshot(path, w, h, error);
  }

 private:
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
        m_scan.add(ev.text.text, m_clock.now());
        m_session.dispatch(core::Touched{});
        return true;
      case SDL_KEYDOWN:
        if (ev.key.keysym.sym == SDLK_RETURN || ev.key.keysym.sym == SDLK_KP_ENTER) enter();
        m_session.dispatch(core::Touched{});
        return true;
      case SDL_MOUSEBUTTONDOWN:
      case SDL_MOUSEBUTTONUP:
      case SDL_MOUSEMOTION:
      case SDL_MOUSEWHEEL:
      case SDL_FINGERDOWN:
      case SDL_FINGERUP:
      case SDL_FINGERMOTION:
      case SDL_KEYUP:
        return true;
      case SDL_WINDOWEVENT:
        return true;  // exposed, resized, focus: redraw
      default:
        if (ev.type != m_window.wake_event_type()) return false;
        // The sync worker pulled roster, programme or other kiosks' events: show them.
        if (m_sync && m_sync->take_data_changed()) m_session.reload(m_clock.now());
        publish_sync_status();
        return true;
    }
  }

  // Draws the state as the loop's Tick left it (the loop ticks once per iteration).
  ui::Actions draw() {
    m_window.begin_frame();
    ImGuiIO& io = ImGui::GetIO();
    if (m_replay) {
      float x = io.MousePos.x, y = io.MousePos.y;
      bool down = io.MouseDown[0];
      m_replay->before_frame(x, y, down);
      io.MousePos = ImVec2(x, y);
      io.MouseDown[0] = down;
    }
    ImGui::NewFrame();
    if (ImGui::IsMouseClicked(0)) m_session.dispatch(core::Touched{});
    ui::frame_record().clear();
    const ui::FrameView view = ui::make_frame_view(m_session.state(), m_tr);
    ui::Actions out;
    ui::draw_frame(view, m_theme, io.DisplaySize, out);
    m_window.render();
    return out;
  }

  const KioskOptions& m_opt;
  Session& m_session;
  Window& m_window;
  AppClock& m_clock;
  ui::Strings& m_tr;
  ui::Theme m_theme;
  std::unique_ptr<Replay> m_replay;
  ScanBuffer m_scan;
  long m_checkpointed_writes = 0;
  sync::Worker* m_sync = nullptr;
  long m_synced_writes = 0;
};

// [SECTION] Sync

std::string format_status(const sync::Status& s) {
  auto when = [](core::TimeMs t) {
    if (t <= 0) return std::string("never");
    const core::LocalTime lt = core::to_local(t);
    return core::format_date_iso(lt) + " " + core::format_hhmm(lt.minute_of_day);
  };
  std::string out = std::string("sync: ") + (s.online ? "online" : "offline") + ", enrolled " +
                    (s.enrolled ? "yes" : "no") + ", last successful sync " + when(s.last_success) + ", unsent " +
                    std::to_string(s.unsent) + ", rejected " + std::to_string(s.rejected);
  if (s.clock_off) out += ", clock off by " + std::to_string(s.clock_offset / 1000) + " s";
  if (!s.last_error.empty()) out += ", last error: " + s.last_error;
  return out;
}

}  // namespace

// [SECTION] run_kiosk

int run_kiosk(const KioskOptions& o) {
  // Configuration: a typo stops start-up with a message naming the key.
  core::KioskConfig cfg;
  const std::string config_file = config::find_config_file(o.config_path);
  if (!config_file.empty()) {
    try {
      cfg = config::load_kiosk_config(config_file);
    } catch (const config::ConfigError& e) {
      std::fprintf(stderr, "meedoen-kiosk: configuration error: %s\n", e.what());
      return 2;
    }
  }

  std::string db_path = o.db_path.empty() ? cfg.database_path : o.db_path;
  if (db_path.empty()) {
    db_path = config::default_database_path();
    if (o.demo) db_path = std::filesystem::path(db_path).replace_filename("demo.db").string();
  }

  AppClock clock;
  if (!o.clock.empty()) {
    const core::TimeMs at = parse_local(o.clock);
    if (at < 0) {
      std::fprintf(stderr, "meedoen-kiosk: --clock: expected a local time like 2026-11-23T09:42, got \"%s\"\n",
                   o.clock.c_str());
      return 2;
    }
    clock.offset = at - system_ms();
  }

  std::optional<storage::Store> store;
  try {
    store.emplace(storage::Store::open(db_path));
    if (o.demo && storage::seed_demo_centre(*store, clock.now())) log_line("demo centre created in " + db_path);
  } catch (const storage::StorageError& e) {
    std::fprintf(stderr, "meedoen-kiosk: cannot use the database: %s\n", e.what());
    return 3;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "meedoen-kiosk: cannot use the database %s: %s\n", db_path.c_str(), e.what());
    return 3;
  }

  if (o.print_journal) {
    try {
      for (const auto& e : store->journal()) std::printf("%s\n", storage::journal_json_line(e).c_str());
    } catch (const storage::StorageError& e) {
      std::fprintf(stderr, "meedoen-kiosk: %s\n", e.what());
      return 3;
    }
    return 0;
  }
  // Sync: the command line overrides the settings file; no URL = fully offline, as before.
  if (!o.server_url.empty()) cfg.server_url = o.server_url;
  if (!o.enrol_code.empty()) cfg.sync_enrol_code = o.enrol_code;
  if (!o.ca_bundle.empty()) cfg.sync_ca_bundle = o.ca_bundle;
  if (!cfg.server_url.empty() && cfg.server_url.rfind("http://", 0) != 0 && cfg.server_url.rfind("https://", 0) != 0) {
    std::fprintf(stderr, "meedoen-kiosk: --server: must start with http:// or https://, got \"%s\"\n", cfg.server_url.c_str());
    return 2;
  }
  std::unique_ptr<sync::Worker> worker;
  if (!cfg.server_url.empty()) {
    sync::WorkerOptions so;
    so.db_path = db_path;
    so.server_url = cfg.server_url;
    so.enrol_code = cfg.sync_enrol_code;
    so.ca_bundle = cfg.sync_ca_bundle;
    so.pull_interval_ms = core::seconds(cfg.sync_pull_seconds);
    so.log = [](const std::string& line) { log_line(line); };
    try {
      worker = std::make_unique<sync::Worker>(std::move(so));
    } catch (const storage::StorageError& e) {
      std::fprintf(stderr, "meedoen-kiosk: cannot prepare sync: %s\n", e.what());
      return 3;
    }
  }
  if (o.sync_once) {
    if (!worker) {
      std::fprintf(stderr, "meedoen-kiosk: --sync-once: no server configured ([sync] server_url or --server)\n");
      return 2;
    }
    const sync::CycleResult r = worker->run_once();
    std::printf("%s\npushed %d, pulled %d events from other kiosks\n", format_status(worker->status()).c_str(), r.pushed,
                r.pulled_events);
    return r.ok ? 0 : 5;
  }
  if (o.demo || worker) cfg.centre_name = store->setting("centre_name", cfg.centre_name);
  if (!store->has_roster()) log_line("no participants in " + db_path + " yet (start with --demo to try the kiosk)");

  std::unique_ptr<Replay> replay;
  if (!o.replay.empty()) {
    bool ok = false;
    const std::string script = read_file(o.replay, ok);
    if (!ok) {
      std::fprintf(stderr, "meedoen-kiosk: cannot read the replay script %s\n", o.replay.c_str());
      return 2;
    }
    ReplayParse parsed = parse_replay(script);
    if (!parsed.error.empty()) {
      std::fprintf(stderr, "meedoen-kiosk: %s: %s\n", o.replay.c_str(), parsed.error.c_str());
      return 2;
    }
    replay = std::make_unique<Replay>(std::move(parsed.steps));
  }

  ui::Strings tr;
  {
    std::vector<std::string> langs{cfg.default_language};
    for (const auto& l : cfg.languages)
      if (l != cfg.default_language) langs.push_back(l);
    const std::string dir = assets_dir() + "/i18n";
    tr.load(dir, langs);
    for (const auto& lang : langs) {
      tr.set_language(lang);
      if (tr.get("language.name") == "language.name") log_line("translations missing: " + dir + "/" + lang + ".po");
    }
  }

  if (!o.export_month.empty() || !o.export_progress.empty()) {
    tr.set_language(cfg.default_language);  // reports go to the municipality in the centre's language
    const std::string dir = export_dir(cfg, o.export_out);
    const ExportResult r = !o.export_month.empty()
                               ? export_month(*store, cfg, tr, o.export_month, "", "", clock.now(), dir)
                               : export_progress(*store, cfg, tr, o.export_progress, "", clock.now(), dir);
    if (!r.error.empty()) {
      std::fprintf(stderr, "meedoen-kiosk: export failed: %s\n", r.error.c_str());
      return r.error.rfind("not a month", 0) == 0 ? 2 : 6;
    }
    for (const auto& p : r.paths) std::printf("%s\n", p.c_str());
    return 0;
  }

  Session session(cfg, *store);
  session.set_strings(&tr);
  try {
    // Check-ins left open while the kiosk was off are closed at the end of their dagdeel.
    for (const auto& a : store->close_forgotten(clock.now(), cfg))
      log_line("check-out of " + a.participant_id + " on " + a.date + " closed at the end of the dagdeel (not checked out)");
  } catch (const storage::StorageError& e) {
    log_line(std::string("could not close forgotten check-outs: ") + e.what());
  }
  if (o.coach) session.start_in_coach_mode();
  session.reload(clock.now());
  session.dispatch(core::Tick{clock.now()});

  std::unique_ptr<Window> window;
  try {
    window = std::make_unique<Window>("Meedoen", o.width, o.height, o.fullscreen);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "meedoen-kiosk: %s\n", e.what());
    return 4;
  }
  log_line("kiosk started: database " + db_path + ", device " + store->device_id() +
           (config_file.empty() ? ", built-in settings" : ", settings " + config_file));
  Kiosk kiosk(o, session, *window, clock, tr);
  kiosk.set_replay(std::move(replay));
  if (worker) {
    // The worker's thread wakes the main loop with an SDL user event (SDL_PushEvent is thread-safe).
    const unsigned wake = window->wake_event_type();
    worker->set_on_change([wake] {
      SDL_Event ev{};
      ev.type = wake;
      SDL_PushEvent(&ev);
    });
    kiosk.set_sync(worker.get());
    worker->start();
    log_line("sync with " + cfg.server_url + " started");
  }
  const int code = kiosk.run();
  if (worker) {
    worker->stop();  // before the window goes: no wake events into a closed SDL
    log_line(format_status(worker->status()));
  }
  return code;
}

}  // namespace meedoen::platform
