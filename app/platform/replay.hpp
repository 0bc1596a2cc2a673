// Replay scripts: drive the kiosk without hands, one step a line.
//   tap "Inchecken"      tap the button with this label (as on screen), or tap X Y
//   double-tap "OK" 150ms  tap it, then the same spot again 150 ms later (label or X Y)
//   type "fat"           tap the on-screen keyboard keys for each letter (accents too: "Ayşe")
//   drag X1 Y1 X2 Y2     press at X1 Y1, slide to X2 Y2, lift (scrolls a list)
//   scroll-to-end "LIST" tap the list's down arrow until the list is at its end
//   scan DEMO0001        a card scanner types the code and Enter
//   advance 31s          move the app's clock (ms, s, m)
//   wait 500ms           let real time pass while the app runs
//   screenshot FILE      write a PNG of the window once nothing moves (a list gliding: up to 5 s)
//   expect "text"        fail unless the text is on screen; expect-not "text" the opposite
//   expect-spoken "text" wait (up to 10 s) until something read aloud after the last match contains the text
// Blank lines and lines starting with # are ignored.
#pragma once
#include <string>
#include <vector>

#include "ui/widgets/widgets.hpp"

namespace meedoen::platform {

struct ReplayStep {
  enum class Kind {
    TapLabel,
    TapXY,
    Drag,
    ScrollToEnd,
    Type,
    Scan,
    Advance,
    Wait,
    Screenshot,
    Expect,
    ExpectNot,
    ExpectSpoken
  };
  long long second_tap_ms = -1;  // double-tap: the second press this long after the first
  Kind kind;
  std::string text;  // label, text, code or file
  float x = 0, y = 0;
  float x2 = 0, y2 = 0;  // where a drag ends
  long long ms = 0;
  int line = 0;
};

struct ReplayParse {
  std::vector<ReplayStep> steps;
  std::string error;  // "" when the script is valid
};

ReplayParse parse_replay(const std::string& script);

// What the replay asks of the app between frames.
struct ReplayHost {
  virtual ~ReplayHost() = default;
  virtual void scan(const std::string& code) = 0;
  virtual void advance_clock(long long ms) = 0;
  // A "wait" step has let this much real time pass (a clock that stands still between steps
  // moves by it; the system's clock already has).
  virtual void waited(long long ms) = 0;
  virtual bool save_screenshot(const std::string& path, std::string& error) = 0;
  virtual std::vector<std::string> spoken() const = 0;  // every text read aloud so far, in order
};

class Replay {
 public:
  explicit Replay(std::vector<ReplayStep> steps) : m_steps(std::move(steps)) {}

  // Called before ImGui::NewFrame: the pointer this frame should see.
  void before_frame(float& mouse_x, float& mouse_y, bool& mouse_down) const;
  // Called after a frame was drawn with the record of what it showed. Advances the script.
  void after_frame(const ui::FrameRecord& record, ReplayHost& host, long long real_now_ms);

  bool finished() const { return m_failed || m_next >= m_steps.size(); }
  // The time of the replayed person's input: each tap comes kPaceMs after the one before (a
  // person's pace), the second tap of a double-tap step as the step says. The input layer's
  // double-tap filter reads this clock instead of real time.
  long long input_ms() const { return m_input_ms; }
  static constexpr long long kPaceMs = 1000;
  bool failed() const { return m_failed; }
  const std::string& failure() const { return m_failure; }

 private:
  void fail(const ReplayStep& s, const std::string& why);
  bool pointer_busy();
  void start_step(const ui::FrameRecord& record, ReplayHost& host, long long real_now, const ReplayStep& s);
  void start_drag(const ReplayStep& s);
  void start_typing(const ui::FrameRecord& record, ReplayHost& host, long long real_now, const ReplayStep& s);
  void check_expect(const ui::FrameRecord& record, const ReplayStep& s);
  void check_spoken(const ReplayHost& host, long long real_now, const ReplayStep& s);
  bool start_tap(const ui::FrameRecord& record, const std::string& label, const ReplayStep& s);

  std::vector<ReplayStep> m_steps;
  std::size_t m_next = 0;
  bool type_next(const ui::FrameRecord& record, const ReplayStep& s);
  void scroll_on(const ui::FrameRecord& record, const ReplayStep& s);

  // A tap in progress: press, release, then let the result settle for two frames. A drag
  // (phase 3) moves the pressed pointer a step each frame before it lifts.
  int m_tap_phase = 0;
  float m_x = -1, m_y = -1;
  bool m_down = false;
  float m_step_x = 0, m_step_y = 0;
  int m_drag_steps = 0;
  std::string m_typing;      // letters of a "type" step still to tap
  int m_layer_switches = 0;  // keyboard layer switches in a row, to stop on a missing key
  long long m_wait_until = 0;
  std::size_t m_spoken_seen = 0;  // read-aloud texts before this one were matched already
  int m_settle = 0;
  int m_arrow_taps = 0;  // taps of this scroll-to-end step so far
  long long m_input_ms = 0;
  long long m_second_tap_ms = -1;  // a double tap's second press still to come
  void press(float x, float y, long long after_ms);
  bool m_failed = false;
  std::string m_failure;
};

}  // namespace meedoen::platform
