// End-to-end tests: start the real kiosk under Xvfb with a replay script against a real
// database, then read what it wrote. These are the flows a participant goes through.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <vector>

#include "storage/store.hpp"
#include "support/demo_replay.hpp"
#include "support/headless.hpp"
#include "support/process.hpp"

using meedoen::test::headless;
using meedoen::test::run;
using meedoen::test::RunResult;
using meedoen::test::sh_quote;
using meedoen::test::TempDir;

namespace {

const std::string kKiosk = MEEDOEN_KIOSK_BIN;
// Monday morning in De Cirkel: the programme has activities and the morning dagdeel runs.
const std::string kClock = "2026-11-23T09:42";

RunResult replay(const TempDir& dir, const std::string& script, const std::string& extra = "") {
  meedoen::test::write_file(dir / "script.replay", script);
  return run(headless() + sh_quote(kKiosk) + " --demo --db " + sh_quote(dir / "kiosk.db") + " --clock " + kClock +
                 " --replay " + sh_quote(dir / "script.replay") + " " + extra,
             dir);
}

// The events written in this test's session: the demo centre comes with four weeks of history
// (all of it before the test clock's 09:42), which these tests leave aside.
std::vector<nlohmann::json> journal(const TempDir& dir) {
  const RunResult r =
      run("TZ=Europe/Amsterdam " + sh_quote(kKiosk) + " --db " + sh_quote(dir / "kiosk.db") + " --print-journal", dir);
  REQUIRE(r.exit_code == 0);
  std::vector<nlohmann::json> events;
  std::size_t pos = 0;
  while (pos < r.out.size()) {
    const std::size_t end = r.out.find('\n', pos);
    auto e = nlohmann::json::parse(r.out.substr(pos, end - pos));
    if (e.at("time").get<std::string>() >= "2026-11-23T09:42") events.push_back(std::move(e));
    pos = end == std::string::npos ? r.out.size() : end + 1;
  }
  return events;
}

}  // namespace

TEST_CASE("kiosk: a card scan and one tap check a participant in", "[e2e]") {
  TempDir dir;
  const RunResult r = replay(dir, R"(
scan DEMO0001
expect "Goedemorgen, Fatima"
expect-not "El Amrani"
tap "Inchecken"
expect "Je bent ingecheckt, 09:42"
expect "Fijn dat je er bent!"
advance 6s
expect "Start"
expect-not "Fatima"
)");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto events = journal(dir);
  REQUIRE(events.size() == 1);
  CHECK(events[0]["type"] == "check_in");
  CHECK(events[0]["participant"] == "demo-p-0001");
  // The app's clock starts at 09:42:00 and runs on: on a loaded machine start-up and the tap can
  // take more than a second, so only the minute is certain.
  CHECK(events[0]["time"].get<std::string>().rfind("2026-11-23T09:42:", 0) == 0);
  CHECK(events[0]["payload"]["dagdeel"] == "morning");
  CHECK(events[0]["synced"] == false);
  CHECK(events[0]["seq"].get<long long>() > 1000);  // after the demo centre's history, in sequence
}

TEST_CASE("kiosk: name search, PIN, check in and check out", "[e2e]") {
  TempDir dir;
  const RunResult r = replay(dir, R"(
tap "Start"
expect "Wie ben jij?"
type "ays"
expect "Ayşe Y."
tap "Ayşe Y."
expect "Hallo Ayşe"
tap "0"
tap "0"
tap "0"
tap "3"
expect "Goedemorgen, Ayşe"
tap "Inchecken"
expect "Je bent ingecheckt"
tap "OK"
advance 5m
scan DEMO0003
expect "Uitchecken"
expect "Je bent er sinds 09:42"
tap "Uitchecken"
expect "Je bent uitgecheckt, 09:47"
)");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto events = journal(dir);
  REQUIRE(events.size() == 2);
  CHECK(events[0]["type"] == "check_in");
  CHECK(events[1]["type"] == "check_out");
  CHECK(events[1]["participant"] == "demo-p-0003");
  CHECK(events[1]["seq"] == events[0]["seq"].get<long long>() + 1);
  CHECK(events[0]["hlc"].get<std::string>() < events[1]["hlc"].get<std::string>());
}

