// A history of check-ins and check-outs, as the kiosk's journal holds it after weeks of use:
// the events that Store::record_history writes in one transaction (and folds into attendance).
#pragma once
#include <cstdio>
#include <string>
#include <vector>

#include "core/time.hpp"
#include "storage/store.hpp"

namespace meedoen::test {

// Participant "hist-p-NNNN" (1 .. participants) checks in at 09:00 and out at 12:00 on each of
// `days` weekdays before `today` (local time); not everyone every day.
inline std::vector<storage::Store::TimedEvent> attendance_history(int participants, int days,
                                                                  const std::string& today) {
  std::vector<storage::Store::TimedEvent> out;
  int weekdays = 0;
  for (int back = 1; weekdays < days; ++back) {
    const std::string date = core::add_days(today, -back);
    const core::TimeMs nine = core::from_local(date, 9 * 60);
    if (core::weekday_of(date) >= 5) continue;  // Saturday, Sunday
    ++weekdays;
    for (int p = 1; p <= participants; ++p) {
      if ((back + p) % 3 == 0) continue;
      char pid[32];
      std::snprintf(pid, sizeof pid, "hist-p-%04d", p);
      out.push_back({pid, nine + p * 1000, core::ev::CheckIn{date, core::Dagdeel::Morning, nine + p * 1000}});
      const core::TimeMs noon = nine + 3 * 3600 * 1000 + p * 1000;
      out.push_back({pid, noon, core::ev::CheckOut{date, noon}});
    }
  }
  return out;
}

}  // namespace meedoen::test
