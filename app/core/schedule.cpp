// Programme queries.
#include "core/schedule.hpp"

#include <algorithm>

#include "core/programme.hpp"

namespace meedoen::core {

std::vector<Activity> activities_on(const std::vector<Activity>& programme, int weekday) {
  std::vector<Activity> out;
  for (const auto& a : programme)
    if (a.active && a.date.empty() && a.weekday == weekday) out.push_back(a);
  std::stable_sort(out.begin(), out.end(), [](const Activity& x, const Activity& y) { return x.start < y.start; });
  return out;
}

std::vector<Activity> activities_on(const std::vector<Activity>& programme, const std::string& date) {
  std::vector<Activity> out;
  for (const auto& a : programme)
    if (occurs_on(a, date)) out.push_back(a);
  std::stable_sort(out.begin(), out.end(), [](const Activity& x, const Activity& y) { return x.start < y.start; });
  return out;
}

}  // namespace meedoen::core
