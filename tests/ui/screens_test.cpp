// The real screens drawn headless for a few frames: what they recorded (targets, texts), whether
// every target is big enough, on screen and apart from the others, and which action a tap gives.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cfloat>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/state.hpp"
#include "support/fake_clock.hpp"
#include "support/layout_rules.hpp"
#include "support/ui_fixtures.hpp"
#include "ui/widgets/icons.hpp"

using namespace meedoen;
using core::Screen;
using test::FakeKiosk;
using test::Headless;
using test::kMonday0942;

namespace {

struct Display {
  float w, h;
};
constexpr Display kDisplays[] = {{1280, 800}, {1920, 1080}};
constexpr float kMinTarget = test::kMinTargetPx;

// The layout rules every screen keeps at every size (support/layout_rules.hpp): targets >= 64 px,
// on screen, unique and apart; texts in their box, never cut or broken inside a word; notices
// never over a target.
void check_layout(const ui::FrameRecord& r, ImVec2 display) {
  REQUIRE_FALSE(r.targets.empty());
  for (const std::string& p : test::layout_problems(r, display)) FAIL_CHECK(p);
}

const ui::FrameRecord::Target& target(const std::string& label_or_id) {
  const ui::FrameRecord::Target* t = ui::frame_record().find_target(label_or_id);
  INFO("looking for target " << label_or_id);
  REQUIRE(t != nullptr);
  return *t;
}

bool has_text(const std::string& s) {
  const auto& texts = ui::frame_record().texts;
  return std::any_of(texts.begin(), texts.end(), [&](const std::string& t) { return t.find(s) != std::string::npos; });
}

// A tap on a recorded target; the frames after it show the same view.
ui::Actions tap(Headless& h, const ui::FrameView& v, const std::string& label_or_id) {
  h.frames_of(v, 1);
  const ImVec2 at = test::centre_of(target(label_or_id));
  return h.tap(v, at);
}

template <class A>
std::vector<A> of_type(const ui::Actions& actions) {
  std::vector<A> out;
  for (const auto& a : actions)
    if (const auto* p = core::get_if<A>(&a)) out.push_back(*p);
  return out;
}

// Feeds the actions of a frame to the kiosk the way the platform does (a touch, then the action).
void dispatch(FakeKiosk& k, const ui::Actions& actions) {
  for (const auto& a : actions) k.touch(a);
}

// Checks that nobody else's name, and no surname at all, is shown in this frame.
void check_names_shown_only_for(const std::vector<std::string>& ids) {
  for (const auto& p : test::people()) {
    INFO(p.first_name << " " << p.last_name);
    CHECK_FALSE(ui::frame_record().shows(p.last_name));
    if (std::find(ids.begin(), ids.end(), p.id) == ids.end()) CHECK_FALSE(ui::frame_record().shows(p.first_name));
  }
}

// A headless context at one of the two kiosk sizes, checked to have real fonts.
struct Screens {
  explicit Screens(const Display& d) : h(d.w, d.h) {
    test::use_amsterdam_time();
    INFO(h.font_error);
    REQUIRE(h.fonts_loaded);
    REQUIRE(h.atlas_built);
  }
  // With the speaker button wherever the screen has something to read (the platform's choice
  // when a voice exists), so every layout check includes it.
  ui::FrameView view(const FakeKiosk& k) {
    ui::FrameView v = ui::make_frame_view(k.state(), tr);
    v.speaker = !v.spoken.empty();
    return v;
  }
  Headless h;
  ui::Strings tr = test::strings();
};

}  // namespace

