// Strings as drawn: shaping, reordering and line breaking for ImGui.
#include "ui/bidi/shown.hpp"

#include <cfloat>

#include "ui/bidi/bidi.hpp"

namespace meedoen::ui::bidi {

namespace {
bool g_mirrored = false;
}  // namespace

void set_mirrored(bool m) { g_mirrored = m; }
bool mirrored() { return g_mirrored; }

std::string shown(ImFont* f, const std::string& s, float wrap) {
  if (!g_mirrored && !has_rtl(s) && !has_controls(s)) return s;  // the common case: nothing to do
  // The text takes its first letter's direction (isolated values skipped): an Arabic sentence is
  // right to left, a name alone ("Jan V.") or a Dutch activity left to right, so its period and
  // the search field's caret stay at its end. Without letters it follows the frame ("09:42").
  const Direction dir = first_strong(s, g_mirrored ? Direction::Rtl : Direction::Ltr);
  const Measure measure = [f](std::string_view v) {
    return f->CalcTextSizeA(f->FontSize, FLT_MAX, 0.0f, v.data(), v.data() + v.size()).x;
  };
  std::string out;
  for (const std::string& line : break_lines(s, wrap > 0 ? wrap : FLT_MAX, dir, measure)) {
    if (!out.empty()) out += '\n';
    const std::string v = visual_line(line, dir);
    out += g_mirrored ? reverse_utf8(v) : v;
  }
  return out;
}

}  // namespace meedoen::ui::bidi
