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
using test::activity;
using test::FakeKiosk;
using test::kMonday0942;
using test::person;

namespace {

core::State centre() {
  core::State s;
  auto ayse = person("p-ayse", "Ayşe", "Yılmaz", "C001");
  ayse.coach_id = "c-marloes";
  ayse.mandatory = true;
  s.roster = std::make_shared<const core::Roster>(
      std::vector<core::Participant>{ayse, person("p-jan", "Jan", "de Vries", "C002")});
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
  type_coach_pin(k, "000000");
  REQUIRE(k.command<core::VerifyCoachPin>() != nullptr);
  k.act(core::CoachPinChecked{""});
}

void log_in(FakeKiosk& k) {
  k.touch(core::CoachCornerTapped{});
  type_coach_pin(k, "246810");
  REQUIRE(k.command<core::VerifyCoachPin>() != nullptr);
  CHECK(k.command<core::VerifyCoachPin>()->pin == "246810");
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

TEST_CASE("coach: a right PIN opens Today and asks for its data, back leaves the pad", "[core][coach]") {
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
  type_coach_pin(k, "246810");
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

// [SECTION] Participants and their page

namespace {

// Marloes's centre on Monday 2026-11-23: Ayşe (hers, agreed Monday and Wednesday mornings, a
// talk every 14 days), Jan (Erik's) and Piotr, who left the programme.
core::State people_centre() {
  test::use_amsterdam_time();
  core::State s;
  auto ayse = person("p-ayse", "Ayşe", "Yılmaz", "C001");
  ayse.coach_id = "c-marloes";
  ayse.mandatory = true;
  ayse.start_date = "2026-09-01";
  ayse.talk_every_days = 14;
  ayse.agreed_parts = core::agreed_bit(0, core::Dagdeel::Morning) | core::agreed_bit(2, core::Dagdeel::Morning);
  auto jan = person("p-jan", "Jan", "de Vries", "C002");
  jan.coach_id = "c-erik";
  auto piotr = person("p-piotr", "Piotr", "Kowalski", "C009");
  piotr.coach_id = "c-marloes";
  s.roster = std::make_shared<const core::Roster>(std::vector<core::Participant>{ayse, jan, piotr});
  return s;
}

core::CoachData coach_data(const std::string& page = "") {
  core::CoachData d;
  d.coaches = {{"c-marloes", "Marloes Kuipers"}, {"c-erik", "Erik Bos"}};
  d.exits = {{"ev-exit", "p-piotr", "2026-11-02", core::ExitReason::Work, "c-marloes", 0}};
  d.person.participant_id = page;
  return d;
}

// Logged in as Marloes, with Today's data loaded.
void on_today(FakeKiosk& k) {
  log_in(k);
  REQUIRE(k.state().screen == Screen::CoachToday);
  k.act(core::CoachDataLoaded{coach_data()});
  REQUIRE(k.state().coach.data.loaded);
}

// Logged in, on a participant's page, its data loaded (ladder: the assessments so far).
void on_page(FakeKiosk& k, const std::string& pid, std::vector<core::LadderAssessment> ladder = {}) {
  on_today(k);
  k.touch(core::PersonTapped{pid});
  REQUIRE(k.state().screen == Screen::CoachPerson);
  core::CoachData d = coach_data(pid);
  d.person.ladder = std::move(ladder);
  k.act(core::CoachDataLoaded{d});
  REQUIRE_FALSE(k.state().coach.busy);
}

// The one RecordCoach of the last action, and its body as B.
template <class B>
const B* recorded(const FakeKiosk& k, const std::string& pid) {
  const auto* r = k.command<core::RecordCoach>();
  if (r == nullptr) return nullptr;
  CHECK(k.count<core::RecordCoach>() == 1);
  CHECK(r->participant_id == pid);
  CHECK(r->now == k.now());
  CHECK(core::validate(r->body).empty());
  return std::get_if<B>(&r->body);
}

}  // namespace

TEST_CASE("coach: tapping a participant opens their page and loads it", "[core][coach]") {
  FakeKiosk k(people_centre(), kMonday0942);
  on_today(k);
  k.mutable_state().coach.pending = core::PendingKind::HoursReject;
  k.touch(core::PersonTapped{"p-ayse"});
  CHECK(k.state().screen == Screen::CoachPerson);
  CHECK(k.state().coach.person_id == "p-ayse");
  CHECK(k.state().coach.pending == core::PendingKind::None);
  const auto* load = k.command<core::LoadCoachData>();
  REQUIRE(load != nullptr);
  CHECK(load->person_id == "p-ayse");
  CHECK(load->now == k.now());

  SECTION("another page drops what was loaded for the previous one") {
    k.act(core::CoachDataLoaded{coach_data("p-ayse")});
    REQUIRE(k.state().coach.data.person.participant_id == "p-ayse");
    k.touch(core::PersonTapped{"p-jan"});
    CHECK(k.state().coach.person_id == "p-jan");
    CHECK(k.state().coach.data.person.participant_id.empty());
    REQUIRE(k.command<core::LoadCoachData>() != nullptr);
    CHECK(k.command<core::LoadCoachData>()->person_id == "p-jan");
  }
  SECTION("an unknown participant is refused") {
    k.touch(core::CoachTabTapped{Screen::CoachPeople});
    k.touch(core::PersonTapped{"p-nobody"});
    CHECK(k.state().screen == Screen::CoachPeople);
    CHECK(k.command<core::LoadCoachData>() == nullptr);
  }
}

TEST_CASE("coach: no participant's page without a coach logged in", "[core][coach]") {
  FakeKiosk k(people_centre(), kMonday0942);
  k.touch(core::PersonTapped{"p-ayse"});  // on the welcome screen
  CHECK(k.state().screen == Screen::Welcome);
  CHECK(k.state().coach.person_id.empty());
  CHECK(k.commands().empty());
  k.touch(core::CoachCornerTapped{});  // on the PIN pad, before the PIN
  k.touch(core::PersonTapped{"p-ayse"});
  CHECK(k.state().screen == Screen::CoachPin);
  CHECK(k.state().coach.person_id.empty());
  CHECK(k.command<core::LoadCoachData>() == nullptr);
}

TEST_CASE("coach: back goes from the ladder to the page to the list, the tabs stay put", "[core][coach]") {
  FakeKiosk k(people_centre(), kMonday0942);
  on_page(k, "p-ayse");
  k.touch(core::LadderOpenTapped{});
  REQUIRE(k.state().screen == Screen::CoachLadder);
  k.touch(core::BackTapped{});
  CHECK(k.state().screen == Screen::CoachPerson);
  k.touch(core::NoteOpenTapped{});
  REQUIRE(k.state().coach.note_open);
  k.touch(core::BackTapped{});
  CHECK(k.state().screen == Screen::CoachPeople);
  CHECK_FALSE(k.state().coach.note_open);
  CHECK(k.state().coach.coach_id == "c-marloes");
  for (Screen tab : {Screen::CoachToday, Screen::CoachPeople, Screen::CoachProgramme, Screen::CoachReports}) {
    INFO("tab " << static_cast<int>(tab));
    k.touch(core::CoachTabTapped{tab});
    REQUIRE(k.state().screen == tab);
    k.touch(core::BackTapped{});
    CHECK(k.state().screen == tab);
    CHECK(k.state().coach.coach_id == "c-marloes");
  }
}

TEST_CASE("coach: back waits while a write on the page is under way", "[core][coach]") {
  FakeKiosk k(people_centre(), kMonday0942);
  on_page(k, "p-ayse");
  k.touch(core::TalkHeldTapped{"p-ayse"});
  REQUIRE(k.state().coach.busy);
  k.touch(core::BackTapped{});
  CHECK(k.state().screen == Screen::CoachPerson);
}

TEST_CASE("coach: a tab switches screens and reloads the journal, other screens are no tabs", "[core][coach]") {
  FakeKiosk k(people_centre(), kMonday0942);
  on_page(k, "p-ayse");
  k.touch(core::NoteOpenTapped{});
  k.touch(core::CoachTabTapped{Screen::CoachToday});
  CHECK(k.state().screen == Screen::CoachToday);
  CHECK_FALSE(k.state().coach.note_open);
  REQUIRE(k.command<core::LoadCoachData>() != nullptr);
  CHECK(k.command<core::LoadCoachData>()->person_id.empty());  // no page on a tab

  k.touch(core::CoachTabTapped{Screen::CoachPeople});
  CHECK(k.state().screen == Screen::CoachPeople);
  CHECK(k.count<core::LoadCoachData>() == 1);

  for (Screen not_tab : {Screen::CoachPerson, Screen::CoachLadder, Screen::CoachPin, Screen::Home}) {
    k.touch(core::CoachTabTapped{not_tab});
    CHECK(k.state().screen == Screen::CoachPeople);
    CHECK(k.commands().empty());
  }
  k.mutable_state().coach.busy = true;
  k.touch(core::CoachTabTapped{Screen::CoachToday});
  CHECK(k.state().screen == Screen::CoachPeople);
  CHECK(k.command<core::LoadCoachData>() == nullptr);
}

TEST_CASE("coach: the list shows everyone or only the coach's own participants", "[core][coach]") {
  FakeKiosk k(people_centre(), kMonday0942);
  on_today(k);
  k.touch(core::PeopleScopeTapped{true});  // not on the list: ignored
  CHECK_FALSE(k.state().coach.people_all);
  k.touch(core::CoachTabTapped{Screen::CoachPeople});
  k.touch(core::PeopleScopeTapped{true});
  CHECK(k.state().coach.people_all);
  k.touch(core::PeopleScopeTapped{false});
  CHECK_FALSE(k.state().coach.people_all);
}

TEST_CASE("coach: a phone call becomes that participant's absence, with its reason", "[core][coach]") {
  FakeKiosk k(people_centre(), kMonday0942);
  on_today(k);
  k.touch(core::AbsentByPhoneTapped{"p-jan", core::Dagdeel::Afternoon});
  CHECK(k.command<core::RecordCoach>() == nullptr);
  CHECK(k.state().coach.pending == core::PendingKind::AbsentByPhone);
  CHECK(k.state().coach.pending_id == "p-jan");

  SECTION("a reason writes the absence for today's dagdeel") {
    k.touch(core::ChoiceTapped{"sick"});
    const auto* b = recorded<core::ev::AbsenceReported>(k, "p-jan");
    REQUIRE(b != nullptr);
    CHECK_FALSE(k.command<core::RecordCoach>()->participant_id.empty());
    CHECK(b->date == "2026-11-23");
    CHECK(b->dagdeel == core::Dagdeel::Afternoon);
    CHECK(b->reason == core::AbsenceReason::Sick);
    CHECK(b->coach_id == "c-marloes");
    CHECK(k.command<core::RecordCoach>()->person_id.empty());  // from Today: no page to reload
    CHECK(k.state().coach.pending == core::PendingKind::None);
    CHECK(k.state().coach.pending_id.empty());
    CHECK(k.state().coach.busy);
  }
  SECTION("an unknown reason, or a coach reason, writes nothing and keeps asking") {
    k.touch(core::ChoiceTapped{"flu"});
    k.touch(core::CoachReasonTapped{core::CoachReason::Seen});
    CHECK(k.command<core::RecordCoach>() == nullptr);
    CHECK(k.state().coach.pending == core::PendingKind::AbsentByPhone);
    k.touch(core::ChoiceTapped{"appointment"});
    const auto* b = recorded<core::ev::AbsenceReported>(k, "p-jan");
    REQUIRE(b != nullptr);
    CHECK(b->reason == core::AbsenceReason::Appointment);
  }
  SECTION("cancelled: nothing is written") {
    k.touch(core::CoachReasonCancelled{});
    k.touch(core::ChoiceTapped{"sick"});
    CHECK(k.command<core::RecordCoach>() == nullptr);
  }
}

TEST_CASE("coach: a phone call for an unknown participant is refused", "[core][coach]") {
  FakeKiosk k(people_centre(), kMonday0942);
  on_today(k);
  k.touch(core::AbsentByPhoneTapped{"p-nobody", core::Dagdeel::Morning});
  CHECK(k.state().coach.pending == core::PendingKind::None);
  k.touch(core::ChoiceTapped{"sick"});
  CHECK(k.command<core::RecordCoach>() == nullptr);
}

TEST_CASE("coach: 'was here' records the dagdeel's configured times with the reason", "[core][coach]") {
  core::State s = people_centre();
  s.config.dagdelen[1] = {12 * 60 + 30, 16 * 60 + 15};  // this centre's afternoon
  FakeKiosk k(s, kMonday0942);
  on_today(k);

  SECTION("a day in the past") {
    k.touch(core::WasHereTapped{"p-jan", "2026-11-20", core::Dagdeel::Afternoon});
    CHECK(k.state().coach.pending == core::PendingKind::WasHere);
    CHECK(k.command<core::RecordCoach>() == nullptr);
    k.touch(core::ChoiceTapped{"sick"});  // not a choice of this question
    CHECK(k.command<core::RecordCoach>() == nullptr);
    k.touch(core::CoachReasonTapped{core::CoachReason::Seen});
    const auto* b = recorded<core::ev::AttendanceRecorded>(k, "p-jan");
    REQUIRE(b != nullptr);
    CHECK(b->date == "2026-11-20");
    CHECK(b->dagdeel == core::Dagdeel::Afternoon);
    CHECK(b->start == core::from_local("2026-11-20", 12 * 60 + 30));
    CHECK(b->end == core::from_local("2026-11-20", 16 * 60 + 15));
    CHECK(b->start == test::local_ms(2026, 11, 20, 12, 30));
    CHECK(b->reason == "seen");
    CHECK(b->coach_id == "c-marloes");
  }
  SECTION("today") {
    k.touch(core::WasHereTapped{"p-jan", "2026-11-23", core::Dagdeel::Morning});
    k.touch(core::CoachReasonTapped{core::CoachReason::Checked});
    const auto* b = recorded<core::ev::AttendanceRecorded>(k, "p-jan");
    REQUIRE(b != nullptr);
    CHECK(b->start == test::local_ms(2026, 11, 23, 9, 0));
    CHECK(b->end == test::local_ms(2026, 11, 23, 12, 30));
    CHECK(b->reason == "checked");
  }
  SECTION("a day to come, a malformed date or an unknown participant is refused") {
    k.touch(core::WasHereTapped{"p-jan", "2026-11-24", core::Dagdeel::Morning});
    CHECK(k.state().coach.pending == core::PendingKind::None);
    k.touch(core::WasHereTapped{"p-jan", "2026-13-01", core::Dagdeel::Morning});
    CHECK(k.state().coach.pending == core::PendingKind::None);
    k.touch(core::WasHereTapped{"p-nobody", "2026-11-20", core::Dagdeel::Morning});
    CHECK(k.state().coach.pending == core::PendingKind::None);
    k.touch(core::CoachReasonTapped{core::CoachReason::Seen});
    CHECK(k.command<core::RecordCoach>() == nullptr);
  }
}

TEST_CASE("coach: a day of the strip asks which dagdeel, for the page's participant", "[core][coach]") {
  FakeKiosk k(people_centre(), kMonday0942);
  on_page(k, "p-ayse");
  k.touch(core::StripDayTapped{"2026-11-24"});  // tomorrow
  CHECK(k.state().coach.pending == core::PendingKind::None);
  k.touch(core::StripDayTapped{"not-a-date"});
  CHECK(k.state().coach.pending == core::PendingKind::None);
  k.touch(core::StripDayTapped{"2026-11-18"});
  CHECK(k.state().coach.pending == core::PendingKind::PickDagdeel);
  CHECK(k.state().coach.pending_id == "p-ayse");
  CHECK(k.state().coach.pending_date == "2026-11-18");
  CHECK(k.commands().empty());
  // The dagdeel picked is a "was here" for that day, which then asks the coach's reason.
  k.touch(core::WasHereTapped{"p-ayse", "2026-11-18", core::Dagdeel::Evening});
  CHECK(k.state().coach.pending == core::PendingKind::WasHere);
  k.touch(core::CoachReasonTapped{core::CoachReason::Other});
  const auto* b = recorded<core::ev::AttendanceRecorded>(k, "p-ayse");
  REQUIRE(b != nullptr);
  CHECK(b->dagdeel == core::Dagdeel::Evening);
  CHECK(k.command<core::RecordCoach>()->person_id == "p-ayse");  // the page is reloaded with it
}

TEST_CASE("coach: the strip is only tapped on a page", "[core][coach]") {
  FakeKiosk k(people_centre(), kMonday0942);
  on_today(k);
  k.touch(core::StripDayTapped{"2026-11-18"});
  CHECK(k.state().coach.pending == core::PendingKind::None);
}

TEST_CASE("coach: 'talk held' is a talk note without text", "[core][coach]") {
  FakeKiosk k(people_centre(), kMonday0942);
  on_today(k);
  k.touch(core::TalkHeldTapped{"p-nobody"});
  CHECK(k.command<core::RecordCoach>() == nullptr);
  k.touch(core::TalkHeldTapped{"p-ayse"});
  const auto* b = recorded<core::ev::NoteAdded>(k, "p-ayse");
  REQUIRE(b != nullptr);
  CHECK(b->talk);
  CHECK(b->text.empty());
  CHECK(b->date == "2026-11-23");
  CHECK(b->coach_id == "c-marloes");
}

TEST_CASE("coach: a participant leaves the programme with one of the exit reasons", "[core][coach]") {
  FakeKiosk k(people_centre(), kMonday0942);
  on_page(k, "p-ayse");
  k.touch(core::ExitTapped{});
  CHECK(k.state().coach.pending == core::PendingKind::Exit);
  CHECK(k.state().coach.pending_id == "p-ayse");
  CHECK(k.commands().empty());

  k.touch(core::ChoiceTapped{"holiday"});  // not an exit reason
  CHECK(k.command<core::RecordCoach>() == nullptr);
  CHECK(k.state().coach.pending == core::PendingKind::Exit);
  k.touch(core::ChoiceTapped{"sick"});  // an absence reason, not an exit reason
  CHECK(k.command<core::RecordCoach>() == nullptr);

  k.touch(core::ChoiceTapped{"volunteer_work"});
  const auto* b = recorded<core::ev::ParticipantLeft>(k, "p-ayse");
  REQUIRE(b != nullptr);
  CHECK(b->date == "2026-11-23");
  CHECK(b->reason == core::ExitReason::VolunteerWork);
  CHECK(b->coach_id == "c-marloes");
  CHECK(k.command<core::RecordCoach>()->person_id == "p-ayse");
  CHECK(k.state().coach.pending == core::PendingKind::None);
}

TEST_CASE("coach: exit is refused off a page and for someone who left already", "[core][coach]") {
  FakeKiosk k(people_centre(), kMonday0942);
  on_today(k);
  k.touch(core::ExitTapped{});
  CHECK(k.state().coach.pending == core::PendingKind::None);
  k.touch(core::PersonTapped{"p-piotr"});
  k.act(core::CoachDataLoaded{coach_data("p-piotr")});
  REQUIRE(core::has_left(k.state(), "p-piotr"));
  k.touch(core::ExitTapped{});
  CHECK(k.state().coach.pending == core::PendingKind::None);
  k.touch(core::ChoiceTapped{"work"});
  CHECK(k.command<core::RecordCoach>() == nullptr);
}

TEST_CASE("coach: the ladder form starts at the start, or from the latest assessment", "[core][coach]") {
  FakeKiosk k(people_centre(), kMonday0942);
  SECTION("the first assessment") {
    on_page(k, "p-ayse");
    k.mutable_state().coach.ladder.rung = 5;  // left over from another page
    k.mutable_state().coach.ladder.progress = 3;
    k.touch(core::LadderOpenTapped{});
    REQUIRE(k.state().screen == Screen::CoachLadder);
    const core::LadderForm& f = k.state().coach.ladder;
    CHECK(f.moment == core::LadderMoment::Start);
    CHECK(f.rung == 1);
    CHECK(f.progress == 0);
    for (core::AreaStatus a : f.areas) CHECK(a == core::AreaStatus::None);
  }
  SECTION("a next assessment: monthly, from the latest") {
    core::LadderAssessment old = test::assessment("p-ayse", "2026-09-01", 2, 1);
    core::LadderAssessment last = test::assessment("p-ayse", "2026-11-02", 4, 3);
    last.moment = core::LadderMoment::Start;
    last.areas[1] = core::AreaStatus::Working;
    last.areas[4] = core::AreaStatus::UnderControl;
    on_page(k, "p-ayse", {old, last});
    k.touch(core::LadderOpenTapped{});
    REQUIRE(k.state().screen == Screen::CoachLadder);
    const core::LadderForm& f = k.state().coach.ladder;
    CHECK(f.moment == core::LadderMoment::Monthly);
    CHECK(f.rung == 4);
    CHECK(f.progress == 3);
    CHECK(f.areas == last.areas);
  }
  SECTION("a rung beyond this centre's ladder is brought within it") {
    on_page(k, "p-ayse", {test::assessment("p-ayse", "2026-11-02", 9, 2)});
    k.touch(core::LadderOpenTapped{});
    CHECK(k.state().coach.ladder.rung == static_cast<int>(k.state().config.ladder_rungs.size()));
  }
  SECTION("not before the page's data is there") {
    on_today(k);
    k.touch(core::PersonTapped{"p-ayse"});
    k.touch(core::LadderOpenTapped{});
    CHECK(k.state().screen == Screen::CoachPerson);
    k.act(core::CoachDataLoaded{coach_data("p-jan")});  // an answer for another page
    k.touch(core::LadderOpenTapped{});
    CHECK(k.state().screen == Screen::CoachPerson);
  }
}

TEST_CASE("coach: the ladder form takes taps within range and saves an assessment", "[core][coach]") {
  core::State s = people_centre();
  s.config.ladder_rungs = {"Thuis", "Buiten de deur", "Activiteiten", "Vrijwilligerswerk"};
  FakeKiosk k(s, kMonday0942);
  on_page(k, "p-ayse", {test::assessment("p-ayse", "2026-11-02", 2, 1)});
  k.touch(core::LadderRungTapped{3});  // not on the form yet: ignored
  CHECK(k.state().coach.ladder.rung == 1);
  k.touch(core::LadderOpenTapped{});
  REQUIRE(k.state().screen == Screen::CoachLadder);
  const core::LadderForm& f = k.state().coach.ladder;

  k.touch(core::LadderRungTapped{0});
  k.touch(core::LadderRungTapped{5});
  k.touch(core::LadderRungTapped{-1});
  CHECK(f.rung == 2);
  k.touch(core::LadderRungTapped{4});
  CHECK(f.rung == 4);
  k.touch(core::LadderRungTapped{1});
  CHECK(f.rung == 1);
  k.touch(core::LadderRungTapped{3});

  k.touch(core::LadderProgressTapped{-1});
  k.touch(core::LadderProgressTapped{core::kLadderProgressSteps + 1});
  CHECK(f.progress == 1);
  k.touch(core::LadderProgressTapped{core::kLadderProgressSteps});
  CHECK(f.progress == core::kLadderProgressSteps);
  k.touch(core::LadderProgressTapped{0});
  CHECK(f.progress == 0);
  k.touch(core::LadderProgressTapped{2});

  k.touch(core::LadderAreaTapped{-1, core::AreaStatus::Working});
  k.touch(core::LadderAreaTapped{static_cast<int>(core::kProblemAreas.size()), core::AreaStatus::Working});
  for (core::AreaStatus a : f.areas) CHECK(a == core::AreaStatus::None);
  k.touch(core::LadderAreaTapped{0, core::AreaStatus::Working});
  k.touch(core::LadderAreaTapped{4, core::AreaStatus::UnderControl});
  k.touch(core::LadderAreaTapped{2, core::AreaStatus::Working});
  k.touch(core::LadderAreaTapped{2, core::AreaStatus::None});
  k.touch(core::LadderMomentTapped{core::LadderMoment::Exit});
  CHECK(k.commands().empty());

  k.touch(core::LadderSaveTapped{});
  CHECK(k.state().screen == Screen::CoachPerson);
  const auto* b = recorded<core::ev::LadderAssessed>(k, "p-ayse");
  REQUIRE(b != nullptr);
  CHECK(k.command<core::RecordCoach>()->person_id == "p-ayse");
  CHECK(b->date == "2026-11-23");
  CHECK(b->moment == core::LadderMoment::Exit);
  CHECK(b->rung == 3);
  CHECK(b->progress == 2);
  const std::array<core::AreaStatus, 5> areas{core::AreaStatus::Working, core::AreaStatus::None, core::AreaStatus::None,
                                              core::AreaStatus::None, core::AreaStatus::UnderControl};
  CHECK(b->areas == areas);
  CHECK(b->coach_id == "c-marloes");
  CHECK(k.state().coach.busy);

  k.touch(core::LadderSaveTapped{});  // off the form now: nothing more
  CHECK(k.command<core::RecordCoach>() == nullptr);
}

TEST_CASE("coach: a note is typed, erased a character at a time and saved trimmed", "[core][coach]") {
  FakeKiosk k(people_centre(), kMonday0942);
  on_page(k, "p-ayse");
  k.touch(core::NoteTyped{"x"});  // the editor is closed
  CHECK(k.state().coach.note.empty());
  k.touch(core::NoteOpenTapped{});
  REQUIRE(k.state().coach.note_open);
  k.touch(core::NoteTyped{"  Belt "});
  k.touch(core::NoteTyped{"terug"});
  k.touch(core::NoteTyped{" ş"});
  CHECK(k.state().coach.note == "  Belt terug ş");
  k.touch(core::NoteErased{});
  CHECK(k.state().coach.note == "  Belt terug ");  // "ş" is two bytes: both go
  k.touch(core::NoteTyped{"\xF0\x9F\x98\x80"});    // a four-byte emoji
  k.touch(core::NoteErased{});
  CHECK(k.state().coach.note == "  Belt terug ");
  k.touch(core::NoteTyped{"vrijdag  "});
  k.touch(core::NoteSaveTapped{});
  const auto* b = recorded<core::ev::NoteAdded>(k, "p-ayse");
  REQUIRE(b != nullptr);
  CHECK(b->text == "Belt terug vrijdag");
  CHECK_FALSE(b->talk);
  CHECK(b->date == "2026-11-23");
  CHECK(b->coach_id == "c-marloes");
  CHECK(k.command<core::RecordCoach>()->person_id == "p-ayse");
  CHECK_FALSE(k.state().coach.note_open);
  CHECK(k.state().coach.note.empty());
}

TEST_CASE("coach: erasing an empty note does nothing", "[core][coach]") {
  FakeKiosk k(people_centre(), kMonday0942);
  on_page(k, "p-ayse");
  k.touch(core::NoteOpenTapped{});
  k.touch(core::NoteErased{});
  CHECK(k.state().coach.note.empty());
  k.touch(core::NoteTyped{"ab"});
  k.touch(core::NoteErased{});
  k.touch(core::NoteErased{});
  k.touch(core::NoteErased{});
  CHECK(k.state().coach.note.empty());
  CHECK(k.state().coach.note_open);
}

TEST_CASE("coach: a note never grows beyond its limit", "[core][coach]") {
  FakeKiosk k(people_centre(), kMonday0942);
  on_page(k, "p-ayse");
  k.touch(core::NoteOpenTapped{});
  for (int i = 0; i < 10'000; ++i) {
    k.act(core::NoteTyped{std::string(1, static_cast<char>('a' + i % 26))});
    REQUIRE(k.state().coach.note.size() <= core::kMaxNoteLength);
  }
  CHECK(k.state().coach.note.size() == core::kMaxNoteLength);
  CHECK(k.state().coach.note.substr(0, 3) == "abc");
  k.act(core::NoteErased{});
  k.act(core::NoteTyped{std::string(10'000, 'z')});  // pasted at once: not taken
  CHECK(k.state().coach.note.size() == core::kMaxNoteLength - 1);
  k.act(core::NoteTyped{"ş"});  // two bytes do not fit in one
  CHECK(k.state().coach.note.size() == core::kMaxNoteLength - 1);
  k.touch(core::NoteSaveTapped{});
  const auto* b = recorded<core::ev::NoteAdded>(k, "p-ayse");
  REQUIRE(b != nullptr);
  CHECK(b->text.size() == core::kMaxNoteLength - 1);
}

TEST_CASE("coach: a note of only spaces is not saved", "[core][coach]") {
  FakeKiosk k(people_centre(), kMonday0942);
  on_page(k, "p-ayse");
  k.touch(core::NoteSaveTapped{});  // not open
  CHECK(k.command<core::RecordCoach>() == nullptr);
  k.touch(core::NoteOpenTapped{});
  k.touch(core::NoteSaveTapped{});  // empty
  CHECK(k.command<core::RecordCoach>() == nullptr);
  k.touch(core::NoteTyped{"    "});
  k.touch(core::NoteSaveTapped{});
  CHECK(k.command<core::RecordCoach>() == nullptr);
  CHECK(k.state().coach.note_open);
  CHECK_FALSE(k.state().coach.busy);
  k.touch(core::NoteCancelTapped{});
  CHECK_FALSE(k.state().coach.note_open);
  CHECK(k.state().coach.note.empty());
}

TEST_CASE("coach: leaving coach mode forgets the page and the note", "[core][coach]") {
  FakeKiosk k(people_centre(), kMonday0942);
  on_page(k, "p-ayse");
  k.touch(core::NoteOpenTapped{});
  k.touch(core::NoteTyped{"vertrouwelijk"});
  k.mutable_state().coach.people_all = true;
  core::State copy = k.state();
  core::leave_coach(copy);
  CHECK(copy.coach.person_id.empty());
  CHECK(copy.coach.note.empty());
  CHECK_FALSE(copy.coach.note_open);
  CHECK_FALSE(copy.coach.people_all);
  CHECK(copy.coach.coach_id.empty());
  CHECK_FALSE(copy.coach.data.loaded);
  CHECK(copy.coach.data.person.participant_id.empty());

  k.touch(core::CoachLeaveTapped{});
  CHECK(k.state().screen == Screen::Welcome);
  CHECK(k.state().coach.person_id.empty());
  CHECK(k.state().coach.note.empty());
  CHECK_FALSE(k.state().coach.note_open);
}

TEST_CASE("coach: the page and the ladder form leave coach mode after 2 minutes idle too", "[core][coach]") {
  FakeKiosk k(people_centre(), kMonday0942);
  on_page(k, "p-ayse");
  SECTION("the page, with a note half typed") {
    k.touch(core::NoteOpenTapped{});
    k.touch(core::NoteTyped{"Half"});
  }
  SECTION("the ladder form") {
    k.touch(core::LadderOpenTapped{});
    REQUIRE(k.state().screen == Screen::CoachLadder);
  }
  SECTION("the list") { k.touch(core::CoachTabTapped{Screen::CoachPeople}); }
  const Screen before = k.state().screen;
  k.advance(core::seconds(119));
  CHECK(k.state().screen == before);
  k.advance(core::seconds(1));
  CHECK(k.state().screen == Screen::Welcome);
  CHECK(k.state().coach.coach_id.empty());
  CHECK(k.state().coach.person_id.empty());
  CHECK(k.state().coach.note.empty());
  CHECK(logged(k).find("2 minutes without a touch") != std::string::npos);
}

TEST_CASE("coach: the centre's not-seen setting is taken at login", "[core][coach]") {
  core::State s = people_centre();
  s.config.not_seen_days = 30;
  FakeKiosk k(s, kMonday0942);
  log_in(k);
  CHECK(k.state().coach.not_seen_days == 30);
}

// [SECTION] expected(), has_left() and talk_due_days()

namespace {

// Monday 2026-11-23 09:42, nothing loaded; the tests add what they need.
core::State monday_state() {
  test::use_amsterdam_time();
  core::State s = people_centre();
  s.now = kMonday0942;
  return s;
}

core::Participant agreed(std::uint32_t parts, const char* start = "", const char* end = "") {
  core::Participant p = person("p-x", "Xandra", "Post");
  p.agreed_parts = parts;
  p.start_date = start;
  p.end_date = end;
  return p;
}

}  // namespace

TEST_CASE("expected: the agreed dagdelen of today's weekday", "[core][coach]") {
  const core::State s = monday_state();
  const auto monday_morning = agreed(core::agreed_bit(0, core::Dagdeel::Morning));
  CHECK(core::expected(s, monday_morning, core::Dagdeel::Morning));
  CHECK_FALSE(core::expected(s, monday_morning, core::Dagdeel::Afternoon));
  CHECK_FALSE(core::expected(s, monday_morning, core::Dagdeel::Evening));
  const auto tuesday =
      agreed(core::agreed_bit(1, core::Dagdeel::Morning) | core::agreed_bit(1, core::Dagdeel::Afternoon));
  for (core::Dagdeel d : core::kDagdelen) CHECK_FALSE(core::expected(s, tuesday, d));
  const auto evening = agreed(core::agreed_bit(0, core::Dagdeel::Evening));
  CHECK(core::expected(s, evening, core::Dagdeel::Evening));
  CHECK_FALSE(core::expected(s, agreed(0), core::Dagdeel::Morning));
}

TEST_CASE("expected: only between the programme's start and end dates", "[core][coach]") {
  const core::State s = monday_state();
  const std::uint32_t bit = core::agreed_bit(0, core::Dagdeel::Morning);
  CHECK(core::expected(s, agreed(bit, "2026-11-23"), core::Dagdeel::Morning));  // starts today
  CHECK_FALSE(core::expected(s, agreed(bit, "2026-11-24"), core::Dagdeel::Morning));
  CHECK(core::expected(s, agreed(bit, "", "2026-11-23"), core::Dagdeel::Morning));  // ends today
  CHECK_FALSE(core::expected(s, agreed(bit, "", "2026-11-22"), core::Dagdeel::Morning));
  CHECK(core::expected(s, agreed(bit, "2026-01-05", "2027-01-04"), core::Dagdeel::Morning));
  CHECK_FALSE(core::expected(s, agreed(bit, "2025-01-06", "2025-12-29"), core::Dagdeel::Morning));
}

TEST_CASE("expected: a placed sign-up for today's active activity of that dagdeel", "[core][coach]") {
  core::State s = monday_state();
  s.programme = {activity("a-koken").at(14 * 60, 15 * 60), activity("a-weg").inactive()};
  const core::Participant p = agreed(0);
  auto signup = [](const char* act, const char* date, const char* pid, bool placed) {
    core::SignUp su;
    su.activity_id = act;
    su.date = date;
    su.participant_id = pid;
    su.placed = placed;
    su.waiting_position = placed ? 0 : 1;
    return su;
  };
  CHECK_FALSE(core::expected(s, p, core::Dagdeel::Afternoon));
  s.signups = {signup("a-koken", "2026-11-23", "p-x", false)};  // on the waiting list
  CHECK_FALSE(core::expected(s, p, core::Dagdeel::Afternoon));
  s.signups = {signup("a-koken", "2026-11-24", "p-x", true)};  // tomorrow
  CHECK_FALSE(core::expected(s, p, core::Dagdeel::Afternoon));
  s.signups = {signup("a-koken", "2026-11-23", "p-ayse", true)};  // someone else
  CHECK_FALSE(core::expected(s, p, core::Dagdeel::Afternoon));
  s.signups = {signup("a-koken", "2026-11-23", "p-x", true)};
  CHECK(core::expected(s, p, core::Dagdeel::Afternoon));
  CHECK_FALSE(core::expected(s, p, core::Dagdeel::Morning));
  // An activity taken off the programme expects nobody.
  s.signups = {signup("a-weg", "2026-11-23", "p-x", true)};
  CHECK_FALSE(core::expected(s, p, core::Dagdeel::Morning));
  // Nothing before the programme's start date, not even a sign-up (issue 11: the reports' rule).
  const core::Participant later = agreed(0, "2026-12-01");
  s.signups = {signup("a-koken", "2026-11-23", "p-x", true)};
  CHECK_FALSE(core::expected(s, later, core::Dagdeel::Afternoon));
}

TEST_CASE("expected: nobody before the centre's go-live date, agreed or signed up", "[core][coach]") {
  core::State s = monday_state();
  s.programme = {activity("a-koken").at(14 * 60, 15 * 60)};
  s.signups = {{"a-koken", "2026-11-23", "p-x", 0, true, 0, false}};
  const core::Participant p = agreed(core::agreed_bit(0, core::Dagdeel::Morning));
  s.coach.data.go_live = "2026-11-23";  // today: live
  CHECK(core::expected(s, p, core::Dagdeel::Morning));
  CHECK(core::expected(s, p, core::Dagdeel::Afternoon));
  s.coach.data.go_live = "2026-11-24";  // tomorrow
  CHECK_FALSE(core::expected(s, p, core::Dagdeel::Morning));
  CHECK_FALSE(core::expected(s, p, core::Dagdeel::Afternoon));
}

TEST_CASE("expected: nobody who left, whatever was agreed", "[core][coach]") {
  core::State s = monday_state();
  s.programme = {activity("a-koken").at(14 * 60, 15 * 60)};
  s.signups = {{"a-koken", "2026-11-23", "p-x", 0, true, 0, false}};
  const core::Participant p = agreed(core::agreed_bit(0, core::Dagdeel::Morning));
  CHECK_FALSE(core::has_left(s, "p-x"));
  REQUIRE(core::expected(s, p, core::Dagdeel::Morning));
  s.coach.data.exits = {{"ev-exit", "p-x", "2026-11-20", core::ExitReason::Moved, "c-marloes", 0}};
  CHECK(core::has_left(s, "p-x"));
  CHECK_FALSE(core::has_left(s, "p-ayse"));
  CHECK_FALSE(core::expected(s, p, core::Dagdeel::Morning));
  CHECK_FALSE(core::expected(s, p, core::Dagdeel::Afternoon));
}

TEST_CASE("talk_due_days: due when the interval has passed since the last talk or the start", "[core][coach]") {
  core::State s = monday_state();
  core::Participant p = agreed(0, "2026-11-03");  // 20 days ago
  p.talk_every_days = 14;
  CHECK(core::talk_due_days(s, p) == 20);  // never talked: counted from the start
  s.coach.data.last_talk["p-x"] = "2026-11-09";
  CHECK(core::talk_due_days(s, p) == 14);  // exactly the interval
  s.coach.data.last_talk["p-x"] = "2026-11-10";
  CHECK(core::talk_due_days(s, p) == -1);  // 13 days: not yet
  s.coach.data.last_talk["p-x"] = "2026-10-01";
  CHECK(core::talk_due_days(s, p) == 53);

  SECTION("a planned talk: not due") {
    s.coach.data.next_talk["p-x"] = kMonday0942 + core::minutes(24 * 60);
    CHECK(core::talk_due_days(s, p) == -1);
  }
  SECTION("no interval agreed: never due") {
    p.talk_every_days = 0;
    CHECK(core::talk_due_days(s, p) == -1);
  }
  SECTION("no talk and no start date: nothing to count from") {
    s.coach.data.last_talk.clear();
    p.start_date.clear();
    CHECK(core::talk_due_days(s, p) == -1);
  }
  SECTION("left the programme: no talks due") {
    s.coach.data.exits = {{"ev-exit", "p-x", "2026-11-20", core::ExitReason::Work, "c-marloes", 0}};
    CHECK(core::talk_due_days(s, p) == -1);
  }
}

// [SECTION] The agreements editor

TEST_CASE("coach: the agreements editor opens prefilled from the participant and Back leaves it unsaved",
          "[core][coach]") {
  FakeKiosk k(people_centre(), kMonday0942);
  k.touch(core::AgreementsOpenTapped{});  // not on a page: nothing
  CHECK(k.state().screen != Screen::CoachAgreements);
  on_page(k, "p-ayse");
  k.touch(core::AgreementsOpenTapped{});
  REQUIRE(k.state().screen == Screen::CoachAgreements);
  const core::AgreementsForm& f = k.state().coach.agreements;
  CHECK(f.start_date == "2026-09-01");
  CHECK(f.end_date.empty());
  CHECK(f.talk_every_days == 14);
  CHECK(f.agreed_parts == (core::agreed_bit(0, core::Dagdeel::Morning) | core::agreed_bit(2, core::Dagdeel::Morning)));
  k.touch(core::AgreementsHoursStepped{60});
  k.touch(core::BackTapped{});
  CHECK(k.state().screen == Screen::CoachPerson);
  CHECK(k.count<core::RecordCoach>() == 0);
  CHECK(k.state().roster->find("p-ayse")->agreed_minutes_per_week == 0);
}

TEST_CASE("coach: the agreements editor steps dates, taps dagdelen, steps hours and rhythm, and saves one event",
          "[core][coach]") {
  FakeKiosk k(people_centre(), kMonday0942);
  on_page(k, "p-ayse");
  k.touch(core::AgreementsOpenTapped{});
  const core::AgreementsForm& f = k.state().coach.agreements;
  using core::DateStep;
  // Dates: the first tap on an empty date sets today; days, weeks and months move it.
  k.touch(core::AgreementsDateStepped{true, DateStep::Week, 1});
  CHECK(f.end_date == "2026-11-23");
  k.touch(core::AgreementsDateStepped{true, DateStep::Month, 1});
  k.touch(core::AgreementsDateStepped{true, DateStep::Week, 1});
  k.touch(core::AgreementsDateStepped{true, DateStep::Day, -1});
  CHECK(f.end_date == "2026-12-29");
  k.touch(core::AgreementsDateStepped{false, DateStep::Month, -1});
  CHECK(f.start_date == "2026-08-01");
  k.touch(core::AgreementsDateStepped{false, DateStep::Day, 5});  // not a step
  CHECK(f.start_date == "2026-08-01");
  // The dagdelen: a tap switches one on or off.
  k.touch(core::AgreementsPartTapped{0, core::Dagdeel::Morning});
  k.touch(core::AgreementsPartTapped{4, core::Dagdeel::Afternoon});
  k.touch(core::AgreementsPartTapped{7, core::Dagdeel::Morning});  // no such day
  CHECK(f.agreed_parts ==
        (core::agreed_bit(2, core::Dagdeel::Morning) | core::agreed_bit(4, core::Dagdeel::Afternoon)));
  // Hours in quarter hours, never below 0 nor above 60.
  k.touch(core::AgreementsHoursStepped{-15});
  CHECK(f.agreed_minutes == 0);
  for (int i = 0; i < 4; ++i) k.touch(core::AgreementsHoursStepped{60});
  k.touch(core::AgreementsHoursStepped{15});
  k.touch(core::AgreementsHoursStepped{15});
  k.touch(core::AgreementsHoursStepped{10});  // not a quarter
  CHECK(f.agreed_minutes == 270);
  for (int i = 0; i < 70; ++i) k.touch(core::AgreementsHoursStepped{60});
  CHECK(f.agreed_minutes == core::kMaxAgreedMinutes);
  for (int i = 0; i < 56; ++i) k.touch(core::AgreementsHoursStepped{-60});
  CHECK(f.agreed_minutes == 4 * 60);
  // The talk rhythm by weeks; below a week is no rhythm.
  k.touch(core::AgreementsRhythmStepped{1});
  CHECK(f.talk_every_days == 21);
  for (int i = 0; i < 4; ++i) k.touch(core::AgreementsRhythmStepped{-1});
  CHECK(f.talk_every_days == 0);
  k.touch(core::AgreementsRhythmStepped{1});
  k.touch(core::AgreementsRhythmStepped{1});
  CHECK(f.talk_every_days == 14);
  k.touch(core::AgreementsShowHoursTapped{});
  k.touch(core::AgreementsPhotoTapped{});
  k.touch(core::AgreementsPhotoTapped{});
  CHECK(f.show_agreed_hours);
  CHECK_FALSE(f.photo_consent);
  CHECK(k.commands().empty());

  k.touch(core::AgreementsSaveTapped{});
  CHECK(k.state().screen == Screen::CoachPerson);
  const auto* b = recorded<core::ev::AgreementsChanged>(k, "p-ayse");
  REQUIRE(b != nullptr);
  CHECK(k.command<core::RecordCoach>()->person_id == "p-ayse");
  CHECK(*b == core::ev::AgreementsChanged{"2026-08-01", "2026-12-29",
                                          static_cast<int>(core::agreed_bit(2, core::Dagdeel::Morning) |
                                                           core::agreed_bit(4, core::Dagdeel::Afternoon)),
                                          14, 240, true, false, "c-marloes"});
  CHECK(k.state().coach.busy);
}

TEST_CASE("coach: an end before the start is not saved, clearing a date is", "[core][coach]") {
  FakeKiosk k(people_centre(), kMonday0942);
  on_page(k, "p-ayse");
  k.touch(core::AgreementsOpenTapped{});
  k.touch(core::AgreementsDateStepped{true, core::DateStep::Day, 1});  // today, 2026-11-23
  for (int i = 0; i < 3; ++i) k.touch(core::AgreementsDateStepped{true, core::DateStep::Month, -1});
  CHECK(k.state().coach.agreements.end_date == "2026-08-23");  // before the start, 2026-09-01
  k.touch(core::AgreementsSaveTapped{});
  CHECK(k.state().screen == Screen::CoachAgreements);
  CHECK(k.count<core::RecordCoach>() == 0);
  k.touch(core::AgreementsDateCleared{true});
  k.touch(core::AgreementsDateCleared{false});
  k.touch(core::AgreementsSaveTapped{});
  const auto* b = recorded<core::ev::AgreementsChanged>(k, "p-ayse");
  REQUIRE(b != nullptr);
  CHECK(b->start_date.empty());
  CHECK(b->end_date.empty());
}
