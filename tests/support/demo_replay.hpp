// Replay lines (platform/replay.hpp) the demo centre's end-to-end tests share.
#pragma once
#include <string>

namespace meedoen::test {

// The demo's coach Marloes Kuipers types her PIN (246810) on the coach's keypad.
inline const std::string kDemoCoachPin = R"(tap "coachpin:2"
tap "coachpin:4"
tap "coachpin:6"
tap "coachpin:8"
tap "coachpin:1"
tap "coachpin:0"
)";
// ... and opens coach mode with it.
inline const std::string kDemoCoachSignsIn = "tap \"coach\"\n" + kDemoCoachPin;

}  // namespace meedoen::test
