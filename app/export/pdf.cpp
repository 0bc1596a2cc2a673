// Laying a Document out on A4 pages with cairo's PDF surface. Laid out twice: the first pass
// only counts the pages, so every footer can say "page n of total".
#include "export/pdf.hpp"

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <functional>

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
constexpr double kBody = 9.5, kSmall = 8, kHeading = 13, kTitle = 18, kTiny = 6;
constexpr double kLineH = kBody * 1.35;  // a wrapped cell's next line
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
  int texts_cut() const { return cuts(); }

 private:
  // [SECTION] Text: every text through fit_text (cairo_text.hpp): shrink, wrap, never cut in a report
  static constexpr int kManyLines = 100'000;
  void text_at(double x, double y, const std::string& s) {
    cairo_move_to(m_cr, x, y);
    cairo_show_text(m_cr, s.c_str());
  }
  // Word-wrapped text over as many lines (and pages) as it needs; a word wider than the line
  // shrinks it (to 70 %), and only then breaks between letters. Returns the lines' height.
  double wrapped(double x, const std::string& raw, double w, double size, bool bold, double line_h) {
    const FittedText f = fit_text(
        clean_utf8(raw), w, size, size * 0.7, [](double) { return kManyLines; }, bold);
    for (const auto& l : f.lines) {
      need(line_h);
      font(f.size, bold);
      text_at(x, m_y + line_h * 0.75, l);
      m_y += line_h;
    }
    return line_h * static_cast<double>(f.lines.size());
  }
  // One line in w points at size, smaller if it must (down to kTiny).
  std::string one_line(const std::string& raw, double w, double size, bool bold) {
    const FittedText f = fit_text(
        clean_utf8(raw), w, size, std::min(size, kTiny), [](double) { return 1; }, bold);
    return f.lines.empty() ? "" : f.lines.front();
  }
  // A table cell or label: the body size, wrapped onto as many lines as it needs; a word wider than
  // the cell shrinks it (a figure stays on one line and shrinks).
  FittedText cell_text(const std::string& raw, double w, double size, bool bold, bool one) {
    return fit_text(
        clean_utf8(raw), w, size, kTiny, [one](double) { return one ? 1 : kManyLines; }, bold);
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
    text_at(kMargin, kMargin,
            one_line(m_doc.centre + "  |  " + m_doc.title, kPageW - 2 * kMargin - dw - 12, kSmall, false));
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
    const double lw = width_of(label);
    text_at((kPageW - lw) / 2, kPageH - kMargin + 4, label);
    text_at(kMargin, kPageH - kMargin + 4, one_line(m_doc.sender, (kPageW - lw) / 2 - kMargin - 12, kSmall, false));
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
    color(kText);
    m_y += 6;
    wrapped(kMargin, m_doc.title, kPageW - 2 * kMargin, kTitle, true, kTitle * 1.3);
    color(kMuted);
    wrapped(kMargin, m_doc.sender + "  |  " + m_doc.date, kPageW - 2 * kMargin, kBody, false, kBody * 1.5);
    m_y += 6;
    const double label_w = 150;
    color(kText);
    for (const auto& [label, value] : m_doc.facts)
      cells_row({label, value}, {label_w, kPageW - 2 * kMargin - label_w}, {false, false}, {true, false}, false);
    m_y += 8;
  }

  void heading(const Heading& h) {
    need(kHeading * 1.6 + 3 * kRowH);  // never a heading alone at the foot of a page
    m_y += 8;
    color(kText);
    wrapped(kMargin, h.text, kPageW - 2 * kMargin, kHeading, true, kHeading * 1.5);
    m_y += 2;
  }

  void paragraph(const Paragraph& p) {
    color(kText);
    wrapped(kMargin, p.text, kPageW - 2 * kMargin, kBody, false, kBody * 1.45);
    m_y += 4;
  }

  // One row of cells side by side, each wrapped in its width (figures right-aligned on one line,
  // but a column's head wraps too), as high as its tallest cell; a new page first when it does
  // not fit on this one (then head()).
  void cells_row(const std::vector<std::string>& cells, const std::vector<double>& w, const std::vector<bool>& numeric,
                 const std::vector<bool>& bold, bool stripe, const std::function<void()>& head = {},
                 bool heads = false) {
    std::vector<FittedText> fitted(w.size());
    double h = kRowH;
    for (std::size_t i = 0; i < w.size(); ++i) {
      fitted[i] = cell_text(i < cells.size() ? cells[i] : "", w[i] - 8, kBody, bold[i], numeric[i] && !heads);
      h = std::max(h, kRowH + kLineH * static_cast<double>(std::max<std::size_t>(fitted[i].lines.size(), 1) - 1));
    }
    if (m_y + h > kBottom) {
      end_page();
      begin_page();
      if (head) head();
    }
    double total = 0;
    for (double x : w) total += x;
    if (stripe) {
      color(kStripe);
      cairo_rectangle(m_cr, kMargin, m_y, total, h);
      cairo_fill(m_cr);
    }
    color(kText);
    double x = kMargin;
    for (std::size_t i = 0; i < w.size(); ++i) {
      font(fitted[i].size, bold[i]);
      double y = m_y + kRowH * 0.7;
      for (const auto& l : fitted[i].lines) {
        text_at(numeric[i] ? x + w[i] - 4 - width_of(l) : x + 4, y, l);
        y += kLineH;
      }
      x += w[i];
    }
    m_y += h;
  }

  // Column widths: figures keep their width (and that of the longest word of their heading, which
  // may wrap); text columns share what is left, their longest words kept whole where there is room.
  std::vector<double> column_widths(const Table& t, const std::vector<bool>& numeric) {
    const std::size_t n = t.columns.size();
    const double avail = kPageW - 2 * kMargin;
    auto longest_word = [&](const std::string& raw) {
      const std::string s = clean_utf8(raw.substr(0, 200));
      double word = 0;
      for (std::size_t a = 0; a <= s.size();) {
        const std::size_t b = std::min(s.find(' ', a), s.size());
        word = std::max(word, width_of(s.substr(a, b - a)));
        a = b + 1;
      }
      return word;
    };
    std::vector<double> w(n, 0), word(n, 0);
    font(kBody, true);
    for (std::size_t i = 0; i < n; ++i) {
      word[i] = longest_word(t.columns[i]) + 12;
      w[i] = (numeric[i] ? word[i] : std::min(width_of(clean_utf8(t.columns[i])) + 12, 120.0));
    }
    font(kBody, false);
    for (const auto& r : t.rows)
      for (std::size_t i = 0; i < n && i < r.size(); ++i) {
        w[i] = std::max(w[i], std::min(avail, width_of(clean_utf8(r[i].text.substr(0, 200))) + 12));
        word[i] = std::max(word[i], std::min(avail, longest_word(r[i].text) + 12));
      }
    double fixed = 0, text_total = 0, text_words = 0;
    for (std::size_t i = 0; i < n; ++i) {
      (numeric[i] ? fixed : text_total) += w[i];
      if (!numeric[i]) text_words += word[i];
    }
    if (fixed + text_total > avail && text_total > 0) {
      // Shrink the text columns towards their longest words first, and below that only if must.
      const double room = std::max(avail * 0.25, avail - fixed);
      const double slack = text_total - text_words;
      for (std::size_t i = 0; i < n; ++i) {
        if (numeric[i]) continue;
        if (room >= text_words && slack > 0) w[i] = word[i] + (w[i] - word[i]) * (room - text_words) / slack;
        else w[i] *= room / text_total;
      }
    }
    double sum = 0;
    for (double x : w) sum += x;
    if (sum > avail)
      for (double& x : w) x *= avail / sum;  // the last resort: everything narrower
    return w;
  }

  void table(const Table& t) {
    const std::size_t n = t.columns.size();
    if (n == 0) return;
    std::vector<bool> numeric(n, false);
    for (std::size_t i = 0; i < n && i < t.numeric.size(); ++i) numeric[i] = t.numeric[i];
    const std::vector<double> w = column_widths(t, numeric);
    const std::vector<bool> all_bold(n, true), plain(n, false);
    // Column heads wrap onto more lines rather than lose their words, again on every new page.
    std::function<void()> head = [&] {
      need(kRowH * 3);
      cells_row(t.columns, w, numeric, all_bold, false, {}, true);
      rule(m_y);
    };
    head();
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      const bool total_row = t.last_row_total && r + 1 == t.rows.size();
      std::vector<std::string> cells;
      for (const auto& c : t.rows[r]) cells.push_back(c.text);
      if (total_row) rule(m_y);
      cells_row(cells, w, numeric, total_row ? all_bold : plain, !total_row && r % 2 == 1, head);
    }
    m_y += 10;
  }

  void chart(const BarChart& c) {
    need(kChartH + kHeading * 2);
    color(kText);
    wrapped(kMargin, c.title, kPageW - 2 * kMargin, kBody, true, kBody * 1.6);
    const std::size_t n = std::min(c.labels.size(), c.values.size());
    const double top = m_y + 14, base = m_y + kChartH - 18;
    const double avail = kPageW - 2 * kMargin;
    double max = 0;
    for (std::size_t i = 0; i < n; ++i) max = std::max(max, static_cast<double>(c.values[i]));
    rule(base);
    if (n > 0) {
      const double slot = avail / static_cast<double>(n);
      const double bar = std::min(48.0, slot * 0.6);
      for (std::size_t i = 0; i < n; ++i) {
        const double x = kMargin + slot * static_cast<double>(i) + (slot - bar) / 2;
        const double h = max > 0 ? (base - top) * static_cast<double>(c.values[i]) / max : 0;
        color(kBar);
        cairo_rectangle(m_cr, x, base - h, bar, h);
        cairo_fill(m_cr);
        // The value as the table writes it: a count, or a duration in h:mm.
        color(kText);
        const std::string v =
            one_line(c.kind == CellKind::Minutes ? Cell::hhmm(c.values[i]) : std::to_string(c.values[i]), slot - 2,
                     kSmall, false);
        text_at(x + bar / 2 - width_of(v) / 2, base - h - 3, v);
        color(kMuted);
        const FittedText label = fit_text(
            clean_utf8(c.labels[i]), slot - 2, kSmall, kTiny, [](double) { return 2; }, false);
        double ly = base + 11;
        for (const auto& l : label.lines) {
          text_at(x + bar / 2 - width_of(l) / 2, ly, l);
          ly += kSmall * 1.2;
        }
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
int render(const Document& d, int total, cairo_write_func_t fn, void* closure, PdfStats* stats = nullptr) {
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(fn, closure, kPageW, kPageH);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, clean_utf8(d.title).c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, clean_utf8(d.sender).c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Meedoen");
  cairo_t* cr = cairo_create(surface);
  Layout layout(cr, d, total);
  const int pages = layout.run();
  if (stats) *stats = {pages, layout.texts_cut()};
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

std::string to_pdf(const Document& d, PdfStats* stats) {
  const int pages = render(d, 0, discard, nullptr);
  std::string out;
  render(d, pages, append, &out, stats);
  return out;
}

}  // namespace meedoen::exports
