// A mirrored frame for right-to-left languages: the screens lay out left to right as always, and
// the finished frame is turned around at the vertical centre line (back on the right, rows aligned
// right, tiles in reading order from the right). Glyphs keep their shape (each glyph's own box is
// turned back), and the strings were prepared for it (ui/bidi/shown.hpp). Taps are turned around
// the same way before ImGui sees them, and the frame record (replays, layout tests) holds screen
// positions.
#pragma once
#include <imgui.h>

#include "ui/widgets/widgets.hpp"

namespace meedoen::ui::bidi {

// Turns ImGui's draw data of this frame around x = width / 2 (vertices and clip rectangles).
// The atlas must not bake lines (ImFontAtlasFlags_NoBakedLines): a textured vertex is a glyph.
void mirror_draw_data(ImDrawData& data, float width);
// The recorded targets and scrollers at their mirrored screen positions.
void mirror_record(FrameRecord& record, float width);
// A pointer x on the screen to the x the (unmirrored) layout has there.
inline float mirror_x(float x, float width) { return width - x; }

}  // namespace meedoen::ui::bidi