TEST_CASE("screens: fonts cover names with diacritics and every pictogram", "[ui]") {
  Headless h(1280, 800);
  INFO(h.font_error);
  REQUIRE(h.fonts_loaded);
  REQUIRE(h.atlas_built);
  CHECK(h.theme.scale == Approx(1.0f));
  const std::vector<ImFont*> text_fonts{h.theme.fonts.body, h.theme.fonts.bold, h.theme.fonts.large,
                                        h.theme.fonts.huge};
  for (ImFont* f : text_fonts) {
    REQUIRE(f != nullptr);
    // ş ı Ö ü Ł é ë ç and the en dash / euro sign.
    for (ImWchar c : {0x015F, 0x0131, 0x00D6, 0x00FC, 0x0141, 0x00E9, 0x00EB, 0x00E7, 0x2013, 0x20AC}) {
      INFO("U+" << std::hex << c);
      CHECK(f->FindGlyphNoFallback(c) != nullptr);
    }
  }
  int pictograms = 0;
  for (const ImWchar* r = ui::icons::glyph_ranges(); r[0]; r += 2) {
    for (ImWchar c = r[0]; c <= r[1]; ++c) {
      INFO("pictogram U+" << std::hex << c);
      CHECK(h.theme.fonts.icon->FindGlyphNoFallback(c) != nullptr);
      CHECK(h.theme.fonts.bold->FindGlyphNoFallback(c) != nullptr);  // merged into the text fonts
      ++pictograms;
    }
  }
  CHECK(pictograms > 20);
  CHECK(ui::scale_for(1920, 1080) == Approx(1.35f));
  CHECK(ui::scale_for(1280, 800) == Approx(1.0f));
}

TEST_CASE("screens: welcome", "[ui]") {
  const Display d = kDisplays[GENERATE(0, 1)];
  INFO("display " << d.w << "x" << d.h);
  Screens s(d);
  FakeKiosk k(test::centre(), kMonday0942);
  const ui::FrameView v = s.view(k);
  const ui::Actions idle = s.h.frames_of(v, 3);
  CHECK(idle.empty());  // nothing happens without a touch
  check_layout(ui::frame_record(), s.h.display());

  CHECK(target("Start").id == "start");
  CHECK(target("lang:nl").label == "Nederlands");
  CHECK(target("lang:en").label == "English");
  CHECK(has_text("De Cirkel"));
  CHECK(has_text("09:42"));
  CHECK(has_text("maandag 23 november"));
  CHECK(has_text("Koffieochtend"));
  CHECK(has_text("Samen koken"));
  CHECK_FALSE(has_text("Moestuin"));
  CHECK(has_text("Tik hier of scan je pas"));
  check_names_shown_only_for({});

  SECTION("tapping Start") {
    const ui::Actions a = tap(s.h, v, "Start");
    CHECK(of_type<core::StartTapped>(a).size() == 1);
    CHECK(a.size() == 1);
    dispatch(k, a);
    CHECK(k.state().screen == Screen::Search);
  }
  SECTION("tapping English") {
    const ui::Actions a = tap(s.h, v, "English");
    const auto lang = of_type<core::LanguageTapped>(a);
    REQUIRE(lang.size() == 1);
    CHECK(lang[0].language == "en");
    dispatch(k, a);
    s.h.frames_of(s.view(k), 2);
    CHECK(has_text("Monday 23 November"));
    CHECK(target("English").label == "English");
    check_layout(ui::frame_record(), s.h.display());
  }
  SECTION("a tap next to the targets does nothing") { CHECK(s.h.tap(v, ImVec2(3, d.h * 0.5f)).empty()); }
}

TEST_CASE("screens: welcome with a notice banner", "[ui]") {
  const Display d = kDisplays[GENERATE(0, 1)];
  INFO("display " << d.w << "x" << d.h);
  Screens s(d);
  FakeKiosk k(test::centre(), kMonday0942);
  k.touch(core::CardScanned{"UNKNOWN-1"});
  const ui::FrameView v = s.view(k);
  REQUIRE(v.notice == "Deze pas kennen we niet. Vraag een coach om hulp.");
  s.h.frames_of(v, 3);
  check_layout(ui::frame_record(), s.h.display());
  CHECK(has_text("Deze pas kennen we niet. Vraag een coach om hulp."));
  // The banner only informs: Start still works under it.
  const ui::Actions a = tap(s.h, v, "Start");
  CHECK(of_type<core::StartTapped>(a).size() == 1);

  // Six seconds later it is gone.
  k.advance(core::seconds(6));
  s.h.frames_of(s.view(k), 2);
  CHECK_FALSE(has_text("Deze pas kennen we niet"));
}

