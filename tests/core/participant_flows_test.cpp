// The participant flows in the pure reducer, driven by a fake clock and no UI: tiles, sign-up,
// absence, volunteer hours, the question about a check-out the kiosk closed, forgotten
// check-outs, and privacy when a session ends. Issue 3.
#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

#include "core/state.hpp"
#include "support/fake_clock.hpp"
#include "support/people.hpp"

using namespace meedoen;
using core::Dagdeel;
using core::DayPart;
using core::Notice;
using core::Screen;
using test::activity;
using test::FakeKiosk;
using test::kMonday0942;
using test::local_ms;
using test::person;

namespace {

// Monday 23 November 2026 is the test clock's day (test::kMonday0942).
const std::string kMonday = "2026-11-23";
const std::string kTuesday = "2026-11-24";

// A small centre with a Monday and a Tuesday programme and one volunteer place.
core::State centre() {
  core::State s;
  auto fatima = person("p-fatima", "Fatima", "El Amrani", "C001", "nl");
  fatima.photo_consent = true;
  auto jan = person("p-jan", "Jan", "de Vries", "C002", "nl");
  s.roster = std::make_shared<const core::Roster>(std::vector<core::Participant>{fatima, jan});
  s.programme = {
      activity("a-coffee").title("Koffie-inloop").on(0).at(9 * 60 + 30, 11 * 60),
      activity("a-cook").title("Samen koken").on(0).at(13 * 60 + 30, 16 * 60 + 30).capacity(2),
      activity("a-garden").title("Buurtmoestuin").on(1).at(9 * 60 + 30, 12 * 60).capacity(8).volunteer(),
  };
  s.places = {{"place-1", "Voedselbank", "shop"}};
  return s;
}

core::ParticipantData data_of(const std::string& pid) {
  core::ParticipantData d;
  d.participant_id = pid;
  return d;
}

// Scans the participant's card and delivers their (empty) data: Home.
void identify(FakeKiosk& k, const char* card, const std::string& pid, core::ParticipantData d = {}) {
  k.touch(core::CardScanned{card});
  REQUIRE(k.command<core::LoadParticipant>() != nullptr);
  REQUIRE(k.command<core::LoadParticipant>()->participant_id == pid);
  d.participant_id = pid;
  k.act(core::ParticipantLoaded{d});
}

core::Record record_of(const FakeKiosk& k) {
  const core::Record* r = k.command<core::Record>();
  REQUIRE(r != nullptr);
  return *r;
}

// Fatima's forgotten check-out: in at 09:31 on a date, closed by the kiosk at 12:30.
core::Attendance auto_closed(const std::string& date, bool answered = false) {
  core::Attendance a;
  a.participant_id = "p-fatima";
  a.date = date;
  a.dagdeel = Dagdeel::Morning;
  a.check_in = core::from_local(date, 9 * 60 + 31);
  a.check_out = core::from_local(date, 12 * 60 + 30);
  a.check_in_event = "ev-in-" + date;
  a.auto_closed = true;
  a.answered = answered;
  return a;
}

core::SignUp signup(const std::string& pid, const std::string& activity_id, const std::string& date, bool placed,
                    int waiting_position = 0) {
  core::SignUp s;
  s.participant_id = pid;
  s.activity_id = activity_id;
  s.date = date;
  s.placed = placed;
  s.waiting_position = waiting_position;
  return s;
}

}  // namespace

// [SECTION] Tiles

TEST_CASE("flows: tiles open their screens only from Home or the confirmation", "[core]") {
  test::use_amsterdam_time();
  FakeKiosk k(centre(), kMonday0942);

  // Nobody identified: no tile opens anything.
  k.touch(core::OpenTapped{Screen::Activities});
  CHECK(k.state().screen == Screen::Welcome);

  identify(k, "C001", "p-fatima");
  REQUIRE(k.state().screen == Screen::Home);

  SECTION("from Home") {
    k.mutable_state().notice = Notice::AlreadyCheckedIn;
    k.mutable_state().notice_until = k.now() + core::kNoticeDuration;
    k.touch(core::OpenTapped{Screen::Activities});
    CHECK(k.state().screen == Screen::Activities);
    CHECK(k.state().day == 0);
    CHECK(core::active_notice(k.state()) == Notice::None);  // a hint from Home does not follow along
  }
  SECTION("not from another sub-screen") {
    k.touch(core::OpenTapped{Screen::Activities});
    k.touch(core::OpenTapped{Screen::Hours});
    CHECK(k.state().screen == Screen::Activities);
    k.touch(core::BackTapped{});
    k.touch(core::OpenTapped{Screen::Hours});
    CHECK(k.state().screen == Screen::Hours);
    k.touch(core::OpenTapped{Screen::Absence});
    CHECK(k.state().screen == Screen::Hours);
  }
  SECTION("not to a screen no tile opens") {
    for (Screen target : {Screen::Pin, Screen::Search, Screen::Welcome, Screen::CheckoutQuestion,
                          Screen::CheckoutCorrect, Screen::Confirmation, Screen::PhotoGrid}) {
      k.touch(core::OpenTapped{target});
      CHECK(k.state().screen == Screen::Home);
    }
  }
  SECTION("not while a write is under way") {
    k.mutable_state().busy = true;
    k.touch(core::OpenTapped{Screen::Absence});
    CHECK(k.state().screen == Screen::Home);
  }
  SECTION("from the confirmation (\"Nog iets doen\" and a tile)") {
    k.touch(core::OpenTapped{Screen::Absence});
    k.touch(core::DayToggled{2});
    k.touch(core::ReasonTapped{core::AbsenceReason::Sick});
    k.act(core::Recorded{record_of(k).bodies, data_of("p-fatima"), {}});
    REQUIRE(k.state().screen == Screen::Confirmation);
    k.touch(core::OpenTapped{Screen::Hours});
    CHECK(k.state().screen == Screen::Hours);
  }
  SECTION("each opening starts afresh") {
    k.touch(core::OpenTapped{Screen::Activities});
    k.touch(core::DayTapped{3});
    k.touch(core::BackTapped{});
    k.touch(core::OpenTapped{Screen::Activities});
    CHECK(k.state().day == 0);

    k.touch(core::BackTapped{});
    k.touch(core::OpenTapped{Screen::Absence});
    k.touch(core::DayToggled{1});
    REQUIRE_FALSE(k.state().absence_parts.empty());
    k.touch(core::BackTapped{});
    k.touch(core::OpenTapped{Screen::Absence});
    CHECK(k.state().absence_parts.empty());  // nothing preselected

    k.touch(core::BackTapped{});
    k.touch(core::OpenTapped{Screen::Hours});
    k.touch(core::MinutesStep{15});
    k.touch(core::HoursDayTapped{1});
    k.touch(core::BackTapped{});
    k.touch(core::OpenTapped{Screen::Hours});
    CHECK(k.state().hours_minutes == core::kDefaultHoursMinutes);
    CHECK(k.state().hours_day == 0);
  }
}

