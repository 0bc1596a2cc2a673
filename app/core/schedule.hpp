// The centre's weekly programme, seen from one day.
#pragma once
#include <string>
#include <vector>

#include "core/model.hpp"

namespace meedoen::core {

// The weekly activities on a weekday (0 = Monday) that are on the programme, by start time.
std::vector<Activity> activities_on(const std::vector<Activity>& programme, int weekday);
// What takes place on an ISO date: the weekly ones of its weekday and the one-offs of that date,
// without those taken off the programme (core/programme.hpp occurs_on), by start time.
std::vector<Activity> activities_on(const std::vector<Activity>& programme, const std::string& date);

}  // namespace meedoen::core
