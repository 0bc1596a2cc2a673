// Drag-to-scroll lists, drawn headless and touched like a finger does: a drag scrolls and does
// not tap the button it started on, a tap still taps, the list stays within its ends, glides
// after a flick, and its arrow buttons scroll it for people who do not drag; a replay photographs
// it at rest.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "platform/replay.hpp"
#include "support/widget_bench.hpp"
#include "ui/widgets/scroll.hpp"

using namespace meedoen;
using test::WidgetBench;

namespace {

// Thirty rows of buttons in a region of 600 px (at 1280x800) with arrows beside it.
struct List {
  explicit List(WidgetBench& b, int rows = 30) : bench(b), count(rows) {}
  void draw() {
    const ui::Theme& t = bench.theme();
    ImGui::SetCursorPos(ImVec2(t.px(40), t.px(100)));
    if (disabled) ImGui::BeginDisabled();
    const ui::ScrollRegion r = ui::begin_drag_scroll(t, {"people", ImVec2(t.px(700), t.px(600))});
    for (int i = 0; i < count; ++i) {
      const std::string id = "row:" + std::to_string(i);
      const std::string label = "Persoon " + std::to_string(i);
      if (ui::big_button(t, {id.c_str(), nullptr, &label, ImVec2(r.list_width, t.px(96))})) tapped.push_back(i);
    }
    ui::end_drag_scroll(t, r);
    if (disabled) ImGui::EndDisabled();
  }
  void frames(int n) {
    bench.frames(n, [&] { draw(); });
  }
  const ui::FrameRecord::Scroller& scroller() {
    const auto* s = ui::frame_record().find_scroller("people");
    REQUIRE(s != nullptr);
    return *s;
  }
  float scroll() {
    frames(1);
    return scroller().scroll;
  }
  const ui::FrameRecord::Target& row(int i) {
    const auto* t = ui::frame_record().find_target("row:" + std::to_string(i));
    INFO("row " << i);
    REQUIRE(t != nullptr);
    return *t;
  }
  void drag(ImVec2 from, ImVec2 to, int steps = 10, int rest = 10) {
    bench.drag(from, to, steps, rest, [&] { draw(); });
  }
  void tap(ImVec2 at) {
    bench.tap(at, [&] { draw(); });
  }

  WidgetBench& bench;
  int count;
  bool disabled = false;
  std::vector<int> tapped;
};

}  // namespace

TEST_CASE("scroll: the list, its arrows and what the frame records", "[ui]") {
  WidgetBench b(1280, 800);
  List l(b);
  l.frames(1);  // the first frame already knows its length: the kiosk may sleep after it
  const auto& s = l.scroller();
  CHECK(s.scroll == 0);
  CHECK(s.scroll_max == Approx(30 * 96 + 29 * 16 - 600).margin(1));
  CHECK(s.max.y - s.min.y == Approx(600));
  // Only rows in sight are targets; a row cut by the edge is recorded by its visible part.
  CHECK(ui::frame_record().find_target("row:0") != nullptr);
  CHECK(ui::frame_record().find_target("row:29") == nullptr);
  for (const auto& t : ui::frame_record().targets) {
    CHECK(t.min.y >= s.min.y);
    CHECK(t.max.y <= s.max.y);
  }
  const auto* up = ui::frame_record().find_target("people:up");
  const auto* down = ui::frame_record().find_target("people:down");
  REQUIRE(up != nullptr);
  REQUIRE(down != nullptr);
  CHECK_FALSE(up->enabled);  // already at the top
  CHECK(down->enabled);
  CHECK(up->max.x - up->min.x >= 64);
  CHECK(down->min.x >= s.max.x);  // beside the list, never over a row
  CHECK_FALSE(ui::frame_record().animating);

  SECTION("a short list has nothing to scroll and no arrows") {
    List few(b, 3);
    few.frames(2);
    CHECK(few.scroller().scroll_max == 0);
    CHECK(ui::frame_record().find_target("people:down") == nullptr);
    CHECK(ui::frame_record().find_target("row:2") != nullptr);
  }
}

