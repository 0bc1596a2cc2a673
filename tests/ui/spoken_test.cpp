// Read aloud, the UI half (ui/spoken.hpp): what each participant screen says, in the session's
// language, and when the kiosk starts and stops speaking; no audio involved.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "core/state.hpp"
#include "support/fake_clock.hpp"
#include "support/ui_fixtures.hpp"
#include "ui/spoken.hpp"
#include "ui/view_models.hpp"

using namespace meedoen;
using core::Screen;
using test::FakeKiosk;
using test::kMonday0942;
using Cue = ui::SpeechCues::Cue;

namespace {

bool says(const ui::Spoken& s, const std::string& id, const std::string& text) {
  return std::any_of(s.parts.begin(), s.parts.end(),
                     [&](const ui::SpokenPart& p) { return p.id == id && p.text.find(text) != std::string::npos; });
}

struct Frames {
  FakeKiosk k{test::centre(), kMonday0942};
  ui::Strings tr = test::strings();
  ui::SpeechCues cues;
  ui::FrameView view() { return ui::make_frame_view(k.state(), tr); }
  Cue next() { return cues.next(k.state(), view()); }
};

void check_in(FakeKiosk& k) {
  k.touch(core::CheckInTapped{});
  const auto* rc = k.command<core::RecordCheckIn>();
  REQUIRE(rc != nullptr);
  k.act(core::AttendanceStored{test::stored(*rc), core::Outcome::CheckedIn});
}

}  // namespace

TEST_CASE("spoken: home reads the greeting, the big button and the tiles in the session's language", "[ui]") {
  Frames f;
  f.k.touch(core::CardScanned{"C003"});  // Fatima: Dutch
  ui::Spoken s = f.view().spoken;
  CHECK(s.language == "nl");
  CHECK(says(s, "", "Fatima"));
  CHECK(says(s, "home.check_in", "Inchecken"));
  CHECK(says(s, "tile.activities", "Activiteiten"));
  CHECK(says(s, "tile.absence", "Ik kan niet komen"));
  CHECK(says(s, "home.done", "Klaar"));
  CHECK(s.text().find("Inchecken. Activiteiten.") != std::string::npos);  // a pause between parts
  f.k.touch(core::DoneTapped{});
  f.k.touch(core::CardScanned{"C001"});  // Ayşe prefers English
  s = f.view().spoken;
  CHECK(s.language == "en");
  CHECK(says(s, "home.check_in", "Check in"));
}

TEST_CASE("spoken: every participant screen says something, coach screens nothing", "[ui]") {
  Frames f;
  CHECK(says(f.view().spoken, "welcome.start", ""));
  f.k.touch(core::StartTapped{});
  CHECK(says(f.view().spoken, "search.title", ""));
  f.k.touch(core::CardScanned{"C003"});
  for (const Screen sc : {Screen::Activities, Screen::Absence, Screen::Hours, Screen::Progress, Screen::Language}) {
    f.k.touch(core::OpenTapped{sc});
    INFO(static_cast<int>(sc));
    CHECK(f.k.state().screen == sc);
    CHECK(f.view().spoken.parts.size() >= 2);
    f.k.touch(core::BackTapped{});
  }
  f.k.touch(core::OpenTapped{Screen::Hours});
  CHECK(says(f.view().spoken, "hours.how_long", "Hoe lang"));
  CHECK(says(f.view().spoken, "", "1:00 uur"));
  f.k.touch(core::BackTapped{});
  f.k.touch(core::OpenTapped{Screen::Language});
  CHECK(says(f.view().spoken, "language.title", ""));
  CHECK(says(f.view().spoken, "", "English"));
  f.k.mutable_state().screen = Screen::CoachPin;
  CHECK(f.view().spoken.empty());
}

TEST_CASE("speech cues: the speaker says the screen, confirmations only once it was used", "[ui]") {
  Frames f;
  CHECK(f.next().kind == Cue::Kind::None);  // the first frame says nothing by itself
  f.k.touch(core::CardScanned{"C003"});
  CHECK(f.next().kind == Cue::Kind::None);
  SECTION("not used: a confirmation stays silent") {
    check_in(f.k);
    REQUIRE(f.k.state().screen == Screen::Confirmation);
    CHECK(f.next().kind == Cue::Kind::None);
  }
  SECTION("used: the screen now, the confirmation when it comes, silence when the participant leaves") {
    f.k.touch(core::SpeakTapped{});
    Cue c = f.next();
    REQUIRE(c.kind == Cue::Kind::Say);
    CHECK(says(c.what, "home.check_in", "Inchecken"));
    CHECK(f.next().kind == Cue::Kind::None);  // said once, not every frame
    check_in(f.k);
    c = f.next();
    REQUIRE(c.kind == Cue::Kind::Say);
    CHECK(says(c.what, "", "Je bent ingecheckt"));
    f.k.touch(core::DoneTapped{});
    CHECK(f.next().kind == Cue::Kind::Stop);
    CHECK_FALSE(f.k.state().read_aloud.on);
  }
  SECTION("another participant's card stops the speech") {
    f.k.touch(core::SpeakTapped{});
    CHECK(f.next().kind == Cue::Kind::Say);
    f.k.touch(core::CardScanned{"C004"});
    CHECK(f.next().kind == Cue::Kind::Stop);
  }
}
