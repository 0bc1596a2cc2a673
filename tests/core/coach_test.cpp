// The coach-mode reducer (core/coach.cpp), driven by a fake clock: getting in with a PIN, the
// growing lockout after wrong PINs, leaving after two minutes, and decisions on Today.
#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "core/state.hpp"
#include "support/fake_clock.hpp"
#include "support/people.hpp"

using namespace meedoen;
using core::Screen;
using test::FakeKiosk;
using test::kMonday0942;
using test::person;

namespace {

core::State centre() {
  core::State s;
  auto ayse = person("p-ayse", "Ayşe", "Yılmaz", "C001");
  ayse.coach_id = "c-marloes";
  ayse.mandatory = true;
  s.roster = std::make_shared<const core::Roster>(std::vector<core::Participant>{ayse, person("p-jan", "Jan", "de Vries", "C002")});
  return s;
}

void type_coach_pin(FakeKiosk& k, const char* pin) {
  for (const char* d = pin; *d; ++d) k.touch(core::CoachPinDigit{*d});
}

std::string logged(const FakeKiosk& k) {
  std::string all;
  for (const auto& c : k.commands())
    if (const auto* l = std::get_if<core::LogLine>(&c)) all += l->text + "\n";
  return all;
}

// Types a wrong PIN and answers the check as the platform would.
void wrong_pin(FakeKiosk& k) {
  type_coach_pin(k, "0000");
  REQUIRE(k.command<core::VerifyCoachPin>() != nullptr);
  k.act(core::CoachPinChecked{""});
}

void log_in(FakeKiosk& k) {
  k.touch(core::CoachCornerTapped{});
  type_coach_pin(k, "2468");
  REQUIRE(k.command<core::VerifyCoachPin>() != nullptr);
  CHECK(k.command<core::VerifyCoachPin>()->pin == "2468");
  k.act(core::CoachPinChecked{"c-marloes"});
}

}  // namespace

TEST_CASE("coach: the corner button opens the coach PIN pad from every participant screen", "[core][coach]") {
  for (Screen sc : {Screen::Welcome, Screen::Search, Screen::PhotoGrid, Screen::Pin, Screen::Home, Screen::Confirmation,
                    Screen::CheckoutQuestion, Screen::CheckoutCorrect, Screen::Activities, Screen::Absence,
                    Screen::Hours, Screen::Progress}) {
    INFO("screen " << static_cast<int>(sc));
    FakeKiosk k(centre(), kMonday0942);
    k.touch(core::CardScanned{"C001"});
    REQUIRE(k.state().participant_id == "p-ayse");
    k.mutable_state().screen = sc;
    k.touch(core::CoachCornerTapped{});
    CHECK(k.state().screen == Screen::CoachPin);
    // Whoever was identified is signed off: a coach never lands in someone's session.
    CHECK(k.state().participant_id.empty());
    CHECK(k.state().me.participant_id.empty());
  }
}

TEST_CASE("coach: a right PIN opens Today and asks for its data; back leaves the pad", "[core][coach]") {
  FakeKiosk k(centre(), kMonday0942);
  SECTION("right PIN") {
    log_in(k);
    CHECK(k.state().screen == Screen::CoachToday);
    CHECK(k.state().coach.coach_id == "c-marloes");
    CHECK(k.command<core::LoadCoachData>() != nullptr);
    CHECK(logged(k).find("c-marloes opened coach mode") != std::string::npos);
    // The PIN is never kept.
    CHECK(k.state().coach.pin.empty());
    k.touch(core::CoachLeaveTapped{});
    CHECK(k.state().screen == Screen::Welcome);
    CHECK(k.state().coach.coach_id.empty());
  }
  SECTION("back from the pad") {
    k.touch(core::CoachCornerTapped{});
    type_coach_pin(k, "12");
    k.touch(core::BackTapped{});
    CHECK(k.state().screen == Screen::Welcome);
    CHECK(k.state().coach.pin.empty());
  }
  SECTION("erase") {
    k.touch(core::CoachCornerTapped{});
    type_coach_pin(k, "12");
    k.touch(core::CoachPinErased{});
    CHECK(k.state().coach.pin == "1");
  }
}

