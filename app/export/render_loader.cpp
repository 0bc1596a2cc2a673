// meedoen-kiosk's renderers: the same functions as export/xlsx.cpp, pdf.cpp and cards.cpp, through
// the module loaded on first use (export/render.hpp). A kiosk without the module says so in the
// export's error and goes on: the coach sees "not available", nothing was written.
#include "export/files.hpp"
#include "export/render.hpp"
#include "export/xlsx.hpp"

namespace meedoen::exports {

namespace {

const RenderTable& renderers() {
  std::string error;
  const auto* t = modules::load_table<RenderTable>(kRenderModule, &error);
  if (!t) throw ExportError("exports are not available on this kiosk: " + error);
  return *t;
}

template <class Out, class Call>
Out call(Call&& f) {
  Out out{};
  std::string error;
  if (!f(renderers(), out, error)) throw ExportError(error);
  return out;
}

}  // namespace

std::string to_xlsx(const Document& d) {
  return call<std::string>(
      [&](const RenderTable& t, std::string& out, std::string& e) { return t.to_xlsx(d, out, e); });
}

std::string to_pdf(const Document& d, PdfStats* stats) {
  return call<std::string>(
      [&](const RenderTable& t, std::string& out, std::string& e) { return t.to_pdf(d, stats, out, e); });
}

std::string to_cards_pdf(const CardSheet& sheet) {
  return call<std::string>(
      [&](const RenderTable& t, std::string& out, std::string& e) { return t.to_cards_pdf(sheet, out, e); });
}

QrLayout card_qr_layout(const std::string& code) {
  return call<QrLayout>(
      [&](const RenderTable& t, QrLayout& out, std::string& e) { return t.card_qr_layout(code, out, e); });
}

}  // namespace meedoen::exports
