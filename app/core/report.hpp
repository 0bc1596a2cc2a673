// The figures a centre reports (DOMAIN.md, "Figures the centre reports"): the month overview per
// coach and for the centre, and the dated progress report of one participant. Pure: the caller
// loads the inputs (storage) and passes "now" in; words and layout are the ui and export layers'.
//
// Definitions (also in docs/reports.md):
// - dagdelen present: attendances dated in the month, each participant/date/dagdeel once.
// - reported absences: absences not withdrawn, dated in the month up to today, one per dagdeel;
//   broken down by reason.
// - no-show: an expected dagdeel that has ended before now with neither an attendance nor an
//   absence for that date and dagdeel. Expected = the participant's agreed dagdelen for that
//   weekday between start_date and end_date, or a placed sign-up for an activity on that date
//   (the activity's dagdeel); never on or after the date of an exit, never before the centre's
//   go-live date nor before the participant's start_date (expected_from). Each participant/date/dagdeel
//   counts once. Voluntary participants' no-shows are facts too; nothing here speaks of sanctions.
// - volunteer hours: approved minutes of entries dated in the month; waiting ones separately.
// - ladder movement: per participant, the last assessment before the month (else the first one in
//   it) against the last one in the month: a rung up, a rung down, or the same rung (and then
//   whether progress within the rung went up). Two different assessments are needed to count.
// - intake: start_date in the month; outflow: exits dated in the month, per ExitReason.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "core/time.hpp"

