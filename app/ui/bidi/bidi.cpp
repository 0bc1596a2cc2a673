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

}  // namespace

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
  if (paragraph == Direction::Ltr && !has_rtl(logical)) return std::string(logical);
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
    if (c != 0xFEFF && c != 0x200D && c != 0x200C && !(c >= 0x202A && c <= 0x202E) && !(c >= 0x2066 && c <= 0x2069))
      encode(c, out);  // bidi controls and joiners did their work; fonts have no glyph for them
  return out;
}

std::vector<std::string> break_lines(std::string_view logical, float width, Direction paragraph,
                                     const Measure& measure) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= logical.size()) {
    const std::size_t nl = std::min(logical.find('\n', start), logical.size());
    const std::string_view para = logical.substr(start, nl - start);
    std::string line;
    std::size_t i = 0;
    while (i < para.size()) {
      const std::size_t sp = std::min(para.find(' ', i), para.size());
      const std::string_view word = para.substr(i, sp - i);
      const std::string candidate = line.empty() ? std::string(word) : line + " " + std::string(word);
      if (!line.empty() && measure(visual_line(candidate, paragraph)) > width) {
        lines.push_back(std::move(line));
        line = std::string(word);
      } else {
        line = candidate;
      }
      i = sp + 1;
    }
    lines.push_back(std::move(line));
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
