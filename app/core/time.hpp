// Time as the domain sees it: instants in UTC milliseconds, and the centre's local calendar.
// Nothing here reads a clock: the caller passes "now" in, so tests use a fake clock.
#pragma once
#include <cstdint>
#include <string>

namespace meedoen::core {

using TimeMs = std::int64_t;  // milliseconds since the Unix epoch, UTC

constexpr TimeMs seconds(std::int64_t s) { return s * 1000; }
constexpr TimeMs minutes(std::int64_t m) { return m * 60'000; }

struct LocalTime {
  int year = 1970, month = 1, day = 1;  // civil date in the centre's time zone
  int weekday = 4;                      // 0 = Monday ... 6 = Sunday
  int minute_of_day = 0;                // 0..1439
  int second = 0;
};

// Local calendar of an instant in the process time zone (TZ, e.g. Europe/Amsterdam).
LocalTime to_local(TimeMs t);
// Start of the next local minute after t: when a clock on screen must be redrawn.
TimeMs next_minute(TimeMs t);

std::string format_hhmm(int minute_of_day);        // "09:42"
std::string format_date_iso(const LocalTime& lt);  // "2026-11-23"
int parse_hhmm(const std::string& s);              // "09:42" -> 582, -1 when malformed

// [SECTION] Calendar arithmetic on local ISO dates ("2026-11-23"), independent of time zones.
bool parse_date_iso(const std::string& iso, int& year, int& month, int& day);
bool valid_date_iso(const std::string& iso);
std::string add_days(const std::string& iso, int days);              // "" when iso is malformed
std::string add_months_to_date(const std::string& iso, int months);  // 31 Jan + 1 = 28/29 Feb; "" if malformed
int weekday_of(const std::string& iso);                              // 0 = Monday; -1 when malformed
int days_between(const std::string& from, const std::string& to);    // to - from in days
// The instant of a local wall-clock minute on a local date (DST resolved by the C library).
TimeMs from_local(const std::string& iso, int minute_of_day);

}  // namespace meedoen::core
