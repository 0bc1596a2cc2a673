// Start-up shared by every mode of meedoen-kiosk: what used to be the first half of run_kiosk.
#include "cli/kiosk_start.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>

#include "config/kiosk_config.hpp"
#include "config/paths.hpp"
#include "platform/log.hpp"
#include "storage/demo_centre.hpp"

namespace meedoen::cli {

using platform::log_line;

namespace {

// "2026-11-23T09:42" or "2026-11-23T09:42:30" in local time -> ms since epoch; -1 if malformed.
core::TimeMs parse_local(const std::string& s) {
  std::tm tm{};
  int sec = 0;
  const int n =
      std::sscanf(s.c_str(), "%d-%d-%dT%d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &sec);
  if (n < 5) return -1;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  tm.tm_sec = sec;
  tm.tm_isdst = -1;
  const std::time_t t = std::mktime(&tm);
  return t == -1 ? -1 : static_cast<core::TimeMs>(t) * 1000;
}

int load_settings(const StartOptions& o, KioskStart& k) {
  k.config_file = config::find_config_file(o.config_path);
  if (k.config_file.empty()) return 0;
  try {
    k.cfg = config::load_kiosk_config(k.config_file);
  } catch (const config::ConfigError& e) {
    std::fprintf(stderr, "meedoen-kiosk: configuration error: %s\n", e.what());
    return kUsage;
  }
  return 0;
}

int set_clock(const StartOptions& o, KioskStart& k) {
  if (o.clock.empty()) return 0;
  const core::TimeMs at = parse_local(o.clock);
  if (at < 0) {
    std::fprintf(stderr, "meedoen-kiosk: --clock: expected a local time like 2026-11-23T09:42, got \"%s\"\n",
                 o.clock.c_str());
    return kUsage;
  }
  k.clock_offset = at - system_ms();
  return 0;
}

// The start-up check's finding, in the log (and on stderr when the kiosk will confirm nothing).
void report_health(const storage::Store& store) {
  const storage::Health& h = store.health();
  if (h.fault == core::StorageFault::None) {
    log_line("database check: ok in " + std::to_string(h.check_ms) + " ms" +
             (h.complete ? std::string() : " (budget spent: only partly checked)"));
    return;
  }
  const bool damaged = h.fault == core::StorageFault::Damaged;
  const std::string what = damaged                                   ? "the database is damaged"
                           : h.fault == core::StorageFault::ReadOnly ? "the database file is read-only"
                                                                     : "the disk is full";
  const std::string todo = damaged ? "restore a backup or enrol the kiosk again (nothing the server has is lost)"
                                   : "fix it and restart the kiosk";
  const std::string line = what + " (" + h.detail + "): this kiosk confirms nothing; " + todo;
  log_line(line);
  std::fprintf(stderr, "meedoen-kiosk: %s: %s\n", store.path().c_str(), line.c_str());
}

// --db, else [database] path, else the XDG default (demo.db beside it with --demo).
void choose_database(const StartOptions& o, KioskStart& k) {
  k.db_path = o.db_path.empty() ? k.cfg.database_path : o.db_path;
  if (k.db_path.empty()) {
    k.db_path = config::default_database_path();
    if (o.demo) k.db_path = std::filesystem::path(k.db_path).replace_filename("demo.db").string();
  }
}

int open_database(KioskStart& k, bool demo) {
  try {
    k.store.emplace(storage::Store::open(k.db_path));
    report_health(*k.store);
    if (k.store->health().fault != core::StorageFault::None) return 0;  // the coach's screen says it
    if (demo && storage::seed_demo_centre(*k.store, k.now())) log_line("demo centre created in " + k.db_path);
  } catch (const storage::StorageError& e) {
    std::fprintf(stderr, "meedoen-kiosk: cannot use the database: %s\n", e.what());
    return kDatabase;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "meedoen-kiosk: cannot use the database %s: %s\n", k.db_path.c_str(), e.what());
    return kDatabase;
  }
  return 0;
}

bool is_http_url(const std::string& url) { return url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0; }

}  // namespace

core::TimeMs system_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

core::TimeMs KioskStart::now() const { return system_ms() + clock_offset; }

int locate_kiosk(const StartOptions& o, KioskStart& k) {
  if (const int rc = load_settings(o, k)) return rc;
  choose_database(o, k);
  return 0;
}

int open_kiosk(const StartOptions& o, KioskStart& k) {
  if (const int rc = locate_kiosk(o, k)) return rc;
  if (const int rc = set_clock(o, k)) return rc;
  return open_database(k, o.demo);
}

int prepare_sync(const StartOptions& o, KioskStart& k) {
  // The command line overrides the settings file; no URL = fully offline.
  core::KioskConfig& cfg = k.cfg;
  if (!o.server_url.empty()) cfg.server_url = o.server_url;
  if (!o.enrol_code.empty()) cfg.sync_enrol_code = o.enrol_code;
  if (!o.ca_bundle.empty()) cfg.sync_ca_bundle = o.ca_bundle;
  if (!cfg.server_url.empty() && !is_http_url(cfg.server_url)) {
    std::fprintf(stderr, "meedoen-kiosk: --server: must start with http:// or https://, got \"%s\"\n",
                 cfg.server_url.c_str());
    return kUsage;
  }
  if (cfg.server_url.empty()) return 0;
  if (k.store && k.store->health().fault != core::StorageFault::None) {
    // Nothing read from a damaged, read-only or full database may be pushed or marked sent: the
    // server keeps what it has, and the coach's screen says how to recover.
    log_line("sync paused: the database cannot be trusted or written (see the coach's screen)");
    return 0;
  }
  sync::WorkerOptions so;
  so.db_path = k.db_path;
  so.server_url = cfg.server_url;
  so.enrol_code = cfg.sync_enrol_code;
  so.ca_bundle = cfg.sync_ca_bundle;
  so.pull_interval_ms = core::seconds(cfg.sync_pull_seconds);
  so.log = [](const std::string& line) { log_line(line); };
  try {
    k.worker = std::make_unique<sync::Worker>(std::move(so));
  } catch (const storage::StorageError& e) {
    std::fprintf(stderr, "meedoen-kiosk: cannot prepare sync: %s\n", e.what());
    return kDatabase;
  }
  return 0;
}

void adopt_centre(const StartOptions& o, KioskStart& k) {
  if (o.demo || k.worker) k.cfg.centre_name = k.store->setting("centre_name", k.cfg.centre_name);
  if (k.store->has_roster() || k.store->health().fault != core::StorageFault::None) return;
  // A new kiosk of a real centre gets its roster at its first pull; one without a server has none.
  log_line("no participants in " + k.db_path + " yet " +
           (k.worker ? std::string("(they arrive from the server at the first sync)")
                     : std::string("(link the kiosk to a server, README \"Going live at a centre\", or start with "
                                   "--demo to try it)")));
}

ui::Strings load_strings(const core::KioskConfig& cfg) {
  ui::Strings tr;
  std::vector<std::string> langs{cfg.default_language};
  for (const auto& l : cfg.languages)
    if (l != cfg.default_language) langs.push_back(l);
  const std::string dir = ui::assets_dir() + "/i18n";
  tr.load(dir, langs);
  for (const auto& lang : langs) {
    tr.set_language(lang);
    if (tr.get("language.name") == "language.name") log_line("translations missing: " + dir + "/" + lang + ".po");
  }
  return tr;
}

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

}  // namespace meedoen::cli