TEST_CASE("coach: five wrong PINs lock coach mode, for 30 s, then 60 s, capped at 15 minutes", "[core][coach]") {
  FakeKiosk k(centre(), kMonday0942);
  k.touch(core::CoachCornerTapped{});
  for (int i = 1; i <= 4; ++i) {
    wrong_pin(k);
    CHECK(logged(k).find("wrong coach PIN (" + std::to_string(i) + " in a row)") != std::string::npos);
    CHECK_FALSE(core::coach_locked(k.state()));
  }
  wrong_pin(k);
  CHECK(core::coach_locked(k.state()));
  CHECK(core::coach_lock_seconds_left(k.state()) == 30);
  CHECK(logged(k).find("coach mode locked for 30 s after 5 wrong PINs") != std::string::npos);
  // Locked: digits are ignored, nothing is checked.
  type_coach_pin(k, "2468");
  CHECK(k.command<core::VerifyCoachPin>() == nullptr);
  CHECK(k.state().coach.pin.empty());
  CHECK(core::next_deadline(k.state()) <= k.now() + 1000);  // the countdown is redrawn

  k.advance(core::seconds(29));
  CHECK(core::coach_locked(k.state()));
  k.advance(core::seconds(1));
  CHECK_FALSE(core::coach_locked(k.state()));
  for (int i = 0; i < 5; ++i) wrong_pin(k);
  CHECK(core::coach_lock_seconds_left(k.state()) == 60);  // doubled
  CHECK(logged(k).find("locked for 60 s") != std::string::npos);

  // Doubling on and on stops at the cap.
  for (int round = 0; round < 8; ++round) {
    k.advance(core::minutes(15));
    k.touch(core::CoachCornerTapped{});  // the pad may have been left meanwhile
    for (int i = 0; i < 5; ++i) wrong_pin(k);
  }
  CHECK(core::coach_lock_seconds_left(k.state()) == 15 * 60);

  // Leaving and coming back does not reset the lock; a right PIN after it does.
  k.touch(core::BackTapped{});
  k.touch(core::CoachCornerTapped{});
  CHECK(core::coach_locked(k.state()));
  k.advance(core::minutes(15));
  k.touch(core::CoachCornerTapped{});
  log_in(k);
  CHECK(k.state().coach.guard.locks == 0);
  CHECK(k.state().coach.guard.wrong == 0);
}

TEST_CASE("coach: coach mode leaves by itself after 2 minutes without a touch", "[core][coach]") {
  SECTION("on the kiosk: back to the welcome screen") {
    FakeKiosk k(centre(), kMonday0942);
    log_in(k);
    k.advance(core::seconds(119));
    CHECK(k.state().screen == Screen::CoachToday);  // the participant timeout (30 s) does not apply
    k.touch(core::Touched{});
    k.advance(core::seconds(119));
    CHECK(k.state().screen == Screen::CoachToday);
    k.advance(core::seconds(1));
    CHECK(k.state().screen == Screen::Welcome);
    CHECK(k.state().coach.coach_id.empty());
    CHECK(logged(k).find("2 minutes without a touch") != std::string::npos);
  }
  SECTION("on an office PC (--coach): back to the coach PIN pad") {
    core::State s = centre();
    s.coach.office = true;
    s.screen = Screen::CoachPin;
    FakeKiosk k(s, kMonday0942);
    k.touch(core::BackTapped{});
    CHECK(k.state().screen == Screen::CoachPin);  // the pad is home: no way back from it
    log_in(k);
    REQUIRE(k.state().screen == Screen::CoachToday);
    k.advance(core::minutes(2));
    CHECK(k.state().screen == Screen::CoachPin);
    CHECK(k.state().coach.coach_id.empty());
    k.touch(core::CoachLeaveTapped{});
    CHECK(k.state().screen == Screen::CoachPin);
    // A card at an office PC does not start a participant's session.
    k.touch(core::CardScanned{"C001"});
    CHECK(k.state().participant_id.empty());
    CHECK(k.state().screen == Screen::CoachPin);
  }
}

