// The centre's weekly programme, seen from one day.
#pragma once
#include <vector>

#include "core/model.hpp"

namespace meedoen::core {

// Activities on a weekday (0 = Monday), by start time.
std::vector<Activity> activities_on(const std::vector<Activity>& programme, int weekday);

}  // namespace meedoen::core
