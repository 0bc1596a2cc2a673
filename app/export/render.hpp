// The renderers' module (meedoen-render.so): the functions that call cairo, libxlsxwriter and
// libqrencode (export/xlsx.hpp, pdf.hpp, cards.hpp), behind one table. The welcome screen never
// needs them, so meedoen-kiosk loads them on first use (modules/loader.hpp); meedoen-server and the
// tests link them directly. Their declarations stay in those headers: this is only the table.
#pragma once
#include <string>

#include "export/cards.hpp"
#include "export/document.hpp"
#include "export/pdf.hpp"
#include "modules/loader.hpp"

namespace meedoen::exports {

// Each returns false with the error text (an ExportError's) instead of throwing.
struct RenderTable {
  modules::ModuleHead head;
  bool (*to_xlsx)(const Document& d, std::string& out, std::string& error);
  bool (*to_pdf)(const Document& d, PdfStats* stats, std::string& out, std::string& error);
  bool (*to_cards_pdf)(const CardSheet& sheet, std::string& out, std::string& error);
  bool (*card_qr_layout)(const std::string& code, QrLayout& out, std::string& error);
};

// Bump the last number when RenderTable or a type it passes (Document, CardSheet, ...) changes.
inline constexpr modules::ModuleSpec kRenderModule{"meedoen-render.so", "meedoen_render_module", 1};

}  // namespace meedoen::exports
