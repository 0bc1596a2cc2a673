// The kiosk's reducer, driven by a fake clock: every "now" comes from a Tick action.
#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "core/state.hpp"
#include "support/fake_clock.hpp"
#include "support/people.hpp"

using namespace meedoen;
using core::Notice;
using core::Screen;
using test::FakeKiosk;
using test::kMonday0942;
using test::person;

namespace {

// A small centre: languages nl (default) and en.
core::State centre() {
  core::State s;
  s.roster = std::make_shared<const core::Roster>(std::vector<core::Participant>{
      person("p-ayse", "Ayşe", "Yılmaz", "C001", "en"),
      person("p-jan", "Jan", "de Vries", "C002", ""),
      person("p-lucja", "Łucja", "Nowak", "C003", "pl"),  // not offered by this kiosk
      person("p-huseyin", "Hüseyin", "Çelik", "C004", "nl"),
      person("p-zoe", "Zoë", "Hoekstra", "C005", "en"),
  });
  s.config.languages = {"nl", "en"};
  return s;
}

void to_pin_pad(FakeKiosk& k, const std::string& id) {
  k.touch(core::StartTapped{});
  k.touch(core::ParticipantChosen{id});
}

void type_pin(FakeKiosk& k, const char* pin) {
  for (const char* d = pin; *d; ++d) k.touch(core::PinDigit{*d});
}

// The text of every LogLine the last action produced, joined.
std::string logged(const FakeKiosk& k) {
  std::string all;
  for (const auto& c : k.commands())
    if (const auto* l = std::get_if<core::LogLine>(&c)) all += l->text + "\n";
  return all;
}

}  // namespace

// The compile-time map leaf -> feature: each leaf lands in its own feature's variant, a whole
// feature variant only converts on purpose, and what is no action does not convert at all.
static_assert(std::is_same_v<core::FeatureOf<core::Tick>, core::SessionAction>);
static_assert(std::is_same_v<core::FeatureOf<core::CheckInTapped>, core::ParticipantAction>);
static_assert(std::is_same_v<core::FeatureOf<core::CoachPinDigit>, core::CoachAction>);
static_assert(std::is_same_v<core::FeatureOf<core::prog::SaveTapped>, core::ProgrammeAction>);
static_assert(std::is_same_v<core::FeatureOf<core::ReportLoaded>, core::ReportsAction>);
static_assert(std::is_convertible_v<core::PinDigit, core::Action>);
static_assert(!std::is_convertible_v<core::ProgrammeAction, core::Action>);
static_assert(std::is_constructible_v<core::Action, core::ProgrammeAction>);
static_assert(!std::is_convertible_v<int, core::Action> && !std::is_convertible_v<core::LogLine, core::Action>);

TEST_CASE("update: an action holds its leaf inside its feature, and a bare leaf can be applied", "[core]") {
  const core::Action a = core::CoachPinDigit{'7'};
  REQUIRE(std::holds_alternative<core::CoachAction>(a.feature));
  REQUIRE(core::get_if<core::CoachPinDigit>(&a) != nullptr);
  CHECK(core::get_if<core::CoachPinDigit>(&a)->digit == '7');
  CHECK(core::get_if<core::PinDigit>(&a) == nullptr);
  CHECK(core::holds_alternative<core::CoachPinDigit>(a));
  CHECK_FALSE(core::holds_alternative<core::Tick>(a));
  CHECK(core::holds_alternative<core::Tick>(core::Action{}));  // the default, as the flat variant's

  const core::Step step = core::update(centre(), core::Tick{kMonday0942});
  CHECK(step.state.now == kMonday0942);
  CHECK(core::update(step.state, core::StartTapped{}).state.screen == Screen::Search);
}

TEST_CASE("update: the first tick sets the session language and the inactivity clock", "[core]") {
  core::State s = centre();
  s.config.default_language = "en";
  FakeKiosk k(s, kMonday0942);
  CHECK(k.state().now == kMonday0942);
  CHECK(k.state().last_input == kMonday0942);
  CHECK(k.state().language == "en");
  CHECK(k.state().screen == Screen::Welcome);
  CHECK(k.commands().empty());
}