TEST_CASE("scroll: a tap on a row taps it and does not scroll", "[ui]") {
  WidgetBench b(1280, 800);
  List l(b);
  l.frames(2);
  l.tap(test::centre_of(l.row(2)));
  CHECK(l.tapped == std::vector<int>{2});
  CHECK(l.scroll() == 0);

  SECTION("a trembling finger (under the threshold) still taps") {
    const ImVec2 at = test::centre_of(l.row(1));
    const float wobble = ui::drag_threshold(b.theme()) * 0.6f;
    l.drag(at, ImVec2(at.x + wobble * 0.5f, at.y + wobble), 3, 1);
    CHECK(l.tapped == std::vector<int>{2, 1});
    CHECK(l.scroll() == 0);
  }
}

TEST_CASE("scroll: a drag scrolls with the finger and does not tap the row it started on", "[ui]") {
  WidgetBench b(1280, 800);
  List l(b);
  l.frames(2);
  const ImVec2 start = test::centre_of(l.row(4));
  l.drag(start, ImVec2(start.x, start.y - 300));
  CHECK(l.tapped.empty());
  l.frames(60);  // any glide settles
  const float y = l.scroll();
  CHECK(y >= 270);
  CHECK(y <= 340);
  // Row 4 moved up with the finger and is still tappable where it is now.
  CHECK(l.row(4).min.y < start.y - 250);
  l.tap(test::centre_of(l.row(6)));
  CHECK(l.tapped == std::vector<int>{6});
  CHECK(l.scroll() == Approx(y));

  SECTION("dragging down brings it back, and never past the top") {
    const ImVec2 at = test::centre_of(l.row(6));
    l.drag(at, ImVec2(at.x, at.y + 500));
    l.frames(60);
    CHECK(l.scroll() == 0);
    CHECK(l.tapped == std::vector<int>{6});
  }
}

TEST_CASE("scroll: a fast flick released within a row does not tap it", "[ui]") {
  WidgetBench b(1280, 800);
  List l(b);
  l.frames(2);
  const ImVec2 at = test::centre_of(l.row(3));
  const float d = ui::drag_threshold(b.theme()) * 2;  // still inside the 96 px row

  SECTION("pressed, moved, released on the next frames") { l.drag(at, ImVec2(at.x, at.y - d), 1, 0); }
  SECTION("pressed, then released somewhere else on the very next frame") {
    b.finger(at, true);
    l.frames(1);
    b.finger(ImVec2(at.x, at.y - d), false);
    l.frames(1);
    b.lift_off();
  }
  l.frames(30);
  CHECK(l.tapped.empty());
}

TEST_CASE("scroll: the list stays between its ends", "[ui]") {
  WidgetBench b(1280, 800);
  List l(b);
  l.frames(2);
  const float max = l.scroller().scroll_max;
  const ImVec2 at = test::centre_of(l.row(0));
  // Back to back, each new touch lands while the list still glides, 500 px from the last lift.
  for (int i = 0; i < 8; ++i) l.drag(ImVec2(at.x, 650), ImVec2(at.x, 150), 10, 0);
  l.frames(90);
  CHECK(l.scroll() == Approx(max));
  CHECK(ui::frame_record().find_target("row:29") != nullptr);
  CHECK_FALSE(ui::frame_record().find_target("people:down")->enabled);
  CHECK(ui::frame_record().find_target("people:up")->enabled);
}

