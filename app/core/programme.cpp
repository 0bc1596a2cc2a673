// The programme editor's reducer and the rules of an activity. Pure like update.cpp: saving is
// a SaveActivity command; the platform appends the activity_saved event and answers prog::Stored.
#include <algorithm>

#include "core/overloaded.hpp"
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

}  // namespace

void programme_update(State& s, std::vector<Command>& out, const ProgrammeAction& action) {
  ProgrammeState& p = s.programme_edit;
  Activity& f = p.form;
  const bool can_edit = editing(s) && !s.coach.busy && !p.confirm_take_off;
  std::visit(Overloaded{
      [&](const prog::NewTapped&) {
        if (s.screen != Screen::CoachProgramme || s.coach.busy || s.coach.coach_id.empty()) return;
        Activity a;
        a.icon = "event";
        a.weekday = to_local(s.now).weekday;
        const DagdeelTimes t = s.config.dagdelen[0];
        set_times(a, t.start, t.end);
        open_form(s, a, true);
      },
      [&](const prog::EditTapped& a) {
        if (s.screen != Screen::CoachProgramme || s.coach.busy || s.coach.coach_id.empty()) return;
        if (const Activity* x = find(s, a.activity_id)) open_form(s, *x, false);
      },
      [&](const prog::PutBackTapped& a) {
        if (s.screen != Screen::CoachProgramme || s.coach.busy || s.coach.coach_id.empty()) return;
        const Activity* x = find(s, a.activity_id);
        if (!x || x->active) return;
        Activity back = *x;
        back.active = true;
        p = ProgrammeState{};
        save(s, out, back);
      },
      [&](const prog::FieldTapped& a) {
        if (!can_edit) return;
        p.field = a.field;
        p.too_long = false;
      },
      [&](const prog::Typed& a) {
        std::string* t = field_text(p);
        if (!can_edit || !t) return;
        // Refused whole rather than cut: a paste or a scanner must not leave half a word.
        if (utf8_length(*t) + utf8_length(a.text) > field_limit(p.field)) {
          p.too_long = true;
          return;
        }
        p.too_long = false;
        *t += a.text;
      },
      [&](const prog::Erased&) {
        std::string* t = field_text(p);
        if (!can_edit || !t || t->empty()) return;
        p.too_long = false;
        while (!t->empty() && (static_cast<unsigned char>(t->back()) & 0xC0) == 0x80) t->pop_back();
        if (!t->empty()) t->pop_back();
      },
      [&](const prog::KeyboardDone&) {
        if (!can_edit) return;
        p.field = TextField::None;
        p.too_long = false;
      },
      [&](const prog::IconChosen& a) {
        if (can_edit && known_activity_icon(a.icon)) f.icon = a.icon;
      },
      [&](const prog::WeeklyChosen&) {
        if (can_edit) f.date.clear();
      },
      [&](const prog::OnceChosen&) {
        if (!can_edit || !f.date.empty()) return;
        // The next date on the chosen weekday, today included.
        const std::string today = today_iso(s);
        const int ahead = ((f.weekday - weekday_of(today)) % 7 + 7) % 7;
        f.date = add_days(today, ahead);
      },
      [&](const prog::WeekdayChosen& a) {
        if (can_edit && a.weekday >= 0 && a.weekday < 7 && f.date.empty()) f.weekday = a.weekday;
      },
      [&](const prog::DateStep& a) {
        if (!can_edit || f.date.empty()) return;
        const std::string next = add_days(f.date, a.days);
        if (next.empty() || next < today_iso(s)) return;  // a new one-off lies ahead, not in the past
        f.date = next;
        f.weekday = weekday_of(next);
      },
      [&](const prog::DagdeelChosen& a) {
        if (!can_edit) return;
        const DagdeelTimes t = s.config.dagdelen[static_cast<std::size_t>(a.dagdeel)];
        set_times(f, t.start, t.end);
        // A centre whose dagdelen cross the fixed boundaries keeps the one it tapped when it can.
        if (dagdeel_for_start(f.start) != a.dagdeel) {
          const int lo[] = {0, 12 * 60, 18 * 60};
          const int from = lo[static_cast<int>(a.dagdeel)];
          set_times(f, from, std::max(t.end, from + 60));
        }
      },
      [&](const prog::StartStep& a) {
        if (!can_edit) return;
        const int duration = f.end - f.start;
        set_times(f, f.start + a.minutes, f.start + a.minutes + duration);
      },
      [&](const prog::EndStep& a) {
        if (can_edit) set_times(f, f.start, f.end + a.minutes);
      },
      [&](const prog::CapacityStep& a) {
        if (can_edit) f.capacity = std::clamp(f.capacity + a.delta, 0, kMaxActivityCapacity);
      },
      [&](const prog::VolunteerToggled&) {
        if (can_edit) f.volunteer_work = !f.volunteer_work;
      },
      [&](const prog::SaveTapped&) {
        if (!can_edit) return;
        Activity a = f;
        a.title = trim(a.title);
        // The new activity's id is made by the platform; the rules are checked with a stand-in.
        Activity check = a;
        if (check.id.empty()) check.id = "new";
        if (check_activity(check) != ActivityProblem::None) return;  // the view says why
        p.field = TextField::None;
        save(s, out, a);
      },
      [&](const prog::TakeOffTapped&) {
        if (can_edit && !p.is_new && f.active) p.confirm_take_off = true;
      },
      [&](const prog::TakeOffConfirmed&) {
        if (!editing(s) || s.coach.busy || !p.confirm_take_off) return;
        p.confirm_take_off = false;
        Activity a = f;
        if (const Activity* stored = find(s, a.id)) a = *stored;  // takes off what is stored, not half an edit
        a.active = false;
        save(s, out, a);
      },
      [&](const prog::TakeOffCancelled&) { p.confirm_take_off = false; },
      [&](const prog::CancelTapped&) {
        if (!editing(s) || s.coach.busy) return;
        p = ProgrammeState{};
        s.screen = Screen::CoachProgramme;
      },
      [&](const prog::Stored& a) {
        s.coach.busy = false;
        if (!a.ok) {
          // The form stays as it was: nothing the coach typed is lost.
          p.error = "store_failed";
          out.push_back(LogLine{"saving an activity failed: " + a.error});
          return;
        }
        if (a.reloaded) {
          s.programme = a.programme;
          s.signups = a.signups;
        } else {
          auto it = std::find_if(s.programme.begin(), s.programme.end(), [&](const Activity& x) { return x.id == a.saved.id; });
          if (it != s.programme.end()) *it = a.saved;
          else s.programme.push_back(a.saved);
        }
        out.push_back(LogLine{"activity saved by coach " + s.coach.coach_id});
        if (s.screen == Screen::CoachActivityEdit) {
          p = ProgrammeState{};
          s.screen = Screen::CoachProgramme;
        }
      },
  }, action);
}

}  // namespace meedoen::core