TEST_CASE("update: start, search, type, choose and a 4-digit PIN ask for a PIN check", "[core]") {
  test::use_amsterdam_time();
  FakeKiosk k(centre(), kMonday0942);

  k.touch(core::StartTapped{});
  REQUIRE(k.state().screen == Screen::Search);
  CHECK(k.state().query.empty());

  k.touch(core::SearchTyped{"y"});
  k.touch(core::SearchTyped{"ıl"});
  CHECK(k.state().query == "yıl");
  const auto matches = k.state().roster->search(k.state().query, core::kMaxSearchMatches);
  REQUIRE(matches.size() == 1);
  CHECK(matches[0]->id == "p-ayse");

  k.touch(core::ParticipantChosen{matches[0]->id});
  REQUIRE(k.state().screen == Screen::Pin);
  CHECK(k.state().pin_for == "p-ayse");
  CHECK(k.state().participant_id.empty());  // not identified before the PIN is right

  type_pin(k, "123");
  CHECK(k.state().pin == "123");
  CHECK(k.commands().empty());
  CHECK_FALSE(k.state().busy);

  SECTION("the fourth digit asks for a PIN check, once") {
    k.touch(core::PinDigit{'4'});
    const auto* verify = k.command<core::VerifyPin>();
    REQUIRE(verify != nullptr);
    CHECK(verify->participant_id == "p-ayse");
    CHECK(verify->pin == "1234");
    CHECK(k.count<core::VerifyPin>() == 1);
    CHECK(k.state().busy);

    // While the check runs: no fifth digit, no erasing, no going back.
    k.touch(core::PinDigit{'5'});
    CHECK(k.commands().empty());
    k.touch(core::PinErased{});
    k.touch(core::BackTapped{});
    CHECK(k.state().pin == "1234");
    CHECK(k.state().screen == Screen::Pin);
  }
  SECTION("PinErased removes the last digit") {
    k.touch(core::PinErased{});
    CHECK(k.state().pin == "12");
    k.touch(core::PinDigit{'9'});
    k.touch(core::PinDigit{'8'});
    REQUIRE(k.command<core::VerifyPin>() != nullptr);
    CHECK(k.command<core::VerifyPin>()->pin == "1298");
  }
  SECTION("non-digits are ignored") {
    k.touch(core::PinDigit{'x'});
    k.touch(core::PinDigit{' '});
    CHECK(k.state().pin == "123");
    CHECK(k.commands().empty());
  }
  SECTION("Back returns to the search and forgets the digits") {
    k.touch(core::BackTapped{});
    CHECK(k.state().screen == Screen::Search);
    CHECK(k.state().pin.empty());
    CHECK(k.state().pin_for.empty());
  }
}

TEST_CASE("update: ParticipantChosen ignores unknown people and other screens", "[core]") {
  FakeKiosk k(centre(), kMonday0942);
  k.touch(core::ParticipantChosen{"p-ayse"});  // still on Welcome
  CHECK(k.state().screen == Screen::Welcome);
  k.touch(core::StartTapped{});
  k.touch(core::ParticipantChosen{"p-nobody"});
  CHECK(k.state().screen == Screen::Search);
  CHECK(k.state().pin_for.empty());
}

TEST_CASE("update: a correct PIN opens Home in the participant's preferred language", "[core]") {
  FakeKiosk k(centre(), kMonday0942);
  REQUIRE(k.state().language == "nl");

  SECTION("preferred language offered by the kiosk") {
    to_pin_pad(k, "p-ayse");
    type_pin(k, "1234");
    k.act(core::PinChecked{"p-ayse", true});
    CHECK(k.state().screen == Screen::Home);
    CHECK(k.state().participant_id == "p-ayse");
    REQUIRE(core::current_participant(k.state()) != nullptr);
    CHECK(core::current_participant(k.state())->first_name == "Ayşe");
    CHECK(k.state().language == "en");
    CHECK_FALSE(k.state().busy);
    CHECK(k.state().pin.empty());
    CHECK(k.state().pin_for.empty());
  }
  SECTION("a preferred language the kiosk does not offer keeps the default") {
    to_pin_pad(k, "p-lucja");
    type_pin(k, "1234");
    k.act(core::PinChecked{"p-lucja", true});
    CHECK(k.state().screen == Screen::Home);
    CHECK(k.state().language == "nl");
  }
  SECTION("no preference keeps the language chosen on screen") {
    k.touch(core::LanguageTapped{"en"});
    to_pin_pad(k, "p-jan");
    type_pin(k, "1234");
    k.act(core::PinChecked{"p-jan", true});
    CHECK(k.state().participant_id == "p-jan");
    CHECK(k.state().language == "en");
  }
  SECTION("a late answer for someone else identifies nobody") {
    to_pin_pad(k, "p-ayse");
    type_pin(k, "1234");
    k.act(core::PinChecked{"p-jan", true});
    CHECK(k.state().screen == Screen::Pin);
    CHECK(k.state().participant_id.empty());
    CHECK_FALSE(k.state().busy);
  }
}

