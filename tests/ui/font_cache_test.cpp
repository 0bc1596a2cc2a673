// The font atlas kept on disk between starts (issue 17): what is read back is what was built, and
// a file that is damaged, cut short or made for something else is a miss, never a crash.
#include <catch2/catch.hpp>

#include <cstring>
#include <string>

#include "support/temp_dir.hpp"
#include "support/ui_fixtures.hpp"
#include "ui/font_cache.hpp"
#include "ui/i18n.hpp"
#include "ui/theme.hpp"

using namespace meedoen;

namespace {

void check_same_font(const ImFont& a, const ImFont& b) {
  CHECK(a.FontSize == b.FontSize);
  CHECK(a.Scale == b.Scale);
  CHECK(a.Ascent == b.Ascent);
  CHECK(a.Descent == b.Descent);
  CHECK(a.FallbackChar == b.FallbackChar);
  CHECK(a.EllipsisChar == b.EllipsisChar);
  CHECK(a.DotChar == b.DotChar);
  CHECK(a.FallbackAdvanceX == b.FallbackAdvanceX);
  REQUIRE(a.FallbackGlyph != nullptr);
  REQUIRE(b.FallbackGlyph != nullptr);
  CHECK(a.FallbackGlyph->Codepoint == b.FallbackGlyph->Codepoint);
  REQUIRE(a.Glyphs.Size == b.Glyphs.Size);
  CHECK(std::memcmp(a.Glyphs.Data, b.Glyphs.Data, sizeof(ImFontGlyph) * static_cast<std::size_t>(a.Glyphs.Size)) == 0);
  // The lookup tables every frame's text goes through, rebuilt from the glyphs as the build does.
  REQUIRE(a.IndexLookup.Size == b.IndexLookup.Size);
  CHECK(std::memcmp(a.IndexLookup.Data, b.IndexLookup.Data, sizeof(ImWchar) * a.IndexLookup.Size) == 0);
  REQUIRE(a.IndexAdvanceX.Size == b.IndexAdvanceX.Size);
  CHECK(std::memcmp(a.IndexAdvanceX.Data, b.IndexAdvanceX.Data, sizeof(float) * a.IndexAdvanceX.Size) == 0);
}

void check_same_atlas(const ui::BuiltFonts& built, const ui::BuiltFonts& read) {
  const ImFontAtlas& a = *built.atlas;
  const ImFontAtlas& b = *read.atlas;
  REQUIRE(a.TexWidth == b.TexWidth);
  REQUIRE(a.TexHeight == b.TexHeight);
  CHECK(std::memcmp(a.TexPixelsAlpha8, b.TexPixelsAlpha8, static_cast<std::size_t>(a.TexWidth) * a.TexHeight) == 0);
  CHECK(a.TexUvWhitePixel.x == b.TexUvWhitePixel.x);
  CHECK(a.TexUvWhitePixel.y == b.TexUvWhitePixel.y);
  CHECK(a.TexUvScale.x == b.TexUvScale.x);
  CHECK(a.TexUvScale.y == b.TexUvScale.y);
  CHECK(b.IsBuilt());
  REQUIRE(a.Fonts.Size == b.Fonts.Size);
  for (int i = 0; i < a.Fonts.Size; ++i) {
    INFO("font " << i);
    check_same_font(*a.Fonts[i], *b.Fonts[i]);
  }
  // Each role names the same font of the atlas.
  const ImFont* const roles_a[] = {built.fonts.body, built.fonts.bold, built.fonts.large,
                                   built.fonts.huge, built.fonts.icon, built.fonts.icon_huge};
  const ImFont* const roles_b[] = {read.fonts.body, read.fonts.bold, read.fonts.large,
                                   read.fonts.huge, read.fonts.icon, read.fonts.icon_huge};
  for (int r = 0; r < 6; ++r) {
    int ia = -1, ib = -1;
    for (int i = 0; i < a.Fonts.Size; ++i) {
      if (a.Fonts[i] == roles_a[r]) ia = i;
      if (b.Fonts[i] == roles_b[r]) ib = i;
    }
    CHECK(ia == ib);
    CHECK(ia >= 0);
  }
}

}  // namespace

