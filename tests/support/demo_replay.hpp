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

// Fatima El Amrani (DEMO0001, PIN 0001) finds herself by name on the welcome screen and types her PIN.
inline const std::string kFatimaByName = R"(tap "start"
type "fat"
tap "Fatima E."
tap "pin:0"
tap "pin:0"
tap "pin:0"
tap "pin:1"
)";

}  // namespace meedoen::test