// [SECTION] Activities and sign-up

TEST_CASE("flows: sign up and cancel record one event each, for the day shown", "[core]") {
  test::use_amsterdam_time();
  FakeKiosk k(centre(), kMonday0942);
  identify(k, "C001", "p-fatima");
  k.touch(core::OpenTapped{Screen::Activities});

  SECTION("sign up for today's activity") {
    k.touch(core::SignUpTapped{"a-cook"});
    const core::Record r = record_of(k);
    CHECK(r.participant_id == "p-fatima");
    CHECK(r.now == kMonday0942);
    REQUIRE(r.bodies.size() == 1);
    const auto* b = std::get_if<core::ev::SignedUp>(&r.bodies[0]);
    REQUIRE(b != nullptr);
    CHECK(b->activity_id == "a-cook");
    CHECK(b->date == kMonday);
    CHECK(k.state().busy);
    // A second tap while the write runs asks for nothing.
    k.touch(core::SignUpTapped{"a-cook"});
    CHECK(k.commands().empty());
  }
  SECTION("sign up for an activity on another day of the week") {
    k.touch(core::DayTapped{1});
    CHECK(k.state().day == 1);
    k.touch(core::SignUpTapped{"a-garden"});
    const core::Record r = record_of(k);
    const auto* b = std::get_if<core::ev::SignedUp>(&r.bodies.at(0));
    REQUIRE(b != nullptr);
    CHECK(b->activity_id == "a-garden");
    CHECK(b->date == kTuesday);
  }
  SECTION("an activity that is not on the day shown asks for nothing") {
    k.touch(core::SignUpTapped{"a-garden"});  // Tuesday's, while Monday is shown
    CHECK(k.commands().empty());
    CHECK(core::active_notice(k.state()) == Notice::None);
    k.touch(core::DayTapped{1});
    k.touch(core::SignUpTapped{"a-cook"});  // Monday's, while Tuesday is shown
    CHECK(k.commands().empty());
    k.touch(core::SignUpTapped{"a-nonexistent"});
    CHECK(k.commands().empty());
  }
  SECTION("days outside the week are not shown") {
    k.touch(core::DayTapped{core::kWeekDays});
    CHECK(k.state().day == 0);
    k.touch(core::DayTapped{-1});
    CHECK(k.state().day == 0);
  }
  SECTION("cancel needs an own sign-up; sign up needs none") {
    k.touch(core::CancelSignUpTapped{"a-cook"});
    CHECK(k.commands().empty());
    k.mutable_state().signups = {signup("p-fatima", "a-cook", kMonday, true)};
    k.touch(core::SignUpTapped{"a-cook"});
    CHECK(k.commands().empty());
    k.touch(core::CancelSignUpTapped{"a-cook"});
    const core::Record r = record_of(k);
    const auto* b = std::get_if<core::ev::SignUpCancelled>(&r.bodies.at(0));
    REQUIRE(b != nullptr);
    CHECK(b->activity_id == "a-cook");
    CHECK(b->date == kMonday);
  }
  SECTION("someone else's sign-up is not one's own") {
    k.mutable_state().signups = {signup("p-jan", "a-cook", kMonday, true)};
    k.touch(core::CancelSignUpTapped{"a-cook"});
    CHECK(k.commands().empty());
    k.touch(core::SignUpTapped{"a-cook"});
    CHECK(k.command<core::Record>() != nullptr);
  }
  SECTION("a full activity still takes the sign-up: the fold puts it on the waiting list") {
    k.mutable_state().signups = {signup("p-jan", "a-cook", kMonday, true), signup("p-x", "a-cook", kMonday, true)};
    REQUIRE(core::places_taken(k.state(), "a-cook", kMonday) == 2);
    k.touch(core::SignUpTapped{"a-cook"});
    CHECK(std::holds_alternative<core::ev::SignedUp>(record_of(k).bodies.at(0)));
  }
  SECTION("only on the activities screen") {
    k.touch(core::BackTapped{});
    k.touch(core::SignUpTapped{"a-cook"});
    CHECK(k.commands().empty());
  }
}

TEST_CASE("flows: an activity that is over takes no sign-up and no cancellation", "[core]") {
  test::use_amsterdam_time();
  core::State s = centre();
  s.signups = {signup("p-fatima", "a-coffee", kMonday, true)};
  FakeKiosk k(s, local_ms(2026, 11, 23, 10, 59, 45));  // 15 s before the end: the session goes on
  identify(k, "C001", "p-fatima");
  k.touch(core::OpenTapped{Screen::Activities});
  REQUIRE_FALSE(core::activity_over(k.state(), k.state().programme[0], kMonday));

  k.tick_at(local_ms(2026, 11, 23, 11, 0));  // the coffee ends at 11:00 (end exclusive)
  CHECK(core::activity_over(k.state(), k.state().programme[0], kMonday));
  k.touch(core::CancelSignUpTapped{"a-coffee"});
  CHECK(k.commands().empty());
  CHECK(core::active_notice(k.state()) == Notice::ActivityOver);
  k.touch(core::SignUpTapped{"a-coffee"});
  CHECK(k.commands().empty());
  CHECK(core::active_notice(k.state()) == Notice::ActivityOver);
  CHECK_FALSE(k.state().busy);

  // The afternoon's activity is still ahead.
  k.touch(core::SignUpTapped{"a-cook"});
  CHECK(k.command<core::Record>() != nullptr);
}

