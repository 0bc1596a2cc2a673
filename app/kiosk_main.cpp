// meedoen-kiosk: the composition root. Parses the command line and hands over to platform.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "platform/kiosk.hpp"

int main(int argc, char** argv) {
  meedoen::platform::KioskOptions o;
  CLI::App app{"Meedoen: self-service kiosk for neighbourhood activation centres"};
  std::string size;
  app.add_flag("--demo", o.demo, "Use the embedded demo centre \"De Cirkel (demo)\" (creates it on an empty database)");
  app.add_option("--config", o.config_path, "Settings file (default /etc/meedoen/kiosk.toml, then ~/.config/meedoen/kiosk.toml)");
  app.add_option("--db", o.db_path, "Database file (default $XDG_DATA_HOME/meedoen/kiosk.db, demo.db with --demo)");
  app.add_option("--size", size, "Window size, e.g. 1280x800");
  app.add_flag("--coach", o.coach, "Coach mode on an office PC: start at the coach PIN pad and return there");
  app.add_flag("--fullscreen", o.fullscreen, "Fill the screen (kiosk mode)");
  app.add_option("--screenshot", o.screenshot, "Write a PNG of the window and exit");
  app.add_option("--replay", o.replay, "Play a script of input (see docs/replay.md)");
  app.add_option("--clock", o.clock, "Start the app's clock at this local time, e.g. 2026-11-23T09:42");
  app.add_flag("--print-journal", o.print_journal, "Print the event journal as JSON lines and exit");
  app.add_flag("--bench-startup", o.bench_startup, "Print the time of the first drawn frame and exit");
  app.add_option("--server", o.server_url, "Municipal sync server URL (overrides [sync] server_url)");
  app.add_option("--enrol-code", o.enrol_code, "One-time enrolment code from meedoen-server enrol-kiosk");
  app.add_option("--ca-bundle", o.ca_bundle, "PEM file of trusted CAs for an https server");
  app.add_flag("--sync-once", o.sync_once, "Push and pull once without a window, print the sync status and exit");
  app.add_option("--export-month", o.export_month,
                 "Write the month overview (the centre and each coach) as CSV and PDF, print the paths and exit; e.g. 2026-11");
  app.add_option("--export-progress", o.export_progress,
                 "Write one participant's dated progress report as CSV and PDF, print the paths and exit");
  app.add_option("--out", o.export_out, "Folder for --export-month / --export-progress (default: the exports folder)");
  CLI11_PARSE(app, argc, argv);
  if (!o.export_out.empty() && o.export_month.empty() && o.export_progress.empty()) {
    std::fprintf(stderr, "meedoen-kiosk: --out goes with --export-month or --export-progress\n");
    return 2;
  }
  if (!size.empty()) {
    char x = 0, extra = 0;
    if (std::sscanf(size.c_str(), "%d%c%d%c", &o.width, &x, &o.height, &extra) != 3 || (x != 'x' && x != 'X') ||
        o.width < 1024 || o.height < 600 || o.width > 8192 || o.height > 8192) {
      // Below 1024x600 the keyboard and 64 px targets no longer fit (tests/ui checks 1024x600).
      std::fprintf(stderr, "meedoen-kiosk: --size: expected WIDTHxHEIGHT of at least 1024x600, got \"%s\"\n", size.c_str());
      return 2;
    }
  }
  return meedoen::platform::run_kiosk(o);
}
