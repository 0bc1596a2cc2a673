// The font atlas off the UI thread (issue 17): a language in another script gets its atlas built
// on a worker while the current one stays in use, then swapped in between two frames.
#include <catch2/catch.hpp>

#include <future>
#include <string>

#include "support/ui_fixtures.hpp"
#include "ui/i18n.hpp"
#include "ui/theme.hpp"

using namespace meedoen;

TEST_CASE("theme: the next script's atlas is built on a worker while frames go on and is then swapped in", "[ui]") {
  test::use_amsterdam_time();
  test::Headless h(1280, 800);
  REQUIRE(h.fonts_loaded);
  ui::Strings tr;
  tr.load(test::assets_dir() + "/i18n", {"nl", "ar"});
  tr.set_language("nl");  // the frames below draw in Dutch
  const ImFontAtlas* before = ImGui::GetIO().Fonts;
  const ImWchar seen = 0xFEB3;  // an Arabic letter as drawn: shaped, initial form
  CHECK(h.theme.fonts.body->FindGlyphNoFallback(seen) == nullptr);

  std::future<ui::BuiltFonts> next = std::async(
      std::launch::async, [plan = ui::font_plan("ar", tr), s = h.theme.scale] { return ui::build_fonts(plan, s); });
  // The UI thread keeps drawing with the atlas it has.
  test::FakeKiosk k(test::centre(), test::kMonday0942);
  for (int i = 0; i < 3; ++i) h.frame(ui::make_frame_view(k.state(), tr));
  ui::BuiltFonts built = next.get();
  REQUIRE(built.ok);
  CHECK(ImGui::GetIO().Fonts == before);

  ui::install_fonts(h.theme, std::move(built));
  CHECK(ImGui::GetIO().Fonts != before);
  CHECK(h.theme.fonts.body->FindGlyphNoFallback(seen) != nullptr);
  CHECK(h.theme.fonts.body->FindGlyphNoFallback('A') != nullptr);  // Latin stays
  unsigned char* pixels = nullptr;
  int w = 0, ht = 0;
  ImGui::GetIO().Fonts->GetTexDataAsAlpha8(&pixels, &w, &ht);
  CHECK(pixels != nullptr);
  CHECK(w == 2048);
  CHECK(ht < 2048);                             // no rounding up to a power of two: as small as the glyphs fit
  h.frame(ui::make_frame_view(k.state(), tr));  // the new fonts draw
}

TEST_CASE("theme: without a plan the 76 px font keeps the whole Latin range", "[ui]") {
  test::Headless h(1280, 800);
  REQUIRE(h.fonts_loaded);
  for (ImWchar c : {ImWchar('Q'), ImWchar(0x0141), ImWchar(0x20AC)})  // Q, Ł, €
    CHECK(h.theme.fonts.huge->FindGlyphNoFallback(c) != nullptr);
}

TEST_CASE("theme: an Arabic letter stands as tall as the Latin letters beside it", "[ui]") {
  test::Headless h(1280, 800);
  REQUIRE(h.fonts_loaded);
  ui::Strings tr;
  tr.load(test::assets_dir() + "/i18n", {"nl", "ar"});
  ui::BuiltFonts built = ui::build_fonts(ui::font_plan("ar", tr), h.theme.scale);
  REQUIRE(built.ok);
  for (ImFont* font : {built.fonts.body, built.fonts.bold, built.fonts.large}) {
    const ImFontGlyph* alef = font->FindGlyphNoFallback(0xFE8D);  // ARABIC LETTER ALEF, isolated
    const ImFontGlyph* ell = font->FindGlyphNoFallback('l');
    REQUIRE(alef != nullptr);
    REQUIRE(ell != nullptr);
    const float ratio = (alef->Y1 - alef->Y0) / (ell->Y1 - ell->Y0);
    INFO("font " << font->FontSize << " px: alef " << alef->Y1 - alef->Y0 << " px, l " << ell->Y1 - ell->Y0 << " px");
    CHECK(ratio > 0.85f);  // merged at the text font's size it was 0.6
    CHECK(ratio < 1.2f);
    CHECK(alef->Y1 <= ell->Y1 + 1);  // on the same baseline
  }
}

// Issue 17: once built, the atlas lets go of what only the build reads (a copy of the TTF file
// per font and merged font, 5.6 MiB for the Latin plan); the glyphs and the pixels stay.
TEST_CASE("theme: a built atlas keeps its glyphs and pixels, not the font files", "[ui]") {
  test::Headless h(1280, 800);
  REQUIRE(h.fonts_loaded);
  ui::Strings tr;
  tr.load(test::assets_dir() + "/i18n", {"nl", "ar"});
  for (const char* lang : {"nl", "ar"}) {
    INFO("language " << lang);
    ui::BuiltFonts built = ui::build_fonts(ui::font_plan(lang, tr), h.theme.scale);
    REQUIRE(built.ok);
    CHECK(built.atlas->ConfigData.empty());
    for (const ImFont* f : built.atlas->Fonts) CHECK(f->ConfigData == nullptr);
    CHECK(built.fonts.body->FindGlyphNoFallback(0x0141) != nullptr);  // Ł
    CHECK(built.fonts.icon->Glyphs.Size > 0);
    unsigned char* pixels = nullptr;
    int w = 0, ht = 0;
    built.atlas->GetTexDataAsAlpha8(&pixels, &w, &ht);
    REQUIRE(pixels != nullptr);
    CHECK(w == 2048);
    CHECK(built.atlas->ConfigData.empty());  // the pixels were there: nothing rebuilt from a default font
  }
}
