// Laying participant cards out on A4 with cairo, the QR codes from libqrencode. The symbol is
// drawn as vector squares (one path, so neighbouring modules print without seams) with its quiet
// zone kept free of text; long names shrink, then wrap, and are only cut when even that fails.
#include "export/cards.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <qrencode.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>

#include "export/cairo_text.hpp"
#include "export/files.hpp"
#include "export/pdf.hpp"

namespace meedoen::exports {

namespace {

// [SECTION] Geometry (millimetres; cairo draws in points)
constexpr double kPt = 72.0 / 25.4;
constexpr double kGridX = kGridLeftMm, kGridY = kGridTopMm;
constexpr int kPerPage = kCardColumns * kCardRows;
// At 36 mm a short code (21 modules + 8 quiet) prints at 1.24 mm a module: a cheap webcam reads
// that from 30 cm; the longest code the kiosk takes (64 bytes) still gets 0.7 mm.
constexpr double kQrBox = kQrBoxMm, kQrEdge = kQrEdgeMm;
constexpr double kPad = 5;                                        // text from the card's edge
constexpr double kTextRight = kCardWidthMm - kQrEdge - kQrBox;    // the quiet zone starts here
constexpr double kCutMark = 6, kCutGap = 1.5, kCross = 1.5;       // cut marks: length, gap, arm
constexpr double kCentreSize = 7.5, kNameMax = 20, kNameMin = 9;  // font sizes, points
constexpr double kLineH = 1.2;                                    // line height, in font sizes
constexpr int kMaxNameLines = 4;

constexpr Rgb kText{0.12, 0.14, 0.17}, kMuted{0.42, 0.45, 0.5}, kMark{0.72, 0.74, 0.77};

// [SECTION] QR codes
struct QrFree {
  void operator()(QRcode* q) const { QRcode_free(q); }
};
using Qr = std::unique_ptr<QRcode, QrFree>;

// Level Q restores a quarter of the symbol: a card lives in a pocket for a year.
Qr encode(const std::string& code) {
  if (const std::string why = card_code_problem(code); !why.empty()) throw ExportError(why);
  Qr q(QRcode_encodeString(code.c_str(), 0, QR_ECLEVEL_Q, QR_MODE_8, 1));
  if (!q) throw ExportError(std::string("cannot make the QR code: ") + std::strerror(errno));
  return q;
}

double module_mm(const QRcode& q) { return kQrBox / (q.width + 2 * kQuietModules); }

// [SECTION] Text
class Ink : public CairoText {
 public:
  explicit Ink(cairo_t* cr) : CairoText(cr, kNameMax) {}

  void text_at(double x_mm, double baseline_mm, const std::string& s) {
    cairo_move_to(m_cr, x_mm * kPt, baseline_mm * kPt);
    cairo_show_text(m_cr, s.c_str());
  }
};

// A name as it goes on the card (CairoText::fit_text): the largest size at which it fits on at most
// kMaxNameLines lines, one line only at the larger sizes (a short name should stay big and whole);
// at the smallest size, the lines that fit with the last one cut.
FittedText fit_name(Ink& ink, const std::string& raw, double w_pt, double h_pt) {
  return ink.fit_text(
      raw, w_pt, kNameMax, kNameMin,
      [&](double size) {
        return size > 14 ? 1 : std::clamp(static_cast<int>(h_pt / (size * kLineH)), 1, kMaxNameLines);
      },
      true, 1);
}

// [SECTION] The sheet
class Sheet {
 public:
  Sheet(cairo_t* cr, const CardSheet& s) : m_cr(cr), m_ink(cr), m_sheet(s) {}

  void run() {
    const std::size_t n = m_sheet.cards.size();
    for (std::size_t first = 0; first < n; first += kPerPage) {
      const std::size_t on_page = std::min<std::size_t>(kPerPage, n - first);
      cut_marks(on_page);
      for (std::size_t i = 0; i < on_page; ++i) {
        const int col = static_cast<int>(i) % kCardColumns, row = static_cast<int>(i) / kCardColumns;
        card(m_sheet.cards[first + i], kGridX + col * kCardWidthMm, kGridY + row * kCardHeightMm, first + i);
      }
      cairo_show_page(m_cr);
    }
  }

 private:
  void line(double x1, double y1, double x2, double y2) {
    cairo_move_to(m_cr, x1 * kPt, y1 * kPt);
    cairo_line_to(m_cr, x2 * kPt, y2 * kPt);
  }

