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

// The export's notice in a right-to-left frame (issue 16): a path wider than the line breaks
// after a '/' or '-', as left-to-right text does, not inside a word where ImGui would cut it.
TEST_CASE("bidi: a word wider than the line breaks after a slash or a hyphen", "[ui][bidi]") {
  const std::string path = isolated("/var/lib/meedoen/exports/voortgang-fatima.pdf");
  const auto lines = break_lines("حفظ: " + path, 200, Direction::Rtl, ten_each);
  REQUIRE(lines.size() >= 3);
  std::string joined;
  for (const std::string& line : lines) {
    CHECK(ten_each(visual_line(line, Direction::Rtl)) <= 200);
    joined += line;
  }
  // Every line but the last ends at a blank, a '/' or a '-' (the isolate closing after it).
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    std::string end = lines[i];
    while (end.size() >= 3 && end.compare(end.size() - 3, 3, "\u2069") == 0) end.resize(end.size() - 3);
    const char last = end.empty() ? ' ' : end.back();
    CHECK((last == '/' || last == '-' || i == 0));
  }
  CHECK(joined.find("voortgang-") != std::string::npos);
}

TEST_CASE("bidi: malformed UTF-8 and bidi controls never break a line", "[ui][bidi]") {
  const std::string bad = std::string("ab\xC3") + "سلام";
  const std::string v = visual_line(bad, Direction::Rtl);
  CHECK(v.find("\xEF\xBF\xBD") != std::string::npos);  // the bad byte became U+FFFD, the rest is drawn
  CHECK(cps(visual_line("\u202Bسلام\u202C", Direction::Rtl)) == U"\uFEE1\uFEFC\uFEB3");
  CHECK(reverse_utf8("aé€𝄞") == "𝄞€éa");
}

TEST_CASE("bidi: a Latin name ending an Arabic sentence keeps its period, the sentence's period ends it",
          "[ui][bidi]") {
  const std::string hello = visual_line("مرحبا", Direction::Rtl);  // shaped, drawn last letter first
  // "مرحبا Jan V." + the sentence's period: the name reads "Jan V." and the sentence's period stands
  // at the left end, where a right-to-left sentence ends.
  CHECK(visual_line("مرحبا " + isolated("Jan V.") + ".", Direction::Rtl) == ".Jan V. " + hello);
  // The defect this fixes: without the isolate the name's own period joins the sentence's, far left.
  CHECK(visual_line("مرحبا Jan V..", Direction::Rtl) == "..Jan V " + hello);
  // A name alone at the end: its period (part of the name) stays with it.
  CHECK(visual_line("مرحبا " + isolated("Jan V."), Direction::Rtl) == "Jan V. " + hello);
}

TEST_CASE("bidi: punctuation next to Latin values in Arabic stays where the sentence puts it", "[ui][bidi]") {
  const std::string in = visual_line("في", Direction::Rtl), signed_up = visual_line("سجل", Direction::Rtl);
  // "سجل Jan V. في Koken (groep 2)." reads right to left: signed_up, the name, in, the activity, period.
  const std::string v =
      visual_line("سجل " + isolated("Jan V.") + " في " + isolated("Koken (groep 2)") + ".", Direction::Rtl);
  CHECK(v == ".Koken (groep 2) " + in + " Jan V. " + signed_up);
  // An Arabic comma after a Latin name stays after it (to its left), not before the name.
  const std::string comma = visual_line(isolated("Jan V.") + "، مرحبا", Direction::Rtl);
  CHECK(comma == visual_line("مرحبا", Direction::Rtl) + " \u060CJan V.");
  // Numbers are not isolated: "{h}:{mm} ساعة" stays "2:30" (not "30:2"), first from the right.
  CHECK(isolated("2") == "2");
  CHECK(isolated("09:42") == "09:42");
  CHECK(visual_line(isolated("2") + ":" + isolated("30") + " ساعة", Direction::Rtl) ==
        visual_line("ساعة", Direction::Rtl) + " 2:30");
  CHECK(isolated("Jan") == "\u2068Jan\u2069");
  CHECK(isolated("") == "");
}

TEST_CASE("bidi: a line break inside an isolate closes it and opens it again on the next line", "[ui][bidi]") {
  const std::string s = "مرحبا " + isolated("Jan Verhoeven de Vries") + ".";
  const auto lines = break_lines(s, 130, Direction::Rtl, ten_each);
  REQUIRE(lines.size() >= 2);
  for (const std::string& line : lines) {
    std::size_t open = 0, close = 0;
    for (std::size_t at = line.find("\u2068"); at != std::string::npos; at = line.find("\u2068", at + 1)) ++open;
    for (std::size_t at = line.find("\u2069"); at != std::string::npos; at = line.find("\u2069", at + 1)) ++close;
    CHECK(open == close);  // each line is whole: the isolate closes on it
  }
  // The last line is the end of the name and the sentence's period, left of it.
  CHECK(visual_line(lines.back(), Direction::Rtl) == ".Vries");
  // The controls take no room: the lines are measured as drawn.
  for (const std::string& line : lines) CHECK(ten_each(visual_line(line, Direction::Rtl)) <= 130);
}

TEST_CASE("bidi: a paragraph's direction is its first letter's, isolates skipped", "[ui][bidi]") {
  CHECK(first_strong("Goedemorgen, فاطمة", Direction::Rtl) == Direction::Ltr);
  CHECK(first_strong("العربية", Direction::Ltr) == Direction::Rtl);
  CHECK(first_strong(isolated("Jan V.") + " مرحبا", Direction::Ltr) == Direction::Rtl);
  CHECK(first_strong("09:42", Direction::Rtl) == Direction::Rtl);
  // A pictogram in front (Material Icons, private use: class L) does not make Arabic left to right.
  CHECK(first_strong("\uE5CC في طريقك", Direction::Ltr) == Direction::Rtl);
  CHECK(first_strong("\uE5CC Jan V.", Direction::Rtl) == Direction::Ltr);
  CHECK(first_strong("09:42", Direction::Ltr) == Direction::Ltr);
  // A Dutch greeting with an Arabic name stays a Dutch sentence: the name turns around, in place.
  CHECK(visual_line("Hallo فاطمة!", first_strong("Hallo فاطمة!", Direction::Ltr)) ==
        "Hallo " + visual_line("فاطمة", Direction::Rtl) + "!");
}

TEST_CASE("bidi: controls are taken out for readers without the bidi algorithm", "[ui][bidi]") {
  CHECK(without_controls("مرحبا " + isolated("Jan V.") + ".") == "مرحبا Jan V..");
  CHECK(without_controls("\u200Fa\u202Bb\u202Cc\u2066d\u2069") == "abcd");
  CHECK(without_controls("Goedemorgen, Jan") == "Goedemorgen, Jan");
  CHECK(has_controls(isolated("Jan")));
  CHECK_FALSE(has_controls("Goedemorgen – 09:42 €"));
}
