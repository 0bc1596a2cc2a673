// A coach's Monday at De Cirkel, the state the coach-mode tests start from (view models and the
// drawn screens): Marloes logged in at 09:42, people here, someone absent, hours and a forgotten
// check-out waiting for a decision.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "core/state.hpp"
#include "support/fake_clock.hpp"
#include "support/ui_fixtures.hpp"

namespace meedoen::test {

inline core::Attendance attendance(const char* pid, core::TimeMs in, core::TimeMs out = 0) {
  core::Attendance a;
  a.participant_id = pid;
  a.date = core::format_date_iso(core::to_local(in));
  a.dagdeel = core::Dagdeel::Morning;
  a.check_in = in;
  a.check_out = out;
  a.check_in_event = std::string("in-") + pid;
  return a;
}

// Monday 09:42 at a small De Cirkel: Marloes is logged in; Ayşe and Ruud are hers.
inline core::State coach_monday() {
  use_amsterdam_time();
  core::State s = centre();
  auto people = test::people();
  for (auto& p : people) {
    p.coach_id = p.id == "p-ayse" || p.id == "p-ruud" ? "c-marloes" : "c-erik";
    p.mandatory = p.id != "p-anouk";
  }
  s.roster = std::make_shared<const core::Roster>(people);
  s.now = kMonday0942;
  s.last_input = s.now;
  s.screen = core::Screen::CoachToday;
  s.language = "nl";
  s.coach.coach_id = "c-marloes";
  auto& d = s.coach.data;
  d.loaded = true;
  d.coaches = {{"c-marloes", "Marloes Kuipers"}, {"c-erik", "Erik Bos"}};
  const core::TimeMs t0905 = core::from_local("2026-11-23", 9 * 60 + 5);
  s.today = {attendance("p-ruud", t0905), attendance("p-anouk", t0905 + core::minutes(20))};
  // Fatima and Ahmed signed up for the coffee morning (09:30); Fatima is here? No: Ahmed called in.
  s.signups = {{"a-koffie", "2026-11-23", "p-fatima", 0, true, 0, false},
               {"a-koffie", "2026-11-23", "p-ahmed", 0, true, 0, false},
               {"a-koffie", "2026-11-23", "p-ruud", 0, true, 0, false},
               {"a-koken", "2026-11-23", "p-ali", 0, true, 0, false}};  // 13:00: not expected yet
  d.absences = {{"abs-1", "p-ahmed", "2026-11-23", core::Dagdeel::Morning, core::AbsenceReason::Sick, false}};
  core::HoursEntry h;
  h.event_id = "hours-1";
  h.participant_id = "p-ayse";
  h.date = "2026-11-20";
  h.place = "Voedselbank Almere";
  h.minutes = 150;
  d.hours_waiting = {h};
  core::Attendance forgotten =
      attendance("p-piotr", core::from_local("2026-11-20", 9 * 60 + 31), core::from_local("2026-11-20", 12 * 60 + 30));
  forgotten.auto_closed = true;
  d.unresolved = {forgotten};
  // Everyone was here recently except Amira (20 days) and Annelies (never).
  for (const auto& p : people) d.last_seen[p.id] = "2026-11-20";
  d.last_seen["p-amira"] = "2026-11-03";
  d.last_seen.erase("p-annelies");
  return s;
}

// The same Monday with programme end dates, the texts longest in most languages: one far off in
// September 2027 ("Tot 29 sep 2027" in the people list, "wo 29 sep 2027" in the agreements), one
// in October, one within the warning (December: Today lists it), one passed.
inline core::State coach_monday_with_end_dates() {
  core::State s = coach_monday();
  std::vector<core::Participant> people = s.roster->all();
  for (core::Participant& p : people) {
    if (p.id == "p-ayse") {
      p.start_date = "2025-09-29";
      p.end_date = "2027-09-29";
    }
    if (p.id == "p-piotr") p.end_date = "2027-10-27";
    if (p.id == "p-ruud") p.end_date = "2026-12-16";
    if (p.id == "p-fatima") p.end_date = "2026-11-18";
  }
  s.roster = std::make_shared<const core::Roster>(people);
  return s;
}

}  // namespace meedoen::test