TEST_CASE("update: three wrong PINs pause that participant only", "[core]") {
  FakeKiosk k(centre(), kMonday0942);
  to_pin_pad(k, "p-ayse");
  auto wrong_pin = [&] {
    type_pin(k, "0000");
    REQUIRE(k.command<core::VerifyPin>() != nullptr);
    k.act(core::PinChecked{"p-ayse", false});
  };

  wrong_pin();
  CHECK(core::active_notice(k.state()) == Notice::WrongPin);
  CHECK(logged(k).find("1 in a row") != std::string::npos);
  CHECK(logged(k).find("0000") == std::string::npos);  // the PIN itself is never logged
  CHECK(k.state().pin.empty());
  CHECK_FALSE(k.state().busy);
  CHECK_FALSE(core::pin_paused(k.state(), "p-ayse"));
  wrong_pin();
  CHECK(core::active_notice(k.state()) == Notice::WrongPin);
  CHECK_FALSE(core::pin_paused(k.state(), "p-ayse"));
  wrong_pin();
  CHECK(core::active_notice(k.state()) == Notice::PinPaused);
  CHECK(core::pin_paused(k.state(), "p-ayse"));
  CHECK(k.state().screen == Screen::Pin);
  CHECK(k.state().participant_id.empty());
  const core::TimeMs paused_at = k.now();

  // Digits are ignored while paused.
  k.touch(core::PinDigit{'1'});
  CHECK(k.state().pin.empty());
  CHECK(k.commands().empty());

  SECTION("other participants are unaffected") {
    CHECK_FALSE(core::pin_paused(k.state(), "p-jan"));
    k.touch(core::BackTapped{});
    k.touch(core::ParticipantChosen{"p-jan"});
    CHECK(core::active_notice(k.state()) == Notice::None);
    type_pin(k, "4321");
    REQUIRE(k.command<core::VerifyPin>() != nullptr);
    CHECK(k.command<core::VerifyPin>()->participant_id == "p-jan");
  }
  SECTION("choosing the paused participant again shows the pause") {
    k.touch(core::BackTapped{});
    k.touch(core::ParticipantChosen{"p-ayse"});
    CHECK(k.state().screen == Screen::Pin);
    CHECK(core::active_notice(k.state()) == Notice::PinPaused);
    type_pin(k, "1234");
    CHECK(k.state().pin.empty());
  }
  SECTION("a card scan still works for the paused participant") {
    k.act(core::CardScanned{"C001"});
    CHECK(k.state().screen == Screen::Home);
    CHECK(k.state().participant_id == "p-ayse");
  }
  SECTION("the pause lasts five minutes") {
    k.tick_at(paused_at + core::kPinPause - 1000);
    CHECK(core::pin_paused(k.state(), "p-ayse"));
    k.tick_at(paused_at + core::kPinPause);
    CHECK_FALSE(core::pin_paused(k.state(), "p-ayse"));
    k.touch(core::BackTapped{});  // the session timed out long ago: Back on Welcome is harmless
    to_pin_pad(k, "p-ayse");
    type_pin(k, "1234");
    CHECK(k.command<core::VerifyPin>() != nullptr);
  }
}

TEST_CASE("update: an unknown card shows a notice and returns to Welcome", "[core]") {
  FakeKiosk k(centre(), kMonday0942);

  SECTION("on Welcome") {
    k.act(core::CardScanned{"NOPE-123"});
    CHECK(k.state().screen == Screen::Welcome);
    CHECK(k.state().participant_id.empty());
    CHECK(core::active_notice(k.state()) == Notice::UnknownCard);
    CHECK(k.count<core::LogLine>() == 1);
    CHECK(logged(k).find("NOPE-123") == std::string::npos);  // card codes stay out of the log
    k.advance(core::kNoticeDuration - 1);
    CHECK(core::active_notice(k.state()) == Notice::UnknownCard);
    k.advance(1);
    CHECK(core::active_notice(k.state()) == Notice::None);
  }
  SECTION("during someone's session") {
    k.touch(core::CardScanned{"C001"});
    REQUIRE(k.state().screen == Screen::Home);
    REQUIRE(k.state().language == "en");
    k.act(core::CardScanned{"NOPE-123"});
    CHECK(k.state().screen == Screen::Welcome);
    CHECK(k.state().participant_id.empty());
    CHECK(k.state().language == "nl");
    CHECK(core::active_notice(k.state()) == Notice::UnknownCard);
  }
  SECTION("on the search screen") {
    k.touch(core::StartTapped{});
    k.touch(core::SearchTyped{"ja"});
    k.act(core::CardScanned{""});
    CHECK(k.state().screen == Screen::Welcome);
    CHECK(k.state().query.empty());
    CHECK(core::active_notice(k.state()) == Notice::UnknownCard);
  }
}

TEST_CASE("update: card scan identifies the participant", "[core]") {
  FakeKiosk k(centre(), kMonday0942);

  SECTION("from Welcome") {
    k.touch(core::CardScanned{"C001"});
    CHECK(k.state().screen == Screen::Home);
    CHECK(k.state().participant_id == "p-ayse");
    CHECK(k.state().language == "en");
    CHECK(core::active_notice(k.state()) == Notice::None);
  }
  SECTION("from the search screen, clearing the query") {
    k.touch(core::StartTapped{});
    k.touch(core::SearchTyped{"ja"});
    k.touch(core::CardScanned{"C004"});
    CHECK(k.state().screen == Screen::Home);
    CHECK(k.state().participant_id == "p-huseyin");
    CHECK(k.state().query.empty());
  }
}

