// The renderers' module's entry (export/render.hpp): the direct renderers behind the table.
#include "export/render.hpp"
#include "export/xlsx.hpp"
#include "version.hpp"

namespace meedoen::exports {
namespace {

const RenderTable kTable{
    {kRenderModule.abi, kVersion},
    [](const Document& d, std::string& out, std::string& error) {
      return modules::guarded(error, [&] { out = to_xlsx(d); });
    },
    [](const Document& d, PdfStats* stats, std::string& out, std::string& error) {
      return modules::guarded(error, [&] { out = to_pdf(d, stats); });
    },
    [](const CardSheet& sheet, std::string& out, std::string& error) {
      return modules::guarded(error, [&] { out = to_cards_pdf(sheet); });
    },
    [](const std::string& code, QrLayout& out, std::string& error) {
      return modules::guarded(error, [&] { out = card_qr_layout(code); });
    },
};

}  // namespace
}  // namespace meedoen::exports

MEEDOEN_MODULE_ENTRY const meedoen::modules::ModuleHead* meedoen_render_module() {
  return &meedoen::exports::kTable.head;
}
