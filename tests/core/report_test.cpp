// The month overview and the progress report on hand-made data: the no-show definition's edge
// cases, absences by reason, hours, ladder movements, intake and outflow, the chart series.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/report.hpp"

using namespace meedoen::core;

namespace {

Participant person(const std::string& id, const std::string& coach, std::uint32_t parts, const std::string& start,
                   bool mandatory) {
  Participant p;
  p.id = id;
  p.first_name = id;
  p.last_name = "Test";
  p.coach_id = coach;
  p.agreed_parts = parts;
  p.start_date = start;
  p.mandatory = mandatory;
  return p;
}

Attendance present(const std::string& pid, const std::string& date, Dagdeel d) {
  Attendance a;
  a.participant_id = pid;
  a.date = date;
  a.dagdeel = d;
  a.check_in = from_local(date, 600);
  a.check_out = a.check_in + minutes(60);
  return a;
}

Absence absent(const std::string& pid, const std::string& date, Dagdeel d, AbsenceReason r, bool withdrawn = false) {
  return Absence{"abs-" + pid + date, pid, date, d, r, withdrawn};
}

HoursEntry hours(const std::string& pid, const std::string& date, int minutes_, HoursStatus st) {
  HoursEntry h;
  h.event_id = "h-" + pid + date;
  h.participant_id = pid;
  h.date = date;
  h.place = "Buurthuis";
  h.minutes = minutes_;
  h.approved_minutes = st == HoursStatus::Approved ? minutes_ : 0;
  h.status = st;
  return h;
}

LadderAssessment rung(const std::string& pid, const std::string& date, int r, int progress) {
  LadderAssessment l;
  l.event_id = "l-" + pid + date;
  l.participant_id = pid;
  l.date = date;
  l.rung = r;
  l.progress = progress;
  l.areas[0] = AreaStatus::Working;
  return l;
}

// Monday 23 November 2026, 14:00: the morning is over, the afternoon runs until 17:00.
const TimeMs kNow = from_local("2026-11-23", 14 * 60);

// p1 (coach c1, mandatory): agreed Monday morning and Wednesday afternoon, started 1 November.
// p2 (coach c2, voluntary): agreed Monday afternoon from 20 November, and a sign-up on the 17th.
// p3 (coach c1, voluntary): agreed Monday morning, left on 10 November for volunteer work.
ReportInputs inputs() {
  ReportInputs in;
  in.coaches = {{"c1", "Marloes Kuipers"}, {"c2", "Hasan Demir"}};
  in.participants = {
      person("p1", "c1", agreed_bit(0, Dagdeel::Morning) | agreed_bit(2, Dagdeel::Afternoon), "2026-11-01", true),
      person("p2", "c2", agreed_bit(0, Dagdeel::Afternoon), "2026-11-20", false),
      person("p3", "c1", agreed_bit(0, Dagdeel::Morning), "2026-01-01", false)};
  Activity a;
  a.id = "a1";
  a.weekday = 1;
  a.dagdeel = Dagdeel::Evening;
  in.programme = {a};
  in.signups = {SignUp{"a1", "2026-11-17", "p2", 0, true, 0, false}};
  in.attendance = {present("p1", "2026-11-02", Dagdeel::Morning),
                   present("p1", "2026-11-09", Dagdeel::Afternoon),  // another dagdeel: the morning stays a no-show
                   present("p1", "2026-11-04", Dagdeel::Afternoon),
                   present("p1", "2026-11-04", Dagdeel::Afternoon)};  // twice the same dagdeel counts once
  in.absences = {absent("p1", "2026-11-16", Dagdeel::Morning, AbsenceReason::Sick),
                 absent("p1", "2026-11-18", Dagdeel::Afternoon, AbsenceReason::Care, true),  // withdrawn
                 absent("p1", "2026-11-30", Dagdeel::Morning, AbsenceReason::Appointment)};  // not yet
  in.hours = {hours("p1", "2026-11-05", 120, HoursStatus::Approved),
              hours("p1", "2026-11-20", 60, HoursStatus::Waiting), hours("p1", "2026-10-15", 90, HoursStatus::Approved),
              hours("p1", "2026-11-06", 30, HoursStatus::Rejected)};
  in.ladder = {rung("p1", "2026-10-01", 2, 1), rung("p1", "2026-11-15", 3, 0), rung("p3", "2026-11-02", 3, 1),
               rung("p3", "2026-11-09", 3, 3), rung("p2", "2026-11-21", 2, 0)};
  in.exits = {Exit{"x1", "p3", "2026-11-10", ExitReason::VolunteerWork, "c1", 0}};
  return in;
}

const MonthFigures& coach(const MonthReport& r, const std::string& id) {
  for (const auto& f : r.coaches)
    if (f.coach_id == id) return f;
  FAIL("no row for coach " << id);
  return r.centre;
}

}  // namespace

