// Running the kiosk with its window: the window's options from the command line, what it runs
// on (opened beforehand by cli/kiosk_start.hpp), and the windowed main loop.
#pragma once
#include <functional>
#include <optional>
#include <string>

#include "core/model.hpp"
#include "storage/store.hpp"
#include "sync/worker.hpp"
#include "ui/i18n.hpp"

namespace meedoen::platform {

struct KioskOptions {
  std::string screenshot;  // --screenshot FILE: write a PNG of the first screen and exit
  std::string replay;      // --replay FILE
  std::string audio_out;   // --audio-out FILE.wav: everything read aloud, appended to this file
  int width = 1280, height = 800;
  bool coach = false;  // --coach: an office PC, starting at the coach PIN pad
  bool fullscreen = false;
  bool bench_startup = false;  // print the wall-clock time of the first frame and exit
  // --clock with --replay: the app's clock stands still between the script's steps and moves only
  // by its "advance" and "wait" steps, so a screenshot shows the same time (a clock, a countdown)
  // on every run, however long the steps before it took.
  bool fixed_clock = false;
  // The font cache's folder (ui/font_cache.hpp): $XDG_CACHE_HOME/meedoen; "" builds the atlas at
  // every start.
  std::string font_cache;
};

// The opened kiosk the window runs on; the caller owns each part and outlives run_kiosk.
struct KioskParts {
  const core::KioskConfig& cfg;
  storage::Store& store;
  sync::Worker* worker;  // null: offline; started here and stopped before the window closes
  ui::Strings& tr;
  core::TimeMs clock_offset;                                      // --clock minus the system clock
  std::string db_path;                                            // for the start-up log line
  std::string config_file;                                        // "" = built-in settings
  std::function<std::string(const sync::Status&)> describe_sync;  // the status logged at the end
};

// The kiosk's own start (its journal opened and checked, its settings and catalogues): 0 with the
// parts, or an exit code with its message printed. Runs on a thread while the window opens.
using PrepareKiosk = std::function<int(std::optional<KioskParts>& parts)>;

// Exit codes: 0 ok, 1 replay failed, 2 bad replay script, 4 no display (cli/kiosk_start.hpp has them
// all); prepare's own when it fails.
int run_kiosk(const KioskOptions& options, const PrepareKiosk& prepare);

}  // namespace meedoen::platform
