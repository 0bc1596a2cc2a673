// Whether a card code can go on a card (export/cards.hpp): no cairo, no libqrencode, so the kiosk
// checks a code before it loads the renderers' module.
#include "export/cards.hpp"

namespace meedoen::exports {

std::string card_code_problem(std::string_view code) {
  if (code.empty()) return "no card code (the card code comes from the roster)";
  if (code.size() > kMaxCardCode)
    return "the card code is " + std::to_string(code.size()) + " characters long; the kiosk reads at most " +
           std::to_string(kMaxCardCode);
  for (const char ch : code) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c >= 0x7F)
      return "the card code has a character a card scanner cannot type (only letters A-Z, a-z, digits and "
             "punctuation, no spaces)";
  }
  return "";
}

}  // namespace meedoen::exports