TEST_CASE("report: calendar helpers", "[core][report]") {
  CHECK(valid_month("2026-11"));
  CHECK_FALSE(valid_month("2026-13"));
  CHECK_FALSE(valid_month("2026-1"));
  CHECK(last_day("2026-02") == "2026-02-28");
  CHECK(last_day("2028-02") == "2028-02-29");
  CHECK(add_months("2026-11", 2) == "2027-01");
  CHECK(add_months("2026-01", -1) == "2025-12");
  CHECK(iso_week_label("2026-11-23") == "2026-W48");
  CHECK(iso_week_label("2027-01-01") == "2026-W53");  // a Friday: its Thursday is in 2026
  CHECK(iso_week_label("2025-12-29") == "2026-W01");
  const ReportRange r = report_range("2026-11");
  // The month itself: its charts no longer reach into the weeks or months around it.
  CHECK(r.attendance_from == "2026-11-01");
  CHECK(r.attendance_to == "2026-11-30");
  CHECK(r.hours_from == "2026-11-01");
  CHECK(progress_from("2026-11-01", "2026-11-23") == "2026-11-01");
  CHECK(progress_from("2025-01-01", "2026-11-23") == "2026-08-23");
  CHECK(progress_from("", "2026-05-31") == "2026-02-28");
}

TEST_CASE("report: no-shows follow the definition", "[core][report]") {
  const ReportInputs in = inputs();
  const auto outcomes = part_outcomes(in, "2026-11-01", "2026-11-30", kNow);
  auto kind_of = [&](const std::string& pid, const std::string& date, Dagdeel d) -> int {
    for (const auto& o : outcomes)
      if (o.participant_id == pid && o.date == date && o.dagdeel == d) return static_cast<int>(o.kind);
    return -1;
  };
  const int present_ = static_cast<int>(PartKind::Present), absent_ = static_cast<int>(PartKind::Absent),
            no_show = static_cast<int>(PartKind::NoShow);
  SECTION("attendance and a reported absence cover an expected dagdeel") {
    CHECK(kind_of("p1", "2026-11-02", Dagdeel::Morning) == present_);
    CHECK(kind_of("p1", "2026-11-16", Dagdeel::Morning) == absent_);
  }
  SECTION("attendance in another dagdeel does not") {
    CHECK(kind_of("p1", "2026-11-09", Dagdeel::Afternoon) == present_);
    CHECK(kind_of("p1", "2026-11-09", Dagdeel::Morning) == no_show);
  }
  SECTION("a withdrawn absence covers nothing") { CHECK(kind_of("p1", "2026-11-18", Dagdeel::Afternoon) == no_show); }
  SECTION("a dagdeel that is over counts today; one still running or still to come does not") {
    CHECK(kind_of("p1", "2026-11-23", Dagdeel::Morning) == no_show);
    CHECK(kind_of("p2", "2026-11-23", Dagdeel::Afternoon) == -1);
    CHECK(kind_of("p1", "2026-11-25", Dagdeel::Afternoon) == -1);
    CHECK(kind_of("p1", "2026-11-30", Dagdeel::Morning) == -1);  // an absence reported ahead is no figure yet
  }
  SECTION("before start_date nothing is expected, not even a sign-up (issue 11: no phantom no-shows)") {
    CHECK(kind_of("p2", "2026-11-16", Dagdeel::Afternoon) == -1);
    CHECK(kind_of("p2", "2026-11-17", Dagdeel::Evening) == -1);
  }
  SECTION("nothing is expected on or after an exit") {
    CHECK(kind_of("p3", "2026-11-09", Dagdeel::Morning) == no_show);
    CHECK(kind_of("p3", "2026-11-16", Dagdeel::Morning) == -1);
  }
}

TEST_CASE("report: a placed sign-up makes its dagdeel expected from the start date on", "[core][report]") {
  ReportInputs in = inputs();
  in.signups.push_back(SignUp{"a1", "2026-11-17", "p1", 0, true, 0, false});   // p1 started on the 1st
  in.signups.push_back(SignUp{"a1", "2026-11-10", "p1", 0, false, 1, false});  // on the waiting list
  const auto outcomes = part_outcomes(in, "2026-11-01", "2026-11-30", kNow);
  auto evening_of = [&](const std::string& date) {
    return std::count_if(outcomes.begin(), outcomes.end(), [&](const PartOutcome& o) {
      return o.participant_id == "p1" && o.date == date && o.dagdeel == Dagdeel::Evening && o.kind == PartKind::NoShow;
    });
  };
  CHECK(evening_of("2026-11-17") == 1);
  CHECK(evening_of("2026-11-10") == 0);
}

