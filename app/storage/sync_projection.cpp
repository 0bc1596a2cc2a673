// Interim projection: re-folds the attendance of every (participant, date) that a pulled event
// touched, from all their events in the journal (core/attendance_fold). Sign-ups, absences and
// hours are derived by the journal projection that replaces this.
#include "storage/sync_projection.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <set>

#include "core/attendance_fold.hpp"

namespace meedoen::storage {

void reproject_after_pull(SQLite::Database& db, const std::vector<sync::WireEvent>& new_events) {
  std::set<std::pair<std::string, std::string>> touched;  // (participant, date)
  for (const auto& e : new_events) {
    if (e.type != "check_in" && e.type != "check_out" && e.type != "auto_check_out") continue;
    if (auto a = sync::attendance_event(e); !a.date.empty()) touched.emplace(e.participant_id, a.date);
  }
  if (touched.empty()) return;
  SQLite::Statement load(db,
      "SELECT id, device_id, hlc, type, wall_ms, payload FROM events WHERE participant_id = ? "
      "AND type IN ('check_in', 'check_out', 'auto_check_out') AND json_extract(payload, '$.date') = ?");
  SQLite::Statement clear(db, "DELETE FROM attendance WHERE participant_id = ? AND date = ?");
  SQLite::Statement insert(db,
      "INSERT INTO attendance (check_in_event, participant_id, date, dagdeel, check_in_ms, check_out_ms, check_out_event) "
      "VALUES (?, ?, ?, ?, ?, NULLIF(?, 0), NULLIF(?, ''))");
  for (const auto& [pid, date] : touched) {
    std::vector<core::AttendanceEvent> events;
    load.reset();
    load.bind(1, pid);
    load.bind(2, date);
    while (load.executeStep()) {
      sync::WireEvent e;
      e.id = load.getColumn(0).getString();
      e.device_id = load.getColumn(1).getString();
      e.hlc = load.getColumn(2).getString();
      e.type = load.getColumn(3).getString();
      e.wall_ms = load.getColumn(4).getInt64();
      e.participant_id = pid;
      e.payload = load.getColumn(5).getString();
      events.push_back(sync::attendance_event(e));
    }
    clear.reset();
    clear.bind(1, pid);
    clear.bind(2, date);
    clear.exec();
    for (const auto& f : core::fold_attendance_events(std::move(events))) {
      insert.reset();
      insert.bind(1, f.check_in_event);
      insert.bind(2, pid);
      insert.bind(3, date);
      insert.bind(4, core::dagdeel_key(f.attendance.dagdeel));
      insert.bind(5, f.attendance.check_in);
      insert.bind(6, f.attendance.check_out);
      insert.bind(7, f.check_out_event);
      insert.exec();
    }
  }
}

}  // namespace meedoen::storage
