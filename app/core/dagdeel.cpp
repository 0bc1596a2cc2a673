// Keys of the small domain enumerations (dagdelen, absence reasons) and dagdeel lookup.
#include <algorithm>

#include "core/model.hpp"

namespace meedoen::core {

bool known_language(std::string_view code) {
  for (const auto known : kLanguages)
    if (known == code) return true;
  return false;
}

std::string known_languages_text() {
  std::string s;
  for (const auto code : kLanguages) (s += s.empty() ? "" : ", ") += code;
  return s;
}

const char* dagdeel_key(Dagdeel d) {
  switch (d) {
    case Dagdeel::Morning: return "morning";
    case Dagdeel::Afternoon: return "afternoon";
    case Dagdeel::Evening: return "evening";
  }
  return "morning";
}

bool dagdeel_from_key(const std::string& key, Dagdeel& out) {
  for (Dagdeel d : kDagdelen)
    if (key == dagdeel_key(d)) {
      out = d;
      return true;
    }
  return false;
}

Dagdeel dagdeel_at(const KioskConfig& cfg, int minute) {
  for (Dagdeel d : kDagdelen) {
    const auto& t = cfg.dagdelen[static_cast<int>(d)];
    if (minute >= t.start && minute < t.end) return d;
  }
  for (Dagdeel d : kDagdelen)
    if (minute < cfg.dagdelen[static_cast<int>(d)].start) return d;
  return Dagdeel::Evening;
}

TimeMs auto_close_time(const KioskConfig& cfg, const Attendance& a) {
  const TimeMs end = from_local(a.date, cfg.dagdelen[static_cast<int>(a.dagdeel)].end);
  if (end > a.check_in) return end;
  return std::max(from_local(a.date, 23 * 60 + 59), a.check_in + 1);
}

const char* reason_key(AbsenceReason r) {
  switch (r) {
    case AbsenceReason::Sick: return "sick";
    case AbsenceReason::Medical: return "medical";
    case AbsenceReason::Care: return "care";
    case AbsenceReason::Appointment: return "appointment";
    case AbsenceReason::Other: return "other";
  }
  return "other";
}

bool reason_from_key(const std::string& key, AbsenceReason& out) {
  for (AbsenceReason r : kAbsenceReasons)
    if (key == reason_key(r)) {
      out = r;
      return true;
    }
  return false;
}

bool screen_dark_at(const KioskConfig& cfg, int minute_of_day) {
  const int off = cfg.screen_off_from, on = cfg.screen_on_at;
  if (off < 0 || on < 0 || off == on) return false;
  // 22:00 -> 07:00 wraps past midnight; 01:00 -> 06:00 does not.
  return off < on ? (minute_of_day >= off && minute_of_day < on) : (minute_of_day >= off || minute_of_day < on);
}

int minutes_to_screen_switch(const KioskConfig& cfg, int minute_of_day) {
  if (cfg.screen_off_from < 0 || cfg.screen_on_at < 0 || cfg.screen_off_from == cfg.screen_on_at) return -1;
  const int next = screen_dark_at(cfg, minute_of_day) ? cfg.screen_on_at : cfg.screen_off_from;
  return ((next - minute_of_day) % (24 * 60) + 24 * 60) % (24 * 60);
}

}  // namespace meedoen::core
