// The coach-mode reducer: getting in with a PIN (and the growing lockout after wrong ones),
// leaving by hand or after two minutes without a touch, and the Today screen's decisions. Pure,
// like update.cpp: it describes writes and PIN checks as commands.
#include <algorithm>

#include "core/overloaded.hpp"
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
  out.push_back(LoadCoachData{s.now});
}

void on_pin_digit(State& s, std::vector<Command>& out, char d) {
  CoachState& c = s.coach;
  if (s.screen != Screen::CoachPin || c.busy || d < '0' || d > '9' || coach_locked(s)) return;
  if (static_cast<int>(c.pin.size()) >= kCoachPinLength) return;
  c.pin.push_back(d);
  if (static_cast<int>(c.pin.size()) == kCoachPinLength) {
    c.busy = true;
    out.push_back(VerifyCoachPin{c.pin});
  }
}

void on_pin_checked(State& s, std::vector<Command>& out, const CoachPinChecked& r) {
  CoachState& c = s.coach;
  c.busy = false;
  c.pin.clear();
  if (s.screen != Screen::CoachPin) return;  // left meanwhile
  if (!r.coach_id.empty()) {
    c.guard = CoachGuard{};
    c.coach_id = r.coach_id;
    c.data = CoachData{};
    s.screen = Screen::CoachToday;
    s.notice = Notice::None;
    out.push_back(LogLine{"coach " + r.coach_id + " opened coach mode"});
    load(s, out);
    return;
  }
  c.guard.wrong += 1;
  out.push_back(LogLine{"wrong coach PIN (" + std::to_string(c.guard.wrong) + " in a row)"});
  if (c.guard.wrong < kCoachMaxWrongPins) return notice(s, Notice::WrongPin);
  // Doubling from 30 s, capped: a guesser needs days for 10,000 PINs, a coach who mistyped
  // waits half a minute.
  const TimeMs lock = std::min(kCoachMaxLock, kCoachFirstLock << std::min(c.guard.locks, 10));
  c.guard.locked_until = s.now + lock;
  c.guard.locks += 1;
  c.guard.wrong = 0;
  out.push_back(LogLine{"coach mode locked for " + std::to_string(lock / 1000) + " s after " +
                        std::to_string(kCoachMaxWrongPins) + " wrong PINs (lock " + std::to_string(c.guard.locks) + ")"});
  // No banner: the pad itself says it is locked and for how long (the participants' "pause"
  // banner tells them to ask a coach, which is wrong here).
  s.notice = Notice::None;
}

// A decision on the Today screen: one event, written by the platform, then fresh data.
void decide(State& s, std::vector<Command>& out, const std::string& pid, EventBody body) {
  s.coach.busy = true;
  s.coach.pending = PendingKind::None;
  s.coach.pending_id.clear();
  out.push_back(RecordCoach{pid, std::move(body), s.now});
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

bool can_decide(const State& s) { return s.screen == Screen::CoachToday && !s.coach.busy && !s.coach.coach_id.empty(); }

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
  const Attendance* a = unresolved(s, c.pending_id);
  if (!a) return;
  const bool accept = c.pending == PendingKind::CorrectionAccept;
  // The correction event itself is not in the read model; the check-in names the attendance.
  decide(s, out, a->participant_id,
         ev::CorrectionDecided{"", a->check_in_event, a->date, accept, accept ? a->proposed_end : 0, why, c.coach_id});
}

}  // namespace

// [SECTION] Entry points

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

bool is_coach_action(const Action& a) {
  return std::visit(Overloaded{
      [](const CoachCornerTapped&) { return true; }, [](const CoachPinDigit&) { return true; },
      [](const CoachPinErased&) { return true; }, [](const CoachPinChecked&) { return true; },
      [](const CoachDataLoaded&) { return true; }, [](const CoachLeaveTapped&) { return true; },
      [](const HoursApproveTapped&) { return true; }, [](const HoursRejectTapped&) { return true; },
      [](const CorrectionAcceptTapped&) { return true; }, [](const CorrectionRejectTapped&) { return true; },
      [](const EndConfirmTapped&) { return true; }, [](const CoachReasonTapped&) { return true; },
      [](const CoachReasonCancelled&) { return true; }, [](const CoachTabTapped&) { return true; },
      [](const ProgrammeTapped&) { return true; },
      [](const auto&) { return false; },
  }, a);
}

