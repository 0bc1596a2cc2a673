// The printable PDF of a Document (cairo): A4 portrait, Noto Sans through fontconfig, a header
// with centre, title, date and sender, tables that break across pages (repeating their column
// heads), bar charts, and "page n of total" at the foot of every page.
#pragma once
#include <string>

#include "export/document.hpp"

namespace meedoen::exports {

// The PDF file's bytes; throws ExportError when cairo fails.
std::string to_pdf(const Document& d);

}  // namespace meedoen::exports