TEST_CASE("flows: the answer to a sign-up says placed, waiting list or cancelled", "[core]") {
  test::use_amsterdam_time();
  FakeKiosk k(centre(), kMonday0942);
  identify(k, "C001", "p-fatima");
  k.touch(core::OpenTapped{Screen::Activities});
  k.touch(core::SignUpTapped{"a-cook"});
  const auto bodies = record_of(k).bodies;

  SECTION("placed") {
    const std::vector<core::SignUp> week{signup("p-fatima", "a-cook", kMonday, true)};
    k.act(core::Recorded{bodies, data_of("p-fatima"), week});
    CHECK(core::active_notice(k.state()) == Notice::SignedUp);
    CHECK(core::good_news(Notice::SignedUp));
    CHECK(k.state().screen == Screen::Activities);  // stays: the row now shows "Je doet mee"
    CHECK_FALSE(k.state().busy);
    REQUIRE(core::own_signup(k.state(), "a-cook", kMonday) != nullptr);
    CHECK(core::own_signup(k.state(), "a-cook", kMonday)->placed);
  }
  SECTION("on the waiting list") {
    const std::vector<core::SignUp> week{signup("p-jan", "a-cook", kMonday, true),
                                         signup("p-x", "a-cook", kMonday, true),
                                         signup("p-fatima", "a-cook", kMonday, false, 1)};
    k.act(core::Recorded{bodies, data_of("p-fatima"), week});
    CHECK(core::active_notice(k.state()) == Notice::OnWaitingList);
    CHECK(k.state().screen == Screen::Activities);
    CHECK(core::places_taken(k.state(), "a-cook", kMonday) == 2);
  }
  SECTION("cancelled") {
    k.mutable_state().signups = {signup("p-fatima", "a-cook", kMonday, true)};
    k.act(core::Recorded{bodies, data_of("p-fatima"), k.state().signups});  // the sign-up is done
    k.advance(core::kSettle);  // the button that turned into Toch niet rests first (issue 15)
    k.touch(core::CancelSignUpTapped{"a-cook"});
    k.act(core::Recorded{record_of(k).bodies, data_of("p-fatima"), {}});
    CHECK(core::active_notice(k.state()) == Notice::SignUpCancelled);
    CHECK(core::own_signup(k.state(), "a-cook", kMonday) == nullptr);
  }
  SECTION("the notice goes after a while") {
    k.act(core::Recorded{bodies, data_of("p-fatima"), {signup("p-fatima", "a-cook", kMonday, true)}});
    k.advance(core::kNoticeDuration);
    CHECK(core::active_notice(k.state()) == Notice::None);
  }
}

// [SECTION] Report an absence

TEST_CASE("flows: choosing the day parts of an absence", "[core]") {
  test::use_amsterdam_time();
  FakeKiosk k(centre(), kMonday0942);
  identify(k, "C001", "p-fatima");
  k.touch(core::OpenTapped{Screen::Absence});
  REQUIRE(k.state().screen == Screen::Absence);
  REQUIRE(k.state().absence_parts.empty());

  SECTION("a day button chooses all its dagdelen, a second tap none") {
    k.touch(core::DayToggled{3});
    CHECK(k.state().absence_parts ==
          std::vector<DayPart>{{3, Dagdeel::Morning}, {3, Dagdeel::Afternoon}, {3, Dagdeel::Evening}});
    k.touch(core::DayToggled{3});
    CHECK(k.state().absence_parts.empty());
  }
  SECTION("a day that is partly chosen becomes wholly chosen") {
    k.touch(core::PartToggled{{2, Dagdeel::Evening}});
    k.touch(core::DayToggled{2});
    CHECK(k.state().absence_parts.size() == 3);
  }
  SECTION("single dagdelen toggle, kept in order over several days") {
    k.touch(core::PartToggled{{4, Dagdeel::Evening}});
    k.touch(core::PartToggled{{1, Dagdeel::Afternoon}});
    k.touch(core::PartToggled{{4, Dagdeel::Morning}});
    CHECK(k.state().absence_parts ==
          std::vector<DayPart>{{1, Dagdeel::Afternoon}, {4, Dagdeel::Morning}, {4, Dagdeel::Evening}});
    k.touch(core::PartToggled{{4, Dagdeel::Morning}});
    CHECK(k.state().absence_parts == std::vector<DayPart>{{1, Dagdeel::Afternoon}, {4, Dagdeel::Evening}});
    // The day button of day 4 now chooses its other dagdelen and keeps day 1's.
    k.touch(core::DayToggled{4});
    CHECK(k.state().absence_parts.size() == 4);
  }
  SECTION("only days of the week ahead") {
    k.touch(core::DayToggled{core::kWeekDays});
    k.touch(core::DayToggled{-1});
    k.touch(core::PartToggled{{core::kWeekDays, Dagdeel::Morning}});
    k.touch(core::PartToggled{{-1, Dagdeel::Morning}});
    CHECK(k.state().absence_parts.empty());
  }
  SECTION("only on the absence screen") {
    k.touch(core::BackTapped{});
    k.touch(core::DayToggled{1});
    k.touch(core::PartToggled{{1, Dagdeel::Morning}});
    CHECK(k.state().absence_parts.empty());
  }
}

TEST_CASE("flows: dagdelen that are already over today cannot be reported", "[core]") {
  test::use_amsterdam_time();
  FakeKiosk k(centre(), test::kMonday1400);  // the morning (until 12:30) is over
  identify(k, "C001", "p-fatima");
  k.touch(core::OpenTapped{Screen::Absence});

  CHECK(core::open_parts(k.state(), 0) == std::vector<Dagdeel>{Dagdeel::Afternoon, Dagdeel::Evening});
  CHECK(core::open_parts(k.state(), 1).size() == 3);
  k.touch(core::PartToggled{{0, Dagdeel::Morning}});
  CHECK(k.state().absence_parts.empty());
  k.touch(core::DayToggled{0});
  CHECK(k.state().absence_parts == std::vector<DayPart>{{0, Dagdeel::Afternoon}, {0, Dagdeel::Evening}});
  // With every open dagdeel chosen, the day button clears the day.
  k.touch(core::DayToggled{0});
  CHECK(k.state().absence_parts.empty());

  SECTION("late in the evening nothing of today is open") {
    k.tick_at(local_ms(2026, 11, 23, 21, 30));
    k.touch(core::DayToggled{0});
    CHECK(k.state().absence_parts.empty());
    CHECK(core::open_parts(k.state(), 0).empty());
  }
}