void leave_coach(State& s) {
  CoachState& c = s.coach;
  c.coach_id.clear();
  c.pin.clear();
  c.busy = false;
  c.data = CoachData{};
  c.pending = PendingKind::None;
  c.pending_id.clear();
  s.programme_edit = ProgrammeState{};
}

bool coach_locked(const State& s) { return s.coach.guard.locked_until > s.now; }

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

void coach_update(State& s, std::vector<Command>& out, const Action& action) {
  CoachState& c = s.coach;
  std::visit(Overloaded{
      [&](const CoachCornerTapped&) {
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
      },
      [&](const CoachPinDigit& a) { on_pin_digit(s, out, a.digit); },
      [&](const CoachPinErased&) {
        if (s.screen == Screen::CoachPin && !c.busy && !c.pin.empty()) c.pin.pop_back();
      },
      [&](const CoachPinChecked& a) { on_pin_checked(s, out, a); },
      [&](const CoachDataLoaded& a) {
        c.busy = false;
        if (!coach_screen(s.screen) || s.screen == Screen::CoachPin) return;
        c.data = a.data;
        c.data.loaded = true;
        s.today = a.data.today;
      },
      [&](const CoachLeaveTapped&) {
        if (!coach_screen(s.screen) || c.busy) return;
        if (s.screen == Screen::CoachPin && c.office) return;  // the office PC's home
        go_home(s, out, "by hand");
      },
      [&](const HoursApproveTapped& a) {
        if (!can_decide(s)) return;
        if (const HoursEntry* h = waiting_hours(s, a.hours_event))
          decide(s, out, h->participant_id, ev::HoursDecided{h->event_id, true, h->minutes, "", c.coach_id});
      },
      [&](const HoursRejectTapped& a) {
        if (can_decide(s) && waiting_hours(s, a.hours_event)) ask_reason(s, PendingKind::HoursReject, a.hours_event);
      },
      [&](const CorrectionAcceptTapped& a) {
        const Attendance* x = unresolved(s, a.check_in_event);
        if (can_decide(s) && x && x->proposed_end > 0) ask_reason(s, PendingKind::CorrectionAccept, a.check_in_event);
      },
      [&](const CorrectionRejectTapped& a) {
        const Attendance* x = unresolved(s, a.check_in_event);
        if (can_decide(s) && x && x->proposed_end > 0) ask_reason(s, PendingKind::CorrectionReject, a.check_in_event);
      },
      [&](const EndConfirmTapped& a) {
        // The recorded end stands: nothing changes but that it is settled, so no reason is asked.
        const Attendance* x = unresolved(s, a.check_in_event);
        if (!can_decide(s) || !x) return;
        decide(s, out, x->participant_id,
               ev::CorrectionDecided{"", x->check_in_event, x->date, false, 0, "confirmed", c.coach_id});
      },
      [&](const CoachReasonTapped& a) { on_reason(s, out, a.reason); },
      [&](const CoachReasonCancelled&) {
        c.pending = PendingKind::None;
        c.pending_id.clear();
      },
      [&](const CoachTabTapped& a) {
        if (c.coach_id.empty() || c.busy || !coach_tab(a.screen) || s.screen == Screen::CoachPin) return;
        c.pending = PendingKind::None;
        c.pending_id.clear();
        s.programme_edit = ProgrammeState{};  // another tab drops an unsaved edit, like Cancel
        s.screen = a.screen;
        load(s, out);  // every tab shows the journal as it stands now
      },
      [&](const ProgrammeTapped& a) { programme_update(s, out, a.action); },
      [](const auto&) {},
  }, action);
}

}  // namespace meedoen::core
