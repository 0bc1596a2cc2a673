// The kiosk's windowless modes: print the journal, sync once, export a report.
#include "cli/kiosk_commands.hpp"

#include <cstdio>

#include "platform/exports.hpp"
#include "storage/backup.hpp"

namespace meedoen::cli {

namespace {

// Prints the written paths, or says why nothing was written: a bad month is a usage error.
int report_export(const platform::ExportResult& r) {
  if (!r.error.empty()) {
    std::fprintf(stderr, "meedoen-kiosk: export failed: %s\n", r.error.c_str());
    return r.error.rfind("not a month", 0) == 0 ? kUsage : kExportFailed;
  }
  for (const auto& p : r.paths) std::printf("%s\n", p.c_str());
  return 0;
}

}  // namespace

int print_journal(const storage::Store& store) {
  try {
    for (const auto& e : store.journal()) std::printf("%s\n", storage::journal_json_line(e).c_str());
  } catch (const storage::StorageError& e) {
    std::fprintf(stderr, "meedoen-kiosk: %s\n", e.what());
    return kDatabase;
  }
  return 0;
}

int sync_once(sync::Worker* worker) {
  if (!worker) {
    std::fprintf(stderr, "meedoen-kiosk: --sync-once: no server configured ([sync] server_url or --server)\n");
    return kUsage;
  }
  const sync::CycleResult r = worker->run_once();
  std::printf("%s\npushed %d, pulled %d events from other kiosks\n", format_status(worker->status()).c_str(), r.pushed,
              r.pulled_events);
  return r.ok ? 0 : kSyncFailed;
}

// Reports go to the municipality in the centre's language; from the command line no coach sends them.
int export_month(const KioskStart& k, ui::Strings& tr, const std::string& month, const std::string& out) {
  tr.set_language(k.cfg.default_language);
  const std::string dir = platform::export_dir(k.cfg, out);
  return report_export(platform::export_month(*k.store, k.cfg, tr, month, "", "", k.now(), dir));
}

int export_progress(const KioskStart& k, ui::Strings& tr, const std::string& participant_id, const std::string& out) {
  tr.set_language(k.cfg.default_language);
  const std::string dir = platform::export_dir(k.cfg, out);
  return report_export(platform::export_progress(*k.store, k.cfg, tr, participant_id, "", k.now(), dir));
}

int backup_journal(const std::string& db_path, const std::string& file) {
  try {
    const int pages = storage::backup_database(db_path, file);
    std::printf("backup of %s written to %s (%d pages, integrity ok)\n", db_path.c_str(), file.c_str(), pages);
    return 0;
  } catch (const storage::StorageError& e) {
    std::fprintf(stderr, "meedoen-kiosk: %s\n", e.what());
    return kDatabase;
  }
}

// The events table and the meta table (device id) are what make a kiosk's journal.
int restore_journal(const std::string& db_path, const std::string& file) {
  try {
    storage::restore_database(file, db_path, "meta");
    std::printf("%s restored from %s; start the kiosk again (its server sees the restore and keeps every event)\n",
                db_path.c_str(), file.c_str());
    return 0;
  } catch (const storage::StorageError& e) {
    std::fprintf(stderr, "meedoen-kiosk: %s\n", e.what());
    return kDatabase;
  }
}

}  // namespace meedoen::cli
