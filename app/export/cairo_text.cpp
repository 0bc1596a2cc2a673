// Measuring, wrapping, shrinking and (as the last resort) cutting text with cairo.
#include "export/cairo_text.hpp"

#include <algorithm>

namespace meedoen::exports {

namespace {

std::size_t letter_size(const std::string& s, std::size_t i) {
  std::size_t n = 1;
  while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80) ++n;
  return n;
}

std::size_t last_letter_size(const std::string& s) {
  std::size_t n = 1;
  while (n < s.size() && (static_cast<unsigned char>(s[s.size() - n]) & 0xC0) == 0x80) ++n;
  return std::min(n, s.size());
}

}  // namespace

void CairoText::font(double size, bool bold) {
  cairo_select_font_face(m_cr, kPdfFont, CAIRO_FONT_SLANT_NORMAL,
                         bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(m_cr, size);
  m_size = size;
  m_bold = bold;
}

double CairoText::width_of(const std::string& s) {
  cairo_text_extents_t e;
  cairo_text_extents(m_cr, s.c_str(), &e);
  return e.x_advance;
}

std::vector<std::string> CairoText::wrap(const std::string& s, double w, int max_lines, bool break_words) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t i = 0;
  while (i < s.size() && static_cast<int>(lines.size()) <= max_lines) {
    const std::size_t sp = std::min(s.find(' ', i), s.size());
    const std::string word = s.substr(i, sp - i);
    i = sp + 1;
    if (word.empty()) continue;
    const std::string trial = line.empty() ? word : line + " " + word;
    if (width_of(trial) <= w) {
      line = trial;
      continue;
    }
    if (!line.empty()) lines.push_back(line);
    line.clear();
    if (!break_words || width_of(word) <= w) {
      line = word;
      continue;
    }
    for (std::size_t a = 0; a < word.size();) {  // letter by letter while it is too wide
      const std::size_t n = letter_size(word, a);
      if (!line.empty() && width_of(line + word.substr(a, n)) > w) {
        lines.push_back(line);
        line.clear();
        if (static_cast<int>(lines.size()) > max_lines) break;
      }
      line += word.substr(a, n);
      a += n;
    }
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

std::string CairoText::cut(std::string s, double w) {
  ++m_cuts;
  while (!s.empty() && width_of(s + "...") > w) s.resize(s.size() - last_letter_size(s));
  return s + "...";
}

FittedText CairoText::fit_text(const std::string& raw, double w, double max_size, double min_size,
                               const std::function<int(double size)>& max_lines, bool bold, double step) {
  FittedText f;
  for (double size = max_size;; size = std::max(min_size, size - step)) {
    font(size, bold);
    const int most = std::max(1, max_lines(size));
    // No letter is narrower than a quarter em: more bytes than this can never fit (a 10,000-letter name).
    std::string s = raw;
    const std::size_t limit = static_cast<std::size_t>(w / (size * 0.25) + 1) * 4 * static_cast<std::size_t>(most);
    const bool too_long = s.size() > limit;
    if (too_long) {
      s.resize(limit);
      s.resize(s.size() - last_letter_size(s));  // the last letter may be incomplete: drop it whole
    }
    const bool smallest = size <= min_size;
    f = {size, wrap(s, w, most, smallest), false};
    bool fits = static_cast<int>(f.lines.size()) <= most && !too_long;
    for (const auto& l : f.lines) fits = fits && width_of(l) <= w;
    if (fits) return f;
    if (smallest) {
      f.lines.resize(static_cast<std::size_t>(std::min<int>(most, static_cast<int>(f.lines.size()))));
      if (!f.lines.empty()) f.lines.back() = cut(f.lines.back(), w);
      f.cut = true;
      return f;
    }
  }
}

}  // namespace meedoen::exports
