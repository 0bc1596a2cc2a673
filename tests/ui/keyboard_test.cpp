// The on-screen name keyboard and the numeric keypad, drawn headless and tapped like a finger
// does: what they type (capitals, accents, erase), their layers, and their key sizes.
#include <imgui_internal.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "core/state.hpp"
#include "support/widget_bench.hpp"
#include "ui/widgets/keyboard.hpp"

using namespace meedoen;
using test::WidgetBench;

namespace {

struct Size {
  float w, h;
};
constexpr Size kSizes[] = {{1024, 600}, {1280, 800}, {1920, 1080}};

// A name field and a keyboard under it, as on the search screen; taps change the text the way
// core::update() changes the query for SearchTyped / SearchErased.
struct NameEntry {
  explicit NameEntry(WidgetBench& b, bool with_erase = true) : bench(b), erase(with_erase) {}
  void draw() {
    const ui::Theme& t = bench.theme();
    const float m = t.px(40);
    const ImVec2 d = bench.display();
    const ui::KeyEvent ev = ui::keyboard(
        t, {ImVec2(m, d.y - m - ui::keyboard_height(t)), d.x - 2 * m, text, &space, erase ? &erase_label : nullptr});
    if (ev.kind == ui::KeyEvent::Kind::Text) text += ev.text;
    if (ev.kind == ui::KeyEvent::Kind::Erase && !text.empty()) {
      std::size_t n = text.size() - 1;  // one UTF-8 character
      while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
      text.erase(n);
    }
    if (ev) ++events;
  }
  // Taps the key with this id (or label); fails the test when it is not on screen.
  void tap(const std::string& id) {
    bench.frame([&] { draw(); });
    INFO("key " << id);
    REQUIRE(bench.tap(id, [&] { draw(); }));
  }
  void type(std::initializer_list<const char*> ids) {
    for (const char* id : ids) tap(id);
  }
  const ui::FrameRecord::Target* key(const std::string& id) {
    bench.frame([&] { draw(); });
    return ui::frame_record().find_target(id);
  }

  WidgetBench& bench;
  bool erase;
  std::string text;
  int events = 0;
  std::string space = "spatie", erase_label = "wissen";
};

// Every recorded key: >= 64 px on both sides, inside the display, apart from the others.
void check_keys(const ImVec2 display) {
  const auto& targets = ui::frame_record().targets;
  REQUIRE(targets.size() >= 30);
  std::set<std::string> ids;
  for (const auto& t : targets) {
    INFO(t.id << " [" << t.min.x << "," << t.min.y << " - " << t.max.x << "," << t.max.y << "]");
    CHECK(t.max.x - t.min.x >= 64.0f);
    CHECK(t.max.y - t.min.y >= 64.0f);
    CHECK(t.min.x >= 0);
    CHECK(t.min.y >= 0);
    CHECK(t.max.x <= display.x);
    CHECK(t.max.y <= display.y);
    CHECK(ids.insert(t.id).second);
  }
  for (std::size_t i = 0; i < targets.size(); ++i)
    for (std::size_t j = i + 1; j < targets.size(); ++j) {
      const auto& a = targets[i];
      const auto& b = targets[j];
      INFO(a.id << " overlaps " << b.id);
      CHECK_FALSE((a.min.x < b.max.x && b.min.x < a.max.x && a.min.y < b.max.y && b.min.y < a.max.y));
    }
  CHECK(ui::frame_record().min_target_px >= 64.0f);
}

}  // namespace

TEST_CASE("keyboard: letters with capitals at word starts", "[ui]") {
  WidgetBench b(1280, 800);
  NameEntry e(b);
  e.type({"key:A", "key:N", "key:N", "key:A", "key: ", "key:D", "key:E", "key: ", "key:V", "key:R", "key:I",
          "key:E", "key:S", "key:-", "key:B", "key:A", "key:K", "key:K", "key:E", "key:R", "key:'"});
  CHECK(e.text == "Anna De Vries-Bakker'");
  CHECK(e.events == 21);

  SECTION("erase takes one character, and is off when there is nothing to erase") {
    e.tap("erase");
    CHECK(e.text == "Anna De Vries-Bakker");
    e.text.clear();
    const auto* erase = e.key("erase");
    REQUIRE(erase != nullptr);
    CHECK_FALSE(erase->enabled);
    CHECK_FALSE(e.key("key: ")->enabled);  // no leading space
    const int before = e.events;
    e.tap("erase");
    e.tap("key: ");
    CHECK(e.events == before);
    CHECK(e.text.empty());
  }
  SECTION("without an erase label the keyboard has no erase key") {
    NameEntry plain(b, false);
    CHECK(plain.key("erase") == nullptr);
    CHECK(plain.key("key:A") != nullptr);
  }
}

