// Fonts and ImGui style.
#include "ui/theme.hpp"

#include <algorithm>
#include <filesystem>

#include "ui/widgets/icons.hpp"

namespace meedoen::ui {

namespace {
constexpr const char* kRegular = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
constexpr const char* kBold = "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf";
constexpr const char* kIcons = "/usr/share/fonts/truetype/material-design-icons-iconfont/MaterialIcons-Regular.ttf";

// Latin with the diacritics of Dutch, Turkish, Polish, French, Portuguese names; punctuation.
const ImWchar* text_ranges() {
  static const ImWchar ranges[] = {0x0020, 0x017F, 0x2010, 0x2027, 0x20AC, 0x20AC, 0};
  return ranges;
}

ImFont* add(ImFontAtlas& atlas, const char* file, float size, const char* icon_file, float icon_size) {
  ImFontConfig cfg;
  cfg.OversampleH = 2;
  ImFont* f = atlas.AddFontFromFileTTF(file, size, &cfg, text_ranges());
  if (f && icon_file) {
    ImFontConfig merge;
    merge.MergeMode = true;
    merge.GlyphOffset = ImVec2(0, icon_size * 0.18f);
    merge.GlyphMinAdvanceX = icon_size;
    atlas.AddFontFromFileTTF(icon_file, icon_size, &merge, icons::glyph_ranges());
  }
  return f;
}
}  // namespace

float scale_for(int width, int height) {
  // The smallest buttons are 84 px at scale 1: never let them shrink below 64 px.
  return std::max(64.0f / 84.0f + 0.01f, std::min(width / 1280.0f, height / 800.0f));
}

bool load_fonts(Theme& t, std::string& error) {
  ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  atlas.Clear();
  for (const char* f : {kRegular, kBold, kIcons}) {
    std::error_code ec;
    if (!std::filesystem::exists(f, ec)) {
      error = std::string("font file missing: ") + f +
              " (install fonts-noto-core and fonts-material-design-icons-iconfont)";
      ImFont* fallback = atlas.AddFontDefault();
      t.fonts = Fonts{fallback, fallback, fallback, fallback, fallback, fallback};
      return false;
    }
  }
  const float s = t.scale;
  t.fonts.body = add(atlas, kRegular, 26 * s, kIcons, 30 * s);
  t.fonts.bold = add(atlas, kBold, 30 * s, kIcons, 34 * s);
  t.fonts.large = add(atlas, kBold, 44 * s, kIcons, 48 * s);
  t.fonts.huge = add(atlas, kBold, 76 * s, nullptr, 0);
  ImFontConfig icon_cfg;
  t.fonts.icon = atlas.AddFontFromFileTTF(kIcons, 64 * s, &icon_cfg, icons::glyph_ranges());
  t.fonts.icon_huge = atlas.AddFontFromFileTTF(kIcons, 160 * s, &icon_cfg, icons::huge_glyph_ranges());
  if (!t.fonts.body || !t.fonts.bold || !t.fonts.large || !t.fonts.huge || !t.fonts.icon || !t.fonts.icon_huge) {
    error = "a font file could not be read";
    return false;
  }
  return true;
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
