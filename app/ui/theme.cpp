// Fonts and ImGui style.
#include "ui/theme.hpp"

#include <algorithm>
#include <filesystem>
#include <utility>

#include <stb_truetype.h>  // the stb that ImGui's atlas builder links: the same font metrics

#include "ui/bidi/bidi.hpp"
#include "ui/widgets/icons.hpp"

namespace meedoen::ui {

namespace {
constexpr const char* kRegular = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
constexpr const char* kBold = "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf";
constexpr const char* kIcons = "/usr/share/fonts/truetype/material-design-icons-iconfont/MaterialIcons-Regular.ttf";
constexpr const char* kArabic = "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf";
constexpr const char* kArabicBold = "/usr/share/fonts/truetype/noto/NotoSansArabic-Bold.ttf";
constexpr const char* kEthiopic = "/usr/share/fonts/truetype/noto/NotoSansEthiopic-Regular.ttf";
constexpr const char* kEthiopicBold = "/usr/share/fonts/truetype/noto/NotoSansEthiopic-Bold.ttf";

// Pictograms are rasterised once per pixel column, not three times (ImGui's default), on purpose
// (issue 17): at 30-160 px a third of a pixel of position does not show, and the three-fold copies
// took 38 % of the atlas (2048x1035 -> 2048x644, 0.8 MiB of texture). Their edge pixels move.
constexpr int kIconOversample = 1;

// Latin with the diacritics of Dutch, Turkish, Polish, French, Portuguese names; punctuation.
const ImWchar* text_ranges() {
  static const ImWchar ranges[] = {0x0020, 0x017F, 0x2010, 0x2027, 0x20AC, 0x20AC, 0};
  return ranges;
}

using Ranges = std::deque<ImVector<ImWchar>>;

// A font's line height (ascent - descent, what ImGui sizes a font by) in ems, from the hhea and
// head tables of the file the atlas has loaded; 0 when they cannot be read.
float line_height_in_ems(const void* font_data) {
  const auto* data = static_cast<const unsigned char*>(font_data);
  stbtt_fontinfo info;
  if (!data || !stbtt_InitFont(&info, data, stbtt_GetFontOffsetForIndex(data, 0))) return 0;
  return stbtt_ScaleForMappingEmToPixels(&info, 1) / stbtt_ScaleForPixelHeight(&info, 1);
}

// The glyphs of a text: only the characters it uses (kept in the build's own ranges).
const ImWchar* text_glyphs(Ranges& ranges, const std::string& text) {
  ImFontGlyphRangesBuilder b;
  b.AddText(text.c_str());
  b.BuildRanges(&ranges.emplace_back());
  return ranges.back().Data;
}

ImFont* add(ImFontAtlas& atlas, const char* file, float size, const char* icon_file, float icon_size,
            const ImWchar* extra, bool bold, const ImWchar* base = text_ranges()) {
  ImFontConfig cfg;
  cfg.OversampleH = 2;
  ImFont* f = atlas.AddFontFromFileTTF(file, size, &cfg, base);
  const float text_ems = f ? line_height_in_ems(atlas.ConfigData.back().FontData) : 0;
  // The script's font merged in (it has no Latin), and for the other scripts their languages'
  // names only: a few glyphs each, whatever the number of languages.
  if (f && extra && extra[0]) {
    // Each font gives the glyphs it has: Arabic the Arabic ones, Ethiopic the Ethiopic ones.
    for (const char* script_file : {bold ? kArabicBold : kArabic, bold ? kEthiopicBold : kEthiopic}) {
      ImFontConfig merge;
      merge.MergeMode = true;
      merge.OversampleH = 2;
      if (!atlas.AddFontFromFileTTF(script_file, size, &merge, extra)) continue;
      // Merged at the size that gives it the text font's em. ImGui sizes a font by its line
      // height: Noto Sans Arabic keeps room for stacked marks (2.112 ems against Noto Sans'
      // 1.362), so at the same size its letters stood at 64 % of the Latin ones beside them.
      // Read from the data the atlas has just loaded; the size counts only when it builds.
      ImFontConfig& added = atlas.ConfigData.back();
      const float script_ems = line_height_in_ems(added.FontData);
      if (text_ems > 0 && script_ems > 0) added.SizePixels = size * script_ems / text_ems;
    }
  }
  if (f && icon_file) {
    ImFontConfig merge;
    merge.MergeMode = true;
    merge.GlyphOffset = ImVec2(0, icon_size * 0.18f);
    merge.GlyphMinAdvanceX = icon_size;
    merge.OversampleH = kIconOversample;
    atlas.AddFontFromFileTTF(icon_file, icon_size, &merge, icons::glyph_ranges());
  }
  return f;
}
}  // namespace

float scale_for(int width, int height) {
  // The smallest buttons are 84 px at scale 1: never let them shrink below 64 px.
  return std::max(64.0f / 84.0f + 0.01f, std::min(width / 1280.0f, height / 800.0f));
}

Script script_of(std::string_view language) {
  if (language == "ar") return Script::Arabic;
  if (language == "ti") return Script::Ethiopic;
  return Script::Latin;
}

FontPlan font_plan(std::string_view language, Strings& tr) {
  FontPlan plan;
  plan.script = script_of(language);
  const bidi::Direction dir = bidi::direction_of(language);
  const std::string current = tr.language();
  for (const std::string& code : tr.languages()) {
    tr.set_language(code);
    plan.glyphs += bidi::visual_line(tr.get("language.name"), bidi::Direction::Rtl);
  }
  // The 76 px font: digits and the clock's colon, the fallback '?', and the few labels drawn that
  // large in every language of this script, as drawn.
  plan.huge_glyphs = "0123456789:.,-+?% ";
  for (const std::string& code : tr.languages()) {
    if (script_of(code) != plan.script) continue;
    tr.set_language(code);
    for (const char* key : {"welcome.start", "home.check_in", "home.check_out", "hours.amount"})
      plan.huge_glyphs += bidi::visual_line(tr.get(key), bidi::direction_of(code));
  }
  tr.set_language(current);
  if (plan.script != Script::Latin) {
    for (const std::string& s : tr.texts_of(std::string(language))) plan.glyphs += bidi::visual_line(s, dir);
    // Arabic letters take other forms next to a name or a number than in the catalogue's own
    // words: the whole block of Arabic presentation forms B (141 glyphs) is cheap insurance.
    if (plan.script == Script::Arabic)
      for (char32_t c = 0xFE70; c <= 0xFEFC; ++c) {
        if (c == 0xFE75) continue;  // the block's one unassigned code point: no font has it
        plan.glyphs += static_cast<char>(0xE0 | (c >> 12));
        plan.glyphs += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        plan.glyphs += static_cast<char>(0x80 | (c & 0x3F));
      }
  }
  return plan;
}

AtlasStats atlas_stats() {
  const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  AtlasStats st{atlas.TexWidth, atlas.TexHeight, 0};
  for (const ImFont* f : atlas.Fonts) st.glyphs += f->Glyphs.Size;
  return st;
}

bool load_fonts(Theme& t, std::string& error) { return load_fonts(t, FontPlan{}, error); }

const std::vector<std::string>& font_files() {
  static const std::vector<std::string> files{kRegular, kBold, kIcons, kArabic, kArabicBold, kEthiopic, kEthiopicBold};
  return files;
}

BuiltFonts build_fonts(const FontPlan& plan, float s) {
  BuiltFonts out;
  out.atlas.reset(IM_NEW(ImFontAtlas)());
  out.ranges = std::make_shared<Ranges>();
  ImFontAtlas& atlas = *out.atlas;
  // Lines drawn without the atlas: a textured vertex is then always a glyph (ui/bidi/mirror.hpp).
  atlas.Flags |= ImFontAtlasFlags_NoBakedLines | ImFontAtlasFlags_NoPowerOfTwoHeight;
  atlas.TexDesiredWidth = 2048;
  for (const char* f : {kRegular, kBold, kIcons}) {
    std::error_code ec;
    if (!std::filesystem::exists(f, ec)) {
      out.error = std::string("font file missing: ") + f +
                  " (install fonts-noto-core and fonts-material-design-icons-iconfont)";
      ImFont* fallback = atlas.AddFontDefault();
      out.fonts = Fonts{fallback, fallback, fallback, fallback, fallback, fallback};
      atlas.Build();
      return out;
    }
  }
  const ImWchar* extra = plan.glyphs.empty() ? nullptr : text_glyphs(*out.ranges, plan.glyphs);
  Fonts& f = out.fonts;
  f.body = add(atlas, kRegular, 26 * s, kIcons, 30 * s, extra, false);
  f.bold = add(atlas, kBold, 30 * s, kIcons, 34 * s, extra, true);
  f.large = add(atlas, kBold, 44 * s, kIcons, 48 * s, extra, true);
  if (plan.huge_glyphs.empty()) {
    f.huge = add(atlas, kBold, 76 * s, nullptr, 0, extra, true);
  } else {  // its glyphs only, from the Latin font and the script's font alike
    const ImWchar* huge = text_glyphs(*out.ranges, plan.huge_glyphs);
    f.huge = add(atlas, kBold, 76 * s, nullptr, 0, plan.script == Script::Latin ? nullptr : huge, true, huge);
  }
  ImFontConfig icon_cfg;
  icon_cfg.OversampleH = kIconOversample;
  f.icon = atlas.AddFontFromFileTTF(kIcons, 64 * s, &icon_cfg, icons::glyph_ranges());
  f.icon_huge = atlas.AddFontFromFileTTF(kIcons, 160 * s, &icon_cfg, icons::huge_glyph_ranges());
  if (!f.body || !f.bold || !f.large || !f.huge || !f.icon || !f.icon_huge) {
    out.error = "a font file could not be read";
    return out;
  }
  out.ok = atlas.Build();
  if (!out.ok) out.error = "the font atlas could not be built";
  // Only Build reads the input: a copy of the TTF file per font and merged font (15, 5.6 MiB of
  // heap for the Latin plan) and their configs. The glyphs, their metrics and the pixels stay; a
  // new language builds a new atlas from the files (issue 17).
  atlas.ClearInputData();
  return out;
}

void install_fonts(Theme& t, BuiltFonts&& built) {
  ImGuiIO& io = ImGui::GetIO();
  // The context owns its atlas (it deletes io.Fonts when it is destroyed): hand it the new one.
  IM_DELETE(io.Fonts);
  io.Fonts = built.atlas.release();
  t.fonts = built.fonts;
  t.font_ranges = std::move(built.ranges);
}

bool load_fonts(Theme& t, const FontPlan& plan, std::string& error) {
  BuiltFonts built = build_fonts(plan, t.scale);
  const bool ok = built.ok;
  error = built.error;
  install_fonts(t, std::move(built));
  return ok;
}

void apply_style(const Theme& t) {
  ImGuiStyle& st = ImGui::GetStyle();
  st = ImGuiStyle();
  ImGui::StyleColorsLight(&st);
  st.WindowPadding = ImVec2(t.px(32), t.px(24));
  st.ItemSpacing = ImVec2(t.px(16), t.px(16));
  st.FrameRounding = t.px(14);
  st.WindowRounding = 0;
  st.WindowBorderSize = 0;
  st.ScrollbarSize = t.px(24);
  st.TouchExtraPadding = ImVec2(t.px(4), t.px(4));
  st.Colors[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(colors::background);
  st.Colors[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(colors::text);
  st.Colors[ImGuiCol_ModalWindowDimBg] = ImGui::ColorConvertU32ToFloat4(colors::overlay);
}

}  // namespace meedoen::ui