TEST_CASE("scroll: a flick glides on a little after the finger lifts, then stops", "[ui]") {
  WidgetBench b(1280, 800);
  List l(b);
  l.frames(2);
  const ImVec2 at = test::centre_of(l.row(3));
  l.drag(at, ImVec2(at.x, at.y - 180), 3, 0);  // 60 px a frame, lifted while moving
  const float at_lift = l.scroll();
  CHECK(ui::frame_record().animating);  // the loop must keep drawing
  l.frames(120);
  const float settled = l.scroll();
  CHECK(settled > at_lift + 50);
  CHECK(settled < at_lift + 520);  // calm: even a fast flick glides half a screen at most
  CHECK_FALSE(ui::frame_record().animating);
  l.frames(5);
  CHECK(l.scroll() == Approx(settled));
  CHECK(l.tapped.empty());

  SECTION("a finger on a gliding list stops it, without tapping") {
    l.drag(at, ImVec2(at.x, at.y - 180), 3, 0);
    l.frames(2);
    const float moving = l.scroll();
    l.tap(ImVec2(at.x, l.scroller().min.y + 300));
    const float stopped = l.scroll();
    l.frames(30);
    CHECK(l.scroll() == Approx(stopped));
    CHECK(stopped - moving < 200);
    CHECK(l.tapped.empty());
  }
}

TEST_CASE("scroll: the arrow buttons scroll by most of a page", "[ui]") {
  WidgetBench b(1280, 800);
  List l(b);
  l.frames(2);
  REQUIRE(b.tap("people:down", [&] { l.draw(); }));
  CHECK(ui::frame_record().animating);  // it eases, so the eye can follow
  l.frames(60);
  CHECK(l.scroll() == Approx(0.8f * 600).margin(1));
  CHECK_FALSE(ui::frame_record().animating);
  CHECK(ui::frame_record().find_target("people:up")->enabled);
  REQUIRE(b.tap("people:up", [&] { l.draw(); }));
  l.frames(60);
  CHECK(l.scroll() == Approx(0).margin(0.5));
  CHECK(l.tapped.empty());
}

TEST_CASE("scroll: a touch that lands far from the last one does not jump the list", "[ui]") {
  // SDL leaves the pointer where the previous touch lifted; the next touch arrives with a
  // large pointer delta on its first frame.
  WidgetBench b(1280, 800);
  List l(b);
  l.frames(2);
  b.finger(ImVec2(1200, 50), false);
  l.frames(1);
  const ImVec2 at = test::centre_of(l.row(2));
  b.finger(at, true);
  l.frames(1);
  b.finger(at, false);
  l.frames(1);
  CHECK(l.tapped == std::vector<int>{2});
  CHECK(l.scroll() == 0);
}

TEST_CASE("scroll: a disabled list (under the inactivity prompt) does not move", "[ui]") {
  WidgetBench b(1280, 800);
  List l(b);
  l.disabled = true;
  l.frames(2);
  const ImVec2 at = test::centre_of(l.row(3));
  l.drag(at, ImVec2(at.x, at.y - 300));
  l.frames(10);
  CHECK(l.scroll() == 0);
  CHECK(l.tapped.empty());
}

TEST_CASE("scroll: arrows stay >= 64 px at every kiosk size", "[ui]") {
  struct Size {
    float w, h;
  };
  const Size s = GENERATE(Size{1024, 600}, Size{1280, 800}, Size{1920, 1080});
  INFO("display " << s.w << "x" << s.h);
  WidgetBench b(s.w, s.h);
  List l(b);
  l.frames(2);
  for (const char* id : {"people:up", "people:down"}) {
    const auto* t = ui::frame_record().find_target(id);
    REQUIRE(t != nullptr);
    CHECK(t->max.x - t->min.x >= 64);
    CHECK(t->max.y - t->min.y >= 64);
  }
  CHECK(ui::frame_record().min_target_px >= 64);
}

TEST_CASE("scroll: a wild flick glides calmly", "[ui]") {
  WidgetBench b(1280, 800);
  List l(b);
  l.frames(2);
  const ImVec2 at = test::centre_of(l.row(4));
  l.drag(at, ImVec2(at.x, at.y - 400), 2, 0);  // 200 px a frame: 12,000 px/s
  const float at_lift = l.scroll();
  l.frames(120);
  CHECK(l.scroll() - at_lift <= 520);
  CHECK(l.scroll() - at_lift > 100);
}

