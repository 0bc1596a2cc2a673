// The Excel workbook of a Document (libxlsxwriter, Debian libxlsxwriter-dev): the same rows as the
// CSV (export/sheet), but typed, so a spreadsheet sums them without an import dialog: counts are
// numbers, durations Excel time values shown as [h]:mm (so 80:15 + 30:00 sums to 110:15, past 24
// hours), dates real dates in the reader's own short date format; headings, column heads and
// totals bold. Locale-free: Excel shows the separators of the PC that opens it.
#pragma once
#include <string>

#include "export/document.hpp"

namespace meedoen::exports {

// The .xlsx file's bytes; throws ExportError when libxlsxwriter fails (a full temp disk).
std::string to_xlsx(const Document& d);

}  // namespace meedoen::exports
