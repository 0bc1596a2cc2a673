// The attendance fold: a check-in while one is open changes nothing; a check-out closes the open
// one; an auto_check_out closes the one it names if still open.
#include "core/attendance_fold.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace meedoen::core {

std::vector<FoldedAttendance> fold_attendance_events(std::vector<AttendanceEvent> events) {
  std::sort(events.begin(), events.end(), [](const AttendanceEvent& a, const AttendanceEvent& b) {
    return std::tie(a.hlc, a.device_id, a.id) < std::tie(b.hlc, b.device_id, b.id);
  });
  std::vector<FoldedAttendance> out;
  std::map<std::pair<std::string, std::string>, std::size_t> open;  // (participant, date) -> index
  for (const auto& e : events) {
    const auto key = std::make_pair(e.participant_id, e.date);
    auto it = open.find(key);
    if (e.type == "check_in") {
      if (it != open.end()) continue;  // the same person on two kiosks: one attendance
      FoldedAttendance f;
      f.attendance.participant_id = e.participant_id;
      f.attendance.date = e.date;
      f.attendance.dagdeel = e.dagdeel;
      f.attendance.check_in = e.at;
      f.check_in_event = e.id;
      f.check_in_device = e.device_id;
      open[key] = out.size();
      out.push_back(std::move(f));
    } else if (e.type == "check_out" || e.type == "auto_check_out") {
      if (it == open.end()) continue;
      FoldedAttendance& f = out[it->second];
      if (e.type == "auto_check_out" && !e.check_in_event.empty() && e.check_in_event != f.check_in_event) continue;
      f.attendance.check_out = std::max(e.at, f.attendance.check_in + 1);  // 0 means "still open"
      f.check_out_event = e.id;
      f.check_out_device = e.device_id;
      f.auto_closed = e.type == "auto_check_out";
      open.erase(it);
    }
  }
  return out;
}

}  // namespace meedoen::core
