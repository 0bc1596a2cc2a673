// The Programme tab (the week by weekday, what was taken off below) and the activity editor,
// as view models: every word translated, every button's state decided here, not in the drawing.
#include "ui/programme_views.hpp"

#include <algorithm>

#include "ui/view_models.hpp"

namespace meedoen::ui {

namespace {

// [SECTION] Helpers

std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string date_long(const std::string& iso, const Strings& tr) {
  core::LocalTime lt;
  core::parse_date_iso(iso, lt.year, lt.month, lt.day);
  lt.weekday = std::max(0, core::weekday_of(iso));
  return long_date(lt, tr);
}

const char* dagdeel_label_key(core::Dagdeel d) {
  switch (d) {
    case core::Dagdeel::Morning: return "dagdeel.morning";
    case core::Dagdeel::Afternoon: return "dagdeel.afternoon";
    case core::Dagdeel::Evening: return "dagdeel.evening";
  }
  return "dagdeel.morning";
}

// The date of the activity's next occurrence in the kiosk's week (today + 6), "" when none.
std::string date_this_week(const core::State& s, const core::Activity& a) {
  for (int d = 0; d < core::kWeekDays; ++d) {
    const std::string date = core::day_iso(s, d);
    if ((a.date.empty() && a.weekday == core::weekday_of(date)) || a.date == date) return date;
  }
  return "";
}

ProgrammeRow row_of(const core::State& s, const core::Activity& a, const Strings& tr) {
  ProgrammeRow r;
  r.id = a.id;
  r.icon = a.icon;
  r.time = core::format_hhmm(a.start) + " - " + core::format_hhmm(a.end);
  r.title = a.title;
  r.where = a.leader.empty() ? a.place : a.place.empty() ? a.leader : a.place + "  -  " + a.leader;
  const std::string date = date_this_week(s, a);
  const int n = date.empty() ? 0 : core::places_taken(s, a.id, date);
  r.signed_up = a.capacity > 0
                    ? tr.fmt("prog.signed_up_of", {{"n", std::to_string(n)}, {"capacity", std::to_string(a.capacity)}})
                    : tr.fmt("prog.signed_up_open", {{"n", std::to_string(n)}});
  if (a.volunteer_work) r.badge = tr.get("prog.volunteer_badge");
  if (!a.date.empty()) r.once = tr.fmt("prog.once", {{"date", date_long(a.date, tr)}});
  r.active = a.active;
  return r;
}

// The activity with the id the platform will make: the rules check everything else.
core::ActivityProblem problem_of(const core::Activity& form) {
  core::Activity a = form;
  if (a.id.empty()) a.id = "new";
  return core::check_activity(a);
}

}  // namespace

// [SECTION] The Programme tab

CoachProgrammeView make_coach_programme_view(const core::State& s, const Strings& tr) {
  CoachProgrammeView v;
  v.title = tr.get("prog.title");
  v.new_label = tr.get("prog.new");
  v.empty_text = tr.get("prog.empty");
  v.taken_off_title = tr.get("prog.taken_off");
  v.put_back_label = tr.get("prog.put_back");
  v.busy = s.coach.busy;
  if (!s.programme_edit.error.empty()) v.error = tr.get("prog.store_failed");
  std::vector<core::Activity> sorted = s.programme;
  std::stable_sort(sorted.begin(), sorted.end(), [](const core::Activity& x, const core::Activity& y) {
    return std::tie(x.weekday, x.start, x.date, x.title) < std::tie(y.weekday, y.start, y.date, y.title);
  });
  for (int wd = 0; wd < 7; ++wd) {
    CoachProgrammeView::Day day;
    day.title = capitalised(tr.get("day." + std::to_string(wd)));
    for (const auto& a : sorted)
      if (a.active && a.weekday == wd) day.rows.push_back(row_of(s, a, tr));
    if (!day.rows.empty()) v.days.push_back(std::move(day));
  }
  for (const auto& a : sorted)
    if (!a.active) v.taken_off.push_back(row_of(s, a, tr));
  return v;
}

// [SECTION] The editor

ActivityEditView make_activity_edit_view(const core::State& s, const Strings& tr) {
  const core::ProgrammeState& p = s.programme_edit;
  const core::Activity& f = p.form;
  ActivityEditView v;
  v.title = tr.get(p.is_new ? "prog.new" : "prog.edit_title");
  v.busy = s.coach.busy;
  v.confirming = p.confirm_take_off;
  const struct {
    core::TextField field;
    const char* id;
    const char* label;
    const std::string* value;
  } fields[] = {{core::TextField::Title, "field:title", "prog.field.title", &f.title},
                {core::TextField::Place, "field:place", "prog.field.place", &f.place},
                {core::TextField::Leader, "field:leader", "prog.field.leader", &f.leader}};
  for (const auto& x : fields) {
    ActivityEditView::Field fv;
    fv.field = x.field;
    fv.id = x.id;
    fv.label = tr.get(x.label);
    fv.active = p.field == x.field;
    fv.empty = x.value->empty() && !fv.active;
    fv.value = fv.empty ? tr.get("prog.field.empty") : *x.value;
    if (fv.active) v.typed = *x.value;
    v.fields.push_back(std::move(fv));
  }
  v.keyboard = p.field != core::TextField::None;
  v.space_label = tr.get("keyboard.space");
  v.erase_label = tr.get("keyboard.erase");
  v.done_label = tr.get("prog.done");
  if (p.too_long)
    v.too_long = tr.fmt(
        "prog.too_long",
        {{"n", std::to_string(p.field == core::TextField::Title ? core::kMaxActivityTitle : core::kMaxActivityText)}});

  for (auto key : core::kActivityIcons) v.icons.push_back({std::string(key), f.icon == key});
  v.weekly_label = tr.get("prog.weekly");
  v.once_label = tr.get("prog.once_button");
  v.once = !f.date.empty();
  for (int wd = 0; wd < 7; ++wd)
    v.weekdays.push_back(
        {wd, "weekday:" + std::to_string(wd), tr.get("dayshort." + std::to_string(wd)), f.weekday == wd});
  if (v.once) {
    v.date_text = date_long(f.date, tr);
    v.can_date_back = core::add_days(f.date, -1) >= core::today_iso(s);
  }
  for (auto d : core::kDagdelen)
    v.parts.push_back({d, std::string("part:") + core::dagdeel_key(d), tr.get(dagdeel_label_key(d)), f.dagdeel == d});
  v.start_label = tr.get("prog.start");
  v.end_label = tr.get("prog.end");
  v.start_text = core::format_hhmm(f.start);
  v.end_text = core::format_hhmm(f.end);
  v.can_start_earlier = f.start >= core::kActivityTimeStep;
  v.can_start_later = f.end + core::kActivityTimeStep <= core::kLastMinute;
  v.can_end_earlier = f.end - core::kActivityTimeStep > f.start;
  v.can_end_later = f.end + core::kActivityTimeStep <= core::kLastMinute;
  v.places_label = tr.get("prog.places");
  v.places_text = f.capacity == 0 ? tr.get("prog.places_open") : std::to_string(f.capacity);
  v.can_places_down = f.capacity > 0;
  v.can_places_up = f.capacity < core::kMaxActivityCapacity;
  v.volunteer_label = tr.get("prog.volunteer");
  v.volunteer = f.volunteer_work;

  v.save_label = tr.get("prog.save");
  v.take_off_label = tr.get("prog.take_off");
  v.cancel_label = tr.get("prog.cancel");
  const core::ActivityProblem problem = problem_of(f);
  v.can_save = problem == core::ActivityProblem::None && !s.coach.busy && !p.confirm_take_off;
  if (problem != core::ActivityProblem::None)
    v.problem = tr.get(std::string("activity.problem.") + core::activity_problem_key(problem));
  v.can_take_off = !p.is_new && f.active && !s.coach.busy;
  if (!p.error.empty()) v.error = tr.get("prog.store_failed");
  v.confirm_title = tr.fmt("prog.confirm_title", {{"title", f.title}});
  v.confirm_text = tr.get("prog.confirm_text");
  v.confirm_yes = tr.get("prog.confirm_yes");
  v.confirm_no = tr.get("prog.confirm_no");
  return v;
}

}  // namespace meedoen::ui
