// Right-to-left text for Dear ImGui, which draws glyphs left to right and joins nothing: GNU
// FriBidi gives each line its bidi levels, joins Arabic letters and shapes them to their
// presentation forms (U+FB50-FEFF, which Noto Sans Arabic has), and reorders the line into the
// order its glyphs are drawn. Digits, times and Latin names inside Arabic stay left to right.
// Lines are broken here, in logical order, before reordering (ImGui's own wrapping would break
// the reordered line from its wrong end). No ImGui here: widths come from a measure function.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace meedoen::ui::bidi {

enum class Direction { Ltr, Rtl };

// True when s has a right-to-left letter (Arabic, Hebrew, Syriac, Thaana, N'Ko and their forms).
bool has_rtl(std::string_view utf8);
// True when s has a bidi control (LRM, RLM, embeddings, overrides, isolates such as isolated() adds).
bool has_controls(std::string_view utf8);
// The direction a language is written in: "ar" right to left, every other kiosk language left to right.
Direction direction_of(std::string_view language);
// The direction of a paragraph that is not set by the language: its first strong letter's (UAX #9
// rules P2-P3; isolates and pictograms skipped), else fallback. "Goedemorgen, فاطمة" is left to
// right, "العربية" right to left.
Direction first_strong(std::string_view utf8, Direction fallback);

// A value (a name, a number, a time, an activity) placed into a translated sentence, as its own
// isolated run (FSI ... PDI, UAX #9): its direction comes from its own first letter, and the
// punctuation and digits around it keep the sentence's direction. Without this, "Jan V." at the
// end of an Arabic sentence loses its period to the far side and a name's comma wanders. A value
// without letters (a number, "09:42") is left as it is: digits keep their order anyway, and as
// isolates the two numbers of "{h}:{mm}" would swap places.
std::string isolated(std::string_view value);
// s without bidi controls (embeddings, overrides, isolates, marks): for espeak-ng, for fonts
// (no glyph), and for any reader that does not run the bidi algorithm itself.
std::string without_controls(std::string_view utf8);

// One line (no line breaks) from logical order to the order its glyphs are drawn left to right,
// in a paragraph of the given direction: Arabic joined and shaped, runs reordered. Text without
// right-to-left letters in a left-to-right paragraph comes back unchanged.
std::string visual_line(std::string_view logical, Direction paragraph);

// Breaks logical text into lines no wider than width at spaces (and at '\n'), measuring each
// candidate line as it will be drawn (shaped: joined Arabic is narrower). A word wider than the
// line stands on a line of its own. An isolate broken over two lines is closed at the end of the
// first and opened again on the next, so each line is reordered as the whole paragraph would be.
using Measure = std::function<float(std::string_view visual)>;
std::vector<std::string> break_lines(std::string_view logical, float width, Direction paragraph,
                                     const Measure& measure);

// Reverses a UTF-8 string by code points (a mirrored layout draws a line's glyphs right to left).
std::string reverse_utf8(std::string_view s);

// The code points of UTF-8 text, as the line logic reads them (a malformed byte is U+FFFD).
std::vector<char32_t> code_points(std::string_view utf8);

}  // namespace meedoen::ui::bidi