namespace meedoen::core {

// Everything a report is computed from. Ranges are the caller's: report_range() says which.
struct ReportInputs {
  std::vector<Participant> participants;  // the roster (agreements, coach, mandatory)
  std::vector<Coach> coaches;
  std::vector<Activity> programme;  // inactive activities too: sign-ups name them
  std::array<DagdeelTimes, 3> dagdelen{KioskConfig{}.dagdelen};
  std::vector<Attendance> attendance;
  std::vector<Absence> absences;
  std::vector<SignUp> signups;
  std::vector<HoursEntry> hours;
  std::vector<LadderAssessment> ladder;  // all assessments up to the end of the period
  std::vector<Exit> exits;               // all exits up to the end of the period
  std::string go_live;                   // the centre's go-live date (go_live_date); "" = no bound
};

// [SECTION] Who is expected: one rule for the reports, coach mode's Today and the participant's strip
// The centre's go-live date: the setting when it is a date, else the date of the first event in the
// journal (a kiosk without the setting, an older server), else "". Before it nobody is expected.
std::string go_live_date(const std::string& setting, const std::string& first_event_date);
// The first date anything is expected of p: the later of the go-live date and p's start date ("" = no bound).
std::string expected_from(const Participant& p, const std::string& go_live);
// p's agreement names this dagdeel on date: an agreed dagdeel of its weekday, from expected_from up to
// p's end date. Exits and sign-ups are the caller's (their lists differ per screen).
bool agreed_on(const Participant& p, const std::string& date, Dagdeel d, const std::string& go_live);

// [SECTION] Calendar helpers for reports
bool valid_month(const std::string& month);               // "2026-11"
std::string month_of(const std::string& iso_date);        // "2026-11-23" -> "2026-11"
std::string first_day(const std::string& month);          // "2026-11-01"
std::string last_day(const std::string& month);           // "2026-11-30"
std::string add_months(const std::string& month, int n);  // "2026-11" + 2 -> "2027-01"
std::string monday_of(const std::string& iso_date);
std::string iso_week_label(const std::string& iso_date);  // "2026-W48"
// A centre's locale as reports take it: a language, maybe a region: "nl", "nl-NL", "nl_BE", "en-GB".
bool valid_locale(const std::string& locale);

// The dates a month report needs its inputs for: attendance, absences and sign-ups over
// [attendance_from, attendance_to], hours from hours_from. All of them the month itself: its charts
// cover only the month (a week that starts in the month before counts only its days in this one).
struct ReportRange {
  std::string attendance_from, attendance_to, hours_from, month_from, month_to;
};
ReportRange report_range(const std::string& month);

// [SECTION] One dagdeel's outcome
enum class PartKind : std::uint8_t { Present, Absent, NoShow };
struct PartOutcome {
  std::string participant_id;
  std::string date;
  Dagdeel dagdeel = Dagdeel::Morning;
  PartKind kind = PartKind::Present;
  AbsenceReason reason = AbsenceReason::Other;  // for Absent
};
// Outcomes of every participant for dates in [from, to], in date order. Absences and no-shows
// only up to now (an absence reported for next week is no figure yet; a dagdeel still running
// is no no-show yet).
std::vector<PartOutcome> part_outcomes(const ReportInputs& in, const std::string& from, const std::string& to,
                                       TimeMs now);
// The dagdelen a participant is expected on a date (agreement, sign-ups, not after an exit, nothing
// before expected_from).
std::vector<Dagdeel> expected_parts(const ReportInputs& in, const Participant& p, const std::string& date);

// [SECTION] Month overview
struct MonthFigures {
  std::string coach_id;  // "" on the centre's total (and for participants without a coach)
  std::string coach_name;
  int participants = 0;  // on the roster with this coach
  int present = 0;
  int absent = 0;
  std::array<int, kAbsenceReasons.size()> absent_by_reason{};
  int no_shows = 0;
  int no_shows_voluntary = 0;  // of no_shows: voluntary participants (information, not a signal)
  int approved_minutes = 0;
  int waiting_minutes = 0;
  int ladder_up = 0, ladder_down = 0, ladder_same = 0, ladder_within_up = 0;  // within_up: of ladder_same
  int intake = 0;
  int outflow = 0;
  std::array<int, kExitReasons.size()> outflow_by_reason{};
};

// One participant's line in the month overview.
struct ParticipantMonth {
  std::string participant_id, name, coach_id;
  bool mandatory = false;
  int present = 0, absent = 0, no_shows = 0;
  int approved_minutes = 0;
  int rung_from = 0, rung_to = 0;  // 0 = no assessment
  int progress_from = 0, progress_to = 0;
};

// One week of a report's period, cut to the period: November 2026 starts on a Sunday, so its
// first week is week 44 from 1 to 1 November, with that one day's figures only.
struct WeekCount {
  std::string week;      // "2026-W48"
  std::string monday;    // "2026-11-23"
  std::string from, to;  // the days of this week inside the period: "2026-11-01", "2026-11-01"
  int present = 0;
  int approved_minutes = 0;
};

struct MonthReport {
  std::string month, from, to;
  std::string as_of;                  // today: figures of the current month run up to here
  std::string only_coach;             // "" = the whole centre; else only this coach's participants
  std::vector<MonthFigures> coaches;  // by coach name; a "" row for participants without a coach
  MonthFigures centre;
  std::vector<ParticipantMonth> participants;  // by coach, then name
  // The charts: the month's ISO weeks cut to the month, none that starts after as_of. They add up
  // to the table: the sum of present is centre.present, of approved_minutes centre.approved_minutes.
  std::vector<WeekCount> weeks;
};

// only_coach "" = the whole centre; else the figures of that coach's participants only.
MonthReport month_report(const ReportInputs& in, const std::string& month, TimeMs now,
                         const std::string& only_coach = "");

// [SECTION] Progress report of one participant
struct ProgressWeek {
  std::string week, monday;
  std::string from, to;  // the days of this week inside the period (see WeekCount)
  int present = 0, absent = 0, no_shows = 0;
};
struct PlaceHours {
  std::string place;
  int approved_minutes = 0, waiting_minutes = 0;
};
struct ProgressReport {
  bool found = false;
  std::string participant_id, name;
  std::string date;      // the report's date: today
  std::string from, to;  // the period: since the start, at most 3 months back, to today
  std::string coach_id, coach_name;
  bool mandatory = false;
  std::string start_date, end_date;
  int agreed_minutes_per_week = 0;
  int agreed_parts_per_week = 0;
  std::vector<ProgressWeek> weeks;
  int present = 0, absent = 0, no_shows = 0;
  std::vector<PlaceHours> places;
  int approved_minutes = 0;
  std::vector<LadderAssessment> ladder;                  // all assessments up to today, oldest first
  std::array<AreaStatus, kProblemAreas.size()> areas{};  // from the latest assessment
};
constexpr int kProgressMonths = 3;
// The period a progress report covers for a participant who started on start_date ("" = unknown).
std::string progress_from(const std::string& start_date, const std::string& today);
// Inputs: attendance, absences and sign-ups from progress_from(...) to today; hours and ladder of
// this participant (all).
ProgressReport progress_report(const ReportInputs& in, const std::string& participant_id, TimeMs now);

}  // namespace meedoen::core
