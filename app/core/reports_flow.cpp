// The Reports tab's reducer: choosing a month (never past this one) and a scope, loading the
// figures, and the exports (the month overview from this tab, a progress report from the
// participant page, and their card to print). Pure, like coach.cpp: files are written by the
// platform (ExportMonth, ExportProgress, PrintCard) and their answer comes back as ExportFinished.
#include "core/state.hpp"

namespace meedoen::core {

namespace {

std::string this_month(const State& s) { return month_of(today_iso(s)); }

std::string scope_coach(const State& s) { return s.reports.mine ? s.coach.coach_id : std::string(); }

void load(State& s, std::vector<Command>& out) {
  s.reports.loaded = false;
  out.push_back(LoadMonthReport{s.reports.month, scope_coach(s), s.now});
}

bool logged_in(const State& s) {
  return coach_screen(s.screen) && s.screen != Screen::CoachPin && !s.coach.coach_id.empty();
}

bool on_reports(const State& s) { return logged_in(s) && s.screen == Screen::CoachReports; }

void set_notice(State& s, Notice n) {
  s.notice = n;
  s.notice_until = s.now + kNoticeDuration;
}

void clear_result(ReportsState& r) {
  r.paths.clear();
  r.error.clear();
}

void on(State& s, Commands& out, const ReportsMonthStep& a) {
  ReportsState& r = s.reports;
  if (!on_reports(s) || r.exporting) return;
  const std::string next = add_months(r.month, a.delta);
  // Not beyond this month: there are no figures of the future.
  if (next.empty() || next > this_month(s) || next == r.month) return;
  r.month = next;
  clear_result(r);
  load(s, out);
}

void on(State& s, Commands& out, const ReportsScopeTapped& a) {
  ReportsState& r = s.reports;
  if (!on_reports(s) || r.exporting || a.mine == r.mine) return;
  r.mine = a.mine;
  clear_result(r);
  load(s, out);
}

void on(State& s, Commands& out, const ReportsExportTapped&) {
  ReportsState& r = s.reports;
  if (!on_reports(s) || r.exporting || r.month.empty()) return;
  r.exporting = true;
  clear_result(r);
  out.push_back(ExportMonth{r.month, scope_coach(s), s.coach.coach_id, s.now});
  out.push_back(LogLine{"coach " + s.coach.coach_id + " exports the month overview " + r.month +
                        (r.mine ? " (own participants)" : " (whole centre)")});
}

void on(State& s, Commands& out, const ExportProgressTapped& a) {
  ReportsState& r = s.reports;
  if (!logged_in(s) || r.exporting || a.participant_id.empty()) return;
  r.exporting = true;
  clear_result(r);
  out.push_back(ExportProgress{a.participant_id, s.coach.coach_id, s.now});
  out.push_back(LogLine{"coach " + s.coach.coach_id + " exports the progress report of " + a.participant_id});
}

void on(State& s, Commands& out, const PrintCardTapped& a) {
  ReportsState& r = s.reports;
  if (!logged_in(s) || r.exporting || a.participant_id.empty()) return;
  const Participant* p = s.roster->find(a.participant_id);
  if (!p) return;
  // The page says why there is no card; a card with an empty code would only fail at the kiosk.
  if (p->card_code.empty()) {
    out.push_back(LogLine{"no card printed for " + a.participant_id + ": no card code on the roster"});
    return;
  }
  r.exporting = true;
  clear_result(r);
  out.push_back(PrintCard{a.participant_id});
  out.push_back(LogLine{"coach " + s.coach.coach_id + " prints the card of " + a.participant_id});
}

void on(State& s, Commands&, const ReportLoaded& a) {
  ReportsState& r = s.reports;
  // A late answer for another month or scope is dropped; the newer request answers too.
  if (a.report.month != r.month || a.report.only_coach != scope_coach(s)) return;
  r.report = a.report;
  r.loaded = true;
}

void on(State& s, Commands& out, const ExportFinished& a) {
  ReportsState& r = s.reports;
  if (!r.exporting) return;
  r.exporting = false;
  r.paths = a.paths;
  r.error = a.error;
  if (!logged_in(s)) return;
  // The Reports tab shows the result itself; elsewhere (the participant page) a notice does.
  if (s.screen != Screen::CoachReports) set_notice(s, a.error.empty() ? Notice::Exported : Notice::ExportFailed);
  out.push_back(LogLine{a.error.empty() ? "export written: " + std::to_string(a.paths.size()) + " files"
                                        : "export failed: " + a.error});
}

}  // namespace

void reports_opened(State& s, std::vector<Command>& out) {
  ReportsState& r = s.reports;
  if (r.month.empty() || r.month > this_month(s)) r.month = this_month(s);
  clear_result(r);
  load(s, out);
}

// Hands every leaf to its on() overload above; the lambda only forwards, so a ReportsAction
// without an on() does not compile.
Step update(State s, const ReportsAction& action) {
  Commands out;
  std::visit([&](const auto& a) { on(s, out, a); }, action);
  return Step{std::move(s), std::move(out)};
}

}  // namespace meedoen::core
