// Attendance derived from check_in / check_out / auto_check_out events (docs/events.md, "Fold
// rules"). Interim: the same fold arrives in core/journal.hpp (fold_attendance); until then the
// kiosk's pull projection and the server's reports share this one. Standard library only.
#pragma once
#include <string>
#include <vector>

#include "core/model.hpp"
#include "core/time.hpp"

namespace meedoen::core {

// The fields of an event that the attendance fold reads.
struct AttendanceEvent {
  std::string id, device_id, hlc, type, participant_id, date;
  Dagdeel dagdeel = Dagdeel::Morning;
  TimeMs at = 0;                 // payload "at", else the event's wall clock
  std::string check_in_event;    // auto_check_out: the attendance it closes
};

struct FoldedAttendance {
  Attendance attendance;
  std::string check_in_event, check_out_event;
  std::string check_in_device, check_out_device;  // the kiosks that recorded them
  bool auto_closed = false;
};

// Sorts by the fold order (hlc, device_id, id) and folds; one result per attendance, in fold order.
std::vector<FoldedAttendance> fold_attendance_events(std::vector<AttendanceEvent> events);

}  // namespace meedoen::core
