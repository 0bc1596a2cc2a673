// The kiosk's reducer: every state change of a participant's session happens here.
#include <algorithm>

#include "core/overloaded.hpp"
#include "core/state.hpp"

namespace meedoen::core {

namespace {

// [SECTION] Helpers


bool session_screen(Screen sc) { return sc == Screen::Search || sc == Screen::Pin || sc == Screen::Home; }

void show_notice(State& s, Notice n) {
  s.notice = n;
  s.notice_until = s.now + kNoticeDuration;
}

void end_session(State& s) {
  s.screen = Screen::Welcome;
  s.participant_id.clear();
  s.query.clear();
  s.pin.clear();
  s.pin_for.clear();
  s.busy = false;
  s.language = s.config.default_language;
  s.notice = Notice::None;
}

void identify(State& s, const Participant& p) {
  s.participant_id = p.id;
  s.screen = Screen::Home;
  s.query.clear();
  s.pin.clear();
  s.pin_for.clear();
  s.notice = Notice::None;
  const auto& langs = s.config.languages;
  if (!p.language.empty() && std::find(langs.begin(), langs.end(), p.language) != langs.end())
    s.language = p.language;
}

// Size in bytes of the last UTF-8 character of s.
std::size_t last_char_size(const std::string& s) {
  std::size_t n = 1;
  while (n < s.size() && (static_cast<unsigned char>(s[s.size() - n]) & 0xC0) == 0x80) ++n;
  return std::min(n, s.size());
}

// [SECTION] Tick: time passes
void on_tick(State& s, std::vector<Command>& out, TimeMs now) {
  const bool first = s.now == 0;
  const std::string old_date = first ? std::string() : format_date_iso(to_local(s.now));
  s.now = now;
  if (first) {
    s.last_input = now;
    if (s.language.empty()) s.language = s.config.default_language;
  }
  const std::string date = format_date_iso(to_local(now));
  if (!first && date != old_date) {
    std::erase_if(s.today, [&](const Attendance& a) { return a.date != date; });
  }
  if (session_screen(s.screen)) {
    const TimeMs limit = seconds(s.config.inactivity_seconds + s.config.prompt_seconds);
    if (now - s.last_input >= limit) {
      out.push_back(LogLine{"session ended after inactivity"});
      end_session(s);
    }
  } else if (s.screen == Screen::Confirmation && now >= s.confirmation_until) {
    end_session(s);
  }
}

void on_card(State& s, std::vector<Command>& out, const std::string& code) {
  if (!s.config.identification.card) {
    out.push_back(LogLine{"card scanned, but this kiosk has card identification off ([identification] card)"});
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
  if (s.participant_id != p->id) end_session(s);
  identify(s, *p);
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
    guard = PinGuard{};
    if (const Participant* p = s.roster->find(r.participant_id)) identify(s, *p);
    return;
  }
  guard.wrong += 1;
  out.push_back(LogLine{"wrong PIN (" + std::to_string(guard.wrong) + " in a row) for participant " +
                        r.participant_id});
  if (guard.wrong >= kMaxWrongPins) {
    guard.paused_until = s.now + kPinPause;
    guard.wrong = 0;
    show_notice(s, Notice::PinPaused);
  } else {
    show_notice(s, Notice::WrongPin);
  }
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
  if (check_in)
    out.push_back(RecordCheckIn{p->id, s.now, format_date_iso(lt), dagdeel_at(s.config, lt.minute_of_day)});
  else
    out.push_back(RecordCheckOut{p->id, s.now, format_date_iso(lt)});
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

// Actions that come from a person at the kiosk; each one restarts the inactivity timer.
bool from_person(const Action& a) {
  return !std::holds_alternative<Tick>(a) && !std::holds_alternative<PinChecked>(a) &&
         !std::holds_alternative<AttendanceStored>(a) && !std::holds_alternative<StoreFailed>(a) &&
         !std::holds_alternative<DataLoaded>(a);
}

}  // namespace

// [SECTION] update
Step update(State s, const Action& action) {
  std::vector<Command> out;
  if (from_person(action)) s.last_input = s.now;
  std::visit(Overloaded{
      [&](const Tick& a) { on_tick(s, out, a.now); },
      [&](const Touched&) {},
      [&](const StillHereTapped&) {},
      [&](const StartTapped&) {
        if (s.screen != Screen::Welcome || !s.config.identification.name_search) return;
        s.screen = Screen::Search;
        s.query.clear();
      },
      [&](const LanguageTapped& a) {
        const auto& langs = s.config.languages;
        if (std::find(langs.begin(), langs.end(), a.language) != langs.end()) s.language = a.language;
      },
      [&](const CardScanned& a) { on_card(s, out, a.code); },
      [&](const SearchTyped& a) {
        if (s.screen == Screen::Search && s.query.size() + a.text.size() <= kMaxQueryLength) s.query += a.text;
      },
      [&](const SearchErased&) {
        if (s.screen == Screen::Search && !s.query.empty()) s.query.resize(s.query.size() - last_char_size(s.query));
      },
      [&](const ParticipantChosen& a) {
        if (s.screen != Screen::Search || !s.roster->find(a.id)) return;
        s.pin_for = a.id;
        s.pin.clear();
        s.screen = Screen::Pin;
        if (pin_paused(s, a.id)) show_notice(s, Notice::PinPaused);
      },
      [&](const PinDigit& a) { on_pin_digit(s, out, a.digit); },
      [&](const PinErased&) {
        if (s.screen == Screen::Pin && !s.busy && !s.pin.empty()) s.pin.pop_back();
      },
      [&](const PinChecked& a) { on_pin_checked(s, out, a); },
      [&](const BackTapped&) {
        if (s.busy) return;
        if (s.screen == Screen::Pin) {
          s.screen = Screen::Search;
          s.pin.clear();
          s.pin_for.clear();
          s.notice = Notice::None;
        } else {
          end_session(s);
        }
      },
      [&](const CheckInTapped&) { on_check(s, out, true); },
      [&](const CheckOutTapped&) { on_check(s, out, false); },
      [&](const DoneTapped&) {
        if (!s.busy && (s.screen == Screen::Confirmation || s.screen == Screen::Home)) end_session(s);
      },
      [&](const AttendanceStored& a) { on_stored(s, a); },
      [&](const StoreFailed& a) {
        s.busy = false;
        show_notice(s, a.notice);
        out.push_back(LogLine{"write failed: " + a.reason});
      },
      [&](const DataLoaded& a) {
        if (a.roster) s.roster = a.roster;
        s.programme = a.programme;
        s.today = a.today;
      },
  }, action);
  return Step{std::move(s), std::move(out)};
}

// [SECTION] Derived facts
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

bool pin_paused(const State& s, const std::string& pid) {
  const auto it = s.pin_guards.find(pid);
  return it != s.pin_guards.end() && it->second.paused_until > s.now;
}

Notice active_notice(const State& s) { return s.notice_until > s.now ? s.notice : Notice::None; }

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
  for (const auto& [id, g] : s.pin_guards) consider(g.paused_until);
  return next;
}

}  // namespace meedoen::core
