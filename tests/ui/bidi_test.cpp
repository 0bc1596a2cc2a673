// ui/bidi/bidi: Arabic shaped to presentation forms and joined, lines reordered by the bidi
// algorithm with digits, times and Latin names kept left to right, lines broken in logical order.
#include <catch2/catch.hpp>

#include <string>

#include "ui/bidi/bidi.hpp"

using namespace meedoen::ui::bidi;

namespace {

// Code points of a UTF-8 string, to compare with the Unicode tables.
std::u32string cps(const std::string& s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const int n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    char32_t c = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
    for (int k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(c);
    i += n;
  }
  return out;
}

// Width of a line: ten pixels a code point.
float ten_each(std::string_view v) { return 10.0f * static_cast<float>(cps(std::string(v)).size()); }

}  // namespace

TEST_CASE("bidi: Arabic letters take their joined presentation forms", "[ui][bidi]") {
  // سلام (seen lam alef meem): seen initial, lam-alef as one final ligature, meem isolated (alef
  // does not join to the left); drawn left to right, the last letter comes first.
  CHECK(cps(visual_line("سلام", Direction::Rtl)) == U"\uFEE1\uFEFC\uFEB3");
  // شكرا (sheen kaf reh alef): sheen initial, kaf medial, reh final, alef isolated.
  CHECK(cps(visual_line("شكرا", Direction::Rtl)) == U"\uFE8D\uFEAE\uFEDC\uFEB7");
  // A letter alone is isolated.
  CHECK(cps(visual_line("ب", Direction::Rtl)) == U"\uFE8F");
}

TEST_CASE("bidi: digits, times and Latin names inside Arabic stay left to right", "[ui][bidi]") {
  // "أنت هنا منذ 09:42": the time keeps its order and stands at the left end (the sentence's end).
  const std::string v = visual_line("منذ 09:42", Direction::Rtl);
  CHECK(v.rfind("09:42 ", 0) == 0);
  // "مرحبًا Fatima": the name reads Fatima, left of the greeting, which reads right to left.
  const std::string g = visual_line("مرحبا Fatima", Direction::Rtl);
  CHECK(g.rfind("Fatima ", 0) == 0);
  CHECK(cps(g).back() == U'\uFEE3');  // meem initial: the first letter is drawn rightmost
  // Two numbers in one Arabic sentence keep their own order each, the sentence runs right to left.
  const std::string n = visual_line("من 10 إلى 25", Direction::Rtl);
  CHECK(n.find("25") < n.find("10"));
}

TEST_CASE("bidi: left-to-right text is untouched, and an Arabic name in it is reordered", "[ui][bidi]") {
  CHECK(visual_line("Goedemorgen, Ayşe", Direction::Ltr) == "Goedemorgen, Ayşe");
  CHECK_FALSE(has_rtl("Goedemorgen, Ayşe"));
  CHECK(has_rtl("العربية"));
  CHECK_FALSE(has_rtl("ትግርኛ"));  // Ethiopic is written left to right
  // The welcome screen's "العربية" button on a Dutch screen: shaped and reversed for drawing.
  CHECK(cps(visual_line("العربية", Direction::Rtl)).front() == U'\uFE94');  // teh marbuta final
  CHECK(direction_of("ar") == Direction::Rtl);
  CHECK(direction_of("ti") == Direction::Ltr);
}

TEST_CASE("bidi: lines are broken in logical order, measured as drawn", "[ui][bidi]") {
  // Greedy at spaces, ten pixels a code point, 90 px a line.
  const auto lines = break_lines("اضغط هنا أو امسح بطاقتك", 90, Direction::Rtl, ten_each);
  REQUIRE(lines.size() == 3);
  // "اضغط هنا أو" is 11 code points (110 px): the first line takes the first two words only.
  CHECK(lines[0] == "اضغط هنا");  // the first words of the sentence on the first (top) line
  CHECK(lines[1] == "أو امسح");
  CHECK(lines[2] == "بطاقتك");
  // A word wider than the line stands alone; '\n' breaks too.
  CHECK(break_lines("Volunteering hours\nok", 50, Direction::Ltr, ten_each) ==
        std::vector<std::string>{"Volunteering", "hours", "ok"});
}

TEST_CASE("bidi: malformed UTF-8 and bidi controls never break a line", "[ui][bidi]") {
  const std::string bad = std::string("ab\xC3") + "سلام";
  const std::string v = visual_line(bad, Direction::Rtl);
  CHECK(v.find("\xEF\xBF\xBD") != std::string::npos);  // the bad byte became U+FFFD, the rest is drawn
  CHECK(cps(visual_line("\u202Bسلام\u202C", Direction::Rtl)) == U"\uFEE1\uFEFC\uFEB3");
  CHECK(reverse_utf8("aé€𝄞") == "𝄞€éa");
}
