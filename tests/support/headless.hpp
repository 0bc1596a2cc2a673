// The kiosk's real window in tests, without a screen: every test gets its display the same way,
// through tests/support/headless_display.sh (Xvfb with -displayfd, so parallel tests never race).
#pragma once
#include <string>

#include "support/process.hpp"

namespace meedoen::test {

// The command-line prefix that runs what follows on a display of its own of this size, in the
// time zone the tests' clocks are written in.
inline std::string headless(const std::string& size = "1280x800") {
  return "TZ=Europe/Amsterdam " + sh_quote(MEEDOEN_HEADLESS_DISPLAY) + " " + size + " ";
}

}  // namespace meedoen::test