TEST_CASE("screens: search with six matches above the keyboard", "[ui]") {
  const Display d = kDisplays[GENERATE(0, 1)];
  INFO("display " << d.w << "x" << d.h);
  Screens s(d);
  FakeKiosk k(test::centre(), kMonday0942);
  k.touch(core::StartTapped{});

  SECTION("empty query: guidance, keyboard, A gives a capital") {
    const ui::FrameView v = s.view(k);
    s.h.frames_of(v, 3);
    check_layout(ui::frame_record(), s.h.display());
    CHECK(has_text("Wie ben jij?"));
    CHECK(has_text("Tik de eerste letters van je naam"));
    for (const char* key : {"key:Q", "key:P", "key:A", "key:L", "key:-", "key:Z", "key:M", "key:'"}) {
      INFO(key);
      CHECK(ui::frame_record().find_target(key) != nullptr);
    }
    CHECK_FALSE(target("wissen").enabled);  // nothing to erase
    CHECK_FALSE(target("spatie").enabled);  // no leading space
    check_names_shown_only_for({});

    const ui::Actions a = tap(s.h, v, "key:A");
    const auto typed = of_type<core::SearchTyped>(a);
    REQUIRE(typed.size() == 1);
    CHECK(typed[0].text == "A");
    // Disabled keys give nothing.
    CHECK(tap(s.h, v, "wissen").empty());
    CHECK(tap(s.h, v, "spatie").empty());
  }

  SECTION("\"A\": six tiles, none under a key") {
    k.touch(core::SearchTyped{"A"});
    const ui::FrameView v = s.view(k);
    REQUIRE(v.search.matches.size() == 6);
    s.h.frames_of(v, 3);
    check_layout(ui::frame_record(), s.h.display());
    for (const char* label : {"Ahmed B.", "Ali Ö.", "Amira H.", "Annelies G.", "Anouk B.", "Ayşe Y."}) {
      INFO(label);
      const auto& t = target(label);
      CHECK(t.id.rfind("match:", 0) == 0);
      CHECK(t.enabled);
    }
    // Tiles sit above the keyboard.
    float tiles_bottom = 0, keys_top = 1e9f;
    for (const auto& t : ui::frame_record().targets) {
      if (t.id.rfind("match:", 0) == 0) tiles_bottom = std::max(tiles_bottom, t.max.y);
      if (t.id.rfind("key:", 0) == 0) keys_top = std::min(keys_top, t.min.y);
    }
    CHECK(tiles_bottom <= keys_top);
    CHECK(has_text("A|"));  // the query, with its cursor
    check_names_shown_only_for({"p-ahmed", "p-ali", "p-amira", "p-annelies", "p-anouk", "p-ayse"});

    SECTION("the next letter is lower case") {
      const auto typed = of_type<core::SearchTyped>(tap(s.h, v, "key:N"));
      REQUIRE(typed.size() == 1);
      CHECK(typed[0].text == "n");
    }
    SECTION("space, erase and back") {
      auto typed = of_type<core::SearchTyped>(tap(s.h, v, "spatie"));
      REQUIRE(typed.size() == 1);
      CHECK(typed[0].text == " ");
      CHECK(of_type<core::SearchErased>(tap(s.h, v, "wissen")).size() == 1);
      CHECK(of_type<core::BackTapped>(tap(s.h, v, "Terug")).size() == 1);
    }
    SECTION("tapping a tile chooses that person") {
      const ui::Actions a = tap(s.h, v, "Ayşe Y.");
      const auto chosen = of_type<core::ParticipantChosen>(a);
      REQUIRE(chosen.size() == 1);
      CHECK(chosen[0].id == "p-ayse");
      CHECK(a.size() == 1);
    }
  }

  SECTION("no match") {
    k.touch(core::SearchTyped{"Xq"});
    const ui::FrameView v = s.view(k);
    s.h.frames_of(v, 3);
    check_layout(ui::frame_record(), s.h.display());
    CHECK(has_text("Niemand gevonden. Probeer een andere letter."));
    check_names_shown_only_for({});
  }
}

