// View models of the screens after identification: home, activities, absence, volunteer hours,
// progress and the question about a check-out the kiosk closed by itself. Every one reads only
// the identified participant's own data (State::me and their own sign-ups).
#include <algorithm>
#include <array>
#include <cstdio>
#include <tuple>

#include "core/schedule.hpp"
#include "ui/view_models.hpp"

namespace meedoen::ui {

namespace {

// [SECTION] Helpers

core::LocalTime local_date(const std::string& iso) {
  core::LocalTime lt;
  core::parse_date_iso(iso, lt.year, lt.month, lt.day);
  lt.weekday = std::max(0, core::weekday_of(iso));
  return lt;
}

const core::Activity* find_activity(const core::State& s, const std::string& id) {
  for (const auto& a : s.programme)
    if (a.id == id) return &a;
  return nullptr;
}

std::string span(const core::Activity& a) { return core::format_hhmm(a.start) + " - " + core::format_hhmm(a.end); }

const char* reason_icon(core::AbsenceReason r) {
  switch (r) {
    case core::AbsenceReason::Sick: return "sick";
    case core::AbsenceReason::Medical: return "medical";
    case core::AbsenceReason::Care: return "care";
    case core::AbsenceReason::Appointment: return "appointment";
    case core::AbsenceReason::Other: return "other";
  }
  return "other";
}

std::string dagdeel_label(core::Dagdeel d, const Strings& tr) {
  return tr.get(std::string("dagdeel.") + core::dagdeel_key(d));
}

// Logged minutes (waiting or approved) from a date on; rejected entries do not count.
int minutes_since(const core::State& s, const std::string& from) {
  int total = 0;
  for (const auto& h : s.me.hours)
    if (h.date >= from && h.status != core::HoursStatus::Rejected)
      total += h.status == core::HoursStatus::Approved ? h.approved_minutes : h.minutes;
  return total;
}

std::string first_of_month(const core::State& s) {
  core::LocalTime lt = core::to_local(s.now);
  lt.day = 1;
  return core::format_date_iso(lt);
}

std::string monday(const core::State& s) { return core::day_iso(s, -core::to_local(s.now).weekday); }

std::string agreed_text(const core::State& s, const Strings& tr) {
  const core::Participant* p = core::current_participant(s);
  if (!p || !p->show_agreed_hours || p->agreed_minutes_per_week <= 0) return "";
  return tr.fmt("hours.agreed", {{"amount", hours_text(p->agreed_minutes_per_week, tr)}});
}

}  // namespace

// [SECTION] Shared pieces

std::string hours_text(int minutes, const Strings& tr) {
  char mm[4];
  std::snprintf(mm, sizeof mm, "%02d", minutes % 60);
  return tr.fmt("hours.amount", {{"h", std::to_string(minutes / 60)}, {"mm", mm}});
}

std::string day_label(const core::State& s, int day, const Strings& tr) {
  if (day == 0) return tr.get("day.today");
  if (day == 1) return tr.get("day.tomorrow");
  if (day == -1) return tr.get("day.yesterday");
  return long_date(local_date(core::day_iso(s, day)), tr);
}

// Narrow buttons: "wo 25" rather than "woensdag 25 november".
std::string tab_label(const core::State& s, int day, const Strings& tr) {
  if (day >= -1 && day <= 1) return day_label(s, day, tr);
  const core::LocalTime lt = local_date(core::day_iso(s, day));
  return tr.get("dayshort." + std::to_string(lt.weekday)) + " " + std::to_string(lt.day);
}

// [SECTION] Home

HomeView make_home_view(const core::State& s, const Strings& tr) {
  HomeView h;
  const core::LocalTime lt = core::to_local(s.now);
  const core::Participant* p = core::current_participant(s);
  const std::string name = p ? p->first_name : std::string();
  const char* greet = lt.minute_of_day < 12 * 60   ? "home.greeting.morning"
                      : lt.minute_of_day < 18 * 60 ? "home.greeting.afternoon"
                                                   : "home.greeting.evening";
  h.greeting = tr.fmt(greet, {{"name", name}});
  const core::Attendance* open = p ? core::open_attendance(s, p->id) : nullptr;
  h.checked_in = open != nullptr;
  h.action_label = tr.get(h.checked_in ? "home.check_out" : "home.check_in");
  h.status =
      h.checked_in ? tr.fmt("home.here_since", {{"time", time_of(open->check_in)}}) : tr.get("home.not_here_yet");
  h.today_title = tr.get("home.today");
  h.no_activities = tr.get("welcome.no_activities");
  h.done_label = tr.get("home.done");
  h.language_label = tr.get("language.name");
  h.today = today_lines(s);
  h.busy = s.busy;

  h.tiles.push_back({core::Screen::Activities, "open:activities", "activities", tr.get("tile.activities")});
  h.tiles.push_back({core::Screen::Absence, "open:absence", "absence", tr.get("tile.absence")});
  if (s.config.show_volunteer_hours)
    h.tiles.push_back({core::Screen::Hours, "open:hours", "hours", tr.get("tile.hours")});
  h.tiles.push_back({core::Screen::Progress, "open:progress", "progress", tr.get("tile.progress")});

  // My week: own sign-ups, appointments and reported absences, by time.
  struct Item {
    std::string sort;
    AgendaLine line;
  };
  std::vector<Item> items;
  const std::string today = core::today_iso(s);
  for (const auto& su : s.signups) {
    if (su.participant_id != s.participant_id || su.date < today) continue;
    const core::Activity* a = find_activity(s, su.activity_id);
    if (!a || core::activity_over(s, *a, su.date)) continue;
    AgendaLine l{a->icon, day_label(s, core::days_between(today, su.date), tr) + " " + core::format_hhmm(a->start),
                 a->title, "", false};
    if (!su.placed) l.note = tr.fmt("activities.waiting_number", {{"n", std::to_string(su.waiting_position)}});
    else if (su.from_waiting_list) {
      l.note = tr.get("activities.place_freed");
      l.highlight = true;
    }
    items.push_back({su.date + core::format_hhmm(a->start), l});
  }
  for (const auto& ap : s.me.appointments) {
    const core::LocalTime at = core::to_local(ap.at);
    const std::string date = core::format_date_iso(at);
    items.push_back({date + core::format_hhmm(at.minute_of_day),
                     {ap.icon.empty() ? "talk" : ap.icon,
                      day_label(s, core::days_between(today, date), tr) + " " + core::format_hhmm(at.minute_of_day),
                      ap.title, "", false}});
  }
  // One line per day and reason: "donderdag 26 november Ochtend, Middag  Afgemeld / Ziek".
  std::vector<core::Absence> absences = s.me.absences;
  std::sort(absences.begin(), absences.end(), [](const core::Absence& a, const core::Absence& b) {
    return std::tie(a.date, a.dagdeel) < std::tie(b.date, b.dagdeel);
  });
  for (std::size_t i = 0; i < absences.size();) {
    const auto& ab = absences[i];
    std::string parts = dagdeel_label(ab.dagdeel, tr);
    std::size_t j = i + 1;
    // The separator is the language's own comma (Arabic and Tigrinya have theirs).
    for (; j < absences.size() && absences[j].date == ab.date && absences[j].reason == ab.reason; ++j)
      parts += tr.get("list.separator") + dagdeel_label(absences[j].dagdeel, tr);
    if (ab.date >= today)
      items.push_back(
          {ab.date + "~" + std::to_string(static_cast<int>(ab.dagdeel)),
           {"absence", day_label(s, core::days_between(today, ab.date), tr) + " " + parts,
            tr.get("home.reported_absent"), tr.get(std::string("reason.") + core::reason_key(ab.reason)), false}});
    i = j;
  }
  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.sort < b.sort; });
  for (auto& it : items) h.agenda.push_back(std::move(it.line));
  h.agenda_title = tr.get("home.my_week");
  h.agenda_empty = tr.get("home.my_week_empty");
  return h;
}

