// Lockouts survive a restart: the real kiosk process is ended between wrong PINs and started
// again on the same database, as a thief who pulls the plug would (issue 14). Each run is its own
// process; nothing but the kiosk's database carries the count from one to the next.
#include <catch2/catch.hpp>

#include <string>

#include "support/headless.hpp"
#include "support/process.hpp"

using meedoen::test::headless;
using meedoen::test::run;
using meedoen::test::RunResult;
using meedoen::test::sh_quote;
using meedoen::test::TempDir;

namespace {

const std::string kKiosk = MEEDOEN_KIOSK_BIN;

// One kiosk process on dir/kiosk.db (the demo centre), playing script; the clock is fixed so a
// lock cannot simply run out between two runs.
RunResult kiosk_run(const TempDir& dir, const std::string& script, const std::string& args = "") {
  meedoen::test::write_file(dir / "script.replay", script);
  return run(headless() + sh_quote(kKiosk) + " --clock 2026-11-23T09:42 --size 1280x800 --demo --db " +
                 sh_quote(dir / "kiosk.db") + " --replay " + sh_quote(dir / "script.replay") + " " + args,
             dir);
}

std::string coach_pin(const std::string& digits) {
  std::string s;
  for (char d : digits) s += "tap \"coachpin:" + std::string(1, d) + "\"\n";
  return s;
}

std::string wrong_participant_pin() {
  return "tap \"Start\"\ntype \"Ayş\"\ntap \"Ayşe Y.\"\ntap \"pin:9\"\ntap \"pin:9\"\ntap \"pin:9\"\ntap \"pin:9\"\n";
}

}  // namespace

TEST_CASE("kiosk: the coach lock and the wrong-PIN count survive killing and restarting the kiosk",
          "[e2e][coach][security]") {
  TempDir dir;
  // Four wrong coach PINs, then the process ends: a fresh count would allow five more.
  RunResult r = kiosk_run(dir,
                          coach_pin("111111") + "expect \"Die code klopt niet.\"\n" + coach_pin("222222") +
                              coach_pin("333333") + coach_pin("444444") + "expect-not \"Te vaak een verkeerde PIN\"\n",
                          "--coach");
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  // Restarted: the fifth wrong PIN locks coach mode.
  r = kiosk_run(dir, coach_pin("555555") + "expect \"Te vaak een verkeerde PIN\"\n", "--coach");
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  // Restarted again: still locked (the pad's keys are disabled, so not even the right PIN can be typed).
  r = kiosk_run(dir, "expect \"Te vaak een verkeerde PIN\"\nexpect-not \"Marloes Kuipers\"\n", "--coach");
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  // Once the lock has run out (30 s after the fifth wrong PIN) the right PIN opens coach mode, and
  // that clears the stored guard: the next restart starts from nothing. Every run's clock starts
  // at 09:42 and runs in real time, and the lock began as far into the second run as its start-up
  // and taps took (several seconds on a loaded machine): 60 s is past it with room to spare, and
  // within the coach pad's 2 minutes without a touch.
  r = kiosk_run(dir, "advance 60s\n" + coach_pin("246810") + "expect \"Marloes Kuipers\"\n", "--coach");
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  r = kiosk_run(dir, "expect-not \"Te vaak een verkeerde PIN\"\n", "--coach");
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
}

TEST_CASE("kiosk: a participant's PIN pause survives killing and restarting the kiosk",
          "[e2e][participant][security]") {
  TempDir dir;
  RunResult r = kiosk_run(dir, wrong_participant_pin() + "expect \"Die code klopt niet.\"\n");
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  // Two more wrong PINs, each in a fresh process: the third pauses the PIN.
  r = kiosk_run(dir, wrong_participant_pin() + "expect \"Die code klopt niet.\"\n");  // its notice drawn: saved
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  r = kiosk_run(dir, wrong_participant_pin() + "expect \"Vraag een coach om hulp\"\n");
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  // Restarted: the pause holds (the pad's keys are disabled while it does).
  r = kiosk_run(dir,
                "tap \"Start\"\ntype \"Ayş\"\ntap \"Ayşe Y.\"\nexpect \"Vraag een coach om hulp\"\n"
                "expect-not \"Inchecken\"\n");
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
}
