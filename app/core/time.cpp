// Local calendar conversions; the only place core touches the C library's time zone database.
#include "core/time.hpp"

#include <cstdio>
#include <ctime>

namespace meedoen::core {

LocalTime to_local(TimeMs t) {
  std::time_t secs = static_cast<std::time_t>(t >= 0 ? t / 1000 : (t - 999) / 1000);
  std::tm tm{};
  localtime_r(&secs, &tm);
  LocalTime lt;
  lt.year = tm.tm_year + 1900;
  lt.month = tm.tm_mon + 1;
  lt.day = tm.tm_mday;
  lt.weekday = (tm.tm_wday + 6) % 7;
  lt.minute_of_day = tm.tm_hour * 60 + tm.tm_min;
  lt.second = tm.tm_sec;
  return lt;
}

TimeMs next_minute(TimeMs t) {
  // Local minutes and UTC minutes share their boundaries for every zone with whole-minute offsets.
  const TimeMs m = minutes(1);
  return (t / m + 1) * m;
}

std::string format_hhmm(int minute_of_day) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", (minute_of_day / 60) % 24, minute_of_day % 60);
  return buf;
}

std::string format_date_iso(const LocalTime& lt) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", lt.year % 10000, lt.month % 100, lt.day % 100);
  return buf;
}

int parse_hhmm(const std::string& s) {
  if (s.size() != 5 || s[2] != ':') return -1;
  for (int i : {0, 1, 3, 4})
    if (s[i] < '0' || s[i] > '9') return -1;
  const int h = (s[0] - '0') * 10 + (s[1] - '0');
  const int m = (s[3] - '0') * 10 + (s[4] - '0');
  if (h > 23 || m > 59) return -1;
  return h * 60 + m;
}

}  // namespace meedoen::core