// [SECTION] Activities and sign-up

ActivitiesView make_activities_view(const core::State& s, const Strings& tr) {
  ActivitiesView v;
  v.title = tr.get("tile.activities");
  v.back_label = tr.get("common.back");
  v.busy = s.busy;
  for (int d = 0; d < core::kWeekDays; ++d) v.days.push_back({d, tab_label(s, d, tr), d == s.day});
  const std::string date = core::day_iso(s, s.day);
  v.empty_text = tr.get("activities.none");
  using A = ActivitiesView::Action;
  for (const auto& a : core::activities_on(s.programme, date)) {
    ActivitiesView::Row r;
    r.activity_id = a.id;
    r.icon = a.icon;
    r.time = span(a);
    r.title = a.title;
    r.where = a.leader.empty() ? a.place : a.place + "  -  " + a.leader;
    const int taken = core::places_taken(s, a.id, date);
    const int left = a.capacity > 0 ? std::max(0, a.capacity - taken) : -1;
    if (left < 0) r.places = tr.get("activities.open_to_all");
    else if (left == 0) r.places = tr.get("activities.full");
    else r.places = tr.fmt(left == 1 ? "activities.one_place" : "activities.places", {{"n", std::to_string(left)}});
    const core::SignUp* mine = core::own_signup(s, a.id, date);
    r.mine = mine != nullptr;
    r.settling = core::settling(s, "signup/" + a.id + "/" + date);
    if (core::activity_over(s, a, date)) {
      r.action = A::None;
      r.action_label = tr.get("activities.over");
      if (mine && mine->placed) r.status = tr.get("activities.you_joined");
    } else if (mine && mine->placed) {
      r.status = tr.get(mine->from_waiting_list ? "activities.place_freed" : "activities.you_join");
      r.action = A::Cancel;
      r.action_label = tr.get("activities.cancel");
    } else if (mine) {
      r.status = tr.fmt("activities.waiting_number", {{"n", std::to_string(mine->waiting_position)}});
      r.action = A::LeaveWaitingList;
      r.action_label = tr.get("activities.leave_waiting_list");
    } else if (left == 0) {
      r.action = A::JoinWaitingList;
      r.action_label = tr.get("activities.join_waiting_list");
    } else {
      r.action = A::SignUp;
      r.action_label = tr.get("activities.sign_up");
    }
    v.rows.push_back(std::move(r));
  }
  return v;
}