TEST_CASE("keyboard: the accent layer types Dutch, Turkish and Polish letters", "[ui]") {
  WidgetBench b(1280, 800);
  NameEntry e(b);

  // The letters layer has a switch and no accented letters.
  REQUIRE(e.key("key:accents") != nullptr);
  CHECK(e.key("key:accents")->label == "é ş ł …");
  CHECK(e.key("key:ş") == nullptr);

  e.type({"key:A", "key:Y"});
  e.tap("key:accents");
  CHECK(e.text == "Ay");  // switching types nothing
  CHECK(e.key("key:accents")->label == "ABC");
  CHECK(e.key("key:A") == nullptr);
  for (std::string_view a : ui::accent_letters()) {
    INFO(std::string(a));
    const auto* k = e.key("key:" + std::string(a));
    REQUIRE(k != nullptr);
    CHECK(k->label == std::string(a));  // mid-word: the key shows the small letter it types
  }
  e.tap("key:ş");
  CHECK(e.text == "Ayş");
  // Back on the letters by itself after one accented letter.
  REQUIRE(e.key("key:E") != nullptr);
  CHECK(e.key("key:ş") == nullptr);
  e.tap("key:E");
  CHECK(e.text == "Ayşe");

  SECTION("at a word start the accent keys show and type capitals") {
    e.type({"key: "});
    e.tap("key:accents");
    CHECK(e.key("key:ö")->label == "Ö");
    CHECK(e.key("key:ł")->label == "Ł");
    e.tap("key:ö");
    e.type({"key:Z", "key:T", "key:U"});
    CHECK(e.text == "Ayşe Öztu");
  }
  SECTION("dotless ı keeps its face and capitalises to a plain I") {
    e.type({"key: "});
    e.tap("key:accents");
    CHECK(e.key("key:ı")->label == "ı");
    e.tap("key:ı");
    CHECK(e.text == "Ayşe I");
  }
  SECTION("the switch goes back to the letters without typing") {
    e.tap("key:accents");
    e.tap("key:accents");
    CHECK(e.text == "Ayşe");
    CHECK(e.key("key:A") != nullptr);
  }
  SECTION("Polish and Dutch names") {
    e.text.clear();
    e.tap("key:accents");
    e.tap("key:ł");
    e.type({"key:U", "key:C", "key:J", "key:A", "key: ", "key:W"});
    e.tap("key:accents");
    e.tap("key:ą");
    e.type({"key:S", "key: ", "key:N"});
    e.tap("key:accents");
    e.tap("key:ë");
    e.tap("key:L");
    CHECK(e.text == "Łucja Wąs Nël");
  }
}

TEST_CASE("keyboard: a keyboard off screen for a frame starts on the letters again", "[ui]") {
  WidgetBench b(1280, 800);
  NameEntry e(b);
  e.tap("key:accents");
  REQUIRE(e.key("key:é") != nullptr);
  REQUIRE(e.key("key:é") != nullptr);  // it stays while it is on screen
  b.frames(2, [] {});                  // another screen
  CHECK(e.key("key:é") == nullptr);
  CHECK(e.key("key:A") != nullptr);
}

TEST_CASE("keyboard: keys are at least 64 px at every kiosk size, on both layers", "[ui]") {
  const Size s = kSizes[GENERATE(0, 1, 2)];
  INFO("display " << s.w << "x" << s.h);
  WidgetBench b(s.w, s.h);
  NameEntry e(b);
  e.key("key:A");
  check_keys(b.display());
  e.tap("key:accents");
  e.key("key:é");
  check_keys(b.display());
  CHECK(ui::frame_record().find_target("key:ź") != nullptr);
}

TEST_CASE("keyboard: every letter it can type is in the fonts", "[ui]") {
  WidgetBench b(1280, 800);
  REQUIRE(b.headless.fonts_loaded);
  for (std::string_view a : ui::accent_letters()) {
    for (ImFont* f : {b.theme().fonts.large, b.theme().fonts.bold, b.theme().fonts.body}) {
      unsigned int cp = 0;
      ImTextCharFromUtf8(&cp, a.data(), a.data() + a.size());
      INFO(std::string(a) << " U+" << std::hex << cp);
      CHECK(f->FindGlyphNoFallback(static_cast<ImWchar>(cp)) != nullptr);
      CHECK(f->FindGlyphNoFallback(static_cast<ImWchar>(cp == 0x131 ? 'I' : cp)) != nullptr);
    }
  }
  CHECK(b.theme().fonts.large->FindGlyphNoFallback(0x2026) != nullptr);  // … on the switch
}

TEST_CASE("keyboard: the key a replay taps for a character", "[ui]") {
  bool accent = true;
  CHECK(ui::key_id_for("a", accent) == "key:A");
  CHECK_FALSE(accent);
  CHECK(ui::key_id_for("Z", accent) == "key:Z");
  CHECK(ui::key_id_for(" ", accent) == "key: ");
  CHECK(ui::key_id_for("-", accent) == "key:-");
  CHECK(ui::key_id_for("'", accent) == "key:'");
  CHECK(ui::key_id_for("ş", accent) == "key:ş");
  CHECK(accent);
  CHECK(ui::key_id_for("Ş", accent) == "key:ş");
  CHECK(ui::key_id_for("ı", accent) == "key:ı");
  CHECK(ui::key_id_for("I", accent) == "key:I");
  CHECK_FALSE(accent);
  CHECK(ui::key_id_for("Ż", accent) == "key:ż");
  CHECK(ui::key_id_for("7", accent).empty());
  CHECK(ui::key_id_for("ß", accent).empty());
  CHECK(ui::accent_letters().size() == 30);
}

