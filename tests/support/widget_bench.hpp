// A bench for one widget at a time: the headless ImGui context of ui_fixtures.hpp, a full-screen
// window like the kiosk's, and a finger that a test puts down, slides and lifts frame by frame.
#pragma once
#include <imgui.h>

#include <cfloat>
#include <string>

#include "support/ui_fixtures.hpp"
#include "ui/widgets/widgets.hpp"

namespace meedoen::test {

class WidgetBench {
 public:
  WidgetBench(float width, float height) : headless(width, height) {}

  const ui::Theme& theme() const { return headless.theme; }
  ImVec2 display() const { return headless.display(); }

  // One frame: draw() runs inside the full-screen window, as a screen does.
  template <class Draw>
  void frame(Draw&& draw) {
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    ui::frame_record().clear();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("##bench", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    draw();
    ImGui::End();
    ImGui::Render();
  }
  template <class Draw>
  void frames(int n, Draw&& draw) {
    for (int i = 0; i < n; ++i) frame(draw);
  }

  // The finger for the next frame.
  void finger(ImVec2 pos, bool down) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = pos;
    io.MouseDown[0] = down;
  }
  // Off the glass: a touchscreen has no pointer between touches.
  void lift_off() { finger(ImVec2(-FLT_MAX, -FLT_MAX), false); }

  // A finger arrives, presses, lifts on the same spot (three frames), as ui_fixtures' tap.
  template <class Draw>
  void tap(ImVec2 pos, Draw&& draw) {
    for (bool down : {false, true, false}) {
      finger(pos, down);
      frame(draw);
    }
    lift_off();
  }
  // Taps the centre of a recorded target (by label, else id); false when it is not on screen.
  template <class Draw>
  bool tap(const std::string& label_or_id, Draw&& draw) {
    const ui::FrameRecord::Target* t = ui::frame_record().find_target(label_or_id);
    if (!t) return false;
    tap(centre_of(*t), draw);
    return true;
  }

  // Presses at from, slides to to in equal steps (one a frame), rests still for rest frames,
  // then lifts there.
  template <class Draw>
  void drag(ImVec2 from, ImVec2 to, int steps, int rest, Draw&& draw) {
    finger(from, true);
    frame(draw);
    for (int i = 1; i <= steps; ++i) {
      const float k = static_cast<float>(i) / steps;
      finger(ImVec2(from.x + (to.x - from.x) * k, from.y + (to.y - from.y) * k), true);
      frame(draw);
    }
    for (int i = 0; i < rest; ++i) frame(draw);
    finger(to, false);
    frame(draw);
    lift_off();
  }

  Headless headless;
};

}  // namespace meedoen::test