// [SECTION] Report an absence

AbsenceView make_absence_view(const core::State& s, const Strings& tr) {
  AbsenceView v;
  v.title = tr.get("tile.absence");
  v.when_title = tr.get("absence.when");
  v.why_title = tr.get("absence.why");
  v.back_label = tr.get("common.back");
  v.busy = s.busy;
  v.can_send = !s.absence_parts.empty();
  v.chosen_text = v.can_send ? tr.fmt(s.absence_parts.size() == 1 ? "absence.chosen_one" : "absence.chosen",
                                      {{"n", std::to_string(s.absence_parts.size())}})
                             : tr.get("absence.choose_first");
  for (int d = 0; d < core::kWeekDays; ++d) {
    AbsenceView::DayRow row;
    row.day = d;
    row.label = tab_label(s, d, tr);
    const std::string date = core::day_iso(s, d);
    for (core::Dagdeel dd : core::open_parts(s, d)) {
      AbsenceView::Part part;
      part.part = {d, dd};
      part.label = dagdeel_label(dd, tr);
      part.chosen = std::find(s.absence_parts.begin(), s.absence_parts.end(), part.part) != s.absence_parts.end();
      part.reported = std::any_of(s.me.absences.begin(), s.me.absences.end(),
                                  [&](const core::Absence& a) { return a.date == date && a.dagdeel == dd; });
      row.parts.push_back(std::move(part));
    }
    if (!row.parts.empty()) v.days.push_back(std::move(row));
  }
  for (core::AbsenceReason r : core::kAbsenceReasons)
    v.reasons.push_back({r, reason_icon(r), tr.get(std::string("reason.") + core::reason_key(r))});
  return v;
}

// [SECTION] Volunteer hours

HoursView make_hours_view(const core::State& s, const Strings& tr) {
  HoursView v;
  v.title = tr.get("tile.hours");
  v.back_label = tr.get("common.back");
  v.place_title = tr.get("hours.where");
  v.day_title = tr.get("hours.when");
  v.amount_title = tr.get("hours.how_long");
  v.amount = hours_text(s.hours_minutes, tr);
  v.save_label = tr.get("common.save");
  v.less_label = tr.get("hours.less");
  v.more_label = tr.get("hours.more");
  v.no_places = tr.get("hours.no_places");
  for (const auto& p : core::hours_places(s)) v.places.push_back({p, p, p == s.hours_place, p});
  for (int d = 0; d <= core::hours_days_back(s); ++d)
    v.days.push_back({std::to_string(d), day_label(s, -d, tr), d == s.hours_day, tab_label(s, -d, tr)});
  for (const int m : core::kHoursQuickChoices)
    v.quick.push_back({std::to_string(m),
                       m == 60 ? tr.get("hours.quick_one") : tr.fmt("hours.quick", {{"n", std::to_string(m / 60)}}),
                       m == s.hours_minutes, ""});
  v.can_save = !s.hours_place.empty() && !s.busy;
  v.can_less = s.hours_minutes > core::kHoursStepMinutes;
  v.can_more = s.hours_minutes < core::kMaxHoursPerEntry;
  v.busy = s.busy;
  v.week_total = tr.fmt("hours.this_week", {{"amount", hours_text(minutes_since(s, monday(s)), tr)}});
  v.month_total = tr.fmt("hours.this_month", {{"amount", hours_text(minutes_since(s, first_of_month(s)), tr)}});
  v.agreed = agreed_text(s, tr);
  v.list_title = tr.get("hours.logged_this_week");
  // Every day the screen offers, so an entry for "yesterday" shows on a Monday too.
  const std::string from = std::min(monday(s), core::day_iso(s, -core::hours_days_back(s)));
  const std::string today = core::today_iso(s);
  for (auto it = s.me.hours.rbegin(); it != s.me.hours.rend(); ++it) {
    if (it->date < from) continue;
    HoursView::Entry e;
    e.when = day_label(s, core::days_between(today, it->date), tr);
    e.place = it->place;
    e.approved = it->status == core::HoursStatus::Approved;
    e.amount = hours_text(e.approved ? it->approved_minutes : it->minutes, tr);
    e.status = tr.get(e.approved                                  ? "hours.approved"
                      : it->status == core::HoursStatus::Rejected ? "hours.changed_by_coach"
                                                                  : "hours.waiting");
    v.entries.push_back(std::move(e));
  }
  return v;
}

