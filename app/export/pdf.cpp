// Laying a Document out on A4 pages with cairo's PDF surface. Laid out twice: the first pass
// only counts the pages, so every footer can say "page n of total".
#include "export/pdf.hpp"

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <cmath>

#include "core/overloaded.hpp"
#include "export/cairo_text.hpp"
#include "export/files.hpp"

namespace meedoen::exports {

// cairo's text calls want valid UTF-8; anything else becomes '?', so one bad byte in a name
// cannot stop the report.
std::string clean_utf8(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const int n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool ok = n > 0 && i + static_cast<std::size_t>(n) <= s.size();
    for (int k = 1; ok && k < n; ++k)
      ok = (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0xC0) == 0x80;
    if (!ok) {
      out.push_back('?');
      ++i;
      continue;
    }
    // Control characters (newlines in a name) would draw as boxes: a space reads better.
    if (n == 1 && c < 0x20) out.push_back(' ');
    else out.append(s, i, static_cast<std::size_t>(n));
    i += static_cast<std::size_t>(n);
  }
  return out;
}

namespace {

// [SECTION] Page geometry (points: 1/72 inch)
constexpr double kPageW = 595.28, kPageH = 841.89;  // A4
constexpr double kMargin = 48;
constexpr double kTop = kMargin + 26;              // below the running header
constexpr double kBottom = kPageH - kMargin - 18;  // above the footer
constexpr double kBody = 9.5, kSmall = 8, kHeading = 13, kTitle = 18;
constexpr double kRowH = 15;
constexpr double kChartH = 150;
constexpr Rgb kText{0.12, 0.14, 0.17}, kMuted{0.42, 0.45, 0.5}, kRule{0.8, 0.82, 0.85}, kBar{0.16, 0.42, 0.72},
    kStripe{0.95, 0.96, 0.97};

class Layout : CairoText {
 public:
  Layout(cairo_t* cr, const Document& d, int total) : CairoText(cr, kBody), m_doc(d), m_total(total) {}

  int run() {
    begin_page();
    cover();
    for (const auto& b : m_doc.blocks) {
      std::visit(core::Overloaded{[&](const Heading& h) { heading(h); }, [&](const Paragraph& p) { paragraph(p); },
                                  [&](const Table& t) { table(t); }, [&](const BarChart& c) { chart(c); }},
                 b);
    }
    end_page();
    return m_page;
  }

 private:
  // [SECTION] Text
  // Cut to a width with an ellipsis; a 10,000-character name is first cut to what could fit.
  std::string fit(const std::string& raw, double w) {
    std::string s = clean_utf8(raw);
    if (width_of(s) <= w) return s;
    // No letter is narrower than a quarter em: more bytes than that can never fit.
    const std::size_t guess = static_cast<std::size_t>(std::max(1.0, w / std::max(1.0, m_size * 0.25))) * 4;
    if (s.size() > guess) s.resize(guess);
    auto chop = [&] {
      s.pop_back();
      while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();
      if (!s.empty() && static_cast<unsigned char>(s.back()) >= 0xC0) s.pop_back();
    };
    while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) chop();  // a whole letter
    while (!s.empty() && width_of(s + "...") > w) chop();
    return s + "...";
  }
  void text_at(double x, double y, const std::string& s) {
    cairo_move_to(m_cr, x, y);
    cairo_show_text(m_cr, s.c_str());
  }
  // Word-wrapped text; returns the lines' height.
  double wrapped(double x, const std::string& raw, double w, double line_h) {
    const std::string s = clean_utf8(raw);
    std::string line;
    double h = 0;
    std::size_t i = 0;
    while (i <= s.size()) {
      const std::size_t sp = std::min(s.find(' ', i), s.size());
      const std::string word = s.substr(i, sp - i);
      const std::string trial = line.empty() ? word : line + " " + word;
      if (!line.empty() && width_of(trial) > w) {
        need(line_h);
        text_at(x, m_y + line_h * 0.75, fit(line, w));
        m_y += line_h;
        h += line_h;
        line = word;
      } else {
        line = trial;
      }
      i = sp + 1;
    }
    if (!line.empty()) {
      need(line_h);
      text_at(x, m_y + line_h * 0.75, fit(line, w));
      m_y += line_h;
      h += line_h;
    }
    return h;
  }

