// Coaches' PINs end to end, in the real kiosk under Xvfb: a kiosk without coaches says how to add
// one instead of showing a pad (looked at in a screenshot), and a coach changes their own PIN
// with the key button (old, new, new again), then gets in with the new PIN and not the old.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>

#include "storage/demo_centre.hpp"
#include "storage/pin_hash.hpp"
#include "storage/store.hpp"
#include "support/demo_replay.hpp"
#include "support/fake_clock.hpp"
#include "support/headless.hpp"
#include "support/process.hpp"

using meedoen::test::headless;
using meedoen::test::run;
using meedoen::test::RunResult;
using meedoen::test::sh_quote;
using meedoen::test::TempDir;

namespace {

const std::string kKiosk = MEEDOEN_KIOSK_BIN;
const std::string kClock = "2026-11-23T09:42";

RunResult kiosk(const TempDir& dir, const std::string& size, const std::string& script, const std::string& args) {
  meedoen::test::write_file(dir / "script.replay", script);
  return run(headless(size) + sh_quote(kKiosk) + " --clock " + kClock + " --size " + size + " --replay " +
                 sh_quote(dir / "script.replay") + " " + args,
             dir);
}

}  // namespace

TEST_CASE("kiosk: without coaches, --coach and the corner say how to add one instead of a PIN pad", "[e2e][coach]") {
  TempDir dir;
  for (const std::string size : {"1280x800", "1024x600"}) {
    INFO(size);
    const std::string png = dir / ("no-coaches-" + size + ".png");
    // A new kiosk database: no demo, nothing synced yet, so no coach can log in.
    const RunResult r = kiosk(dir, size, R"(
expect "Nog geen coaches op deze kiosk"
expect "meedoen-server add-coach --centre CENTRUM --id ID --name \"NAAM\""
expect-not "Voer je coach-PIN in."
tap "coachpin:1"
)" + std::string("screenshot ") + png + "\n",
                              "--db " + sh_quote(dir / ("new-" + size + ".db")) + " --coach");
    INFO(r.out << r.err);
    // The pad is not there: tapping one of its keys fails the script at that line.
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("coachpin:1") != std::string::npos);
    const RunResult shot = kiosk(dir, size, "expect \"Nog geen coaches op deze kiosk\"\nscreenshot " + png + "\n",
                                 "--db " + sh_quote(dir / ("new-" + size + ".db")) + " --coach");
    INFO(shot.err);
    REQUIRE(shot.exit_code == 0);
    const std::string data = meedoen::test::slurp(png);
    REQUIRE(data.size() > 10000);  // a real picture, not an empty or black frame
    CHECK(data.compare(1, 3, "PNG") == 0);
  }
}

TEST_CASE("kiosk: a coach changes their PIN (old, new, new again) and gets in with the new one only", "[e2e][coach]") {
  TempDir dir;
  const RunResult r = kiosk(dir, "1280x800", R"(
)" + meedoen::test::kDemoCoachPin + R"(
expect "Marloes Kuipers"
tap "coach:pin_change"
expect "Typ je huidige PIN."
tap "pinchange:2"
tap "pinchange:4"
tap "pinchange:6"
tap "pinchange:8"
tap "pinchange:1"
tap "pinchange:0"
expect "Kies een nieuwe PIN van 6 cijfers."
tap "pinchange:1"
tap "pinchange:3"
tap "pinchange:5"
tap "pinchange:7"
tap "pinchange:9"
tap "pinchange:0"
expect "Typ de nieuwe PIN nog een keer."
tap "pinchange:1"
tap "pinchange:3"
tap "pinchange:5"
tap "pinchange:7"
tap "pinchange:9"
tap "pinchange:0"
expect "Kies een andere."
tap "pinchange:9"
tap "pinchange:7"
tap "pinchange:5"
tap "pinchange:3"
tap "pinchange:1"
tap "pinchange:0"
tap "pinchange:9"
tap "pinchange:7"
tap "pinchange:5"
tap "pinchange:3"
tap "pinchange:1"
tap "pinchange:0"
expect "Je nieuwe PIN is opgeslagen."
expect "Vandaag"
tap "Sluiten"
)" + meedoen::test::kDemoCoachPin + R"(
expect "Die code klopt niet."
expect-not "Marloes Kuipers"
tap "coachpin:9"
tap "coachpin:7"
tap "coachpin:5"
tap "coachpin:3"
tap "coachpin:1"
tap "coachpin:0"
expect "Marloes Kuipers"
)",
                            "--demo --coach --db " + sh_quote(dir / "kiosk.db"));
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  // One coach_pin_changed, centre-wide, with a hash and never the PIN.
  const RunResult j = run(sh_quote(kKiosk) + " --db " + sh_quote(dir / "kiosk.db") + " --print-journal", dir);
  REQUIRE(j.exit_code == 0);
  int changes = 0;
  std::size_t pos = 0;
  while (pos < j.out.size()) {
    const std::size_t end = j.out.find('\n', pos);
    const auto e = nlohmann::json::parse(j.out.substr(pos, end - pos));
    pos = end == std::string::npos ? j.out.size() : end + 1;
    if (e.at("type") != "coach_pin_changed") continue;
    ++changes;
    CHECK(e.at("payload").at("coach_id") == "demo-coach-1");
    CHECK(e.at("payload").at("pin_hash").get<std::string>().rfind("$argon2id$", 0) == 0);
  }
  CHECK(changes == 1);
}