TEST_CASE("flows: a reason pictogram records one absence per chosen dagdeel", "[core]") {
  test::use_amsterdam_time();
  FakeKiosk k(centre(), kMonday0942);
  identify(k, "C001", "p-fatima");
  k.touch(core::OpenTapped{Screen::Absence});

  SECTION("nothing chosen: a hint, nothing recorded") {
    k.touch(core::ReasonTapped{core::AbsenceReason::Sick});
    CHECK(k.commands().empty());
    CHECK(core::active_notice(k.state()) == Notice::NothingChosen);
    CHECK_FALSE(core::good_news(Notice::NothingChosen));
    CHECK(k.state().screen == Screen::Absence);
  }
  SECTION("a day and a reason") {
    k.touch(core::PartToggled{{1, Dagdeel::Evening}});
    k.touch(core::DayToggled{3});
    k.touch(core::ReasonTapped{core::AbsenceReason::Care});
    const core::Record r = record_of(k);
    CHECK(r.participant_id == "p-fatima");
    REQUIRE(r.bodies.size() == 4);
    const std::vector<std::pair<std::string, Dagdeel>> expected{{kTuesday, Dagdeel::Evening},
                                                                {"2026-11-26", Dagdeel::Morning},
                                                                {"2026-11-26", Dagdeel::Afternoon},
                                                                {"2026-11-26", Dagdeel::Evening}};
    for (std::size_t i = 0; i < expected.size(); ++i) {
      const auto* b = std::get_if<core::ev::AbsenceReported>(&r.bodies[i]);
      REQUIRE(b != nullptr);
      CHECK(b->date == expected[i].first);
      CHECK(b->dagdeel == expected[i].second);
      CHECK(b->reason == core::AbsenceReason::Care);
    }
    CHECK(k.state().busy);
    k.touch(core::ReasonTapped{core::AbsenceReason::Sick});  // a second tap while writing
    CHECK(k.commands().empty());

    // Stored: a kind confirmation, which ends the session after confirmation_seconds.
    k.act(core::Recorded{r.bodies, data_of("p-fatima"), {}});
    CHECK(k.state().screen == Screen::Confirmation);
    CHECK(k.state().outcome == core::Outcome::AbsenceReported);
    CHECK(k.state().confirmation_until == k.now() + core::seconds(k.state().config.confirmation_seconds));
    CHECK_FALSE(k.state().busy);
    k.touch(core::MoreTapped{});
    CHECK(k.state().screen == Screen::Home);
  }
}

// [SECTION] Volunteer hours

TEST_CASE("flows: the hours stepper, day and place", "[core]") {
  test::use_amsterdam_time();
  core::State s = centre();
  s.places.push_back({"place-2", "Kringloop", "shop"});
  FakeKiosk k(s, kMonday0942);
  identify(k, "C001", "p-fatima");
  k.touch(core::OpenTapped{Screen::Hours});
  REQUIRE(k.state().screen == Screen::Hours);
  // Two places and a volunteer activity: the participant chooses.
  CHECK(core::hours_places(k.state()) == std::vector<std::string>{"Voedselbank", "Kringloop", "Buurtmoestuin"});
  CHECK(k.state().hours_place.empty());
  CHECK(k.state().hours_minutes == 60);

  SECTION("the stepper goes in quarters between 0:15 and 12:00") {
    k.touch(core::MinutesStep{core::kHoursStepMinutes});
    k.touch(core::MinutesStep{core::kHoursStepMinutes});
    CHECK(k.state().hours_minutes == 90);
    for (int i = 0; i < 10; ++i) k.touch(core::MinutesStep{-core::kHoursStepMinutes});
    CHECK(k.state().hours_minutes == 15);
    for (int i = 0; i < 60; ++i) k.touch(core::MinutesStep{core::kHoursStepMinutes});
    CHECK(k.state().hours_minutes == 720);
  }
  SECTION("a place from the list, nothing else") {
    k.touch(core::PlaceTapped{"Nergens"});
    CHECK(k.state().hours_place.empty());
    k.touch(core::PlaceTapped{"Buurtmoestuin"});
    CHECK(k.state().hours_place == "Buurtmoestuin");
    k.touch(core::PlaceTapped{"Kringloop"});
    CHECK(k.state().hours_place == "Kringloop");
  }
  SECTION("on a Monday: the last seven days, Saturday too (issue 15)") {
    CHECK(core::hours_days_back(k.state()) == 6);
    k.touch(core::HoursDayTapped{2});  // Saturday
    CHECK(k.state().hours_day == 2);
    k.touch(core::HoursDayTapped{6});  // last Tuesday
    CHECK(k.state().hours_day == 6);
    k.touch(core::HoursDayTapped{7});  // a week ago: no longer offered
    CHECK(k.state().hours_day == 6);
    k.touch(core::HoursDayTapped{-1});  // tomorrow
    CHECK(k.state().hours_day == 6);
  }
  SECTION("quick choices: 1, 2, 3 or 4 hours in one tap, then quarters with - and +") {
    k.touch(core::MinutesChosen{180});
    CHECK(k.state().hours_minutes == 180);
    k.touch(core::MinutesStep{core::kHoursStepMinutes});
    CHECK(k.state().hours_minutes == 195);
    k.touch(core::MinutesChosen{60});
    CHECK(k.state().hours_minutes == 60);
    k.touch(core::MinutesChosen{75});  // not a quick choice: ignored
    CHECK(k.state().hours_minutes == 60);
    k.touch(core::MinutesChosen{600});
    CHECK(k.state().hours_minutes == 60);
  }
  SECTION("saving needs a place") {
    k.touch(core::SaveHoursTapped{});
    CHECK(k.commands().empty());
    CHECK(core::active_notice(k.state()) == Notice::NothingChosen);
  }
  SECTION("place, two quarters more, yesterday, save") {
    k.touch(core::PlaceTapped{"Voedselbank"});
    k.touch(core::MinutesStep{15});
    k.touch(core::MinutesStep{15});
    k.touch(core::HoursDayTapped{1});
    k.touch(core::SaveHoursTapped{});
    const core::Record r = record_of(k);
    REQUIRE(r.bodies.size() == 1);
    const auto* b = std::get_if<core::ev::HoursLogged>(&r.bodies[0]);
    REQUIRE(b != nullptr);
    CHECK(b->date == "2026-11-22");
    CHECK(b->place == "Voedselbank");
    CHECK(b->minutes == 90);
    CHECK(k.state().busy);
    k.touch(core::MinutesStep{15});  // the stepper does not change the entry being written
    k.act(core::Recorded{r.bodies, data_of("p-fatima"), {}});
    CHECK(k.state().screen == Screen::Confirmation);
    CHECK(k.state().outcome == core::Outcome::HoursLogged);
    CHECK_FALSE(k.state().busy);
  }
}

