// GNU FriBidi over UTF-8 strings: shaping, joining and reordering of one line, and line breaking.
#include "ui/bidi/bidi.hpp"

#include <fribidi.h>

#include <vector>

namespace meedoen::ui::bidi {

namespace {

// Decodes UTF-8 (malformed bytes become U+FFFD) without FriBidi's charset layer, so a bad byte in a
// name can never cut a line short.
std::vector<FriBidiChar> decode(std::string_view s) {
  std::vector<FriBidiChar> out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const int n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    FriBidiChar c = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
    bool ok = true;
    for (int k = 1; k < n; ++k) {
      const auto cb = static_cast<unsigned char>(s[i + k]);
      ok = ok && (cb & 0xC0) == 0x80;
      c = (c << 6) | (cb & 0x3F);
    }
    out.push_back(ok ? c : 0xFFFD);
    i += ok ? n : 1;
  }
  return out;
}

void encode(FriBidiChar c, std::string& out) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

bool rtl_char(FriBidiChar c) {
  return (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
}

// Bidi formatting characters: marks (LRM, RLM, ALM), embeddings and overrides, isolates.
bool bidi_control(FriBidiChar c) {
  return c == 0x200E || c == 0x200F || c == 0x061C || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

constexpr std::string_view kFsi = "\u2068", kLri = "\u2066", kRli = "\u2067", kPdi = "\u2069";

// The isolates still open after line (UAX #9 BD9: a PDI closes the innermost open one, an
// unmatched PDI does nothing), as the openers that start them, innermost last.
std::vector<std::string_view> open_isolates(std::string_view line) {
  std::vector<std::string_view> open;
  for (std::size_t i = 0; i + 3 <= line.size(); ++i) {
    const std::string_view at = line.substr(i, 3);
    if (at == kFsi || at == kLri || at == kRli) open.push_back(at == kFsi ? kFsi : at == kLri ? kLri : kRli);
    else if (at == kPdi && !open.empty()) open.pop_back();
  }
  return open;
}

}  // namespace

std::string isolated(std::string_view value) {
  // Only a value with a letter: digits keep their order in any sentence by themselves, and as
  // isolates (neutral to the sentence) the parts of "{h}:{mm}" would swap places.
  bool letter = false;
  for (const FriBidiChar c : decode(value)) {
    const FriBidiCharType t = fribidi_get_bidi_type(c);
    letter = letter || t == FRIBIDI_TYPE_LTR || t == FRIBIDI_TYPE_RTL || t == FRIBIDI_TYPE_AL;
  }
  if (!letter) return std::string(value);
  std::string out;
  out.reserve(value.size() + 6);
  out.append(kFsi).append(value).append(kPdi);
  return out;
}

std::string without_controls(std::string_view s) {
  if (!has_controls(s) && !has_rtl(s)) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (const FriBidiChar c : decode(s))
    if (!bidi_control(c)) encode(c, out);
  return out;
}

Direction first_strong(std::string_view s, Direction fallback) {
  const std::vector<FriBidiChar> in = decode(s);
  int depth = 0;  // inside an isolate: skipped (rule P2)
  for (const FriBidiChar c : in) {
    if (c >= 0xE000 && c <= 0xF8FF) continue;  // a pictogram (private use, class L) says nothing of the text
    const FriBidiCharType t = fribidi_get_bidi_type(c);
    if (t == FRIBIDI_TYPE_LRI || t == FRIBIDI_TYPE_RLI || t == FRIBIDI_TYPE_FSI) ++depth;
    else if (t == FRIBIDI_TYPE_PDI) depth = depth > 0 ? depth - 1 : 0;
    else if (depth == 0 && t == FRIBIDI_TYPE_LTR) return Direction::Ltr;
    else if (depth == 0 && (t == FRIBIDI_TYPE_RTL || t == FRIBIDI_TYPE_AL)) return Direction::Rtl;
  }
  return fallback;
}

// Every bidi control but ALM (an Arabic-block letter, which has_rtl finds) is E2 80 8E-8F,
// E2 80 AA-AE or E2 81 A6-A9 in UTF-8: a byte scan, no decoding.
bool has_controls(std::string_view s) {
  for (std::size_t i = 0; i + 2 < s.size(); ++i) {
    if (static_cast<unsigned char>(s[i]) != 0xE2) continue;
    const auto b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
    if (b1 == 0x80 && (b2 == 0x8E || b2 == 0x8F || (b2 >= 0xAA && b2 <= 0xAE))) return true;
    if (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9) return true;
  }
  return false;
}

bool has_rtl(std::string_view s) {
  // Every right-to-left letter starts with a lead byte 0xD6-0xDF (U+0590-07FF), 0xE0 (U+0800-08FF)
  // or 0xEF (presentation forms); text without those bytes is left to right, with no decoding.
  bool maybe = false;
  for (const char ch : s) {
    const auto b = static_cast<unsigned char>(ch);
    if ((b >= 0xD6 && b <= 0xE0) || b == 0xEF) maybe = true;
  }
  if (!maybe) return false;
  for (const FriBidiChar c : decode(s))
    if (rtl_char(c)) return true;
  return false;
}

Direction direction_of(std::string_view language) { return language == "ar" ? Direction::Rtl : Direction::Ltr; }

std::string visual_line(std::string_view logical, Direction paragraph) {
  if (paragraph == Direction::Ltr && !has_rtl(logical) && !has_controls(logical)) return std::string(logical);
  std::vector<FriBidiChar> in = decode(logical);
  const auto len = static_cast<FriBidiStrIndex>(in.size());
  if (len == 0) return {};
  std::vector<FriBidiCharType> types(in.size());
  std::vector<FriBidiBracketType> brackets(in.size());
  std::vector<FriBidiLevel> levels(in.size());
  std::vector<FriBidiArabicProp> joining(in.size());
  fribidi_get_bidi_types(in.data(), len, types.data());
  fribidi_get_bracket_types(in.data(), len, types.data(), brackets.data());
  FriBidiParType base = paragraph == Direction::Rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
  if (!fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(), len, &base, levels.data()))
    return std::string(logical);
  // Joining and shaping work on the logical order: each Arabic letter takes its isolated, initial,
  // medial or final form (and lam-alef its ligature), as Noto Sans Arabic draws them.
  fribidi_get_joining_types(in.data(), len, joining.data());
  fribidi_join_arabic(types.data(), len, levels.data(), joining.data());
  const FriBidiFlags flags = FRIBIDI_FLAGS_DEFAULT | FRIBIDI_FLAGS_ARABIC;
  fribidi_shape(flags, levels.data(), len, joining.data(), in.data());
  // Reordering: runs of a higher level turn around, so Arabic reads right to left while "09:30"
  // and "Fatima" inside it stay left to right. Mirrored characters (brackets) were swapped above.
  if (!fribidi_reorder_line(flags, types.data(), len, 0, base, levels.data(), in.data(), nullptr))
    return std::string(logical);
  std::string out;
  out.reserve(logical.size());
  for (const FriBidiChar c : in)
    if (c != 0xFEFF && c != 0x200D && c != 0x200C && !bidi_control(c))
      encode(c, out);  // bidi controls and joiners did their work; fonts have no glyph for them
  return out;
}

namespace {

// A word cut after each '/' and '-' it holds, the mark staying with the piece before it.
std::vector<std::string_view> pieces_at_marks(std::string_view word) {
  std::vector<std::string_view> out;
  std::size_t from = 0;
  for (std::size_t k = 0; k < word.size(); ++k)
    if (word[k] == '/' || word[k] == '-') {
      out.push_back(word.substr(from, k + 1 - from));
      from = k + 1;
    }
  if (from < word.size()) out.push_back(word.substr(from));
  return out;
}

}  // namespace

std::vector<std::string> break_lines(std::string_view logical, float width, Direction paragraph,
                                     const Measure& measure) {
  std::vector<std::string> lines;
  // A line that ends inside an isolate closes it, and the next line opens it again.
  const auto end_line = [&lines](std::string line) {
    std::string reopen;
    for (const std::string_view opener : open_isolates(line)) {
      line.append(kPdi);
      reopen.append(opener);
    }
    lines.push_back(std::move(line));
    return reopen;
  };
  std::size_t start = 0;
  while (start <= logical.size()) {
    const std::size_t nl = std::min(logical.find('\n', start), logical.size());
    const std::string_view para = logical.substr(start, nl - start);
    std::string line;
    bool words = false;  // line holds a word (not only the isolates carried over)
    std::size_t i = 0;
    while (i < para.size()) {
      const std::size_t sp = std::min(para.find(' ', i), para.size());
      const std::string_view word = para.substr(i, sp - i);
      // A word wider than the line (a file path) breaks after a '/' or '-', as ui::break_lines
      // does for left-to-right text: never inside a word where there is such a place.
      std::vector<std::string_view> pieces{word};
      if (measure(visual_line(std::string(word), paragraph)) > width) pieces = pieces_at_marks(word);
      for (std::size_t p = 0; p < pieces.size(); ++p) {
        const std::string joined = line + (words && p == 0 ? " " : "") + std::string(pieces[p]);
        if (words && measure(visual_line(joined, paragraph)) > width)
          line = end_line(std::move(line)) + std::string(pieces[p]);
        else line = joined;
        words = true;
      }
      i = sp + 1;
    }
    end_line(std::move(line));
    start = nl + 1;
  }
  return lines;
}

std::string reverse_utf8(std::string_view s) {
  const std::vector<FriBidiChar> cps = decode(s);
  std::string out;
  out.reserve(s.size());
  for (auto it = cps.rbegin(); it != cps.rend(); ++it) encode(*it, out);
  return out;
}

std::vector<char32_t> code_points(std::string_view utf8) {
  const std::vector<FriBidiChar> cps = decode(utf8);
  return std::vector<char32_t>(cps.begin(), cps.end());
}

}  // namespace meedoen::ui::bidi
