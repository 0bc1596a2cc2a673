// Arabic screens mirrored: the real participant screens drawn headless in Arabic with the font
// atlas the kiosk builds for it, mirrored as the kiosk mirrors them (ui/bidi/mirror.hpp), then
// checked where a right-to-left reader looks for things, and that every target stays >= 64 px.
#include <catch2/catch.hpp>

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
  test::use_amsterdam_time();
  test::Headless h(size.w, size.h);
  ui::Strings tr;
  tr.load(test::assets_dir() + "/i18n", {"nl", "en", "ar"});
  std::string error;
  REQUIRE(ui::load_fonts(h.theme, ui::font_plan("ar", tr), error));
  unsigned char* pixels = nullptr;
  int tw = 0, th = 0;
  ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &tw, &th);
  // Every glyph an Arabic screen draws is in the atlas (a missing one would show as '?').
  for (ImFont* f : {h.theme.fonts.body, h.theme.fonts.bold, h.theme.fonts.large, h.theme.fonts.huge})
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
    CHECK(centre_x("check") > size.w * 0.5f);
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
    CHECK(centre_x("start") > size.w * 0.5f);
    CHECK(centre_x("lang:nl") > centre_x("lang:ar"));  // the first language button is the rightmost
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
    core::ParticipantData d;
    d.participant_id = "p-fatima";
    core::Attendance a;
    a.participant_id = "p-fatima";
    a.date = "2026-11-20";
    a.check_in = test::local_ms(2026, 11, 20, 9, 31);
    a.check_out = test::local_ms(2026, 11, 20, 12, 30);
    a.check_in_event = "e-in";
    a.auto_closed = true;
    d.recent = {a};
    k.act(core::ParticipantLoaded{d});
    REQUIRE(k.state().screen == Screen::CheckoutQuestion);
    draw_mirrored(h, k.state(), tr);
    check_targets(h.display());
    CHECK(centre_x("end:right") > centre_x("end:wrong"));
    CHECK(centre_x("end:wrong") > centre_x("end:unknown"));
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