  // Light marks in the margins where each cut goes, and small crosses where cuts meet inside the
  // grid; no outline round a card, which would show wherever the scissors stray.
  void cut_marks(std::size_t on_page) {
    const int cols = static_cast<int>(std::min<std::size_t>(on_page, kCardColumns));
    const int rows = static_cast<int>((on_page + kCardColumns - 1) / kCardColumns);
    const double right = kGridX + cols * kCardWidthMm, bottom = kGridY + rows * kCardHeightMm;
    for (int c = 0; c <= cols; ++c) {
      const double x = kGridX + c * kCardWidthMm;
      line(x, kGridY - kCutGap, x, kGridY - kCutGap - kCutMark);
      line(x, bottom + kCutGap, x, bottom + kCutGap + kCutMark);
    }
    for (int r = 0; r <= rows; ++r) {
      const double y = kGridY + r * kCardHeightMm;
      line(kGridX - kCutGap, y, kGridX - kCutGap - kCutMark, y);
      line(right + kCutGap, y, right + kCutGap + kCutMark, y);
    }
    for (int c = 1; c < cols; ++c)
      for (int r = 1; r < rows; ++r) {
        const double x = kGridX + c * kCardWidthMm, y = kGridY + r * kCardHeightMm;
        line(x - kCross, y, x + kCross, y);
        line(x, y - kCross, x, y + kCross);
      }
    cairo_set_source_rgb(m_cr, kMark.r, kMark.g, kMark.b);
    cairo_set_line_width(m_cr, 0.3);
    cairo_stroke(m_cr);
  }

  void card(const Card& c, double x, double y, std::size_t index) {
    Qr q;
    try {
      q = encode(c.card_code);
    } catch (const ExportError& e) {
      throw ExportError("card " + std::to_string(index + 1) + ": " + e.what());
    }
    qr(*q, x + kCardWidthMm - kQrEdge - kQrBox, y + (kCardHeightMm - kQrBox) / 2);
    const double text_w = (kTextRight - kPad) * kPt;
    // The centre's name at the top, at most two lines.
    m_ink.color(kMuted);
    const FittedText centre = m_ink.fit_text(
        clean_utf8(m_sheet.centre), text_w, kCentreSize, kCentreSize, [](double) { return 2; }, false);
    double top = y + kPad;
    for (const auto& l : centre.lines) {
      m_ink.text_at(x + kPad, top + kCentreSize * 0.95 / kPt, l);
      top += kCentreSize * kLineH / kPt;
    }
    // The first name, centred in the height that is left.
    top += 2;
    const double h = y + kCardHeightMm - kPad - top;
    const FittedText b = fit_name(m_ink, clean_utf8(c.first_name), text_w, h * kPt);
    m_ink.font(b.size, true);
    m_ink.color(kText);
    const double line_h = b.size * kLineH / kPt;
    double base = top + (h - line_h * static_cast<double>(b.lines.size())) / 2 + b.size * 0.95 / kPt;
    for (const auto& l : b.lines) {
      m_ink.text_at(x + kPad, base, l);
      base += line_h;
    }
  }

  // The dark modules as one path of squares, runs along a row joined.
  void qr(const QRcode& q, double x, double y) {
    const double m = module_mm(q);
    const double ox = x + kQuietModules * m, oy = y + kQuietModules * m;
    for (int r = 0; r < q.width; ++r) {
      for (int c = 0; c < q.width;) {
        if (!(q.data[r * q.width + c] & 1)) {
          ++c;
          continue;
        }
        int end = c;
        while (end < q.width && (q.data[r * q.width + end] & 1)) ++end;
        cairo_rectangle(m_cr, (ox + c * m) * kPt, (oy + r * m) * kPt, (end - c) * m * kPt, m * kPt);
        c = end;
      }
    }
    cairo_set_source_rgb(m_cr, 0, 0, 0);
    cairo_fill(m_cr);
  }

  cairo_t* m_cr;
  Ink m_ink;
  const CardSheet& m_sheet;
};

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

QrLayout card_qr_layout(const std::string& code) {
  const Qr q = encode(code);
  return {q->width, module_mm(*q)};
}

std::string to_cards_pdf(const CardSheet& sheet) {
  if (sheet.cards.empty()) throw ExportError("no cards to print");
  std::string out;
  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(append, &out, kSheetWidthMm * kPt, kSheetHeightMm * kPt);
  // The metadata names the centre only: a file name or a title must not say who is on the cards.
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, clean_utf8(sheet.centre).c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Meedoen");
  cairo_t* cr = cairo_create(surface);
  std::string error;
  try {
    Sheet(cr, sheet).run();
  } catch (const ExportError& e) {
    error = e.what();
  }
  const cairo_status_t st = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t sst = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (!error.empty()) throw ExportError(error);
  if (st != CAIRO_STATUS_SUCCESS)
    throw ExportError(std::string("cannot draw the cards: ") + cairo_status_to_string(st));
  if (sst != CAIRO_STATUS_SUCCESS)
    throw ExportError(std::string("cannot write the cards: ") + cairo_status_to_string(sst));
  return out;
}

}  // namespace meedoen::exports
