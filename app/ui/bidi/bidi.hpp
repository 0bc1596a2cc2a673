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
// The direction a language is written in: "ar" right to left, every other kiosk language left to right.
Direction direction_of(std::string_view language);

// One line (no line breaks) from logical order to the order its glyphs are drawn left to right,
// in a paragraph of the given direction: Arabic joined and shaped, runs reordered. Text without
// right-to-left letters in a left-to-right paragraph comes back unchanged.
std::string visual_line(std::string_view logical, Direction paragraph);

// Breaks logical text into lines no wider than width at spaces (and at '\n'), measuring each
// candidate line as it will be drawn (shaped: joined Arabic is narrower). A word wider than the
// line stands on a line of its own.
using Measure = std::function<float(std::string_view visual)>;
std::vector<std::string> break_lines(std::string_view logical, float width, Direction paragraph,
                                     const Measure& measure);

// Reverses a UTF-8 string by code points (a mirrored layout draws a line's glyphs right to left).
std::string reverse_utf8(std::string_view s);

// The code points of UTF-8 text, as the line logic reads them (a malformed byte is U+FFFD).
std::vector<char32_t> code_points(std::string_view utf8);

}  // namespace meedoen::ui::bidi
