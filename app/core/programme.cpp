// The programme editor's reducer and the rules of an activity. Pure like update.cpp: saving is
// a SaveActivity command; the platform appends the activity_saved event and answers prog::Stored.
#include <algorithm>

#include "core/state.hpp"

namespace meedoen::core {

// [SECTION] Rules

bool known_activity_icon(std::string_view key) {
  return std::find(kActivityIcons.begin(), kActivityIcons.end(), key) != kActivityIcons.end();
}

Dagdeel dagdeel_for_start(int m) {
  if (m < 12 * 60) return Dagdeel::Morning;
  if (m < 18 * 60) return Dagdeel::Afternoon;
  return Dagdeel::Evening;
}

std::size_t utf8_length(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  const auto last = s.find_last_not_of(" \t\r\n");
  return s.substr(first, last - first + 1);
}

const char* activity_problem_key(ActivityProblem p) {
  switch (p) {
    case ActivityProblem::None: return "none";
    case ActivityProblem::BadId: return "bad_id";
    case ActivityProblem::NoTitle: return "no_title";
    case ActivityProblem::TitleTooLong: return "title_too_long";
    case ActivityProblem::PlaceTooLong: return "place_too_long";
    case ActivityProblem::LeaderTooLong: return "leader_too_long";
    case ActivityProblem::BadText: return "bad_text";
    case ActivityProblem::BadIcon: return "bad_icon";
    case ActivityProblem::BadWeekday: return "bad_weekday";
    case ActivityProblem::BadDate: return "bad_date";
    case ActivityProblem::DateNotWeekday: return "date_not_weekday";
    case ActivityProblem::BadTimes: return "bad_times";
    case ActivityProblem::DagdeelMismatch: return "dagdeel_mismatch";
    case ActivityProblem::BadCapacity: return "bad_capacity";
  }
  return "none";
}

ActivityProblem check_activity(const Activity& a) {
  if (a.id.empty() || a.id.size() > 64 || a.id.find('/') != std::string::npos) return ActivityProblem::BadId;
  const std::string title = trim(a.title);
  if (title.empty()) return ActivityProblem::NoTitle;
  if (utf8_length(title) > kMaxActivityTitle) return ActivityProblem::TitleTooLong;
  if (utf8_length(a.place) > kMaxActivityText) return ActivityProblem::PlaceTooLong;
  if (utf8_length(a.leader) > kMaxActivityText) return ActivityProblem::LeaderTooLong;
  for (const std::string* s : {&a.title, &a.place, &a.leader})
    if (s->find_first_of("\r\n\t") != std::string::npos) return ActivityProblem::BadText;
  if (!known_activity_icon(a.icon)) return ActivityProblem::BadIcon;
  if (a.weekday < 0 || a.weekday > 6) return ActivityProblem::BadWeekday;
  if (!a.date.empty()) {
    if (!valid_date_iso(a.date)) return ActivityProblem::BadDate;
    if (weekday_of(a.date) != a.weekday) return ActivityProblem::DateNotWeekday;
  }
  if (a.start < 0 || a.end > kLastMinute || a.start >= a.end) return ActivityProblem::BadTimes;
  if (dagdeel_for_start(a.start) != a.dagdeel) return ActivityProblem::DagdeelMismatch;
  if (a.capacity < 0 || a.capacity > kMaxActivityCapacity) return ActivityProblem::BadCapacity;
  return ActivityProblem::None;
}

bool occurs_on(const Activity& a, const std::string& date) {
  if (!a.active) return false;
  return a.date.empty() ? a.weekday == weekday_of(date) : a.date == date;
}

// [SECTION] Editor

namespace {

bool editing(const State& s) { return s.screen == Screen::CoachActivityEdit && !s.coach.coach_id.empty(); }

const Activity* find(const State& s, const std::string& id) {
  for (const auto& a : s.programme)
    if (a.id == id) return &a;
  return nullptr;
}

std::string* field_text(ProgrammeState& p) {
  switch (p.field) {
    case TextField::Title: return &p.form.title;
    case TextField::Place: return &p.form.place;
    case TextField::Leader: return &p.form.leader;
    case TextField::None: return nullptr;
  }
  return nullptr;
}

std::size_t field_limit(TextField f) { return f == TextField::Title ? kMaxActivityTitle : kMaxActivityText; }

void open_form(State& s, const Activity& a, bool is_new) {
  s.programme_edit = ProgrammeState{};
  s.programme_edit.form = a;
  s.programme_edit.is_new = is_new;
  s.programme_edit.field = is_new ? TextField::Title : TextField::None;  // a new one starts with its name
  s.screen = Screen::CoachActivityEdit;
}

void save(State& s, std::vector<Command>& out, Activity a) {
  a.title = trim(a.title);
  a.place = trim(a.place);
  a.leader = trim(a.leader);
  s.coach.busy = true;
  s.programme_edit.error.clear();
  out.push_back(SaveActivity{std::move(a), s.coach.coach_id, s.now});
}

void set_times(Activity& a, int start, int end) {
  a.start = std::clamp(start, 0, kLastMinute - kActivityTimeStep);
  a.end = std::clamp(end, a.start + kActivityTimeStep, kLastMinute);
  a.dagdeel = dagdeel_for_start(a.start);
}

// The form takes edits: open, nothing being saved, no take-off question over it.
bool can_edit(const State& s) { return editing(s) && !s.coach.busy && !s.programme_edit.confirm_take_off; }

bool on_list(const State& s) {
  return s.screen == Screen::CoachProgramme && !s.coach.busy && !s.coach.coach_id.empty();
}

// [SECTION] The programme list

void on(State& s, Commands&, const prog::NewTapped&) {
  if (!on_list(s)) return;
  Activity a;
  a.icon = "event";
  a.weekday = to_local(s.now).weekday;
  const DagdeelTimes t = s.config.dagdelen[0];
  set_times(a, t.start, t.end);
  open_form(s, a, true);
}

void on(State& s, Commands&, const prog::EditTapped& a) {
  if (!on_list(s)) return;
  if (const Activity* x = find(s, a.activity_id)) open_form(s, *x, false);
}

void on(State& s, Commands& out, const prog::PutBackTapped& a) {
  if (!on_list(s)) return;
  const Activity* x = find(s, a.activity_id);
  if (!x || x->active) return;
  Activity back = *x;
  back.active = true;
  s.programme_edit = ProgrammeState{};
  save(s, out, back);
}

// [SECTION] The form's text fields

void on(State& s, Commands&, const prog::FieldTapped& a) {
  if (!can_edit(s)) return;
  s.programme_edit.field = a.field;
  s.programme_edit.too_long = false;
}

void on(State& s, Commands&, const prog::Typed& a) {
  ProgrammeState& p = s.programme_edit;
  std::string* t = field_text(p);
  if (!can_edit(s) || !t) return;
  // Refused whole rather than cut: a paste or a scanner must not leave half a word.
  if (utf8_length(*t) + utf8_length(a.text) > field_limit(p.field)) {
    p.too_long = true;
    return;
  }
  p.too_long = false;
  *t += a.text;
}

void on(State& s, Commands&, const prog::Erased&) {
  ProgrammeState& p = s.programme_edit;
  std::string* t = field_text(p);
  if (!can_edit(s) || !t || t->empty()) return;
  p.too_long = false;
  while (!t->empty() && (static_cast<unsigned char>(t->back()) & 0xC0) == 0x80) t->pop_back();
  if (!t->empty()) t->pop_back();
}

void on(State& s, Commands&, const prog::KeyboardDone&) {
  if (!can_edit(s)) return;
  s.programme_edit.field = TextField::None;
  s.programme_edit.too_long = false;
}

// [SECTION] The form's choices and steppers

void on(State& s, Commands&, const prog::IconChosen& a) {
  if (can_edit(s) && known_activity_icon(a.icon)) s.programme_edit.form.icon = a.icon;
}

void on(State& s, Commands&, const prog::WeeklyChosen&) {
  if (can_edit(s)) s.programme_edit.form.date.clear();
}

void on(State& s, Commands&, const prog::OnceChosen&) {
  Activity& f = s.programme_edit.form;
  if (!can_edit(s) || !f.date.empty()) return;
  // The next date on the chosen weekday, today included.
  const std::string today = today_iso(s);
  const int ahead = ((f.weekday - weekday_of(today)) % 7 + 7) % 7;
  f.date = add_days(today, ahead);
}

void on(State& s, Commands&, const prog::WeekdayChosen& a) {
  Activity& f = s.programme_edit.form;
  if (can_edit(s) && a.weekday >= 0 && a.weekday < 7 && f.date.empty()) f.weekday = a.weekday;
}

void on(State& s, Commands&, const prog::DateStep& a) {
  Activity& f = s.programme_edit.form;
  if (!can_edit(s) || f.date.empty()) return;
  const std::string next = add_days(f.date, a.days);
  if (next.empty() || next < today_iso(s)) return;  // a new one-off lies ahead, not in the past
  f.date = next;
  f.weekday = weekday_of(next);
}

void on(State& s, Commands&, const prog::DagdeelChosen& a) {
  Activity& f = s.programme_edit.form;
  if (!can_edit(s)) return;
  const DagdeelTimes t = s.config.dagdelen[static_cast<std::size_t>(a.dagdeel)];
  set_times(f, t.start, t.end);
  // A centre whose dagdelen cross the fixed boundaries keeps the one it tapped when it can.
  if (dagdeel_for_start(f.start) != a.dagdeel) {
    const int lo[] = {0, 12 * 60, 18 * 60};
    const int from = lo[static_cast<int>(a.dagdeel)];
    set_times(f, from, std::max(t.end, from + 60));
  }
}

void on(State& s, Commands&, const prog::StartStep& a) {
  Activity& f = s.programme_edit.form;
  if (!can_edit(s)) return;
  const int duration = f.end - f.start;
  set_times(f, f.start + a.minutes, f.start + a.minutes + duration);
}

void on(State& s, Commands&, const prog::EndStep& a) {
  Activity& f = s.programme_edit.form;
  if (can_edit(s)) set_times(f, f.start, f.end + a.minutes);
}

void on(State& s, Commands&, const prog::CapacityStep& a) {
  Activity& f = s.programme_edit.form;
  if (can_edit(s)) f.capacity = std::clamp(f.capacity + a.delta, 0, kMaxActivityCapacity);
}

void on(State& s, Commands&, const prog::VolunteerToggled&) {
  Activity& f = s.programme_edit.form;
  if (can_edit(s)) f.volunteer_work = !f.volunteer_work;
}

// [SECTION] Saving, taking off, leaving the form

void on(State& s, Commands& out, const prog::SaveTapped&) {
  if (!can_edit(s)) return;
  Activity a = s.programme_edit.form;
  a.title = trim(a.title);
  // The new activity's id is made by the platform; the rules are checked with a stand-in.
  Activity check = a;
  if (check.id.empty()) check.id = "new";
  if (check_activity(check) != ActivityProblem::None) return;  // the view says why
  s.programme_edit.field = TextField::None;
  save(s, out, a);
}

void on(State& s, Commands&, const prog::TakeOffTapped&) {
  ProgrammeState& p = s.programme_edit;
  if (can_edit(s) && !p.is_new && p.form.active) p.confirm_take_off = true;
}

void on(State& s, Commands& out, const prog::TakeOffConfirmed&) {
  ProgrammeState& p = s.programme_edit;
  if (!editing(s) || s.coach.busy || !p.confirm_take_off) return;
  p.confirm_take_off = false;
  Activity a = p.form;
  if (const Activity* stored = find(s, a.id)) a = *stored;  // takes off what is stored, not half an edit
  a.active = false;
  save(s, out, a);
}

void on(State& s, Commands&, const prog::TakeOffCancelled&) { s.programme_edit.confirm_take_off = false; }

void on(State& s, Commands&, const prog::CancelTapped&) {
  if (!editing(s) || s.coach.busy) return;
  s.programme_edit = ProgrammeState{};
  s.screen = Screen::CoachProgramme;
}

void on(State& s, Commands& out, const prog::Stored& a) {
  s.coach.busy = false;
  if (!a.ok) {
    // The form stays as it was: nothing the coach typed is lost.
    s.programme_edit.error = "store_failed";
    out.push_back(LogLine{"saving an activity failed: " + a.error});
    return;
  }
  if (a.reloaded) {
    s.programme = a.programme;
    s.signups = a.signups;
  } else {
    auto it =
        std::find_if(s.programme.begin(), s.programme.end(), [&](const Activity& x) { return x.id == a.saved.id; });
    if (it != s.programme.end()) *it = a.saved;
    else s.programme.push_back(a.saved);
  }
  out.push_back(LogLine{"activity saved by coach " + s.coach.coach_id});
  if (s.screen == Screen::CoachActivityEdit) {
    s.programme_edit = ProgrammeState{};
    s.screen = Screen::CoachProgramme;
  }
}

}  // namespace

// Hands every leaf to its on() overload above; the lambda only forwards, so a ProgrammeAction
// without an on() does not compile.
Step update(State s, const ProgrammeAction& action) {
  Commands out;
  std::visit([&](const auto& a) { on(s, out, a); }, action);
  return Step{std::move(s), std::move(out)};
}

}  // namespace meedoen::core
