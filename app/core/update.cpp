// The kiosk's top-level reducer, and the session's and the participant's: every state change of
// a participant's session happens here; coach mode's, the editor's and the reports' in their own files.
#include <algorithm>

#include "core/overloaded.hpp"
#include "core/state.hpp"

namespace meedoen::core {

namespace {

// [SECTION] Helpers

// Screens where a person is busy; the inactivity prompt guards them.
// Coach screens have their own, longer timeout (coach_tick).
bool session_screen(Screen sc) { return sc != Screen::Welcome && sc != Screen::Confirmation && !coach_screen(sc); }

void show_notice(State& s, Notice n) {
  s.notice = n;
  s.notice_until = s.now + kNoticeDuration;
}

void end_session(State& s) {
  leave_coach(s);
  s.screen = s.coach.office ? Screen::CoachPin : Screen::Welcome;
  s.participant_id.clear();
  s.me = ParticipantData{};
  s.question = Attendance{};
  s.absence_parts.clear();
  s.hours_place.clear();
  s.grid_page = 0;
  s.query.clear();
  s.pin.clear();
  s.pin_for.clear();
  s.busy = false;
  s.language = s.config.default_language;
  s.language_chosen = false;
  s.settling.clear();
  s.notice = Notice::None;
  s.read_aloud.on = false;  // the next visitor starts without speech (requests keep counting)
}

// A tap that just changed `what` (kSettle): the opposite tap at that place waits until it settled.
void settle(State& s, std::string what) {
  s.settling = std::move(what);
  s.settled_at = s.now;
}

void identify(State& s, std::vector<Command>& out, const Participant& p) {
  s.participant_id = p.id;
  s.screen = Screen::Home;
  s.me = ParticipantData{};
  s.me.participant_id = p.id;
  out.push_back(LoadParticipant{p.id, s.now});
  s.query.clear();
  s.pin.clear();
  s.pin_for.clear();
  s.notice = Notice::None;
  // A language the person chose on the way in holds for this visit; else their stored preference.
  const auto& langs = s.config.languages;
  if (!s.language_chosen && !p.language.empty() && std::find(langs.begin(), langs.end(), p.language) != langs.end())
    s.language = p.language;
}

// [SECTION] Tick: time passes

// A lock or pause never lasts longer than it could have been set for: a stored one from a
// clock that was ahead (or a clock set back) would otherwise lock the kiosk for days.
void bound_lockouts(State& s) {
  CoachGuard& c = s.coach.guard;
  c.locked_until = std::min(c.locked_until, s.now + kCoachMaxLock);
  for (auto& [id, g] : s.pin_guards) g.paused_until = std::min(g.paused_until, s.now + kPinPause);
}

void on_tick(State& s, std::vector<Command>& out, TimeMs now) {
  const bool first = s.now == 0;
  const std::string old_date = first ? std::string() : format_date_iso(to_local(s.now));
  s.now = now;
  if (first) {
    s.last_input = now;
    if (s.language.empty()) s.language = s.config.default_language;
  }
  bound_lockouts(s);
  const std::string date = format_date_iso(to_local(now));
  if (!first && date != old_date) {
    std::erase_if(s.today, [&](const Attendance& a) { return a.date != date && !a.open(); });
  }
  if (!s.closing_forgotten) {
    for (const auto& a : s.today) {
      if (!a.open()) continue;
      if (now >= auto_close_time(s.config, a)) {
        s.closing_forgotten = true;
        out.push_back(CloseForgotten{now});
        break;
      }
    }
  }
  if (session_screen(s.screen)) {
    const TimeMs limit = seconds(s.config.inactivity_seconds + s.config.prompt_seconds);
    if (now - s.last_input >= limit) {
      out.push_back(LogLine{"session ended after inactivity"});
      end_session(s);
    }
  } else if (s.screen == Screen::Confirmation && now >= s.confirmation_until) {
    end_session(s);
  } else if (s.screen == Screen::Welcome && s.language_chosen &&
             now - s.last_input >= seconds(s.config.inactivity_seconds)) {
    // Someone chose a language and walked away: the next person finds the centre's language.
    s.language = s.config.default_language;
    s.language_chosen = false;
  }
  coach_tick(s, out);
}

void on_card(State& s, std::vector<Command>& out, const std::string& code) {
  if (!s.config.identification.card) {
    out.push_back(LogLine{"card scanned, but this kiosk has card identification off ([identification] card)"});
    return;
  }
  if (s.coach.office) {
    out.push_back(LogLine{"card scanned on an office PC in coach mode: ignored"});
    return;
  }
  const Participant* p = s.roster->find_by_card(code);
  if (!p) {
    // The previous person's session ends anyway: a card at the reader means someone new is here.
    if (s.screen != Screen::Welcome) end_session(s);
    show_notice(s, Notice::UnknownCard);
    out.push_back(LogLine{"unknown card scanned (" + std::to_string(code.size()) + " characters)"});
    return;
  }
  if (s.participant_id != p->id) {
    // A card right after the speaker was used or a language was tapped on the welcome screen: the
    // person who did that is the one scanning their card, and their visit goes on.
    const bool speaking = s.participant_id.empty() && s.read_aloud.on;
    const bool same_visit = s.participant_id.empty() && s.language_chosen && !coach_screen(s.screen);
    const std::string chosen = s.language;
    end_session(s);
    s.read_aloud.on = speaking;
    if (same_visit) {
      s.language = chosen;
      s.language_chosen = true;
    }
  }
  identify(s, out, *p);
}

void on_pin_digit(State& s, std::vector<Command>& out, char d) {
  if (s.screen != Screen::Pin || s.busy || d < '0' || d > '9') return;
  if (pin_paused(s, s.pin_for)) return;
  if (static_cast<int>(s.pin.size()) >= kPinLength) return;
  s.pin.push_back(d);
  if (static_cast<int>(s.pin.size()) == kPinLength) {
    s.busy = true;
    out.push_back(VerifyPin{s.pin_for, s.pin});
  }
}

void on_pin_checked(State& s, std::vector<Command>& out, const PinChecked& r) {
  s.busy = false;
  s.pin.clear();
  if (s.screen != Screen::Pin || r.participant_id != s.pin_for) return;  // session moved on
  auto& guard = s.pin_guards[r.participant_id];
  if (r.ok) {
    // Only a guard that counted something is cleared in the store: a right PIN costs no write.
    if (guard.wrong != 0 || guard.paused_until != 0) out.push_back(SaveLockout{Lockout{r.participant_id}});
    s.pin_guards.erase(r.participant_id);
    if (const Participant* p = s.roster->find(r.participant_id)) identify(s, out, *p);
    return;
  }
  guard.wrong += 1;
  out.push_back(
      LogLine{"wrong PIN (" + std::to_string(guard.wrong) + " in a row) for participant " + r.participant_id});
  if (guard.wrong >= kMaxWrongPins) {
    guard.paused_until = s.now + kPinPause;
    guard.wrong = 0;
    show_notice(s, Notice::PinPaused);
  } else {
    show_notice(s, Notice::WrongPin);
  }
  // Stored before the screen shows the notice (commands run before the next frame): killing
  // the kiosk after a wrong PIN does not give the guesser a fresh count.
  out.push_back(SaveLockout{participant_lockout(s, r.participant_id)});
}

void on_check(State& s, std::vector<Command>& out, bool check_in) {
  if (s.screen != Screen::Home || s.busy) return;
  const Participant* p = current_participant(s);
  if (!p) return;
  const bool is_in = open_attendance(s, p->id) != nullptr;
  const LocalTime lt = to_local(s.now);
  if (check_in && is_in) return show_notice(s, Notice::AlreadyCheckedIn);
  if (!check_in && !is_in) return show_notice(s, Notice::NotCheckedIn);
  s.busy = true;
  if (check_in) out.push_back(RecordCheckIn{p->id, s.now, format_date_iso(lt), dagdeel_at(s.config, lt.minute_of_day)});
  else out.push_back(RecordCheckOut{p->id, s.now, format_date_iso(lt)});
}

void on_stored(State& s, const AttendanceStored& r) {
  s.busy = false;
  auto it = std::find_if(s.today.begin(), s.today.end(), [&](const Attendance& a) {
    return a.participant_id == r.attendance.participant_id && a.date == r.attendance.date &&
           a.check_in == r.attendance.check_in;
  });
  if (it == s.today.end()) s.today.push_back(r.attendance);
  else *it = r.attendance;
  if (r.attendance.participant_id != s.participant_id) return;
  s.outcome = r.outcome;
  s.outcome_time = r.outcome == Outcome::CheckedIn ? r.attendance.check_in : r.attendance.check_out;
  s.screen = Screen::Confirmation;
  s.confirmation_until = s.now + seconds(s.config.confirmation_seconds);
  s.notice = Notice::None;
}

// [SECTION] After identification: the checkout question, activities, absence, hours

// The most recent check-out the kiosk closed by itself that the participant has not answered.
const Attendance* unanswered_auto_close(const State& s) {
  const Attendance* found = nullptr;
  const std::string oldest = add_days(today_iso(s), -kQuestionDays);
  for (const auto& a : s.me.recent)
    if (a.auto_closed && !a.answered && !a.end_unknown && a.date >= oldest && (!found || a.check_in > found->check_in))
      found = &a;
  return found;
}

void on_participant_loaded(State& s, const ParticipantLoaded& a) {
  if (a.data.participant_id != s.participant_id || s.participant_id.empty()) return;  // session moved on
  s.me = a.data;
  if (s.screen != Screen::Home) return;
  if (const Attendance* q = unanswered_auto_close(s)) {
    s.question = *q;
    s.correction_minute = to_local(q->check_out).minute_of_day;
    s.screen = Screen::CheckoutQuestion;
  }
}

void open_screen(State& s, Screen target) {
  if (s.busy || s.participant_id.empty()) return;
  if (s.screen != Screen::Home && s.screen != Screen::Confirmation) return;
  s.notice = Notice::None;
  switch (target) {
    case Screen::Activities: s.day = 0; break;
    case Screen::Absence:
      // Nothing chosen yet: someone at the kiosk reports a later day ("I can't come on
      // Thursday"); tile, day, reason is three taps.
      s.absence_parts.clear();
      break;
    case Screen::Hours: {
      s.hours_day = 0;
      s.hours_minutes = kDefaultHoursMinutes;
      const auto places = hours_places(s);
      s.hours_place = places.size() == 1 ? places[0] : std::string();
      break;
    }
    case Screen::Progress: break;
    case Screen::Language: break;
    case Screen::Home: break;
    default: return;  // not a screen a tile opens
  }
  s.screen = target;
}

void record(State& s, std::vector<Command>& out, std::vector<EventBody> bodies) {
  s.busy = true;
  out.push_back(Record{s.participant_id, std::move(bodies), s.now});
}

void on_sign_up(State& s, std::vector<Command>& out, const std::string& activity_id, bool cancel) {
  if (s.screen != Screen::Activities || s.busy) return;
  const std::string date = day_iso(s, s.day);
  const auto it =
      std::find_if(s.programme.begin(), s.programme.end(), [&](const Activity& a) { return a.id == activity_id; });
  if (it == s.programme.end() || !occurs_on(*it, date)) return;
  if (activity_over(s, *it, date)) return show_notice(s, Notice::ActivityOver);
  const bool mine = own_signup(s, activity_id, date) != nullptr;
  const std::string what = "signup/" + activity_id + "/" + date;
  if (settling(s, what)) return;  // the second tap of a double tap: it must not undo the first
  if (cancel) {
    if (!mine) return;
    record(s, out, {ev::SignUpCancelled{activity_id, date}});
  } else {
    if (mine) return;
    record(s, out, {ev::SignedUp{activity_id, date}});
  }
  settle(s, what);
}

void on_part_toggled(State& s, DayPart part) {
  if (s.screen != Screen::Absence || part.day < 0 || part.day >= kWeekDays) return;
  const auto open = open_parts(s, part.day);
  if (std::find(open.begin(), open.end(), part.dagdeel) == open.end()) return;
  auto it = std::find(s.absence_parts.begin(), s.absence_parts.end(), part);
  if (it == s.absence_parts.end()) s.absence_parts.push_back(part);
  else s.absence_parts.erase(it);
  std::sort(s.absence_parts.begin(), s.absence_parts.end());
}

void on_day_toggled(State& s, int day) {
  if (s.screen != Screen::Absence || day < 0 || day >= kWeekDays) return;
  const auto open = open_parts(s, day);
  const bool all = !open.empty() && std::all_of(open.begin(), open.end(), [&](Dagdeel d) {
    return std::find(s.absence_parts.begin(), s.absence_parts.end(), DayPart{day, d}) != s.absence_parts.end();
  });
  std::erase_if(s.absence_parts, [&](const DayPart& p) { return p.day == day; });
  if (!all)
    for (Dagdeel d : open) s.absence_parts.push_back({day, d});
  std::sort(s.absence_parts.begin(), s.absence_parts.end());
}

void on_reason(State& s, std::vector<Command>& out, AbsenceReason reason) {
  if (s.screen != Screen::Absence || s.busy) return;
  if (s.absence_parts.empty()) return show_notice(s, Notice::NothingChosen);
  std::vector<EventBody> bodies;
  for (const DayPart& p : s.absence_parts)
    bodies.push_back(ev::AbsenceReported{day_iso(s, p.day), p.dagdeel, reason, ""});
  record(s, out, std::move(bodies));
}

void on_save_hours(State& s, std::vector<Command>& out) {
  if (s.screen != Screen::Hours || s.busy) return;
  if (s.hours_place.empty()) return show_notice(s, Notice::NothingChosen);
  record(s, out, {ev::HoursLogged{day_iso(s, -s.hours_day), s.hours_place, s.hours_minutes}});
}

void on_recorded(State& s, const Recorded& r) {
  s.busy = false;
  // An empty participant id means the write succeeded but the fresh view could not be read:
  // keep what is on screen rather than showing every activity as empty.
  if (r.data.participant_id.empty()) return;
  s.signups = r.signups;
  if (r.data.participant_id != s.participant_id || r.bodies.empty()) return;
  s.me = r.data;
  const EventBody& first = r.bodies.front();
  auto confirm = [&](Outcome o) {
    s.outcome = o;
    s.outcome_time = s.now;
    s.screen = Screen::Confirmation;
    s.confirmation_until = s.now + seconds(s.config.confirmation_seconds);
    s.notice = Notice::None;
  };
  if (const auto* b = std::get_if<ev::SignedUp>(&first)) {
    const SignUp* mine = own_signup(s, b->activity_id, b->date);
    show_notice(s, mine && !mine->placed ? Notice::OnWaitingList : Notice::SignedUp);
  } else if (std::holds_alternative<ev::SignUpCancelled>(first)) {
    show_notice(s, Notice::SignUpCancelled);
  } else if (std::holds_alternative<ev::AbsenceReported>(first)) {
    confirm(Outcome::AbsenceReported);
  } else if (std::holds_alternative<ev::HoursLogged>(first)) {
    confirm(Outcome::HoursLogged);
  } else if (std::holds_alternative<ev::CheckoutConfirmed>(first)) {
    s.screen = Screen::Home;
    show_notice(s, Notice::EndConfirmed);
  } else if (std::holds_alternative<ev::CorrectionRequested>(first) ||
             std::holds_alternative<ev::CheckoutUnknown>(first)) {
    s.screen = Screen::Home;
    show_notice(s, Notice::CorrectionSent);
  }
}

void on_back(State& s) {
  if (s.busy) return;
  switch (s.screen) {
    case Screen::Pin:
      s.screen = s.pin_from_grid ? Screen::PhotoGrid : Screen::Search;
      s.pin.clear();
      s.pin_for.clear();
      s.notice = Notice::None;
      break;
    case Screen::Activities:
    case Screen::Absence:
    case Screen::Hours:
    case Screen::Progress:
    case Screen::Language:
      s.screen = Screen::Home;
      s.notice = Notice::None;
      break;
    case Screen::CheckoutCorrect: s.screen = Screen::CheckoutQuestion; break;
    case Screen::CoachToday:
    case Screen::CoachPeople:
    case Screen::CoachProgramme:
    case Screen::CoachReports: break;  // tabs; leaving is its own button (CoachLeaveTapped)
    case Screen::CoachPerson:
      if (s.coach.busy) break;
      s.screen = Screen::CoachPeople;
      s.coach.note_open = false;
      s.coach.pending = PendingKind::None;
      break;
    case Screen::CoachLadder:
    case Screen::CoachAgreements:  // leaves the editor without saving
      if (!s.coach.busy) s.screen = Screen::CoachPerson;
      break;
    case Screen::CoachActivityEdit:
      if (!s.coach.busy) s.screen = Screen::CoachProgramme;
      break;
    case Screen::CoachPin:
      if (!s.coach.office) end_session(s);  // the office PC's home: nowhere to go back to
      break;
    default: end_session(s);
  }
}

// [SECTION] Session actions: time, the store, the platform, Back

void on(State& s, Commands& out, const Tick& a) { on_tick(s, out, a.now); }
void on(State&, Commands&, const Touched&) {}  // update() already restarted the inactivity timer
void on(State& s, Commands&, const BackTapped&) { on_back(s); }
void on(State& s, Commands&, const SyncChanged& a) { s.sync = a.info; }

void on(State& s, Commands& out, const DataLoaded& a) {
  if (a.roster) s.roster = a.roster;
  s.programme = a.programme;
  s.today = a.today;
  s.signups = a.signups;
  s.places = a.places;
  if (a.coaches) {
    s.coaches = a.coaches;
    coaches_reloaded(s, out);
  }
}

void on(State& s, Commands&, const ForgottenClosed& a) {
  s.closing_forgotten = false;
  s.today = a.today;
}

void on(State& s, Commands& out, const StoreFailed& a) {
  s.busy = false;
  s.coach.busy = false;
  show_notice(s, a.notice);
  out.push_back(LogLine{"write failed: " + a.reason});
  if (a.fault != StorageFault::None) s.storage_fault = a.fault;
}

// [SECTION] Participant actions: identification

void on(State& s, Commands&, const StartTapped&) {
  if (s.screen != Screen::Welcome || !s.config.identification.name_search) return;
  s.screen = Screen::Search;
  s.query.clear();
}

void on(State& s, Commands& out, const LanguageTapped& a) {
  const auto& langs = s.config.languages;
  if (std::find(langs.begin(), langs.end(), a.language) == langs.end()) return;
  if (s.screen == Screen::Language) {
    // On their own screen: this visit's language, and from now on their preference (synced).
    if (s.busy) return;
    s.language = a.language;
    s.language_chosen = true;
    s.screen = Screen::Home;
    const Participant* p = current_participant(s);
    if (p && p->language != a.language) record(s, out, {ev::LanguageChosen{a.language}});
    return;
  }
  const bool before_identification = s.screen == Screen::Welcome || s.screen == Screen::Search ||
                                     s.screen == Screen::PhotoGrid || s.screen == Screen::Pin;
  if (!before_identification || settling(s, "welcome")) return;
  s.language = a.language;
  s.language_chosen = true;
}

void on(State& s, Commands& out, const CardScanned& a) { on_card(s, out, a.code); }

void on(State& s, Commands&, const SearchTyped& a) {
  if (s.screen == Screen::Search && s.query.size() + a.text.size() <= kMaxQueryLength) s.query += a.text;
}

void on(State& s, Commands&, const SearchErased&) {
  if (s.screen == Screen::Search && !s.query.empty()) s.query.resize(s.query.size() - last_char_size(s.query));
}

void on(State& s, Commands&, const ParticipantChosen& a) {
  if (s.screen != Screen::Search && s.screen != Screen::PhotoGrid) return;
  const Participant* p = s.roster->find(a.id);
  if (!p || (s.screen == Screen::PhotoGrid && !p->photo_consent)) return;
  s.pin_from_grid = s.screen == Screen::PhotoGrid;
  s.pin_for = a.id;
  s.pin.clear();
  s.screen = Screen::Pin;
  if (pin_paused(s, a.id)) show_notice(s, Notice::PinPaused);
}

void on(State& s, Commands& out, const PinDigit& a) { on_pin_digit(s, out, a.digit); }

void on(State& s, Commands&, const PinErased&) {
  if (s.screen == Screen::Pin && !s.busy && !s.pin.empty()) s.pin.pop_back();
}

void on(State& s, Commands& out, const PinChecked& a) { on_pin_checked(s, out, a); }

void on(State& s, Commands&, const GridTapped&) {
  if (s.screen != Screen::Welcome || !s.config.identification.photo_grid) return;
  s.screen = Screen::PhotoGrid;
  s.grid_page = 0;
}

void on(State& s, Commands&, const GridPage& a) {
  if (s.screen == Screen::PhotoGrid) s.grid_page = std::max(0, s.grid_page + a.delta);
}

// [SECTION] Participant actions: home, confirmation and the screens after identification

void on(State& s, Commands& out, const CheckInTapped&) { on_check(s, out, true); }
void on(State& s, Commands& out, const CheckOutTapped&) { on_check(s, out, false); }
void on(State&, Commands&, const StillHereTapped&) {}  // the inactivity prompt: the touch is the point

void on(State& s, Commands&, const DoneTapped&) {
  if (s.busy || (s.screen != Screen::Confirmation && s.screen != Screen::Home)) return;
  end_session(s);
  settle(s, "welcome");  // the OK's second tap must not land on a language button
}

void on(State& s, Commands&, const MoreTapped&) {
  if (s.screen == Screen::Confirmation && !s.participant_id.empty()) s.screen = Screen::Home;
}

void on(State& s, Commands&, const OpenTapped& a) { open_screen(s, a.screen); }

void on(State& s, Commands&, const DayTapped& a) {
  if (s.screen == Screen::Activities && a.day >= 0 && a.day < kWeekDays) s.day = a.day;
}

void on(State& s, Commands& out, const SignUpTapped& a) { on_sign_up(s, out, a.activity_id, false); }
void on(State& s, Commands& out, const CancelSignUpTapped& a) { on_sign_up(s, out, a.activity_id, true); }
void on(State& s, Commands&, const PartToggled& a) { on_part_toggled(s, a.part); }
void on(State& s, Commands&, const DayToggled& a) { on_day_toggled(s, a.day); }
void on(State& s, Commands& out, const ReasonTapped& a) { on_reason(s, out, a.reason); }

void on(State& s, Commands&, const PlaceTapped& a) {
  const auto places = hours_places(s);
  if (s.screen == Screen::Hours && std::find(places.begin(), places.end(), a.place) != places.end())
    s.hours_place = a.place;
}

void on(State& s, Commands&, const HoursDayTapped& a) {
  if (s.screen == Screen::Hours && a.day >= 0 && a.day <= hours_days_back(s)) s.hours_day = a.day;
}

void on(State& s, Commands&, const MinutesStep& a) {
  if (s.screen == Screen::Hours)
    s.hours_minutes = std::clamp(s.hours_minutes + a.delta, kHoursStepMinutes, kMaxHoursPerEntry);
}

void on(State& s, Commands&, const MinutesChosen& a) {
  const bool offered = std::find(std::begin(kHoursQuickChoices), std::end(kHoursQuickChoices), a.minutes) !=
                       std::end(kHoursQuickChoices);
  if (s.screen == Screen::Hours && offered)
    s.hours_minutes = std::clamp(a.minutes, kHoursStepMinutes, kMaxHoursPerEntry);
}

void on(State& s, Commands& out, const SaveHoursTapped&) { on_save_hours(s, out); }

// Read aloud: any participant screen (not coach mode); the platform speaks each new request.
void on(State& s, Commands&, const SpeakTapped&) {
  if (coach_screen(s.screen)) return;
  s.read_aloud.on = true;
  ++s.read_aloud.requests;
}

void on(State& s, Commands& out, const EndRightTapped&) {
  if (s.screen != Screen::CheckoutQuestion || s.busy) return;
  record(s, out, {ev::CheckoutConfirmed{s.question.date, s.question.check_in_event}});
}

// Not asked again; the forgotten check-out stays on the coach's Today list, marked "does not know".
void on(State& s, Commands& out, const EndUnknownTapped&) {
  if (s.screen != Screen::CheckoutQuestion || s.busy) return;
  record(s, out, {ev::CheckoutUnknown{s.question.date, s.question.check_in_event}});
}

void on(State& s, Commands&, const EndWrongTapped&) {
  if (s.screen == Screen::CheckoutQuestion && !s.busy) s.screen = Screen::CheckoutCorrect;
}

void on(State& s, Commands&, const CorrectionStep& a) {
  if (s.screen != Screen::CheckoutCorrect) return;
  const int in = to_local(s.question.check_in).minute_of_day;
  const int last = 23 * 60 + 45;
  s.correction_minute = std::clamp(s.correction_minute + a.delta, std::min(in + kHoursStepMinutes, last), last);
}

void on(State& s, Commands& out, const SaveCorrectionTapped&) {
  if (s.screen != Screen::CheckoutCorrect || s.busy) return;
  record(s, out,
         {ev::CorrectionRequested{s.question.date, s.question.check_in_event,
                                  from_local(s.question.date, s.correction_minute)}});
}

// [SECTION] Participant actions: the platform's answers
void on(State& s, Commands&, const AttendanceStored& a) { on_stored(s, a); }
void on(State& s, Commands&, const ParticipantLoaded& a) { on_participant_loaded(s, a); }
void on(State& s, Commands&, const Recorded& a) { on_recorded(s, a); }

// Actions that come from a person at the kiosk; each one restarts the inactivity timer.
bool from_person(const Action& a) {
  return !holds_alternative<Tick>(a) && !holds_alternative<PinChecked>(a) && !holds_alternative<AttendanceStored>(a) &&
         !holds_alternative<StoreFailed>(a) && !holds_alternative<DataLoaded>(a) &&
         !holds_alternative<ParticipantLoaded>(a) && !holds_alternative<Recorded>(a) &&
         !holds_alternative<ForgottenClosed>(a) && !holds_alternative<CoachPinChecked>(a) &&
         !holds_alternative<CoachDataLoaded>(a) && !holds_alternative<SyncChanged>(a) &&
         !holds_alternative<CoachOwnPinChecked>(a) && !holds_alternative<CoachPinSaved>(a);
}

}  // namespace

// [SECTION] update
// Each feature's visit hands every leaf to its on() overload above (the generic lambda only
// forwards: it has no body of its own, so a leaf without an on() does not compile).
Step update(State s, const SessionAction& action) {
  Commands out;
  std::visit([&](const auto& a) { on(s, out, a); }, action);
  return Step{std::move(s), std::move(out)};
}

Step update(State s, const ParticipantAction& action) {
  Commands out;
  std::visit([&](const auto& a) { on(s, out, a); }, action);
  return Step{std::move(s), std::move(out)};
}

Step update(State s, const Action& action) {
  // A database that cannot be trusted confirms nothing: the fault screen has no buttons.
  if (s.storage_fault != StorageFault::None && from_person(action)) return Step{std::move(s), {}};
  if (from_person(action)) s.last_input = s.now;
  return std::visit(Overloaded{
                        [&](const SessionAction& a) { return update(std::move(s), a); },
                        [&](const ParticipantAction& a) { return update(std::move(s), a); },
                        [&](const CoachAction& a) { return update(std::move(s), a); },
                        [&](const ProgrammeAction& a) { return update(std::move(s), a); },
                        [&](const ReportsAction& a) { return update(std::move(s), a); },
                    },
                    action.feature);
}

// [SECTION] Derived facts

std::size_t last_char_size(const std::string& s) {
  std::size_t n = 1;
  while (n < s.size() && (static_cast<unsigned char>(s[s.size() - n]) & 0xC0) == 0x80) ++n;
  return std::min(n, s.size());
}
const Participant* current_participant(const State& s) {
  return s.participant_id.empty() ? nullptr : s.roster->find(s.participant_id);
}

const Attendance* open_attendance(const State& s, const std::string& pid) {
  for (const auto& a : s.today)
    if (a.participant_id == pid && a.open()) return &a;
  return nullptr;
}

bool prompt_visible(const State& s) {
  return session_screen(s.screen) && s.now - s.last_input >= seconds(s.config.inactivity_seconds);
}

int prompt_seconds_left(const State& s) {
  const TimeMs end = s.last_input + seconds(s.config.inactivity_seconds + s.config.prompt_seconds);
  const TimeMs left = end - s.now;
  return left <= 0 ? 0 : static_cast<int>((left + 999) / 1000);
}

void restore_lockouts(State& s, const std::vector<Lockout>& stored) {
  for (const Lockout& l : stored) {
    if (l.participant_id.empty()) s.coach.guard = CoachGuard{l.wrong, l.locks, l.until};
    else s.pin_guards[l.participant_id] = PinGuard{l.wrong, l.until};
  }
}

Lockout coach_lockout(const State& s) {
  const CoachGuard& g = s.coach.guard;
  return Lockout{"", g.wrong, g.locks, g.locked_until};
}

Lockout participant_lockout(const State& s, const std::string& pid) {
  const auto it = s.pin_guards.find(pid);
  if (it == s.pin_guards.end()) return Lockout{pid};
  return Lockout{pid, it->second.wrong, 0, it->second.paused_until};
}

bool settling(const State& s, const std::string& what) {
  return !s.settling.empty() && s.settling == what && s.now < s.settled_at + kSettle;
}

bool pin_paused(const State& s, const std::string& pid) {
  const auto it = s.pin_guards.find(pid);
  return it != s.pin_guards.end() && it->second.paused_until > s.now;
}

Notice active_notice(const State& s) { return s.notice_until > s.now ? s.notice : Notice::None; }

bool good_news(Notice n) {
  return n == Notice::SignedUp || n == Notice::OnWaitingList || n == Notice::SignUpCancelled ||
         n == Notice::CorrectionSent || n == Notice::EndConfirmed || n == Notice::Exported || n == Notice::PinChanged;
}

std::string today_iso(const State& s) { return format_date_iso(to_local(s.now)); }
std::string day_iso(const State& s, int day) { return add_days(today_iso(s), day); }

const SignUp* own_signup(const State& s, const std::string& activity_id, const std::string& date) {
  for (const auto& x : s.signups)
    if (x.participant_id == s.participant_id && x.activity_id == activity_id && x.date == date) return &x;
  return nullptr;
}

int places_taken(const State& s, const std::string& activity_id, const std::string& date) {
  int n = 0;
  for (const auto& x : s.signups)
    if (x.activity_id == activity_id && x.date == date && x.placed) ++n;
  return n;
}

bool activity_over(const State& s, const Activity& a, const std::string& date) {
  const std::string today = today_iso(s);
  return date < today || (date == today && to_local(s.now).minute_of_day >= a.end);
}

std::vector<std::string> hours_places(const State& s) {
  std::vector<std::string> out;
  auto add = [&](const std::string& name) {
    if (!name.empty() && std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
  };
  for (const auto& p : s.places) add(p.name);
  for (const auto& a : s.programme)
    if (a.volunteer_work && a.active) add(a.title);
  return out;
}

int hours_days_back(const State&) {
  // A whole week back, not only to Monday: Saturday's hours can still be logged on Monday.
  return kHoursDaysBack;
}

std::vector<Dagdeel> open_parts(const State& s, int day) {
  std::vector<Dagdeel> out;
  const int minute = day == 0 ? to_local(s.now).minute_of_day : -1;
  for (Dagdeel d : kDagdelen)
    if (minute < s.config.dagdelen[static_cast<int>(d)].end) out.push_back(d);
  return out;
}

TimeMs next_deadline(const State& s) {
  TimeMs next = next_minute(s.now);
  auto consider = [&](TimeMs t) {
    if (t > s.now && t < next) next = t;
  };
  if (session_screen(s.screen)) {
    const TimeMs prompt_at = s.last_input + seconds(s.config.inactivity_seconds);
    if (s.now < prompt_at) {
      consider(prompt_at);
    } else {
      // The countdown shows whole seconds counted from the last input.
      const TimeMs since = s.now - prompt_at;
      consider(prompt_at + (since / 1000 + 1) * 1000);
    }
  }
  if (s.screen == Screen::Confirmation) consider(s.confirmation_until);
  if (s.notice != Notice::None) consider(s.notice_until);
  if (!s.settling.empty()) consider(s.settled_at + kSettle);  // the settled button comes back
  if (s.screen == Screen::Welcome && s.language_chosen) consider(s.last_input + seconds(s.config.inactivity_seconds));
  for (const auto& [id, g] : s.pin_guards) consider(g.paused_until);
  if (coach_screen(s.screen)) {
    consider(s.last_input + kCoachIdle);
    // The lock shows its seconds counting down.
    if (coach_locked(s))
      consider(std::min(s.coach.guard.locked_until, s.now + 1000 - (s.coach.guard.locked_until - s.now) % 1000));
  }
  return next;  // dagdeel ends fall on whole minutes, which the clock minute already covers
}

}  // namespace meedoen::core
