// Drag-to-scroll lists for a touchscreen. ImGui 1.86 scrolls with a wheel or a scroll bar; a
// finger needs the content itself to follow it. A press inside the region that moves further
// than a small threshold becomes a drag: it scrolls the list (with a short, calm glide after a
// flick) and no longer counts as a tap on the button it started on. A press that stays put is
// an ordinary tap. Big up/down arrow buttons beside the list and a fade at an edge where more
// follows are there for everyone who does not know the drag gesture.
//
//   const ScrollRegion r = begin_drag_scroll(t, {"activities", ImVec2(w, h)});
//   for (...) big_button(...);          // ordinary widgets, laid out top to bottom
//   end_drag_scroll(t, r);
#pragma once
#include <imgui.h>

#include <cfloat>

#include "ui/theme.hpp"

struct ImGuiWindow;

namespace meedoen::ui {

struct ScrollSpec {
  const char* id;                         // the region's id; its arrows are "<id>:up" and "<id>:down"
  ImVec2 size;                            // the whole region, arrow column included
  ImU32 background = colors::background;  // what the edge fade blends into
  float arrows_bottom = FLT_MAX;          // screen px the arrows stay above (the coach's lock below)
};
// Every region has its arrows (when its list is longer than it): not everyone can drag.

// What end_drag_scroll needs from begin_drag_scroll.
struct ScrollRegion {
  const char* id;
  ImVec2 pos, size;
  float arrows_h;  // the height the arrows share: the region's, or less above the lock
  float list_width;
  ImU32 background;
  ImGuiWindow* window;
};

// The arrow buttons of a region of that size: their side (>= 64 px), one above the other or, in
// a region too short for that, side by side; and the width of the column they take.
struct ArrowColumn {
  float side;
  bool beside;
  float width;
};
ArrowColumn arrow_column(const Theme& t, ImVec2 region);
// The finger travel that turns a press into a drag.
float drag_threshold(const Theme& t);

// Begins the scrolling child region at the cursor; the list is drawn between begin and end.
ScrollRegion begin_drag_scroll(const Theme& t, const ScrollSpec& spec);
void end_drag_scroll(const Theme& t, const ScrollRegion& region);

}  // namespace meedoen::ui