TEST_CASE("flows: hours can be logged for the last seven days, whatever the weekday", "[core]") {
  test::use_amsterdam_time();
  SECTION("Wednesday: back to last Thursday") {
    FakeKiosk k(centre(), local_ms(2026, 11, 25, 10, 0));
    identify(k, "C001", "p-fatima");
    k.touch(core::OpenTapped{Screen::Hours});
    CHECK(core::hours_days_back(k.state()) == 6);
    k.touch(core::HoursDayTapped{2});
    CHECK(k.state().hours_day == 2);
    k.touch(core::HoursDayTapped{7});
    CHECK(k.state().hours_day == 2);
    k.touch(core::SaveHoursTapped{});  // one place and one volunteer activity: still a choice
    CHECK(k.commands().empty());
    k.touch(core::PlaceTapped{"Voedselbank"});
    k.touch(core::SaveHoursTapped{});
    const core::Record r = record_of(k);
    const auto* b = std::get_if<core::ev::HoursLogged>(&r.bodies.at(0));
    REQUIRE(b != nullptr);
    CHECK(b->date == kMonday);
    CHECK(b->minutes == 60);
  }
  SECTION("Sunday: back to Monday, as before") {
    FakeKiosk k(centre(), local_ms(2026, 11, 29, 10, 0));
    CHECK(core::hours_days_back(k.state()) == 6);
  }
  SECTION("a single place is chosen already") {
    core::State s = centre();
    s.programme.pop_back();  // no volunteer activity left: only the Voedselbank
    FakeKiosk k(s, kMonday0942);
    identify(k, "C001", "p-fatima");
    k.touch(core::OpenTapped{Screen::Hours});
    CHECK(k.state().hours_place == "Voedselbank");
    k.touch(core::SaveHoursTapped{});
    CHECK(k.command<core::Record>() != nullptr);
  }
}

// [SECTION] The question about a check-out the kiosk closed

TEST_CASE("flows: an unanswered automatic check-out is asked about once, at the next visit", "[core]") {
  test::use_amsterdam_time();
  FakeKiosk k(centre(), kMonday0942);

  SECTION("unanswered, last Friday: the question") {
    core::ParticipantData d;
    d.recent = {auto_closed("2026-11-20")};
    identify(k, "C001", "p-fatima", d);
    CHECK(k.state().screen == Screen::CheckoutQuestion);
    CHECK(k.state().question.check_in_event == "ev-in-2026-11-20");
    CHECK(k.state().correction_minute == 12 * 60 + 30);
  }
  SECTION("answered: Home") {
    core::ParticipantData d;
    d.recent = {auto_closed("2026-11-20", true)};
    identify(k, "C001", "p-fatima", d);
    CHECK(k.state().screen == Screen::Home);
  }
  SECTION("a check-out the participant did themselves: Home") {
    core::ParticipantData d;
    d.recent = {auto_closed("2026-11-20")};
    d.recent[0].auto_closed = false;
    identify(k, "C001", "p-fatima", d);
    CHECK(k.state().screen == Screen::Home);
  }
  SECTION("older than two weeks: Home") {
    core::ParticipantData d;
    d.recent = {auto_closed("2026-11-08")};  // 15 days ago
    identify(k, "C001", "p-fatima", d);
    CHECK(k.state().screen == Screen::Home);
  }
  SECTION("exactly two weeks ago: still asked") {
    core::ParticipantData d;
    d.recent = {auto_closed("2026-11-09")};
    identify(k, "C001", "p-fatima", d);
    CHECK(k.state().screen == Screen::CheckoutQuestion);
  }
  SECTION("of two unanswered, the latest") {
    core::ParticipantData d;
    d.recent = {auto_closed("2026-11-20"), auto_closed("2026-11-17")};
    identify(k, "C001", "p-fatima", d);
    CHECK(k.state().question.date == "2026-11-20");
  }
}

TEST_CASE("flows: answering the question: right, or another time for the coach", "[core]") {
  test::use_amsterdam_time();
  FakeKiosk k(centre(), kMonday0942);
  core::ParticipantData d;
  d.recent = {auto_closed("2026-11-20")};
  identify(k, "C001", "p-fatima", d);
  REQUIRE(k.state().screen == Screen::CheckoutQuestion);

  SECTION("yes, that was right") {
    k.touch(core::EndRightTapped{});
    const core::Record r = record_of(k);
    REQUIRE(r.bodies.size() == 1);
    const auto* b = std::get_if<core::ev::CheckoutConfirmed>(&r.bodies[0]);
    REQUIRE(b != nullptr);
    CHECK(b->date == "2026-11-20");
    CHECK(b->check_in_event == "ev-in-2026-11-20");
    core::ParticipantData after = data_of("p-fatima");
    after.recent = {auto_closed("2026-11-20", true)};
    k.act(core::Recorded{r.bodies, after, {}});
    CHECK(k.state().screen == Screen::Home);
    CHECK(core::active_notice(k.state()) == Notice::EndConfirmed);
    CHECK(core::good_news(Notice::EndConfirmed));
  }
  SECTION("I don't know: left to the coach, and not asked again (issue 15)") {
    k.touch(core::EndUnknownTapped{});
    const core::Record r = record_of(k);
    REQUIRE(r.bodies.size() == 1);
    const auto* b = std::get_if<core::ev::CheckoutUnknown>(&r.bodies[0]);
    REQUIRE(b != nullptr);
    CHECK(b->date == "2026-11-20");
    CHECK(b->check_in_event == "ev-in-2026-11-20");
    core::ParticipantData after = data_of("p-fatima");
    after.recent = {auto_closed("2026-11-20")};
    after.recent[0].end_unknown = true;
    k.act(core::Recorded{r.bodies, after, {}});
    CHECK(k.state().screen == Screen::Home);
    CHECK(core::active_notice(k.state()) == Notice::CorrectionSent);
    k.touch(core::DoneTapped{});
    identify(k, "C001", "p-fatima", after);
    CHECK(k.state().screen == Screen::Home);  // the coach decides now
  }
  SECTION("no: the time steps in quarters, not before the check-in nor past 23:45") {
    k.touch(core::CorrectionStep{15});  // not yet on the correction screen
    CHECK(k.state().correction_minute == 12 * 60 + 30);
    k.touch(core::EndWrongTapped{});
    REQUIRE(k.state().screen == Screen::CheckoutCorrect);
    k.touch(core::CorrectionStep{core::kHoursStepMinutes});
    k.touch(core::CorrectionStep{core::kHoursStepMinutes});
    CHECK(k.state().correction_minute == 13 * 60);
    for (int i = 0; i < 100; ++i) k.touch(core::CorrectionStep{core::kHoursStepMinutes});
    CHECK(k.state().correction_minute == 23 * 60 + 45);
    for (int i = 0; i < 100; ++i) k.touch(core::CorrectionStep{-core::kHoursStepMinutes});
    CHECK(k.state().correction_minute == 9 * 60 + 31 + core::kHoursStepMinutes);  // in at 09:31
    SECTION("Back returns to the question") {
      k.touch(core::BackTapped{});
      CHECK(k.state().screen == Screen::CheckoutQuestion);
    }
  }
  SECTION("no, I left at 13:00: a correction for the coach") {
    k.touch(core::EndWrongTapped{});
    k.touch(core::CorrectionStep{15});
    k.touch(core::CorrectionStep{15});
    k.touch(core::SaveCorrectionTapped{});
    const core::Record r = record_of(k);
    REQUIRE(r.bodies.size() == 1);
    const auto* b = std::get_if<core::ev::CorrectionRequested>(&r.bodies[0]);
    REQUIRE(b != nullptr);
    CHECK(b->date == "2026-11-20");
    CHECK(b->check_in_event == "ev-in-2026-11-20");
    CHECK(b->proposed_end == local_ms(2026, 11, 20, 13, 0));
    k.act(core::Recorded{r.bodies, data_of("p-fatima"), {}});
    CHECK(k.state().screen == Screen::Home);
    CHECK(core::active_notice(k.state()) == Notice::CorrectionSent);
  }
  SECTION("the answers only work on the question") {
    k.touch(core::SaveCorrectionTapped{});
    CHECK(k.commands().empty());
    k.touch(core::EndWrongTapped{});
    k.touch(core::EndRightTapped{});
    CHECK(k.commands().empty());
    CHECK(k.state().screen == Screen::CheckoutCorrect);
  }
}