  // [SECTION] Pages
  void begin_page() {
    ++m_page;
    m_y = kTop;
    // Running header: centre and title left, date right, a rule under them.
    font(kSmall, false);
    color(kMuted);
    const std::string date = clean_utf8(m_doc.date);
    const double dw = width_of(date);
    text_at(kPageW - kMargin - dw, kMargin, date);
    text_at(kMargin, kMargin, fit(m_doc.centre + "  |  " + m_doc.title, kPageW - 2 * kMargin - dw - 12));
    rule(kMargin + 8);
  }
  void end_page() {
    font(kSmall, false);
    color(kMuted);
    std::string label = m_doc.page_label;
    auto put = [&](const std::string& key, int v) {
      if (auto p = label.find(key); p != std::string::npos) label.replace(p, key.size(), std::to_string(v));
    };
    put("{n}", m_page);
    put("{total}", std::max(m_total, m_page));
    label = clean_utf8(label);
    text_at((kPageW - width_of(label)) / 2, kPageH - kMargin + 4, label);
    text_at(kMargin, kPageH - kMargin + 4, fit(m_doc.sender, (kPageW - width_of(label)) / 2 - kMargin - 12));
    cairo_show_page(m_cr);
  }
  void need(double h) {
    if (m_y + h <= kBottom) return;
    end_page();
    begin_page();
  }
  void rule(double y) {
    color(kRule);
    cairo_set_line_width(m_cr, 0.6);
    cairo_move_to(m_cr, kMargin, y);
    cairo_line_to(m_cr, kPageW - kMargin, y);
    cairo_stroke(m_cr);
  }

  // [SECTION] Blocks
  void cover() {
    font(kTitle, true);
    color(kText);
    m_y += 6;
    wrapped(kMargin, m_doc.title, kPageW - 2 * kMargin, kTitle * 1.3);
    font(kBody, false);
    color(kMuted);
    wrapped(kMargin, m_doc.sender + "  |  " + m_doc.date, kPageW - 2 * kMargin, kBody * 1.5);
    m_y += 6;
    const double label_w = 150;
    for (const auto& [label, value] : m_doc.facts) {
      need(kRowH);
      font(kBody, true);
      color(kText);
      text_at(kMargin, m_y + kRowH * 0.7, fit(label, label_w - 8));
      font(kBody, false);
      text_at(kMargin + label_w, m_y + kRowH * 0.7, fit(value, kPageW - 2 * kMargin - label_w));
      m_y += kRowH;
    }
    m_y += 8;
  }

  void heading(const Heading& h) {
    need(kHeading * 1.6 + 3 * kRowH);  // never a heading alone at the foot of a page
    m_y += 8;
    font(kHeading, true);
    color(kText);
    wrapped(kMargin, h.text, kPageW - 2 * kMargin, kHeading * 1.5);
    m_y += 2;
  }

  void paragraph(const Paragraph& p) {
    font(kBody, false);
    color(kText);
    wrapped(kMargin, p.text, kPageW - 2 * kMargin, kBody * 1.45);
    m_y += 4;
  }