TEST_CASE("screens: PIN pad", "[ui]") {
  const Display d = kDisplays[GENERATE(0, 1)];
  INFO("display " << d.w << "x" << d.h);
  Screens s(d);
  FakeKiosk k(test::centre(), kMonday0942);
  k.touch(core::StartTapped{});
  k.touch(core::SearchTyped{"Fat"});
  k.touch(core::ParticipantChosen{"p-fatima"});
  REQUIRE(k.state().screen == Screen::Pin);

  SECTION("typing") {
    k.touch(core::PinDigit{'4'});
    const ui::FrameView v = s.view(k);
    s.h.frames_of(v, 3);
    check_layout(ui::frame_record(), s.h.display());
    CHECK(has_text("Hallo Fatima"));
    CHECK(has_text("Tik je code"));
    CHECK(has_text("*"));
    CHECK_FALSE(has_text("4"));  // the digit itself is never shown
    check_names_shown_only_for({"p-fatima"});
    for (char c = '0'; c <= '9'; ++c) {
      INFO(c);
      CHECK(target(std::string("pin:") + c).enabled);
    }
    CHECK(target("pin:erase").enabled);

    const auto digits = of_type<core::PinDigit>(tap(s.h, v, "pin:7"));
    REQUIRE(digits.size() == 1);
    CHECK(digits[0].digit == '7');
    CHECK(of_type<core::PinDigit>(tap(s.h, v, "pin:0")).at(0).digit == '0');
    CHECK(of_type<core::PinErased>(tap(s.h, v, "pin:erase")).size() == 1);
    CHECK(of_type<core::BackTapped>(tap(s.h, v, "Terug")).size() == 1);
  }

  SECTION("paused after three wrong codes") {
    for (int i = 0; i < core::kMaxWrongPins; ++i) {
      for (char c : {'9', '9', '9', '9'}) k.touch(core::PinDigit{c});
      k.act(core::PinChecked{"p-fatima", false});
    }
    const ui::FrameView v = s.view(k);
    REQUIRE(v.pin.paused);
    s.h.frames_of(v, 3);
    check_layout(ui::frame_record(), s.h.display());
    CHECK(has_text("Vraag een coach om hulp"));
    CHECK(has_text("Je code is even op pauze."));
    for (char c = '0'; c <= '9'; ++c) CHECK_FALSE(target(std::string("pin:") + c).enabled);
    CHECK(tap(s.h, v, "pin:5").empty());
    CHECK(target("Terug").enabled);  // a way out stays
    CHECK(of_type<core::BackTapped>(tap(s.h, v, "Terug")).size() == 1);
  }
}

TEST_CASE("screens: home before and after check-in", "[ui]") {
  const Display d = kDisplays[GENERATE(0, 1)];
  INFO("display " << d.w << "x" << d.h);
  Screens s(d);
  FakeKiosk k(test::centre(), kMonday0942);
  k.touch(core::CardScanned{"C003"});
  REQUIRE(k.state().screen == Screen::Home);

  ui::FrameView v = s.view(k);
  s.h.frames_of(v, 3);
  check_layout(ui::frame_record(), s.h.display());
  CHECK(target("Inchecken").id == "check");
  CHECK(target("Klaar").id == "done");
  CHECK(has_text("Goedemorgen, Fatima"));
  CHECK(has_text("Tik om in te checken"));
  CHECK(has_text("Koffieochtend"));
  check_names_shown_only_for({"p-fatima"});
  CHECK_FALSE(ui::frame_record().shows("Uitchecken"));

  ui::Actions a = tap(s.h, v, "Inchecken");
  REQUIRE(of_type<core::CheckInTapped>(a).size() == 1);
  CHECK(of_type<core::CheckOutTapped>(a).empty());
  dispatch(k, a);
  const auto* rc = k.command<core::RecordCheckIn>();
  REQUIRE(rc != nullptr);
  CHECK(rc->participant_id == "p-fatima");

  // While the write is under way the buttons are disabled.
  v = s.view(k);
  s.h.frames_of(v, 2);
  CHECK_FALSE(target("check").enabled);
  CHECK(tap(s.h, v, "check").empty());

  k.act(core::AttendanceStored{test::stored(*rc), core::Outcome::CheckedIn});
  k.touch(core::CardScanned{"C003"});  // back at home: now checked in
  v = s.view(k);
  REQUIRE(v.home.checked_in);
  s.h.frames_of(v, 3);
  check_layout(ui::frame_record(), s.h.display());
  CHECK(target("Uitchecken").id == "check");
  CHECK(has_text("Je bent er sinds 09:42"));
  check_names_shown_only_for({"p-fatima"});
  a = tap(s.h, v, "Uitchecken");
  CHECK(of_type<core::CheckOutTapped>(a).size() == 1);
  CHECK(of_type<core::CheckInTapped>(a).empty());
  CHECK(of_type<core::DoneTapped>(tap(s.h, v, "Klaar")).size() == 1);
}

