// The double-tap filter of the input layer.
#include "platform/tap_filter.hpp"

#include <cmath>

namespace meedoen::platform {

namespace {

bool on_repeat_key(const ui::FrameRecord& frame, float x, float y) {
  for (const auto& t : frame.targets)
    if (t.repeat && x >= t.min.x && x < t.max.x && y >= t.min.y && y < t.max.y) return true;
  return false;
}

}  // namespace

bool TapFilter::pressed(float x, float y, bool down, long long now_ms, float scale, const ui::FrameRecord& last_frame) {
  if (down && !m_was_down) {
    const float spot = kSpotPx * scale;
    const bool same_spot = m_have_last && std::hypot(x - m_last_x, y - m_last_y) <= spot;
    // A burst of taps on one spot counts from its latest tap: each one within the window of the
    // one before is dropped, so a tremor's third tap does not get through either.
    m_swallowing = same_spot && now_ms - m_last_ms < kWindowMs && !on_repeat_key(last_frame, x, y);
    if (m_swallowing) ++m_dropped;
    m_have_last = true;
    m_last_x = x;
    m_last_y = y;
    m_last_ms = now_ms;
  }
  m_was_down = down;
  if (!down) m_swallowing = false;
  return down && !m_swallowing;
}

}  // namespace meedoen::platform
