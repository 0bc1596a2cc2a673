// Look and feel: high-contrast colours, large fonts with pictograms merged in, sizes that keep
// every touch target at least 64 px at any window size.
#pragma once
#include <imgui.h>

#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ui/i18n.hpp"

namespace meedoen::ui {

struct Fonts {
  ImFont* body = nullptr;   // running text
  ImFont* bold = nullptr;   // labels on buttons, names
  ImFont* large = nullptr;  // headings, greeting
  ImFont* huge = nullptr;   // clock, confirmation
  ImFont* icon = nullptr;   // pictograms on big buttons
  ImFont* icon_huge = nullptr;
};

namespace colors {
constexpr ImU32 rgb(unsigned r, unsigned g, unsigned b) { return IM_COL32(r, g, b, 255); }
// Contrast ratios against their background are at least 7:1 (WCAG AAA) for text.
constexpr ImU32 background = rgb(0xF6, 0xF3, 0xEC);
constexpr ImU32 panel = rgb(0xFF, 0xFF, 0xFF);
constexpr ImU32 panel_border = rgb(0xD8, 0xD2, 0xC4);
constexpr ImU32 text = rgb(0x1A, 0x1A, 0x1A);
constexpr ImU32 text_muted = rgb(0x4A, 0x46, 0x40);
constexpr ImU32 primary = rgb(0x17, 0x4A, 0x8B);    // start, continue
constexpr ImU32 check_in = rgb(0x1B, 0x6B, 0x3A);   // green
constexpr ImU32 check_out = rgb(0x8A, 0x3B, 0x12);  // warm brown, not alarm red
constexpr ImU32 neutral = rgb(0xE6, 0xE0, 0xD4);    // keys, back
constexpr ImU32 on_dark = rgb(0xFF, 0xFF, 0xFF);
constexpr ImU32 notice_bg = rgb(0xFF, 0xF1, 0xC7);  // calm amber
constexpr ImU32 notice_border = rgb(0xB7, 0x8A, 0x00);
constexpr ImU32 good_bg = rgb(0xDD, 0xF2, 0xE3);    // calm green for good news
constexpr ImU32 highlight = rgb(0xE8, 0xF0, 0xFA);  // a row that is the participant's own
constexpr ImU32 overlay = IM_COL32(0, 0, 0, 150);
}  // namespace colors

struct Theme {
  float scale = 1.0f;  // 1.0 at 1280x800
  Fonts fonts;
  std::shared_ptr<const void> font_ranges;  // the glyph ranges ImGui's atlas points into
  float px(float base) const { return base * scale; }
};

// The script a language is written in; the font atlas holds Latin, the pictograms and the active
// language's script only, so it does not grow with the number of languages a kiosk offers.
enum class Script { Latin, Arabic, Ethiopic };
Script script_of(std::string_view language);

// What the atlas holds beyond Latin and the pictograms: the active script's glyphs, and the few
// glyphs of the other languages' own names (the language buttons show each name in its script).
struct FontPlan {
  Script script = Script::Latin;
  std::string glyphs;  // UTF-8 text whose characters go into the atlas (shaped: as they are drawn)
  // What the 76 px font draws (the clock, figures, keypad digits, the start and check-in/out
  // labels of the script's languages): only these go in at that size. Empty: all of Latin.
  std::string huge_glyphs;
};
// The plan for a language: every string of its catalogue as drawn (Arabic joined and shaped)
// plus every language's name.
FontPlan font_plan(std::string_view language, Strings& tr);

// The atlas as built: texture size and glyphs in it (for the log and the README's figures).
struct AtlasStats {
  int width = 0, height = 0, glyphs = 0;
};
AtlasStats atlas_stats();

// Scale for a window: 1.0 at 1280x800, larger on bigger screens, never so small that a
// target drops under 64 px.
float scale_for(int width, int height);
// Loads Noto Sans (fonts-noto-core) with Material Icons merged; returns false and keeps
// ImGui's built-in font when the files are missing (the message says which).
// With a plan: the active script's font (Noto Sans Arabic or Noto Sans Ethiopic, which have no
// Latin) merged into each text font. The caller then rebuilds the GPU texture.
bool load_fonts(Theme& theme, std::string& error);
bool load_fonts(Theme& theme, const FontPlan& plan, std::string& error);

// An atlas built but not in use yet. build_fonts touches no ImGui context, so a worker thread
// can build the next language's atlas while the UI keeps drawing (a build takes ~200 ms);
// install_fonts then makes it ImGui's atlas between two frames, on the UI thread.
// ImGui's context frees its atlas with IM_DELETE, so an atlas is made with IM_NEW.
// (ImGui::MemAlloc also counts allocations in the context's IO metrics, a plain int that a worker's
// build then shares with the UI thread; ImGui only displays that count, in its metrics window.)
struct AtlasDeleter {
  void operator()(ImFontAtlas* a) const { IM_DELETE(a); }
};
struct BuiltFonts {
  std::unique_ptr<ImFontAtlas, AtlasDeleter> atlas;
  Fonts fonts;
  std::shared_ptr<std::deque<ImVector<ImWchar>>> ranges;  // ImGui keeps pointers into them
  bool ok = false;
  std::string error;
  std::string origin = "built";  // or how the font cache (ui/font_cache.hpp) gave it, for the log
};
BuiltFonts build_fonts(const FontPlan& plan, float scale);
// Every font file a build may read (for the font cache's key).
const std::vector<std::string>& font_files();
// Replaces ImGui's atlas (the old one and its fonts are deleted); the caller uploads the texture.
void install_fonts(Theme& theme, BuiltFonts&& built);
void apply_style(const Theme& theme);

}  // namespace meedoen::ui