// The largest share of the display one drawn triangle's bounding box covers, over the last frame.
float largest_triangle_share(ImVec2 display) {
  float largest = 0;
  const ImDrawData* data = ImGui::GetDrawData();
  for (int l = 0; l < data->CmdListsCount; ++l) {
    const ImDrawList& list = *data->CmdLists[l];
    for (int i = 0; i + 2 < list.IdxBuffer.Size; i += 3) {
      ImVec2 lo(FLT_MAX, FLT_MAX), hi(-FLT_MAX, -FLT_MAX);
      for (int j = 0; j < 3; ++j) {
        const ImVec2 p = list.VtxBuffer[list.IdxBuffer[i + j]].pos;
        lo = ImVec2(std::min(lo.x, p.x), std::min(lo.y, p.y));
        hi = ImVec2(std::max(hi.x, p.x), std::max(hi.y, p.y));
      }
      largest = std::max(largest, (hi.x - lo.x) * (hi.y - lo.y) / (display.x * display.y));
    }
  }
  return largest;
}

// Issue 17: the screen's background is the GL clear's colour (platform/window.hpp), not a quad
// over the whole display: to llvmpipe that quad was half the first frame's shading.
TEST_CASE("screens: the background is left to the clear, not drawn over the whole display", "[ui]") {
  Screens s(kDisplays[GENERATE(0, 1)]);
  FakeKiosk k(test::centre(), kMonday0942);
  s.h.frames_of(s.view(k), 2);
  CHECK(largest_triangle_share(s.h.display()) < 0.5f);
  k.touch(core::StartTapped{});
  REQUIRE(k.state().screen == Screen::Search);
  s.h.frames_of(s.view(k), 2);
  CHECK(largest_triangle_share(s.h.display()) < 0.5f);
}

TEST_CASE("screens: confirmation", "[ui]") {
  const Display d = kDisplays[GENERATE(0, 1)];
  INFO("display " << d.w << "x" << d.h);
  Screens s(d);
  FakeKiosk k(test::centre(), kMonday0942);
  k.touch(core::CardScanned{"C003"});
  k.touch(core::CheckInTapped{});
  REQUIRE(k.command<core::RecordCheckIn>() != nullptr);
  k.act(core::AttendanceStored{test::stored(*k.command<core::RecordCheckIn>()), core::Outcome::CheckedIn});
  const ui::FrameView v = s.view(k);
  REQUIRE(v.screen == Screen::Confirmation);
  s.h.frames_of(v, 3);
  check_layout(ui::frame_record(), s.h.display());
  CHECK(has_text("Je bent ingecheckt, 09:42"));
  CHECK(has_text("Fijn dat je er bent!"));
  CHECK(target("OK").id == "ok");
  const ui::Actions a = tap(s.h, v, "OK");
  CHECK(of_type<core::DoneTapped>(a).size() == 1);
  dispatch(k, a);
  CHECK(k.state().screen == Screen::Welcome);
}