TEST_CASE("kiosk: a name typed with the accent layer, a drag that taps nothing, the PIN keypad", "[e2e]") {
  TempDir dir;
  const RunResult r = replay(dir, R"(
tap "Start"
type "Ayş"
expect "Ayş|"
expect "Ayşe Y."
drag 95 465 95 250
expect "Ayş|"
tap "Ayşe Y."
tap "pin:0"
tap "pin:0"
tap "pin:erase"
tap "pin:0"
tap "pin:0"
tap "pin:3"
expect "Goedemorgen, Ayşe"
tap "Inchecken"
expect "Je bent ingecheckt"
)");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto events = journal(dir);
  REQUIRE(events.size() == 1);
  CHECK(events[0]["participant"] == "demo-p-0003");
}

TEST_CASE("kiosk: three wrong PINs pause that participant's PIN, not the kiosk", "[e2e]") {
  TempDir dir;
  const RunResult r = replay(dir, R"(
tap "Start"
type "jan"
tap "Jan V."
tap "9"
tap "9"
tap "9"
tap "9"
expect "Die code klopt niet. Probeer het nog eens."
tap "9"
tap "9"
tap "9"
tap "9"
tap "9"
tap "9"
tap "9"
tap "9"
expect "Vraag een coach om hulp"
tap "Terug"
tap "Terug"
scan DEMO0002
expect "Je ging vrijdag om 12:30 weg?"
tap "Ja, klopt"
expect "Goedemorgen, Jan"
tap "Klaar"
scan DEMO0004
expect "Goedemorgen, Wim"
tap "Inchecken"
expect "Je bent ingecheckt"
)");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("wrong PIN (2 in a row)") != std::string::npos);
  const auto events = journal(dir);
  REQUIRE(events.size() == 2);
  CHECK(events[0]["type"] == "checkout_confirmed");  // Jan said the kiosk's 12:30 was right
  CHECK(events[0]["participant"] == "demo-p-0002");
  CHECK(events[1]["type"] == "check_in");
  CHECK(events[1]["participant"] == "demo-p-0004");
}

TEST_CASE("kiosk: an unknown card gets a calm message and writes nothing", "[e2e]") {
  TempDir dir;
  const RunResult r = replay(dir, R"(
scan NOSUCHCARD
expect "Deze pas kennen we niet"
expect "Start"
scan DEMO0005
expect "Goedemorgen, Marieke"
)");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(journal(dir).empty());
}

TEST_CASE("kiosk: inactivity asks 'Ben je er nog?' and then returns to the welcome screen", "[e2e]") {
  // The app's clock also runs in real time between steps: margins of a few seconds keep this
  // true on a loaded machine (the exact countdown is tested in core with a fake clock).
  TempDir dir;
  const RunResult r = replay(dir, R"(
scan DEMO0001
expect "Goedemorgen, Fatima"
advance 27s
expect-not "Ben je er nog?"
advance 4s
expect "Ben je er nog?"
expect "seconden gaan we terug naar het begin"
tap "Ja, ik ben er nog"
expect-not "Ben je er nog?"
expect "Goedemorgen, Fatima"
advance 31s
expect "Ben je er nog?"
advance 10s
expect "Start"
expect-not "Fatima"
)");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
}

TEST_CASE("kiosk: the participant's language is applied after identification", "[e2e]") {
  TempDir dir;
  // DEMO0008 (Kofi) prefers English; the welcome screen is Dutch until then, and again after (the
  // language buttons rest a moment after Done, so a double tap on Done cannot change them).
  const RunResult r = replay(dir, R"(
expect "Tik hier of scan je pas"
scan DEMO0008
expect "Good morning, Kofi"
expect "Check in"
tap "Done"
wait 3s
tap "English"
expect "Tap here or scan your card"
)");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
}