// [SECTION] Forgotten check-outs

TEST_CASE("flows: a Tick closes forgotten check-outs once, when their dagdeel ended", "[core]") {
  test::use_amsterdam_time();
  FakeKiosk k(centre(), kMonday0942);
  core::Attendance open;
  open.participant_id = "p-jan";
  open.date = kMonday;
  open.dagdeel = Dagdeel::Morning;
  open.check_in = kMonday0942;
  open.check_in_event = "ev-jan";
  core::DataLoaded loaded;
  loaded.programme = k.state().programme;
  loaded.places = k.state().places;
  loaded.today = {open};
  k.act(loaded);

  k.tick_at(local_ms(2026, 11, 23, 12, 29, 59));
  CHECK(k.count<core::CloseForgotten>() == 0);
  k.tick_at(local_ms(2026, 11, 23, 12, 30));
  REQUIRE(k.count<core::CloseForgotten>() == 1);
  CHECK(k.command<core::CloseForgotten>()->now == local_ms(2026, 11, 23, 12, 30));
  CHECK(k.state().closing_forgotten);
  // While the close is under way, later ticks do not ask again.
  k.tick_at(local_ms(2026, 11, 23, 12, 31));
  CHECK(k.count<core::CloseForgotten>() == 0);
  k.advance(core::minutes(5));
  CHECK(k.count<core::CloseForgotten>() == 0);

  SECTION("closed: never again") {
    core::Attendance closed = open;
    closed.check_out = local_ms(2026, 11, 23, 12, 30);
    closed.auto_closed = true;
    k.act(core::ForgottenClosed{{closed}});
    CHECK_FALSE(k.state().closing_forgotten);
    CHECK(core::open_attendance(k.state(), "p-jan") == nullptr);
    k.advance(core::minutes(1));
    CHECK(k.count<core::CloseForgotten>() == 0);
  }
  SECTION("still open after the answer (a failed write): asked again at the next tick") {
    k.act(core::ForgottenClosed{{open}});
    CHECK_FALSE(k.state().closing_forgotten);
    k.advance(core::minutes(1));
    CHECK(k.count<core::CloseForgotten>() == 1);
  }
}

TEST_CASE("flows: check-outs left open from an earlier day are closed at any time", "[core]") {
  test::use_amsterdam_time();
  FakeKiosk k(centre(), kMonday0942);
  core::Attendance open;
  open.participant_id = "p-jan";
  open.date = "2026-11-20";
  open.dagdeel = Dagdeel::Evening;
  open.check_in = local_ms(2026, 11, 20, 19, 0);
  core::DataLoaded loaded;
  loaded.today = {open};
  k.act(loaded);
  k.advance(core::seconds(1));
  CHECK(k.count<core::CloseForgotten>() == 1);

  SECTION("an afternoon check-in is left alone in the morning") {
    core::Attendance afternoon = open;
    afternoon.date = kMonday;
    afternoon.dagdeel = Dagdeel::Afternoon;
    afternoon.check_in = kMonday0942;
    k.act(core::ForgottenClosed{{afternoon}});
    k.advance(core::minutes(1));
    CHECK(k.count<core::CloseForgotten>() == 0);
    k.tick_at(local_ms(2026, 11, 23, 17, 0));
    CHECK(k.count<core::CloseForgotten>() == 1);
  }
}

// [SECTION] Results for a session that moved on

