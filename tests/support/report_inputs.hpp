// A centre's month for report tests: long names from the languages the kiosk speaks (a Polish
// double surname, a Dutch name with particles, a Turkish one), attendance and volunteer hours on
// both sides of October 2026 (a month from a Thursday to a Saturday).
#pragma once
#include <string>

#include "core/report.hpp"
#include "support/people.hpp"

namespace meedoen::test {

// Monday 23 November 2026, 14:00.
inline core::TimeMs report_now() { return core::from_local("2026-11-23", 14 * 60); }

inline core::ReportInputs long_names_centre() {
  core::ReportInputs in;
  in.coaches = {{"c1", "Marloes Kuipers-van den Heuvel"}, {"c2", "Łukasz Brzęczyszczykiewicz"}};
  const std::uint32_t monday_morning = core::agreed_bit(0, core::Dagdeel::Morning);
  auto with = [&](core::Participant p, const char* coach, bool mandatory) {
    p.coach_id = coach;
    p.mandatory = mandatory;
    p.start_date = "2026-09-01";
    p.agreed_parts = monday_morning;
    p.agreed_minutes_per_week = 6 * 60 + 45;
    return p;
  };
  in.participants = {
      with(person("p1", "Agnieszka", "Wiśniewska-Kowalczyk"), "c1", true),
      with(person("p2", "Jan-Willem Alexander", "van den Heuvel tot Beichlingen"), "c1", false),
      with(person("p3", "Łucja", "Zielińska"), "c2", true),
      with(person("p4", "Ayşe Gülşen", "Yılmaz-Karakoçoğlu"), "c2", false),
      with(person("p5", "Zoë", "de Vries"), "c1", false),
  };
  int n = 0;
  for (const char* pid : {"p1", "p2", "p3", "p4"})
    for (const char* date : {"2026-09-28", "2026-10-01", "2026-10-05", "2026-10-19", "2026-10-31", "2026-11-02"}) {
      core::Attendance a;
      a.participant_id = pid;
      a.date = date;
      a.dagdeel = core::Dagdeel::Morning;
      a.check_in = core::from_local(date, 9 * 60 + 30);
      a.check_out = a.check_in + core::minutes(150);
      in.attendance.push_back(a);
      core::HoursEntry h;
      h.event_id = "h" + std::to_string(++n);
      h.participant_id = pid;
      h.date = date;
      h.place = "Buurthuis De Cirkel, keuken en moestuin";
      h.minutes = h.approved_minutes = 45 + 15 * (n % 4);
      h.status = core::HoursStatus::Approved;
      in.hours.push_back(h);
    }
  in.ladder = {assessment("p1", "2026-09-15", 2, 1), assessment("p1", "2026-10-20", 3, 0)};
  return in;
}

// The same month with five coaches, each with a participant present: more coaches' rows than a
// small screen's table holds.
inline core::ReportInputs five_coaches_centre() {
  core::ReportInputs in = long_names_centre();
  const char* more[][4] = {{"c3", "Sevda Öztürk-Bakker", "p6", "Mohammed"},
                           {"c4", "Hendrikje van Wijngaarden", "p7", "Tesfay"},
                           {"c5", "Ijsbrand de Jong", "p8", "Ewa"}};
  for (const auto& m : more) {
    in.coaches.push_back({m[0], m[1]});
    core::Participant p = in.participants.front();
    p.id = m[2];
    p.first_name = m[3];
    p.coach_id = m[0];
    in.participants.push_back(p);
    core::Attendance a = in.attendance.front();
    a.participant_id = m[2];
    a.date = "2026-10-05";
    a.check_in = core::from_local(a.date, 9 * 60 + 30);
    a.check_out = a.check_in + core::minutes(150);
    in.attendance.push_back(a);
  }
  return in;
}

}  // namespace meedoen::test