TEST_CASE("kiosk: a check-in survives SIGKILL right after its confirmation", "[e2e]") {
  TempDir dir;
  const std::string marker = dir / "confirmed.png";
  meedoen::test::write_file(
      dir / "script.replay",
      "scan DEMO0007\ntap \"Inchecken\"\nexpect \"Je bent ingecheckt\"\nscreenshot " + marker + "\nwait 60s\n");
  // The screenshot after the confirmation is the signal; kill -9 follows within milliseconds.
  const std::string inner = sh_quote(kKiosk) + " --demo --db " + sh_quote(dir / "kiosk.db") + " --clock " + kClock +
                            " --replay " + sh_quote(dir / "script.replay") + " & pid=$!; " +
                            "for i in $(seq 1 3000); do [ -f " + sh_quote(marker) + " ] && break; sleep 0.01; done; " +
                            "kill -9 $pid; wait $pid; echo status=$?";
  const RunResult r = run(headless() + "sh -c " + sh_quote(inner), dir);
  INFO(r.err);
  REQUIRE(r.out.find("status=137") != std::string::npos);  // 128 + SIGKILL
  const auto events = journal(dir);
  REQUIRE(events.size() == 1);
  CHECK(events[0]["participant"] == "demo-p-0007");
  auto store = meedoen::storage::Store::open(dir / "kiosk.db");
  CHECK(store.integrity_check() == "ok");
  CHECK(store.load_attendance_of("demo-p-0007", "2026-11-23", "2026-11-23").size() == 1);
}

TEST_CASE("kiosk: bad start-up conditions give a clear message and an exit code, never a crash", "[e2e]") {
  TempDir dir;
  SECTION("a database path that cannot be written") {
    meedoen::test::write_file(dir / "file", "not a folder");
    const RunResult r =
        run(sh_quote(kKiosk) + " --demo --db " + sh_quote(dir / "file/sub/kiosk.db") + " --print-journal", dir);
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("cannot use the database") != std::string::npos);
  }
  SECTION("a database written by a newer Meedoen") {
    run("sqlite3 " + sh_quote(dir / "new.db") + " 'PRAGMA user_version = 999;'", dir);
    const RunResult r = run(sh_quote(kKiosk) + " --db " + sh_quote(dir / "new.db") + " --print-journal", dir);
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("newer Meedoen") != std::string::npos);
  }
  SECTION("a database whose header is damaged: the kiosk starts, confirms nothing, does not sync") {
    run(sh_quote(kKiosk) + " --demo --db " + sh_quote(dir / "d.db") + " --print-journal", dir);
    run("dd if=/dev/urandom of=" + sh_quote(dir / "d.db") + " bs=1024 count=2 conv=notrunc 2>/dev/null", dir);
    const RunResult r = run(headless() + sh_quote(kKiosk) + " --db " + sh_quote(dir / "d.db") +
                                " --server http://127.0.0.1:9 --screenshot " + sh_quote(dir / "d.png"),
                            dir);
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("the database is damaged") != std::string::npos);
    CHECK(r.err.find("sync paused") != std::string::npos);
  }
  SECTION("a configuration with a typo") {
    meedoen::test::write_file(dir / "kiosk.toml", "[kiosk]\ninactivity_secnods = 30\n");
    const RunResult r = run(sh_quote(kKiosk) + " --config " + sh_quote(dir / "kiosk.toml") + " --print-journal", dir);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("kiosk.inactivity_secnods") != std::string::npos);
  }
  SECTION("no display") {
    const RunResult r =
        run("env -u DISPLAY -u WAYLAND_DISPLAY " + sh_quote(kKiosk) + " --demo --db " + sh_quote(dir / "k.db"), dir);
    CHECK(r.exit_code == 4);
    CHECK(r.err.find("no display") != std::string::npos);
  }
  // The window opens while the kiosk's own start runs beside it: the settings are still told first.
  SECTION("a configuration with a typo and no display: the configuration is what is wrong first") {
    meedoen::test::write_file(dir / "kiosk.toml", "[kiosk]\ninactivity_secnods = 30\n");
    const RunResult r = run("env -u DISPLAY -u WAYLAND_DISPLAY " + sh_quote(kKiosk) + " --config " +
                                sh_quote(dir / "kiosk.toml") + " --db " + sh_quote(dir / "k.db"),
                            dir);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("kiosk.inactivity_secnods") != std::string::npos);
  }
  SECTION("a configuration with a typo and a display: no window is left behind, the same message") {
    meedoen::test::write_file(dir / "kiosk.toml", "[kiosk]\ninactivity_secnods = 30\n");
    const RunResult r = run(
        headless() + sh_quote(kKiosk) + " --config " + sh_quote(dir / "kiosk.toml") + " --db " + sh_quote(dir / "k.db"),
        dir);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("kiosk.inactivity_secnods") != std::string::npos);
  }
  SECTION("a replay script with a mistake names the line") {
    meedoen::test::write_file(dir / "bad.replay", "scan DEMO0001\njump around\n");
    const RunResult r = run(headless() + sh_quote(kKiosk) + " --demo --db " + sh_quote(dir / "k.db") + " --replay " +
                                sh_quote(dir / "bad.replay"),
                            dir);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("line 2") != std::string::npos);
  }
  SECTION("an expectation that fails says what the screen showed") {
    const RunResult r = replay(dir, "expect \"Tot ziens\"\n");
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("Tik hier of scan je pas") != std::string::npos);
  }
}

