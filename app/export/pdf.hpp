// The printable PDF of a Document (cairo): A4 portrait, Noto Sans through fontconfig, a header
// with centre, title, date and sender, tables that break across pages (repeating their column
// heads), bar charts, and "page n of total" at the foot of every page.
#pragma once
#include <string>

#include "export/document.hpp"

namespace meedoen::exports {

// Every PDF we write uses this family (fontconfig finds it; Debian's fonts-noto-core).
inline constexpr const char* kPdfFont = "Noto Sans";

// What laying a document out took: its pages, and the texts that did not fit their box even
// shrunk and wrapped and were cut with "..." (a report should have none: tests hold it at zero).
struct PdfStats {
  int pages = 0;
  int texts_cut = 0;
};

// The PDF file's bytes; throws ExportError when cairo fails. Every text fits its box: it wraps,
// and a word too wide for its cell shrinks (export/cairo_text.hpp, fit_text).
std::string to_pdf(const Document& d, PdfStats* stats = nullptr);

// The text as cairo's text calls want it: valid UTF-8 (a bad byte becomes '?', so one bad byte
// in a name cannot stop the document) and no control characters (a newline becomes a space).
// The renderers' own (the xlsx and both PDFs): not in the module's table (export/render.hpp).
std::string clean_utf8(const std::string& s);

}  // namespace meedoen::exports