// [SECTION] Progress: recognition, never deficits

ProgressView make_progress_view(const core::State& s, const Strings& tr) {
  ProgressView v;
  v.title = tr.get("tile.progress");
  v.back_label = tr.get("common.back");
  v.milestones_title = tr.get("progress.milestones");
  v.none_yet = tr.get("progress.first_steps");
  v.agreed = agreed_text(s, tr);

  const std::string month = first_of_month(s);
  std::vector<std::string> days;
  for (const auto& a : s.me.recent)
    if (a.date >= month && std::find(days.begin(), days.end(), a.date) == days.end()) days.push_back(a.date);
  v.stats.push_back({"today", std::to_string(days.size()),
                     tr.get(days.size() == 1 ? "progress.day_this_month" : "progress.days_this_month")});
  if (s.config.show_volunteer_hours) {
    v.stats.push_back({"hours", hours_text(minutes_since(s, monday(s)), tr), tr.get("progress.hours_this_week")});
    v.stats.push_back({"hours", hours_text(minutes_since(s, month), tr), tr.get("progress.hours_this_month")});
  }

  static constexpr std::array<int, 6> kHourMarks{10, 25, 50, 100, 250, 500};
  static constexpr std::array<int, 7> kDayMarks{5, 10, 25, 50, 100, 200, 500};
  const int hours = s.me.approved_minutes_total / 60;
  std::string next;
  for (int m : kDayMarks) {
    if (s.me.days_present_total >= m)
      v.milestones.push_back({"star", tr.fmt("progress.days_milestone", {{"n", std::to_string(m)}})});
    else if (next.empty()) next = tr.fmt("progress.next_days", {{"n", std::to_string(m)}});
  }
  if (s.config.show_volunteer_hours) {
    std::string next_hours;
    for (int m : kHourMarks) {
      if (hours >= m)
        v.milestones.push_back({"progress", tr.fmt("progress.hours_milestone", {{"n", std::to_string(m)}})});
      else if (next_hours.empty()) next_hours = tr.fmt("progress.next_hours", {{"n", std::to_string(m)}});
    }
    if (hours > 0 && !next_hours.empty()) next = next_hours;
  }
  std::reverse(v.milestones.begin(), v.milestones.end());  // the biggest first
  v.next = next;
  return v;
}

// [SECTION] The check-out the kiosk closed by itself

CheckoutQuestionView make_question_view(const core::State& s, const Strings& tr) {
  CheckoutQuestionView v;
  const int ago = core::days_between(s.question.date, core::today_iso(s));
  const std::string when = ago == 0   ? tr.get("day.today.inline")
                           : ago == 1 ? tr.get("day.yesterday.inline")
                                      : tr.get("day." + std::to_string(std::max(0, core::weekday_of(s.question.date))));
  v.title = tr.get("question.title");
  v.question = tr.fmt("question.left_at", {{"day", when}, {"time", time_of(s.question.check_out)}});
  v.note = tr.fmt("question.note", {{"time", time_of(s.question.check_in)}});
  v.yes_label = tr.get("question.yes");
  v.no_label = tr.get("question.no");
  v.unknown_label = tr.get("question.unknown");
  v.minute_of_day = core::to_local(s.question.check_out).minute_of_day;
  v.time = time_of(s.question.check_out);
  return v;
}

CheckoutCorrectView make_correct_view(const core::State& s, const Strings& tr) {
  CheckoutCorrectView v;
  v.title = tr.get("correct.title");
  v.hint = tr.get("correct.hint");
  v.time = core::format_hhmm(s.correction_minute);
  v.minute_of_day = s.correction_minute;
  v.earlier_label = tr.get("correct.earlier");
  v.later_label = tr.get("correct.later");
  v.save_label = tr.get("common.save");
  v.back_label = tr.get("common.back");
  v.busy = s.busy;
  return v;
}

}  // namespace meedoen::ui