TEST_CASE("kiosk: a coach PIN of the old 4 digits works once, then a new one of 6 digits comes first",
          "[e2e][coach][security]") {
  TempDir dir;
  const std::string db = dir / "kiosk.db";
  {
    // A kiosk from before issue 14: Marloes still has the 4-digit PIN 2468.
    auto store = meedoen::storage::Store::open(db);
    REQUIRE(meedoen::storage::seed_demo_centre(store, meedoen::test::kMonday0942));
    store.put_coach({"demo-coach-1", "Marloes Kuipers"}, meedoen::storage::hash_pin("2468"));
  }
  const std::string old_pin = "tap \"coachpin:2\"\ntap \"coachpin:4\"\ntap \"coachpin:6\"\ntap \"coachpin:8\"\n";
  // Leaving instead of choosing: out of coach mode, and the old PIN still leads only here.
  RunResult r =
      kiosk(dir, "1280x800",
            old_pin + "tap \"coachpin:ok\"\nexpect \"Je PIN is nog van 4 cijfers.\"\nexpect-not \"Vandaag\"\n" +
                "screenshot " + (dir / "old-pin.png") + "\ntap \"Sluiten\"\nexpect \"Voer je coach-PIN in.\"\n",
            "--coach --db " + sh_quote(db));
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  r = kiosk(
      dir, "1024x600",
      old_pin + "tap \"coachpin:ok\"\nexpect \"Je PIN is nog van 4 cijfers.\"\n" +
          "tap \"pinchange:1\"\ntap \"pinchange:2\"\ntap \"pinchange:3\"\ntap \"pinchange:4\"\n"
          "tap \"pinchange:5\"\ntap \"pinchange:6\"\nexpect \"Typ de nieuwe PIN nog een keer.\"\n"
          "tap \"pinchange:1\"\ntap \"pinchange:2\"\ntap \"pinchange:3\"\ntap \"pinchange:4\"\n"
          "tap \"pinchange:5\"\ntap \"pinchange:6\"\nexpect \"Je nieuwe PIN is opgeslagen.\"\nexpect \"Vandaag\"\n",
      "--coach --db " + sh_quote(db));
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  // The old PIN is gone; the new one opens Today directly.
  r = kiosk(
      dir, "1280x800",
      old_pin + "tap \"coachpin:ok\"\nexpect \"Die code klopt niet.\"\n" +
          "tap \"coachpin:1\"\ntap \"coachpin:2\"\ntap \"coachpin:3\"\ntap \"coachpin:4\"\n"
          "tap \"coachpin:5\"\ntap \"coachpin:6\"\nexpect \"Vandaag\"\nexpect-not \"Je PIN is nog van 4 cijfers.\"\n",
      "--coach --db " + sh_quote(db));
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
}
