// The text tools both of our PDFs draw with (the reports in pdf.cpp, the participant cards in
// cards.cpp): one font family (kPdfFont), sizes in points, colours as RGB, and one rule for text
// that must fit a box (fit_text): shrink, then wrap at spaces, then break a word between letters,
// and cut (with "...") only when even that cannot fit, counted so tests can hold that at zero.
// Internal to export/.
#pragma once
#include <cairo.h>

#include <functional>
#include <string>
#include <vector>

#include "export/pdf.hpp"

namespace meedoen::exports {

struct Rgb {
  double r, g, b;
};

// A text laid out for its box: the size it got and its lines; cut when the last line lost letters.
struct FittedText {
  double size = 0;
  std::vector<std::string> lines;
  bool cut = false;
};

class CairoText {
 public:
  CairoText(cairo_t* cr, double size) : m_cr(cr), m_size(size) {}

  void font(double size, bool bold);
  void color(Rgb c) { cairo_set_source_rgb(m_cr, c.r, c.g, c.b); }
  // How far s advances the pen, in points, at the current font.
  double width_of(const std::string& s);

  // s (clean UTF-8) in a box w points wide: the largest size from max_size down to min_size (in
  // steps of step) at which it takes at most max_lines(size) lines broken at spaces; at min_size a
  // word wider than w is broken between letters; only when that still takes too many lines is the
  // last line cut. Leaves the font at the size it returns (bold as asked).
  FittedText fit_text(const std::string& s, double w, double max_size, double min_size,
                      const std::function<int(double size)>& max_lines, bool bold, double step = 0.5);
  // Texts fit_text had to cut so far: reports never should (tests hold it at zero).
  int cuts() const { return m_cuts; }

 protected:
  // The lines of s within w at the current font, broken at spaces; words wider than w broken between
  // letters when break_words, else left whole on a line of their own. Stops after max_lines + 1 lines.
  std::vector<std::string> wrap(const std::string& s, double w, int max_lines, bool break_words);
  // s cut to w points with an ellipsis (it is known not to fit).
  std::string cut(std::string s, double w);

  cairo_t* m_cr;
  double m_size;
  bool m_bold = false;
  int m_cuts = 0;
};

}  // namespace meedoen::exports