TEST_CASE("flows: data loaded for someone whose session ended is not shown to the next person", "[core]") {
  test::use_amsterdam_time();
  FakeKiosk k(centre(), kMonday0942);
  k.touch(core::CardScanned{"C001"});  // Fatima: LoadParticipant is under way
  k.touch(core::CardScanned{"C002"});  // Jan scans before it arrives

  core::ParticipantData fatima = data_of("p-fatima");
  fatima.recent = {auto_closed("2026-11-20")};
  fatima.approved_minutes_total = 600;
  k.act(core::ParticipantLoaded{fatima});
  CHECK(k.state().participant_id == "p-jan");
  CHECK(k.state().me.participant_id == "p-jan");
  CHECK(k.state().me.recent.empty());
  CHECK(k.state().me.approved_minutes_total == 0);
  CHECK(k.state().screen == Screen::Home);  // not Fatima's question

  SECTION("nor after the session ended") {
    k.touch(core::DoneTapped{});
    k.act(core::ParticipantLoaded{fatima});
    CHECK(k.state().screen == Screen::Welcome);
    CHECK(k.state().me.participant_id.empty());
    CHECK(k.state().me.recent.empty());
  }
  SECTION("a Recorded for someone else updates the week's sign-ups, not `me`") {
    k.act(
        core::Recorded{{core::ev::SignedUp{"a-cook", kMonday}}, fatima, {signup("p-fatima", "a-cook", kMonday, true)}});
    CHECK(k.state().me.participant_id == "p-jan");
    CHECK(k.state().me.approved_minutes_total == 0);
    CHECK(core::active_notice(k.state()) == Notice::None);
    CHECK(k.state().screen == Screen::Home);
    CHECK(core::places_taken(k.state(), "a-cook", kMonday) == 1);
    CHECK(core::own_signup(k.state(), "a-cook", kMonday) == nullptr);  // Jan's view: not his
  }
}

TEST_CASE("flows: the end of a session forgets the participant's data", "[core]") {
  test::use_amsterdam_time();
  FakeKiosk k(centre(), kMonday0942);
  core::ParticipantData d;
  d.recent = {auto_closed("2026-11-20", true)};
  core::Absence ab;
  ab.participant_id = "p-fatima";
  ab.date = "2026-11-26";
  d.absences = {ab};
  core::HoursEntry h;
  h.participant_id = "p-fatima";
  h.date = kMonday;
  h.minutes = 90;
  d.hours = {h};
  core::Appointment ap;
  ap.participant_id = "p-fatima";
  ap.title = "Gesprek met Marloes";
  d.appointments = {ap};
  d.approved_minutes_total = 600;
  d.days_present_total = 12;
  d.participant_id = "p-fatima";
  identify(k, "C001", "p-fatima", d);
  REQUIRE(k.state().me.hours.size() == 1);
  k.touch(core::OpenTapped{Screen::Absence});
  k.touch(core::DayToggled{2});
  k.touch(core::BackTapped{});
  k.touch(core::OpenTapped{Screen::Hours});
  k.touch(core::PlaceTapped{"Voedselbank"});

  auto forgotten = [&] {
    const core::State& s = k.state();
    CHECK(s.screen == Screen::Welcome);
    CHECK(s.participant_id.empty());
    CHECK(core::current_participant(s) == nullptr);
    CHECK(s.me.participant_id.empty());
    CHECK(s.me.recent.empty());
    CHECK(s.me.absences.empty());
    CHECK(s.me.hours.empty());
    CHECK(s.me.appointments.empty());
    CHECK(s.me.approved_minutes_total == 0);
    CHECK(s.me.days_present_total == 0);
    CHECK(s.absence_parts.empty());
    CHECK(s.hours_place.empty());
    CHECK(s.question.check_in_event.empty());
    CHECK(s.question.participant_id.empty());
  };

  SECTION("Klaar") {
    k.touch(core::BackTapped{});
    k.touch(core::DoneTapped{});
    forgotten();
  }
  SECTION("inactivity on a sub-screen") {
    k.advance(core::seconds(k.state().config.inactivity_seconds + k.state().config.prompt_seconds));
    forgotten();
  }
  SECTION("the confirmation runs out") {
    k.touch(core::SaveHoursTapped{});
    k.act(core::Recorded{record_of(k).bodies, d, {}});
    REQUIRE(k.state().screen == Screen::Confirmation);
    k.advance(core::seconds(k.state().config.confirmation_seconds));
    forgotten();
  }
  SECTION("an unknown card") {
    k.touch(core::CardScanned{"NOPE"});
    forgotten();
  }
  SECTION("Back on the question") {
    core::ParticipantData q = d;
    q.recent = {auto_closed("2026-11-20")};
    k.touch(core::BackTapped{});
    k.touch(core::DoneTapped{});
    identify(k, "C001", "p-fatima", q);
    REQUIRE(k.state().screen == Screen::CheckoutQuestion);
    k.touch(core::BackTapped{});
    forgotten();
  }
  SECTION("another card: only the new participant's own data, loaded afresh") {
    k.touch(core::CardScanned{"C002"});
    CHECK(k.state().participant_id == "p-jan");
    CHECK(k.state().me.participant_id == "p-jan");
    CHECK(k.state().me.hours.empty());
    CHECK(k.state().me.appointments.empty());
    CHECK(k.state().me.approved_minutes_total == 0);
    CHECK(k.state().hours_place.empty());
    CHECK(k.state().absence_parts.empty());
  }
}

// [SECTION] Back

TEST_CASE("flows: Back from each sub-screen goes Home, from the PIN pad to where it came from", "[core]") {
  test::use_amsterdam_time();
  core::State s = centre();
  s.config.identification.photo_grid = true;
  FakeKiosk k(s, kMonday0942);

  SECTION("sub-screens") {
    identify(k, "C001", "p-fatima");
    for (Screen sc : {Screen::Activities, Screen::Absence, Screen::Hours, Screen::Progress}) {
      k.touch(core::OpenTapped{sc});
      REQUIRE(k.state().screen == sc);
      k.touch(core::BackTapped{});
      CHECK(k.state().screen == Screen::Home);
      CHECK(k.state().participant_id == "p-fatima");
    }
    // Back on Home ends the session.
    k.touch(core::BackTapped{});
    CHECK(k.state().screen == Screen::Welcome);
    CHECK(k.state().participant_id.empty());
  }
  SECTION("not while a write is under way") {
    identify(k, "C001", "p-fatima");
    k.touch(core::OpenTapped{Screen::Hours});
    k.touch(core::PlaceTapped{"Voedselbank"});
    k.touch(core::SaveHoursTapped{});
    REQUIRE(k.state().busy);
    k.touch(core::BackTapped{});
    CHECK(k.state().screen == Screen::Hours);
  }
  SECTION("PIN pad from the name search") {
    k.touch(core::StartTapped{});
    k.touch(core::ParticipantChosen{"p-jan"});
    REQUIRE(k.state().screen == Screen::Pin);
    CHECK_FALSE(k.state().pin_from_grid);
    k.touch(core::PinDigit{'1'});
    k.touch(core::BackTapped{});
    CHECK(k.state().screen == Screen::Search);
    CHECK(k.state().pin.empty());
    CHECK(k.state().pin_for.empty());
  }
  SECTION("PIN pad from the photo grid") {
    k.touch(core::GridTapped{});
    REQUIRE(k.state().screen == Screen::PhotoGrid);
    k.touch(core::ParticipantChosen{"p-jan"});  // no photo consent: not in the grid
    CHECK(k.state().screen == Screen::PhotoGrid);
    k.touch(core::ParticipantChosen{"p-fatima"});
    REQUIRE(k.state().screen == Screen::Pin);
    CHECK(k.state().pin_from_grid);
    k.touch(core::PinDigit{'1'});
    k.touch(core::BackTapped{});
    CHECK(k.state().screen == Screen::PhotoGrid);
    CHECK(k.state().pin.empty());
    CHECK(k.state().pin_for.empty());
    // Back on the grid ends the (anonymous) session; the search path afterwards is the search's.
    k.touch(core::BackTapped{});
    CHECK(k.state().screen == Screen::Welcome);
    k.touch(core::StartTapped{});
    k.touch(core::ParticipantChosen{"p-fatima"});
    CHECK_FALSE(k.state().pin_from_grid);
    k.touch(core::BackTapped{});
    CHECK(k.state().screen == Screen::Search);
  }
}

