// Running the kiosk: options from the command line, and the windowed main loop.
#pragma once
#include <string>

namespace meedoen::platform {

struct KioskOptions {
  std::string config_path;   // --config
  std::string db_path;       // --db
  std::string screenshot;    // --screenshot FILE: write a PNG of the first screen and exit
  std::string replay;        // --replay FILE
  std::string clock;         // --clock "2026-11-23T09:42": start the app's clock at this local time
  int width = 1280, height = 800;
  bool demo = false;
  bool coach = false;        // --coach: an office PC, starting at the coach PIN pad
  bool fullscreen = false;
  bool print_journal = false;
  bool bench_startup = false;  // print the wall-clock time of the first frame and exit
  // Sync (override [sync] in the settings file).
  std::string server_url;    // --server
  std::string enrol_code;    // --enrol-code
  std::string ca_bundle;     // --ca-bundle
  bool sync_once = false;    // --sync-once: one push + pull without a window, then exit
  // Coach exports without a window (an office PC, tests): write CSV + PDF, print the paths.
  std::string export_month;     // --export-month YYYY-MM
  std::string export_progress;  // --export-progress PARTICIPANT_ID
  std::string export_out;       // --out DIR (default [coach] export_dir, else $XDG_DATA_HOME/meedoen/exports)
};

// Exit codes: 0 ok, 1 replay failed, 2 bad usage or configuration, 3 database problem,
// 4 no display, 5 --sync-once could not sync, 6 an export could not be written.
int run_kiosk(const KioskOptions& options);

}  // namespace meedoen::platform