TEST_CASE("report: the go-live date is the setting, else the journal's first event", "[core][report]") {
  CHECK(go_live_date("2026-11-02", "2026-10-01") == "2026-11-02");
  CHECK(go_live_date("", "2026-10-01") == "2026-10-01");            // a kiosk without the setting
  CHECK(go_live_date("2026-13-01", "2026-10-01") == "2026-10-01");  // malformed over sync: not a date
  CHECK(go_live_date("2-11-2026", "") == "");
  CHECK(go_live_date("", "") == "");  // an empty journal: no bound
  Participant p = person("p", "c1", agreed_bit(0, Dagdeel::Morning), "2026-11-09", true);
  CHECK(expected_from(p, "") == "2026-11-09");
  CHECK(expected_from(p, "2026-11-16") == "2026-11-16");
  CHECK(expected_from(p, "2026-11-02") == "2026-11-09");
  p.end_date = "2026-11-23";
  CHECK_FALSE(agreed_on(p, "2026-11-02", Dagdeel::Morning, ""));  // before the start
  CHECK(agreed_on(p, "2026-11-09", Dagdeel::Morning, ""));
  CHECK_FALSE(agreed_on(p, "2026-11-09", Dagdeel::Morning, "2026-11-10"));  // before go-live
  CHECK_FALSE(agreed_on(p, "2026-11-10", Dagdeel::Morning, ""));            // a Tuesday: not agreed
  CHECK(agreed_on(p, "2026-11-23", Dagdeel::Morning, "2026-11-10"));        // the end date itself
  CHECK_FALSE(agreed_on(p, "2026-11-30", Dagdeel::Morning, ""));
}

TEST_CASE("report: nothing before the go-live date is expected or a no-show, what happened still counts",
          "[core][report]") {
  ReportInputs in = inputs();
  in.go_live = "2026-11-10";
  in.signups.push_back(SignUp{"a1", "2026-11-03", "p1", 0, true, 0, false});  // before go-live
  const MonthReport r = month_report(in, "2026-11", kNow);
  // c1 without go-live: p1 9th morning, 11th and 18th afternoon, 23rd morning; p3 2nd and 9th morning.
  CHECK(coach(r, "c1").no_shows == 3);
  CHECK(coach(r, "c1").no_shows_voluntary == 0);
  CHECK(coach(r, "c1").present == 3);  // attendance on the 2nd and 4th is a fact: still present
  for (const auto& o : part_outcomes(in, "2026-10-01", "2026-11-30", kNow))
    if (o.kind == PartKind::NoShow) CHECK(o.date >= "2026-11-10");
  const MonthReport oct = month_report(in, "2026-10", kNow);
  CHECK(oct.centre.no_shows == 0);  // p3's Mondays in October: before go-live
  const ProgressReport p1 = progress_report(in, "p1", kNow);
  CHECK(p1.no_shows == 3);
  CHECK(p1.present == 3);
}

