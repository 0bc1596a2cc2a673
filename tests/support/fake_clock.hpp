// Time helpers for tests: the centre's time zone, known instants, and a fake clock that drives
// core::update() the way the platform does (Tick actions carry "now"; nothing reads a real clock).
#pragma once
#include <cstdlib>
#include <ctime>
#include <string>
#include <utility>
#include <vector>

#include "core/state.hpp"

namespace meedoen::test {

// Local time of every test that looks at the calendar.
inline void use_amsterdam_time() {
  ::setenv("TZ", "Europe/Amsterdam", 1);
  ::tzset();
}

// Known instants (checked against `TZ=Europe/Amsterdam date -d ... +%s`).
// Monday 2026-11-23 09:42:00 CET (UTC+1) = 08:42:00 UTC.
constexpr core::TimeMs kMonday0942 = 1'795'423'320'000;
// Monday 2026-11-23 14:00:00 CET.
constexpr core::TimeMs kMonday1400 = 1'795'438'800'000;
// Monday 2026-11-23 12:45:00 CET (between morning and afternoon).
constexpr core::TimeMs kMonday1245 = 1'795'434'300'000;
// Monday 2026-11-23 20:00:00 CET.
constexpr core::TimeMs kMonday2000 = 1'795'460'400'000;
// Monday 2026-11-23 23:59:30 CET.
constexpr core::TimeMs kMonday2359 = 1'795'474'770'000;
// Wednesday 2026-07-01 12:00:00 CEST (UTC+2).
constexpr core::TimeMs kSummerNoon = 1'782'900'000'000;

// The UTC instant of a local civil time in the process time zone (mktime, DST resolved by the zone).
inline core::TimeMs local_ms(int year, int month, int day, int hour, int minute, int second = 0) {
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  tm.tm_mday = day;
  tm.tm_hour = hour;
  tm.tm_min = minute;
  tm.tm_sec = second;
  tm.tm_isdst = -1;
  return static_cast<core::TimeMs>(std::mktime(&tm)) * 1000;
}

// The attendance the platform stores for a RecordCheckIn (what AttendanceStored carries back).
inline core::Attendance stored(const core::RecordCheckIn& rc) {
  core::Attendance a;
  a.participant_id = rc.participant_id;
  a.date = rc.date;
  a.dagdeel = rc.dagdeel;
  a.check_in = rc.at;
  return a;
}

// What the platform loads for a participant whose check-in of Friday 20 November 2026 09:31 the
// kiosk closed itself at 12:30: the forgotten check-out question comes first.
inline core::ParticipantData forgotten_checkout(const std::string& participant_id) {
  core::ParticipantData d;
  d.participant_id = participant_id;
  core::Attendance a;
  a.participant_id = participant_id;
  a.date = "2026-11-20";
  a.check_in = local_ms(2026, 11, 20, 9, 31);
  a.check_out = local_ms(2026, 11, 20, 12, 30);
  a.check_in_event = "e-in";
  a.auto_closed = true;
  d.recent = {a};
  return d;
}

// A kiosk state driven by a fake clock: every step applies one action, like the platform does.
class FakeKiosk {
 public:
  FakeKiosk(core::State initial, core::TimeMs start) : m_state(std::move(initial)), m_now(start) {
    act(core::Tick{m_now});
  }

  // Applies one action; the commands it asked for are kept until the next action.
  const std::vector<core::Command>& act(const core::Action& a) {
    core::Step step = core::update(std::move(m_state), a);
    m_state = std::move(step.state);
    m_commands = std::move(step.commands);
    return m_commands;
  }
  // Lets time pass and ticks once at the new time.
  const std::vector<core::Command>& advance(core::TimeMs dt) {
    m_now += dt;
    return act(core::Tick{m_now});
  }
  // Ticks at an absolute time.
  const std::vector<core::Command>& tick_at(core::TimeMs t) {
    m_now = t;
    return act(core::Tick{m_now});
  }
  // A touch as the platform delivers it: the person is still there.
  const std::vector<core::Command>& touch(const core::Action& a) {
    act(core::Touched{});
    return act(a);
  }

  const core::State& state() const { return m_state; }
  core::State& mutable_state() { return m_state; }
  const std::vector<core::Command>& commands() const { return m_commands; }
  core::TimeMs now() const { return m_now; }

  // The first command of type C from the last action, or nullptr.
  template <class C>
  const C* command() const {
    for (const auto& c : m_commands)
      if (const auto* p = std::get_if<C>(&c)) return p;
    return nullptr;
  }
  template <class C>
  std::size_t count() const {
    std::size_t n = 0;
    for (const auto& c : m_commands) n += std::holds_alternative<C>(c) ? 1 : 0;
    return n;
  }

 private:
  core::State m_state;
  core::TimeMs m_now;
  std::vector<core::Command> m_commands;
};

}  // namespace meedoen::test
