// Opening the kiosk without a window: settings, database, clock and the sync worker, in the
// order every mode of meedoen-kiosk shares (the windowless commands and the window alike).
// Each step returns 0 or the exit code to stop with; the message is already on stderr.
#pragma once
#include <memory>
#include <optional>
#include <string>

#include "core/model.hpp"
#include "storage/store.hpp"
#include "sync/worker.hpp"
#include "ui/i18n.hpp"

namespace meedoen::cli {

// Exit codes of meedoen-kiosk: 0 ok, 1 replay failed, 2 bad usage or configuration, 3 database
// problem, 4 no display, 5 --sync-once could not sync, 6 an export could not be written.
inline constexpr int kUsage = 2;
inline constexpr int kDatabase = 3;
inline constexpr int kSyncFailed = 5;
inline constexpr int kExportFailed = 6;

// What the command line says about where and when the kiosk runs, whatever the mode.
struct StartOptions {
  std::string config_path;  // --config
  std::string db_path;      // --db
  std::string clock;        // --clock "2026-11-23T09:42": start the app's clock at this local time
  bool demo = false;        // --demo
  // Sync (override [sync] in the settings file).
  std::string server_url;  // --server
  std::string enrol_code;  // --enrol-code
  std::string ca_bundle;   // --ca-bundle
};

struct KioskStart {
  core::KioskConfig cfg;
  std::string config_file;  // "" = built-in settings
  std::string db_path;
  core::TimeMs clock_offset = 0;  // --clock minus the system clock at start-up
  std::optional<storage::Store> store;
  std::unique_ptr<sync::Worker> worker;  // null: no server, fully offline

  core::TimeMs now() const;
};

core::TimeMs system_ms();

// Settings (a typo stops start-up naming the key) and which database, without opening it.
int locate_kiosk(const StartOptions& o, KioskStart& k);
// locate_kiosk, --clock, then the database (and the demo centre).
int open_kiosk(const StartOptions& o, KioskStart& k);
// The command line's sync overrides, then the worker when a server is configured (not started).
int prepare_sync(const StartOptions& o, KioskStart& k);
// A synced or demo kiosk shows the centre's name from the database; warns about an empty roster.
void adopt_centre(const StartOptions& o, KioskStart& k);
// The default language first, then the others; a missing catalogue is logged, not fatal.
ui::Strings load_strings(const core::KioskConfig& cfg);

// "sync: online, enrolled yes, last successful sync ..., unsent 0, rejected 0"
std::string format_status(const sync::Status& s);

}  // namespace meedoen::cli