TEST_CASE("kiosk: screenshots at 1280x800 and 1920x1080", "[e2e]") {
  TempDir dir;
  for (const std::string size : {"1280x800", "1920x1080"}) {
    const std::string png = dir / ("welcome-" + size + ".png");
    const RunResult r = run(headless(size) + sh_quote(kKiosk) + " --demo --db " + sh_quote(dir / "k.db") + " --clock " +
                                kClock + " --size " + size + " --screenshot " + sh_quote(png),
                            dir);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const std::string data = meedoen::test::slurp(png);
    REQUIRE(data.size() > 10000);  // a real picture, not an empty or black frame
    CHECK(data.compare(1, 3, "PNG") == 0);
  }
}

TEST_CASE("kiosk: a USB card scanner (keys typed into the window, then Enter) identifies", "[e2e]") {
  TempDir dir;
  // xdotool types like a scanner would: eight keys 20 ms apart and Enter, on the welcome screen.
  meedoen::test::write_file(
      dir / "script.replay",
      "wait 3s\nexpect \"Goedemorgen, Marieke\"\ntap \"Inchecken\"\nexpect \"Je bent ingecheckt\"\n");
  const std::string inner = sh_quote(kKiosk) + " --demo --db " + sh_quote(dir / "kiosk.db") + " --clock " + kClock +
                            " --replay " + sh_quote(dir / "script.replay") + " & pid=$!; sleep 1.5; " +
                            "xdotool search --sync --name Meedoen windowactivate --sync >/dev/null 2>&1; " +
                            "xdotool type --delay 20 DEMO0005; xdotool key Return; wait $pid; echo status=$?";
  const RunResult r = run(headless() + "sh -c " + sh_quote(inner), dir);
  INFO(r.err);
  REQUIRE(r.out.find("status=0") != std::string::npos);
  const auto events = journal(dir);
  REQUIRE(events.size() == 1);
  CHECK(events[0]["participant"] == "demo-p-0005");
}

TEST_CASE("kiosk: a coach logs in from the corner, sees today's exceptions and signs one off", "[e2e][coach]") {
  TempDir dir;
  const RunResult r = replay(dir, R"script(
expect "Start"
tap "coach"
expect "Coachmodus"
tap "coachpin:1"
tap "coachpin:1"
tap "coachpin:1"
tap "coachpin:1"
tap "coachpin:1"
tap "coachpin:1"
expect "Voer je coach-PIN in."
)script" + meedoen::test::kDemoCoachPin +
                                      R"script(
expect "Marloes Kuipers"
expect "Fatima El Amrani"
expect "Ochtend: nog niet binnen"
expect "Nu aanwezig (5)"
expect "verplicht"
tap "yes:demo-p-0001:morning"
expect "Afgemeld: waarom?"
tap "choice:medical"
expect "Afgemeld: Dokter of ziekenhuis, ochtend"
tap "Sluiten"
expect "Start"
expect-not "Fatima El Amrani"
)script");
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("wrong coach PIN (1 in a row)") != std::string::npos);
  const auto events = journal(dir);
  REQUIRE(events.size() == 1);
  CHECK(events[0].at("type") == "absence_reported");
  CHECK(events[0].at("participant") == "demo-p-0001");
  CHECK(events[0].at("payload").at("reason") == "medical");
  CHECK(events[0].at("payload").at("coach_id") == "demo-coach-1");  // who: the coach, not Fatima
}

