// The coach-mode reducer: getting in with a PIN (and the growing lockout after wrong ones),
// leaving by hand or after two minutes without a touch, and the Today screen's decisions. Pure,
// like update.cpp: it describes writes and PIN checks as commands.
#include <algorithm>

#include "core/report.hpp"
#include "core/state.hpp"

namespace meedoen::core {

namespace {

// [SECTION] Helpers

void notice(State& s, Notice n) {
  s.notice = n;
  s.notice_until = s.now + kNoticeDuration;
}

// Where coach mode goes when it ends: the PIN pad on an office PC, else the welcome screen.
void go_home(State& s, std::vector<Command>& out, const char* why) {
  if (!s.coach.coach_id.empty()) out.push_back(LogLine{"coach " + s.coach.coach_id + " left coach mode (" + why + ")"});
  leave_coach(s);
  s.notice = Notice::None;
  s.language = s.config.default_language;
  s.screen = s.coach.office ? Screen::CoachPin : Screen::Welcome;
}

void load(State& s, std::vector<Command>& out) {
  const bool page =
      s.screen == Screen::CoachPerson || s.screen == Screen::CoachLadder || s.screen == Screen::CoachAgreements;
  out.push_back(LoadCoachData{s.now, page ? s.coach.person_id : std::string()});
}

void on_pin_digit(State& s, std::vector<Command>& out, char d) {
  CoachState& c = s.coach;
  if (s.screen != Screen::CoachPin || c.busy || d < '0' || d > '9' || coach_locked(s)) return;
  if (s.coaches && s.coaches->empty()) return;  // no PIN can open it: the pad says how to add a coach
  if (static_cast<int>(c.pin.size()) >= kCoachPinLength) return;
  c.pin.push_back(d);
  if (static_cast<int>(c.pin.size()) == kCoachPinLength) {
    c.busy = true;
    out.push_back(VerifyCoachPin{c.pin});
  }
}

// A wrong coach PIN, on the pad or as the old PIN of a PIN change: counted together, so the
// change screen is no way around the lockout. True when this one locked coach mode.
bool wrong_coach_pin(State& s, std::vector<Command>& out) {
  CoachState& c = s.coach;
  c.guard.wrong += 1;
  out.push_back(LogLine{"wrong coach PIN (" + std::to_string(c.guard.wrong) + " in a row)"});
  if (c.guard.wrong < kCoachMaxWrongPins) {
    notice(s, Notice::WrongPin);
    // Durable before the pad says "wrong PIN": a restart must not give a guesser a fresh count.
    out.push_back(SaveLockout{coach_lockout(s)});
    return false;
  }
  // Doubling from 30 s, capped: a guesser needs days for 10,000 PINs, a coach who mistyped
  // waits half a minute.
  const TimeMs lock = std::min(kCoachMaxLock, kCoachFirstLock << std::min(c.guard.locks, 10));
  c.guard.locked_until = s.now + lock;
  c.guard.locks += 1;
  c.guard.wrong = 0;
  out.push_back(LogLine{"coach mode locked for " + std::to_string(lock / 1000) + " s after " +
                        std::to_string(kCoachMaxWrongPins) + " wrong PINs (lock " + std::to_string(c.guard.locks) +
                        ")"});
  // No banner: the pad itself says it is locked and for how long (the participants' "pause"
  // banner tells them to ask a coach, which is wrong here).
  s.notice = Notice::None;
  out.push_back(SaveLockout{coach_lockout(s)});
  return true;
}

void on_pin_checked(State& s, std::vector<Command>& out, const CoachPinChecked& r) {
  CoachState& c = s.coach;
  c.busy = false;
  const bool old_length = static_cast<int>(c.pin.size()) < kCoachPinLength;
  c.pin.clear();
  if (s.screen != Screen::CoachPin) return;  // left meanwhile
  if (!r.coach_id.empty()) {
    if (coach_lockout(s) != Lockout{}) out.push_back(SaveLockout{Lockout{}});
    c.guard = CoachGuard{};
    c.coach_id = r.coach_id;
    c.not_seen_days = s.config.not_seen_days;
    c.data = CoachData{};
    s.screen = Screen::CoachToday;
    s.notice = Notice::None;
    out.push_back(LogLine{"coach " + r.coach_id + " opened coach mode"});
    load(s, out);
    if (old_length) {
      // The old PIN was right; a new one of kCoachPinLength digits comes first.
      out.push_back(LogLine{"coach " + r.coach_id + " has a PIN of the old length: asked for a new one first"});
      c.pin_new.clear();
      c.must_change_pin = true;
      c.pin_from = Screen::CoachToday;
      c.pin_step = PinChangeStep::New;
      s.screen = Screen::CoachPinChange;
    }
    return;
  }
  wrong_coach_pin(s, out);
}

// [SECTION] Changing one's own PIN: old, new, new again

void end_pin_change(State& s) {
  CoachState& c = s.coach;
  c.pin.clear();
  c.pin_new.clear();
  c.pin_step = PinChangeStep::Old;
}

// A full PIN was typed on the change screen.
void on_change_pin_typed(State& s, std::vector<Command>& out) {
  CoachState& c = s.coach;
  switch (c.pin_step) {
    case PinChangeStep::Old:
      c.busy = true;
      out.push_back(VerifyOwnCoachPin{c.coach_id, c.pin});
      return;
    case PinChangeStep::New:
      if (const std::string why = check_coach_pin(c.pin); !why.empty()) return;  // the pad types only digits
      c.pin_new = c.pin;
      c.pin.clear();
      c.pin_step = PinChangeStep::Repeat;
      return;
    case PinChangeStep::Repeat:
      if (c.pin != c.pin_new) {
        c.pin.clear();
        c.pin_new.clear();
        c.pin_step = PinChangeStep::New;
        notice(s, Notice::PinsDiffer);
        return;
      }
      c.busy = true;
      out.push_back(SaveCoachPin{c.coach_id, c.pin_new, s.now});
      c.pin.clear();
      c.pin_new.clear();
      return;
  }
}

void on_change_pin_digit(State& s, std::vector<Command>& out, char d) {
  CoachState& c = s.coach;
  if (c.busy || c.coach_id.empty() || d < '0' || d > '9' || coach_locked(s)) return;
  if (static_cast<int>(c.pin.size()) >= kCoachPinLength) return;
  c.pin.push_back(d);
  if (static_cast<int>(c.pin.size()) == kCoachPinLength) on_change_pin_typed(s, out);
}

void on_own_pin_checked(State& s, std::vector<Command>& out, bool ok) {
  CoachState& c = s.coach;
  c.busy = false;
  c.pin.clear();
  if (s.screen != Screen::CoachPinChange) return;
  if (ok) {
    if (c.guard.wrong != 0) {
      c.guard.wrong = 0;
      out.push_back(SaveLockout{coach_lockout(s)});
    }
    c.pin_step = PinChangeStep::New;
    s.notice = Notice::None;
    return;
  }
  // Five wrong old PINs end coach mode, as on the pad: someone else may be at the kiosk.
  if (wrong_coach_pin(s, out)) go_home(s, out, "too many wrong PINs");
}

void on_pin_saved(State& s, std::vector<Command>& out, const CoachPinSaved& r) {
  CoachState& c = s.coach;
  c.busy = false;
  if (s.screen != Screen::CoachPinChange) return;
  end_pin_change(s);
  switch (r.result) {
    case CoachPinSaved::Result::Saved:
      out.push_back(LogLine{"coach " + c.coach_id + " changed their PIN"});
      c.must_change_pin = false;
      s.screen = c.pin_from;
      notice(s, Notice::PinChanged);
      load(s, out);
      return;
    case CoachPinSaved::Result::Taken:
      c.pin_step = PinChangeStep::New;  // the old PIN was right: only a new one is needed
      notice(s, Notice::PinTaken);
      return;
    case CoachPinSaved::Result::Failed:
      c.pin_step = PinChangeStep::New;
      out.push_back(LogLine{"could not store coach " + c.coach_id + "'s new PIN: " + r.reason});
      notice(s, Notice::StoreFailed);
      return;
  }
}

// A decision on the Today screen: one event, written by the platform, then fresh data.
void decide(State& s, std::vector<Command>& out, std::string pid,
            EventBody body) {  // pid by value: it may be pending_id
  s.coach.busy = true;
  s.coach.pending = PendingKind::None;
  s.coach.pending_id.clear();
  const bool page = s.screen == Screen::CoachPerson || s.screen == Screen::CoachLadder;
  out.push_back(RecordCoach{pid, std::move(body), s.now, page ? s.coach.person_id : std::string()});
}

const HoursEntry* waiting_hours(const State& s, const std::string& id) {
  for (const auto& h : s.coach.data.hours_waiting)
    if (h.event_id == id) return &h;
  return nullptr;
}

const Attendance* unresolved(const State& s, const std::string& check_in_event) {
  for (const auto& a : s.coach.data.unresolved)
    if (a.check_in_event == check_in_event) return &a;
  return nullptr;
}

bool can_decide(const State& s) {
  return (s.screen == Screen::CoachToday || s.screen == Screen::CoachPerson) && !s.coach.busy &&
         !s.coach.coach_id.empty();
}

// The dagdeel's times today, for an attendance a coach records (the kiosk has no better ones).
std::pair<TimeMs, TimeMs> dagdeel_span(const State& s, const std::string& date, Dagdeel d) {
  const DagdeelTimes& t = s.config.dagdelen[static_cast<std::size_t>(d)];
  return {from_local(date, t.start), from_local(date, t.end)};
}

void ask_about(State& s, PendingKind kind, const std::string& pid, const std::string& date, Dagdeel d) {
  s.coach.pending = kind;
  s.coach.pending_id = pid;
  s.coach.pending_date = date;
  s.coach.pending_dagdeel = d;
}

// [SECTION] The ladder form

LadderForm form_from(const State& s) {
  LadderForm f;
  const auto& ladder = s.coach.data.person.ladder;
  if (ladder.empty()) return f;  // the first assessment: at the start
  const LadderAssessment& last = ladder.back();
  f.moment = LadderMoment::Monthly;
  f.rung = std::clamp(last.rung, 1, std::max<int>(1, static_cast<int>(s.config.ladder_rungs.size())));
  f.progress = last.progress;
  f.areas = last.areas;
  return f;
}

bool on_page(const State& s) { return s.screen == Screen::CoachPerson && !s.coach.person_id.empty(); }

void ask_reason(State& s, PendingKind kind, const std::string& id) {
  s.coach.pending = kind;
  s.coach.pending_id = id;
}

void on_reason(State& s, std::vector<Command>& out, CoachReason reason) {
  CoachState& c = s.coach;
  if (!can_decide(s) || c.pending == PendingKind::None) return;
  const std::string why = coach_reason_key(reason);
  if (c.pending == PendingKind::HoursReject) {
    const HoursEntry* h = waiting_hours(s, c.pending_id);
    if (!h) return;
    decide(s, out, h->participant_id, ev::HoursDecided{h->event_id, false, 0, why, c.coach_id});
    return;
  }
  if (c.pending == PendingKind::WasHere) {
    const auto [start, end] = dagdeel_span(s, c.pending_date, c.pending_dagdeel);
    decide(s, out, c.pending_id,
           ev::AttendanceRecorded{c.pending_date, c.pending_dagdeel, start, end, why, c.coach_id});
    return;
  }
  if (c.pending == PendingKind::AbsentByPhone || c.pending == PendingKind::Exit ||
      c.pending == PendingKind::PickDagdeel)
    return;  // their own choices
  const Attendance* a = unresolved(s, c.pending_id);
  if (!a) return;
  const bool accept = c.pending == PendingKind::CorrectionAccept;
  // The correction event itself is not in the read model; the check-in names the attendance.
  decide(s, out, a->participant_id,
         ev::CorrectionDecided{"", a->check_in_event, a->date, accept, accept ? a->proposed_end : 0, why, c.coach_id});
}

void on_choice(State& s, std::vector<Command>& out, const std::string& key) {
  CoachState& c = s.coach;
  if (!can_decide(s)) return;
  if (c.pending == PendingKind::AbsentByPhone) {
    AbsenceReason r;
    if (!reason_from_key(key, r)) return;
    decide(s, out, c.pending_id, ev::AbsenceReported{c.pending_date, c.pending_dagdeel, r, c.coach_id});
  } else if (c.pending == PendingKind::Exit) {
    ExitReason r;
    if (!exit_reason_from_key(key, r)) return;
    decide(s, out, c.pending_id, ev::ParticipantLeft{today_iso(s), r, c.coach_id});
  }
}

void on_ladder_save(State& s, std::vector<Command>& out) {
  CoachState& c = s.coach;
  if (s.screen != Screen::CoachLadder || c.busy || c.person_id.empty()) return;
  ev::LadderAssessed a;
  a.date = today_iso(s);
  a.moment = c.ladder.moment;
  a.rung = c.ladder.rung;
  a.progress = c.ladder.progress;
  a.areas = c.ladder.areas;
  a.coach_id = c.coach_id;
  s.screen = Screen::CoachPerson;  // the page shows the new assessment when the write is done
  decide(s, out, c.person_id, a);
}

void on_note_save(State& s, std::vector<Command>& out) {
  CoachState& c = s.coach;
  if (!on_page(s) || !c.note_open || c.busy) return;
  // Trimmed; an empty note is no note.
  const auto first = c.note.find_first_not_of(' ');
  if (first == std::string::npos) return;
  const std::string text = c.note.substr(first, c.note.find_last_not_of(' ') - first + 1);
  c.note_open = false;
  c.note.clear();
  decide(s, out, c.person_id, ev::NoteAdded{today_iso(s), text, false, c.coach_id});
}

}  // namespace

// [SECTION] Entry points

bool has_left(const State& s, const std::string& pid) {
  const auto& x = s.coach.data.exits;
  return std::any_of(x.begin(), x.end(), [&](const Exit& e) { return e.participant_id == pid; });
}

bool expected(const State& s, const Participant& p, Dagdeel d) {
  if (has_left(s, p.id)) return false;
  const std::string today = today_iso(s);
  // The reports' rule (core/report.hpp): nothing before go-live or the start, the agreement up to its end.
  if (today < expected_from(p, s.coach.data.go_live)) return false;
  if (agreed_on(p, today, d, s.coach.data.go_live)) return true;
  for (const auto& su : s.signups) {
    if (su.participant_id != p.id || su.date != today || !su.placed) continue;
    for (const auto& a : s.programme)
      if (a.id == su.activity_id && a.active && a.dagdeel == d) return true;
  }
  return false;
}

int talk_due_days(const State& s, const Participant& p) {
  if (p.talk_every_days <= 0 || has_left(s, p.id) || s.coach.data.next_talk.count(p.id)) return -1;
  const auto it = s.coach.data.last_talk.find(p.id);
  const std::string since = it != s.coach.data.last_talk.end() ? it->second : p.start_date;
  if (since.empty()) return -1;
  const int days = days_between(since, today_iso(s));
  return days >= p.talk_every_days ? days : -1;
}

std::string check_coach_pin(const std::string& pin) {
  const std::string rule = "a coach PIN is " + std::to_string(kCoachPinLength) + " digits (0-9)";
  if (pin.empty()) return rule + ", got nothing";
  if (!std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return rule + ", got other characters";
  if (static_cast<int>(pin.size()) != kCoachPinLength) return rule + ", got " + std::to_string(pin.size()) + " digits";
  return "";
}

bool coach_screen(Screen sc) { return sc >= Screen::CoachPin; }

bool coach_tab(Screen sc) {
  return sc == Screen::CoachToday || sc == Screen::CoachPeople || sc == Screen::CoachProgramme ||
         sc == Screen::CoachReports;
}

const char* coach_reason_key(CoachReason r) {
  switch (r) {
    case CoachReason::Checked: return "checked";
    case CoachReason::Seen: return "seen";
    case CoachReason::Duplicate: return "duplicate";
    case CoachReason::Other: return "other";
  }
  return "other";
}

void leave_coach(State& s) {
  CoachState& c = s.coach;
  c.coach_id.clear();
  end_pin_change(s);
  c.must_change_pin = false;
  c.busy = false;
  c.data = CoachData{};
  c.pending = PendingKind::None;
  c.pending_id.clear();
  c.person_id.clear();
  c.note_open = false;
  c.note.clear();
  c.people_all = false;
  s.reports = ReportsState{};
  s.programme_edit = ProgrammeState{};
}

bool coach_locked(const State& s) { return s.coach.guard.locked_until > s.now; }

void coaches_reloaded(State& s, std::vector<Command>& out) {
  const std::string& id = s.coach.coach_id;
  if (id.empty() || !s.coaches) return;
  const auto& cs = *s.coaches;
  if (std::none_of(cs.begin(), cs.end(), [&](const Coach& c) { return c.id == id; }))
    go_home(s, out, "no longer a coach on this kiosk");
}

int coach_lock_seconds_left(const State& s) {
  const TimeMs left = s.coach.guard.locked_until - s.now;
  return left <= 0 ? 0 : static_cast<int>((left + 999) / 1000);
}

void coach_tick(State& s, std::vector<Command>& out) {
  if (!coach_screen(s.screen) || s.now - s.last_input < kCoachIdle) return;
  if (s.screen == Screen::CoachPin && s.coach.office) {
    s.coach.pin.clear();  // nothing to leave: the office PC's home is this pad
    return;
  }
  if (s.coach.busy) return;  // a write is under way; its answer comes first
  go_home(s, out, "2 minutes without a touch");
}

namespace {

// [SECTION] Getting in and out

void on(State& s, Commands&, const CoachCornerTapped&) {
  if (coach_screen(s.screen)) return;
  // Whoever was identified is signed off first: a coach never sees a half-open session.
  s.participant_id.clear();
  s.me = ParticipantData{};
  s.query.clear();
  s.pin.clear();
  s.pin_for.clear();
  s.busy = false;
  s.language = s.config.default_language;
  leave_coach(s);
  s.screen = Screen::CoachPin;
  s.notice = Notice::None;  // a lock shows on the pad itself
}

void on(State& s, Commands& out, const CoachPinDigit& a) {
  if (s.screen == Screen::CoachPinChange) on_change_pin_digit(s, out, a.digit);
  else on_pin_digit(s, out, a.digit);
}

// OK on a coach pad: only a PIN of the old length waits for it (a full one submits itself).
void on(State& s, Commands& out, const CoachPinOkTapped&) {
  CoachState& c = s.coach;
  if (c.busy || coach_locked(s) || static_cast<int>(c.pin.size()) != kCoachOldPinLength) return;
  if (s.screen == Screen::CoachPin) {
    if (s.coaches && s.coaches->empty()) return;
    c.busy = true;
    out.push_back(VerifyCoachPin{c.pin});
  } else if (s.screen == Screen::CoachPinChange && c.pin_step == PinChangeStep::Old && !c.coach_id.empty()) {
    on_change_pin_typed(s, out);
  }
}

void on(State& s, Commands&, const CoachPinErased&) {
  CoachState& c = s.coach;
  const bool pad = s.screen == Screen::CoachPin || s.screen == Screen::CoachPinChange;
  if (pad && !c.busy && !c.pin.empty()) c.pin.pop_back();
}

void on(State& s, Commands& out, const CoachPinChecked& a) { on_pin_checked(s, out, a); }

void on(State& s, Commands&, const CoachDataLoaded& a) {
  CoachState& c = s.coach;
  c.busy = false;
  if (!coach_screen(s.screen) || s.screen == Screen::CoachPin) return;
  c.data = a.data;
  c.data.loaded = true;
  s.today = a.data.today;
}

void on(State& s, Commands& out, const CoachLeaveTapped&) {
  if (!coach_screen(s.screen) || s.coach.busy) return;
  if (s.screen == Screen::CoachPin && s.coach.office) return;  // the office PC's home
  go_home(s, out, "by hand");
}

void on(State& s, Commands& out, const CoachTabTapped& a) {
  CoachState& c = s.coach;
  if (c.coach_id.empty() || c.busy || !coach_tab(a.screen) || s.screen == Screen::CoachPin ||
      s.screen == Screen::CoachPinChange)
    return;
  c.pending = PendingKind::None;
  c.pending_id.clear();
  c.note_open = false;
  s.programme_edit = ProgrammeState{};  // another tab drops an unsaved edit, like Cancel
  s.screen = a.screen;
  load(s, out);  // every tab shows the journal as it stands now
  if (a.screen == Screen::CoachReports) reports_opened(s, out);
}

// [SECTION] Today's decisions

void on(State& s, Commands& out, const HoursApproveTapped& a) {
  if (!can_decide(s)) return;
  if (const HoursEntry* h = waiting_hours(s, a.hours_event))
    decide(s, out, h->participant_id, ev::HoursDecided{h->event_id, true, h->minutes, "", s.coach.coach_id});
}

void on(State& s, Commands&, const HoursRejectTapped& a) {
  if (can_decide(s) && waiting_hours(s, a.hours_event)) ask_reason(s, PendingKind::HoursReject, a.hours_event);
}

void on(State& s, Commands&, const CorrectionAcceptTapped& a) {
  const Attendance* x = unresolved(s, a.check_in_event);
  if (can_decide(s) && x && x->proposed_end > 0) ask_reason(s, PendingKind::CorrectionAccept, a.check_in_event);
}

void on(State& s, Commands&, const CorrectionRejectTapped& a) {
  const Attendance* x = unresolved(s, a.check_in_event);
  if (can_decide(s) && x && x->proposed_end > 0) ask_reason(s, PendingKind::CorrectionReject, a.check_in_event);
}

void on(State& s, Commands& out, const EndConfirmTapped& a) {
  // The recorded end stands: nothing changes but that it is settled, so no reason is asked.
  const Attendance* x = unresolved(s, a.check_in_event);
  if (!can_decide(s) || !x) return;
  decide(s, out, x->participant_id,
         ev::CorrectionDecided{"", x->check_in_event, x->date, false, 0, "confirmed", s.coach.coach_id});
}

void on(State& s, Commands& out, const CoachReasonTapped& a) { on_reason(s, out, a.reason); }

void on(State& s, Commands&, const CoachReasonCancelled&) {
  s.coach.pending = PendingKind::None;
  s.coach.pending_id.clear();
}

// [SECTION] Participants and their page

void on(State& s, Commands& out, const PersonTapped& a) {
  CoachState& c = s.coach;
  if (c.coach_id.empty() || c.busy || s.screen == Screen::CoachPin || !s.roster->find(a.participant_id)) return;
  c.person_id = a.participant_id;
  c.pending = PendingKind::None;
  c.note_open = false;
  c.note.clear();
  s.screen = Screen::CoachPerson;
  c.data.person = PersonData{};  // nothing of the previous page while this one loads
  load(s, out);
}

void on(State& s, Commands&, const PeopleScopeTapped& a) {
  if (s.screen == Screen::CoachPeople) s.coach.people_all = a.all;
}

void on(State& s, Commands&, const WasHereTapped& a) {
  if (!can_decide(s) || !s.roster->find(a.participant_id) || !valid_date_iso(a.date) || a.date > today_iso(s)) return;
  ask_about(s, PendingKind::WasHere, a.participant_id, a.date, a.dagdeel);
}

void on(State& s, Commands&, const AbsentByPhoneTapped& a) {
  if (can_decide(s) && s.roster->find(a.participant_id))
    ask_about(s, PendingKind::AbsentByPhone, a.participant_id, today_iso(s), a.dagdeel);
}

void on(State& s, Commands& out, const TalkHeldTapped& a) {
  if (can_decide(s) && s.roster->find(a.participant_id))
    decide(s, out, a.participant_id, ev::NoteAdded{today_iso(s), "", true, s.coach.coach_id});
}

void on(State& s, Commands&, const ExitTapped&) {
  if (can_decide(s) && on_page(s) && !has_left(s, s.coach.person_id))
    ask_about(s, PendingKind::Exit, s.coach.person_id, today_iso(s), Dagdeel::Morning);
}

void on(State& s, Commands&, const StripDayTapped& a) {
  if (can_decide(s) && on_page(s) && valid_date_iso(a.date) && a.date <= today_iso(s))
    ask_about(s, PendingKind::PickDagdeel, s.coach.person_id, a.date, Dagdeel::Morning);
}

void on(State& s, Commands& out, const ChoiceTapped& a) { on_choice(s, out, a.key); }

// [SECTION] The ladder form

void on(State& s, Commands&, const LadderOpenTapped&) {
  CoachState& c = s.coach;
  if (!on_page(s) || c.busy || !c.data.loaded || c.data.person.participant_id != c.person_id) return;
  c.ladder = form_from(s);
  c.note_open = false;
  s.screen = Screen::CoachLadder;
}

void on(State& s, Commands&, const LadderMomentTapped& a) {
  if (s.screen == Screen::CoachLadder) s.coach.ladder.moment = a.moment;
}

void on(State& s, Commands&, const LadderRungTapped& a) {
  if (s.screen == Screen::CoachLadder && a.rung >= 1 && a.rung <= static_cast<int>(s.config.ladder_rungs.size()))
    s.coach.ladder.rung = a.rung;
}

void on(State& s, Commands&, const LadderProgressTapped& a) {
  if (s.screen == Screen::CoachLadder && a.progress >= 0 && a.progress <= kLadderProgressSteps)
    s.coach.ladder.progress = a.progress;
}

void on(State& s, Commands&, const LadderAreaTapped& a) {
  if (s.screen == Screen::CoachLadder && a.area >= 0 && a.area < static_cast<int>(kProblemAreas.size()))
    s.coach.ladder.areas[static_cast<std::size_t>(a.area)] = a.status;
}

void on(State& s, Commands& out, const LadderSaveTapped&) { on_ladder_save(s, out); }

// [SECTION] Notes

void on(State& s, Commands&, const NoteOpenTapped&) {
  CoachState& c = s.coach;
  if (!on_page(s) || c.busy) return;
  c.note_open = true;
  c.note.clear();
  c.pending = PendingKind::None;
}

void on(State& s, Commands&, const NoteTyped& a) {
  CoachState& c = s.coach;
  if (!on_page(s) || !c.note_open) return;
  // Longer than a note may be: the rest is not taken (the screen shows the count).
  if (c.note.size() + a.text.size() <= kMaxNoteLength) c.note += a.text;
}

void on(State& s, Commands&, const NoteErased&) {
  CoachState& c = s.coach;
  if (!on_page(s) || !c.note_open || c.note.empty()) return;
  c.note.resize(c.note.size() - last_char_size(c.note));
}

void on(State& s, Commands& out, const NoteSaveTapped&) { on_note_save(s, out); }

void on(State& s, Commands&, const NoteCancelTapped&) {
  s.coach.note_open = false;
  s.coach.note.clear();
}

// [SECTION] Changing one's own PIN

void on(State& s, Commands&, const PinChangeTapped&) {
  CoachState& c = s.coach;
  if (c.coach_id.empty() || c.busy || !coach_screen(s.screen) || s.screen == Screen::CoachPin ||
      s.screen == Screen::CoachPinChange)
    return;
  // Back to the tab it was opened from (a page or form underneath is left, like another tab).
  c.pin_from = coach_tab(s.screen) ? s.screen : Screen::CoachToday;
  c.pending = PendingKind::None;
  c.pending_id.clear();
  c.note_open = false;
  s.programme_edit = ProgrammeState{};
  end_pin_change(s);
  s.screen = Screen::CoachPinChange;
  s.notice = Notice::None;
}

void on(State& s, Commands& out, const PinChangeCancelled&) {
  if (s.screen != Screen::CoachPinChange || s.coach.busy) return;
  if (s.coach.must_change_pin) return go_home(s, out, "left without choosing a new PIN");
  end_pin_change(s);
  s.screen = s.coach.pin_from;
  load(s, out);
}

void on(State& s, Commands& out, const CoachOwnPinChecked& a) { on_own_pin_checked(s, out, a.ok); }

void on(State& s, Commands& out, const CoachPinSaved& a) { on_pin_saved(s, out, a); }

// [SECTION] The agreements editor

bool in_agreements(const State& s) {
  return s.screen == Screen::CoachAgreements && !s.coach.busy && !s.coach.person_id.empty();
}

void on(State& s, Commands&, const AgreementsOpenTapped&) {
  CoachState& c = s.coach;
  const Participant* p = on_page(s) && !c.busy ? s.roster->find(c.person_id) : nullptr;
  if (!p) return;
  c.agreements = AgreementsForm{
      p->start_date,        p->end_date,     p->agreed_parts, p->talk_every_days, p->agreed_minutes_per_week,
      p->show_agreed_hours, p->photo_consent};
  c.note_open = false;
  c.pending = PendingKind::None;
  s.screen = Screen::CoachAgreements;
}

void on(State& s, Commands&, const AgreementsDateStepped& a) {
  if (!in_agreements(s) || (a.direction != 1 && a.direction != -1)) return;
  std::string& date = a.end ? s.coach.agreements.end_date : s.coach.agreements.start_date;
  if (date.empty()) {
    date = today_iso(s);  // the first tap sets the date to today; the next ones move it
    return;
  }
  const std::string moved = a.step == DateStep::Month
                                ? add_months_to_date(date, a.direction)
                                : add_days(date, a.direction * (a.step == DateStep::Week ? 7 : 1));
  if (!moved.empty()) date = moved;
}

void on(State& s, Commands&, const AgreementsDateCleared& a) {
  if (in_agreements(s)) (a.end ? s.coach.agreements.end_date : s.coach.agreements.start_date).clear();
}

void on(State& s, Commands&, const AgreementsPartTapped& a) {
  if (in_agreements(s) && a.weekday >= 0 && a.weekday < kWeekDays)
    s.coach.agreements.agreed_parts ^= agreed_bit(a.weekday, a.dagdeel);
}

void on(State& s, Commands&, const AgreementsHoursStepped& a) {
  if (!in_agreements(s) || a.minutes == 0 || a.minutes % kAgreedMinutesStep != 0) return;
  int& m = s.coach.agreements.agreed_minutes;
  m = std::clamp(m + a.minutes, 0, kMaxAgreedMinutes);
}

void on(State& s, Commands&, const AgreementsRhythmStepped& a) {
  if (!in_agreements(s) || (a.weeks != 1 && a.weeks != -1)) return;
  int& days = s.coach.agreements.talk_every_days;
  days = days + 7 * a.weeks < 7 ? 0 : std::min(days + 7 * a.weeks, kMaxTalkEveryDays);
}

void on(State& s, Commands&, const AgreementsShowHoursTapped&) {
  if (in_agreements(s)) s.coach.agreements.show_agreed_hours = !s.coach.agreements.show_agreed_hours;
}

void on(State& s, Commands&, const AgreementsPhotoTapped&) {
  if (in_agreements(s)) s.coach.agreements.photo_consent = !s.coach.agreements.photo_consent;
}

// One agreements_changed with every agreement and the coach; an end before the start is not
// saved (the screen says so and greys Save out).
void on(State& s, Commands& out, const AgreementsSaveTapped&) {
  if (!in_agreements(s)) return;
  const AgreementsForm& f = s.coach.agreements;
  const ev::AgreementsChanged e{f.start_date,      f.end_date,       static_cast<int>(f.agreed_parts),
                                f.talk_every_days, f.agreed_minutes, f.show_agreed_hours,
                                f.photo_consent,   s.coach.coach_id};
  if (!e.validate().empty()) return;
  s.screen = Screen::CoachPerson;  // the page shows the change when the write is done
  decide(s, out, s.coach.person_id, e);
}

}  // namespace

// Hands every leaf to its on() overload above; the lambda only forwards, so a CoachAction
// without an on() does not compile.
Step update(State s, const CoachAction& action) {
  Commands out;
  std::visit([&](const auto& a) { on(s, out, a); }, action);
  return Step{std::move(s), std::move(out)};
}

}  // namespace meedoen::core