TEST_CASE("report: the month overview per coach and for the centre", "[core][report]") {
  const MonthReport r = month_report(inputs(), "2026-11", kNow);
  REQUIRE(r.coaches.size() == 2);
  CHECK(r.coaches[0].coach_name == "Hasan Demir");  // by name
  const MonthFigures& c1 = coach(r, "c1");
  CHECK(c1.participants == 2);
  CHECK(c1.present == 3);
  CHECK(c1.absent == 1);
  CHECK(c1.absent_by_reason[static_cast<std::size_t>(AbsenceReason::Sick)] == 1);
  // p1: 9th morning, 11th and 18th afternoon, 23rd morning; p3: 2nd and 9th morning.
  CHECK(c1.no_shows == 6);
  CHECK(c1.no_shows_voluntary == 2);
  CHECK(c1.approved_minutes == 120);
  CHECK(c1.waiting_minutes == 60);
  CHECK(c1.ladder_up == 1);
  CHECK(c1.ladder_same == 1);
  CHECK(c1.ladder_within_up == 1);
  CHECK(c1.intake == 1);
  CHECK(c1.outflow == 1);
  CHECK(c1.outflow_by_reason[static_cast<std::size_t>(ExitReason::VolunteerWork)] == 1);
  const MonthFigures& c2 = coach(r, "c2");
  CHECK(c2.no_shows == 0);  // the sign-up of the 17th is before p2's start on the 20th
  CHECK(c2.no_shows_voluntary == 0);
  CHECK(c2.intake == 1);
  CHECK(c2.ladder_up + c2.ladder_down + c2.ladder_same == 0);  // one assessment is no movement
  CHECK(r.centre.present == 3);
  CHECK(r.centre.no_shows == 6);
  CHECK(r.centre.intake == 2);
  CHECK(r.centre.participants == 3);

  SECTION("per participant") {
    REQUIRE(r.participants.size() == 3);
    CHECK(r.participants.back().coach_id == "c1");
    for (const auto& p : r.participants)
      if (p.participant_id == "p1") {
        CHECK(p.present == 3);
        CHECK(p.no_shows == 4);
        CHECK(p.rung_from == 2);
        CHECK(p.rung_to == 3);
      }
  }
  SECTION("chart series: the month's weeks cut to the month, none that has not begun") {
    REQUIRE(r.weeks.size() == 5);  // 1 November (a Sunday) to the week of today; not week 49 (30 November)
    CHECK(r.weeks[0].week == "2026-W44");
    CHECK(r.weeks[0].from == "2026-11-01");
    CHECK(r.weeks[0].to == "2026-11-01");
    CHECK(r.weeks[1].week == "2026-W45");
    CHECK(r.weeks[1].present == 2);
    CHECK(r.weeks[1].approved_minutes == 120);
    CHECK(r.weeks[2].present == 1);
    CHECK(r.weeks.back().week == "2026-W48");
    CHECK(r.weeks.back().to == "2026-11-29");
  }
  SECTION("one coach's participants only") {
    const MonthReport mine = month_report(inputs(), "2026-11", kNow, "c2");
    REQUIRE(mine.coaches.size() == 1);
    CHECK(mine.centre.present == 0);
    CHECK(mine.centre.no_shows == 0);
    CHECK(mine.participants.size() == 1);
  }
  SECTION("a month in the past counts every dagdeel of it") {
    const MonthReport oct = month_report(inputs(), "2026-10", kNow);
    CHECK(oct.centre.present == 0);
    CHECK(oct.centre.approved_minutes == 90);
    // p3 was expected every Monday morning of October: 5, 12, 19, 26.
    CHECK(coach(oct, "c1").no_shows == 4);
  }
}

TEST_CASE("report: the progress report of one participant", "[core][report]") {
  const ProgressReport r = progress_report(inputs(), "p1", kNow);
  REQUIRE(r.found);
  CHECK(r.date == "2026-11-23");
  CHECK(r.from == "2026-11-01");  // started less than three months ago
  CHECK(r.coach_name == "Marloes Kuipers");
  CHECK(r.agreed_parts_per_week == 2);
  REQUIRE(r.weeks.size() == 5);
  CHECK(r.present == 3);
  CHECK(r.absent == 1);
  CHECK(r.no_shows == 4);
  REQUIRE(r.places.size() == 1);
  CHECK(r.places[0].approved_minutes == 210);
  CHECK(r.places[0].waiting_minutes == 60);
  REQUIRE(r.ladder.size() == 2);
  CHECK(r.ladder.back().rung == 3);
  CHECK(r.areas[0] == AreaStatus::Working);
  CHECK_FALSE(progress_report(inputs(), "nobody", kNow).found);
}

TEST_CASE("report: the charts add up to the table for a month that starts and ends mid-week", "[core][report]") {
  // October 2026 runs from a Thursday to a Saturday: its first and last ISO weeks reach into
  // September and November, where there is attendance and there are hours that are not October's.
  ReportInputs in = inputs();
  in.participants[0].start_date = "2026-09-01";
  for (const char* d : {"2026-09-28", "2026-09-30", "2026-10-01", "2026-10-02", "2026-10-31", "2026-11-01"})
    in.attendance.push_back(present("p1", d, Dagdeel::Morning));
  for (const char* d : {"2026-09-29", "2026-10-01", "2026-10-31", "2026-11-01"})
    in.hours.push_back(hours("p3", d, 45, HoursStatus::Approved));
  for (const std::string& only : {std::string(), std::string("c1"), std::string("c2")}) {
    const MonthReport r = month_report(in, "2026-10", kNow, only);
    REQUIRE(r.weeks.size() == 5);
    CHECK(r.weeks.front().from == "2026-10-01");
    CHECK(r.weeks.front().to == "2026-10-04");
    CHECK(r.weeks.back().from == "2026-10-26");
    CHECK(r.weeks.back().to == "2026-10-31");
    int present = 0, minutes = 0;
    for (const auto& w : r.weeks) present += w.present, minutes += w.approved_minutes;
    CHECK(present == r.centre.present);
    CHECK(minutes == r.centre.approved_minutes);
    if (only.empty()) {
      CHECK(r.centre.present == 3);                     // 1, 2 and 31 October
      CHECK(r.centre.approved_minutes == 90 + 2 * 45);  // 15 October, then 1 and 31 October
      CHECK(r.weeks.front().present == 2);
    }
  }
}
