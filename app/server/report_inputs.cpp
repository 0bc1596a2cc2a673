// Folding a centre's stored events into report inputs, subject by subject, as the kiosks do.
#include "server/report_inputs.hpp"

#include <algorithm>
#include <tuple>

#include "wire/event_codec.hpp"

namespace meedoen::server {

namespace {

// "attendance/<participant>/<date>" -> "attendance"; "signups/<activity>/<date>" -> the activity.
std::string part_of(const std::string& subject, int n) {
  std::size_t start = 0;
  for (int i = 0; i < n && start != std::string::npos; ++i) {
    start = subject.find('/', start);
    if (start != std::string::npos) ++start;
  }
  if (start == std::string::npos) return "";
  return subject.substr(start, subject.find('/', start) - start);
}

int capacity_of(const std::vector<core::Activity>& programme, const std::string& id) {
  for (const auto& a : programme)
    if (a.id == id) return a.capacity;
  return 0;  // unknown to the programme: no limit, as on a kiosk without that activity row
}

template <class T, class Keep>
void keep_if(std::vector<T>& rows, Keep&& keep) {
  std::erase_if(rows, [&](const T& r) { return !keep(r); });
}

// The order the kiosk's store reads the coach's file in: by date, then by when it was recorded.
template <class T>
void by_date_and_time(std::vector<T>& rows) {
  std::stable_sort(rows.begin(), rows.end(),
                   [](const T& a, const T& b) { return std::tie(a.date, a.at) < std::tie(b.date, b.at); });
}

// Folds one subject's events into the rows of in (the kiosk's storage/projection, subject by subject).
void fold_into(core::ReportInputs& in, const std::string& subject, const std::vector<core::Event>& events) {
  const std::string kind = part_of(subject, 0);
  if (kind == "attendance") {
    for (auto& a : core::fold_attendance(events)) in.attendance.push_back(std::move(a));
  } else if (kind == "signups") {
    for (auto& su : core::fold_signups(events, capacity_of(in.programme, part_of(subject, 1))))
      in.signups.push_back(std::move(su));
  } else if (kind == "absences") {
    for (auto& a : core::fold_absences(events)) in.absences.push_back(std::move(a));
  } else if (kind == "hours") {
    for (auto& h : core::fold_hours(events)) in.hours.push_back(std::move(h));
  } else if (kind == "file") {
    core::CoachFile f = core::fold_file(events);
    for (auto& l : f.ladder) in.ladder.push_back(std::move(l));
    for (auto& x : f.exits) in.exits.push_back(std::move(x));
  }  // "activity": the programme rows, applied on push (ServerStore::programme)
}

}  // namespace

std::map<std::string, std::vector<core::Event>> by_subject(const std::vector<StoredEvent>& events) {
  std::map<std::string, std::vector<core::Event>> out;
  for (const auto& s : events) {
    core::Event e;
    e.id = s.e.id;
    e.device_id = s.e.device_id;
    e.seq = s.e.seq;
    e.wall = s.e.wall_ms;
    e.hlc = s.e.hlc;
    e.type = s.e.type;
    e.participant_id = s.e.participant_id;
    e.body = wire::decode_payload(s.e.type, s.e.payload, s.e.wall_ms);
    const std::string subject = core::event_subject(e.participant_id, e.body);
    if (!subject.empty()) out[subject].push_back(std::move(e));
  }
  for (auto& [subject, list] : out) std::sort(list.begin(), list.end(), core::fold_before);
  return out;
}

std::string centre_go_live(const ServerStore& s, const std::string& centre) {
  return core::go_live_date(s.setting(centre, "go_live"), s.first_event_date(centre));
}

core::ReportInputs centre_inputs(const ServerStore& s, const std::string& centre) {
  core::ReportInputs in;
  in.participants = s.participants(centre, true);
  in.coaches = s.coaches(centre);
  in.programme = s.programme(centre);
  in.go_live = centre_go_live(s, centre);
  for (const auto& [subject, events] : by_subject(s.events(centre, "", "9999-12-31"))) fold_into(in, subject, events);
  by_date_and_time(in.ladder);
  by_date_and_time(in.exits);
  return in;
}

core::ReportInputs month_inputs(core::ReportInputs in, const std::string& month) {
  // The dates platform/exports.cpp (load_month_report) reads the kiosk's store for.
  const core::ReportRange r = core::report_range(month);
  auto between = [&](const std::string& d) { return d >= r.attendance_from && d <= r.attendance_to; };
  keep_if(in.attendance, [&](const core::Attendance& a) { return between(a.date); });
  keep_if(in.absences, [&](const core::Absence& a) { return between(a.date); });
  keep_if(in.signups, [&](const core::SignUp& su) { return between(su.date); });
  keep_if(in.hours, [&](const core::HoursEntry& h) { return h.date >= r.hours_from; });
  keep_if(in.ladder, [&](const core::LadderAssessment& l) { return l.date <= r.month_to; });
  keep_if(in.exits, [&](const core::Exit& x) { return x.date <= r.month_to; });
  return in;
}

core::ReportInputs progress_inputs(core::ReportInputs in, const std::string& pid, core::TimeMs now) {
  // The dates platform/exports.cpp (load_progress_report) reads the kiosk's store for.
  const std::string today = core::format_date_iso(core::to_local(now));
  const auto p = std::find_if(in.participants.begin(), in.participants.end(),
                              [&](const core::Participant& x) { return x.id == pid; });
  if (p == in.participants.end()) return in;
  const std::string from = core::progress_from(p->start_date, today);
  auto mine_between = [&](const std::string& who, const std::string& d) {
    return who == pid && d >= from && d <= today;
  };
  keep_if(in.attendance, [&](const core::Attendance& a) { return mine_between(a.participant_id, a.date); });
  keep_if(in.absences, [&](const core::Absence& a) { return mine_between(a.participant_id, a.date); });
  keep_if(in.signups, [&](const core::SignUp& su) { return mine_between(su.participant_id, su.date); });
  keep_if(in.hours, [&](const core::HoursEntry& h) { return h.participant_id == pid; });
  keep_if(in.ladder, [&](const core::LadderAssessment& l) { return l.participant_id == pid && l.date <= today; });
  keep_if(in.exits, [&](const core::Exit& x) { return x.date <= today; });
  return in;
}

}  // namespace meedoen::server