TEST_CASE("update: a card scan during another person's session switches identity", "[core]") {
  test::use_amsterdam_time();
  FakeKiosk k(centre(), kMonday0942);
  k.touch(core::CardScanned{"C001"});
  REQUIRE(k.state().participant_id == "p-ayse");
  REQUIRE(k.state().language == "en");

  SECTION("on Home: the new person, in their own language") {
    k.touch(core::CardScanned{"C002"});
    CHECK(k.state().screen == Screen::Home);
    CHECK(k.state().participant_id == "p-jan");
    CHECK(k.state().language == "nl");  // reset: Jan has no preference
  }
  SECTION("on someone's PIN pad") {
    k.touch(core::BackTapped{});
    to_pin_pad(k, "p-jan");
    type_pin(k, "12");
    k.touch(core::CardScanned{"C005"});
    CHECK(k.state().screen == Screen::Home);
    CHECK(k.state().participant_id == "p-zoe");
    CHECK(k.state().pin.empty());
    CHECK(k.state().pin_for.empty());
  }
  SECTION("while the previous person's check-in is being written") {
    k.touch(core::CheckInTapped{});
    const auto* rc = k.command<core::RecordCheckIn>();
    REQUIRE(rc != nullptr);
    const core::Attendance ayse_in = test::stored(*rc);
    REQUIRE(k.state().busy);
    k.touch(core::CardScanned{"C002"});
    CHECK(k.state().participant_id == "p-jan");
    CHECK_FALSE(k.state().busy);
    // The write for Ayşe completes: recorded, but Jan's screen stays his.
    k.act(core::AttendanceStored{ayse_in, core::Outcome::CheckedIn});
    CHECK(k.state().screen == Screen::Home);
    CHECK(k.state().participant_id == "p-jan");
    CHECK(core::open_attendance(k.state(), "p-ayse") != nullptr);
    CHECK(core::open_attendance(k.state(), "p-jan") == nullptr);
  }
  SECTION("the same card again keeps the session") {
    k.touch(core::CardScanned{"C001"});
    CHECK(k.state().participant_id == "p-ayse");
    CHECK(k.state().screen == Screen::Home);
  }
}

TEST_CASE("update: CheckInTapped records the local date and dagdeel, once", "[core]") {
  test::use_amsterdam_time();
  core::TimeMs start = 0;
  core::Dagdeel expected = core::Dagdeel::Morning;
  SECTION("09:42 is in the morning") {
    start = kMonday0942;
    expected = core::Dagdeel::Morning;
  }
  SECTION("12:45, between morning and afternoon, counts for the afternoon") {
    start = test::kMonday1245;
    expected = core::Dagdeel::Afternoon;
  }
  SECTION("14:00 is in the afternoon") {
    start = test::kMonday1400;
    expected = core::Dagdeel::Afternoon;
  }
  SECTION("20:00 is in the evening") {
    start = test::kMonday2000;
    expected = core::Dagdeel::Evening;
  }
  FakeKiosk k(centre(), start);
  k.touch(core::CardScanned{"C001"});
  k.advance(3000);
  k.touch(core::CheckInTapped{});
  const auto* rc = k.command<core::RecordCheckIn>();
  REQUIRE(rc != nullptr);
  CHECK(rc->participant_id == "p-ayse");
  CHECK(rc->at == start + 3000);
  CHECK(rc->date == "2026-11-23");
  CHECK(rc->dagdeel == expected);
  CHECK(k.state().busy);

  // A second tap (or a check-out tap) while the write runs asks for nothing.
  k.touch(core::CheckInTapped{});
  CHECK(k.commands().empty());
  k.touch(core::CheckOutTapped{});
  CHECK(k.commands().empty());
  CHECK(k.state().busy);
}

