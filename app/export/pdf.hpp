// The printable PDF of a Document (cairo): A4 portrait, Noto Sans through fontconfig, a header
// with centre, title, date and sender, tables that break across pages (repeating their column
// heads), bar charts, and "page n of total" at the foot of every page.
#pragma once
#include <string>

#include "export/document.hpp"

namespace meedoen::exports {

// Every PDF we write uses this family (fontconfig finds it; Debian's fonts-noto-core).
inline constexpr const char* kPdfFont = "Noto Sans";

// The PDF file's bytes; throws ExportError when cairo fails.
std::string to_pdf(const Document& d);

// The text as cairo's text calls want it: valid UTF-8 (a bad byte becomes '?', so one bad byte
// in a name cannot stop the document) and no control characters (a newline becomes a space).
std::string clean_utf8(const std::string& s);

}  // namespace meedoen::exports
