// PIN guards as data the store keeps (issue 14: a restart cleared every lockout): each change of
// the coach's or a participant's guard is a SaveLockout command in the same step as the notice,
// the stored guards come back with restore_lockouts, and a stored lock never outlasts its length.
#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "core/state.hpp"
#include "support/fake_clock.hpp"
#include "support/people.hpp"

using namespace meedoen;
using core::Lockout;
using core::Notice;
using core::Screen;
using test::FakeKiosk;
using test::kMonday0942;

namespace {

core::State centre() {
  core::State s;
  s.roster = std::make_shared<const core::Roster>(
      std::vector<core::Participant>{test::person("p-ayse", "Ayşe", "Yılmaz", "C001")});
  s.coaches = std::vector<core::Coach>{{"c-marloes", "Marloes Kuipers"}};
  return s;
}

void wrong_coach_pin(FakeKiosk& k) {
  for (char d : std::string("111111")) k.touch(core::CoachPinDigit{d});
  REQUIRE(k.command<core::VerifyCoachPin>() != nullptr);
  k.act(core::CoachPinChecked{""});
}

void open_pin_pad(FakeKiosk& k) {
  k.touch(core::StartTapped{});
  k.touch(core::ParticipantChosen{"p-ayse"});
  REQUIRE(k.state().screen == Screen::Pin);
}

void participant_pin(FakeKiosk& k, bool right) {
  for (char d : std::string("0003")) k.touch(core::PinDigit{d});
  REQUIRE(k.command<core::VerifyPin>() != nullptr);
  k.act(core::PinChecked{"p-ayse", right});
}

const Lockout* saved(const FakeKiosk& k) {
  const auto* c = k.command<core::SaveLockout>();
  return c ? &c->lockout : nullptr;
}

}  // namespace

TEST_CASE("lockout: every wrong coach PIN is stored with the notice that says so", "[core][coach][security]") {
  FakeKiosk k(centre(), kMonday0942);
  k.touch(core::CoachCornerTapped{});
  for (int i = 1; i < core::kCoachMaxWrongPins; ++i) {
    wrong_coach_pin(k);
    CHECK(core::active_notice(k.state()) == Notice::WrongPin);
    REQUIRE(saved(k) != nullptr);
    CHECK(*saved(k) == Lockout{"", i, 0, 0});
  }
  wrong_coach_pin(k);
  REQUIRE(core::coach_locked(k.state()));
  REQUIRE(saved(k) != nullptr);
  CHECK(*saved(k) == Lockout{"", 0, 1, k.now() + core::kCoachFirstLock});
  // The right PIN after the lock clears the stored guard (an all-zero row is a delete).
  k.advance(core::kCoachFirstLock);
  for (char d : std::string("246810")) k.touch(core::CoachPinDigit{d});
  k.act(core::CoachPinChecked{"c-marloes"});
  REQUIRE(saved(k) != nullptr);
  CHECK(*saved(k) == Lockout{});
}

TEST_CASE("lockout: a participant's wrong PINs and pause are stored, a right PIN clears them", "[core][security]") {
  FakeKiosk k(centre(), kMonday0942);
  open_pin_pad(k);
  participant_pin(k, false);
  REQUIRE(saved(k) != nullptr);
  CHECK(*saved(k) == Lockout{"p-ayse", 1, 0, 0});
  SECTION("the third pauses the PIN, stored") {
    participant_pin(k, false);
    participant_pin(k, false);
    CHECK(core::active_notice(k.state()) == Notice::PinPaused);
    REQUIRE(saved(k) != nullptr);
    CHECK(*saved(k) == Lockout{"p-ayse", 0, 0, k.now() + core::kPinPause});
  }
  SECTION("a right PIN clears the stored count") {
    participant_pin(k, true);
    CHECK(k.state().screen == Screen::Home);
    REQUIRE(saved(k) != nullptr);
    CHECK(*saved(k) == Lockout{"p-ayse"});
    // And the next right PIN writes nothing: there is nothing to clear.
    k.advance(core::minutes(5));  // the session ends
    open_pin_pad(k);
    participant_pin(k, true);
    CHECK(k.state().screen == Screen::Home);
    CHECK(saved(k) == nullptr);
  }
}

TEST_CASE("lockout: stored guards come back after a restart, bounded by their length", "[core][coach][security]") {
  core::State s = centre();
  const core::TimeMs now = kMonday0942;
  SECTION("a lock and a pause that still run") {
    core::restore_lockouts(s, {Lockout{"", 2, 3, now + 60'000}, Lockout{"p-ayse", 0, 0, now + 120'000}});
    FakeKiosk k(s, now);
    CHECK(core::coach_locked(k.state()));
    CHECK(k.state().coach.guard.locks == 3);
    CHECK(k.state().coach.guard.wrong == 2);
    CHECK(core::pin_paused(k.state(), "p-ayse"));
    k.touch(core::CoachCornerTapped{});
    for (char d : std::string("246810")) k.touch(core::CoachPinDigit{d});
    CHECK(k.command<core::VerifyCoachPin>() == nullptr);  // locked: not even checked
  }
  SECTION("stamped by a clock far ahead: no longer than a lock can last") {
    core::restore_lockouts(s, {Lockout{"", 0, 9, now + core::minutes(60 * 24 * 365)},
                               Lockout{"p-ayse", 0, 0, now + core::minutes(60 * 48)}});
    FakeKiosk k(s, now);
    CHECK(k.state().coach.guard.locked_until == now + core::kCoachMaxLock);
    CHECK(k.state().pin_guards.at("p-ayse").paused_until == now + core::kPinPause);
  }
}
