// Local calendar conversions; the only place core touches the C library's time zone database.
#include "core/time.hpp"

#include <cstdio>
#include <ctime>
#include <string>

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

// [SECTION] Calendar arithmetic (Howard Hinnant's days-from-civil algorithms)

namespace {

long long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * static_cast<unsigned>(m + (m > 2 ? -3 : 9)) + 2) / 5 + static_cast<unsigned>(d) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

void civil_from_days(long long z, int& y, int& m, int& d) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(static_cast<long long>(yoe) + era * 400 + (m <= 2));
}

}  // namespace

bool parse_date_iso(const std::string& s, int& year, int& month, int& day) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[static_cast<std::size_t>(i)] < '0' || s[static_cast<std::size_t>(i)] > '9') return false;
  year = std::stoi(s.substr(0, 4));
  month = std::stoi(s.substr(5, 2));
  day = std::stoi(s.substr(8, 2));
  if (month < 1 || month > 12 || day < 1) return false;
  int y2, m2, d2;
  civil_from_days(days_from_civil(year, month, day), y2, m2, d2);
  return y2 == year && m2 == month && d2 == day;  // rejects 2026-02-30
}

bool valid_date_iso(const std::string& iso) {
  int y, m, d;
  return parse_date_iso(iso, y, m, d);
}

std::string add_days(const std::string& iso, int days) {
  int y, m, d;
  if (!parse_date_iso(iso, y, m, d)) return "";
  civil_from_days(days_from_civil(y, m, d) + days, y, m, d);
  LocalTime lt;
  lt.year = y;
  lt.month = m;
  lt.day = d;
  return format_date_iso(lt);
}

std::string add_months_to_date(const std::string& iso, int months) {
  int y, m, d;
  if (!parse_date_iso(iso, y, m, d)) return "";
  const int index = y * 12 + (m - 1) + months;
  LocalTime lt;
  lt.year = index / 12;
  lt.month = index % 12 + 1;
  // The same day of the month, or the month's last day when it is shorter.
  for (lt.day = d; lt.day > 28 && !valid_date_iso(format_date_iso(lt)); --lt.day) {}
  return format_date_iso(lt);
}

int weekday_of(const std::string& iso) {
  int y, m, d;
  if (!parse_date_iso(iso, y, m, d)) return -1;
  const long long z = days_from_civil(y, m, d);  // day 0 = Thursday 1970-01-01
  return static_cast<int>(((z % 7) + 7 + 3) % 7);
}

int days_between(const std::string& from, const std::string& to) {
  int y1, m1, d1, y2, m2, d2;
  if (!parse_date_iso(from, y1, m1, d1) || !parse_date_iso(to, y2, m2, d2)) return 0;
  return static_cast<int>(days_from_civil(y2, m2, d2) - days_from_civil(y1, m1, d1));
}

TimeMs from_local(const std::string& iso, int minute_of_day) {
  int y, m, d;
  if (!parse_date_iso(iso, y, m, d)) return 0;
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = m - 1;
  tm.tm_mday = d;
  tm.tm_hour = minute_of_day / 60;
  tm.tm_min = minute_of_day % 60;
  tm.tm_isdst = -1;
  return static_cast<TimeMs>(std::mktime(&tm)) * 1000;
}

}  // namespace meedoen::core