// [SECTION] Keypad

namespace {

struct Pad {
  explicit Pad(WidgetBench& b) : bench(b) {}
  void draw() {
    const ui::Theme& t = bench.theme();
    ui::KeypadSpec spec{id,     ImVec2(t.px(40), t.px(40)), ImVec2(t.px(170), t.px(104)), t.px(24),
                        &erase, ok ? &ok_label : nullptr};
    spec.enabled = enabled;
    spec.can_erase = !digits.empty();
    spec.can_ok = digits.size() == 4;
    const ui::KeypadEvent ev = ui::keypad(t, spec);
    if (ev.kind == ui::KeypadEvent::Kind::Digit) digits.push_back(ev.digit);
    if (ev.kind == ui::KeypadEvent::Kind::Erase) digits.pop_back();
    if (ev.kind == ui::KeypadEvent::Kind::Ok) ++oks;
    if (ev) ++events;
  }
  bool tap(const std::string& key) {
    bench.frame([&] { draw(); });
    return bench.tap(key, [&] { draw(); });
  }
  const ui::FrameRecord::Target* key(const std::string& k) {
    bench.frame([&] { draw(); });
    return ui::frame_record().find_target(k);
  }
  WidgetBench& bench;
  const char* id = "pin";
  bool ok = false, enabled = true;
  std::string digits, erase = "wissen", ok_label = "OK";
  int oks = 0, events = 0;
};

}  // namespace

TEST_CASE("keypad: every digit, erase, and an optional OK", "[ui]") {
  const Size s = kSizes[GENERATE(0, 1, 2)];
  INFO("display " << s.w << "x" << s.h);
  WidgetBench b(s.w, s.h);
  Pad p(b);
  for (char c : std::string("1234567890")) REQUIRE(p.tap(std::string("pin:") + c));
  CHECK(p.digits == "1234567890");
  CHECK(p.key("pin:ok") == nullptr);  // a PIN pad submits itself
  CHECK(ui::frame_record().targets.size() == 11);
  for (const auto& t : ui::frame_record().targets) {
    INFO(t.id);
    CHECK(std::min(t.max.x - t.min.x, t.max.y - t.min.y) >= 64.0f);
    CHECK(t.max.y <= b.display().y);
  }
  REQUIRE(p.tap("pin:erase"));
  CHECK(p.digits == "123456789");

  SECTION("a coach pad with its own ids and OK") {
    Pad coach(b);
    coach.id = "coach";
    coach.ok = true;
    CHECK(coach.key("pin:1") == nullptr);
    CHECK_FALSE(coach.key("coach:ok")->enabled);  // not before four digits
    CHECK_FALSE(coach.key("coach:erase")->enabled);
    for (const char* k : {"coach:2", "coach:0", "coach:2", "coach:6"}) REQUIRE(coach.tap(k));
    CHECK(coach.key("OK")->id == "coach:ok");
    REQUIRE(coach.tap("coach:ok"));
    CHECK(coach.oks == 1);
    CHECK(coach.digits == "2026");
  }
  SECTION("a disabled pad types nothing") {
    Pad off(b);
    off.enabled = false;
    REQUIRE(off.tap("pin:5"));
    CHECK(off.events == 0);
    CHECK_FALSE(off.key("pin:5")->enabled);
  }
}

// [SECTION] On the search screen

TEST_CASE("keyboard: on the search screen, a name with ş by taps only", "[ui]") {
  test::use_amsterdam_time();
  test::Headless h(1280, 800);
  REQUIRE(h.fonts_loaded);
  ui::Strings tr = test::strings();
  test::FakeKiosk k(test::centre(), test::kMonday0942);
  k.touch(core::StartTapped{});
  auto tap = [&](const std::string& id) {
    const ui::FrameView v = ui::make_frame_view(k.state(), tr);
    h.frames_of(v, 1);
    const auto* t = ui::frame_record().find_target(id);
    INFO("tap " << id);
    REQUIRE(t != nullptr);
    for (const auto& a : h.tap(v, test::centre_of(*t))) k.touch(a);
  };
  for (const char* id : {"key:A", "key:Y", "key:accents", "key:ş"}) tap(id);
  CHECK(k.state().query == "Ayş");
  h.frames_of(ui::make_frame_view(k.state(), tr), 2);
  CHECK(ui::frame_record().shows("Ayş|"));
  CHECK(ui::frame_record().find_target("Ayşe Y.") != nullptr);
  CHECK(ui::frame_record().find_target("key:E") != nullptr);  // back on the letters
  // The erase button by the field still erases a whole ş.
  tap("erase");
  CHECK(k.state().query == "Ay");
}
