// The layout rules every kiosk screen keeps, read from one frame's record (ui::FrameRecord):
// targets >= 64 px, on screen, apart from each other (the coach lock included); a list longer than
// its region with arrow buttons; texts inside
// their box, never cut with an ellipsis, never broken inside a word, never over another text;
// notices over the screen never over a target, a text or a row of a list. Each broken rule is one
// line of plain words, so a failing test says what to fix, where.
#pragma once
#include <imgui.h>

#include <algorithm>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "ui/widgets/widgets.hpp"

namespace meedoen::test {

constexpr float kMinTargetPx = 64.0f;

inline std::string describe(const ui::FrameRecord::Target& t) {
  std::ostringstream s;
  s << '"' << t.id << "\" (" << t.label << ") [" << t.min.x << "," << t.min.y << " - " << t.max.x << "," << t.max.y
    << "]" << (t.enabled ? "" : " disabled");
  return s.str();
}

inline std::string describe(const ui::FrameRecord::Drawn& d) {
  std::ostringstream s;
  s << "text \"" << d.given << "\" [" << d.min.x << "," << d.min.y << " - " << d.max.x << "," << d.max.y << "]";
  return s.str();
}

inline bool overlap(ImVec2 amin, ImVec2 amax, ImVec2 bmin, ImVec2 bmax, float slack_x = 0, float slack_y = 0) {
  return amin.x + slack_x < bmax.x && bmin.x + slack_x < amax.x && amin.y + slack_y < bmax.y &&
         bmin.y + slack_y < amax.y;
}

// The part of a text a person can see: in a scrolling list, what the list shows of it.
inline bool visible_part(const ui::FrameRecord::Drawn& d, ImVec2& min, ImVec2& max) {
  min = d.min;
  max = d.max;
  if (!d.in_list) return max.x > min.x && max.y > min.y;
  min.y = std::max(min.y, d.box_min.y);
  max.y = std::min(max.y, d.box_max.y);
  return max.x > min.x && max.y > min.y;
}

inline void target_problems(const ui::FrameRecord& r, ImVec2 display, std::vector<std::string>& out) {
  if (r.targets.empty()) out.push_back("no targets at all");
  std::set<std::string> ids;
  if (r.min_target_px < kMinTargetPx - 0.01f)
    out.push_back("a target under 64 px (whole, before any list clips it): " + std::to_string(r.min_target_px));
  for (const auto& t : r.targets) {
    // A target a scrolling list shows only in part (at its edge) is whole once scrolled to.
    if (!t.clipped && std::min(t.max.x - t.min.x, t.max.y - t.min.y) < kMinTargetPx - 0.01f)
      out.push_back("target under 64 px: " + describe(t));
    if (t.min.x < -0.5f || t.min.y < -0.5f || t.max.x > display.x + 0.5f || t.max.y > display.y + 0.5f)
      out.push_back("target off screen: " + describe(t));
    if (!ids.insert(t.id).second) out.push_back("two targets with one id: " + describe(t));
  }
  for (std::size_t i = 0; i < r.targets.size(); ++i)
    for (std::size_t j = i + 1; j < r.targets.size(); ++j) {
      const auto& a = r.targets[i];
      const auto& b = r.targets[j];
      if (a.enabled && b.enabled && overlap(a.min, a.max, b.min, b.max))
        out.push_back("targets overlap: " + describe(a) + " and " + describe(b));
    }
  for (const auto& n : r.notices)
    for (const auto& t : r.targets)
      if (t.enabled && overlap(n.min, n.max, t.min, t.max))
        out.push_back("notice \"" + n.message + "\" covers " + describe(t));
}

// A notice over the content it is about (the export's over the ladder chart) hides what the
// person looks at: it keeps every text of the screen in view too.
inline void notice_problems(const ui::FrameRecord& r, std::vector<std::string>& out) {
  for (const auto& n : r.notices)
    for (const auto& d : r.drawn) {
      ImVec2 min, max;
      if (d.given == n.message || !visible_part(d, min, max)) continue;
      if (overlap(n.min, n.max, min, max)) out.push_back("notice \"" + n.message + "\" covers " + describe(d));
    }
  // Over part of a list's row (an activity) a notice reads as part of that row.
  for (const auto& n : r.notices)
    for (const auto& row : r.rows)
      if (overlap(n.min, n.max, row.min, row.max)) out.push_back("notice \"" + n.message + "\" covers a row of a list");
}

inline void text_problems(const ui::FrameRecord& r, ImVec2 display, std::vector<std::string>& out) {
  constexpr float tol = 1.0f;
  for (const auto& d : r.drawn) {
    if (d.cut) {
      out.push_back("text cut with an ellipsis: \"" + d.given + "\"");
      continue;
    }
    if (d.broken_word) out.push_back("text broken inside a word: " + describe(d));
    if (d.wrap > 0 && d.max.x - d.min.x > d.wrap + tol) out.push_back("text wider than its wrap: " + describe(d));
    ImVec2 min, max;
    if (!visible_part(d, min, max)) continue;
    const bool out_x = min.x < d.box_min.x - tol || max.x > d.box_max.x + tol;
    const bool out_y = !d.in_list && (min.y < d.box_min.y - tol || max.y > d.box_max.y + tol);
    if (out_x || out_y) out.push_back("text leaves its box: " + describe(d));
    if (min.x < -tol || max.x > display.x + tol || (!d.in_list && (min.y < -tol || max.y > display.y + tol)))
      out.push_back("text off screen: " + describe(d));
  }
  // Two texts on top of each other ("Tot 29 mei 2027Marloes"): more than a sliver of both lines.
  for (std::size_t i = 0; i < r.drawn.size(); ++i)
    for (std::size_t j = i + 1; j < r.drawn.size(); ++j) {
      const auto& a = r.drawn[i];
      const auto& b = r.drawn[j];
      ImVec2 amin, amax, bmin, bmax;
      if (a.window != b.window || a.cut || b.cut || !visible_part(a, amin, amax) || !visible_part(b, bmin, bmax))
        continue;
      const float slack_y = 0.35f * std::min(a.line_h, b.line_h);
      if (overlap(amin, amax, bmin, bmax, 2.0f, slack_y))
        out.push_back("texts run into each other: " + describe(a) + " and " + describe(b));
    }
}

// Every broken rule of this frame, one line each.
// A list longer than its region scrolls with arrow buttons too, not only by dragging (issue 16:
// Today's 25 lines, the home screen's week and programme): not everyone can drag.
inline void list_problems(const ui::FrameRecord& r, std::vector<std::string>& out) {
  for (const auto& l : r.scrollers) {
    if (l.scroll_max <= 0.5f) continue;
    const ui::FrameRecord::Target* up = r.find_target(l.id + ":up");
    const ui::FrameRecord::Target* down = r.find_target(l.id + ":down");
    if (!up || !down) out.push_back("list \"" + l.id + "\" is longer than its region and has no arrow buttons");
    // One of them is disabled at either end, and the target rule skips disabled ones.
    else if (overlap(up->min, up->max, down->min, down->max))
      out.push_back("a list's arrows overlap: " + describe(*up) + " and " + describe(*down));
  }
}

inline std::vector<std::string> layout_problems(const ui::FrameRecord& r, ImVec2 display) {
  std::vector<std::string> out;
  target_problems(r, display, out);
  list_problems(r, out);
  text_problems(r, display, out);
  notice_problems(r, out);
  return out;
}

}  // namespace meedoen::test
