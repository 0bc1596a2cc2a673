// Forgiving touch: a second tap on the same spot within 500 ms is the same intention (a shaking
// hand, a double tap out of habit), not a new one. The input layer drops it here, for every
// screen, before ImGui sees the press; keys that are meant to be tapped again and again (the
// keyboard, PIN pads, steppers: ui::FrameRecord::Target::repeat) take every tap.
#pragma once
#include "ui/widgets/widgets.hpp"

namespace meedoen::platform {

class TapFilter {
 public:
  static constexpr long long kWindowMs = 500;
  static constexpr float kSpotPx = 48;  // at scale 1 (1280x800): about 12 mm on a 15" screen

  // The pointer as the window reports it this frame; returns whether ImGui may see it pressed.
  // `last_frame` is what the previous frame showed (where the repeatable keys are); now_ms is the
  // time of the input (real time, or a replay's simulated person).
  bool pressed(float x, float y, bool down, long long now_ms, float scale, const ui::FrameRecord& last_frame);
  long long dropped() const { return m_dropped; }  // taps dropped so far (logged by the caller)

 private:
  bool m_was_down = false;
  bool m_swallowing = false;  // the current press is a dropped second tap: hidden until lifted
  bool m_have_last = false;
  float m_last_x = 0, m_last_y = 0;
  long long m_last_ms = 0;
  long long m_dropped = 0;
};

}  // namespace meedoen::platform
