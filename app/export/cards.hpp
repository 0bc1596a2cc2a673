// Participant cards to scan: an A4 sheet (PDF, cairo) of bank-card-sized cards (85.6 x 54 mm,
// ISO/IEC 7810 ID-1) in a grid with light cut marks. Each card carries the participant's first
// name, the centre's name and a QR code of the card code (libqrencode), and nothing else: a lost
// card tells a finder no last name, no id and no face. Pure of kiosk state: the kiosk (one card
// from the coach's participant page) and meedoen-server print-cards (a whole roster) both call it.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace meedoen::exports {

struct Card {
  std::string first_name;
  std::string card_code;  // what the QR code says, and what the kiosk's scanner types
};

struct CardSheet {
  std::string centre;  // "De Cirkel", on every card
  std::vector<Card> cards;
};

// [SECTION] The sheet's geometry (millimetres from the page's top left), for readers and tests
constexpr double kCardWidthMm = 85.6, kCardHeightMm = 54.0;  // a bank card
constexpr int kCardColumns = 2, kCardRows = 5;               // ten cards on an A4 page, edge to edge
constexpr double kSheetWidthMm = 210, kSheetHeightMm = 297;  // A4
constexpr double kGridLeftMm = (kSheetWidthMm - kCardColumns * kCardWidthMm) / 2;
constexpr double kGridTopMm = (kSheetHeightMm - kCardRows * kCardHeightMm) / 2;
// The QR code with its quiet zone: a square at the card's right, this far from the cut edge.
// Text stays left of it.
constexpr double kQrBoxMm = 36, kQrEdgeMm = 3;
constexpr int kQuietModules = 4;  // the white border a QR reader needs, in modules
// The kiosk's scan buffer keeps this many bytes of a code (platform/app.cpp, ScanBuffer).
constexpr std::size_t kMaxCardCode = 64;

// Why a card code cannot go on a card ("" = it can): empty, longer than the kiosk reads, or a
// character outside printable ASCII (a scanner that types like a keyboard types those
// differently per keyboard layout, and a space would be lost at either end).
std::string card_code_problem(std::string_view code);

// The printed QR symbol of a code: modules across (the symbol, without the quiet zone) and the
// size of one module. Throws ExportError for a code with a problem.
struct QrLayout {
  int modules = 0;
  double module_mm = 0;
};
QrLayout card_qr_layout(const std::string& code);

// The PDF's bytes: cards row by row, ten a page. Throws ExportError (naming the card) for no
// cards or a code with a problem, and when cairo or libqrencode fail.
std::string to_cards_pdf(const CardSheet& sheet);

}  // namespace meedoen::exports