TEST_CASE("screens: the inactivity prompt over home", "[ui]") {
  const Display d = kDisplays[GENERATE(0, 1)];
  INFO("display " << d.w << "x" << d.h);
  Screens s(d);
  FakeKiosk k(test::centre(), kMonday0942);
  k.touch(core::CardScanned{"C003"});
  k.advance(core::seconds(30));
  const ui::FrameView v = s.view(k);
  REQUIRE(v.prompt.visible);
  s.h.frames_of(v, 3);
  const ui::FrameRecord& r = ui::frame_record();
  CHECK(has_text("Ben je er nog?"));
  CHECK(has_text("10"));
  CHECK(has_text("Over 10 seconden gaan we terug naar het begin"));
  const auto& still = target("Ja, ik ben er nog");
  CHECK(still.id == "still_here");
  CHECK(std::min(still.max.x - still.min.x, still.max.y - still.min.y) >= kMinTarget);
  CHECK(still.min.x >= 0);
  CHECK(still.min.y >= 0);
  CHECK(still.max.x <= d.w);
  CHECK(still.max.y <= d.h);
  CHECK(r.min_target_px >= kMinTarget);
  check_names_shown_only_for({"p-fatima"});

  // Everything under the prompt is dimmed: the dimming is drawn after every list of the screen
  // (child windows, with their white edge fades), the prompt after the dimming.
  const ImDrawData* dd = ImGui::GetDrawData();
  int dim = -1, prompt = -1, last_list = -1;
  for (int i = 0; i < dd->CmdListsCount; ++i) {
    const std::string owner = dd->CmdLists[i]->_OwnerName ? dd->CmdLists[i]->_OwnerName : "";
    if (owner == "##dim") dim = i;
    if (owner == "##prompt") prompt = i;
    if (owner.rfind("##kiosk/", 0) == 0) last_list = i;
  }
  CHECK(last_list >= 0);  // home's today list
  CHECK(dim > last_list);
  CHECK(prompt > dim);

  // Only the prompt answers; the home screen under it is dimmed and does nothing.
  CHECK(of_type<core::StillHereTapped>(tap(s.h, v, "still_here")).size() == 1);
  const auto& check = target("check");
  CHECK(s.h.tap(v, ImVec2(check.min.x + 10, check.min.y + 10)).empty());
  CHECK(s.h.tap(v, test::centre_of(target("done"))).empty());

  const ui::Actions a = tap(s.h, v, "still_here");
  dispatch(k, a);
  s.h.frames_of(s.view(k), 2);
  CHECK_FALSE(has_text("Ben je er nog?"));
  CHECK(target("Inchecken").enabled);
}

// FrameRecord::Target::enabled is what a replay's `tap` and these tests rely on; under the
// prompt the home buttons are disabled by ImGui::BeginDisabled but recorded as enabled, so the
// record says "Inchecken" can be tapped while the prompt covers it.
TEST_CASE("screens: targets under the prompt are recorded as disabled", "[ui]") {
  Screens s(kDisplays[0]);
  FakeKiosk k(test::centre(), kMonday0942);
  k.touch(core::CardScanned{"C003"});
  k.advance(core::seconds(30));
  const ui::FrameView v = s.view(k);
  REQUIRE(v.prompt.visible);
  s.h.frames_of(v, 3);
  CHECK_FALSE(target("check").enabled);
  CHECK_FALSE(target("done").enabled);
  CHECK(target("still_here").enabled);
  check_layout(ui::frame_record(), s.h.display());
}

