// The programme: activity rules (core::check_activity, validate), the activity_saved fold, what
// participants see of inactive and one-off activities, and the editor's reducer (programme.cpp).
#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "core/schedule.hpp"
#include "core/state.hpp"
#include "support/fake_clock.hpp"
#include "support/people.hpp"

using namespace meedoen;
using core::Screen;
using test::FakeKiosk;
using test::kMonday0942;
namespace prog = core::prog;

namespace {

core::Activity coffee() {
  core::Activity a;
  a.id = "a-1";
  a.title = "Koffie-inloop";
  a.icon = "coffee";
  a.weekday = 0;
  a.dagdeel = core::Dagdeel::Morning;
  a.start = 9 * 60 + 30;
  a.end = 11 * 60;
  a.place = "Huiskamer";
  a.leader = "Marloes";
  return a;
}

core::Event saved(const std::string& id, const std::string& hlc, const std::string& device, core::Activity a) {
  core::Event e;
  e.id = id;
  e.hlc = hlc;
  e.device_id = device;
  e.type = "activity_saved";
  e.body = core::ev::ActivitySaved{std::move(a), "c-1"};
  return e;
}

FakeKiosk coach_on_programme() {
  core::State s;
  s.roster = std::make_shared<const core::Roster>(
      std::vector<core::Participant>{test::person("p-1", "Ayşe", "Yılmaz", "C001")});
  s.programme = {coffee()};
  FakeKiosk k(std::move(s), kMonday0942);
  k.mutable_state().coach.coach_id = "c-1";
  k.mutable_state().screen = Screen::CoachProgramme;
  return k;
}

void tap(FakeKiosk& k, core::ProgrammeAction a) { k.touch(core::Action(std::move(a))); }

}  // namespace

