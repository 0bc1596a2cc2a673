// Arabic screens mirrored: the real participant screens drawn headless in Arabic with the font
// atlas the kiosk builds for it, mirrored as the kiosk mirrors them (ui/bidi/mirror.hpp), then
// checked where a right-to-left reader looks for things, and that every target stays >= 64 px.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "core/state.hpp"
#include "support/fake_clock.hpp"
#include "support/ui_fixtures.hpp"
#include "ui/bidi/bidi.hpp"
#include "ui/bidi/mirror.hpp"
#include "ui/bidi/shown.hpp"

using namespace meedoen;
using core::Screen;

namespace {

struct Size {
  float w, h;
};

const ui::FrameRecord::Target* find(const std::string& id) {
  for (const auto& t : ui::frame_record().targets)
    if (t.id == id) return &t;
  return nullptr;
}

float centre_x(const std::string& id) {
  const auto* t = find(id);
  REQUIRE(t != nullptr);
  return (t->min.x + t->max.x) * 0.5f;
}

float centre_y(const std::string& id) {
  const auto* t = find(id);
  REQUIRE(t != nullptr);
  return (t->min.y + t->max.y) * 0.5f;
}

// Draws the kiosk's current screen as the kiosk does in Arabic: a mirrored frame.
void draw_mirrored(test::Headless& h, const core::State& s, ui::Strings& tr) {
  ui::bidi::set_mirrored(true);
  for (int i = 0; i < 3; ++i) {
    h.frame(ui::make_frame_view(s, tr));
    ui::bidi::mirror_draw_data(*ImGui::GetDrawData(), h.display().x);
  }
  ui::bidi::mirror_record(ui::frame_record(), h.display().x);
  ui::bidi::set_mirrored(false);
}

void check_targets(const ImVec2 display) {
  const ui::FrameRecord& r = ui::frame_record();
  CHECK(r.min_target_px >= 64.0f);
  for (const auto& t : r.targets) {
    INFO(t.id << " at " << t.min.x << "," << t.min.y << " - " << t.max.x << "," << t.max.y);
    CHECK(t.min.x >= -0.5f);
    CHECK(t.max.x <= display.x + 0.5f);
    CHECK(t.max.y <= display.y + 0.5f);
  }
}

}  // namespace

