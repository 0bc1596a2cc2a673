// platform/tap_filter: a second tap on the same spot within 500 ms never reaches ImGui, except on
// keys meant to be tapped again and again.
#include <catch2/catch.hpp>

#include "platform/tap_filter.hpp"

using meedoen::platform::TapFilter;
using meedoen::ui::FrameRecord;

namespace {

// Press then lift at (x, y) at time t: what ImGui saw of the press.
bool tap(TapFilter& f, float x, float y, long long t, const FrameRecord& frame = {}) {
  const bool seen = f.pressed(x, y, true, t, 1.0f, frame);
  f.pressed(x, y, false, t + 60, 1.0f, frame);
  return seen;
}

}  // namespace

TEST_CASE("tap filter: a second tap on the same spot within 500 ms is dropped", "[ui][touch]") {
  TapFilter f;
  CHECK(tap(f, 400, 300, 1000));
  CHECK_FALSE(tap(f, 405, 296, 1150));  // 150 ms later, 6 px away: the same tap again
  CHECK(f.dropped() == 1);
  CHECK_FALSE(tap(f, 400, 300, 1600));  // a tremor's third tap, 450 ms after the second: dropped too
  CHECK(tap(f, 400, 300, 2200));        // a pause of 600 ms: a new tap
  CHECK(tap(f, 700, 300, 2300));        // another spot: a new tap at once
  CHECK(f.dropped() == 2);
}

TEST_CASE("tap filter: a dropped press stays hidden until it is lifted", "[ui][touch]") {
  TapFilter f;
  CHECK(tap(f, 100, 100, 0));
  CHECK_FALSE(f.pressed(100, 100, true, 200, 1.0f, {}));
  CHECK_FALSE(f.pressed(100, 100, true, 216, 1.0f, {}));  // held: still nothing
  CHECK_FALSE(f.pressed(100, 100, false, 300, 1.0f, {}));
  CHECK(f.pressed(100, 100, true, 900, 1.0f, {}));
}

TEST_CASE("tap filter: keys meant for repeating take every tap", "[ui][touch]") {
  FrameRecord frame;
  frame.targets.push_back({"pin:0", "0", ImVec2(0, 0), ImVec2(120, 120), true, true});
  frame.targets.push_back({"act:a", "Ik doe mee", ImVec2(200, 0), ImVec2(400, 120), true, false});
  TapFilter f;
  CHECK(tap(f, 60, 60, 0, frame));
  CHECK(tap(f, 60, 60, 100, frame));  // PIN 0001: the second 0 counts
  CHECK(tap(f, 300, 60, 1000, frame));
  CHECK_FALSE(tap(f, 300, 60, 1100, frame));  // not a repeat key
}

TEST_CASE("tap filter: the same spot scales with the screen", "[ui][touch]") {
  TapFilter f;
  CHECK(f.pressed(100, 100, true, 0, 1.5f, {}));
  f.pressed(100, 100, false, 50, 1.5f, {});
  CHECK_FALSE(f.pressed(160, 100, true, 200, 1.5f, {}));  // 60 px at scale 1.5 is within 72 px
}
