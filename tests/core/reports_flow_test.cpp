// The Reports tab's reducer (core/reports_flow.cpp): the month chooser stops at this month, the
// scope reloads, an export is a command naming the sender, and its answer is shown.
#include <catch2/catch.hpp>

#include <memory>

#include "core/state.hpp"
#include "support/fake_clock.hpp"
#include "support/people.hpp"

using namespace meedoen;
using core::Screen;
using test::FakeKiosk;
using test::kMonday0942;

namespace {

FakeKiosk logged_in() {
  core::State s;
  s.roster = std::make_shared<const core::Roster>(
      std::vector<core::Participant>{test::person("p-1", "Ayşe", "Yılmaz", "C001")});
  FakeKiosk k(s, kMonday0942);
  k.touch(core::CoachCornerTapped{});
  for (char d : std::string("246810")) k.touch(core::CoachPinDigit{d});
  k.act(core::CoachPinChecked{"c-marloes"});
  REQUIRE(k.state().screen == Screen::CoachToday);
  return k;
}

}  // namespace

TEST_CASE("reports: opening the tab loads this month for the whole centre", "[core][reports]") {
  FakeKiosk k = logged_in();
  k.touch(core::CoachTabTapped{Screen::CoachReports});
  CHECK(k.state().screen == Screen::CoachReports);
  const auto* load = k.command<core::LoadMonthReport>();
  REQUIRE(load != nullptr);
  CHECK(load->month == "2026-11");
  CHECK(load->coach_id.empty());

  SECTION("not beyond this month; back and forth reloads") {
    k.touch(core::ReportsMonthStep{1});
    CHECK(k.state().reports.month == "2026-11");
    CHECK(k.command<core::LoadMonthReport>() == nullptr);
    k.touch(core::ReportsMonthStep{-1});
    CHECK(k.state().reports.month == "2026-10");
    REQUIRE(k.command<core::LoadMonthReport>() != nullptr);
    CHECK(k.command<core::LoadMonthReport>()->month == "2026-10");
  }
  SECTION("my participants: the figures of this coach only") {
    k.touch(core::ReportsScopeTapped{true});
    REQUIRE(k.command<core::LoadMonthReport>() != nullptr);
    CHECK(k.command<core::LoadMonthReport>()->coach_id == "c-marloes");
    core::MonthReport stale;
    stale.month = "2026-11";  // the whole centre's answer, arriving late: dropped
    k.act(core::ReportLoaded{stale});
    CHECK_FALSE(k.state().reports.loaded);
    core::MonthReport mine = stale;
    mine.only_coach = "c-marloes";
    k.act(core::ReportLoaded{mine});
    CHECK(k.state().reports.loaded);
  }
  SECTION("export: a command with the sender, then the paths on screen") {
    k.touch(core::ReportsExportTapped{});
    const auto* ex = k.command<core::ExportMonth>();
    REQUIRE(ex != nullptr);
    CHECK(ex->month == "2026-11");
    CHECK(ex->sender_coach == "c-marloes");
    CHECK(k.state().reports.exporting);
    k.touch(core::ReportsExportTapped{});  // a second tap while writing does nothing
    CHECK(k.command<core::ExportMonth>() == nullptr);
    k.act(core::ExportFinished{{"/tmp/a.csv", "/tmp/a.pdf"}, ""});
    CHECK_FALSE(k.state().reports.exporting);
    CHECK(k.state().reports.paths.size() == 2);
    CHECK(k.state().notice == core::Notice::None);  // the tab shows it itself
  }
}

TEST_CASE("reports: a progress export from another coach screen answers with a notice", "[core][reports]") {
  FakeKiosk k = logged_in();
  k.touch(core::ExportProgressTapped{"p-1"});
  const auto* ex = k.command<core::ExportProgress>();
  REQUIRE(ex != nullptr);
  CHECK(ex->participant_id == "p-1");
  CHECK(ex->sender_coach == "c-marloes");
  k.act(core::ExportFinished{{}, "the disk is full"});
  CHECK(core::active_notice(k.state()) == core::Notice::ExportFailed);
  CHECK(k.state().reports.error == "the disk is full");
  k.touch(core::ExportProgressTapped{"p-1"});
  k.act(core::ExportFinished{{"/x/voortgang-p-1-2026-11-23.csv"}, ""});
  CHECK(core::active_notice(k.state()) == core::Notice::Exported);

  SECTION("not without a coach logged in") {
    k.touch(core::CoachLeaveTapped{});
    k.touch(core::ExportProgressTapped{"p-1"});
    CHECK(k.command<core::ExportProgress>() == nullptr);
  }
}

TEST_CASE("reports: a participant's card is printed only with a card code", "[core][reports][cards]") {
  core::State s;
  s.roster = std::make_shared<const core::Roster>(std::vector<core::Participant>{
      test::person("p-1", "Ayşe", "Yılmaz", "C001"), test::person("p-2", "Bram", "van Dijk", "")});
  FakeKiosk k(s, kMonday0942);
  k.touch(core::CoachCornerTapped{});
  for (char d : std::string("246810")) k.touch(core::CoachPinDigit{d});
  k.act(core::CoachPinChecked{"c-marloes"});
  k.touch(core::PersonTapped{"p-1"});

  k.touch(core::PrintCardTapped{"p-1"});
  const auto* print = k.command<core::PrintCard>();
  REQUIRE(print != nullptr);
  CHECK(print->participant_id == "p-1");
  CHECK(k.state().reports.exporting);
  k.touch(core::PrintCardTapped{"p-1"});  // a second tap while writing does nothing
  CHECK(k.command<core::PrintCard>() == nullptr);
  k.act(core::ExportFinished{{"/x/kaart-p-1.pdf"}, ""});
  CHECK_FALSE(k.state().reports.exporting);
  CHECK(core::active_notice(k.state()) == core::Notice::Exported);
  CHECK(k.state().reports.paths == std::vector<std::string>{"/x/kaart-p-1.pdf"});

  SECTION("no card code: nothing to print, and no export under way") {
    k.touch(core::PrintCardTapped{"p-2"});
    CHECK(k.command<core::PrintCard>() == nullptr);
    CHECK_FALSE(k.state().reports.exporting);
  }
  SECTION("not someone off the roster, nor without a coach logged in") {
    k.touch(core::PrintCardTapped{"p-9"});
    CHECK(k.command<core::PrintCard>() == nullptr);
    k.touch(core::CoachLeaveTapped{});
    k.touch(core::PrintCardTapped{"p-1"});
    CHECK(k.command<core::PrintCard>() == nullptr);
  }
}