// A replay's screenshot of a list its arrow just sent on its way: taken once the list has come to
// rest, not part of the way there (coach-programme-taken-off came out at another place each run).
namespace {
struct ShotHost final : platform::ReplayHost {
  std::vector<std::string> shots;
  long long advanced = 0, waited_ms = 0;
  void scan(const std::string&) override {}
  void advance_clock(long long ms) override { advanced += ms; }
  void waited(long long ms) override { waited_ms += ms; }
  bool save_screenshot(const std::string& path, std::string&) override {
    shots.push_back(path);
    return true;
  }
  std::vector<std::string> spoken() const override { return {}; }
};
}  // namespace

TEST_CASE("scroll: a replay's screenshot waits until the list stops gliding", "[ui]") {
  const platform::ReplayParse parsed = platform::parse_replay("screenshot /tmp/rest.png\n");
  REQUIRE(parsed.error.empty());
  platform::Replay replay(parsed.steps);
  ShotHost host;
  ui::FrameRecord moving;
  moving.animating = true;
  replay.after_frame(moving, host, 1'000);
  replay.after_frame(moving, host, 2'000);
  CHECK(host.shots.empty());  // still gliding
  replay.after_frame(ui::FrameRecord{}, host, 2'016);
  CHECK(host.shots == std::vector<std::string>{"/tmp/rest.png"});
  CHECK(replay.finished());
  CHECK_FALSE(replay.failed());

  SECTION("a list that never stops: the screenshot anyway, after at most five seconds") {
    platform::Replay stuck(parsed.steps);
    ShotHost h2;
    stuck.after_frame(moving, h2, 0);
    stuck.after_frame(moving, h2, 4'999);
    CHECK(h2.shots.empty());
    stuck.after_frame(moving, h2, 5'000);
    CHECK(h2.shots.size() == 1);
  }
}

// A replay from --clock moves the app's clock by its steps only (KioskOptions::fixed_clock): the
// host hears of an "advance" at once and of a "wait" once its real time has passed.
TEST_CASE("replay: the host hears how far each advance and wait step moved time", "[ui]") {
  const platform::ReplayParse parsed = platform::parse_replay("advance 31s\nwait 500ms\n");
  REQUIRE(parsed.error.empty());
  platform::Replay replay(parsed.steps);
  ShotHost host;
  replay.after_frame(ui::FrameRecord{}, host, 1'000);
  CHECK(host.advanced == 31'000);
  for (long long at = 1'016; !replay.finished() && at < 3'000; at += 16) {
    replay.after_frame(ui::FrameRecord{}, host, at);
    if (at < 1'500) CHECK(host.waited_ms == 0);
  }
  CHECK(replay.finished());
  CHECK(host.waited_ms == 500);
}

// However many pages the screen's size makes the list, the step taps its down arrow until it
// cannot be tapped (at the end), then goes on; a screen without the arrow (a list that fits) too.
TEST_CASE("replay: scroll-to-end taps the list's down arrow until the list is at its end", "[ui]") {
  const platform::ReplayParse parsed = platform::parse_replay("scroll-to-end \"programme\"\n");
  REQUIRE(parsed.error.empty());
  ui::FrameRecord r;
  r.scrollers.push_back({"programme", ImVec2(0, 0), ImVec2(900, 600), 0, 1200});
  r.targets.push_back({"programme:down", "", ImVec2(1000, 500), ImVec2(1084, 584)});
  platform::Replay replay(parsed.steps);
  ShotHost host;
  int presses = 0;
  bool was_down = false;
  for (int frame = 0; frame < 200 && !replay.finished(); ++frame) {
    float x = 0, y = 0;
    bool down = false;
    replay.before_frame(x, y, down);
    if (down && !was_down) {
      ++presses;
      CHECK(x > 1000);
      CHECK(y > 500);
    }
    was_down = down;
    r.targets.back().enabled = presses < 3;  // the end after the third page
    replay.after_frame(r, host, frame * 16);
  }
  CHECK(presses == 3);
  CHECK(replay.finished());
  CHECK_FALSE(replay.failed());

  SECTION("a list that fits: no arrow, nothing to tap") {
    r.targets.clear();
    platform::Replay fits(parsed.steps);
    fits.after_frame(r, host, 0);
    CHECK(fits.finished());
    CHECK_FALSE(fits.failed());
  }
}
