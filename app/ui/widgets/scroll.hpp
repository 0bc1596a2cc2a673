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

#include "ui/theme.hpp"

struct ImGuiWindow;

namespace meedoen::ui {

struct ScrollSpec {
  const char* id;                         // the region's id; its arrows are "<id>:up" and "<id>:down"
  ImVec2 size;                            // the whole region, arrow column included
  ImU32 background = colors::background;  // what the edge fade blends into
  bool arrows = true;                     // false: a narrow region where only the fade shows there is more
};

// What end_drag_scroll needs from begin_drag_scroll.
struct ScrollRegion {
  const char* id;
  ImVec2 pos, size;
  float list_width;
  ImU32 background;
  bool arrows;
  ImGuiWindow* window;
};

// Side of the arrow buttons (>= 64 px) and the finger travel that turns a press into a drag.
float scroll_arrow_size(const Theme& t);
float drag_threshold(const Theme& t);

// Begins the scrolling child region at the cursor; the list is drawn between begin and end.
ScrollRegion begin_drag_scroll(const Theme& t, const ScrollSpec& spec);
void end_drag_scroll(const Theme& t, const ScrollRegion& region);

}  // namespace meedoen::ui
