// The kiosk's windowless modes, one function each: they run on an opened kiosk (kiosk_start.hpp),
// print to stdout, and return the process's exit code. No SDL, no ImGui.
#pragma once
#include <string>

#include "cli/kiosk_start.hpp"

namespace meedoen::cli {

// --print-journal: the event journal as JSON lines.
int print_journal(const storage::Store& store);
// --sync-once: one push and pull, then the sync status.
int sync_once(sync::Worker* worker);
// --export-month YYYY-MM [--out DIR]: the month overview as CSV and PDF; prints the paths.
int export_month(const KioskStart& k, ui::Strings& tr, const std::string& month, const std::string& out);
// --export-progress PARTICIPANT_ID [--out DIR]: one participant's progress report; prints the paths.
int export_progress(const KioskStart& k, ui::Strings& tr, const std::string& participant_id, const std::string& out);

// backup FILE: a consistent copy of the journal while the kiosk runs. restore FILE: the copy
// put back, refused while a kiosk has the database open (storage/backup.hpp). Exit 0 or 3.
int backup_journal(const std::string& db_path, const std::string& file);
int restore_journal(const std::string& db_path, const std::string& file);

}  // namespace meedoen::cli
