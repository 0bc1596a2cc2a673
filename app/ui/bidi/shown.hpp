// What ImGui is handed for a string: the kiosk's one place between a translated (logical) string
// and the glyphs drawn. Left-to-right text passes unchanged; Arabic is shaped and reordered
// (ui/bidi/bidi.hpp). In a mirrored frame (the participant's language is written right to left,
// ui/bidi/mirror.hpp turns the whole frame around) each line is broken here and turned around,
// so that the mirror shows it in reading order.
#pragma once
#include <imgui.h>

#include <string>

namespace meedoen::ui::bidi {

// This frame's layout: mirrored when the session's language is written right to left.
void set_mirrored(bool mirrored);
bool mirrored();

// The string to draw with font f for logical text s; wrap > 0 breaks it into lines of that width
// (then the result has '\n's and ImGui must not wrap it again).
std::string shown(ImFont* f, const std::string& s, float wrap = 0.0f);

}  // namespace meedoen::ui::bidi
