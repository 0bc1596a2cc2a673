// Participant cards, read back as a scanner and a finder would: every QR code on the sheet
// decodes (zbarimg) to exactly the cards' codes, the text (pdftotext) is the first names and the
// centre only, long names stay inside their card, and codes a scanner cannot type are refused.
#include <catch2/catch.hpp>

#include <cstring>
#include <regex>

#include "export/cards.hpp"
#include "export/files.hpp"
#include "support/card_reader.hpp"

using namespace meedoen;
using exports::Card;
using exports::CardSheet;
using test::TempDir;

namespace {

constexpr double kPt = 72.0 / 25.4;

CardSheet sheet(int n) {
  CardSheet s;
  s.centre = "De Cirkel";
  for (int i = 0; i < n; ++i) {
    char code[16];
    std::snprintf(code, sizeof code, "K7M%05d", i * 37);
    s.cards.push_back({"Naam" + std::to_string(i), code});
  }
  return s;
}

std::vector<std::string> codes_of(const CardSheet& s) {
  std::vector<std::string> out;
  for (const auto& c : s.cards) out.push_back(c.card_code);
  std::sort(out.begin(), out.end());
  return out;
}

std::string write(const TempDir& dir, const CardSheet& s, const std::string& name = "cards.pdf") {
  const std::string path = dir / name;
  exports::write_file_atomic(path, exports::to_cards_pdf(s));
  return path;
}

struct Word {
  double x0, y0, x1, y1;
  std::string text;
};

// The words on the first page with their boxes (points), from pdftotext -bbox.
std::vector<Word> words(const TempDir& dir, const std::string& pdf) {
  const auto r = test::run("pdftotext -bbox -f 1 -l 1 " + test::sh_quote(pdf) + " -", dir);
  REQUIRE(r.exit_code == 0);
  std::vector<Word> out;
  const std::regex re(
      R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>)re");
  for (auto it = std::sregex_iterator(r.out.begin(), r.out.end(), re); it != std::sregex_iterator(); ++it)
    out.push_back({std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]), std::stod((*it)[4]), (*it)[5]});
  return out;
}

}  // namespace

TEST_CASE("cards: every code on the sheet decodes to exactly the cards' codes", "[export][cards]") {
  TempDir dir;
  const CardSheet s = sheet(23);  // three pages: ten, ten and three
  const std::string pdf = write(dir, s);
  CHECK(test::pdf_pages(dir, pdf) == 3);
  CHECK(test::decode_cards(dir, pdf, 150) == codes_of(s));
  // A cheap webcam sees far fewer pixels: a 72 dpi rendering still reads every code.
  CHECK(test::decode_cards(dir, pdf, 72) == codes_of(s));
}

TEST_CASE("cards: the text is the first names and the centre, nothing else", "[export][cards]") {
  TempDir dir;
  CardSheet s;
  s.centre = "De Cirkel";
  s.cards = {{"Ayşe", "AYSE0001"}, {"Bram", "BRAM0002"}};
  const std::string text = test::pdf_text(dir, write(dir, s));
  CHECK(text.find("Ayşe") != std::string::npos);
  CHECK(text.find("Bram") != std::string::npos);
  CHECK(text.find("De Cirkel") != std::string::npos);
  // The card code is in the QR code only: not as text a photo of the card could be read from.
  CHECK(text.find("AYSE0001") == std::string::npos);
  std::string rest = text;
  for (const char* known : {"Ayşe", "Bram", "De", "Cirkel"})
    for (auto p = rest.find(known); p != std::string::npos; p = rest.find(known)) rest.erase(p, std::strlen(known));
  CHECK(std::regex_replace(rest, std::regex("\\s+"), "").empty());
}

TEST_CASE("cards: a 10,000-character name stays inside its card", "[export][cards]") {
  TempDir dir;
  CardSheet s;
  s.centre = std::string(300, 'C') + " Buurtcentrum met een heel lange naam";
  s.cards = {{std::string(10'000, 'W'), "LONG0001"},
             {"Maria " + std::string(5'000, 'x') + " bad byte \xff\n here", "LONG0002"},
             {"Jan-Willem Alexander Theodorus", "LONG0003"},
             {"Bo", "LONG0004"}};
  const std::string pdf = write(dir, s);
  CHECK(test::decode_cards(dir, pdf) == codes_of(s));
  // Every word lies inside its card's text column, left of the QR code's quiet zone.
  const double grid_x = exports::kGridLeftMm, grid_y = exports::kGridTopMm;
  const double text_right = exports::kCardWidthMm - exports::kQrEdgeMm - exports::kQrBoxMm;
  const auto ws = words(dir, pdf);
  REQUIRE(ws.size() >= 4);
  for (const auto& w : ws) {
    const int col = w.x0 < (grid_x + exports::kCardWidthMm) * kPt ? 0 : 1;
    const int row = static_cast<int>((w.y0 / kPt - grid_y) / exports::kCardHeightMm);
    const double left = (grid_x + col * exports::kCardWidthMm) * kPt,
                 top = (grid_y + row * exports::kCardHeightMm) * kPt;
    INFO(w.text.substr(0, 40));
    CHECK(w.x0 >= left);
    CHECK(w.x1 <= left + text_right * kPt + 0.5);
    CHECK(w.y0 >= top);
    CHECK(w.y1 <= top + exports::kCardHeightMm * kPt);
  }
  const std::string text = test::pdf_text(dir, pdf);
  CHECK(text.find("...") != std::string::npos);  // cut, and it says so
  CHECK(text.find("Bo") != std::string::npos);
  CHECK(text.find("Alexander") != std::string::npos);  // wrapped, not cut
}

TEST_CASE("cards: codes a scanner cannot type are refused, naming the card", "[export][cards]") {
  CHECK(exports::card_code_problem("K7M4PX2A").empty());
  CHECK(exports::card_code_problem(std::string(64, 'A')).empty());
  CHECK_THAT(exports::card_code_problem(""), Catch::Contains("roster"));
  CHECK_THAT(exports::card_code_problem(std::string(65, 'A')), Catch::Contains("at most 64"));
  CHECK_FALSE(exports::card_code_problem("AB CD").empty());
  CHECK_FALSE(exports::card_code_problem("ÄBCD").empty());
  CHECK_FALSE(exports::card_code_problem("AB\tC").empty());
  CardSheet s = sheet(3);
  s.cards[1].card_code = "";
  CHECK_THROWS_WITH(exports::to_cards_pdf(s), Catch::Contains("card 2") && Catch::Contains("no card code"));
  CHECK_THROWS_WITH(exports::to_cards_pdf(CardSheet{"De Cirkel", {}}), Catch::Contains("no cards"));
}

TEST_CASE("cards: modules large enough for a cheap scanner, with a quiet zone", "[export][cards]") {
  const exports::QrLayout short_code = exports::card_qr_layout("K7M4PX2A");
  CHECK(short_code.modules == 21);  // version 1
  CHECK(short_code.module_mm >= 1.2);
  CHECK(short_code.module_mm * (short_code.modules + 2 * exports::kQuietModules) <= exports::kQrBoxMm + 0.01);
  const exports::QrLayout longest = exports::card_qr_layout(std::string(64, 'z'));
  CHECK(longest.module_mm >= 0.7);
}
