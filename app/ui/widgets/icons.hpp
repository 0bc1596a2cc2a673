// Pictograms from the Material Icons font (Debian: fonts-material-design-icons-iconfont),
// merged into the text fonts so a button can say what it does without words.
#pragma once
#include <string_view>

namespace meedoen::ui::icons {

// UTF-8 of the pictogram for a key: UI actions ("check_in", "back", ...) and activity icons
// ("coffee", "cooking", "garden", ...). Unknown keys give the "event" pictogram.
const char* utf8(std::string_view key);
// The same for a pictogram that points along the reading direction ("back", "next", "prev"): in a
// mirrored frame (right to left) it points the other way, as glyphs are not flipped.
const char* utf8_reading(std::string_view key);
// Zero-terminated code point ranges to load from the icon font.
const unsigned short* glyph_ranges();
// The few pictograms drawn at the largest size (confirmation, card reader, the check-out
// question): rasterising every pictogram at 160 px doubled the kiosk's start-up time.
const unsigned short* huge_glyph_ranges();

}  // namespace meedoen::ui::icons
