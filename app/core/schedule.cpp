// Programme queries.
#include "core/schedule.hpp"

#include <algorithm>

namespace meedoen::core {

std::vector<Activity> activities_on(const std::vector<Activity>& programme, int weekday) {
  std::vector<Activity> out;
  for (const auto& a : programme)
    if (a.weekday == weekday) out.push_back(a);
  std::stable_sort(out.begin(), out.end(),
                   [](const Activity& x, const Activity& y) { return x.start < y.start; });
  return out;
}

}  // namespace meedoen::core
