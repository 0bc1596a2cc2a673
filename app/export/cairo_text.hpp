// The text tools both of our PDFs draw with (the reports in pdf.cpp, the participant cards in
// cards.cpp): one font family (kPdfFont), sizes in points, colours as RGB. Internal to export/.
#pragma once
#include <cairo.h>

#include <string>

#include "export/pdf.hpp"

namespace meedoen::exports {

struct Rgb {
  double r, g, b;
};

class CairoText {
 public:
  CairoText(cairo_t* cr, double size) : m_cr(cr), m_size(size) {}

  void font(double size, bool bold) {
    cairo_select_font_face(m_cr, kPdfFont, CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(m_cr, size);
    m_size = size;
  }
  void color(Rgb c) { cairo_set_source_rgb(m_cr, c.r, c.g, c.b); }
  // How far s advances the pen, in points, at the current font.
  double width_of(const std::string& s) {
    cairo_text_extents_t e;
    cairo_text_extents(m_cr, s.c_str(), &e);
    return e.x_advance;
  }

 protected:
  cairo_t* m_cr;
  double m_size;
};

}  // namespace meedoen::exports