TEST_CASE("font cache: an atlas read back is the atlas built, glyph for glyph and pixel for pixel", "[ui]") {
  test::Headless h(1280, 800);
  REQUIRE(h.fonts_loaded);
  ui::Strings tr;
  tr.load(test::assets_dir() + "/i18n", {"nl", "ar", "ti"});
  test::TempDir dir;
  for (const char* lang : {"nl", "ar", "ti"}) {
    INFO("language " << lang);
    const ui::FontPlan plan = ui::font_plan(lang, tr);
    ui::BuiltFonts first = ui::cached_fonts(plan, h.theme.scale, dir.path().string());
    REQUIRE(first.ok);
    CHECK(first.origin.rfind("built and kept in ", 0) == 0);
    ui::BuiltFonts again = ui::cached_fonts(plan, h.theme.scale, dir.path().string());
    REQUIRE(again.ok);
    CHECK(again.origin.rfind("read from ", 0) == 0);
    check_same_atlas(first, again);
    // Another scale is another file: a kiosk that moves to another screen builds once for it.
    ui::BuiltFonts larger = ui::cached_fonts(plan, h.theme.scale * 1.5f, dir.path().string());
    CHECK(larger.origin.rfind("built and kept in ", 0) == 0);
  }
}

TEST_CASE("font cache: a damaged, cut or foreign file is a miss that rebuilds, never a crash", "[ui]") {
  test::Headless h(1280, 800);
  REQUIRE(h.fonts_loaded);
  ui::Strings tr;
  tr.load(test::assets_dir() + "/i18n", {"nl"});
  test::TempDir dir;
  const ui::FontPlan plan = ui::font_plan("nl", tr);
  const float s = h.theme.scale;
  const std::string key = ui::font_cache_key(plan, s);
  const std::string file = ui::font_cache_file(dir.path().string(), plan, s);
  ui::BuiltFonts built = ui::cached_fonts(plan, s, dir.path().string());
  REQUIRE(built.ok);
  const std::string good = test::slurp(file);
  REQUIRE(good.size() > 100000);

  SECTION("another plan, scale or build: the key differs") {
    CHECK_FALSE(ui::load_saved_fonts(file, key + "x").ok);
    ui::FontPlan other = plan;
    other.huge_glyphs += "Z";
    CHECK(ui::font_cache_key(other, s) != key);
    CHECK(ui::font_cache_key(plan, s * 2) != key);
    CHECK(ui::load_saved_fonts(file, key).ok);
  }
  SECTION("cut short anywhere") {
    for (std::size_t size : {std::size_t{0}, std::size_t{7}, std::size_t{40}, key.size() + 30, good.size() / 2,
                             good.size() - 9, good.size() - 1}) {
      INFO("size " << size);
      test::write_file(file, good.substr(0, size));
      const ui::BuiltFonts read = ui::load_saved_fonts(file, key);
      CHECK_FALSE(read.ok);
      CHECK_FALSE(read.error.empty());
    }
  }
  SECTION("a byte changed anywhere") {
    for (std::size_t at : {std::size_t{3}, key.size() + 20, good.size() / 3, good.size() - 20, good.size() - 3}) {
      INFO("byte " << at);
      std::string bad = good;
      bad[at] = static_cast<char>(bad[at] ^ 0x5A);
      test::write_file(file, bad);
      CHECK_FALSE(ui::load_saved_fonts(file, key).ok);
    }
  }
  SECTION("a miss builds the atlas again and puts a good file in place") {
    test::write_file(file, good.substr(0, 1000));
    ui::BuiltFonts rebuilt = ui::cached_fonts(plan, s, dir.path().string());
    REQUIRE(rebuilt.ok);
    CHECK(rebuilt.origin.find("damaged") != std::string::npos);
    CHECK(test::slurp(file) == good);
  }
  SECTION("a folder that cannot be written: built every time, said why") {
    const std::string blocked = dir.write("a-file", "x");  // a file where the folder should be
    ui::BuiltFonts b = ui::cached_fonts(plan, s, blocked + "/fonts");
    CHECK(b.ok);
    CHECK(b.origin.rfind("built, not kept: ", 0) == 0);
  }
}