TEST_CASE("update: check-in and check-out on Home", "[core]") {
  test::use_amsterdam_time();
  FakeKiosk k(centre(), kMonday0942);
  k.touch(core::CardScanned{"C001"});

  SECTION("CheckInTapped is ignored on other screens and without a participant") {
    k.touch(core::BackTapped{});
    k.touch(core::CheckInTapped{});
    CHECK(k.commands().empty());
    k.touch(core::StartTapped{});
    k.touch(core::CheckInTapped{});
    CHECK(k.commands().empty());
  }
  SECTION("check-out without a check-in gives a notice and no write") {
    k.touch(core::CheckOutTapped{});
    CHECK(k.commands().empty());
    CHECK(core::active_notice(k.state()) == Notice::NotCheckedIn);
    CHECK_FALSE(k.state().busy);
  }
  SECTION("AttendanceStored shows the confirmation; check-in twice is refused; check-out closes it") {
    k.advance(2000);
    k.touch(core::CheckInTapped{});
    REQUIRE(k.command<core::RecordCheckIn>() != nullptr);
    const core::Attendance in = test::stored(*k.command<core::RecordCheckIn>());
    k.act(core::AttendanceStored{in, core::Outcome::CheckedIn});
    CHECK(k.state().screen == Screen::Confirmation);
    CHECK(k.state().outcome == core::Outcome::CheckedIn);
    CHECK(k.state().outcome_time == kMonday0942 + 2000);
    CHECK(k.state().confirmation_until == k.now() + core::seconds(5));
    CHECK_FALSE(k.state().busy);
    CHECK(k.state().today.size() == 1);
    CHECK(core::open_attendance(k.state(), "p-ayse") != nullptr);

    k.touch(core::DoneTapped{});
    REQUIRE(k.state().screen == Screen::Welcome);
    k.touch(core::CardScanned{"C001"});
    k.touch(core::CheckInTapped{});
    CHECK(k.commands().empty());
    CHECK(core::active_notice(k.state()) == Notice::AlreadyCheckedIn);

    k.advance(20'000);
    k.touch(core::CheckOutTapped{});
    REQUIRE(k.command<core::RecordCheckOut>() != nullptr);
    const core::RecordCheckOut ro = *k.command<core::RecordCheckOut>();  // a copy: act() replaces the commands
    CHECK(ro.participant_id == "p-ayse");
    CHECK(ro.at == kMonday0942 + 22'000);
    CHECK(ro.date == "2026-11-23");
    core::Attendance out = in;
    out.check_out = ro.at;
    k.act(core::AttendanceStored{out, core::Outcome::CheckedOut});
    CHECK(k.state().screen == Screen::Confirmation);
    CHECK(k.state().outcome == core::Outcome::CheckedOut);
    CHECK(k.state().outcome_time == ro.at);
    CHECK(k.state().today.size() == 1);  // updated in place, not added
    CHECK(core::open_attendance(k.state(), "p-ayse") == nullptr);
  }
}

TEST_CASE("update: the confirmation returns to Welcome after confirmation_seconds", "[core]") {
  test::use_amsterdam_time();
  core::State s = centre();
  int seconds = 5;
  SECTION("default, five seconds") {}
  SECTION("configured, two seconds") {
    s.config.confirmation_seconds = 2;
    seconds = 2;
  }
  FakeKiosk k(s, kMonday0942);
  k.touch(core::CardScanned{"C001"});
  k.touch(core::CheckInTapped{});
  REQUIRE(k.command<core::RecordCheckIn>() != nullptr);
  k.act(core::AttendanceStored{test::stored(*k.command<core::RecordCheckIn>()), core::Outcome::CheckedIn});
  REQUIRE(k.state().screen == Screen::Confirmation);
  const core::TimeMs shown = k.now();

  k.tick_at(shown + core::seconds(seconds) - 1);
  CHECK(k.state().screen == Screen::Confirmation);
  CHECK_FALSE(core::prompt_visible(k.state()));
  k.tick_at(shown + core::seconds(seconds));
  CHECK(k.state().screen == Screen::Welcome);
  CHECK(k.state().participant_id.empty());
  CHECK(k.state().language == "nl");
}

TEST_CASE("update: DoneTapped ends the session from Home or the confirmation, not while busy", "[core]") {
  test::use_amsterdam_time();
  FakeKiosk k(centre(), kMonday0942);
  SECTION("on Welcome and on the search screen it does nothing") {
    k.touch(core::DoneTapped{});
    CHECK(k.state().screen == Screen::Welcome);
    k.touch(core::StartTapped{});
    k.touch(core::DoneTapped{});
    CHECK(k.state().screen == Screen::Search);
  }
  SECTION("from Home") {
    k.touch(core::CardScanned{"C005"});
    REQUIRE(k.state().language == "en");
    k.touch(core::DoneTapped{});
    CHECK(k.state().screen == Screen::Welcome);
    CHECK(k.state().participant_id.empty());
    CHECK(k.state().language == "nl");
  }
  SECTION("not while a write is under way") {
    k.touch(core::CardScanned{"C005"});
    k.touch(core::CheckInTapped{});
    REQUIRE(k.state().busy);
    k.touch(core::DoneTapped{});
    CHECK(k.state().screen == Screen::Home);
    CHECK(k.state().participant_id == "p-zoe");
  }
  SECTION("from the confirmation, at once") {
    k.touch(core::CardScanned{"C005"});
    k.touch(core::CheckInTapped{});
    REQUIRE(k.command<core::RecordCheckIn>() != nullptr);
    k.act(core::AttendanceStored{test::stored(*k.command<core::RecordCheckIn>()), core::Outcome::CheckedIn});
    REQUIRE(k.state().screen == Screen::Confirmation);
    k.touch(core::DoneTapped{});
    CHECK(k.state().screen == Screen::Welcome);
    CHECK(k.state().participant_id.empty());
    CHECK(k.state().language == "nl");
  }
}

TEST_CASE("update: inactivity prompt, countdown and timeout", "[core]") {
  FakeKiosk k(centre(), kMonday0942);
  k.advance(7000);
  k.touch(core::CardScanned{"C001"});
  REQUIRE(k.state().screen == Screen::Home);
  REQUIRE(k.state().language == "en");
  const core::TimeMs last = k.now();

  k.tick_at(last + core::seconds(29));
  CHECK(k.state().screen == Screen::Home);
  CHECK_FALSE(core::prompt_visible(k.state()));
  k.tick_at(last + core::seconds(30));
  CHECK(core::prompt_visible(k.state()));
  CHECK(core::prompt_seconds_left(k.state()) == 10);

  SECTION("the countdown shows whole seconds left") {
    k.tick_at(last + core::seconds(30) + 500);
    CHECK(core::prompt_seconds_left(k.state()) == 10);
    k.tick_at(last + core::seconds(31));
    CHECK(core::prompt_seconds_left(k.state()) == 9);
    k.tick_at(last + core::seconds(36));
    CHECK(core::prompt_seconds_left(k.state()) == 4);
    k.tick_at(last + core::seconds(40) - 1);
    CHECK(core::prompt_seconds_left(k.state()) == 1);
    CHECK(k.state().screen == Screen::Home);
  }
  SECTION("at 40 s the session ends: Welcome, nobody, default language") {
    k.tick_at(last + core::seconds(40));
    CHECK(k.state().screen == Screen::Welcome);
    CHECK(k.state().participant_id.empty());
    CHECK(k.state().language == "nl");
    CHECK_FALSE(core::prompt_visible(k.state()));
    CHECK(logged(k).find("inactivity") != std::string::npos);
  }
  SECTION("a touch dismisses the prompt and restarts the clock") {
    k.act(core::Touched{});
    CHECK_FALSE(core::prompt_visible(k.state()));
    k.tick_at(last + core::seconds(59));
    CHECK_FALSE(core::prompt_visible(k.state()));
    CHECK(k.state().screen == Screen::Home);
    k.tick_at(last + core::seconds(60));
    CHECK(core::prompt_visible(k.state()));
  }
  SECTION("\"still here\" dismisses the prompt") {
    k.act(core::StillHereTapped{});
    CHECK_FALSE(core::prompt_visible(k.state()));
    k.tick_at(last + core::seconds(45));
    CHECK(k.state().screen == Screen::Home);
    CHECK(k.state().participant_id == "p-ayse");
  }
}

TEST_CASE("update: inactivity ends the search and PIN screens too, not Welcome", "[core]") {
  FakeKiosk k(centre(), kMonday0942);
  SECTION("search") {
    k.touch(core::StartTapped{});
    k.touch(core::SearchTyped{"ja"});
    k.advance(core::seconds(40));
    CHECK(k.state().screen == Screen::Welcome);
    CHECK(k.state().query.empty());
  }
  SECTION("PIN pad") {
    to_pin_pad(k, "p-jan");
    type_pin(k, "12");
    k.advance(core::seconds(30));
    CHECK(core::prompt_visible(k.state()));
    k.advance(core::seconds(10));
    CHECK(k.state().screen == Screen::Welcome);
    CHECK(k.state().pin.empty());
    CHECK(k.state().pin_for.empty());
  }
  SECTION("Welcome never prompts") {
    k.advance(core::minutes(10));
    CHECK(k.state().screen == Screen::Welcome);
    CHECK_FALSE(core::prompt_visible(k.state()));
  }
}

TEST_CASE("update: next_deadline is the next moment the screen changes", "[core]") {
  test::use_amsterdam_time();
  const core::TimeMs t0 = kMonday0942;  // on a whole minute
  FakeKiosk k(centre(), t0);

  SECTION("Welcome: the next clock minute") {
    CHECK(core::next_deadline(k.state()) == t0 + 60'000);
    k.advance(12'345);
    CHECK(core::next_deadline(k.state()) == t0 + 60'000);
  }
  SECTION("a session: the prompt time, then each countdown second") {
    k.touch(core::CardScanned{"C001"});
    CHECK(core::next_deadline(k.state()) == t0 + 30'000);
    k.advance(5000);
    CHECK(core::next_deadline(k.state()) == t0 + 30'000);
    k.tick_at(t0 + 30'000);
    CHECK(core::next_deadline(k.state()) == t0 + 31'000);
    k.tick_at(t0 + 31'500);
    CHECK(core::next_deadline(k.state()) == t0 + 32'000);
  }
  SECTION("a prompt after the next minute: the minute comes first") {
    k.advance(45'000);
    k.touch(core::CardScanned{"C001"});
    CHECK(core::next_deadline(k.state()) == t0 + 60'000);
  }
  SECTION("confirmation: its end") {
    k.touch(core::CardScanned{"C001"});
    k.advance(2000);
    k.touch(core::CheckInTapped{});
    REQUIRE(k.command<core::RecordCheckIn>() != nullptr);
    k.act(core::AttendanceStored{test::stored(*k.command<core::RecordCheckIn>()), core::Outcome::CheckedIn});
    CHECK(core::next_deadline(k.state()) == t0 + 7000);
  }
  SECTION("a notice: its end") {
    k.advance(10'000);
    k.act(core::CardScanned{"NOPE"});
    CHECK(core::next_deadline(k.state()) == t0 + 16'000);
  }
}

TEST_CASE("update: the search query is capped at kMaxQueryLength bytes", "[core]") {
  FakeKiosk k(centre(), kMonday0942);
  SECTION("typing outside the search screen does nothing") {
    k.touch(core::SearchTyped{"ja"});
    CHECK(k.state().query.empty());
  }
  k.touch(core::StartTapped{});
  SECTION("one character at a time") {
    for (std::size_t i = 0; i < core::kMaxQueryLength + 5; ++i) k.touch(core::SearchTyped{"a"});
    CHECK(k.state().query == std::string(core::kMaxQueryLength, 'a'));
  }
  SECTION("a chunk that would overflow is refused whole") {
    k.touch(core::SearchTyped{std::string(core::kMaxQueryLength - 1, 'b')});
    k.touch(core::SearchTyped{"cd"});
    CHECK(k.state().query == std::string(core::kMaxQueryLength - 1, 'b'));
    k.touch(core::SearchTyped{"c"});
    CHECK(k.state().query.size() == core::kMaxQueryLength);
  }
  SECTION("multi-byte characters count in bytes and are never split") {
    for (int i = 0; i < 30; ++i) k.touch(core::SearchTyped{"ş"});
    CHECK(k.state().query.size() == core::kMaxQueryLength);
    CHECK(core::fold_for_search(k.state().query) == std::string(core::kMaxQueryLength / 2, 's'));
  }
}

TEST_CASE("update: SearchErased removes a whole UTF-8 character", "[core]") {
  FakeKiosk k(centre(), kMonday0942);
  k.touch(core::StartTapped{});
  auto erase = [&] {
    k.touch(core::SearchErased{});
    return k.state().query;
  };

  SECTION("two-byte characters") {
    k.touch(core::SearchTyped{"Ayş"});
    CHECK(erase() == "Ay");
    CHECK(erase() == "A");
    CHECK(erase() == "");
    CHECK(erase() == "");  // nothing left: no-op
  }
  SECTION("a character alone") {
    k.touch(core::SearchTyped{"ë"});
    CHECK(erase() == "");
  }
  SECTION("three- and four-byte characters") {
    k.touch(core::SearchTyped{"O\xE2\x80\x99"});  // O + U+2019
    CHECK(erase() == "O");
    k.touch(core::SearchTyped{"a\xF0\x9F\x98\x80"});  // a + emoji
    CHECK(erase() == "Oa");
  }
  SECTION("ignored outside the search screen") {
    k.touch(core::SearchTyped{"ja"});
    k.touch(core::BackTapped{});
    CHECK(erase() == "");
    CHECK(k.state().screen == Screen::Welcome);
  }
}

TEST_CASE("update: StoreFailed shows a notice, clears busy and stays on Home", "[core]") {
  test::use_amsterdam_time();
  FakeKiosk k(centre(), kMonday0942);
  k.touch(core::CardScanned{"C001"});
  k.touch(core::CheckInTapped{});
  REQUIRE(k.state().busy);

  k.act(core::StoreFailed{"recording a check-in: the disk is full"});
  CHECK_FALSE(k.state().busy);
  CHECK(k.state().screen == Screen::Home);
  CHECK(k.state().participant_id == "p-ayse");
  CHECK(core::active_notice(k.state()) == Notice::StoreFailed);
  CHECK(logged(k).find("the disk is full") != std::string::npos);
  CHECK(k.state().today.empty());

  SECTION("the person can try again") {
    k.touch(core::CheckInTapped{});
    CHECK(k.command<core::RecordCheckIn>() != nullptr);
  }
  SECTION("the failure can carry its own notice") {
    k.touch(core::CheckInTapped{});
    k.act(core::StoreFailed{"already", Notice::AlreadyCheckedIn});
    CHECK(core::active_notice(k.state()) == Notice::AlreadyCheckedIn);
  }
}

TEST_CASE("update: LanguageTapped accepts only the kiosk's languages", "[core]") {
  FakeKiosk k(centre(), kMonday0942);
  k.act(core::LanguageTapped{"en"});
  CHECK(k.state().language == "en");
  k.act(core::LanguageTapped{"de"});
  CHECK(k.state().language == "en");
  k.act(core::LanguageTapped{""});
  CHECK(k.state().language == "en");
  k.act(core::LanguageTapped{"nl"});
  CHECK(k.state().language == "nl");
}

TEST_CASE("update: BackTapped ends a session unless a write is under way", "[core]") {
  test::use_amsterdam_time();
  FakeKiosk k(centre(), kMonday0942);
  SECTION("from the search screen") {
    k.touch(core::StartTapped{});
    k.touch(core::BackTapped{});
    CHECK(k.state().screen == Screen::Welcome);
  }
  SECTION("from Home") {
    k.touch(core::CardScanned{"C005"});
    k.touch(core::BackTapped{});
    CHECK(k.state().screen == Screen::Welcome);
    CHECK(k.state().participant_id.empty());
    CHECK(k.state().language == "nl");
  }
  SECTION("not while the check-in is being written") {
    k.touch(core::CardScanned{"C005"});
    k.touch(core::CheckInTapped{});
    k.touch(core::BackTapped{});
    CHECK(k.state().screen == Screen::Home);
    CHECK(k.state().participant_id == "p-zoe");
  }
}

TEST_CASE("update: DataLoaded replaces roster and attendance, a new day drops yesterday's", "[core]") {
  test::use_amsterdam_time();
  FakeKiosk k(centre(), test::kMonday2359);

  core::Attendance a;
  a.participant_id = "p-new";
  a.date = "2026-11-23";
  a.check_in = test::kMonday2000;
  auto roster =
      std::make_shared<const core::Roster>(std::vector<core::Participant>{person("p-new", "Nieuw", "Lid", "C100", "")});
  k.act(core::DataLoaded{roster, {}, {a}, {}, {}, {}});
  CHECK(k.state().roster->find_by_card("C100") != nullptr);
  CHECK(k.state().roster->find_by_card("C001") == nullptr);
  CHECK(core::open_attendance(k.state(), "p-new") != nullptr);

  SECTION("a null roster keeps the current one") {
    k.act(core::DataLoaded{nullptr, {}, {}, {}, {}, {}});
    CHECK(k.state().roster->find_by_card("C100") != nullptr);
    CHECK(k.state().today.empty());
  }
  SECTION("after midnight, closed attendances of the day before are dropped; an open one waits to be closed") {
    k.advance(20'000);  // 23:59:50, same day; the evening ended at 21:30, so a close was asked for
    CHECK(k.state().today.size() == 1);
    CHECK(k.state().closing_forgotten);
    k.advance(40'000);                     // 00:00:30 on Tuesday
    REQUIRE(k.state().today.size() == 1);  // still open: the kiosk must close it, not forget it
    k.act(core::ForgottenClosed{{}});      // the store closed it and today (Tuesday) has nothing yet
    CHECK(k.state().today.empty());
    CHECK_FALSE(k.state().closing_forgotten);
    CHECK(core::open_attendance(k.state(), "p-new") == nullptr);
  }
}

// Every action from a person restarts the inactivity timer, a card scan included (it is the
// person's first input of a session), from the "now" of the last Tick.
TEST_CASE("update: a card scan after a quiet while starts a full session", "[core]") {
  FakeKiosk k(centre(), kMonday0942);
  k.advance(core::minutes(5));  // nobody at the kiosk
  k.act(core::CardScanned{"C001"});
  REQUIRE(k.state().screen == Screen::Home);
  CHECK(k.state().last_input == kMonday0942 + core::minutes(5));
  k.advance(core::seconds(29));
  CHECK(k.state().screen == Screen::Home);
  CHECK(k.state().participant_id == "p-ayse");
  CHECK_FALSE(core::prompt_visible(k.state()));
}

TEST_CASE("update: results from the platform do not count as a person's input", "[core]") {
  test::use_amsterdam_time();
  FakeKiosk k(centre(), kMonday0942);
  k.touch(core::CardScanned{"C001"});
  k.touch(core::CheckInTapped{});
  REQUIRE(k.command<core::RecordCheckIn>() != nullptr);
  const core::RecordCheckIn rc = *k.command<core::RecordCheckIn>();
  const core::TimeMs last = k.state().last_input;
  k.advance(core::seconds(20));
  k.act(core::StoreFailed{"disk full"});
  k.act(core::DataLoaded{nullptr, {}, {}, {}, {}, {}});
  k.act(core::PinChecked{"p-jan", false});
  CHECK(k.state().last_input == last);
  k.act(core::AttendanceStored{test::stored(rc), core::Outcome::CheckedIn});
  CHECK(k.state().last_input == last);
}

// update() reads no clock: a person's action is timed by the last Tick. The platform must therefore
// Tick with the current time before it dispatches input, or a session starts with a stale timer.
TEST_CASE("update: a person's action is timed by the last Tick", "[core]") {
  FakeKiosk k(centre(), kMonday0942);
  SECTION("without a fresh Tick the action gets the old time") {
    k.act(core::CardScanned{"C001"});
    CHECK(k.state().last_input == kMonday0942);
  }
  SECTION("Tick first, then the card: a full session from the scan") {
    k.tick_at(kMonday0942 + core::seconds(45));
    k.act(core::CardScanned{"C001"});
    CHECK(k.state().last_input == kMonday0942 + core::seconds(45));
    k.tick_at(kMonday0942 + core::seconds(45 + 29));
    CHECK(k.state().screen == Screen::Home);
    CHECK_FALSE(core::prompt_visible(k.state()));
  }
}

TEST_CASE("update: the centre's identification settings are honoured", "[core]") {
  test::use_amsterdam_time();
  SECTION("card identification off: a scan identifies nobody and says why in the log") {
    core::State s = centre();
    s.config.identification.card = false;
    FakeKiosk k(std::move(s), kMonday0942);
    k.touch(core::CardScanned{"C001"});
    CHECK(k.state().screen == Screen::Welcome);
    CHECK(k.state().participant_id.empty());
    CHECK(logged(k).find("card identification off") != std::string::npos);
  }
  SECTION("name search off: Start does nothing, a card still works") {
    core::State s = centre();
    s.config.identification.name_search = false;
    FakeKiosk k(std::move(s), kMonday0942);
    k.touch(core::StartTapped{});
    CHECK(k.state().screen == Screen::Welcome);
    k.touch(core::CardScanned{"C002"});
    CHECK(k.state().screen == Screen::Home);
    CHECK(k.state().participant_id == "p-jan");
  }
}