TEST_CASE("arabic layout: the participant screens are mirrored and every target is at least 64 px", "[ui][bidi]") {
  const Size size = GENERATE(Size{1280, 800}, Size{1024, 600}, Size{1080, 1920});
  INFO("display " << size.w << "x" << size.h);
  const bool portrait = size.h > size.w;  // screens stack what landscape puts side by side
  test::use_amsterdam_time();
  test::Headless h(size.w, size.h);
  ui::Strings tr;
  tr.load(test::assets_dir() + "/i18n", {"nl", "en", "ar"});
  std::string error;
  REQUIRE(ui::load_fonts(h.theme, ui::font_plan("ar", tr), error));
  unsigned char* pixels = nullptr;
  int tw = 0, th = 0;
  ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &tw, &th);
  // Every glyph an Arabic screen draws is in the atlas (a missing one would show as '?'); the 76 px
  // font holds only the clock, figures and its three labels (i18n_test checks those).
  for (ImFont* f : {h.theme.fonts.body, h.theme.fonts.bold, h.theme.fonts.large})
    for (const char32_t c : std::u32string(U"\uFEB3\uFEFC\uFEE1\u061F"))
      CHECK(f->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);

  core::State centre = test::centre();
  centre.config.languages = {"nl", "en", "ar"};
  test::FakeKiosk k(centre, test::kMonday0942);
  k.touch(core::LanguageTapped{"ar"});
  k.touch(core::CardScanned{"C003"});  // Fatima; her preference (Dutch) gives way to the choice
  REQUIRE(k.state().screen == Screen::Home);
  REQUIRE(k.state().language == "ar");

  SECTION("home: the big check-in button on the right, Done and the language on the left") {
    draw_mirrored(h, k.state(), tr);
    check_targets(h.display());
    // Portrait stacks the big button over the tiles, full width: the tiles read from the right.
    if (portrait) CHECK(centre_x("open:activities") > centre_x("open:absence"));
    else CHECK(centre_x("check") > size.w * 0.5f);
    CHECK(centre_x("done") < size.w * 0.5f);
    CHECK(centre_x("open:language") < size.w * 0.5f);
    CHECK(centre_x("done") < centre_x("open:language"));  // read from the right: language, then Done
    CHECK(ui::frame_record().shows("صباح الخير يا Fatima"));
    // The name is its own run in the sentence (ui/bidi/bidi.hpp isolated).
    const std::string greeting = "صباح الخير يا " + ui::bidi::isolated("Fatima");
    bool isolated = false;
    for (const std::string& text : ui::frame_record().texts)
      isolated = isolated || text.find(greeting) != std::string::npos;
    CHECK(isolated);
  }
  SECTION("welcome: Start on the right, the language buttons read from the right") {
    k.touch(core::DoneTapped{});
    k.advance(core::kSettle);
    k.touch(core::LanguageTapped{"ar"});
    REQUIRE(k.state().screen == Screen::Welcome);
    draw_mirrored(h, k.state(), tr);
    check_targets(h.display());
    if (!portrait) CHECK(centre_x("start") > size.w * 0.5f);  // portrait: full width, low
    CHECK(centre_x("lang:nl") > centre_x("lang:ar"));         // the first language button is the rightmost
  }
  SECTION("confirmation: the time left to right, OK a target") {
    k.touch(core::CheckInTapped{});
    REQUIRE(k.command<core::RecordCheckIn>() != nullptr);
    k.act(core::AttendanceStored{test::stored(*k.command<core::RecordCheckIn>()), core::Outcome::CheckedIn});
    REQUIRE(k.state().screen == Screen::Confirmation);
    draw_mirrored(h, k.state(), tr);
    check_targets(h.display());
    REQUIRE(find("ok") != nullptr);
    CHECK(ui::frame_record().shows("09:42"));
  }
  SECTION("the forgotten check-out question: yes first from the right, the time left to right") {
    k.act(core::ParticipantLoaded{test::forgotten_checkout("p-fatima")});
    REQUIRE(k.state().screen == Screen::CheckoutQuestion);
    draw_mirrored(h, k.state(), tr);
    check_targets(h.display());
    if (portrait) {  // one above the other, yes first
      CHECK(centre_y("end:right") < centre_y("end:wrong"));
      CHECK(centre_y("end:wrong") < centre_y("end:unknown"));
    } else {
      CHECK(centre_x("end:right") > centre_x("end:wrong"));
      CHECK(centre_x("end:wrong") > centre_x("end:unknown"));
    }
    CHECK(ui::frame_record().shows("12:30"));
  }
  SECTION("the inactivity prompt: its answer is a target of 64 px or more, on screen") {
    k.advance(31'000);
    REQUIRE(core::prompt_visible(k.state()));
    draw_mirrored(h, k.state(), tr);
    check_targets(h.display());
    REQUIRE(find("still_here") != nullptr);
  }
  for (const Screen screen : {Screen::Activities, Screen::Absence, Screen::Hours, Screen::Progress, Screen::Language}) {
    DYNAMIC_SECTION("screen " << static_cast<int>(screen) << ": back on the right") {
      k.touch(core::OpenTapped{screen});
      REQUIRE(k.state().screen == screen);
      draw_mirrored(h, k.state(), tr);
      check_targets(h.display());
      CHECK(centre_x("back") > size.w * 0.5f);
    }
  }
  SECTION("the PIN pad keeps 1 2 3 from the left") {
    k.touch(core::DoneTapped{});
    k.advance(core::kSettle);
    k.touch(core::LanguageTapped{"ar"});
    k.touch(core::StartTapped{});
    k.touch(core::SearchTyped{"fat"});
    k.touch(core::ParticipantChosen{"p-fatima"});
    REQUIRE(k.state().screen == Screen::Pin);
    draw_mirrored(h, k.state(), tr);
    check_targets(h.display());
    CHECK(centre_x("pin:1") < centre_x("pin:2"));
    CHECK(centre_x("pin:2") < centre_x("pin:3"));
  }
}

TEST_CASE("mirror: each glyph keeps its own side bearings, so mirrored Latin is spaced as written", "[ui][bidi]") {
  test::Headless h(1280, 800);
  REQUIRE(h.fonts_loaded);
  ImFont* f = h.theme.fonts.body;
  // The ink boxes (left, right) of s drawn at x = 100, left to right, after mirroring if asked.
  const auto boxes = [&](const char* s, bool mirror) {
    ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    ImGui::GetForegroundDrawList()->AddText(f, f->FontSize, ImVec2(100, 100), IM_COL32_WHITE, s);
    ImGui::Render();
    ImDrawData& d = *ImGui::GetDrawData();
    if (mirror) ui::bidi::mirror_draw_data(d, 1280);
    const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
    std::vector<std::pair<float, float>> out;
    for (int l = 0; l < d.CmdListsCount; ++l) {
      const ImDrawList& list = *d.CmdLists[l];
      for (int i = 0; i + 3 < list.VtxBuffer.Size; i += 4)
        if (list.VtxBuffer[i].uv.x != white.x || list.VtxBuffer[i].uv.y != white.y)
          out.emplace_back(list.VtxBuffer[i].pos.x, list.VtxBuffer[i + 1].pos.x);
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  // "ka" as written, and as a mirrored frame draws it (the string turned around, then mirrored).
  const auto written = boxes("ka", false), mirrored = boxes("ak", true);
  REQUIRE(written.size() == 2);
  REQUIRE(mirrored.size() == 2);
  // The same gap between the k and the a, and the same glyph widths.
  CHECK(mirrored[1].first - mirrored[0].second == Approx(written[1].first - written[0].second).margin(0.01));
  CHECK(mirrored[0].second - mirrored[0].first == Approx(written[0].second - written[0].first).margin(0.01));
  // The pair's advance ends where it started, mirrored: 100 px from the right edge.
  CHECK(mirrored[1].second <= 1280.0f - 100.0f + 0.01f);
}
