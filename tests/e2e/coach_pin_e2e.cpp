// Coaches' PINs end to end, in the real kiosk under Xvfb: a kiosk without coaches says how to add
// one instead of showing a pad (looked at in a screenshot), and a coach changes their own PIN
// with the key button (old, new, new again), then gets in with the new PIN and not the old.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

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
tap "coachpin:2"
tap "coachpin:4"
tap "coachpin:6"
tap "coachpin:8"
expect "Marloes Kuipers"
tap "coach:pin_change"
expect "Typ je huidige PIN."
tap "pinchange:2"
tap "pinchange:4"
tap "pinchange:6"
tap "pinchange:8"
expect "Kies een nieuwe PIN van 4 cijfers."
tap "pinchange:1"
tap "pinchange:3"
tap "pinchange:5"
tap "pinchange:7"
expect "Typ de nieuwe PIN nog een keer."
tap "pinchange:1"
tap "pinchange:3"
tap "pinchange:5"
tap "pinchange:7"
expect "Kies een andere."
tap "pinchange:9"
tap "pinchange:7"
tap "pinchange:5"
tap "pinchange:3"
tap "pinchange:9"
tap "pinchange:7"
tap "pinchange:5"
tap "pinchange:3"
expect "Je nieuwe PIN is opgeslagen."
expect "Vandaag"
tap "Sluiten"
tap "coachpin:2"
tap "coachpin:4"
tap "coachpin:6"
tap "coachpin:8"
expect "Die code klopt niet."
expect-not "Marloes Kuipers"
tap "coachpin:9"
tap "coachpin:7"
tap "coachpin:5"
tap "coachpin:3"
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