TEST_CASE("kiosk: --coach starts at the coach PIN pad and returns there", "[e2e][coach]") {
  TempDir dir;
  const RunResult r = replay(dir, R"script(
expect "Coachmodus"
expect-not "Start"
tap "coachpin:1"
tap "coachpin:3"
tap "coachpin:5"
tap "coachpin:7"
tap "coachpin:9"
tap "coachpin:0"
expect "Erik Bos"
advance 2m
expect "Coachmodus"
expect-not "Erik Bos"
)script",
                             "--coach");
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
}

TEST_CASE("kiosk: a coach adds an activity to the programme, participants see it today", "[e2e][coach][programme]") {
  TempDir dir;
  const RunResult r = replay(dir, R"script(
)script" + meedoen::test::kDemoCoachSignsIn +
                                      R"script(
expect "Marloes Kuipers"
tap "Programma"
expect "Weekprogramma"
expect "Koffie-inloop"
tap "Nieuwe activiteit"
expect "Geef de activiteit een naam."
type "breien"
tap "Klaar"
tap "weekday:0"
tap "part:afternoon"
tap "end:down"
tap "icon:craft"
tap "places:up"
tap "places:up"
tap "Opslaan"
expect "Weekprogramma"
expect "Breien"
expect "0 van 2 aangemeld"
tap "Breien"
expect "Activiteit wijzigen"
tap "Van programma halen"
expect "Breien van het programma halen?"
tap "Nee, laten staan"
tap "Annuleren"
tap "Sluiten"
expect "Start"
expect "Breien"
expect "13:00 - 16:45"
)script");
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  const auto events = journal(dir);
  REQUIRE(events.size() == 1);
  CHECK(events[0].at("type") == "activity_saved");
  CHECK(events[0].at("participant") == "");
  const auto& p = events[0].at("payload");
  CHECK(p.at("title") == "Breien");
  CHECK(p.at("weekday") == 0);
  CHECK(p.at("dagdeel") == "afternoon");
  CHECK(p.at("start") == "13:00");
  CHECK(p.at("end") == "16:45");
  CHECK(p.at("icon") == "craft");
  CHECK(p.at("capacity") == 2);
  CHECK(p.at("active") == true);
  CHECK(p.at("coach_id") == "demo-coach-1");
  // The read model was written in the same transaction as the event.
  const RunResult q =
      run("sqlite3 " + sh_quote(dir / "kiosk.db") +
              " \"SELECT title, start_min, end_min, capacity, active FROM activities WHERE title = 'Breien'\"",
          dir);
  CHECK(q.out == "Breien|780|1005|2|1\n");
}

TEST_CASE("kiosk: a damaged database is noticed at start, the coach is told, nothing is confirmed", "[e2e]") {
  TempDir dir;
  // The demo centre, then 64 KiB of random bytes in the middle of its file.
  REQUIRE(replay(dir, "expect \"Start\"\n").exit_code == 0);
  const std::string db = dir / "kiosk.db";
  REQUIRE(
      run("dd if=/dev/urandom of=" + sh_quote(db) + " bs=64K count=1 conv=notrunc seek=8 2>/dev/null", dir).exit_code ==
      0);
  const RunResult r = replay(dir, R"(
expect "Deze kiosk kan nu niets opslaan"
expect "beschadigd"
expect "back-up"
scan DEMO0001
expect-not "Goedemorgen"
expect-not "ingecheckt"
screenshot storage-damaged.png
)");
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("the database is damaged") != std::string::npos);
}