TEST_CASE("check_activity: the rules of an activity", "[core][programme]") {
  CHECK(core::check_activity(coffee()) == core::ActivityProblem::None);
  auto broken = [](auto change) {
    core::Activity a = coffee();
    change(a);
    return core::check_activity(a);
  };
  using P = core::ActivityProblem;
  CHECK(broken([](core::Activity& a) { a.title = "   "; }) == P::NoTitle);
  CHECK(broken([](core::Activity& a) { a.title = std::string(121, 'x'); }) == P::TitleTooLong);
  CHECK(broken([](core::Activity& a) { a.title = std::string(10'000, 'x'); }) == P::TitleTooLong);
  CHECK(broken([](core::Activity& a) { a.title = "  " + std::string(120, 'x') + "  "; }) == P::None);  // trimmed
  CHECK(broken([](core::Activity& a) { a.title = std::string(120, 'x').replace(0, 2, "é"); }) ==
        P::None);  // characters, not bytes
  CHECK(broken([](core::Activity& a) { a.place = std::string(121, 'x'); }) == P::PlaceTooLong);
  CHECK(broken([](core::Activity& a) { a.leader = std::string(121, 'x'); }) == P::LeaderTooLong);
  CHECK(broken([](core::Activity& a) { a.title = "a\nb"; }) == P::BadText);
  CHECK(broken([](core::Activity& a) { a.icon = "rocket"; }) == P::BadIcon);
  CHECK(broken([](core::Activity& a) { a.weekday = 7; }) == P::BadWeekday);
  CHECK(broken([](core::Activity& a) { a.date = "2026-13-01"; }) == P::BadDate);
  CHECK(broken([](core::Activity& a) { a.date = "2026-11-24"; }) == P::DateNotWeekday);  // a Tuesday
  CHECK(broken([](core::Activity& a) { a.date = "2026-11-23"; }) == P::None);            // a Monday
  CHECK(broken([](core::Activity& a) { a.end = a.start; }) == P::BadTimes);
  CHECK(broken([](core::Activity& a) { a.end = 24 * 60; }) == P::BadTimes);
  CHECK(broken([](core::Activity& a) { a.dagdeel = core::Dagdeel::Evening; }) == P::DagdeelMismatch);
  CHECK(broken([](core::Activity& a) { a.capacity = 501; }) == P::BadCapacity);
  CHECK(broken([](core::Activity& a) { a.capacity = -1; }) == P::BadCapacity);
  CHECK(broken([](core::Activity& a) { a.id = "a/1"; }) == P::BadId);
}

TEST_CASE("validate: activity_saved refuses what check_activity refuses, with a reason", "[core][programme]") {
  CHECK(core::validate(core::ev::ActivitySaved{coffee(), "c-1"}).empty());
  core::Activity a = coffee();
  a.title = std::string(10'000, 'x');
  CHECK(core::validate(core::ev::ActivitySaved{a, "c-1"}) == "the title is longer than 120 characters");
  a = coffee();
  a.title = "\xff\xfe";
  CHECK(core::validate(core::ev::ActivitySaved{a, "c-1"}) == "not UTF-8 text");
  CHECK(core::event_subject("", core::ev::ActivitySaved{coffee(), "c-1"}) == "activity/a-1");
  CHECK(std::string(core::event_type(core::ev::ActivitySaved{})) == "activity_saved");
}

TEST_CASE("fold_last: the last activity_saved in fold order is the activity", "[core][programme]") {
  core::Activity a = coffee(), b = coffee();
  a.title = "Koffie A";
  b.title = "Koffie B";
  std::vector<core::Event> events{saved("e-1", "0001.0000000001", "dev-a", a),
                                  saved("e-2", "0001.0000000001", "dev-b", b)};
  std::sort(events.begin(), events.end(), core::fold_before);
  // Equal stamps: the device id decides, the same way everywhere.
  CHECK(core::fold_last<core::ev::ActivitySaved>(events).body.activity.title == "Koffie B");
  CHECK(core::fold_last<core::ev::ActivitySaved>(events).event_id == "e-2");
  events.push_back(saved("e-3", "0002.0000000000", "dev-a", a));
  CHECK(core::fold_last<core::ev::ActivitySaved>(events).body.activity.title == "Koffie A");
  CHECK_FALSE(core::fold_last<core::ev::ActivitySaved>({}).found);
}

TEST_CASE("programme: participants see what takes place on a date, not what was taken off", "[core][programme]") {
  core::Activity weekly = coffee();
  core::Activity off = coffee();
  off.id = "a-off";
  off.active = false;
  core::Activity once = coffee();
  once.id = "a-once";
  once.weekday = 2;
  once.date = "2026-11-25";
  const std::vector<core::Activity> programme{weekly, off, once};
  CHECK(core::activities_on(programme, std::string("2026-11-23")).size() == 1);  // Monday: the weekly one
  CHECK(core::activities_on(programme, std::string("2026-11-25")).at(0).id == "a-once");
  CHECK(core::activities_on(programme, std::string("2026-12-02")).empty());  // a week later: once was once
  CHECK(core::activities_on(programme, 2).empty());                          // not a weekly Wednesday
  CHECK_FALSE(core::occurs_on(off, "2026-11-23"));
}

TEST_CASE("programme: a participant cannot sign up for an activity taken off the programme", "[core][programme]") {
  core::State s;
  core::Activity off = coffee();
  off.active = false;
  s.programme = {off};
  s.roster = std::make_shared<const core::Roster>(
      std::vector<core::Participant>{test::person("p-1", "Ayşe", "Yılmaz", "C001")});
  FakeKiosk k(std::move(s), kMonday0942 - core::minutes(60));  // 08:42, before it starts
  k.mutable_state().participant_id = "p-1";
  k.mutable_state().screen = Screen::Activities;
  k.touch(core::SignUpTapped{"a-1"});
  CHECK(k.command<core::Record>() == nullptr);
}

TEST_CASE("programme editor: New activity, type, choose day and time, save", "[core][programme]") {
  FakeKiosk k = coach_on_programme();
  tap(k, prog::NewTapped{});
  REQUIRE(k.state().screen == Screen::CoachActivityEdit);
  CHECK(k.state().programme_edit.is_new);
  CHECK(k.state().programme_edit.field == core::TextField::Title);  // typing starts with the name
  CHECK(k.state().programme_edit.form.weekday == 0);                // today, a Monday
  tap(k, prog::SaveTapped{});
  CHECK(k.command<core::SaveActivity>() == nullptr);  // no title yet
  for (const char* c : {"B", "r", "e", "i", "e", "n"}) tap(k, prog::Typed{c});
  tap(k, prog::Erased{});
  tap(k, prog::Typed{"n"});
  tap(k, prog::FieldTapped{core::TextField::Place});
  for (const char* c : {"Z", "a", "a", "l"}) tap(k, prog::Typed{c});
  tap(k, prog::KeyboardDone{});
  tap(k, prog::IconChosen{"craft"});
  tap(k, prog::IconChosen{"rocket"});  // not a pictogram: ignored
  tap(k, prog::WeekdayChosen{3});
  tap(k, prog::DagdeelChosen{core::Dagdeel::Afternoon});
  CHECK(k.state().programme_edit.form.start == 13 * 60);
  CHECK(k.state().programme_edit.form.end == 17 * 60);
  tap(k, prog::StartStep{15});
  CHECK(k.state().programme_edit.form.start == 13 * 60 + 15);
  CHECK(k.state().programme_edit.form.end == 17 * 60 + 15);  // the duration moves along
  tap(k, prog::EndStep{-60});
  tap(k, prog::CapacityStep{1});
  tap(k, prog::CapacityStep{1});
  tap(k, prog::VolunteerToggled{});
  tap(k, prog::SaveTapped{});
  const auto* save = k.command<core::SaveActivity>();
  REQUIRE(save != nullptr);
  CHECK(save->activity.id.empty());  // the platform makes the id
  CHECK(save->activity.title == "Breien");
  CHECK(save->activity.place == "Zaal");
  CHECK(save->activity.icon == "craft");
  CHECK(save->activity.weekday == 3);
  CHECK(save->activity.dagdeel == core::Dagdeel::Afternoon);
  CHECK(save->activity.start == 13 * 60 + 15);
  CHECK(save->activity.end == 16 * 60 + 15);
  CHECK(save->activity.capacity == 2);
  CHECK(save->activity.volunteer_work);
  CHECK(save->coach_id == "c-1");
  CHECK(k.state().coach.busy);
  core::Activity stored = save->activity;  // (the next action replaces the commands)
  tap(k, prog::Typed{"x"});                // nothing changes while the write is under way
  CHECK(k.state().programme_edit.form.title == "Breien");

  stored.id = "a-new";
  prog::Stored ok;
  ok.ok = true;
  ok.saved = stored;
  ok.programme = {coffee(), stored};
  k.act(ok);
  CHECK(k.state().screen == Screen::CoachProgramme);
  CHECK(k.state().programme.size() == 2);
  CHECK_FALSE(k.state().coach.busy);
}

TEST_CASE("programme editor: a failed save keeps the form and says so", "[core][programme]") {
  FakeKiosk k = coach_on_programme();
  tap(k, prog::EditTapped{"a-1"});
  REQUIRE(k.state().screen == Screen::CoachActivityEdit);
  CHECK(k.state().programme_edit.field == core::TextField::None);
  tap(k, prog::FieldTapped{core::TextField::Title});
  tap(k, prog::Typed{" extra"});
  tap(k, prog::SaveTapped{});
  REQUIRE(k.command<core::SaveActivity>() != nullptr);
  CHECK(k.command<core::SaveActivity>()->activity.id == "a-1");
  prog::Stored failed;
  failed.error = "recording an event: the disk is full";
  k.act(failed);
  CHECK(k.state().screen == Screen::CoachActivityEdit);
  CHECK(k.state().programme_edit.form.title == "Koffie-inloop extra");
  CHECK(k.state().programme_edit.error == "store_failed");
  CHECK_FALSE(k.state().coach.busy);
  CHECK(k.state().programme.at(0).title == "Koffie-inloop");  // nothing changed in the programme
}

TEST_CASE("programme editor: a 10,000-character title is refused, never stored", "[core][programme]") {
  FakeKiosk k = coach_on_programme();
  tap(k, prog::NewTapped{});
  tap(k, prog::Typed{std::string(10'000, 'x')});
  CHECK(k.state().programme_edit.form.title.empty());
  CHECK(k.state().programme_edit.too_long);
  for (int i = 0; i < 120; ++i) tap(k, prog::Typed{"y"});
  CHECK(k.state().programme_edit.form.title.size() == 120);
  tap(k, prog::Typed{"z"});
  CHECK(k.state().programme_edit.form.title.size() == 120);
  CHECK(k.state().programme_edit.too_long);
  tap(k, prog::Erased{});
  CHECK_FALSE(k.state().programme_edit.too_long);
  // Even a form that somehow holds one cannot be saved.
  k.mutable_state().programme_edit.form.title = std::string(10'000, 'x');
  tap(k, prog::SaveTapped{});
  CHECK(k.command<core::SaveActivity>() == nullptr);
}

TEST_CASE("programme editor: once on a date, never in the past, weekday follows the date", "[core][programme]") {
  FakeKiosk k = coach_on_programme();
  tap(k, prog::NewTapped{});
  tap(k, prog::WeekdayChosen{2});
  tap(k, prog::OnceChosen{});
  CHECK(k.state().programme_edit.form.date == "2026-11-25");  // the coming Wednesday
  tap(k, prog::DateStep{-1});
  tap(k, prog::DateStep{-1});
  CHECK(k.state().programme_edit.form.date == "2026-11-23");
  CHECK(k.state().programme_edit.form.weekday == 0);
  tap(k, prog::DateStep{-1});
  CHECK(k.state().programme_edit.form.date == "2026-11-23");  // not before today
  tap(k, prog::WeeklyChosen{});
  CHECK(k.state().programme_edit.form.date.empty());
}

TEST_CASE("programme editor: taking off asks first, put back saves at once", "[core][programme]") {
  FakeKiosk k = coach_on_programme();
  tap(k, prog::EditTapped{"a-1"});
  tap(k, prog::TakeOffTapped{});
  CHECK(k.state().programme_edit.confirm_take_off);
  CHECK(k.command<core::SaveActivity>() == nullptr);
  tap(k, prog::TakeOffCancelled{});
  CHECK_FALSE(k.state().programme_edit.confirm_take_off);
  tap(k, prog::TakeOffTapped{});
  tap(k, prog::TakeOffConfirmed{});
  REQUIRE(k.command<core::SaveActivity>() != nullptr);
  CHECK_FALSE(k.command<core::SaveActivity>()->activity.active);
  core::Activity off = coffee();
  off.active = false;
  prog::Stored ok;
  ok.ok = true;
  ok.programme = {off};
  k.act(ok);
  CHECK(k.state().screen == Screen::CoachProgramme);
  tap(k, prog::PutBackTapped{"a-1"});
  REQUIRE(k.command<core::SaveActivity>() != nullptr);
  CHECK(k.command<core::SaveActivity>()->activity.active);
}

TEST_CASE("programme editor: cancel, another tab and leaving coach mode drop the edit", "[core][programme]") {
  FakeKiosk k = coach_on_programme();
  tap(k, prog::EditTapped{"a-1"});
  tap(k, prog::CancelTapped{});
  CHECK(k.state().screen == Screen::CoachProgramme);
  tap(k, prog::EditTapped{"a-1"});
  k.touch(core::CoachTabTapped{Screen::CoachToday});
  CHECK(k.state().screen == Screen::CoachToday);
  CHECK(k.state().programme_edit.form.id.empty());
  k.touch(core::CoachTabTapped{Screen::CoachProgramme});
  tap(k, prog::EditTapped{"a-1"});
  k.advance(core::kCoachIdle + core::seconds(1));
  CHECK(k.state().screen == Screen::Welcome);
  CHECK(k.state().programme_edit.form.id.empty());
  // Not in coach mode: the programme actions do nothing.
  tap(k, prog::NewTapped{});
  CHECK(k.state().screen == Screen::Welcome);
}
