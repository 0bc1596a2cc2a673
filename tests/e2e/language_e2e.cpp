// End-to-end tests of issue 15's language through a visit and forgiving touch: the real kiosk
// under Xvfb plays a replay against the demo centre (participant_e2e.cpp says who is who), then
// the test reads the journal it wrote. Kofi (DEMO0008) prefers English; Fatima (DEMO0001) Dutch.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "support/process.hpp"

using meedoen::test::run;
using meedoen::test::RunResult;
using meedoen::test::sh_quote;
using meedoen::test::TempDir;
using nlohmann::json;

namespace {

const std::string kKiosk = MEEDOEN_KIOSK_BIN;
const std::string kMonday = "2026-11-23T09:42";

RunResult replay(const TempDir& dir, const std::string& script) {
  meedoen::test::write_file(dir / "script.replay", script);
  return run("TZ=Europe/Amsterdam xvfb-run -a -s " + sh_quote("-screen 0 1280x800x24") + " " + sh_quote(kKiosk) +
                 " --demo --db " + sh_quote(dir / "kiosk.db") + " --clock " + kMonday + " --replay " +
                 sh_quote(dir / "script.replay"),
             dir);
}

// The events written in this test's session (the demo history lies before the clock's start).
std::vector<json> session_events(const TempDir& dir) {
  const RunResult r =
      run("TZ=Europe/Amsterdam " + sh_quote(kKiosk) + " --db " + sh_quote(dir / "kiosk.db") + " --print-journal", dir);
  REQUIRE(r.exit_code == 0);
  std::vector<json> out;
  std::size_t pos = 0;
  while (pos < r.out.size()) {
    const std::size_t end = r.out.find('\n', pos);
    json e = json::parse(r.out.substr(pos, end - pos));
    if (e.at("time").get<std::string>() >= kMonday) out.push_back(std::move(e));
    pos = end == std::string::npos ? r.out.size() : end + 1;
  }
  return out;
}

std::vector<std::string> types(const std::vector<json>& events) {
  std::vector<std::string> out;
  for (const auto& e : events) out.push_back(e.at("type").get<std::string>());
  return out;
}

}  // namespace

TEST_CASE("language: the language chosen on the welcome screen holds for the whole visit", "[e2e][language]") {
  TempDir dir;
  // Kofi's stored preference is English; he taps Polski, then scans his card: Polish all visit.
  const RunResult r = replay(dir, R"(
tap "lang:pl"
expect "Dotknij tutaj albo zeskanuj kartę"
scan DEMO0008
expect "Dzień dobry, Kofi"
tap "open:activities"
expect "Biorę udział"
tap "back"
expect "Dzień dobry, Kofi"
tap "done"
# Back on the welcome screen: the centre's language again, for the next person.
expect "Tik hier of scan je pas"
scan DEMO0008
expect "Good morning, Kofi"
tap "done"
# Someone who chose a language on the name search keeps it past the PIN.
tap "lang:tr"
tap "start"
type "fat"
tap "Fatima E."
tap "pin:0"
tap "pin:0"
tap "pin:0"
tap "pin:1"
expect "Günaydın, Fatima"
tap "done"
expect "Tik hier of scan je pas"
)");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(session_events(dir).empty());  // choosing on the welcome screen is for this visit only
}

TEST_CASE("language: home's language button remembers the preference as a synced event", "[e2e][language]") {
  TempDir dir;
  const RunResult r = replay(dir, R"(
scan DEMO0001
expect "Goedemorgen, Fatima"
tap "open:language"
expect "Kies je taal"
tap "lang:pl"
expect "Dzień dobry, Fatima"
tap "done"
expect "Tik hier of scan je pas"
# Her next visit starts in Polish without a tap: it is her preference now.
scan DEMO0001
expect "Dzień dobry, Fatima"
)");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto events = session_events(dir);
  REQUIRE(types(events) == std::vector<std::string>{"language_chosen"});
  CHECK(events[0]["participant"] == "demo-p-0001");
  CHECK(events[0]["payload"] == json{{"language", "pl"}});
  CHECK(events[0]["synced"] == false);  // in the outbox: the next sync takes it to the server
}

TEST_CASE("language: a language left on the welcome screen goes back to the centre's after a while",
          "[e2e][language]") {
  TempDir dir;
  const RunResult r = replay(dir, R"(
tap "lang:en"
expect "Tap here or scan your card"
advance 31s
expect "Tik hier of scan je pas"
)");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
}

// [SECTION] Forgiving touch: the double taps of issue 15

TEST_CASE("double tap: Ik doe mee twice 150 ms apart signs up once, and the button settles first",
          "[e2e][language][touch]") {
  TempDir dir;
  const RunResult r = replay(dir, R"(
scan DEMO0001
tap "open:activities"
double-tap "act:demo-a-17" 150ms
expect "Gelukt! Je doet mee."
expect "Je doet mee   Nog 5 plekken"
# 700 ms later (past the input layer's 500 ms) the button that became Toch niet still rests.
double-tap "act:demo-a-17" 700ms
expect "Je doet mee   Nog 5 plekken"
advance 2s
tap "act:demo-a-17"
expect "Goed, je doet niet mee."
)");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  // The first double tap wrote one sign-up; the 700 ms one did nothing; the deliberate tap cancelled.
  CHECK(types(session_events(dir)) == std::vector<std::string>{"signed_up", "sign_up_cancelled"});
}

TEST_CASE("double tap: Op de wachtlijst twice keeps the waiting-list place", "[e2e][language][touch]") {
  TempDir dir;
  const RunResult r = replay(dir, R"(
scan DEMO0001
tap "open:activities"
double-tap "act:demo-a-02" 150ms
expect "Wachtlijst: nummer 3"
double-tap "act:demo-a-02" 600ms
expect "Wachtlijst: nummer 3"
)");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(types(session_events(dir)) == std::vector<std::string>{"signed_up"});
}

TEST_CASE("double tap: OK twice after a check-in does not change the next person's language",
          "[e2e][language][touch]") {
  TempDir dir;
  // The confirmation's OK (bottom left) sits where the welcome screen's language buttons are.
  const RunResult r = replay(dir, R"(
scan DEMO0001
tap "check"
expect "Je bent ingecheckt"
double-tap "OK" 150ms
expect "Tik hier of scan je pas"
scan DEMO0002
tap "check"
double-tap "OK" 800ms
expect "Tik hier of scan je pas"
)");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(types(session_events(dir)) == std::vector<std::string>{"check_in", "check_in"});
}

TEST_CASE("double tap: repeat keys take every tap (PIN 0001 typed fast)", "[e2e][language][touch]") {
  TempDir dir;
  const RunResult r = replay(dir, R"(
tap "start"
type "fat"
tap "Fatima E."
double-tap "pin:0" 100ms
double-tap "pin:0" 100ms
expect "Die code klopt niet."
)");
  INFO(r.err);
  // Four zeros were typed (each tap counted): 0000 is not her PIN 0001.
  REQUIRE(r.exit_code == 0);
}
