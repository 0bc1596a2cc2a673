// The thin half of each screen: reads a view model, draws it with ImGui, emits actions.
#pragma once
#include <imgui.h>

#include <vector>

#include "core/state.hpp"
#include "ui/theme.hpp"
#include "ui/view_models.hpp"

namespace meedoen::ui {

using Actions = std::vector<core::Action>;

// Draws the whole kiosk for one frame into a full-screen window of the given size.
void draw_frame(const FrameView& v, const Theme& t, ImVec2 display, Actions& out);

}  // namespace meedoen::ui
