// The built font atlas kept on disk between starts (issue 17): a kiosk starts with the same plan
// at the same scale every day, and building the atlas (~15 ms for Latin, 100-170 ms for Arabic or
// Ethiopic) was the largest part of its first frame over a bare window. What is kept is exactly what
// the build made (glyphs, metrics, pixels), so a loaded atlas draws the same pixels.
//
// A file is used only when everything the build read is as it was: the plan and scale, each font
// file (path, size, time), this ImGui, and this executable (its size and time: a rebuilt kiosk never
// reads an atlas an older build wrote). Anything else (a torn or damaged file, another key) is a
// miss: the atlas is built and the file replaced (written aside, then renamed).
#pragma once
#include <string>

#include "ui/theme.hpp"

namespace meedoen::ui {

// What a build depends on, as one string; kept in the file and compared in full.
std::string font_cache_key(const FontPlan& plan, float scale);

// The file for a plan and scale in dir: one per script and scale, so the cache stays as small as
// the number of scripts and screen sizes a kiosk uses.
std::string font_cache_file(const std::string& dir, const FontPlan& plan, float scale);

// Writes an atlas as built (before its pixels are uploaded and freed); false and why on failure.
bool save_fonts(const BuiltFonts& built, const std::string& file, const std::string& key, std::string& error);
// Reads one back; ok false (and why) when the file is missing, damaged or for another key.
BuiltFonts load_saved_fonts(const std::string& file, const std::string& key);

// The atlas for a plan: read from dir when a file there matches, else built (and kept there).
// dir "" builds every time. Its origin says which happened, for the log.
BuiltFonts cached_fonts(const FontPlan& plan, float scale, const std::string& dir);

}  // namespace meedoen::ui