  void table(const Table& t) {
    const std::size_t n = t.columns.size();
    if (n == 0) return;
    const double avail = kPageW - 2 * kMargin;
    // Figures keep their width (and that of the longest word of their heading, which may wrap
    // onto two lines); text columns share what is left.
    std::vector<double> w(n, 0);
    auto numeric = [&](std::size_t i) { return i < t.numeric.size() && t.numeric[i]; };
    font(kBody, true);
    for (std::size_t i = 0; i < n; ++i) {
      const std::string head = clean_utf8(t.columns[i]);
      double word = 0;
      for (std::size_t a = 0; a <= head.size();) {
        const std::size_t b = std::min(head.find(' ', a), head.size());
        word = std::max(word, width_of(head.substr(a, b - a)));
        a = b + 1;
      }
      w[i] = (numeric(i) ? word : std::min(width_of(head), 120.0)) + 12;
    }
    font(kBody, false);
    for (const auto& r : t.rows)
      for (std::size_t i = 0; i < n && i < r.size(); ++i)
        w[i] = std::max(w[i], std::min(avail, width_of(clean_utf8(r[i].substr(0, 200))) + 12));
    double fixed = 0, text_total = 0;
    for (std::size_t i = 0; i < n; ++i) (numeric(i) ? fixed : text_total) += w[i];
    if (fixed + text_total > avail && text_total > 0) {
      const double scale = std::max(avail * 0.25, avail - fixed) / text_total;
      for (std::size_t i = 0; i < n; ++i)
        if (!numeric(i)) w[i] *= scale;
    }
    double sum = 0;
    for (double x : w) sum += x;
    if (sum > avail)
      for (double& x : w) x *= avail / sum;  // the last resort: everything narrower
    auto row = [&](const std::vector<std::string>& cells, bool bold, bool stripe) {
      if (stripe) {
        color(kStripe);
        cairo_rectangle(m_cr, kMargin, m_y, avail, kRowH);
        cairo_fill(m_cr);
      }
      font(kBody, bold);
      color(kText);
      double x = kMargin;
      for (std::size_t i = 0; i < n; ++i) {
        const std::string cell = i < cells.size() ? fit(cells[i], w[i] - 8) : "";
        const double tx = numeric(i) ? x + w[i] - 4 - width_of(cell) : x + 4;
        text_at(tx, m_y + kRowH * 0.7, cell);
        x += w[i];
      }
      m_y += kRowH;
    };
    // Column heads wrap onto a second line rather than lose their words.
    auto head = [&] {
      need(kRowH * 3);
      font(kBody, true);
      color(kText);
      std::vector<std::pair<std::string, std::string>> lines(n);
      bool two = false;
      for (std::size_t i = 0; i < n; ++i) {
        const std::string h = clean_utf8(t.columns[i]);
        const double cw = w[i] - 8;
        std::size_t cut = h.size();
        while (width_of(h.substr(0, cut)) > cw) {
          const std::size_t sp = h.rfind(' ', cut - 1);
          if (sp == std::string::npos || sp == 0) break;
          cut = sp;
        }
        lines[i] = {h.substr(0, cut), cut < h.size() ? h.substr(cut + 1) : ""};
        two = two || !lines[i].second.empty();
      }
      double x = kMargin;
      for (std::size_t i = 0; i < n; ++i) {
        int k = 0;
        for (const std::string* part : {&lines[i].first, &lines[i].second}) {
          const std::string cell = fit(*part, w[i] - 8);
          const double tx = numeric(i) ? x + w[i] - 4 - width_of(cell) : x + 4;
          text_at(tx, m_y + kRowH * (0.7 + k), cell);
          ++k;
        }
        x += w[i];
      }
      m_y += kRowH * (two ? 2 : 1);
      rule(m_y);
    };
    head();
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      if (m_y + kRowH > kBottom) {
        end_page();
        begin_page();
        head();  // the column heads again on the new page
      }
      const bool total_row = t.last_row_total && r + 1 == t.rows.size();
      if (total_row) rule(m_y);
      row(t.rows[r], total_row, !total_row && r % 2 == 1);
    }
    m_y += 10;
  }

  void chart(const BarChart& c) {
    need(kChartH + kHeading * 2);
    font(kBody, true);
    color(kText);
    wrapped(kMargin, c.title, kPageW - 2 * kMargin, kBody * 1.6);
    const std::size_t n = std::min(c.labels.size(), c.values.size());
    const double top = m_y + 14, base = m_y + kChartH - 18;
    const double avail = kPageW - 2 * kMargin;
    double max = 0;
    for (std::size_t i = 0; i < n; ++i) max = std::max(max, c.values[i]);
    rule(base);
    if (n > 0) {
      const double slot = avail / static_cast<double>(n);
      const double bar = std::min(48.0, slot * 0.6);
      for (std::size_t i = 0; i < n; ++i) {
        const double x = kMargin + slot * static_cast<double>(i) + (slot - bar) / 2;
        const double h = max > 0 ? (base - top) * c.values[i] / max : 0;
        color(kBar);
        cairo_rectangle(m_cr, x, base - h, bar, h);
        cairo_fill(m_cr);
        font(kSmall, false);
        color(kText);
        char buf[32];
        std::snprintf(buf, sizeof buf, c.values[i] == std::floor(c.values[i]) ? "%.0f" : "%.1f", c.values[i]);
        const std::string v = std::string(buf) + (c.unit.empty() ? "" : " " + c.unit);
        text_at(x + bar / 2 - width_of(v) / 2, base - h - 3, v);
        color(kMuted);
        const std::string label = fit(c.labels[i], slot - 2);
        text_at(x + bar / 2 - width_of(label) / 2, base + 11, label);
      }
    }
    m_y += kChartH + 6;
  }

  const Document& m_doc;
  int m_total;
  int m_page = 0;
  double m_y = 0;
};

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

cairo_status_t discard(void*, const unsigned char*, unsigned int) { return CAIRO_STATUS_SUCCESS; }

// Lays the document out on a PDF surface writing to fn; returns the page count.
int render(const Document& d, int total, cairo_write_func_t fn, void* closure) {
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(fn, closure, kPageW, kPageH);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, clean_utf8(d.title).c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, clean_utf8(d.sender).c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Meedoen");
  cairo_t* cr = cairo_create(surface);
  const int pages = Layout(cr, d, total).run();
  const cairo_status_t st = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t sst = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (st != CAIRO_STATUS_SUCCESS) throw ExportError(std::string("cannot draw the PDF: ") + cairo_status_to_string(st));
  if (sst != CAIRO_STATUS_SUCCESS)
    throw ExportError(std::string("cannot write the PDF: ") + cairo_status_to_string(sst));
  return pages;
}

}  // namespace

std::string to_pdf(const Document& d) {
  const int pages = render(d, 0, discard, nullptr);
  std::string out;
  render(d, pages, append, &out);
  return out;
}

}  // namespace meedoen::exports
