// The programme seen from one day.
#include <catch2/catch.hpp>

#include "core/schedule.hpp"

using namespace meedoen;

TEST_CASE("activities_on: one weekday's activities by start time", "[core]") {
  auto act = [](const char* id, int weekday, int start) {
    core::Activity a;
    a.id = id;
    a.weekday = weekday;
    a.start = start;
    a.end = start + 60;
    return a;
  };
  const std::vector<core::Activity> programme{act("mon-late", 0, 900), act("tue", 1, 600), act("mon-early", 0, 570),
                                              act("mon-tie-1", 0, 700), act("mon-tie-2", 0, 700)};
  const auto monday = core::activities_on(programme, 0);
  REQUIRE(monday.size() == 4);
  CHECK(monday[0].id == "mon-early");
  CHECK(monday[1].id == "mon-tie-1");  // stable for equal start times
  CHECK(monday[2].id == "mon-tie-2");
  CHECK(monday[3].id == "mon-late");
  CHECK(core::activities_on(programme, 1).size() == 1);
  CHECK(core::activities_on(programme, 6).empty());
}