// Draws welcome, search with six matches, PIN pad, home and confirmation at one size and
// checks the layout rules on each.
void check_all_screens(const Display& d) {
  INFO("display " << d.w << "x" << d.h);
  Screens s(d);
  FakeKiosk k(test::centre(), kMonday0942);
  SECTION("welcome") {
    s.h.frames_of(s.view(k), 2);
    check_layout(ui::frame_record(), s.h.display());
  }
  SECTION("search with six matches") {
    k.touch(core::StartTapped{});
    k.touch(core::SearchTyped{"A"});
    REQUIRE(s.view(k).search.matches.size() == 6);
    s.h.frames_of(s.view(k), 2);
    check_layout(ui::frame_record(), s.h.display());
  }
  SECTION("PIN pad") {
    k.touch(core::StartTapped{});
    k.touch(core::ParticipantChosen{"p-ayse"});
    k.touch(core::PinDigit{'1'});
    s.h.frames_of(s.view(k), 2);
    check_layout(ui::frame_record(), s.h.display());
  }
  SECTION("home") {
    k.touch(core::CardScanned{"C003"});
    s.h.frames_of(s.view(k), 2);
    check_layout(ui::frame_record(), s.h.display());
  }
  SECTION("confirmation") {
    k.touch(core::CardScanned{"C003"});
    k.touch(core::CheckInTapped{});
    REQUIRE(k.command<core::RecordCheckIn>() != nullptr);
    k.act(core::AttendanceStored{test::stored(*k.command<core::RecordCheckIn>()), core::Outcome::CheckedIn});
    s.h.frames_of(s.view(k), 2);
    check_layout(ui::frame_record(), s.h.display());
  }
  SECTION("volunteer hours: seven days and the quick choices") {
    k.touch(core::CardScanned{"C003"});
    k.touch(core::OpenTapped{Screen::Hours});
    REQUIRE(k.state().screen == Screen::Hours);
    s.h.frames_of(s.view(k), 2);
    check_layout(ui::frame_record(), s.h.display());
    for (const char* id : {"hday:0", "hday:6", "hquick:60", "hquick:240", "speak"}) target(id);
  }
  SECTION("the check-out question: clock face and three answers") {
    k.touch(core::CardScanned{"C003"});
    k.act(core::ParticipantLoaded{test::forgotten_checkout("p-fatima")});
    REQUIRE(k.state().screen == Screen::CheckoutQuestion);
    s.h.frames_of(s.view(k), 2);
    check_layout(ui::frame_record(), s.h.display());
    for (const char* id : {"end:right", "end:wrong", "end:unknown", "speak"}) target(id);
    CHECK(has_text("12:30"));  // under the clock face
  }
}

TEST_CASE("screens: layout holds at other common screen sizes", "[ui]") {
  check_all_screens(GENERATE(Display{1024, 768}, Display{1280, 720}, Display{1280, 1024}, Display{1366, 768},
                             Display{1920, 1200}, Display{2560, 1440}, Display{1080, 1920}));
}

// The smallest window the kiosk accepts (meedoen-kiosk refuses less): targets stay >= 64 px
// and one row of match tiles still fits above the keyboard.
TEST_CASE("screens: layout holds on the smallest supported screen", "[ui]") {
  check_all_screens(GENERATE(Display{1024, 600}));
}

TEST_CASE("screens: a whole check-in by taps only", "[ui]") {
  const Display d = kDisplays[GENERATE(0, 1)];
  INFO("display " << d.w << "x" << d.h);
  Screens s(d);
  FakeKiosk k(test::centre(), kMonday0942);
  auto tap_and_dispatch = [&](const std::string& what) {
    const ui::Actions a = tap(s.h, s.view(k), what);
    INFO("tap " << what);
    REQUIRE(a.size() == 1);
    dispatch(k, a);
  };

  tap_and_dispatch("Start");
  REQUIRE(k.state().screen == Screen::Search);
  for (const char* key : {"key:F", "key:A", "key:T"}) tap_and_dispatch(key);
  CHECK(k.state().query == "Fat");
  tap_and_dispatch("Fatima E.");
  REQUIRE(k.state().screen == Screen::Pin);
  for (const char* key : {"pin:2", "pin:0", "pin:2", "pin:6"}) tap_and_dispatch(key);
  const auto* verify = k.command<core::VerifyPin>();
  REQUIRE(verify != nullptr);
  CHECK(verify->participant_id == "p-fatima");
  CHECK(verify->pin == "2026");
  k.act(core::PinChecked{"p-fatima", true});
  REQUIRE(k.state().screen == Screen::Home);
  tap_and_dispatch("Inchecken");
  const auto* rc = k.command<core::RecordCheckIn>();
  REQUIRE(rc != nullptr);
  CHECK(rc->date == "2026-11-23");
  CHECK(rc->dagdeel == core::Dagdeel::Morning);
  k.act(core::AttendanceStored{test::stored(*rc), core::Outcome::CheckedIn});
  s.h.frames_of(s.view(k), 2);
  CHECK(has_text("Je bent ingecheckt, 09:42"));
  tap_and_dispatch("OK");
  CHECK(k.state().screen == Screen::Welcome);
  CHECK(k.state().participant_id.empty());
}
