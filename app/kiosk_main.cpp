// meedoen-kiosk: the composition root. Parses the command line, opens the kiosk (cli/), then runs
// one windowless mode (cli/kiosk_commands.hpp) or the window (platform/kiosk.hpp).
#include <CLI/CLI.hpp>

#include <cstdio>
#include <optional>

#include "cli/kiosk_commands.hpp"
#include "cli/kiosk_start.hpp"
#include "config/paths.hpp"
#include "platform/kiosk.hpp"
#include "version.hpp"

namespace {

using namespace meedoen;

// The windowless modes; none set = the window.
struct Modes {
  bool print_journal = false;
  bool sync_once = false;
  std::string export_month;     // --export-month YYYY-MM
  std::string export_progress;  // --export-progress PARTICIPANT_ID
  std::string export_out;       // --out DIR (default [coach] export_dir, else $XDG_DATA_HOME/meedoen/exports)
};

// backup FILE / restore FILE: the journal, without opening the kiosk.
struct FileCommand {
  bool backup = false, restore = false;
  std::string file;
};

struct Options {
  cli::StartOptions start;
  FileCommand file_command;
  platform::KioskOptions window;
  Modes modes;
  std::string size;  // --size WIDTHxHEIGHT, checked into window.width/height
};

void add_options(CLI::App& app, Options& o) {
  cli::StartOptions& s = o.start;
  platform::KioskOptions& w = o.window;
  Modes& m = o.modes;
  app.add_flag("--demo", s.demo, "Use the embedded demo centre \"De Cirkel (demo)\" (creates it on an empty database)");
  app.add_option("--config", s.config_path,
                 "Settings file (default /etc/meedoen/kiosk.toml, then ~/.config/meedoen/kiosk.toml)");
  app.add_option("--db", s.db_path, "Database file (default $XDG_DATA_HOME/meedoen/kiosk.db, demo.db with --demo)");
  app.add_option("--size", o.size, "Window size, e.g. 1280x800");
  app.add_flag("--coach", w.coach, "Coach mode on an office PC: start at the coach PIN pad and return there");
  app.add_flag("--fullscreen", w.fullscreen, "Fill the screen (kiosk mode)");
  app.add_option("--screenshot", w.screenshot, "Write a PNG of the window and exit");
  app.add_option("--replay", w.replay, "Play a script of input (see docs/replay.md)");
  app.add_option("--audio-out", w.audio_out, "Also write what is read aloud to this WAV file (tests)");
  app.add_option("--clock", s.clock, "Start the app's clock at this local time, e.g. 2026-11-23T09:42");
  app.add_flag("--print-journal", m.print_journal, "Print the event journal as JSON lines and exit");
  app.add_flag("--bench-startup", w.bench_startup, "Print the time of the first drawn frame and exit");
  app.add_option("--server", s.server_url, "Municipal sync server URL (overrides [sync] server_url)");
  app.add_option("--enrol-code", s.enrol_code, "One-time enrolment code from meedoen-server enrol-kiosk");
  app.add_option("--ca-bundle", s.ca_bundle, "PEM file of trusted CAs for an https server");
  app.add_flag("--sync-once", m.sync_once, "Push and pull once without a window, print the sync status and exit");
  app.add_option("--export-month", m.export_month,
                 "Write the month overview (the centre and each coach) as CSV and PDF, print the paths and exit; "
                 "e.g. 2026-11");
  app.add_option("--export-progress", m.export_progress,
                 "Write one participant's dated progress report as CSV and PDF, print the paths and exit");
  app.add_option("--out", m.export_out, "Folder for --export-month / --export-progress (default: the exports folder)");
  app.set_version_flag("--version", std::string("meedoen-kiosk ") + kVersion);
  app.fallthrough();  // --db and --config may follow backup/restore FILE
  FileCommand& f = o.file_command;
  CLI::App* backup =
      app.add_subcommand("backup", "Copy the journal to FILE (consistent while the kiosk runs) and exit");
  backup->add_option("file", f.file, "The new backup file (must not exist)")->required();
  backup->callback([&f] { f.backup = true; });
  CLI::App* restore =
      app.add_subcommand("restore", "Put a backup FILE back as the journal (the kiosk stopped) and exit");
  restore->add_option("file", f.file, "A file written by backup")->required();
  restore->callback([&f] { f.restore = true; });
}

// Combinations and values CLI11 cannot check; 0 or the exit code.
int check_options(Options& o) {
  if (!o.modes.export_out.empty() && o.modes.export_month.empty() && o.modes.export_progress.empty()) {
    std::fprintf(stderr, "meedoen-kiosk: --out goes with --export-month or --export-progress\n");
    return cli::kUsage;
  }
  if (o.size.empty()) return 0;
  platform::KioskOptions& w = o.window;
  char x = 0, extra = 0;
  if (std::sscanf(o.size.c_str(), "%d%c%d%c", &w.width, &x, &w.height, &extra) != 3 || (x != 'x' && x != 'X') ||
      w.width < 1024 || w.height < 600 || w.width > 8192 || w.height > 8192) {
    // Below 1024x600 the keyboard and 64 px targets no longer fit (tests/ui checks 1024x600).
    std::fprintf(stderr, "meedoen-kiosk: --size: expected WIDTHxHEIGHT of at least 1024x600, got \"%s\"\n",
                 o.size.c_str());
    return cli::kUsage;
  }
  return 0;
}

bool windowless(const Modes& m) {
  return m.print_journal || m.sync_once || !m.export_month.empty() || !m.export_progress.empty();
}

// Each step in the order the modes share: a windowless mode stops as soon as it has what it needs.
int run_windowless(const Options& o) {
  const Modes& m = o.modes;
  cli::KioskStart k;
  if (const int rc = cli::open_kiosk(o.start, k)) return rc;
  if (m.print_journal) return cli::print_journal(*k.store);
  if (const int rc = cli::prepare_sync(o.start, k)) return rc;
  if (m.sync_once) return cli::sync_once(k.worker.get());
  cli::adopt_centre(o.start, k);
  ui::Strings tr = cli::load_strings(k.cfg);
  if (!m.export_month.empty()) return cli::export_month(k, tr, m.export_month, m.export_out);
  return cli::export_progress(k, tr, m.export_progress, m.export_out);
}

int run(const Options& o) {
  if (o.file_command.backup || o.file_command.restore) {
    cli::KioskStart k;
    if (const int rc = cli::locate_kiosk(o.start, k)) return rc;
    return o.file_command.backup ? cli::backup_journal(k.db_path, o.file_command.file)
                                 : cli::restore_journal(k.db_path, o.file_command.file);
  }
  if (windowless(o.modes)) return run_windowless(o);
  platform::KioskOptions window = o.window;
  window.fixed_clock = !o.start.clock.empty() && !window.replay.empty();
  window.font_cache = config::default_cache_dir();
  // The same steps as above, on the start's thread while the window opens (platform/kiosk.hpp).
  cli::KioskStart k;
  std::optional<ui::Strings> tr;
  return platform::run_kiosk(window, [&](std::optional<platform::KioskParts>& parts) {
    if (const int rc = cli::open_kiosk(o.start, k)) return rc;
    if (const int rc = cli::prepare_sync(o.start, k)) return rc;
    cli::adopt_centre(o.start, k);
    tr.emplace(cli::load_strings(k.cfg));
    parts.emplace(platform::KioskParts{k.cfg, *k.store, k.worker.get(), *tr, k.clock_offset, k.db_path, k.config_file,
                                       &cli::format_status});
    return 0;
  });
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  CLI::App app{"Meedoen: self-service kiosk for neighbourhood activation centres"};
  add_options(app, o);
  CLI11_PARSE(app, argc, argv);
  if (const int rc = check_options(o)) return rc;
  return run(o);
}