// [SECTION] Read aloud (issue 15)

TEST_CASE("flows: the speaker button asks for speech and keeps it on for the visit", "[core]") {
  test::use_amsterdam_time();
  FakeKiosk k(centre(), kMonday0942);
  SECTION("on the welcome screen, and the card that follows keeps it on") {
    k.touch(core::SpeakTapped{});
    CHECK(k.state().read_aloud.on);
    CHECK(k.state().read_aloud.requests == 1);
    identify(k, "C001", "p-fatima");
    CHECK(k.state().participant_id == "p-fatima");
    CHECK(k.state().read_aloud.on);
  }
  SECTION("each tap is a new request; leaving ends it, the count goes on") {
    identify(k, "C001", "p-fatima");
    CHECK_FALSE(k.state().read_aloud.on);
    k.touch(core::SpeakTapped{});
    k.touch(core::SpeakTapped{});
    CHECK(k.state().read_aloud.requests == 2);
    k.touch(core::DoneTapped{});
    CHECK(k.state().screen == Screen::Welcome);
    CHECK_FALSE(k.state().read_aloud.on);
    CHECK(k.state().read_aloud.requests == 2);
  }
  SECTION("the next participant's card starts without speech") {
    identify(k, "C001", "p-fatima");
    k.touch(core::SpeakTapped{});
    k.touch(core::CardScanned{"C002"});
    CHECK(k.state().participant_id == "p-jan");
    CHECK_FALSE(k.state().read_aloud.on);
  }
  SECTION("coach mode is not read aloud") {
    k.mutable_state().screen = Screen::CoachPin;
    k.touch(core::SpeakTapped{});
    CHECK_FALSE(k.state().read_aloud.on);
    CHECK(k.state().read_aloud.requests == 0);
  }
}

// Issue 15: the double tap that undid a sign-up, and the language through a visit.
TEST_CASE("flows: a sign-up's button rests before it takes its opposite", "[core]") {
  test::use_amsterdam_time();
  FakeKiosk k(centre(), kMonday0942);
  identify(k, "C001", "p-fatima");
  k.touch(core::OpenTapped{Screen::Activities});
  k.touch(core::SignUpTapped{"a-cook"});
  k.act(core::Recorded{record_of(k).bodies, data_of("p-fatima"), {signup("p-fatima", "a-cook", kMonday, true)}});
  CHECK(core::settling(k.state(), "signup/a-cook/" + kMonday));
  k.advance(core::kSettle - 1);
  k.touch(core::CancelSignUpTapped{"a-cook"});  // the double tap's second half, even 2 s late
  CHECK(k.commands().empty());
  k.advance(1);
  CHECK_FALSE(core::settling(k.state(), "signup/a-cook/" + kMonday));
  k.touch(core::CancelSignUpTapped{"a-cook"});
  CHECK(std::holds_alternative<core::ev::SignUpCancelled>(record_of(k).bodies.at(0)));
}

TEST_CASE("flows: the language chosen on the way in holds for the visit, then the default", "[core]") {
  test::use_amsterdam_time();
  core::State s = centre();
  s.config.languages = {"nl", "en", "pl"};
  auto roster = s.roster->all();
  roster[1].language = "en";  // Jan prefers English
  s.roster = std::make_shared<const core::Roster>(roster);
  FakeKiosk k(s, kMonday0942);
  REQUIRE(k.state().language == "nl");

  SECTION("chosen on welcome, then a card: the choice beats the stored preference") {
    k.touch(core::LanguageTapped{"pl"});
    k.touch(core::CardScanned{"C002"});
    CHECK(k.state().screen == Screen::Home);
    CHECK(k.state().language == "pl");
    k.touch(core::DoneTapped{});
    CHECK(k.state().language == "nl");  // the next person finds the centre's language
    k.touch(core::CardScanned{"C002"});
    CHECK(k.state().language == "en");  // no choice this time: his preference
  }
  SECTION("a language left on welcome goes back after a while") {
    k.touch(core::LanguageTapped{"pl"});
    k.advance(core::seconds(k.state().config.inactivity_seconds));
    CHECK(k.state().language == "nl");
  }
  SECTION("home's language screen records the preference") {
    k.touch(core::CardScanned{"C001"});
    k.touch(core::OpenTapped{Screen::Language});
    REQUIRE(k.state().screen == Screen::Language);
    k.touch(core::LanguageTapped{"pl"});
    CHECK(k.state().screen == Screen::Home);
    CHECK(k.state().language == "pl");
    const auto rec = record_of(k);  // a copy: the pointer below must not outlive it
    const auto* b = std::get_if<core::ev::LanguageChosen>(&rec.bodies.at(0));
    REQUIRE(b != nullptr);
    CHECK(b->language == "pl");
  }
  SECTION("right after a visit ended with a tap, the language buttons rest") {
    k.touch(core::CardScanned{"C001"});
    k.touch(core::DoneTapped{});
    k.touch(core::LanguageTapped{"pl"});  // the OK's second tap landing on a language button
    CHECK(k.state().language == "nl");
    k.advance(core::kSettle);
    k.touch(core::LanguageTapped{"pl"});
    CHECK(k.state().language == "pl");
  }
}