TEST_CASE("coach: Today's decisions are events with the coach and, where needed, a reason", "[core][coach]") {
  FakeKiosk k(centre(), kMonday0942);
  log_in(k);
  core::CoachData d;
  core::HoursEntry h;
  h.event_id = "ev-hours";
  h.participant_id = "p-ayse";
  h.date = "2026-11-20";
  h.place = "Voedselbank";
  h.minutes = 90;
  d.hours_waiting = {h};
  core::Attendance a;
  a.participant_id = "p-jan";
  a.date = "2026-11-20";
  a.check_in = kMonday0942 - core::minutes(3 * 24 * 60);
  a.check_out = a.check_in + core::minutes(180);
  a.check_in_event = "ev-in";
  a.auto_closed = true;
  a.answered = true;
  a.proposed_end = a.check_in + core::minutes(120);
  d.unresolved = {a};
  k.act(core::CoachDataLoaded{d});
  REQUIRE(k.state().coach.data.loaded);

  SECTION("approving hours takes one tap") {
    k.touch(core::HoursApproveTapped{"ev-hours"});
    const auto* r = k.command<core::RecordCoach>();
    REQUIRE(r != nullptr);
    CHECK(r->participant_id == "p-ayse");
    const auto* b = std::get_if<core::ev::HoursDecided>(&r->body);
    REQUIRE(b != nullptr);
    CHECK(b->approved);
    CHECK(b->minutes == 90);
    CHECK(b->coach_id == "c-marloes");
    CHECK(k.state().coach.busy);
    k.touch(core::HoursApproveTapped{"ev-hours"});  // a second tap while writing does nothing
    CHECK(k.command<core::RecordCoach>() == nullptr);
  }
  SECTION("rejecting hours asks a reason first") {
    k.touch(core::HoursRejectTapped{"ev-hours"});
    CHECK(k.command<core::RecordCoach>() == nullptr);
    CHECK(k.state().coach.pending == core::PendingKind::HoursReject);
    k.touch(core::CoachReasonTapped{core::CoachReason::Duplicate});
    const auto* r = k.command<core::RecordCoach>();
    REQUIRE(r != nullptr);
    const auto* b = std::get_if<core::ev::HoursDecided>(&r->body);
    REQUIRE(b != nullptr);
    CHECK_FALSE(b->approved);
    CHECK(b->reason == "duplicate");
  }
  SECTION("a correction is accepted with a reason, with the proposed end") {
    k.touch(core::CorrectionAcceptTapped{"ev-in"});
    k.touch(core::CoachReasonTapped{core::CoachReason::Checked});
    const auto* r = k.command<core::RecordCoach>();
    REQUIRE(r != nullptr);
    const auto* b = std::get_if<core::ev::CorrectionDecided>(&r->body);
    REQUIRE(b != nullptr);
    CHECK(b->accepted);
    CHECK(b->end == a.proposed_end);
    CHECK(b->check_in_event == "ev-in");
    CHECK(b->date == "2026-11-20");
    CHECK(b->reason == "checked");
    CHECK(core::validate(r->body).empty());
  }
  SECTION("cancelling the reason writes nothing") {
    k.touch(core::CorrectionRejectTapped{"ev-in"});
    k.touch(core::CoachReasonCancelled{});
    CHECK(k.state().coach.pending == core::PendingKind::None);
    CHECK(k.command<core::RecordCoach>() == nullptr);
  }
  SECTION("a write that fails frees the screen again") {
    k.touch(core::HoursApproveTapped{"ev-hours"});
    k.act(core::StoreFailed{"disk full"});
    CHECK_FALSE(k.state().coach.busy);
  }
}

TEST_CASE("coach: correction_decided settles the attendance in the fold", "[core][coach]") {
  using core::Event;
  auto ev = [](const char* id, const char* hlc, core::EventBody b) {
    Event e;
    e.id = id;
    e.device_id = "d";
    e.hlc = hlc;
    e.participant_id = "p-jan";
    e.body = std::move(b);
    return e;
  };
  const core::TimeMs in = kMonday0942, end = kMonday0942 + core::minutes(170), asked = kMonday0942 + core::minutes(60);
  std::vector<Event> events{
      ev("e1", "1", core::ev::CheckIn{"2026-11-23", core::Dagdeel::Morning, in}),
      ev("e2", "2", core::ev::AutoCheckOut{"2026-11-23", "e1", end}),
      ev("e3", "3", core::ev::CorrectionRequested{"2026-11-23", "e1", asked}),
  };
  REQUIRE(core::fold_attendance(events)[0].proposed_end == asked);
  SECTION("accepted: the proposed end replaces the recorded one") {
    events.push_back(ev("e4", "4", core::ev::CorrectionDecided{"e3", "e1", "2026-11-23", true, asked, "checked", "c"}));
    const auto a = core::fold_attendance(events)[0];
    CHECK(a.check_out == asked);
    CHECK(a.proposed_end == 0);
    CHECK(a.answered);
  }
  SECTION("rejected: the recorded end stays, nothing waits") {
    events.push_back(ev("e4", "4", core::ev::CorrectionDecided{"e3", "e1", "2026-11-23", false, 0, "seen", "c"}));
    const auto a = core::fold_attendance(events)[0];
    CHECK(a.check_out == end);
    CHECK(a.proposed_end == 0);
  }
  CHECK(core::event_subject("p-jan", core::ev::CorrectionDecided{"", "e1", "2026-11-23", false, 0, "", "c"}) ==
        "attendance/p-jan/2026-11-23");
}
