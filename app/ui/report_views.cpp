// Reports: the figures on the Reports tab and the documents that go to the municipality. The
// documents name their sender and date (DOMAIN.md: reports arrive undated or from an unclear
// sender) and carry the definitions, so a reader knows what a no-show is here.
#include "ui/report_views.hpp"

#include <filesystem>

#include "ui/coach_views.hpp"
#include "ui/view_models.hpp"

namespace meedoen::ui {

namespace {

// [SECTION] Helpers

using exports::Cell;

std::string num(int n) { return std::to_string(n); }
Cell count(int n) { return Cell::count(n); }
Cell duration(int minutes) { return Cell::minutes(minutes); }
// On screen and on paper a duration is h:mm, as in the documents (exports::Cell::hhmm).
std::string hhmm(int minutes) { return Cell::hhmm(minutes); }

std::string coach_label(const core::MonthFigures& f, const Strings& tr) {
  return f.coach_id.empty() ? tr.get("reports.no_coach") : f.coach_name;
}

std::string week_short(const std::string& week, const Strings& tr) {
  const auto w = week.find("-W");
  return tr.fmt("reports.week_short",
                {{"n", w == std::string::npos ? week : std::to_string(std::stoi(week.substr(w + 2)))}});
}

std::string month_short(const std::string& month, const Strings& tr) {
  const int m = month.size() == 7 ? std::stoi(month.substr(5)) : 1;
  // Three letters, not three bytes: "paź" in Polish is four bytes.
  const std::string& name = tr.get("month." + std::to_string(m));
  std::size_t end = 0;
  for (int letters = 0; end < name.size() && letters < 3; ++letters) do
      ++end;
    while (end < name.size() && (static_cast<unsigned char>(name[end]) & 0xC0) == 0x80);
  return name.substr(0, end);
}

// A week of the month as its days: "1 nov", "2-8 nov", "30 nov" (a week cut to the month).
std::string week_days(const core::WeekCount& w, const Strings& tr) {
  if (w.from.size() != 10 || w.to.size() != 10) return week_short(w.week, tr);
  const std::string a = num(std::stoi(w.from.substr(8))), b = num(std::stoi(w.to.substr(8)));
  return (a == b ? a : a + "-" + b) + " " + month_short(core::month_of(w.to), tr);
}

std::string rung_text(int rung, int progress) {
  return rung <= 0 ? "-"
                   : std::to_string(rung) + " (" + std::to_string(progress) + "/" +
                         std::to_string(core::kLadderProgressSteps) + ")";
}

std::string rung_label(const DocumentContext& c, int rung) {
  const auto i = static_cast<std::size_t>(rung - 1);
  return rung >= 1 && i < c.ladder_rungs.size() ? std::to_string(rung) + " " + c.ladder_rungs[i] : std::to_string(rung);
}

exports::Table figures_table(const core::MonthReport& r, const Strings& tr) {
  exports::Table t;
  t.columns = {tr.get("reports.col.coach"),  tr.get("reports.col.participants"), tr.get("reports.col.present"),
               tr.get("reports.col.absent"), tr.get("reports.col.no_show"),      tr.get("reports.col.voluntary"),
               tr.get("reports.col.hours"),  tr.get("reports.col.waiting")};
  t.numeric = {false, true, true, true, true, true, true, true};
  auto row = [&](const core::MonthFigures& f, const std::string& who) {
    t.rows.push_back({who, count(f.participants), count(f.present), count(f.absent), count(f.no_shows),
                      count(f.no_shows_voluntary), duration(f.approved_minutes), duration(f.waiting_minutes)});
  };
  for (const auto& f : r.coaches) row(f, coach_label(f, tr));
  row(r.centre, tr.get("reports.total"));
  t.last_row_total = true;
  return t;
}

exports::Table movement_table(const core::MonthReport& r, const Strings& tr) {
  exports::Table t;
  t.columns = {tr.get("reports.col.coach"),         tr.get("reports.col.ladder_up"),
               tr.get("reports.col.ladder_down"),   tr.get("reports.col.ladder_same"),
               tr.get("reports.col.ladder_within"), tr.get("reports.col.intake"),
               tr.get("reports.col.outflow")};
  t.numeric = {false, true, true, true, true, true, true};
  auto row = [&](const core::MonthFigures& f, const std::string& who) {
    t.rows.push_back({who, count(f.ladder_up), count(f.ladder_down), count(f.ladder_same), count(f.ladder_within_up),
                      count(f.intake), count(f.outflow)});
  };
  for (const auto& f : r.coaches) row(f, coach_label(f, tr));
  row(r.centre, tr.get("reports.total"));
  t.last_row_total = true;
  return t;
}

// The month's two charts, per week of the month (core::MonthReport::weeks): their bars add up to
// the table's present and approved hours.
exports::BarChart weeks_chart(const core::MonthReport& r, const Strings& tr) {
  exports::BarChart c;
  c.title = tr.get("reports.chart.weeks");
  for (const auto& w : r.weeks) {
    c.labels.push_back(week_days(w, tr));
    c.values.push_back(w.present);
  }
  return c;
}

exports::BarChart hours_chart(const core::MonthReport& r, const Strings& tr) {
  exports::BarChart c;
  c.title = tr.get("reports.chart.hours");
  c.kind = exports::CellKind::Minutes;
  for (const auto& w : r.weeks) {
    c.labels.push_back(week_days(w, tr));
    c.values.push_back(w.approved_minutes);
  }
  return c;
}

// A fixed list of reasons with how often each occurred, every reason shown (also the zeros: the
// list is the municipality's, its shape should not change month to month), and the total.
template <class Reason, std::size_t N, class Label>
exports::Table count_table(const std::array<Reason, N>& reasons, const std::array<int, N>& counts, const Strings& tr,
                           Label label) {
  exports::Table t;
  t.columns = {tr.get("reports.col.reason"), tr.get("reports.col.count")};
  t.numeric = {false, true};
  int total = 0;
  for (std::size_t i = 0; i < N; ++i) {
    t.rows.push_back({label(reasons[i]), count(counts[i])});
    total += counts[i];
  }
  t.rows.push_back({tr.get("reports.total"), count(total)});
  t.last_row_total = true;
  return t;
}

std::vector<ChartBar> bars(const exports::BarChart& c) {
  std::vector<ChartBar> out;
  for (std::size_t i = 0; i < c.labels.size() && i < c.values.size(); ++i) {
    const auto v = static_cast<int>(c.values[i]);
    out.push_back({c.labels[i], c.kind == exports::CellKind::Minutes ? hhmm(v) : num(v), static_cast<double>(v)});
  }
  return out;
}

}  // namespace

// [SECTION] Words

std::string report_date(const std::string& iso, const Strings& tr) {
  int y = 0, m = 0, d = 0;
  if (!core::parse_date_iso(iso, y, m, d)) return iso;
  return tr.fmt("reports.date_format", {{"day", num(d)}, {"month", tr.get("month." + num(m))}, {"year", num(y)}});
}

std::string month_label(const std::string& month, const Strings& tr) {
  if (!core::valid_month(month)) return month;
  return tr.get("month." + num(std::stoi(month.substr(5)))) + " " + month.substr(0, 4);
}

std::string export_notice(const core::State& s, const Strings& tr) {
  if (!s.reports.error.empty()) return tr.fmt("reports.failed", {{"error", s.reports.error}});
  std::string files;
  for (const auto& p : s.reports.paths) files += (files.empty() ? "" : ", ") + p;
  return tr.fmt("reports.saved_notice", {{"files", files}});
}

// [SECTION] The Reports tab

ReportsView make_reports_view(const core::State& s, const Strings& tr) {
  ReportsView v;
  const core::ReportsState& rs = s.reports;
  v.title = tr.get("coach.tab.reports");
  v.month_label = month_label(rs.month, tr);
  const std::string today = core::today_iso(s);
  if (rs.month == core::month_of(today)) v.as_of = tr.fmt("reports.as_of", {{"date", report_date(today, tr)}});
  v.prev_label = tr.get("common.previous");
  v.next_label = tr.get("common.next");
  v.can_next = !rs.month.empty() && rs.month < core::month_of(today);
  v.can_prev = !rs.month.empty();
  v.scope_centre = tr.get("reports.scope_centre");
  v.scope_mine = tr.get("reports.scope_mine");
  v.mine = rs.mine;
  v.loaded = rs.loaded;
  v.loading = tr.get("coach.loading");
  v.exporting = rs.exporting;
  v.busy = s.coach.busy || rs.exporting;
  v.export_label = tr.get(rs.exporting ? "reports.exporting" : "reports.export");
  if (!rs.error.empty()) {
    v.result = tr.fmt("reports.failed", {{"error", rs.error}});
    v.result_error = true;
  } else if (!rs.paths.empty()) {
    v.result = tr.fmt("reports.saved_in", {{"dir", std::filesystem::path(rs.paths.front()).parent_path().string()}});
    for (const auto& p : rs.paths) v.result_files.push_back(std::filesystem::path(p).filename().string());
  }
  if (!rs.loaded) return v;

  const core::MonthReport& r = rs.report;
  v.columns = {tr.get("reports.col.coach"),   tr.get("reports.col.present"), tr.get("reports.col.absent"),
               tr.get("reports.col.no_show"), tr.get("reports.col.hours"),   tr.get("reports.col.ladder"),
               tr.get("reports.col.in_out")};
  auto row = [&](const core::MonthFigures& f, const std::string& who) {
    v.rows.push_back({who, num(f.present), num(f.absent), num(f.no_shows), hhmm(f.approved_minutes),
                      num(f.ladder_up) + " / " + num(f.ladder_down), num(f.intake) + " / " + num(f.outflow)});
  };
  for (const auto& f : r.coaches) row(f, coach_label(f, tr));
  if (!rs.mine) {
    row(r.centre, tr.get("reports.total"));
    v.total_row = true;
  }
  for (std::size_t n = 0; n <= r.coaches.size(); ++n)
    v.more_rows.push_back(tr.fmt("reports.more_rows", {{"n", std::to_string(n)}}));
  const exports::BarChart w = weeks_chart(r, tr), h = hours_chart(r, tr);
  v.weeks_title = w.title;
  v.weeks = bars(w);
  v.hours_title = h.title;
  v.hours = bars(h);
  return v;
}

// [SECTION] Documents

exports::Document make_month_document(const core::MonthReport& r, const DocumentContext& c, const Strings& tr) {
  exports::Document d;
  d.centre = c.centre;
  d.title = tr.fmt("reports.month_title", {{"month", month_label(r.month, tr)}});
  d.date = report_date(c.today, tr);
  d.sender = c.sender_name.empty() ? c.centre : c.sender_name + ", " + c.centre;
  d.page_label = tr.get("reports.page");
  std::string period = report_date(r.from, tr) + " - " + report_date(r.to, tr);
  if (r.as_of < r.to) period += " (" + tr.fmt("reports.as_of", {{"date", report_date(r.as_of, tr)}}) + ")";
  d.facts.push_back({tr.get("reports.period"), period});
  std::string scope = c.centre;
  if (!r.only_coach.empty())
    for (const auto& f : r.coaches)
      if (f.coach_id == r.only_coach) scope = tr.fmt("reports.scope_of", {{"coach", f.coach_name}});
  d.facts.push_back({tr.get("reports.scope"), scope});
  d.facts.push_back({tr.get("reports.sender"), d.sender});
  d.facts.push_back({tr.get("reports.date"), d.date});

  d.blocks.push_back(exports::Heading{tr.get("reports.attendance_hours")});
  d.blocks.push_back(figures_table(r, tr));
  d.blocks.push_back(weeks_chart(r, tr));
  d.blocks.push_back(hours_chart(r, tr));
  d.blocks.push_back(exports::Heading{tr.get("reports.movement")});
  d.blocks.push_back(movement_table(r, tr));

  d.blocks.push_back(exports::Heading{tr.get("reports.absence_reasons")});
  d.blocks.push_back(count_table(core::kAbsenceReasons, r.centre.absent_by_reason, tr, [&](core::AbsenceReason x) {
    return tr.get(std::string("reason.") + core::reason_key(x));
  }));
  d.blocks.push_back(exports::Heading{tr.get("reports.exit_reasons")});
  d.blocks.push_back(count_table(core::kExitReasons, r.centre.outflow_by_reason, tr, [&](core::ExitReason x) {
    return tr.get(std::string("reports.exit.") + core::exit_reason_key(x));
  }));

  // Per coach: their participants, one line each.
  for (const auto& f : r.coaches) {
    exports::Table t;
    t.columns = {tr.get("reports.col.name"),          tr.get("reports.col.participation"),
                 tr.get("reports.col.present"),       tr.get("reports.col.absent"),
                 tr.get("reports.col.no_show"),       tr.get("reports.col.hours"),
                 tr.get("reports.col.ladder_from_to")};
    t.numeric = {false, false, true, true, true, true, false};
    for (const auto& p : r.participants) {
      if (p.coach_id != f.coach_id) continue;
      t.rows.push_back({p.name, tr.get(p.mandatory ? "coach.mandatory" : "coach.voluntary"), count(p.present),
                        count(p.absent), count(p.no_shows), duration(p.approved_minutes),
                        p.rung_from > 0
                            ? rung_text(p.rung_from, p.progress_from) + " > " + rung_text(p.rung_to, p.progress_to)
                            : "-"});
    }
    if (t.rows.empty()) continue;
    d.blocks.push_back(exports::Heading{
        tr.fmt("reports.coach_section", {{"coach", coach_label(f, tr)}, {"n", num(static_cast<int>(t.rows.size()))}})});
    d.blocks.push_back(std::move(t));
  }
  d.blocks.push_back(exports::Heading{tr.get("reports.definitions_title")});
  d.blocks.push_back(exports::Paragraph{tr.get("reports.definitions")});
  return d;
}

exports::Document make_progress_document(const core::ProgressReport& r, const DocumentContext& c, const Strings& tr) {
  exports::Document d;
  d.centre = c.centre;
  d.title = tr.fmt("reports.progress_title", {{"name", r.name}});
  d.date = report_date(r.date, tr);
  d.sender = c.sender_name.empty() ? c.centre : c.sender_name + ", " + c.centre;
  d.page_label = tr.get("reports.page");
  d.facts = {
      {tr.get("reports.participant"), r.name},
      {tr.get("reports.col.coach"), r.coach_name},
      {tr.get("reports.col.participation"), tr.get(r.mandatory ? "coach.mandatory" : "coach.voluntary")},
      {tr.get("reports.start_date"), r.start_date.empty() ? "-" : report_date(r.start_date, tr)},
      {tr.get("reports.end_date"), r.end_date.empty() ? tr.get("reports.open_ended") : report_date(r.end_date, tr)},
      {tr.get("reports.agreed_parts"), num(r.agreed_parts_per_week)},
      {tr.get("reports.agreed_hours"), r.agreed_minutes_per_week > 0 ? hhmm(r.agreed_minutes_per_week) : "-"},
      {tr.get("reports.period"), report_date(r.from, tr) + " - " + report_date(r.to, tr)},
      {tr.get("reports.sender"), d.sender},
      {tr.get("reports.date"), d.date},
  };

  exports::Table weeks;
  weeks.columns = {tr.get("reports.col.week"), tr.get("reports.col.from"), tr.get("reports.col.present"),
                   tr.get("reports.col.absent"), tr.get("reports.col.no_show")};
  weeks.numeric = {false, false, true, true, true};
  exports::BarChart chart;
  chart.title = tr.get("reports.chart.weeks");
  for (const auto& w : r.weeks) {
    weeks.rows.push_back(
        {w.week, Cell::date(w.from, report_date(w.from, tr)), count(w.present), count(w.absent), count(w.no_shows)});
    chart.labels.push_back(week_short(w.week, tr));
    chart.values.push_back(w.present);
  }
  weeks.rows.push_back({tr.get("reports.total"), "", count(r.present), count(r.absent), count(r.no_shows)});
  weeks.last_row_total = true;
  d.blocks.push_back(exports::Heading{tr.get("reports.attendance_weeks")});
  d.blocks.push_back(chart);
  d.blocks.push_back(std::move(weeks));

  exports::Table places;
  places.columns = {tr.get("reports.col.place"), tr.get("reports.col.hours"), tr.get("reports.col.waiting")};
  places.numeric = {false, true, true};
  int waiting = 0;
  for (const auto& p : r.places) {
    places.rows.push_back({p.place, duration(p.approved_minutes), duration(p.waiting_minutes)});
    waiting += p.waiting_minutes;
  }
  places.rows.push_back({tr.get("reports.total"), duration(r.approved_minutes), duration(waiting)});
  places.last_row_total = true;
  d.blocks.push_back(exports::Heading{tr.get("reports.hours_places")});
  d.blocks.push_back(std::move(places));

  d.blocks.push_back(exports::Heading{tr.get("reports.ladder_history")});
  if (r.ladder.empty()) {
    d.blocks.push_back(exports::Paragraph{tr.get("reports.no_ladder")});
  } else {
    exports::Table ladder;
    ladder.columns = {tr.get("reports.date"), tr.get("reports.col.moment"), tr.get("reports.col.rung"),
                      tr.get("reports.col.progress")};
    ladder.numeric = {false, false, false, true};
    for (const auto& l : r.ladder)
      ladder.rows.push_back({Cell::date(l.date, report_date(l.date, tr)),
                             tr.get(std::string("reports.moment.") + core::moment_key(l.moment)), rung_label(c, l.rung),
                             num(l.progress) + "/" + num(core::kLadderProgressSteps)});
    d.blocks.push_back(std::move(ladder));
    exports::Table areas;
    areas.columns = {tr.get("reports.col.area"), tr.get("reports.col.status")};
    for (std::size_t i = 0; i < core::kProblemAreas.size(); ++i)
      areas.rows.push_back({tr.get(std::string("reports.area.") + core::area_key(core::kProblemAreas[i])),
                            tr.get(std::string("reports.area_status.") + core::area_status_key(r.areas[i]))});
    d.blocks.push_back(exports::Heading{tr.get("reports.areas")});
    d.blocks.push_back(std::move(areas));
  }
  d.blocks.push_back(exports::Heading{tr.get("reports.definitions_title")});
  d.blocks.push_back(exports::Paragraph{tr.get("reports.definitions")});
  return d;
}

}  // namespace meedoen::ui
